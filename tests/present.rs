//! Presentation mode driven as a facilitator drives it (`egui_kittest`, no display): stepping
//! through stages, leaving, capturing notes, dot voting, the timer and a second window.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{Shot, TouchlineApp};
use touchline::model::LaneId;

mod common;
use common::{editor, map};

/// Frames enough for a move between stages to finish.
const SETTLE: usize = 40;

fn press(h: &mut Harness<'_, TouchlineApp>, key: Key) {
    h.key_press(key);
    h.run_steps(SETTLE);
}

fn shot(h: &Harness<'_, TouchlineApp>) -> Shot {
    h.state().presentation.as_ref().expect("presenting").shot
}

fn presenting(template: &str) -> Harness<'static, TouchlineApp> {
    let mut h = editor(template);
    press(&mut h, Key::F5);
    assert!(h.state().presentation.is_some(), "F5 presents");
    h
}

#[test]
fn stepping_forward_back_jumping_and_the_overview() {
    let mut h = presenting("b2b-phone-system");
    assert_eq!(shot(&h), Shot::Overview, "a presentation opens on the whole map");
    h.get_by_label("Overview · 8 stages");
    let steps = [
        (Key::ArrowRight, Shot::Stage(0)),
        (Key::PageDown, Shot::Stage(1)),
        (Key::Space, Shot::Stage(2)),
        (Key::ArrowLeft, Shot::Stage(1)),
        (Key::PageUp, Shot::Stage(0)),
        (Key::ArrowLeft, Shot::Overview),
        (Key::End, Shot::Stage(7)),
        (Key::ArrowRight, Shot::Stage(7)),
        (Key::Home, Shot::Stage(0)),
        (Key::Num5, Shot::Stage(4)),
        (Key::Num9, Shot::Stage(4)),
        (Key::O, Shot::Overview),
        (Key::Num3, Shot::Stage(2)),
    ];
    for (key, expected) in steps {
        press(&mut h, key);
        assert_eq!(shot(&h), expected, "after {key:?}");
    }
    h.get_by_label("Stage 3 of 8 · Evaluate vendors");

    // The focused stage fills most of the width, and its cards are large.
    let app = h.state();
    let presentation = app.presentation.as_ref().unwrap();
    let doc = app.doc().unwrap();
    let layout = doc.map_and_layout_sized(touchline::theme::TypeSize::Large).1.unwrap();
    let t = presentation.canvas.screen_from_scene();
    let column = t * layout.stages[2].header;
    assert!(column.width() > 0.5 * presentation.canvas.rect.width(), "{column:?}");
    let scale = presentation.canvas.rect.height() / 1080.0;
    assert!(layout.sizes.card_font * t.scaling >= 24.0 * scale * 0.95);
}

#[test]
fn esc_returns_to_the_editor_with_its_selection_and_zoom() {
    let mut h = editor("ecommerce");
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run_steps(2);
    let (view, selected) =
        (h.state().doc().unwrap().canvas.view, h.state().doc().unwrap().canvas.selection.clone());
    assert_eq!(selected.card_count(), 1);
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Escape);
    assert!(h.state().presentation.is_none(), "Esc leaves");
    assert_eq!(h.state().doc().unwrap().canvas.view, view);
    assert_eq!(h.state().doc().unwrap().canvas.selection, selected);
    // The editor is back: its menus are there.
    h.get_by_label("File");
}

