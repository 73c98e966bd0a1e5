//! Every text the editor shows comes from the message files: in a pseudo-locale that wraps each
//! message in ‹ and ›, a walk through the main screens finds no label without the marks, except
//! the map's own words, the languages' own names and the few names that stay as they are.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

mod common;

use std::collections::BTreeSet;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use touchline::app::{Document, NoDialogs, TouchlineApp};
use touchline::i18n::{self, Language, PSEUDO_OPEN};
use touchline::model::{Map, Word};

/// Texts that are not the editor's words: what the map says, and names that stay as written.
fn not_ours(map: &Map) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = [map.title.clone(), map.scenario.clone(), map.author.clone()].into();
    for stage in &map.stages {
        out.extend([stage.name.clone(), stage.goal.clone()]);
    }
    for lane in &map.lanes {
        out.insert(lane.title.clone());
    }
    for card in &map.cards {
        out.extend([card.title.clone(), card.notes.clone(), card.owner.clone()]);
    }
    for persona in &map.personas {
        out.extend([persona.name.clone(), persona.description.clone()]);
    }
    for curve in &map.curves {
        out.insert(curve.name.clone());
    }
    for point in &map.points {
        out.extend([point.label.clone(), point.emoji.clone()]);
    }
    // The languages by their own names (View → Language, the template filter), the product's
    // name, the scores that keep their names everywhere, and the glossary's English words (the
    // words the canvas prints unless the map has its own).
    out.extend(Language::all().map(|l| l.endonym().to_owned()));
    out.extend(["Touchline", "NPS", "CSAT", "CES"].map(str::to_owned));
    // egui's own names for a side panel's resize handle and a window's close button: egui has
    // no way to translate them.
    out.extend(["Resize panel", "Close window"].map(str::to_owned));
    out.extend(Word::ALL.iter().map(|w| w.english().to_owned()));
    for template in touchline::templates::ALL {
        out.extend([template.title.to_owned(), template.language_name().to_owned()]);
    }
    // Right-to-left words drawn by Touchline's layout are read back in visual order.
    let visual: Vec<String> = out.iter().map(|t| touchline::text::visual_lines(t, usize::MAX)).collect();
    out.extend(visual);
    out
}

/// The labels on screen that carry no marks and are not in `allowed`.
fn unmarked(h: &Harness<'_, TouchlineApp>, allowed: &BTreeSet<String>) -> Vec<String> {
    let mut out = BTreeSet::new();
    for node in h.query_all(by().include_labels()) {
        let node = node.accesskit_node();
        // A wrapped label's rows are runs of its text; the label itself carries all of it.
        if node.role() == egui::accesskit::Role::TextRun {
            continue;
        }
        for text in [node.label(), node.value()].into_iter().flatten() {
            // A text laid out by Touchline's own bidirectional layout starts with a direction mark.
            let text = text.trim().trim_start_matches(['\u{200e}', '\u{200f}']).to_owned();
            if text.contains(PSEUDO_OPEN) {
                continue;
            }
            // Parts joined with a middle dot (a card's lane and stage) are judged one by one.
            for part in text.split(" · ") {
                // Numbers, symbols, shortcuts and names in capitals (PNG, 16:9 HD, A4) are not words.
                if !part.chars().any(char::is_lowercase) || is_shortcut(part) {
                    continue;
                }
                if allowed.contains(part) {
                    continue;
                }
                out.insert(part.to_owned());
            }
        }
    }
    out.into_iter().collect()
}

/// A key or key combination as egui formats it ("Ctrl+Shift+S", "F5", "Del").
fn is_shortcut(text: &str) -> bool {
    text.split('+').all(|part| part.len() <= 6 && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn pseudo_editor(map: Option<Map>) -> Harness<'static, TouchlineApp> {
    i18n::set_pseudo(true);
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.inspector_open = true;
    if let Some(map) = map {
        app.set_document(Document::new(map, None));
    }
    common::harness(app)
}

fn assert_marked(h: &Harness<'_, TouchlineApp>, allowed: &BTreeSet<String>, screen: &str) {
    let missing = unmarked(h, allowed);
    assert!(missing.is_empty(), "{screen}: texts that are not from the message files: {missing:#?}");
}

#[test]
fn the_start_screen_speaks_from_the_message_files() {
    let h = pseudo_editor(None);
    assert_marked(&h, &not_ours(&Map::default()), "start screen");
    i18n::set_pseudo(false);
}

#[test]
fn the_editor_speaks_from_the_message_files() {
    let map = touchline::templates::load("ecommerce").unwrap();
    let allowed = not_ours(&map);
    let mut h = pseudo_editor(Some(map));
    assert_marked(&h, &allowed, "editor with the map's inspector");

    h.key_press(Key::Tab);
    h.run_steps(3);
    assert_marked(&h, &allowed, "inspector on a card");

    for menu in ["menu-file", "menu-edit", "menu-view"] {
        let label = i18n::text(menu);
        h.get_by_label(&label).click();
        h.run_steps(3);
        assert_marked(&h, &allowed, &label);
        h.key_press(Key::Escape);
        h.run_steps(3);
    }

    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(3);
    assert_marked(&h, &allowed, "export dialog");
    h.key_press(Key::Escape);
    h.run_steps(3);

    h.key_press(Key::F5);
    h.run_steps(5);
    assert_marked(&h, &allowed, "presentation");
    h.key_press(Key::V);
    h.run_steps(3);
    assert_marked(&h, &allowed, "vote setup");
    i18n::set_pseudo(false);
}

/// The pseudo-locale test would pass on a screen with no text at all: it must see some.
#[test]
fn the_walk_sees_the_editors_words() {
    let map = touchline::templates::load("ecommerce").unwrap();
    let h = pseudo_editor(Some(map));
    let marked = h
        .query_all(by().include_labels())
        .filter(|n| n.accesskit_node().label().is_some_and(|l| l.contains(PSEUDO_OPEN)))
        .count();
    i18n::set_pseudo(false);
    assert!(marked > 20, "only {marked} marked labels");
}

/// Choosing a language in View → Language changes the editor's words at once, and is remembered.
#[test]
fn view_language_switches_the_editor() {
    let mut h = common::editor("ecommerce");
    h.get_by_label("View").click();
    h.run_steps(2);
    h.get_by_label("Language").hover();
    h.run_steps(3);
    h.get_by_label("Deutsch").click();
    h.run_steps(3);
    assert_eq!(h.state().settings.language, Some(Language::German));
    assert!(h.query_by_label("Ansicht").is_some(), "the menu bar is not in German");
    assert!(h.query_by_label("View").is_none());
    let saved = serde_json::to_string(&h.state().settings).unwrap();
    assert!(saved.contains("German"), "{saved}");
    i18n::set_language(Language::English);
}
