//! The editor driven as a user drives it (`egui_kittest`, no display, no GPU): find things by their
//! label, click and drag, then check the map.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::path::PathBuf;

use egui::{Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{FileDialogs, ModalKind, Pending, TouchlineApp};

mod common;
use common::{drag, editor, map, redo, undo};
use touchline::model::{CardId, Map};

/// Dialogs that answer with a fixed path.
struct FakeDialogs(Option<PathBuf>);

impl FileDialogs for FakeDialogs {
    fn pick_map(&mut self) -> Option<PathBuf> {
        self.0.clone()
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        self.0.clone()
    }
}

fn editor_with(map: Map, save_to: Option<PathBuf>) -> Harness<'static, TouchlineApp> {
    common::editor_with(map, Box::new(FakeDialogs(save_to)), false)
}

fn card_id(h: &Harness<'_, TouchlineApp>, title: &str) -> CardId {
    map(h).cards.iter().find(|c| c.title == title).expect("card exists").id.clone()
}

/// Clicks the item with this label and presses Delete.
fn select_and_delete(h: &mut Harness<'_, TouchlineApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
}

/// The cards of a cell, top to bottom.
fn cell_order(h: &Harness<'_, TouchlineApp>, lane: &str, stage: &str) -> Vec<CardId> {
    map(h)
        .cards
        .iter()
        .filter(|c| c.lane.as_str() == lane && c.stage.as_str() == stage)
        .map(|c| c.id.clone())
        .collect()
}

/// A cell's rectangle on screen, by lane and stage id.
fn cell(h: &Harness<'_, TouchlineApp>, lane: &str, stage: &str) -> Rect {
    let app = h.state();
    let doc = app.doc().unwrap();
    let (_, layout) = doc.map_and_layout();
    let layout = layout.unwrap();
    let l = layout.lanes.iter().position(|l| l.id.as_str() == lane).unwrap();
    let s = layout.stages.iter().position(|s| s.id.as_str() == stage).unwrap();
    app.doc().unwrap().canvas.screen_from_scene() * layout.cell_rect(l, s)
}

#[test]
fn drag_a_card_to_another_lane_and_stage_then_undo_and_redo() {
    let mut h = editor("ecommerce");
    let id = card_id(&h, "Notices worn soles after a long run");
    let from = h.get_by_label("Notices worn soles after a long run").rect().center();
    let target = cell(&h, "l-pain", "s-advocacy");
    drag(&mut h, from, target.center());

    let card = map(&h).card(&id).unwrap();
    assert_eq!((card.lane.as_str(), card.stage.as_str()), ("l-pain", "s-advocacy"));
    assert!(h.state().doc().unwrap().is_dirty());
    assert!(h.state().window_title().starts_with("● "), "{}", h.state().window_title());

    undo(&mut h);
    let card = map(&h).card(&id).unwrap();
    assert_eq!((card.lane.as_str(), card.stage.as_str()), ("l-actions", "s-awareness"));
    assert!(!h.state().doc().unwrap().is_dirty());

    redo(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().stage.as_str(), "s-advocacy");
}

#[test]
fn reorder_a_card_inside_its_cell() {
    let mut h = editor("ecommerce");
    let first = "Notices worn soles after a long run";
    let second = "Scrolls past a shoe ad from a friend's post";
    let (first_id, second_id) = (card_id(&h, first), card_id(&h, second));
    let from = h.get_by_label(first).rect().center();
    let below_second = h.get_by_label(second).rect().center_bottom() + egui::vec2(0.0, 2.0);
    drag(&mut h, from, below_second);

    assert_eq!(cell_order(&h, "l-actions", "s-awareness"), [second_id.clone(), first_id.clone()]);
    undo(&mut h);
    assert_eq!(cell_order(&h, "l-actions", "s-awareness"), [first_id, second_id]);
}

#[test]
fn reorder_a_stage_by_dragging_its_header() {
    let mut h = editor("ecommerce");
    let from = h.get_by_label("Awareness").rect().center();
    let to = h.get_by_label("Purchase").rect().center() + egui::vec2(20.0, 0.0);
    drag(&mut h, from, to);
    let names: Vec<&str> = map(&h).stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Consideration", "Purchase", "Awareness", "Retention", "Advocacy"]);
    // The cards went with their stage.
    let first_card = &map(&h).cards[0];
    assert_eq!(first_card.stage.as_str(), "s-consideration", "cards stay in canonical order");
    undo(&mut h);
    assert_eq!(map(&h).stages[0].name, "Awareness");
}