#[test]
fn three_notes_in_a_row_with_enter_then_esc_and_each_undoes_on_its_own() {
    let mut h = presenting("ecommerce");
    press(&mut h, Key::Num2);
    let before = map(&h).cards.len();
    // The pointer over the Pain points lane of the focused stage picks the lane.
    let target = h.get_by_label("Size guide uses a different scale than her current shoes").rect().center();
    h.hover_at(target);
    h.run_steps(2);
    press(&mut h, Key::N);
    for text in ["Returns label is hard to print", "No size chart in the app", "Chat closes at 6 pm"] {
        h.event(egui::Event::Text(text.into()));
        h.run_steps(2);
        h.key_press(Key::Enter);
        h.run_steps(3);
    }
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.state().presentation.is_some(), "Esc stops capturing, not presenting");
    assert!(h.state().presentation.as_ref().unwrap().dialog.is_none());
    let notes: Vec<&str> = map(&h)
        .cards
        .iter()
        .filter(|c| c.lane == LaneId::from("l-pain") && c.stage.as_str() == "s-consideration")
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(map(&h).cards.len(), before + 3);
    assert_eq!(
        notes,
        [
            "Size guide uses a different scale than her current shoes",
            "Returns label is hard to print",
            "No size chart in the app",
            "Chat closes at 6 pm"
        ]
    );
    let sticky = Some(touchline::app::present::capture::NOTE_COLOUR);
    let coloured: Vec<&str> =
        map(&h).cards.iter().filter(|c| c.colour == sticky).map(|c| c.title.as_str()).collect();
    assert_eq!(coloured, notes[1..], "the notes, and only they, are sticky-note coloured");
    // Ctrl+Z works while presenting, one note at a time.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(map(&h).cards.len(), before + 2);
    assert!(h.state().presentation.is_some());
}

#[test]
fn dot_voting_adds_takes_back_limits_ranks_and_clears_with_undo() {
    let mut h = presenting("ecommerce");
    press(&mut h, Key::Num3);
    press(&mut h, Key::V);
    h.get_by_label("Dot vote");
    // Enter starts a vote on pain points with three dots each.
    press(&mut h, Key::Enter);
    let fee = "Shipping fee appears only at the last step";
    let votes = |h: &Harness<'_, TouchlineApp>, title: &str| {
        map(h).cards.iter().find(|c| c.title == title).unwrap().votes
    };
    for _ in 0..4 {
        h.get_by_label(fee).click();
        h.run_steps(2);
    }
    assert_eq!(votes(&h, fee), 3, "three dots a person");
    h.get_by_label_contains("has used every dot");
    h.get_by_label(fee).click_modifiers(Modifiers::SHIFT);
    h.run_steps(2);
    assert_eq!(votes(&h, fee), 2, "Shift+click takes a dot back");
    // A card that is not a pain point takes no dot.
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    assert_eq!(votes(&h, "Checkout"), 0);
    // The next voter, on another stage's pain point.
    press(&mut h, Key::Enter);
    press(&mut h, Key::Num2);
    let size = "Size guide uses a different scale than her current shoes";
    for _ in 0..3 {
        h.get_by_label(size).click();
        h.run_steps(2);
    }
    assert_eq!(votes(&h, size), 3);
    press(&mut h, Key::R);
    h.get_by_label("Results · 5 dots");
    let ranking = touchline::app::present::vote::ranking(map(&h));
    let titles: Vec<&str> = ranking.iter().map(|(id, _)| map(&h).card(id).unwrap().title.as_str()).collect();
    assert_eq!(titles, [size, fee], "most dots first");
    assert!(h.state().presentation.as_ref().unwrap().results, "the results are shown");
    assert_eq!(touchline::app::present::vote::winners(map(&h)).len(), 2, "two cards are ringed");
    // Clearing is one step, and undo brings every dot back.
    h.get_by_label("Clear votes").click();
    h.run_steps(2);
    assert_eq!(touchline::app::present::vote::total(map(&h)), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!((votes(&h, size), votes(&h, fee)), (3, 2));
}

#[test]
fn the_timer_starts_counts_and_stops() {
    let mut h = presenting("ecommerce");
    press(&mut h, Key::T);
    h.get_by_label("Timer");
    press(&mut h, Key::ArrowUp);
    press(&mut h, Key::Enter);
    let timer = h.state().presentation.as_ref().unwrap().timer.expect("running");
    assert_eq!(timer.minutes, 6, "Up added a minute to the default five");
    h.get_by_label("6:00");
    // Stepping through the map goes on while it runs.
    press(&mut h, Key::ArrowRight);
    assert_eq!(shot(&h), Shot::Stage(0));
    press(&mut h, Key::T);
    assert!(h.state().presentation.as_ref().unwrap().timer.is_none(), "T again stops it");
}

