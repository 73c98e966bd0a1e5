//! Editing text in place: double-click a card, a header or the title and type.

use egui::{Key, Modifiers, Rect, Ui, vec2};

use super::{Canvas, Edit, hit};
use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{CardId, LaneId, Map, StageId};

/// What is being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextTarget {
    Card(CardId),
    Stage(StageId),
    Lane(LaneId),
    Title,
}

/// Text being typed in place.
#[derive(Debug)]
pub struct InlineEdit {
    pub target: TextTarget,
    pub text: String,
    original: String,
    /// A card that was just added: its text and its creation are one undo step.
    new_card: bool,
    /// Frames spent waiting for a just-added card to be laid out: the card is added after the
    /// frame that asked for it, so the field appears a frame later.
    waited: u8,
    focused: bool,
}

impl InlineEdit {
    /// Starts editing the current text of `target`.
    pub fn start(target: TextTarget, map: &Map) -> Option<Self> {
        let text = match &target {
            TextTarget::Card(id) => map.card(id)?.title.clone(),
            TextTarget::Stage(id) => map.stage(id)?.name.clone(),
            TextTarget::Lane(id) => map.lane(id)?.title.clone(),
            TextTarget::Title => map.title.clone(),
        };
        Some(Self { target, original: text.clone(), text, new_card: false, waited: 0, focused: false })
    }

    /// Starts typing the title of a card that was just added.
    pub fn new_card(id: CardId) -> Self {
        Self {
            target: TextTarget::Card(id),
            text: String::new(),
            original: String::new(),
            new_card: true,
            waited: 0,
            focused: false,
        }
    }

    /// The edit that stores the typed text, if it changed. A card added a moment ago and left
    /// empty is taken back, with its creation, as if it had never been added; typed, it is added
    /// anew with an id made from its title, still one undo step.
    fn commit(&self, map: &Map) -> Option<Edit> {
        let text = self.text.trim().to_owned();
        if self.new_card
            && let TextTarget::Card(id) = &self.target
        {
            let merge_key = new_card_key(&self.target);
            if text.is_empty() {
                return Some(Edit::Rewrite {
                    merge_key,
                    command: None,
                    otherwise: Some(Command::RemoveCard(id.clone())),
                    label: tl!("edit-add-card"),
                });
            }
            let mut card = map.card(id)?.clone();
            card.title = text;
            let named = crate::model::Card {
                id: CardId(crate::model::IdMaker::for_map(map).make("c-", &card.title)),
                ..card.clone()
            };
            return Some(Edit::Rewrite {
                merge_key,
                command: Some(Command::InsertCard { index: usize::MAX, card: named }),
                otherwise: Some(Command::ReplaceCard(card)),
                label: tl!("edit-add-card"),
            });
        }
        if text.is_empty() || text == self.original {
            return None;
        }
        let (command, label) = match &self.target {
            TextTarget::Card(id) => {
                let mut card = map.card(id)?.clone();
                card.title = text;
                (Command::ReplaceCard(card), tl!("edit-card-text"))
            }
            TextTarget::Stage(id) => {
                let mut stage = map.stage(id)?.clone();
                stage.name = text;
                (Command::ReplaceStage(stage), tl!("edit-rename-stage"))
            }
            TextTarget::Lane(id) => {
                let mut lane = map.lane(id)?.clone();
                lane.title = text;
                (Command::ReplaceLane(lane), tl!("edit-rename-lane"))
            }
            TextTarget::Title => {
                let mut meta = map.meta();
                meta.title = text;
                (Command::SetMeta(Box::new(meta)), tl!("edit-rename-map"))
            }
        };
        Some(Edit::apply(command, label))
    }
}

/// The merge key that joins a new card's text to its creation.
pub fn new_card_key(target: &TextTarget) -> String {
    format!("new {target:?}")
}

