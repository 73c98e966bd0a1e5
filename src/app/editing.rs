//! The commands that act on one open map: its history, its selection and clipboard, its view,
//! and the keys that go card by card.

use super::canvas::{self, Edit, HeaderSelection, Selection};
use super::{Document, UiCommand, clipboard, present};
use crate::edit::{Command, EditError};
use crate::layout::{MapLayout, View};
use crate::model::CardId;

impl Document {
    /// Runs a command on this map; the edits it makes are pushed to `edits`. An undo or redo
    /// that fails says why.
    pub(super) fn run(
        &mut self,
        command: UiCommand,
        ctx: &egui::Context,
        edits: &mut Vec<Edit>,
    ) -> Result<(), EditError> {
        use UiCommand as C;
        match command {
            C::Undo | C::Redo => {
                self.canvas.editing = None;
                if command == C::Undo { self.undo() } else { self.redo() }?;
            }
            C::Cut | C::Copy => {
                clipboard::copy(self, ctx);
                if command == C::Cut {
                    edits.extend(self.delete_selection());
                }
            }
            C::Duplicate => edits.extend(clipboard::duplicate(self)),
            C::Delete => edits.extend(self.delete_selection()),
            C::SelectAll => {
                self.canvas.selection = Selection::cards(self.map.cards.iter().map(|c| c.id.clone()));
            }
            C::Deselect => self.canvas.clear_selection(),
            C::ZoomIn => self.canvas.zoom_by(1.25, self.canvas.rect.center()),
            C::ZoomOut => self.canvas.zoom_by(0.8, self.canvas.rect.center()),
            C::ZoomReset => self.canvas.set_zoom(1.0),
            C::ZoomFit => self.canvas.fit_requested = true,
            C::ToggleView => self.toggle_view(),
            C::ClearVotes => {
                if let Some(command) = present::vote::clear(&self.map) {
                    edits.push(Edit::apply(command, tl!("edit-clear-votes")));
                }
            }
            C::SelectLeft | C::SelectRight | C::SelectUp | C::SelectDown => {
                let next = self.keyed_card().and_then(|(layout, id)| {
                    canvas::keys::neighbour(layout, &id, card_step(command, layout.rtl))
                });
                self.select_by_keyboard(ctx, next);
            }
            C::NextCard | C::PreviousCard => {
                let (_, Some(layout)) = self.map_and_layout() else { return Ok(()) };
                let from = self.keyed_card().map(|(_, id)| id);
                let next = canvas::keys::tab(layout, from.as_ref(), command == C::PreviousCard);
                self.select_by_keyboard(ctx, next);
            }
            C::MoveLeft | C::MoveRight | C::MoveUp | C::MoveDown => {
                let (map, Some(layout)) = self.map_and_layout() else { return Ok(()) };
                if let Some((_, id)) = self.keyed_card()
                    && let Some(moved) = canvas::keys::nudge(map, layout, &id, card_step(command, layout.rtl))
                {
                    edits.push(Edit::apply(moved, command.label()));
                    edits.push(Edit::Seal);
                }
            }
            C::EditCard => {
                if let Some((_, id)) = self.keyed_card() {
                    self.canvas.editing = canvas::InlineEdit::start(canvas::TextTarget::Card(id), &self.map);
                }
            }
            // The app's own commands; Paste arrives as a paste event with its text.
            C::New
            | C::Open
            | C::Import
            | C::Quit
            | C::Save
            | C::SaveAs
            | C::Paste
            | C::ToggleTheme
            | C::ToggleInspector
            | C::Export
            | C::CopyImage
            | C::Present
            | C::PresentInWindow
            | C::OpenRoom
            | C::OpenFolder
            | C::CloseTab
            | C::SearchMaps
            | C::Rollup
            | C::FollowLink
            | C::GoBack
            | C::Compare => {}
        }
        Ok(())
    }

    /// Journey ⇆ blueprint, the blueprint showing the other lanes as it did last time.
    pub(super) fn toggle_view(&mut self) {
        self.view = match self.view {
            View::Journey => View::Blueprint { other_lanes: self.blueprint_other_lanes },
            View::Blueprint { other_lanes } => {
                self.blueprint_other_lanes = other_lanes;
                View::Journey
            }
        };
    }

    /// The selected card the keyboard starts from (the first in reading order when several are
    /// selected), with the layout it lies in.
    fn keyed_card(&self) -> Option<(&MapLayout, CardId)> {
        let (_, Some(layout)) = self.map_and_layout() else { return None };
        let selected = self.canvas.selection.card_set()?;
        let id = canvas::keys::reading_order(layout).into_iter().find(|id| selected.contains(id))?;
        Some((layout, id))
    }

    /// Selects `card` alone (nothing happens without one), brings it into view and gives it to
    /// screen readers as the focused item.
    fn select_by_keyboard(&mut self, ctx: &egui::Context, card: Option<CardId>) {
        // The arrows and Tab also move egui's focus between widgets; here they are the canvas's.
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        let Some(card) = card else { return };
        let rect = self.map_and_layout().1.and_then(|l| l.card(&card)).map(|c| c.rect);
        self.canvas.selection = Selection::card(card.clone());
        self.canvas.keyboard_focus = Some(card);
        if let Some(rect) = rect {
            self.canvas.reveal(rect);
        }
    }

    /// Deletes the selected cards, point, or stage or lane with its cards.
    fn delete_selection(&mut self) -> Option<Edit> {
        Some(match std::mem::take(&mut self.canvas.selection) {
            Selection::Nothing => return None,
            Selection::Point(point) => Edit::apply(Command::RemovePoint(point), tl!("edit-delete-point")),
            Selection::Cards(selected) => {
                // In map order, as the undo step puts them back.
                let ids: Vec<_> = self
                    .map
                    .cards
                    .iter()
                    .filter(|c| selected.contains(&c.id))
                    .map(|c| c.id.clone())
                    .collect();
                if ids.is_empty() {
                    return None;
                }
                canvas::delete_cards(&ids)
            }
            Selection::Header(HeaderSelection::Stage(id)) => {
                Edit::apply(Command::RemoveStage(id), tl!("edit-delete-stage"))
            }
            Selection::Header(HeaderSelection::Lane(id)) => {
                Edit::apply(Command::RemoveLane(id), tl!("edit-delete-lane"))
            }
        })
    }
}

/// The direction of a card key, in stages: the arrows follow the screen, so on a map laid out
/// right to left → goes to the previous stage.
fn card_step(command: UiCommand, rtl: bool) -> canvas::keys::Step {
    use canvas::keys::Step;
    let (left, right) = if rtl { (Step::Right, Step::Left) } else { (Step::Left, Step::Right) };
    match command {
        UiCommand::SelectLeft | UiCommand::MoveLeft => left,
        UiCommand::SelectRight | UiCommand::MoveRight => right,
        UiCommand::SelectUp | UiCommand::MoveUp => Step::Up,
        _ => Step::Down,
    }
}