#[test]
fn contrast_cycles_the_theme_while_presenting() {
    use touchline::theme::ThemeKind;
    let mut h = presenting("ecommerce");
    let theme = |h: &Harness<'_, TouchlineApp>| h.state().presentation.as_ref().unwrap().theme;
    let first = theme(&h);
    press(&mut h, Key::C);
    press(&mut h, Key::C);
    press(&mut h, Key::C);
    assert_eq!(theme(&h), first);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..3 {
        press(&mut h, Key::C);
        seen.insert(theme(&h));
    }
    assert_eq!(seen.len(), 3);
    assert!(seen.contains(&ThemeKind::HighContrast));
}

#[test]
fn a_presentation_in_its_own_window_shows_the_editors_edits_and_the_editor_shows_its_notes() {
    let mut h = editor("ecommerce");
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(SETTLE);
    assert!(h.state().presentation.as_ref().is_some_and(|p| p.window));
    press(&mut h, Key::Num3);
    assert_eq!(h.query_all_by_label("Checkout").count(), 2, "the card is in both windows");
    // Deleted in the editor, it leaves the presentation too.
    let checkout = map(&h).cards.iter().find(|c| c.title == "Checkout").unwrap().id.clone();
    h.state_mut().doc_mut().unwrap().canvas.selection = touchline::app::Selection::card(checkout);
    h.key_press(Key::Delete);
    h.run_steps(3);
    assert_eq!(h.query_all_by_label("Checkout").count(), 0);
    // Undone in the editor, it is back in both.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.query_all_by_label("Checkout").count(), 2);
}

/// Presenting a template in a window of this size.
fn presenting_at(template: &str, size: (f32, f32)) -> Harness<'static, TouchlineApp> {
    let map = touchline::templates::load(template).unwrap();
    let mut app = TouchlineApp::new(Box::new(touchline::app::NoDialogs), None);
    app.set_document(touchline::app::Document::new(map, None));
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(touchline::fonts::install)
        .build_ui_state(|ui, app: &mut TouchlineApp| app.show(ui), app);
    h.run_steps(3);
    press(&mut h, Key::F5);
    h
}

/// Where the cards and the focused stage's header show on screen, as the presentation shows them.
fn content_rects(h: &Harness<'_, TouchlineApp>, stage: usize) -> Vec<(String, egui::Rect)> {
    let app = h.state();
    let presentation = app.presentation.as_ref().unwrap();
    let doc = app.doc().unwrap();
    let (map, layout) = doc.map_and_layout_sized(touchline::theme::TypeSize::Large);
    let layout = layout.unwrap();
    let t = presentation.canvas.screen_from_scene();
    // What shows of them: the map is drawn only within its area.
    let area = presentation.map_area;
    let mut rects: Vec<(String, egui::Rect)> = layout
        .cards
        .iter()
        .map(|c| (map.card(&c.id).unwrap().title.clone(), (t * c.rect).intersect(area)))
        .filter(|(_, r)| r.is_positive())
        .collect();
    rects.push((format!("header of stage {}", stage + 1), (t * layout.stages[stage].header).intersect(area)));
    rects
}

#[test]
fn the_chrome_never_covers_a_card_or_the_stage_title_at_either_screen_size() {
    for size in [(1920.0, 1080.0), (1280.0, 720.0)] {
        let mut h = presenting_at("ecommerce", size);
        press(&mut h, Key::Num3);
        press(&mut h, Key::V);
        press(&mut h, Key::Enter);
        let fee = "Shipping fee appears only at the last step";
        for _ in 0..4 {
            h.get_by_label(fee).click();
            h.run_steps(2);
        }
        h.run_steps(SETTLE);
        // The boxes around the words: their margins, and the line of bars under the pill's.
        let s = size.1 / 1080.0;
        let boxed = |words: egui::Rect, below: f32| {
            let mut frame = words.expand2(egui::vec2(26.0, 14.0) * s);
            frame.max.y += below * s;
            frame
        };
        let check = |h: &Harness<'_, TouchlineApp>, chrome: &[egui::Rect]| {
            for (what, rect) in content_rects(h, 2) {
                for bar in chrome {
                    let overlap = bar.intersect(rect);
                    assert!(
                        overlap.width() <= 0.5 || overlap.height() <= 0.5,
                        "{size:?}: the chrome at {bar:?} covers {what} at {rect:?}"
                    );
                }
            }
        };
        // The vote's banner, and a notice where the pill says where you are.
        let banner = boxed(h.get_by_label_contains("Dot vote on").rect(), 30.0);
        let notice = boxed(h.get_by_label_contains("has used every dot").rect(), 13.0);
        check(&h, &[banner, notice]);
        // A few seconds later the pill says where you are again.
        h.run_steps(200);
        let pill = boxed(h.get_by_label_contains("Stage 3 of 5").rect(), 13.0);
        check(&h, &[banner, pill]);
    }
}

