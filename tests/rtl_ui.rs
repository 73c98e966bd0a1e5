//! Editing right-to-left text in place: the caret follows the text on screen, as in a browser.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

mod common;

use common::{editor, map};
use egui::{Event, Key, Modifiers, PointerButton};
use egui_kittest::kittest::Queryable as _;
use touchline::app::TouchlineApp;

type Harness = egui_kittest::Harness<'static, TouchlineApp>;

const TITLE: &str = "زيادة السعر عند التجديد";

/// Starts editing the card titled `title` in place.
fn edit(h: &mut Harness, title: &str) -> touchline::model::CardId {
    let id = map(h).cards.iter().find(|c| c.title == title).unwrap().id.clone();
    h.get_by_label(title).click();
    h.run_steps(1);
    h.get_by_label(title).click();
    h.run_steps(2);
    assert!(h.state().doc().unwrap().canvas.editing.is_some(), "double-click starts editing");
    id
}

fn press(h: &mut Harness, key: Key, times: usize) {
    for _ in 0..times {
        h.key_press(key);
        h.run_steps(1);
    }
}

fn press_with(h: &mut Harness, modifiers: Modifiers, key: Key, times: usize) {
    for _ in 0..times {
        h.key_press_modifiers(modifiers, key);
        h.run_steps(1);
    }
}

fn type_text(h: &mut Harness, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run_steps(1);
}

fn finish(h: &mut Harness) {
    h.key_press(Key::Enter);
    h.run_steps(2);
}

#[test]
fn arrows_move_the_caret_on_screen_and_backspace_deletes_before_it() {
    let mut h = editor("b2b-phone-system-ar");
    let id = edit(&mut h, TITLE);
    // The caret starts at the end: on the left of an Arabic line.
    press(&mut h, Key::Backspace, 1);
    // Right, on screen, is back towards the start of an Arabic line: the caret now sits before
    // the last letter, and Backspace takes the letter before that.
    press(&mut h, Key::ArrowRight, 1);
    press(&mut h, Key::Backspace, 1);
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "زيادة السعر عند التجي");
}

#[test]
fn home_goes_to_the_start_and_shift_arrows_select_what_they_cross() {
    let mut h = editor("b2b-phone-system-ar");
    let id = edit(&mut h, TITLE);
    press(&mut h, Key::Home, 1);
    type_text(&mut h, "ال");
    // Left, on screen, reads on into an Arabic line: Shift+Left twice selects the next two
    // letters, and typing replaces them.
    press_with(&mut h, Modifiers::SHIFT, Key::ArrowLeft, 2);
    type_text(&mut h, "م");
    press(&mut h, Key::End, 1);
    type_text(&mut h, "!");
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "المادة السعر عند التجديد!");
}

#[test]
fn in_a_mixed_line_the_caret_crosses_a_latin_word_left_to_right() {
    let mut h = editor("b2b-phone-system-ar");
    let title = "مراجعات الطرف الثالث على G2 و Capterra";
    let id = edit(&mut h, title);
    // The line reads "Capterra و G2 على ..." from the left. Its end is right after
    // "Capterra"; one step left on screen is inside that word, before its last letter.
    press(&mut h, Key::End, 1);
    press(&mut h, Key::ArrowLeft, 1);
    press(&mut h, Key::Backspace, 1);
    // Ctrl+Home is the start of the text, on the right of the first row; one step left passes
    // its first letter.
    press_with(&mut h, Modifiers::COMMAND, Key::Home, 1);
    press(&mut h, Key::ArrowLeft, 1);
    press(&mut h, Key::Delete, 1);
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "ماجعات الطرف الثالث على G2 و Captera");
}

#[test]
fn a_click_on_the_left_of_an_arabic_line_puts_the_caret_at_its_end() {
    let mut h = editor("b2b-phone-system-ar");
    let id = edit(&mut h, TITLE);
    press(&mut h, Key::Home, 1);
    let field = h.get_by_role(egui::accesskit::Role::TextInput).rect();
    let left = egui::pos2(field.min.x + 6.0, field.min.y.midpoint(field.max.y));
    h.event(Event::PointerMoved(left));
    h.event(Event::PointerButton {
        pos: left,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(1);
    h.event(Event::PointerButton {
        pos: left,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(1);
    press(&mut h, Key::Backspace, 1);
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "زيادة السعر عند التجدي");
}

#[test]
fn typing_undoes_and_redoes_inside_the_field() {
    let mut h = editor("b2b-phone-system-ar");
    let id = edit(&mut h, TITLE);
    press(&mut h, Key::Backspace, 2);
    press_with(&mut h, Modifiers::COMMAND, Key::Z, 1);
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, 1);
    press_with(&mut h, Modifiers::COMMAND, Key::Z, 1);
    // Back to one letter gone, with the caret where it was: the next letter typed goes there.
    type_text(&mut h, "ة");
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "زيادة السعر عند التجدية");
}

#[test]
fn a_double_click_selects_the_word_under_it() {
    let mut h = editor("b2b-phone-system-ar");
    let id = edit(&mut h, TITLE);
    // Clear of the double click that started editing (a third click would select everything).
    h.run_steps(30);
    // The first word of an Arabic line is at its right end.
    let field = h.get_by_role(egui::accesskit::Role::TextInput).rect();
    let at = egui::pos2(field.max.x - 18.0, field.min.y + 14.0);
    h.event(Event::PointerMoved(at));
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos: at,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.run_steps(1);
    }
    type_text(&mut h, "قلة");
    finish(&mut h);
    assert_eq!(map(&h).card(&id).unwrap().title, "قلة السعر عند التجديد");
}

#[test]
fn a_map_turns_right_to_left_from_the_inspector_and_its_arrow_keys_follow_the_screen() {
    let map = touchline::templates::load("b2b-phone-system").unwrap();
    let mut h = common::editor_with(map, Box::new(touchline::app::NoDialogs), true);
    h.get_by_label("Words on the map").click();
    h.run_steps(3);
    h.get_by_label("Reads right to left (stage 1 at the right)").click();
    h.run_steps(3);
    assert!(common::map(&h).direction.is_rtl());
    let doc = h.state().doc().unwrap();
    let layout = doc.map_and_layout().1.unwrap();
    assert!(layout.rtl);
    assert!(
        layout.stages[0].column.left() > layout.stages[1].column.right() - 0.01,
        "stage 1 is at the right"
    );

    // → selects the card of the previous stage, which is to its right on screen.
    let second = common::map(&h).stages[1].id.clone();
    let card = common::map(&h).cards.iter().find(|c| c.stage == second).unwrap().title.clone();
    h.get_by_label(&card).click();
    h.run_steps(2);
    press(&mut h, Key::ArrowRight, 1);
    let doc = h.state().doc().unwrap();
    let selected: Vec<_> = doc.canvas.selection.card_ids().cloned().collect();
    assert_eq!(selected.len(), 1);
    let stage = &doc.map.card(&selected[0]).unwrap().stage;
    assert_eq!(stage, &doc.map.stages[0].id, "→ went to stage 1, on the right");

    common::undo(&mut h);
    assert!(!common::map(&h).direction.is_rtl(), "one undo turns it back");
}