#[test]
fn rubber_band_selects_cards_and_they_move_together() {
    let mut h = editor("ecommerce");
    let a = h.get_by_label("Notices worn soles after a long run").rect();
    let b = h.get_by_label("Scrolls past a shoe ad from a friend's post").rect();
    // From empty space left of the cards in the cell to past both of them.
    let start = Pos2::new(a.left() - 4.0, a.top() - 4.0);
    let end = Pos2::new(b.center().x, b.bottom() + 2.0);
    drag(&mut h, start, end);
    assert_eq!(h.state().doc().unwrap().canvas.selection.card_count(), 2);

    let target = cell(&h, "l-opportunities", "s-retention");
    drag(&mut h, a.center(), target.center());
    let moved: Vec<&str> = map(&h)
        .cards
        .iter()
        .filter(|c| c.lane.as_str() == "l-opportunities" && c.stage.as_str() == "s-retention")
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(
        moved,
        [
            "One-tap size exchange in the order email",
            "Notices worn soles after a long run",
            "Scrolls past a shoe ad from a friend's post"
        ]
    );
    undo(&mut h);
    assert_eq!(
        map(&h)
            .cards
            .iter()
            .filter(|c| c.stage.as_str() == "s-retention" && c.lane.as_str() == "l-opportunities")
            .count(),
        1
    );
}

#[test]
fn escape_cancels_a_drag() {
    let mut h = editor("ecommerce");
    let before = map(&h).clone();
    let from = h.get_by_label("Notices worn soles after a long run").rect().center();
    let to = cell(&h, "l-pain", "s-advocacy").center();
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    assert_eq!(map(&h), &before);
}

#[test]
fn double_click_a_card_to_rename_it_in_place() {
    let mut h = editor("ecommerce");
    let id = card_id(&h, "Checkout");
    h.get_by_label("Checkout").click();
    h.run_steps(1);
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_some(), "double-click starts editing");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("Express checkout".into()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(map(&h).card(&id).unwrap().title, "Express checkout");
    undo(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "Checkout", "the rename is one undo step");
}

