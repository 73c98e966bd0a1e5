//! Dragging on the canvas: cards between cells, headers to reorder, edges to resize, a rubber
//! band to select, and panning. A drag previews while the pointer moves and becomes one undo step
//! when it is released.

use std::collections::HashSet;

use egui::{Painter, PointerButton, Pos2, Rect, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::{Canvas, Edit, HeaderSelection, Hit, Selection, hit};
use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{CardId, LaneId, Map, PointId, SIZE_RANGE, StageId};
use crate::render::cards::{CardState, paint_card};
use crate::theme::Theme;

/// A drag in progress.
#[derive(Debug)]
pub enum Drag {
    Cards {
        /// In map order, so they land in the order they had.
        ids: Vec<CardId>,
        lifted: HashSet<CardId>,
        /// From the pointer to the top-left of the card that was grabbed, in scene units.
        grab: Vec2,
    },
    RubberBand {
        start: Pos2,
        base: HashSet<CardId>,
    },
    Pan,
    /// A stage header, by its place in the layout (checked against `id` every frame, as an
    /// undo during the drag can change the layout).
    Stage {
        index: usize,
        id: StageId,
    },
    Lane {
        index: usize,
        id: LaneId,
    },
    ResizeStage {
        id: StageId,
    },
    ResizeLane {
        id: LaneId,
    },
    /// A sentiment point: its value follows the pointer live; it is re-anchored on release.
    Point {
        id: PointId,
        original: Box<crate::model::Point>,
    },
    /// Alt+drag from a card: a link to the card it is dropped on.
    Link {
        from: CardId,
    },
    /// Esc was pressed: ignore the rest of this drag.
    Cancelled,
}

impl Drag {
    pub fn lifted_cards(&self) -> Option<&HashSet<CardId>> {
        match self {
            Self::Cards { lifted, .. } => Some(lifted),
            _ => None,
        }
    }

    pub fn is_active(&self) -> bool {
        !matches!(self, Self::Cancelled)
    }
}

pub(super) fn handle(
    canvas: &mut Canvas,
    ui: &Ui,
    response: &egui::Response,
    map: &Map,
    layout: &MapLayout,
    edits: &mut Vec<Edit>,
) {
    revalidate(canvas, layout);
    let t = canvas.screen_from_scene();
    if response.drag_started_by(PointerButton::Primary) {
        let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
        let (space, additive, alt) = ui.input(|i| {
            (i.key_down(egui::Key::Space), i.modifiers.shift || i.modifiers.command, i.modifiers.alt)
        });
        canvas.editing = None;
        let hit = hit::test(canvas, layout, origin);
        canvas.drag = Some(if space {
            Drag::Pan
        } else if let (true, Hit::Card(from)) = (alt, &hit) {
            // Alt+drag from a card draws a link to another card.
            Drag::Link { from: from.clone() }
        } else {
            start(canvas, layout, map, hit, t.inverse() * origin, additive)
        });
    }
    let pointer = response.interact_pointer_pos().or_else(|| ui.input(|i| i.pointer.latest_pos()));
    let Some(pointer) = pointer else { return };
    let scene = t.inverse() * pointer;

    if response.dragged_by(PointerButton::Primary) {
        auto_scroll(canvas, ui, pointer);
        match &canvas.drag {
            Some(Drag::Pan) => canvas.view.translation += response.drag_delta(),
            Some(Drag::RubberBand { start, base }) => {
                let band = Rect::from_two_pos(*start, scene);
                let banded = layout.visible_cards(band).map(|c| c.id.clone());
                canvas.selection = Selection::cards(base.iter().cloned().chain(banded));
            }
            Some(Drag::ResizeStage { id }) => {
                if let (Some(stage), Some(placed)) =
                    (map.stage(id), layout.stages.iter().find(|s| &s.id == id))
                {
                    let width = relative_size(scene.x - placed.header.left(), layout.sizes.stage_width);
                    if (width - stage.width).abs() > 0.005 {
                        let mut changed = stage.clone();
                        changed.width = width;
                        edits.push(Edit::Apply {
                            command: Command::ReplaceStage(changed),
                            label: tl!("edit-resize-stage"),
                            merge_key: Some(format!("resize {id}")),
                        });
                    }
                }
            }
            Some(Drag::ResizeLane { id }) => {
                if let (Some(lane), Some(placed)) = (map.lane(id), layout.lanes.iter().find(|l| &l.id == id))
                {
                    let base = if lane.kind == crate::model::LaneKind::Emotions {
                        layout.sizes.emotions_height
                    } else {
                        layout.sizes.lane_min_height
                    };
                    let height = relative_size(scene.y - placed.row.top(), base);
                    if (height - lane.height).abs() > 0.005 {
                        let mut changed = lane.clone();
                        changed.height = height;
                        edits.push(Edit::Apply {
                            command: Command::ReplaceLane(changed),
                            label: tl!("edit-resize-lane"),
                            merge_key: Some(format!("resize {id}")),
                        });
                    }
                }
            }
            Some(Drag::Point { id, .. }) => {
                let fine = ui.input(|i| i.modifiers.shift);
                edits.extend(super::sentiment::drag_value(map, layout, canvas, id, pointer, fine));
            }
            _ => {}
        }
    }

    if response.drag_stopped() {
        let Some(drag) = canvas.drag.take() else { return };
        match drag {
            Drag::Cards { ids, .. } => {
                if let Some(edit) = drop_cards(layout, &ids, scene) {
                    edits.push(edit);
                }
            }
            Drag::Stage { index, .. } => {
                let target = stage_target(layout, index, scene.x);
                if target != index {
                    edits.push(Edit::apply(
                        Command::MoveStage { id: layout.stages[index].id.clone(), index: target },
                        tl!("edit-move-stage"),
                    ));
                }
            }
            Drag::Lane { index, .. } => {
                let target = lane_target(layout, index, scene.y);
                if target != index
                    && let Some(map_index) = map.lane_index(&layout.lanes[target].id)
                {
                    edits.push(Edit::apply(
                        Command::MoveLane { id: layout.lanes[index].id.clone(), index: map_index },
                        tl!("edit-move-lane"),
                    ));
                }
            }
            Drag::ResizeStage { .. } | Drag::ResizeLane { .. } => edits.push(Edit::Seal),
            Drag::Point { id, .. } => {
                edits.extend(super::sentiment::drop_point(map, layout, canvas, &id, pointer));
                edits.push(Edit::Seal);
            }
            Drag::Link { from } => {
                if let Some(to) = layout.card_at(scene).map(|c| c.id.clone())
                    && to != from
                    && !map
                        .links
                        .iter()
                        .any(|l| (l.from == from && l.to == to) || (l.from == to && l.to == from))
                {
                    let link = crate::model::Link {
                        id: crate::model::LinkId::fresh(),
                        from,
                        to,
                        direction: crate::model::LinkDirection::OneWay,
                        label: String::new(),
                    };
                    edits.push(Edit::apply(
                        Command::InsertLink { index: usize::MAX, link },
                        tl!("edit-link-cards"),
                    ));
                }
            }
            Drag::RubberBand { .. } | Drag::Pan | Drag::Cancelled => {}
        }
    }
}

fn start(canvas: &mut Canvas, layout: &MapLayout, map: &Map, hit: Hit, scene: Pos2, additive: bool) -> Drag {
    match hit {
        Hit::Card(id) => {
            if !canvas.selection.contains(&id) {
                if additive {
                    canvas.selection.add(id.clone());
                } else {
                    canvas.selection = Selection::card(id.clone());
                }
            }
            let grab = layout.card(&id).map_or(Vec2::ZERO, |c| scene - c.rect.min);
            let ids: Vec<CardId> =
                map.cards.iter().filter(|c| canvas.selection.contains(&c.id)).map(|c| c.id.clone()).collect();
            // The grabbed card leads; the others follow in map order.
            let mut ordered = vec![id.clone()];
            ordered.extend(ids.iter().filter(|c| **c != id).cloned());
            let lifted = ordered.iter().cloned().collect();
            Drag::Cards { ids: reorder_like(map, &ordered), lifted, grab }
        }
        Hit::StageHeader(index) => {
            canvas.selection = Selection::Header(HeaderSelection::Stage(layout.stages[index].id.clone()));
            Drag::Stage { index, id: layout.stages[index].id.clone() }
        }
        Hit::LaneHeader(index) => {
            canvas.selection = Selection::Header(HeaderSelection::Lane(layout.lanes[index].id.clone()));
            Drag::Lane { index, id: layout.lanes[index].id.clone() }
        }
        Hit::Point(id) => {
            canvas.selection = Selection::Point(id.clone());
            match map.points.iter().find(|p| p.id == id) {
                Some(point) => Drag::Point { id, original: Box::new(point.clone()) },
                None => Drag::Cancelled,
            }
        }
        Hit::StageEdge(index) => Drag::ResizeStage { id: layout.stages[index].id.clone() },
        Hit::LaneEdge(index) => Drag::ResizeLane { id: layout.lanes[index].id.clone() },
        Hit::Cell(..) | Hit::AddCard(..) | Hit::Nothing | Hit::Title | Hit::Corner => {
            let base = if additive {
                canvas.selection.card_set().cloned().unwrap_or_default()
            } else {
                HashSet::new()
            };
            Drag::RubberBand { start: scene, base }
        }
    }
}

/// Cards keep their map order when they move together.
fn reorder_like(map: &Map, ids: &[CardId]) -> Vec<CardId> {
    let set: HashSet<&CardId> = ids.iter().collect();
    map.cards.iter().filter(|c| set.contains(&c.id)).map(|c| c.id.clone()).collect()
}

/// Moves the dragged cards into the cell under `scene`, at the slot under the pointer, as one
/// undo step. Nothing happens when dropped outside the grid.
fn drop_cards(layout: &MapLayout, ids: &[CardId], scene: Pos2) -> Option<Edit> {
    let (lane, stage) = layout.cell_at(scene)?;
    let moving: HashSet<&CardId> = ids.iter().collect();
    let (slot, _) = layout.drop_slot(lane, stage, scene, &|id| moving.contains(id));
    let (lane_id, stage_id) = (layout.lanes[lane].id.clone(), layout.stages[stage].id.clone());
    // First gather the cards at the end of the target cell, then put each at its slot: every
    // `index` then counts only cards that stay where they are.
    let mut commands: Vec<Command> = ids
        .iter()
        .map(|id| Command::MoveCard {
            id: id.clone(),
            lane: lane_id.clone(),
            stage: stage_id.clone(),
            index: usize::MAX,
        })
        .collect();
    commands.extend(ids.iter().enumerate().map(|(k, id)| Command::MoveCard {
        id: id.clone(),
        lane: lane_id.clone(),
        stage: stage_id.clone(),
        index: slot + k,
    }));
    let label =
        if ids.len() == 1 { tl!("edit-move-card") } else { tl!("edit-move-cards", count = ids.len()) };
    Some(Edit::apply(Command::Batch(commands), &label))
}

/// The index a dragged stage lands at: how many other stages have their centre left of `x`.
fn stage_target(layout: &MapLayout, dragged: usize, x: f32) -> usize {
    layout.stages.iter().enumerate().filter(|(i, s)| *i != dragged && s.header.center().x < x).count()
}

fn lane_target(layout: &MapLayout, dragged: usize, y: f32) -> usize {
    layout.lanes.iter().enumerate().filter(|(i, l)| *i != dragged && l.row.center().y < y).count()
}

/// Draws what a drag will do: lifted cards under the pointer and where they will land, the
/// rubber band, a header's new place.
pub(super) fn paint_feedback(
    canvas: &Canvas,
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    pointer: Option<Pos2>,
    pictures: &crate::render::pictures::Pictures,
) {
    let Some(drag) = &canvas.drag else { return };
    let t = canvas.screen_from_scene();
    let Some(pointer) = pointer.or_else(|| painter.ctx().input(|i| i.pointer.latest_pos())) else { return };
    let scene = t.inverse() * pointer;
    let zoom = t.scaling;
    let line = Stroke::new(3.0, theme.drop_indicator);
    match drag {
        Drag::Cards { ids, lifted, grab } => {
            if let Some((lane, stage)) = layout.cell_at(scene) {
                let cell = layout.cell_rect(lane, stage);
                let (_, [a, b]) = layout.drop_slot(lane, stage, scene, &|id| lifted.contains(id));
                let (a, b) = (t * a, t * b);
                painter.rect_stroke(
                    t * cell.shrink(2.0),
                    4.0,
                    Stroke::new(1.5, theme.drop_indicator.gamma_multiply(0.5)),
                    StrokeKind::Inside,
                );
                painter.line_segment([a, b], line);
                painter.circle_filled(a, 4.0, theme.drop_indicator);
            }
            let mut top_left = scene - *grab;
            for id in ids.iter().take(5) {
                let (Some(card), Some(placed)) = (map.card(id), layout.card(id)) else { continue };
                let rect = Rect::from_min_size(top_left, placed.rect.size());
                paint_card(
                    painter,
                    card,
                    &map.words,
                    placed,
                    layout.lanes[placed.lane].kind,
                    theme,
                    &layout.sizes,
                    t * rect,
                    zoom,
                    CardState { selected: true, lifted: true, rtl: layout.rtl, ..CardState::default() },
                    Some(pictures),
                );
                top_left += vec2(8.0, 8.0);
            }
            if ids.len() > 1 {
                let badge = t * (scene - *grab) + vec2(-8.0, -8.0);
                painter.circle_filled(badge, 11.0, theme.accent);
                painter.text(
                    badge,
                    egui::Align2::CENTER_CENTER,
                    ids.len().to_string(),
                    egui::FontId::proportional(12.0),
                    egui::Color32::WHITE,
                );
            }
        }
        Drag::RubberBand { start, .. } => {
            let band = t * Rect::from_two_pos(*start, scene);
            painter.rect(
                band,
                2.0,
                theme.selection_fill,
                Stroke::new(1.0, theme.selection),
                StrokeKind::Inside,
            );
        }
        Drag::Stage { index, .. } => {
            let spans: Vec<_> = layout.stages.iter().map(|s| (s.header.left(), s.header.right())).collect();
            let x = landing_edge(&spans, *index, stage_target(layout, *index, scene.x));
            let header = hit::stage_header_rect(canvas, layout, *index);
            painter.vline((t * pos2(x, 0.0)).x, header.top()..=(t * layout.bounds).bottom(), line);
            paint_ghost(painter, header.translate(vec2(pointer.x - header.center().x, 0.0)), theme);
        }
        Drag::Lane { index, .. } => {
            let spans: Vec<_> = layout.lanes.iter().map(|l| (l.row.top(), l.row.bottom())).collect();
            let y = landing_edge(&spans, *index, lane_target(layout, *index, scene.y));
            let header = hit::lane_header_rect(canvas, layout, *index);
            painter.hline(header.left()..=(t * layout.bounds).right(), (t * pos2(0.0, y)).y, line);
            paint_ghost(painter, header.translate(vec2(0.0, pointer.y - header.center().y)), theme);
        }
        Drag::Link { from } => {
            if let Some(card) = layout.card(from) {
                let start = t * card.rect.center();
                let target = layout.card_at(scene).filter(|c| &c.id != from);
                if let Some(target) = target {
                    painter.rect_stroke(
                        t * target.rect,
                        4.0,
                        Stroke::new(2.0, theme.accent),
                        StrokeKind::Outside,
                    );
                }
                painter.arrow(start, pointer - start, Stroke::new(2.0, theme.accent));
            }
        }
        Drag::ResizeStage { .. }
        | Drag::ResizeLane { .. }
        | Drag::Point { .. }
        | Drag::Pan
        | Drag::Cancelled => {}
    }
}

/// Where a header dragged from position `dragged` to `target` lands: the start of the item it
/// goes before, or the end of the last one. `spans` are the items' (start, end) along the axis.
fn landing_edge(spans: &[(f32, f32)], dragged: usize, target: usize) -> f32 {
    let others: Vec<(f32, f32)> =
        spans.iter().enumerate().filter(|(i, _)| *i != dragged).map(|(_, span)| *span).collect();
    others.get(target).map_or_else(|| others.last().map_or(0.0, |span| span.1), |span| span.0)
}

/// A translucent copy of a header following the pointer.
fn paint_ghost(painter: &Painter, rect: Rect, theme: &Theme) {
    painter.rect(rect, 4.0, theme.selection_fill, Stroke::new(1.5, theme.selection), StrokeKind::Inside);
}

/// While something is dragged near an edge of the canvas, the map scrolls that way, so a card
/// can be carried to a stage that is off screen.
fn auto_scroll(canvas: &mut Canvas, ui: &Ui, pointer: Pos2) {
    const EDGE: f32 = 32.0;
    const SPEED: f32 = 14.0;
    let carrying =
        matches!(canvas.drag, Some(Drag::Cards { .. } | Drag::RubberBand { .. } | Drag::Point { .. }));
    if !carrying {
        return;
    }
    let rect = canvas.rect;
    let push = |distance_to_edge: f32| {
        if distance_to_edge < EDGE { SPEED * (1.0 - distance_to_edge.max(0.0) / EDGE) } else { 0.0 }
    };
    let delta = vec2(
        push(pointer.x - rect.left()) - push(rect.right() - pointer.x),
        push(pointer.y - rect.top()) - push(rect.bottom() - pointer.y),
    );
    if delta != Vec2::ZERO {
        canvas.view.translation += delta;
        ui.ctx().request_repaint();
    }
}

/// Keeps a header drag pointing at the header it started on, even if an undo or a delete moved
/// it meanwhile; a drag whose header is gone is cancelled.
fn revalidate(canvas: &mut Canvas, layout: &MapLayout) {
    let Some(drag) = canvas.drag.take() else { return };
    canvas.drag = Some(match drag {
        Drag::Stage { id, .. } => layout
            .stages
            .iter()
            .position(|s| s.id == id)
            .map_or(Drag::Cancelled, |index| Drag::Stage { index, id }),
        Drag::Lane { id, .. } => layout
            .lanes
            .iter()
            .position(|l| l.id == id)
            .map_or(Drag::Cancelled, |index| Drag::Lane { index, id }),
        other => other,
    });
}

/// A dragged-out length as a size relative to `base`, kept in the allowed range and rounded to
/// hundredths so the file stays tidy.
fn relative_size(length: f32, base: f32) -> f32 {
    ((length / base).clamp(*SIZE_RANGE.start(), *SIZE_RANGE.end()) * 100.0).round() / 100.0
}
