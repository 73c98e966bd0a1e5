//! Editing the sentiment curve on the canvas: drag a point up or down to change how the customer
//! feels, drop it on a card or another stage to re-anchor it, click the Emotions lane to add one.

use egui::{Align2, Pos2, Stroke, Ui};

use super::{Canvas, Edit};
use crate::edit::Command;
use crate::layout::MapLayout;
use crate::layout::curve::{value_at, value_range};
use crate::model::{Anchor, CurveId, LaneKind, Map, Point, PointId};
use crate::theme::Theme;

/// How close (in screen points) the pointer must be to grab a point.
pub const GRAB_RADIUS: f32 = 10.0;

/// The visible point under a screen position, topmost first.
pub fn point_at(canvas: &Canvas, layout: &MapLayout, pos: Pos2) -> Option<PointId> {
    let t = canvas.screen_from_scene();
    layout
        .curves
        .iter()
        .rev()
        .filter(|c| !c.hidden)
        .flat_map(|c| c.points.iter())
        .find(|p| (t * p.pos).distance(pos) <= GRAB_RADIUS)
        .map(|p| p.id.clone())
}

/// The value a pointer height stands for: whole levels, or quarter levels (half levels on long
/// scales) while Shift is held.
pub fn snapped_value(
    map: &Map,
    layout: &MapLayout,
    canvas: &Canvas,
    pointer_y: f32,
    fine: bool,
) -> Option<f32> {
    let range = value_range(layout)?;
    let scene_y = (canvas.screen_from_scene().inverse() * Pos2::new(0.0, pointer_y)).y;
    let raw = value_at(map, range, scene_y);
    let step = if !fine {
        1.0
    } else if map.scale.max - map.scale.min <= 4 {
        0.25
    } else {
        0.5
    };
    Some(map.scale.clamp((raw / step).round() * step))
}

/// Where a point dropped at `pos` is anchored: at the card under the pointer if there is one,
/// else at the centre of the stage under it.
pub fn anchor_at(canvas: &Canvas, layout: &MapLayout, pos: Pos2) -> Option<Anchor> {
    let scene = canvas.screen_from_scene().inverse() * pos;
    if let Some(card) = layout.card_at(scene) {
        return Some(Anchor::Card(card.id.clone()));
    }
    let stage = layout.stage_at_x(scene.x)?;
    Some(Anchor::Stage(layout.stages[stage].id.clone()))
}

/// The curve new points go on: the chosen one if it is still there and shown, else the first
/// shown curve.
pub fn active_curve(canvas: &Canvas, map: &Map) -> Option<CurveId> {
    canvas
        .active_curve
        .as_ref()
        .filter(|id| map.curve(id).is_some_and(|c| !c.hidden))
        .cloned()
        .or_else(|| map.curves.iter().find(|c| !c.hidden).map(|c| c.id.clone()))
}

/// Adds a point to the active curve where the Emotions lane was clicked; selects the existing
/// point if that stage already has one.
pub fn add_point(canvas: &mut Canvas, map: &Map, layout: &MapLayout, pos: Pos2, fine: bool) -> Option<Edit> {
    let curve = active_curve(canvas, map)?;
    let value = snapped_value(map, layout, canvas, pos.y, fine)?;
    let scene = canvas.screen_from_scene().inverse() * pos;
    let stage = layout.stage_at_x(scene.x)?;
    let at = Anchor::Stage(layout.stages[stage].id.clone());
    if let Some(existing) = map.points.iter().find(|p| p.curve == curve && p.at == at) {
        canvas.selection = super::Selection::Point(existing.id.clone());
        return None;
    }
    let point = Point::new(curve, at, value);
    canvas.selection = super::Selection::Point(point.id.clone());
    Some(Edit::apply(Command::InsertPoint(point), tl!("edit-add-point")))
}