#[test]
fn the_keyboard_goes_from_card_to_card_edits_and_moves_them() {
    let mut h = editor("ecommerce");
    let title_of = |h: &Harness<'_, TouchlineApp>| {
        let selected: Vec<&CardId> = h.state().doc().unwrap().canvas.selection.card_ids().collect();
        assert_eq!(selected.len(), 1, "one card selected");
        map(h).card(selected[0]).unwrap().title.clone()
    };
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(1);
    assert_eq!(title_of(&h), "Order confirmation email", "down inside the cell");
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(1);
    assert_eq!(title_of(&h), "Care and first-run tips email", "right, at the same height");
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(1);
    assert_eq!(title_of(&h), "Delivery updates by SMS");
    // Screen readers are told where the card is as it is reached.
    let node = h.get_by_label("Delivery updates by SMS");
    let described = egui_kittest::kittest::NodeT::accesskit_node(&node).description();
    assert_eq!(described.as_deref(), Some("Retention, Touchpoints"));
    h.key_press_modifiers(Modifiers::SHIFT, egui::Key::Tab);
    h.run_steps(1);
    assert_eq!(
        title_of(&h),
        "Tracks the parcel, tries the shoes on",
        "back in reading order: the lane above"
    );
    h.key_press(egui::Key::Tab);
    h.run_steps(1);
    assert_eq!(title_of(&h), "Delivery updates by SMS");
    // Enter edits the title, Esc stops.
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_some(), "Enter starts editing");
    h.event(egui::Event::Text("Typed, then cancelled".into()));
    h.run_steps(1);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_none());
    assert_eq!(title_of(&h), "Delivery updates by SMS", "Esc cancels the typing and keeps the card selected");
    // Alt+Down moves the card below its neighbour: one undo step.
    let id = card_id(&h, "Delivery updates by SMS");
    let cell = |h: &Harness<'_, TouchlineApp>| -> Vec<String> {
        let m = map(h);
        let card = m.card(&id).unwrap();
        m.cards
            .iter()
            .filter(|c| c.lane == card.lane && c.stage == card.stage)
            .map(|c| c.title.clone())
            .collect()
    };
    assert_eq!(cell(&h)[0], "Delivery updates by SMS");
    h.key_press_modifiers(Modifiers::ALT, egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(cell(&h)[1], "Delivery updates by SMS");
    h.key_press_modifiers(Modifiers::ALT, egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(map(&h).card(&id).unwrap().stage.as_str(), "s-purchase", "into the stage on the left");
    undo(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().stage.as_str(), "s-retention", "one move, one undo step");
    assert_eq!(cell(&h)[1], "Delivery updates by SMS");
}

#[test]
fn delete_removes_the_selection_and_undo_brings_it_back() {
    let mut h = editor("ecommerce");
    let id = card_id(&h, "Checkout");
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert!(map(&h).card(&id).is_none());
    undo(&mut h);
    assert!(map(&h).card(&id).is_some());
    // Points anchored at the card came back too.
    assert!(map(&h).points.iter().any(|p| p.at == touchline::model::Anchor::Card(id.clone())));
}

fn request_close(h: &mut Harness<'_, TouchlineApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(2);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let save_to = dir.path().join("saved.ron");
    let mut h = editor_with(touchline::templates::load("ecommerce").unwrap(), Some(save_to.clone()));

    // Nothing changed: closing needs no question.
    request_close(&mut h);
    assert_eq!(h.state().modals.pending(), None);

    select_and_delete(&mut h, "Checkout");
    request_close(&mut h);
    assert_eq!(h.state().modals.pending(), Some(&Pending::Close));

    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(h.state().modals.pending(), None);
    assert!(!h.state().window.close_now);

    request_close(&mut h);
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(h.state().window.close_now, "closes after saving");
    let saved = touchline::file::load(&save_to).unwrap();
    assert!(saved.cards.iter().all(|c| c.title != "Checkout"));
}

#[test]
fn discarding_on_close_keeps_the_file_as_it_was() {
    let mut h = editor("ecommerce");
    select_and_delete(&mut h, "Checkout");
    request_close(&mut h);
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert!(h.state().window.close_now);
}

#[test]
fn the_start_screen_opens_a_template() {
    let mut h = common::harness(TouchlineApp::new(Box::new(FakeDialogs(None)), None));
    h.get_by_label("New map from template coffee-shop-blueprint").click();
    h.run_steps(3);
    assert_eq!(map(&h).title, "Coffee shop visit: service blueprint");
    assert!(h.query_by_label("Frontstage").is_some(), "the canvas shows the map's lanes");
}

#[test]
fn the_start_screen_filters_templates_by_language() {
    let mut h = common::harness(TouchlineApp::new(Box::new(FakeDialogs(None)), None));
    assert!(h.query_by_label("New map from template ecommerce").is_some());
    h.get_by_label("العربية · Arabic").click();
    h.run_steps(2);
    assert!(h.query_by_label("New map from template ecommerce").is_none(), "English templates hidden");
    assert!(h.query_by_label("New map from template b2b-phone-system-de").is_none());
    h.get_by_label("New map from template b2b-phone-system-ar").click();
    h.run_steps(3);
    let opened = map(&h);
    assert_eq!(opened.title, "البحث عن نظام هاتف عمل جديد");
    assert!(h.query_by_label("المشكلة أو الحاجة").is_some(), "the canvas names the stages in Arabic");
}

/// Dialogs that save images to a fixed path.
struct PngTo(PathBuf);

impl FileDialogs for PngTo {
    fn pick_map(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        None
    }
    fn save_export(&mut self, _format: touchline::export::Format, _suggested: &str) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

#[test]
fn the_export_dialog_shows_the_pixel_size_and_writes_that_image() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("slide.png");
    let map = touchline::templates::load("ecommerce").unwrap();
    let mut h = common::editor_with(map, Box::new(PngTo(out.clone())), false);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    assert!(h.state().modals.is_open(ModalKind::Export), "Ctrl+E opens the export dialog");
    h.get_by_label("Fit to").click();
    h.run_steps(2);
    assert!(h.query_by_label("Image: 1920 × 1080 pixels").is_some(), "the dialog shows the image size");
    h.get_by_label("Export PNG…").click();
    h.run_steps(2);
    assert_eq!(image::image_dimensions(&out).unwrap(), (1920, 1080));
    assert!(!h.state().modals.is_open(ModalKind::Export), "the dialog closes after exporting");
}

#[test]
fn the_export_dialog_closes_on_esc_on_a_click_beside_it_and_on_cancel() {
    let map = touchline::templates::load("ecommerce").unwrap();
    let mut h = common::editor_with(map, Box::new(touchline::app::NoDialogs), false);
    let open = |h: &mut Harness<'_, TouchlineApp>| {
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
        h.run_steps(3);
        assert!(h.state().modals.is_open(ModalKind::Export));
    };
    open(&mut h);
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    assert!(!h.state().modals.is_open(ModalKind::Export), "Esc closes it");
    open(&mut h);
    // A click in the window's corner, beside the dialog.
    let beside = egui::pos2(12.0, 880.0);
    h.hover_at(beside);
    h.run_steps(1);
    h.drag_at(beside);
    h.run_steps(1);
    h.drop_at(beside);
    h.run_steps(3);
    assert!(!h.state().modals.is_open(ModalKind::Export), "a click beside it closes it");
    open(&mut h);
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(!h.state().modals.is_open(ModalKind::Export), "Cancel closes it");
    assert!(!h.state().doc().unwrap().is_dirty(), "the map is as it was");
}

