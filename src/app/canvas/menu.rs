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
                    if ui.button("Edit text").clicked() {
                        self.editing = InlineEdit::start(TextTarget::Card(selection[0].clone()), map);
                        ui.close();
                    }
                    if ui.button(format!("Delete {}", plural(selection.len(), "card"))).clicked() {
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
                    if ui.button("Add card here").clicked() {
                        if let Some(edit) = self.new_card(layout, lane, stage) {
                            edits.push(edit);
                        }
                        ui.close();
                    }
                }
                _ => {
                    ui.label("Right-click a card, a cell or a header");
                }
            }
        });
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// One undo step that deletes these cards (with their links and points).
pub fn delete_cards(ids: &[CardId]) -> Edit {
    let label = format!("Delete {}", plural(ids.len(), "card"));
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
    if ui.button("Rename").clicked() {
        *editing = InlineEdit::start(TextTarget::Stage(id.clone()), map);
        ui.close();
    }
    if ui.button("Add stage before").clicked() {
        edits.push(Edit::apply(
            Command::InsertStage { index, stage: crate::model::Stage::new_in(map, "New stage") },
            "Add stage",
        ));
        ui.close();
    }
    if ui.button("Add stage after").clicked() {
        edits.push(Edit::apply(
            Command::InsertStage { index: index + 1, stage: crate::model::Stage::new_in(map, "New stage") },
            "Add stage",
        ));
        ui.close();
    }
    ui.separator();
    if ui.button("Delete stage and its cards").clicked() {
        edits.push(Edit::apply(Command::RemoveStage(id.clone()), "Delete stage"));
        ui.close();
    }
}

fn lane_menu(ui: &mut Ui, map: &Map, id: &LaneId, edits: &mut Vec<Edit>, editing: &mut Option<InlineEdit>) {
    let Some(lane) = map.lane(id) else { return };
    let index = map.lane_index(id).unwrap_or(0);
    if ui.button("Rename").clicked() {
        *editing = InlineEdit::start(TextTarget::Lane(id.clone()), map);
        ui.close();
    }
    let collapse = if lane.collapsed { "Expand" } else { "Collapse" };
    if ui.button(collapse).clicked() {
        let mut changed = lane.clone();
        changed.collapsed = !lane.collapsed;
        edits.push(Edit::apply(Command::ReplaceLane(changed), &format!("{collapse} lane")));
        ui.close();
    }
    ui.menu_button("Add lane below", |ui| {
        for kind in crate::model::LaneKind::ALL {
            if ui.button(kind.label()).clicked() {
                edits.push(Edit::apply(
                    Command::InsertLane { index: index + 1, lane: crate::model::Lane::new_in(map, kind) },
                    "Add lane",
                ));
                ui.close();
            }
        }
    });
    ui.separator();
    if ui.button("Delete lane and its cards").clicked() {
        edits.push(Edit::apply(Command::RemoveLane(id.clone()), "Delete lane"));
        ui.close();
    }
}
