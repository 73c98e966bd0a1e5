//! Helpers shared by the editor's UI tests: an editor on a template, and the gestures.

#![allow(dead_code, reason = "each test file uses a different subset")]

use egui::{Modifiers, Pos2};
use egui_kittest::Harness;
use touchline::app::{Document, FileDialogs, NoDialogs, TouchlineApp};
use touchline::model::Map;

/// A harness around the editor with `map` open; the inspector is shown if asked for.
pub fn editor_with(
    map: Map,
    dialogs: Box<dyn FileDialogs>,
    inspector: bool,
) -> Harness<'static, TouchlineApp> {
    let mut app = TouchlineApp::new(dialogs, None);
    app.settings.inspector_open = inspector;
    app.set_document(Document::new(map, None));
    harness(app)
}

/// A harness around the editor on a shipped template, dialogs cancelled, no inspector.
pub fn editor(template: &str) -> Harness<'static, TouchlineApp> {
    editor_with(touchline::templates::load(template).expect("template"), Box::new(NoDialogs), false)
}

/// A harness around an app as it is.
pub fn harness(app: TouchlineApp) -> Harness<'static, TouchlineApp> {
    harness_sized(app, (1400.0, 900.0))
}

/// A harness around an app as it is, on a screen of `size`.
pub fn harness_sized(app: TouchlineApp, size: (f32, f32)) -> Harness<'static, TouchlineApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        // Real frame timing, so that two quick clicks are a double-click.
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(touchline::fonts::install)
        .build_ui_state(|ui, app: &mut TouchlineApp| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// Runs frames until `done` holds: what a server thread sent reaches the map on a later frame.
pub fn frames_until(h: &mut Harness<'_, TouchlineApp>, done: impl Fn(&TouchlineApp) -> bool) {
    let start = std::time::Instant::now();
    while !done(h.state()) {
        assert!(start.elapsed() < std::time::Duration::from_secs(10), "the change never reached the map");
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

pub fn map<'h>(h: &'h Harness<'_, TouchlineApp>) -> &'h Map {
    &h.state().doc().expect("a map is open").map
}

/// Presses at `from`, moves in a few frames to `to`, releases.
pub fn drag(h: &mut Harness<'_, TouchlineApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for t in [0.1, 0.4, 0.7, 1.0] {
        h.hover_at(from + (to - from) * t);
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(2);
}

pub fn undo(h: &mut Harness<'_, TouchlineApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
}

pub fn redo(h: &mut Harness<'_, TouchlineApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(2);
}
pub mod http;