#[test]
fn the_export_dialog_writes_svg_and_pdf_and_remembers_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (format, head) in [("SVG", &b"<?xml"[..]), ("PDF", &b"%PDF-"[..])] {
        let out = dir.path().join(format!("slide.{}", format.to_lowercase()));
        let map = touchline::templates::load("ecommerce").unwrap();
        let mut h = common::editor_with(map, Box::new(PngTo(out.clone())), false);
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
        h.run_steps(2);
        h.get_by_label(format).click();
        h.run_steps(2);
        if format == "PDF" {
            h.get_by_label("A4").click();
            h.run_steps(2);
            assert!(
                h.query_by_label("Page: 842 × 595 points (A4 landscape)").is_some(),
                "the page size is shown"
            );
        } else {
            assert!(h.query_by_label_contains("Drawing: ").is_some(), "the drawing's size is shown");
        }
        h.get_by_label(&format!("Export {format}…")).click();
        h.run_steps(2);
        assert!(std::fs::read(&out).unwrap().starts_with(head), "{format} written");
        assert!(!h.state().modals.is_open(ModalKind::Export), "the dialog closes after exporting");
        // Opening the dialog again offers the same format.
        h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
        h.run_steps(2);
        assert!(h.query_by_label(&format!("Export {format}…")).is_some(), "{format} is remembered");
    }
}

#[test]
fn unsaved_work_is_autosaved_for_recovery_and_cleared_by_saving() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let save_to = dir.path().join("shop.ron");
    let mut app = TouchlineApp::new(Box::new(FakeDialogs(Some(save_to.clone()))), Some(recovery.clone()));
    app.settings.inspector_open = false;
    app.set_document(touchline::app::Document::new(touchline::templates::load("ecommerce").unwrap(), None));
    let mut h = common::harness(app);
    h.get_by_label("Checkout").click();
    h.run_steps(1);
    h.key_press(egui::Key::Delete);
    // Autosave waits a few seconds after a change.
    h.run_steps(400);
    let waiting = touchline::file::recovery::list(&recovery);
    assert_eq!(waiting.len(), 1, "the unsaved map was autosaved");
    let recovered = touchline::file::recovery::read(&waiting[0].file).unwrap();
    assert!(recovered.cards.iter().all(|c| c.title != "Checkout"), "the copy holds the unsaved change");

    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    assert!(save_to.exists());
    assert!(touchline::file::recovery::list(&recovery).is_empty(), "saving removes the recovery copy");
}

