//! The editor follows its map's file: a change on disk reloads it, or with unsaved edits offers
//! Keep mine, Take theirs and Merge; saving never silently overwrites a change made on disk.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{Document, FileDialogs, TouchlineApp};
use touchline::edit::Command;

mod common;
use common::{harness, map};

struct SaveAsTo(PathBuf);

impl FileDialogs for SaveAsTo {
    fn pick_map(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

/// The e-commerce map saved in a fresh folder, open in the editor.
fn open_copy(dir: &Path) -> (Harness<'static, TouchlineApp>, PathBuf) {
    let path = dir.join("shop.ron");
    std::fs::copy("maps/ecommerce.ron", &path).unwrap();
    let mut app = TouchlineApp::new(Box::new(SaveAsTo(dir.join("saved-as.ron"))), None);
    app.settings.inspector_open = false;
    app.set_document(Document::open(&path).unwrap());
    (harness(app), path)
}

/// What `git pull` does to the file: a new version with one card renamed.
fn change_on_disk(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Runs frames (in real time, so the watcher can report) until `done` holds.
fn wait_for(
    h: &mut Harness<'_, TouchlineApp>,
    what: &str,
    done: impl Fn(&Harness<'_, TouchlineApp>) -> bool,
) {
    for _ in 0..300 {
        h.run_steps(1);
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("waited in vain for {what}");
}

fn title(h: &Harness<'_, TouchlineApp>, id: &str) -> String {
    map(h).card(&id.into()).unwrap().title.clone()
}

fn edit_locally(h: &mut Harness<'_, TouchlineApp>) {
    let mut card = map(h).card(&"c-survey".into()).unwrap().clone();
    card.title = "Survey (ours)".into();
    let doc = h.state_mut().doc_mut().unwrap();
    doc.apply(Command::ReplaceCard(card), "Edit card", None).unwrap();
    h.run_steps(1);
}

#[test]
fn a_change_on_disk_with_nothing_unsaved_reloads_in_place_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    h.get_by_label("Checkout").click();
    h.run_steps(1);
    let view = h.state().doc().unwrap().canvas.view;
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    wait_for(&mut h, "the reload", |h| title(h, "c-checkout") == "One-page checkout");
    assert!(!h.state().doc().unwrap().is_dirty(), "the map is what the file holds");
    assert_eq!(h.state().doc().unwrap().canvas.view, view, "the view stays");
    assert!(h.state().doc().unwrap().canvas.selection.contains(&"c-checkout".into()), "the selection stays");
    assert_eq!(h.state().doc().unwrap().history.undo_label(), Some("Reloaded from disk"));
    common::undo(&mut h);
    assert_eq!(title(&h, "c-checkout"), "Checkout");
}

#[test]
fn with_unsaved_edits_keep_mine_keeps_them_and_the_next_save_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    wait_for(&mut h, "the bar", |h| h.query_by_label("Keep mine").is_some());
    h.get_by_label("Take theirs");
    h.get_by_label("Merge");
    assert_eq!(title(&h, "c-checkout"), "Checkout", "nothing changes before the user chooses");
    h.get_by_label("Keep mine").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Survey (ours)") && !saved.contains("One-page checkout"));
}

#[test]
fn with_unsaved_edits_take_theirs_loads_the_file_and_undo_brings_mine_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    wait_for(&mut h, "the bar", |h| h.query_by_label("Take theirs").is_some());
    h.get_by_label("Take theirs").click();
    h.run_steps(2);
    assert_eq!(title(&h, "c-checkout"), "One-page checkout");
    assert_eq!(title(&h, "c-survey"), "Post-purchase survey");
    assert!(!h.state().doc().unwrap().is_dirty());
    common::undo(&mut h);
    assert_eq!(title(&h, "c-survey"), "Survey (ours)");
}

#[test]
fn with_unsaved_edits_merge_keeps_both() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    wait_for(&mut h, "the bar", |h| h.query_by_label("Merge").is_some());
    h.get_by_label("Merge").click();
    h.run_steps(2);
    assert_eq!(title(&h, "c-checkout"), "One-page checkout");
    assert_eq!(title(&h, "c-survey"), "Survey (ours)");
    assert!(h.state().doc().unwrap().is_dirty(), "the merge is not saved yet");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("Survey (ours)") && saved.contains("One-page checkout"),
        "saving needs no question now"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    // Changed and saved at once, before any frame could notice.
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(std::fs::read_to_string(&path).unwrap().contains("One-page checkout"), "not overwritten");
    h.get_by_label_contains("Saving now would overwrite");
    h.get_by_label("Keep mine").click();
    h.run_steps(2);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Survey (ours)"), "saved once the user chose");
}

#[test]
fn a_deleted_file_is_reported_and_save_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    std::fs::remove_file(&path).unwrap();
    wait_for(&mut h, "the report", |h| h.query_by_label_contains("was deleted or moved").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!path.exists(), "Save did not silently recreate the old path");
    let saved_as = dir.path().join("saved-as.ron");
    assert!(std::fs::read_to_string(saved_as).unwrap().contains("Survey (ours)"));
}

