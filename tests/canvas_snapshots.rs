//! Rendered images of the editor's canvas (kittest snapshots on Mesa's software renderer), light
//! and dark, compared with the checked-in PNGs in `tests/snapshots`. `UPDATE_SNAPSHOTS=1`
//! rewrites them after an intended change of look.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use egui_kittest::{Harness, SnapshotOptions};
use touchline::app::{Document, NoDialogs, ThemeChoice, TouchlineApp};

/// The editor drawn on the GPU (Mesa's software renderer), at `size`, in real frame time.
fn rendering(app: TouchlineApp, size: (f32, f32)) -> Harness<'static, TouchlineApp> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(touchline::fonts::install)
        .wgpu()
        .build_ui_state(|ui, app: &mut TouchlineApp| app.show(ui), app)
}

fn snapshot(template: &str, theme: ThemeChoice, name: &str) {
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.theme = theme;
    app.set_document(Document::new(touchline::templates::load(template).unwrap(), None));
    let mut harness = rendering(app, (1280.0, 800.0));
    harness.run_steps(4);
    // A small tolerance: software renderers may differ in the last bit of anti-aliasing.
    harness.snapshot_options(name, &SnapshotOptions::new().threshold(2.0).max_failed_pixels(400));
}

#[test]
fn ecommerce_canvas_in_light() {
    snapshot("ecommerce", ThemeChoice::Light, "canvas-ecommerce-light");
}

#[test]
fn ecommerce_canvas_in_dark() {
    snapshot("ecommerce", ThemeChoice::Dark, "canvas-ecommerce-dark");
}

/// The Arabic template in the editor: laid out right to left, stage 1 at the right.
#[test]
fn arabic_canvas_right_to_left() {
    snapshot("b2b-phone-system-ar", ThemeChoice::Light, "canvas-b2b-phone-system-ar-rtl");
}

/// The Thai template in the editor.
#[test]
fn thai_canvas() {
    snapshot("customer-care-th", ThemeChoice::Light, "canvas-customer-care-th");
}

/// The whole editor in a language, the inspector open on a selected card: menus, toolbar,
/// inspector and status bar in that language (mirrored in Arabic: the inspector on the left, the
/// menus from the right).
fn editor_in(language: touchline::i18n::Language, template: &str, name: &str) {
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.theme = ThemeChoice::Light;
    app.settings.language = Some(language);
    app.settings.inspector_open = true;
    app.set_document(Document::new(touchline::templates::load(template).unwrap(), None));
    let mut harness = rendering(app, (1440.0, 900.0));
    harness.run_steps(4);
    // Tab selects the first card, so the inspector shows a card's fields.
    harness.key_press(egui::Key::Tab);
    harness.run_steps(4);
    harness.snapshot_options(name, &SnapshotOptions::new().threshold(2.0).max_failed_pixels(400));
}

#[test]
fn editor_in_arabic_is_mirrored() {
    editor_in(touchline::i18n::Language::Arabic, "b2b-phone-system-ar", "editor-ar");
}

#[test]
fn editor_in_thai() {
    editor_in(touchline::i18n::Language::Thai, "customer-care-th", "editor-th");
}

#[test]
fn editor_in_german() {
    editor_in(touchline::i18n::Language::German, "b2b-phone-system-de", "editor-de");
}

/// Presentation mode on the e-commerce map: the overview, then stage 3 focused.
fn presentation_snapshots(theme: touchline::theme::ThemeKind, name: &str) {
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.set_document(Document::new(touchline::templates::load("ecommerce").unwrap(), None));
    app.presentation = Some(touchline::app::Presentation::new(false, theme, None));
    let mut harness = rendering(app, (1280.0, 720.0));
    // Past the key hints, which show for the first seconds.
    harness.run_steps(400);
    let options = SnapshotOptions::new().threshold(2.0).max_failed_pixels(400);
    harness.snapshot_options(format!("present-{name}-overview"), &options);
    harness.key_press(egui::Key::Num3);
    harness.run_steps(40);
    harness.snapshot_options(format!("present-{name}-stage-3"), &options);
}

#[test]
fn presentation_in_light() {
    presentation_snapshots(touchline::theme::ThemeKind::Light, "light");
}

#[test]
fn presentation_in_dark() {
    presentation_snapshots(touchline::theme::ThemeKind::Dark, "dark");
}

#[test]
fn presentation_in_high_contrast() {
    presentation_snapshots(touchline::theme::ThemeKind::HighContrast, "high-contrast");
}