#[test]
fn opening_a_broken_map_shows_the_check_message_and_keeps_the_open_map() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, map: (title: \"x\", stages: [(id: \"s1\" name: \"A\")]))")
        .unwrap();
    let mut h = editor("ecommerce");
    let before = map(&h).clone();
    h.state_mut().open_path(&broken);
    h.run_steps(2);
    let message = h.state().modals.errors().next().map(str::to_owned).expect("an error is shown");
    let check = touchline::file::load(&broken).unwrap_err().to_string();
    assert_eq!(message, check);
    assert!(message.contains("broken.ron:1:"), "{message}");
    assert_eq!(map(&h), &before, "the open map is untouched");
    assert!(h.query_by_label_contains("broken.ron:1:").is_some(), "the message is on screen");
}

#[test]
fn opening_a_map_with_unsaved_changes_from_a_crash_offers_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = dir.path().join("shop.ron");
    let mut map = touchline::templates::load("ecommerce").unwrap();
    touchline::file::save(&map, &path).unwrap();
    // What a session that crashed had autosaved: the map with one card retitled.
    map.cards[0].title = "Changed before the crash".into();
    let canonical = std::fs::canonicalize(&path).unwrap();
    let file = touchline::file::recovery::file_for(&recovery, Some(&canonical), 0);
    touchline::file::recovery::write(&file, Some(&canonical), &map).unwrap();

    let mut h = common::harness(TouchlineApp::new(Box::new(FakeDialogs(None)), Some(recovery.clone())));
    h.state_mut().open_path(&path);
    h.run_steps(2);
    assert!(h.state().modals.is_open(ModalKind::Recovery), "the editor offers the recovered changes");
    h.get_by_label("Restore changes").click();
    h.run_steps(3);
    assert_eq!(common::map(&h).cards[0].title, "Changed before the crash");
    assert!(h.state().doc().unwrap().is_dirty(), "restored changes are unsaved");
    assert_eq!(h.state().doc().unwrap().path.as_deref(), Some(canonical.as_path()));
}

#[test]
fn alt_drag_from_a_card_to_another_links_them() {
    let mut h = editor("ecommerce");
    let links = map(&h).links.len();
    let from = h.get_by_label("Checkout").rect().center();
    let to = h.get_by_label("Order confirmation email").rect().center();
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    drag(&mut h, from, to);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    assert_eq!(map(&h).links.len(), links + 1);
    let link = map(&h).links.last().unwrap();
    assert_eq!((link.from.as_str(), link.to.as_str()), ("c-checkout", "c-confirm"));
    assert_eq!(map(&h).card(&"c-checkout".into()).unwrap().stage.as_str(), "s-purchase", "nothing moved");
    undo(&mut h);
    assert_eq!(map(&h).links.len(), links);
}

#[test]
fn every_inspector_panel_names_its_fields_for_screen_readers() {
    // kittest fails a step if any widget lacks an accessible name.
    let mut h = common::editor_with(
        touchline::templates::load("ecommerce").unwrap(),
        Box::new(FakeDialogs(None)),
        true,
    );
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    assert!(h.query_by_label("Notes").is_some(), "the card inspector is shown");
    h.get_by_label("Awareness").click();
    h.run_steps(2);
    assert!(h.query_by_label("Customer goal").is_some(), "the stage inspector is shown");
    h.get_by_label("Touchpoints").click();
    h.run_steps(2);
    assert!(h.query_by_label("Kind").is_some(), "the lane inspector is shown");
    h.state_mut().doc_mut().unwrap().canvas.selection = touchline::app::Selection::Point("pt-1".into());
    h.run_steps(2);
    assert!(h.query_by_label("Sentiment point").is_some(), "the point inspector is shown");
}

#[test]
fn an_undo_in_the_middle_of_a_header_drag_neither_panics_nor_moves_the_wrong_stage() {
    let mut h = editor("ecommerce");
    select_and_delete(&mut h, "Awareness");
    assert_eq!(map(&h).stages.len(), 4);
    // Pick up "Advocacy" (now the 4th stage), bring "Awareness" back with Ctrl+Z mid-drag, drop
    // left of "Consideration".
    let from = h.get_by_label("Advocacy").rect().center();
    let to = h.get_by_label("Consideration").rect().left_center() + egui::vec2(4.0, 0.0);
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(from + egui::vec2(-30.0, 0.0));
    h.run_steps(1);
    undo(&mut h);
    h.hover_at(to);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    let names: Vec<&str> = map(&h).stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 5);
    assert_eq!(names.iter().filter(|n| **n == "Advocacy").count(), 1);
    assert_ne!(names.last(), Some(&"Advocacy"), "the dragged stage moved: {names:?}");
}