#[test]
fn the_choice_is_offered_while_presenting_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    edit_locally(&mut h);
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(h.state().presentation.is_some());
    change_on_disk(&path, r#"title: "Checkout","#, r#"title: "One-page checkout","#);
    wait_for(&mut h, "the bar over the presentation", |h| h.query_by_label("Merge").is_some());
    h.get_by_label("Merge").click();
    h.run_steps(2);
    assert_eq!(title(&h, "c-checkout"), "One-page checkout");
    assert_eq!(title(&h, "c-survey"), "Survey (ours)");
    assert!(h.state().presentation.is_some(), "still presenting");
}

#[test]
fn an_idle_editor_paints_no_frame_and_nothing_wakes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _path) = open_copy(dir.path());
    // Let the watcher start and whatever the opening asked for settle.
    for _ in 0..10 {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.run_steps(1);
    let delay = h.output().viewport_output.get(&egui::ViewportId::ROOT).map(|v| v.repaint_delay);
    assert!(
        delay.is_none_or(|d| d > std::time::Duration::from_hours(1)),
        "an idle frame asks for no further frame, yet asked for one after {delay:?}"
    );
    // Over two seconds with nobody touching anything (two looks at the file's size and time),
    // the editor is asked for no frame: reading the file does not wake it.
    let mut frames = 0;
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(2) {
        std::thread::sleep(std::time::Duration::from_millis(50));
        if h.ctx.has_requested_repaint() {
            frames += 1;
            h.run_steps(1);
        }
    }
    assert_eq!(frames, 0, "frames painted while idle");
}

#[cfg(unix)]
#[test]
fn saving_over_a_read_only_map_asks_and_save_anyway_keeps_it_read_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = open_copy(dir.path());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    edit_locally(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    h.get_by_label("Save anyway");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "nothing written before the answer");
    assert!(h.state().doc().unwrap().is_dirty());
    h.get_by_label("Save anyway").click();
    h.run_steps(2);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Survey (ours)"));
    assert!(!h.state().doc().unwrap().is_dirty());
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o444);
}

#[test]
fn a_save_that_fails_says_so_and_keeps_the_work_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    std::fs::copy("maps/ecommerce.ron", &path).unwrap();
    // Save As answers with a folder that does not exist: the write fails, as on a full disk.
    let mut app = TouchlineApp::new(Box::new(SaveAsTo(dir.path().join("gone/shop.ron"))), None);
    app.settings.inspector_open = false;
    app.set_document(Document::open(&path).unwrap());
    let mut h = harness(app);
    edit_locally(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(3);
    let error = h.state().modals.errors().next().map(str::to_owned).expect("the failure is shown");
    assert!(error.contains("gone/shop.ron was not saved") && error.contains("Save As"), "{error}");
    let doc = h.state().doc().unwrap();
    assert!(doc.is_dirty(), "the work is still unsaved");
    assert_eq!(doc.path.as_deref(), Some(path.as_path()), "and still belongs to its own file");
    assert_eq!(title(&h, "c-survey"), "Survey (ours)");
}
