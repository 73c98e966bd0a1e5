//! What is under the pointer.

use egui::{Pos2, Rect, pos2, vec2};

use super::{Canvas, HANDLE};
use crate::layout::MapLayout;
use crate::model::CardId;
use crate::render::sticky_push;

/// Something on the canvas the pointer can be over. Indexes are into the layout's lists.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    Nothing,
    Title,
    Card(CardId),
    /// A point of a sentiment curve.
    Point(crate::model::PointId),
    /// An empty part of a cell (lane, stage).
    Cell(usize, usize),
    /// The "+ Add card" button of a cell (lane, stage).
    AddCard(usize, usize),
    StageHeader(usize),
    /// The right edge of a stage header: drag to resize the stage.
    StageEdge(usize),
    LaneHeader(usize),
    /// The bottom edge of a lane header: drag to resize the lane.
    LaneEdge(usize),
    Corner,
}

/// A stage header's rectangle on screen, where it is drawn (sticky).
pub fn stage_header_rect(canvas: &Canvas, layout: &MapLayout, index: usize) -> Rect {
    let t = canvas.screen_from_scene();
    let push = sticky_push(layout, t, canvas.rect);
    (t * layout.stages[index].header).translate(vec2(0.0, push.y))
}

/// A lane header's rectangle on screen, where it is drawn (sticky).
pub fn lane_header_rect(canvas: &Canvas, layout: &MapLayout, index: usize) -> Rect {
    let t = canvas.screen_from_scene();
    let push = sticky_push(layout, t, canvas.rect);
    (t * layout.lanes[index].header).translate(vec2(push.x, 0.0))
}

/// The "+ Add card" button of a cell, on screen.
pub fn add_card_rect(canvas: &Canvas, layout: &MapLayout, lane: usize, stage: usize) -> Option<Rect> {
    let lane_box = layout.lanes.get(lane)?;
    if lane_box.collapsed || lane_box.kind == crate::model::LaneKind::Emotions {
        return None;
    }
    let cell = layout.cell_rect(lane, stage);
    let size = &layout.sizes;
    let below = layout.free_top(lane, stage);
    let rect = Rect::from_min_max(
        pos2(cell.left() + size.cell_padding, below),
        pos2(
            cell.right() - size.cell_padding,
            (below + size.add_card_height - size.card_gap).min(cell.bottom() - 2.0),
        ),
    );
    (rect.height() > 8.0).then(|| canvas.screen_from_scene() * rect)
}

/// What is at a screen position.
pub fn test(canvas: &Canvas, layout: &MapLayout, pos: Pos2) -> Hit {
    if !canvas.rect.contains(pos) {
        return Hit::Nothing;
    }
    let t = canvas.screen_from_scene();
    let push = sticky_push(layout, t, canvas.rect);
    let header_row = (t * layout.header_row).translate(vec2(0.0, push.y));
    let lane_column = (t * layout.lane_column).translate(vec2(push.x, 0.0));

    if header_row.contains(pos) {
        if lane_column.x_range().contains(pos.x) {
            return Hit::Corner;
        }
        for i in 0..layout.stages.len() {
            let rect = stage_header_rect(canvas, layout, i);
            if (pos.x - rect.right()).abs() <= HANDLE && rect.y_range().contains(pos.y) {
                return Hit::StageEdge(i);
            }
            if rect.contains(pos) {
                return Hit::StageHeader(i);
            }
        }
        return Hit::Nothing;
    }
    if lane_column.contains(pos) {
        for i in 0..layout.lanes.len() {
            let rect = lane_header_rect(canvas, layout, i);
            if (pos.y - rect.bottom()).abs() <= HANDLE && rect.x_range().contains(pos.x) {
                return Hit::LaneEdge(i);
            }
            if rect.contains(pos) {
                return Hit::LaneHeader(i);
            }
        }
        return Hit::Nothing;
    }
    if let Some(point) = super::sentiment::point_at(canvas, layout, pos) {
        return Hit::Point(point);
    }
    let scene = t.inverse() * pos;
    if layout.title.contains(scene) {
        return Hit::Title;
    }
    if let Some(card) = layout.card_at(scene) {
        return Hit::Card(card.id.clone());
    }
    if let Some((lane, stage)) = layout.cell_at(scene) {
        if add_card_rect(canvas, layout, lane, stage).is_some_and(|r| r.contains(pos)) {
            return Hit::AddCard(lane, stage);
        }
        return Hit::Cell(lane, stage);
    }
    Hit::Nothing
}