#[test]
fn zoom_keys_zoom_the_canvas_not_the_interface() {
    let mut h = editor("ecommerce");
    let fitted = h.state().doc().unwrap().canvas.zoom();
    let ppp = h.ctx.pixels_per_point();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Plus);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.zoom() > fitted * 1.1, "Ctrl+Plus zooms in");
    assert!((h.ctx.pixels_per_point() - ppp).abs() < f32::EPSILON, "the interface keeps its size");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num0);
    h.run_steps(2);
    assert!((h.state().doc().unwrap().canvas.zoom() - 1.0).abs() < 1e-4, "Ctrl+0 is 100 %");
    h.key_press(egui::Key::F);
    h.run_steps(2);
    assert!((h.state().doc().unwrap().canvas.zoom() - fitted).abs() < 1e-4, "F fits the map again");
}

#[test]
fn dragging_a_stage_edge_resizes_it_and_a_lane_edge_resizes_the_lane_in_one_step_each() {
    let mut h = editor("ecommerce");
    let header = h.get_by_label("Purchase").rect();
    let edge = egui::pos2(header.right() - 1.0, header.center().y);
    drag(&mut h, edge, edge + egui::vec2(120.0, 0.0));
    let width = map(&h).stage(&"s-purchase".into()).unwrap().width;
    assert!(width > 1.3, "the stage got wider: {width}");
    undo(&mut h);
    assert!((map(&h).stage(&"s-purchase".into()).unwrap().width - 1.0).abs() < 1e-6, "one undo step");

    let lane = h.get_by_label("Opportunities").rect();
    let edge = egui::pos2(lane.center().x, lane.bottom() - 1.0);
    drag(&mut h, edge, edge + egui::vec2(0.0, 80.0));
    assert!(map(&h).lane(&"l-opportunities".into()).unwrap().height > 1.2);
    undo(&mut h);
    assert!((map(&h).lane(&"l-opportunities".into()).unwrap().height - 1.0).abs() < 1e-6);
}

/// The cards of a cell, by title, in the cell's order.
fn titles_in(h: &Harness<'_, TouchlineApp>, lane: &str, stage: &str) -> Vec<String> {
    map(h)
        .cards
        .iter()
        .filter(|c| c.lane.as_str() == lane && c.stage.as_str() == stage)
        .map(|c| c.title.clone())
        .collect()
}

#[test]
fn a_grid_of_spreadsheet_cells_pastes_across_lanes_and_stages_in_one_undo_step() {
    let mut h = editor("ecommerce");
    let before = map(&h).cards.len();
    h.hover_at(cell(&h, "l-touchpoints", "s-consideration").center());
    h.run_steps(1);
    // Three rows of four cells, as Excel or Google Sheets put them on the clipboard; one cell
    // holds a line break (quoted), one is empty.
    let text =
        "Quiz\tCart\tParcel\tReview\r\nWorry\t\"Fee\nshock\"\tWait\tPride\r\nBad fit\tHidden fee\tSwap\t\r\n";
    h.event(egui::Event::Paste(text.to_owned()));
    h.run_steps(2);
    assert_eq!(map(&h).cards.len(), before + 11, "one card per non-empty cell");
    // Rows go down the lanes from the cell pasted into, skipping the Emotions lane; columns go
    // right through the stages.
    assert!(titles_in(&h, "l-touchpoints", "s-consideration").ends_with(&["Quiz".to_owned()]));
    assert!(titles_in(&h, "l-touchpoints", "s-advocacy").ends_with(&["Review".to_owned()]));
    assert!(titles_in(&h, "l-thoughts", "s-purchase").ends_with(&["Fee\nshock".to_owned()]));
    assert!(titles_in(&h, "l-pain", "s-retention").ends_with(&["Swap".to_owned()]));
    assert_eq!(h.state().doc().unwrap().canvas.selection.card_count(), 11, "the new cards are selected");
    undo(&mut h);
    assert_eq!(map(&h).cards.len(), before, "one undo takes the whole paste back");
}

