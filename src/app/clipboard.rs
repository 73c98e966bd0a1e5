//! Copy, cut, paste and duplicate of cards. Cards travel through the system clipboard as RON,
//! so they can be pasted into another map, or into a text editor and back.

use std::collections::HashSet;

use super::{Edit, TouchlineApp};
use crate::edit::Command;
use crate::model::{Card, CardId};

const MARKER: &str = "// touchline cards\n";

fn selected_cards(app: &TouchlineApp) -> Vec<Card> {
    let Some(doc) = &app.doc else { return Vec::new() };
    doc.map.cards.iter().filter(|c| app.canvas.selected.contains(&c.id)).cloned().collect()
}

/// Puts the selected cards on the clipboard.
pub(super) fn copy(app: &TouchlineApp, ctx: &egui::Context) {
    let cards = selected_cards(app);
    if cards.is_empty() {
        return;
    }
    if let Ok(text) = ron::to_string(&cards) {
        ctx.copy_text(format!("{MARKER}{text}"));
    }
}

/// Copies of the selected cards, each right below its original, selected afterwards.
pub(super) fn duplicate(app: &mut TouchlineApp) -> Option<Edit> {
    let doc = app.doc.as_ref()?;
    let cards = selected_cards(app);
    if cards.is_empty() {
        return None;
    }
    let mut commands = Vec::new();
    let mut fresh = HashSet::new();
    for card in cards {
        let slot = doc.map.card_slot(&card.id)?;
        let copy = Card { id: CardId::fresh(), ..card };
        fresh.insert(copy.id.clone());
        commands.push(Command::InsertCard { index: slot.index + 1, card: copy });
    }
    app.canvas.selected = fresh;
    let label = if commands.len() == 1 {
        "Duplicate card".to_owned()
    } else {
        format!("Duplicate {} cards", commands.len())
    };
    Some(Edit::apply(Command::Batch(commands), &label))
}

/// Pastes cards from clipboard text: into the hovered cell if there is one, else into the cells
/// they were copied from (when those exist in this map).
fn paste(app: &mut TouchlineApp, text: &str) -> Option<Edit> {
    let body = text.strip_prefix(MARKER)?;
    let cards: Vec<Card> = ron::from_str(body).ok()?;
    let doc = app.doc.as_ref()?;
    let (map, layout) = doc.map_and_layout();
    let target = app.canvas.hovered_cell(layout?);
    let mut commands = Vec::new();
    let mut fresh = HashSet::new();
    for card in cards {
        let (lane, stage) = match &target {
            Some((lane, stage)) => (lane.clone(), stage.clone()),
            None => (card.lane.clone(), card.stage.clone()),
        };
        if map.lane(&lane).is_none() || map.stage(&stage).is_none() {
            continue;
        }
        let copy = Card { id: CardId::fresh(), lane, stage, ..card };
        fresh.insert(copy.id.clone());
        commands.push(Command::InsertCard { index: usize::MAX, card: copy });
    }
    if commands.is_empty() {
        return None;
    }
    app.canvas.selected = fresh;
    let label =
        if commands.len() == 1 { "Paste card".to_owned() } else { format!("Paste {} cards", commands.len()) };
    Some(Edit::apply(Command::Batch(commands), &label))
}

/// Clipboard events: the platform turns Ctrl+C/X/V into these rather than key presses.
pub(super) fn events(app: &mut TouchlineApp, ctx: &egui::Context, edits: &mut Vec<Edit>) {
    if app.doc.is_none() || ctx.egui_wants_keyboard_input() {
        return;
    }
    let events = ctx.input(|i| i.events.clone());
    for event in events {
        match event {
            egui::Event::Copy => copy(app, ctx),
            egui::Event::Cut => app.run_command(super::UiCommand::Cut, ctx, edits),
            egui::Event::Paste(text) => edits.extend(paste(app, &text)),
            _ => {}
        }
    }
}
