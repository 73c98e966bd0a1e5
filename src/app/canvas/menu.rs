//! Context menus of the canvas: on cards, cells, stage headers and lane headers.

use egui::Ui;

use super::{Canvas, Edit, Hit, InlineEdit, TextTarget};
use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{CardId, LaneId, Map, StageId};

impl Canvas {
    pub(super) fn context_menu(
        &mut self,
        response: &egui::Response,
        map: &Map,
        layout: &MapLayout,
        edits: &mut Vec<Edit>,
    ) {
        let target = self.context.clone();
        response.context_menu(|ui| {
            let selection: Vec<CardId> =
                map.cards.iter().filter(|c| self.selection.contains(&c.id)).map(|c| c.id.clone()).collect();
            match target {
                Some(Hit::Card(_)) if !selection.is_empty() => {
                    if ui.button(t!("canvas-edit-text")).clicked() {
                        self.editing = InlineEdit::start(TextTarget::Card(selection[0].clone()), map);
                        ui.close();
                    }
                    if ui.button(t!("canvas-delete-cards", count = selection.len())).clicked() {
                        edits.push(delete_cards(&selection));
                        ui.close();
                    }
                }
                Some(Hit::StageHeader(i)) if i < layout.stages.len() => {
                    let id = layout.stages[i].id.clone();
                    stage_menu(ui, map, &id, i, edits, &mut self.editing);
                }
                Some(Hit::LaneHeader(i)) if i < layout.lanes.len() => {
                    let id = layout.lanes[i].id.clone();
                    lane_menu(ui, map, &id, edits, &mut self.editing);
                }
                Some(Hit::Cell(lane, stage) | Hit::AddCard(lane, stage)) => {
                    if ui.button(t!("canvas-add-card-here")).clicked() {
                        if let Some(edit) = self.new_card(layout, lane, stage) {
                            edits.push(edit);
                        }
                        ui.close();
                    }
                }
                _ => {
                    ui.label(t!("canvas-menu-hint"));
                }
            }
        });
    }
}

/// One undo step that deletes these cards (with their links and points).
pub fn delete_cards(ids: &[CardId]) -> Edit {
    let label = tl!("canvas-delete-cards", count = ids.len());
    Edit::apply(Command::Batch(ids.iter().cloned().map(Command::RemoveCard).collect()), &label)
}

fn stage_menu(
    ui: &mut Ui,
    map: &Map,
    id: &StageId,
    index: usize,
    edits: &mut Vec<Edit>,
    editing: &mut Option<InlineEdit>,
) {
    if ui.button(t!("canvas-rename")).clicked() {
        *editing = InlineEdit::start(TextTarget::Stage(id.clone()), map);
        ui.close();
    }
    if ui.button(t!("canvas-add-stage-before")).clicked() {
        edits.push(Edit::apply(
            Command::InsertStage { index, stage: crate::model::Stage::new_in(map, t!("canvas-new-stage")) },
            tl!("edit-add-stage"),
        ));
        ui.close();
    }
    if ui.button(t!("canvas-add-stage-after")).clicked() {
        edits.push(Edit::apply(
            Command::InsertStage {
                index: index + 1,
                stage: crate::model::Stage::new_in(map, t!("canvas-new-stage")),
            },
            tl!("edit-add-stage"),
        ));
        ui.close();
    }
    ui.separator();
    if ui.button(t!("canvas-delete-stage")).clicked() {
        edits.push(Edit::apply(Command::RemoveStage(id.clone()), "Delete stage"));
        ui.close();
    }
}

fn lane_menu(ui: &mut Ui, map: &Map, id: &LaneId, edits: &mut Vec<Edit>, editing: &mut Option<InlineEdit>) {
    let Some(lane) = map.lane(id) else { return };
    let index = map.lane_index(id).unwrap_or(0);
    if ui.button(t!("canvas-rename")).clicked() {
        *editing = InlineEdit::start(TextTarget::Lane(id.clone()), map);
        ui.close();
    }
    let (button, label) = if lane.collapsed {
        (t!("canvas-expand"), tl!("edit-expand-lane"))
    } else {
        (t!("canvas-collapse"), tl!("edit-collapse-lane"))
    };
    if ui.button(button).clicked() {
        let mut changed = lane.clone();
        changed.collapsed = !lane.collapsed;
        edits.push(Edit::apply(Command::ReplaceLane(changed), &label));
        ui.close();
    }
    ui.menu_button(t!("canvas-add-lane-below"), |ui| {
        for kind in crate::model::LaneKind::ALL {
            if ui.button(crate::app::lane_kind_name(kind)).clicked() {
                edits.push(Edit::apply(
                    Command::InsertLane { index: index + 1, lane: crate::app::names::new_lane(map, kind) },
                    tl!("edit-add-lane"),
                ));
                ui.close();
            }
        }
    });
    ui.separator();
    if ui.button(t!("canvas-delete-lane")).clicked() {
        edits.push(Edit::apply(Command::RemoveLane(id.clone()), "Delete lane"));
        ui.close();
    }
}