#[test]
fn a_column_of_cells_or_lines_of_text_paste_down_one_cell() {
    let mut h = editor("ecommerce");
    h.hover_at(cell(&h, "l-opportunities", "s-awareness").center());
    h.run_steps(1);
    h.event(egui::Event::Paste("Loyalty points\nReferral bonus\n\nClub discount\n".to_owned()));
    h.run_steps(2);
    assert_eq!(
        titles_in(&h, "l-opportunities", "s-awareness"),
        ["Loyalty points", "Referral bonus", "Club discount"]
    );
}

/// Dialogs that pick one file to import.
struct ImportFrom(PathBuf);

impl FileDialogs for ImportFrom {
    fn pick_map(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        None
    }
    fn pick_import(&mut self) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

#[test]
fn file_import_opens_a_spreadsheet_as_a_new_unsaved_map() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("cafe-inventory.csv");
    std::fs::write(
        &csv,
        "stage,lane,title,Interviewer\nArrive,Touchpoints,Door chime,Ana\nPay,Touchpoints,Card reader,Ben\n",
    )
    .unwrap();
    let map_before = touchline::templates::load("blank").unwrap();
    let mut h = common::editor_with(map_before, Box::new(ImportFrom(csv)), false);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Import…").click();
    h.run_steps(3);
    let doc = h.state().doc().unwrap();
    assert_eq!(doc.map.title, "cafe inventory");
    assert_eq!(doc.map.cards.len(), 2);
    assert!(doc.path.is_none() && doc.is_dirty(), "a new map, not saved yet");
    assert!(
        h.query_by_label_contains("columns kept in each card's notes: Interviewer").is_some(),
        "the notes are shown"
    );
}

/// Two quick clicks at a point on screen.
fn double_click_at(h: &mut Harness<'_, TouchlineApp>, at: Pos2) {
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(1);
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            h.run_steps(1);
        }
    }
}

/// The middle of an empty cell of the map: its lane and stage ids and where it is on screen.
fn empty_cell(h: &Harness<'_, TouchlineApp>) -> (String, String, Pos2) {
    let m = map(h);
    for lane in m.lanes.iter().filter(|l| l.kind != touchline::model::LaneKind::Emotions) {
        for stage in &m.stages {
            if !m.cards.iter().any(|c| c.lane == lane.id && c.stage == stage.id) {
                let rect = cell(h, lane.id.as_str(), stage.id.as_str());
                return (lane.id.to_string(), stage.id.to_string(), rect.center());
            }
        }
    }
    panic!("the map has an empty cell");
}

#[test]
fn a_new_card_opens_for_typing_and_enter_keeps_it_in_one_undo_step() {
    let mut h = editor("ecommerce");
    let (lane, stage, at) = empty_cell(&h);
    let cards_before = map(&h).cards.len();
    let view_before = h.state().doc().unwrap().canvas.view;
    double_click_at(&mut h, at);
    assert!(h.state().doc().unwrap().canvas.editing.is_some(), "the new card is open for typing");
    // A letter typed at once is the card's: F does not fit the view.
    h.key_press(egui::Key::F);
    h.run_steps(2);
    assert_eq!(h.state().doc().unwrap().canvas.view, view_before, "no shortcut fires while the card is open");
    assert!(h.state().doc().unwrap().canvas.editing.is_some(), "still typing after the field appeared");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text("Will it arrive before race day?".into()));
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_none());
    let cards = map(&h).cards.len();
    assert_eq!(cards, cards_before + 1);
    let card =
        map(&h).cards.iter().find(|c| c.title == "Will it arrive before race day?").expect("typed title");
    assert_eq!((card.lane.as_str(), card.stage.as_str()), (lane.as_str(), stage.as_str()));
    assert_eq!(card.id.as_str(), "c-will-it-arrive-before", "a readable id from the title");
    assert!(h.state().doc().unwrap().canvas.selection.contains(&card.id), "the new card stays selected");
    undo(&mut h);
    assert_eq!(map(&h).cards.len(), cards_before, "adding and typing is one undo step");
    redo(&mut h);
    assert!(map(&h).cards.iter().any(|c| c.title == "Will it arrive before race day?"));
}