/// While a point is dragged: its new value, applied live as one merged undo step.
pub fn drag_value(
    map: &Map,
    layout: &MapLayout,
    canvas: &Canvas,
    id: &PointId,
    pointer: Pos2,
    fine: bool,
) -> Option<Edit> {
    let point = map.points.iter().find(|p| &p.id == id)?;
    let value = snapped_value(map, layout, canvas, pointer.y, fine)?;
    if (value - point.value).abs() < f32::EPSILON {
        return None;
    }
    Some(move_point(Point { value, ..point.clone() }))
}

/// The edit that puts a point where a drag has it; all edits of one drag merge into one step.
pub fn move_point(point: Point) -> Edit {
    let merge_key = Some(format!("point {}", point.id));
    Edit::Apply { command: Command::ReplacePoint(point), label: tl!("edit-move-point"), merge_key }
}

/// When a point is released: re-anchor it if it was dropped on another card or stage that its
/// curve has no point at yet.
pub fn drop_point(
    map: &Map,
    layout: &MapLayout,
    canvas: &Canvas,
    id: &PointId,
    pointer: Pos2,
) -> Option<Edit> {
    let point = map.points.iter().find(|p| &p.id == id)?;
    let at = anchor_at(canvas, layout, pointer)?;
    if at == point.at || map.points.iter().any(|p| p.curve == point.curve && p.at == at) {
        return None;
    }
    Some(move_point(Point { at, ..point.clone() }))
}

/// A point's details, shown while the pointer rests on it.
pub fn tooltip_ui(ui: &mut Ui, map: &Map, id: &PointId) {
    let Some(point) = map.points.iter().find(|p| &p.id == id) else { return };
    let curve = map.curve(&point.curve);
    let persona = curve.and_then(|c| c.persona.as_ref()).and_then(|p| map.persona(p));
    let level = map.level_name(point.value.round() as i32).to_owned();
    let title = if point.label.is_empty() { t!("canvas-point") } else { point.label.clone() };
    ui.strong(format!("{} {title}", point.emoji).trim().to_owned());
    ui.label(format!("{} · {level}", signed(point.value, map.scale.min < 0)));
    if let Some(persona) = persona {
        ui.label(t!("canvas-point-persona", name = persona.name.as_str()));
    } else if let Some(curve) = curve {
        ui.label(t!("canvas-point-curve", name = curve.name.as_str()));
    }
    match &point.at {
        Anchor::Card(card) => {
            if let Some(card) = map.card(card) {
                ui.label(t!("canvas-point-card", title = card.title.as_str()));
            }
        }
        Anchor::Stage(stage) => {
            if let Some(stage) = map.stage(stage) {
                ui.label(t!("canvas-point-stage", name = stage.name.as_str()));
            }
        }
    }
    ui.weak(t!("canvas-point-hint"));
}

/// A value as people read it on a scale around zero: "+1.5", "0", "−2".
pub fn signed(value: f32, around_zero: bool) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}").trim_end_matches('0').to_owned()
    };
    if around_zero && value > 0.0 { format!("+{text}") } else { text.replace('-', "−") }
}

/// The ring around the selected point, and the value next to a point being dragged.
pub fn paint_feedback(
    canvas: &Canvas,
    painter: &egui::Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    dragging: Option<&PointId>,
) {
    let t = canvas.screen_from_scene();
    for id in canvas.selection.point().into_iter().chain(dragging) {
        let Some(placed) = layout.point(id) else { continue };
        let pos = t * placed.pos;
        painter.circle_stroke(pos, 11.0, Stroke::new(2.0, theme.selection));
        if dragging == Some(id) {
            let text = signed(placed.value, map.scale.min < 0);
            painter.text(
                pos + egui::vec2(14.0, 0.0),
                Align2::LEFT_CENTER,
                text,
                egui::FontId::proportional(13.0),
                theme.selection,
            );
        }
    }
}

/// Whether a lane index of the layout is an expanded Emotions lane.
pub fn is_emotions(layout: &MapLayout, lane: usize) -> bool {
    layout.lanes.get(lane).is_some_and(|l| l.kind == LaneKind::Emotions && !l.collapsed)
}
