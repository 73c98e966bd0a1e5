//! Capturing sticky notes while presenting: a note opens where the next card of a cell will
//! sit, typing goes straight in, Enter adds it and opens the next, Esc stops.

use egui::{Key, Modifiers, Ui};

use crate::app::canvas::{Canvas, Edit};
use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{Card, Colour, LaneId, LaneKind, Map, StageId};
use crate::theme::Theme;

/// The colour of a note captured in a workshop: sticky-note yellow, so the team can tell the
/// room's notes from the prepared cards afterwards.
pub const NOTE_COLOUR: Colour = Colour::rgb(0xff, 0xd8, 0x4d);

/// A stream of notes into one cell.
#[derive(Debug)]
pub struct Capture {
    pub lane: LaneId,
    pub stage: StageId,
    pub text: String,
    /// Notes added by this stream so far.
    pub added: usize,
}

impl Capture {
    pub fn new(lane: LaneId, stage: StageId) -> Self {
        Self { lane, stage, text: String::new(), added: 0 }
    }

    /// Where a note goes: the lane under the pointer if it holds cards, else the lane of the
    /// last note, else the first lane that holds cards; in `stage`.
    pub fn place(
        canvas: &Canvas,
        map: &Map,
        layout: &MapLayout,
        stage: Option<usize>,
        last_lane: Option<&LaneId>,
    ) -> Option<(LaneId, StageId)> {
        let holds_cards =
            |id: &LaneId| map.lane(id).is_some_and(|l| l.kind != LaneKind::Emotions && !l.collapsed);
        let hovered = canvas.hovered_cell(layout);
        let lane = hovered
            .as_ref()
            .map(|(lane, _)| lane)
            .filter(|l| holds_cards(l))
            .or(last_lane.filter(|l| holds_cards(l) && layout.lanes.iter().any(|b| &b.id == *l)))
            .or_else(|| layout.lanes.iter().map(|l| &l.id).find(|l| holds_cards(l)))?
            .clone();
        let stage = match stage {
            Some(i) => layout.stages.get(i)?.id.clone(),
            None => hovered.map(|(_, s)| s).or_else(|| layout.stages.first().map(|s| s.id.clone()))?,
        };
        Some((lane, stage))
    }
}

/// How a frame of typing ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typing {
    Going,
    /// Enter: the note was added (if it had text) and the next one is open.
    Next,
    /// Esc: the note was added (if it had text) and capturing stops.
    Stop,
}

/// Shows the note being typed and returns the edit that adds it once Enter or Esc is pressed.
pub fn ui(
    capture: &mut Capture,
    ui: &mut Ui,
    canvas: &Canvas,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    edits: &mut Vec<Edit>,
) -> Typing {
    let (Some(lane), Some(stage)) = (
        layout.lanes.iter().position(|l| l.id == capture.lane),
        layout.stages.iter().position(|s| s.id == capture.stage),
    ) else {
        return Typing::Stop;
    };
    let t = canvas.screen_from_scene();
    let slot = t * layout.next_slot(lane, stage);
    let zoom = t.scaling;
    let enter = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    let escape = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));

    let fill = theme.note;
    // Nothing smaller than 18 pixels on a 1080-pixel screen: the room reads the hint too.
    let scale = ui.ctx().content_rect().height() / super::DESIGN_HEIGHT;
    let font = egui::FontId::proportional((layout.sizes.card_font * zoom).clamp(12.0, 64.0));
    let ink = theme.note_ink;
    let area = egui::Area::new(ui.scope_id().with("note"))
        .fixed_pos(slot.min)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(6.0)
                .stroke(egui::Stroke::new(3.0, theme.accent))
                .inner_margin(layout.sizes.card_padding * zoom)
                .shadow(egui::Shadow { offset: [0, 6], blur: 18, spread: 0, color: theme.card_shadow })
                .show(ui, |ui| {
                    let width = (slot.width() - 2.0 * layout.sizes.card_padding * zoom).max(120.0);
                    ui.set_width(width);
                    let field = egui::TextEdit::multiline(&mut capture.text)
                        .font(font.clone())
                        .text_color(ink)
                        .background_color(fill)
                        .frame(egui::Frame::NONE)
                        .desired_rows(1)
                        .desired_width(width)
                        .hint_text(
                            egui::RichText::new(t!("present-type-note"))
                                .color(ink.gamma_multiply(0.6))
                                .font(font.clone()),
                        );
                    let response = ui.add(field);
                    let hint = t!("present-note-hint", count = capture.added);
                    let label = ui
                        .label(
                            egui::RichText::new(hint).color(ink).size((font.size * 0.55).max(18.0 * scale)),
                        )
                        .id;
                    response.labelled_by(label)
                })
                .inner
        });
    let response = area.inner;
    // Typing always goes into the note while capturing, even after a click on the map.
    if !response.has_focus() {
        response.request_focus();
    }
    if !(enter || escape) {
        return Typing::Going;
    }
    let text = capture.text.trim().to_owned();
    capture.text.clear();
    if !text.is_empty() {
        let mut card = Card::new(capture.lane.clone(), capture.stage.clone(), text);
        card.id = crate::model::CardId(crate::model::IdMaker::for_map(map).make("c-", &card.title));
        card.colour = Some(NOTE_COLOUR);
        edits.push(Edit::apply(Command::InsertCard { index: usize::MAX, card }, tl!("edit-add-note")));
        edits.push(Edit::Seal);
        capture.added += 1;
    }
    if escape { Typing::Stop } else { Typing::Next }
}
