//! Editing the sentiment curve and personas in the editor, driven as a user would.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{NoDialogs, TouchlineApp};
use touchline::model::{Anchor, Point};

mod common;
use common::{drag, map, redo, undo};

fn editor(template: &str, inspector: bool) -> Harness<'static, TouchlineApp> {
    common::editor_with(touchline::templates::load(template).unwrap(), Box::new(NoDialogs), inspector)
}

fn point<'h>(h: &'h Harness<'_, TouchlineApp>, id: &str) -> &'h Point {
    map(h).points.iter().find(|p| p.id.as_str() == id).unwrap()
}

/// A point's position on screen.
fn point_pos(h: &Harness<'_, TouchlineApp>, id: &str) -> Pos2 {
    let app = h.state();
    let layout = app.doc().unwrap().map_and_layout().1.unwrap();
    app.doc().unwrap().canvas.screen_from_scene() * layout.point(&id.into()).unwrap().pos
}

/// The screen height of a value on the map's scale.
fn value_y(h: &Harness<'_, TouchlineApp>, value: f32) -> f32 {
    let app = h.state();
    let doc = app.doc().unwrap();
    let layout = doc.map_and_layout().1.unwrap();
    let range = touchline::layout::curve::value_range(layout).unwrap();
    let y = touchline::layout::curve::y_of(&doc.map, range, value);
    (app.doc().unwrap().canvas.screen_from_scene() * Pos2::new(0.0, y)).y
}

#[test]
fn dragging_a_point_changes_its_value_snapping_to_whole_levels_as_one_step() {
    let mut h = editor("ecommerce", false);
    assert!((point(&h, "pt-1").value - 0.5).abs() < 1e-6);
    let from = point_pos(&h, "pt-1");
    // A little below level −1: snaps to −1.
    let to = Pos2::new(from.x, value_y(&h, -1.2));
    drag(&mut h, from, to);
    assert!((point(&h, "pt-1").value + 1.0).abs() < 1e-6, "value {}", point(&h, "pt-1").value);
    assert_eq!(point(&h, "pt-1").at, Anchor::Stage("s-awareness".into()), "a vertical drag keeps the anchor");
    undo(&mut h);
    assert!((point(&h, "pt-1").value - 0.5).abs() < 1e-6, "the whole drag is one undo step");
    redo(&mut h);
    assert!((point(&h, "pt-1").value + 1.0).abs() < 1e-6);
}

#[test]
fn dropping_a_point_on_a_card_anchors_it_there() {
    let mut h = editor("ecommerce", false);
    let from = point_pos(&h, "pt-1");
    let card = h.get_by_label("Paid ad: spring running collection").rect().center();
    drag(&mut h, from, card);
    assert_eq!(point(&h, "pt-1").at, Anchor::Card("c-paid-ad".into()));
    undo(&mut h);
    assert_eq!(point(&h, "pt-1").at, Anchor::Stage("s-awareness".into()));
    redo(&mut h);
    assert_eq!(point(&h, "pt-1").at, Anchor::Card("c-paid-ad".into()));
}

#[test]
fn double_clicking_the_emotions_lane_adds_a_point_and_delete_removes_it() {
    let mut h = editor("saas-onboarding", false);
    let before = map(&h).points.len();
    // The member's curve has no point at "Sign up"; the admin's has. Make the member's active.
    h.state_mut().doc_mut().unwrap().canvas.active_curve = Some("e-member".into());
    let x = point_pos(&h, "pt-a1").x;
    let click = Pos2::new(x, value_y(&h, -1.0));
    h.hover_at(click);
    h.run_steps(1);
    h.drag_at(click);
    h.run_steps(1);
    h.drop_at(click);
    h.run_steps(2);
    // One click (focusing the window, say) leaves the curve as it is.
    assert_eq!(map(&h).points.len(), before, "a single click added a point");
    assert!(!h.state().doc().unwrap().is_dirty());
    h.drag_at(click);
    h.run_steps(1);
    h.drop_at(click);
    h.run_steps(2);
    assert_eq!(map(&h).points.len(), before + 1, "a double-click adds one");
    let added = map(&h)
        .points
        .iter()
        .find(|p| p.curve.as_str() == "e-member" && p.at == Anchor::Stage("s-signup".into()))
        .unwrap();
    assert!((added.value + 1.0).abs() < 1e-6);
    assert_eq!(h.state().doc().unwrap().canvas.selection.point(), Some(&added.id));

    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert_eq!(map(&h).points.len(), before);
    undo(&mut h);
    assert_eq!(map(&h).points.len(), before + 1);
    undo(&mut h);
    assert_eq!(map(&h).points.len(), before);
}

#[test]
fn the_persona_panel_adds_a_persona_with_its_own_curve() {
    let mut h = editor("saas-onboarding", true);
    let (personas, curves) = (map(&h).personas.len(), map(&h).curves.len());
    h.get_by_label("+ Persona").click();
    h.run_steps(3);
    assert_eq!(map(&h).personas.len(), personas + 1);
    assert_eq!(map(&h).curves.len(), curves + 1);
    let persona = map(&h).personas.last().unwrap();
    let curve = map(&h).curves.last().unwrap();
    assert_eq!(curve.persona.as_ref(), Some(&persona.id));
    assert_eq!(
        h.state().doc().unwrap().canvas.active_curve.as_ref(),
        Some(&curve.id),
        "the new curve is the one being edited"
    );
    undo(&mut h);
    assert_eq!((map(&h).personas.len(), map(&h).curves.len()), (personas, curves));
}

#[test]
fn each_curve_row_names_its_visible_active_and_delete_controls() {
    let mut h = editor("saas-onboarding", true);
    let leo = map(&h).curves.iter().find(|c| c.name.starts_with("Leo")).unwrap().clone();
    // The curves sit low in the map's inspector: scrolled into view first, as a user would.
    let row = h.get_by_label(&format!("{}: active", leo.name)).rect();
    h.hover_at(row.center() - egui::vec2(0.0, 200.0));
    h.run_steps(1);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -300.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(4);
    h.get_by_label(&format!("{}: active", leo.name)).click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc().unwrap().canvas.active_curve.as_ref(),
        Some(&leo.id),
        "new points go to Leo's curve"
    );
    h.get_by_label(&format!("{}: visible", leo.name)).click();
    h.run_steps(2);
    assert!(map(&h).curves.iter().find(|c| c.id == leo.id).unwrap().hidden, "the curve is hidden");
    h.get_by_label(&format!("Delete curve {}", leo.name)).click();
    h.run_steps(2);
    assert!(map(&h).curves.iter().all(|c| c.id != leo.id), "the curve is gone");
    undo(&mut h);
    assert!(map(&h).curves.iter().any(|c| c.id == leo.id), "undo brings it back");
}