/// Each of the presentation's dialogs has the keys while it is open: the arrows do not step.
#[test]
fn every_dialog_takes_the_keys_from_the_presentation() {
    use touchline::app::present::Dialog;
    for opener in [Key::N, Key::V, Key::T] {
        let mut h = presenting("ecommerce");
        press(&mut h, Key::Num2);
        press(&mut h, opener);
        let dialog = h.state().presentation.as_ref().unwrap().dialog.as_ref().map(|d| match d {
            Dialog::Capture(_) => Key::N,
            Dialog::VoteSetup(..) => Key::V,
            Dialog::TimerSetup(_) => Key::T,
        });
        assert_eq!(dialog, Some(opener), "{opener:?} opens its dialog");
        for key in [Key::ArrowRight, Key::ArrowLeft, Key::Home, Key::End] {
            press(&mut h, key);
        }
        assert_eq!(shot(&h), Shot::Stage(1), "{opener:?}: the presentation stays on its stage");
    }
}

/// A presentation of `template` on a 1920×1080 screen, past the key hints.
fn presenting_full_hd(template: &str) -> Harness<'static, TouchlineApp> {
    let mut app = TouchlineApp::new(Box::new(touchline::app::NoDialogs), None);
    app.set_document(touchline::app::Document::new(touchline::templates::load(template).unwrap(), None));
    app.presentation =
        Some(touchline::app::Presentation::new(false, touchline::theme::ThemeKind::Light, None));
    let mut h = common::harness_sized(app, (1920.0, 1080.0));
    h.run_steps(400);
    h
}

#[test]
fn the_overview_is_a_slide_the_back_of_the_room_can_read() {
    for template in ["b2b-phone-system", "b2b-phone-system-ar", "customer-care-th", "saas-onboarding"] {
        let h = presenting_full_hd(template);
        let map = map(&h).clone();
        let title = h.get_by_label(&map.title);
        assert!(title.rect().height() >= 48.0, "{template}: the title is large");
        let pill = h.get_by_label_contains("Overview ·").rect();
        let mut columns = Vec::new();
        for stage in &map.stages {
            let name = h.get_by_label(&stage.name).rect();
            // One row of a 24-pixel font is about 1.3 times as tall.
            assert!(name.height() >= 24.0 * 1.2, "{template}: {} is {} px high", stage.name, name.height());
            assert!(!name.intersects(pill), "{template}: the pill covers {}", stage.name);
            columns.push(name);
        }
        // Stage 1 at the left, or at the right in a map that reads right to left.
        if map.direction.is_rtl() {
            columns.reverse();
        }
        for pair in columns.windows(2) {
            assert!(
                pair[0].right() <= pair[1].left(),
                "{template}: stage names overlap or run backwards: {pair:?}"
            );
        }
        // A stage's top cards are named on the slide, clear of the pill.
        let first = &map.stages[0];
        let shown: Vec<egui::Rect> = map
            .cards
            .iter()
            .filter(|c| c.stage == first.id)
            .flat_map(|c| h.query_all_by_label(&c.title).map(|n| n.rect()).collect::<Vec<_>>())
            .collect();
        assert!(!shown.is_empty(), "{template}: the first stage shows some of its cards");
        assert!(shown.iter().all(|r| !r.intersects(pill)));
    }
}