#[test]
fn esc_on_a_new_card_left_empty_takes_it_back_without_an_undo_step() {
    let mut h = editor("ecommerce");
    let (_, _, at) = empty_cell(&h);
    let before = map(&h).clone();
    double_click_at(&mut h, at);
    assert!(h.state().doc().unwrap().canvas.editing.is_some());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_none());
    assert_eq!(map(&h), &before, "no empty card is left");
    let doc = h.state().doc().unwrap();
    assert!(!doc.history.can_undo() && !doc.history.can_redo(), "and nothing to undo or redo");
    assert!(!doc.history.is_dirty(), "the map is as it was saved");
}

/// Every command a menu is said to list is there, under its menu, and a click on it runs it.
#[test]
fn every_menu_lists_its_commands() {
    use touchline::app::{Menu, UiCommand};
    let mut h = editor("ecommerce");
    assert!(!h.state().settings.inspector_open);
    for menu in [Menu::File, Menu::Edit, Menu::View] {
        h.get_by_label(&menu.label()).click();
        h.run_steps(2);
        for command in UiCommand::all().filter(|c| c.menu().is_some_and(|(m, _)| m == menu)) {
            assert!(
                h.query_all_by_label_contains(&command.label()).next().is_some(),
                "{command:?} is not in the {} menu",
                menu.label()
            );
        }
        if menu == Menu::View {
            // A command from a menu runs: View → Show inspector opens the inspector.
            h.get_by_label_contains(&UiCommand::ToggleInspector.label()).click();
        } else {
            h.get_by_label(&menu.label()).click();
        }
        h.run_steps(2);
    }
    assert!(h.state().settings.inspector_open, "the menu entry ran its command");
}

/// Any dialog, however it was opened, has the keyboard: the keys that select, move, edit and
/// delete cards do not reach the canvas behind it.
#[test]
fn every_dialog_takes_the_keyboard_from_the_canvas() {
    use egui::Key;
    use strum::IntoEnumIterator as _;
    use touchline::app::Modal;
    for kind in ModalKind::iter() {
        let mut h = editor("ecommerce");
        h.get_by_label("Checkout").click();
        h.run_steps(2);
        let selected = h.state().doc().unwrap().canvas.selection.clone();
        assert_eq!(selected.card_count(), 1);
        let before = map(&h).clone();
        let modal = match kind {
            ModalKind::Unsaved => Modal::Unsaved(Pending::Open(None)),
            ModalKind::ReadOnly => Modal::ReadOnly(PathBuf::from("journey.ron")),
            ModalKind::Recovery => Modal::Recovery(PathBuf::from("journey.recovered.ron")),
            ModalKind::Templates => Modal::Templates,
            ModalKind::Export => Modal::Export,
            ModalKind::ImportNotes => Modal::ImportNotes("a column was kept in notes".into()),
            ModalKind::Error => Modal::Error("something failed".into()),
        };
        h.state_mut().modals.open(modal);
        h.run_steps(2);
        // Tab last: it gives the dialog's first button the keyboard.
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
        h.run_steps(1);
        for key in [Key::ArrowDown, Key::ArrowRight, Key::Delete, Key::Backspace, Key::F2, Key::Tab] {
            h.key_press(key);
            h.run_steps(1);
        }
        assert_eq!(h.state().doc().unwrap().canvas.selection, selected, "{kind:?}: the selection stays");
        assert!(map(&h) == &before, "{kind:?}: no card moved or was deleted");
        assert!(h.state().doc().unwrap().canvas.editing.is_none(), "{kind:?}: no card is being edited");
        assert!(h.state().modals.is_open(kind), "{kind:?} is still open");
    }
}

/// File → New over an open map shows the templates in rows, as the start screen does, in a
/// window that fits the editor's.
#[test]
fn the_template_picker_shows_rows_of_templates_inside_the_window() {
    let mut h = editor("ecommerce");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run_steps(3);
    let rect = |h: &Harness<'_, TouchlineApp>, name: &str| {
        h.get_by_label(&format!("New map from template {name}")).rect()
    };
    let (first, second) = (rect(&h, "blank"), rect(&h, "ecommerce"));
    assert!((first.top() - second.top()).abs() < 1.0, "two templates side by side: {first:?} {second:?}");
    let window = h.get_by_label("New map").rect();
    assert!(window.height() <= 900.0, "the picker fits the editor's window: {window:?}");
}
