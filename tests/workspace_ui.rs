//! A folder of maps open as a workspace, driven as a user drives it (`egui_kittest`): the list,
//! search, the roll-up, tabs with their own histories, and linked maps followed and come back
//! from. The folder is generated: nested folders, a broken file, links and counterparts.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{ModalKind, NoDialogs, Selection, TouchlineApp};

mod common;

fn workspace(dir: &Path) -> Harness<'static, TouchlineApp> {
    touchline::generate::folder(dir, 12, 20, 4).unwrap();
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.inspector_open = false;
    app.open_folder(dir);
    let mut h = common::harness_sized(app, (1500.0, 950.0));
    h.run_steps(2);
    h
}

/// A click at a point on screen.
fn click_at(h: &mut Harness<'_, TouchlineApp>, at: egui::Pos2) {
    h.event(Event::PointerMoved(at));
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(1);
    }
}

fn shown_path(h: &Harness<'_, TouchlineApp>) -> Option<PathBuf> {
    h.state().doc().and_then(|d| d.path.clone())
}

fn ends_with(path: Option<PathBuf>, tail: &str) -> bool {
    path.is_some_and(|p| p.ends_with(tail))
}

#[test]
fn the_list_shows_every_map_and_the_broken_one_and_a_click_opens_a_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workspace(dir.path());
    assert!(h.query_by_label("Product 1: current state").is_some());
    assert!(h.query_by_label("Product 0: onboarding in detail").is_some(), "maps in subfolders are listed");
    assert!(h.query_by_label("⚠ broken.ron").is_some(), "a broken file is listed as one");
    assert!(h.query_by_label_contains("12 maps · 1 unreadable · 1 other file").is_some());
    let folder = dir.path().file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(h.state().window_title(), format!("{folder} — Touchline"));

    h.get_by_label("Product 1: current state").click();
    h.run_steps(2);
    assert!(ends_with(shown_path(&h), "product-001/current.ron"));
    assert_eq!(h.state().window_title(), format!("current.ron — {folder} — Touchline"));
    h.get_by_label("Product 0: future state").click();
    h.run_steps(2);
    assert_eq!(h.state().docs.len(), 2, "a second map opens in a tab of its own");
    assert!(ends_with(shown_path(&h), "product-000/future.ron"));
    // Its tab shows it again, with no third tab.
    h.get_by_label("current.ron").click();
    h.run_steps(2);
    assert!(ends_with(shown_path(&h), "product-001/current.ron"));
    assert_eq!(h.state().docs.len(), 2);
}

#[test]
fn tabs_keep_their_own_histories_and_closing_an_unsaved_one_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workspace(dir.path());
    h.get_by_label("Product 1: current state").click();
    h.run_steps(2);
    let card = h.state().doc().unwrap().map.cards[0].clone();
    let doc = h.state_mut().doc_mut().unwrap();
    let renamed = touchline::model::Card { title: "Renamed in the first tab".into(), ..card };
    doc.apply(touchline::edit::Command::ReplaceCard(renamed), "Edit card", None).unwrap();
    h.run_steps(1);
    h.get_by_label("Product 1: future state").click();
    h.run_steps(2);
    let docs: Vec<bool> = h.state().docs.iter().map(touchline::app::Document::is_dirty).collect();
    assert_eq!(docs, [true, false], "the edit stays in its own tab");
    assert!(!h.state().doc().unwrap().history.can_undo(), "the second tab has its own, empty history");
    assert!(h.query_by_label("• current.ron").is_some(), "the tab shows the unsaved mark");

    // Closing the unsaved tab asks first; Cancel keeps it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run_steps(2);
    assert_eq!(h.state().docs.len(), 1, "the saved tab closes at once");
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run_steps(2);
    assert!(h.state().modals.is_open(ModalKind::Unsaved));
    assert_eq!(h.state().docs.len(), 1);
}

#[test]
fn search_finds_a_card_in_any_map_and_enter_opens_it_selected() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("product-001/detail/support.ron");
    let mut h = workspace(dir.path());
    let mut map = touchline::file::load(&target).unwrap();
    map.cards[3].notes = "Quokka refund escalations every Monday".into();
    touchline::file::save(&map, &target).unwrap();
    h.state_mut().open_folder(dir.path());
    h.run_steps(2);

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run_steps(2);
    h.event(Event::Text("quokka MONDAY".into()));
    h.run_steps(2);
    assert!(h.query_by_label_contains("1 matches in 1 maps").is_some());
    assert!(h.query_by_label("Product 1: support in detail").is_some(), "hits are grouped under their map");
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), "product-001/detail/support.ron"));
    let doc = h.state().doc().unwrap();
    assert_eq!(doc.canvas.selection, Selection::card(map.cards[3].id.clone()), "the card is selected");
}

#[test]
fn the_rollup_sorts_by_a_column_and_a_row_opens_its_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workspace(dir.path());
    h.get_by_label("Roll-up").click();
    h.run_steps(2);
    let votes = |h: &Harness<'_, TouchlineApp>| -> Vec<u32> {
        h.state().workspace.as_ref().unwrap().rollup.as_ref().unwrap().rows.iter().map(|r| r.votes).collect()
    };
    let by_votes = votes(&h);
    assert!(by_votes.len() > 20 && by_votes.windows(2).all(|w| w[0] >= w[1]), "most voted first");
    h.get_by_label_contains("Votes").click();
    h.run_steps(2);
    assert!(votes(&h).windows(2).all(|w| w[0] <= w[1]), "a second click turns the order round");
    h.get_by_label("Owner").click();
    h.run_steps(2);
    let rollup = h.state().workspace.as_ref().unwrap().rollup.as_ref().unwrap();
    let owners: Vec<&str> = rollup.rows.iter().map(|r| r.owner.as_str()).collect();
    assert!(!owners[0].is_empty() && owners.last().unwrap().is_empty(), "named owners first: {owners:?}");
    let first = rollup.rows[0].clone();

    h.get_by_label(first.title.as_str()).click();
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), &first.file));
    assert_eq!(h.state().doc().unwrap().canvas.selection, Selection::card(first.card.clone()));
}