/// Shows the text field over its target. Returns the edits once typing ends.
pub(super) fn ui(canvas: &mut Canvas, ui: &mut Ui, map: &Map, layout: &MapLayout) -> Option<Vec<Edit>> {
    let target = canvas.editing.as_ref()?.target.clone();
    let t = canvas.screen_from_scene();
    let rect = match &target {
        // Over the title: a card's picture stays in view above the field.
        TextTarget::Card(id) => layout.card(id).map(|c| {
            let offset = c.title_offset(&layout.sizes);
            t * Rect::from_min_max(c.rect.min + vec2(0.0, offset), c.rect.max)
        }),
        TextTarget::Stage(id) => {
            layout.stages.iter().position(|s| &s.id == id).map(|i| hit::stage_header_rect(canvas, layout, i))
        }
        TextTarget::Lane(id) => {
            layout.lanes.iter().position(|l| &l.id == id).map(|i| hit::lane_header_rect(canvas, layout, i))
        }
        TextTarget::Title => Some(t * layout.title),
    };
    let edit = canvas.editing.as_mut()?;
    let Some(rect) = rect else {
        if edit.new_card && edit.waited < 3 {
            // Added at the end of the last frame: laid out in this one's layout next frame.
            edit.waited += 1;
            ui.ctx().request_repaint();
            return None;
        }
        // The target is gone (undone or deleted): stop editing.
        canvas.editing = None;
        return None;
    };
    let multiline = matches!(edit.target, TextTarget::Card(_));
    let what = match edit.target {
        TextTarget::Card(_) => t!("canvas-card-hint"),
        TextTarget::Stage(_) => t!("canvas-stage-hint"),
        TextTarget::Lane(_) => t!("canvas-lane-hint"),
        TextTarget::Title => t!("canvas-title-hint"),
    };
    let rect = Rect::from_min_size(rect.min, vec2(rect.width().max(160.0), rect.height().max(30.0)));
    // The field's text as big as the text it edits, so typing in large type reads as large.
    let sizes = &layout.sizes;
    let scene_font = match edit.target {
        TextTarget::Card(_) => sizes.card_font,
        TextTarget::Stage(_) => sizes.header_font,
        TextTarget::Lane(_) => sizes.lane_font,
        TextTarget::Title => sizes.title_font,
    };
    let font = egui::FontId::proportional((scene_font * t.scaling).clamp(12.0, 48.0));

    // Enter commits and Shift+Enter starts a new line; Esc cancels.
    let enter = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    let escape = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));

    // A solid panel over the item, the field filling it and a hint below, so nothing of the text
    // underneath shows through.
    let margin = 4.0;
    let response = egui::Area::new(ui.scope_id().with("inline text"))
        .fixed_pos(rect.min - egui::vec2(margin, margin))
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(margin)
                .show(ui, |ui| {
                    ui.set_width(rect.width());
                    let line = font.size * 1.3;
                    let rows = if multiline { ((rect.height() / line).round() as usize).max(2) } else { 1 };
                    if crate::app::bidi_field::needed_for(&edit.text, multiline) {
                        // Right-to-left words, or Thai over lines: a field that wraps as the canvas
                        // does and whose caret follows the text on screen.
                        let field = crate::app::bidi_field::BidiField::new(
                            &mut edit.text,
                            font.clone(),
                            rect.width(),
                            multiline,
                        );
                        let response = ui.add(field);
                        let label = ui.label(egui::RichText::new(what).small().weak()).id;
                        return response.labelled_by(label);
                    }
                    let field = if multiline {
                        egui::TextEdit::multiline(&mut edit.text).desired_rows(rows)
                    } else {
                        egui::TextEdit::singleline(&mut edit.text)
                    };
                    let field = field.font(font.clone());
                    let response = ui.add(field.desired_width(rect.width()).hint_text(t!("canvas-type")));
                    let label = ui.label(egui::RichText::new(what).small().weak()).id;
                    response.labelled_by(label)
                })
                .inner
        })
        .inner;
    if !edit.focused {
        response.request_focus();
        edit.focused = true;
    }
    let done = enter || escape || response.lost_focus();
    if !done {
        return None;
    }
    let edit = canvas.editing.take()?;
    if escape && !edit.new_card {
        return Some(Vec::new());
    }
    // Esc on a new card keeps what was typed (the card is there and named); on an empty one it
    // takes the card back.
    let mut edits: Vec<Edit> = edit.commit(map).into_iter().collect();
    if let Some(Edit::Rewrite { command: Some(Command::InsertCard { card, .. }), .. }) = edits.first() {
        // The card comes back under its readable id: it stays selected.
        canvas.selection.add(card.id.clone());
    }
    edits.push(Edit::Seal);
    Some(edits)
}