#[test]
fn a_stage_that_opens_a_map_is_followed_by_its_mark_and_back_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workspace(dir.path());
    h.get_by_label("Product 2: current state").click();
    h.run_steps(3);
    // The first stage opens the onboarding map: its mark sits on the header's lower edge, at
    // the trailing corner, and names the map's title.
    let (zoom, header) = {
        let doc = h.state().doc().unwrap();
        let (_, layout) = doc.map_and_layout();
        let header = doc.canvas.screen_from_scene() * layout.unwrap().stages[0].header;
        (doc.canvas.zoom(), header)
    };
    assert_eq!(
        h.state().doc().unwrap().canvas.linked.get("detail/onboarding.ron"),
        Some(&Some("Product 2: onboarding in detail".to_owned()))
    );
    click_at(&mut h, egui::pos2(header.right() - 8.0 * zoom - 3.0, header.bottom()));
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), "product-002/detail/onboarding.ron"));
    assert!(
        h.query_by_label_contains("Product 2: current state  ›  Product 2: onboarding in detail").is_some()
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::OpenBracket);
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), "product-002/current.ron"), "Back returns to the map followed from");
    assert!(h.state().back.is_empty());

    // The keyboard follows a selected stage's link too.
    let stage = h.state().doc().unwrap().map.stages[1].id.clone();
    h.state_mut().doc_mut().unwrap().canvas.selection =
        Selection::Header(touchline::app::HeaderSelection::Stage(stage));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), "product-002/detail/support.ron"));
    assert_eq!(h.state().docs.len(), 3, "each map once, in its own tab");
    // Alt+← with nothing selected goes back too, as in a browser.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run_steps(3);
    assert!(ends_with(shown_path(&h), "product-002/current.ron"));
}

#[test]
fn a_link_to_a_missing_map_is_drawn_as_a_placeholder_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = workspace(dir.path());
    std::fs::remove_file(dir.path().join("product-002/detail/support.ron")).unwrap();
    h.get_by_label("Product 2: current state").click();
    h.run_steps(3);
    let linked = &h.state().doc().unwrap().canvas.linked;
    assert_eq!(linked.get("detail/support.ron"), Some(&None), "known to be missing");
    let stage = h.state().doc().unwrap().map.stages[1].id.clone();
    h.state_mut().doc_mut().unwrap().canvas.selection =
        Selection::Header(touchline::app::HeaderSelection::Stage(stage));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run_steps(2);
    let errors: Vec<&str> = h.state().modals.errors().collect();
    assert!(errors.iter().any(|e| e.contains("detail/support.ron does not exist")), "{errors:?}");
    assert!(ends_with(shown_path(&h), "product-002/current.ron"), "nothing else opened");
}

#[test]
fn view_compare_opens_both_states_in_a_tab_with_the_changes_marked() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ecommerce.ron", "ecommerce-future.ron"] {
        std::fs::copy(Path::new("maps").join(name), dir.path().join(name)).unwrap();
    }
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.inspector_open = false;
    app.open_path(&dir.path().join("ecommerce-future.ron"));
    let mut h = common::harness_sized(app, (1500.0, 950.0));
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Compare with other state").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.docs.len(), 2, "the comparison opens in a tab of its own");
    let doc = app.doc().unwrap();
    assert_eq!(doc.display_name(), "ecommerce-future.ron and ecommerce.ron");
    assert!(!doc.is_dirty() && doc.path.is_none());
    let marks = doc.canvas.marks.as_ref().unwrap();
    assert!(marks.removed.contains(&"future:c-pain-fee".into()), "a pain point the future removed");
    assert!(marks.added.contains(&"future:c-swap".into()));
    assert!(doc.map.lanes.iter().filter(|l| l.kind == touchline::model::LaneKind::Emotions).count() == 1);
}

/// Dialogs that pick one map file.
struct PickMap(PathBuf);

impl touchline::app::FileDialogs for PickMap {
    fn pick_map(&mut self) -> Option<PathBuf> {
        Some(self.0.clone())
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        None
    }
}

#[test]
fn choose_in_the_inspector_links_a_card_to_a_map_named_from_the_maps_folder() {
    let dir = tempfile::tempdir().unwrap();
    touchline::generate::folder(dir.path(), 4, 20, 9).unwrap();
    let current = dir.path().join("product-000/current.ron");
    let detail = dir.path().join("product-000/detail/support.ron");
    let mut app = TouchlineApp::new(Box::new(PickMap(detail)), None);
    app.settings.inspector_open = true;
    app.open_path(&current);
    let card = app.doc().unwrap().map.cards[0].id.clone();
    app.doc_mut().unwrap().canvas.selection = Selection::card(card.clone());
    let mut h = common::harness_sized(app, (1500.0, 1400.0));
    h.get_by_label("Choose…").click();
    h.run_steps(3);
    let doc = h.state().doc().unwrap();
    assert_eq!(doc.map.card(&card).unwrap().opens.as_deref(), Some("detail/support.ron"));
    assert!(doc.is_dirty() && doc.history.can_undo(), "one undoable step");
    assert_eq!(
        doc.canvas.linked.get("detail/support.ron"),
        Some(&Some("Product 0: support in detail".to_owned()))
    );
}
