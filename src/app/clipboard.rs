//! Copy, cut, paste and duplicate of cards. Cards travel through the system clipboard as RON,
//! so they can be pasted into another map, or into a text editor and back. Cells copied from a
//! spreadsheet (tab-separated text) and plain lines paste as new cards.

use std::collections::HashSet;

use super::canvas::Selection;
use super::{Document, Edit, UiCommand};
use crate::edit::Command;
use crate::model::{Card, CardId, IdMaker};

const MARKER: &str = "// touchline cards\n";

fn selected_cards(doc: &Document) -> Vec<Card> {
    doc.map.cards.iter().filter(|c| doc.canvas.selection.contains(&c.id)).cloned().collect()
}

/// Puts the selected cards on the clipboard.
pub(super) fn copy(doc: &Document, ctx: &egui::Context) {
    let cards = selected_cards(doc);
    if cards.is_empty() {
        return;
    }
    if let Ok(text) = ron::to_string(&cards) {
        ctx.copy_text(format!("{MARKER}{text}"));
    }
}

/// Copies of the selected cards, each right below its original, selected afterwards.
pub(super) fn duplicate(doc: &mut Document) -> Option<Edit> {
    let cards = selected_cards(doc);
    if cards.is_empty() {
        return None;
    }
    let mut commands = Vec::new();
    let mut fresh = HashSet::new();
    let mut ids = IdMaker::for_map(&doc.map);
    for card in cards {
        let slot = doc.map.card_slot(&card.id)?;
        let copy = Card { id: CardId(ids.make("c-", &card.title)), ..card };
        fresh.insert(copy.id.clone());
        commands.push(Command::InsertCard { index: slot.index + 1, card: copy });
    }
    doc.canvas.selection = Selection::cards(fresh);
    let label = if commands.len() == 1 {
        tl!("edit-duplicate-card")
    } else {
        tl!("edit-duplicate-cards", count = commands.len())
    };
    Some(Edit::apply(Command::Batch(commands), &label))
}

/// Pastes cards from clipboard text: into the hovered cell if there is one, else into the cells
/// they were copied from (when those exist in this map).
pub(super) fn paste(doc: &mut Document, text: &str) -> Option<Edit> {
    let Some(body) = text.strip_prefix(MARKER) else { return paste_cells(doc, text) };
    let cards: Vec<Card> = ron::from_str(body).ok()?;
    let (map, layout) = doc.map_and_layout();
    let target = doc.canvas.hovered_cell(layout?);
    let mut commands = Vec::new();
    let mut fresh = HashSet::new();
    let mut ids = IdMaker::for_map(map);
    for card in cards {
        let (lane, stage) = match &target {
            Some((lane, stage)) => (lane.clone(), stage.clone()),
            None => (card.lane.clone(), card.stage.clone()),
        };
        if map.lane(&lane).is_none() || map.stage(&stage).is_none() {
            continue;
        }
        let copy = Card { id: CardId(ids.make("c-", &card.title)), lane, stage, ..card };
        fresh.insert(copy.id.clone());
        commands.push(Command::InsertCard { index: usize::MAX, card: copy });
    }
    pasted(doc, commands, fresh)
}

/// Pastes cells copied from Excel, `LibreOffice` or Google Sheets (tab-separated, rows on lines)
/// as new cards, starting at the hovered cell, else at the selected card's cell: a single column
/// goes down that cell, a grid spreads across the lanes (rows) and stages (columns) from there.
/// Plain text of several lines is a single column. One paste is one undo step.
fn paste_cells(doc: &mut Document, text: &str) -> Option<Edit> {
    let grid = cells(text);
    if grid.iter().all(|row| row.iter().all(String::is_empty)) {
        return None;
    }
    let (map, layout) = doc.map_and_layout();
    let layout = layout?;
    let start = doc.canvas.hovered_cell(layout).or_else(|| {
        let card = map.cards.iter().find(|c| doc.canvas.selection.contains(&c.id))?;
        Some((card.lane.clone(), card.stage.clone()))
    });
    // Lanes that hold cards, in the order they are shown.
    let lanes: Vec<_> = layout
        .lanes
        .iter()
        .filter(|l| l.kind != crate::model::LaneKind::Emotions)
        .map(|l| l.id.clone())
        .collect();
    let stages: Vec<_> = layout.stages.iter().map(|s| s.id.clone()).collect();
    let (first_lane, first_stage) = match start {
        Some((lane, stage)) => {
            (lanes.iter().position(|l| *l == lane)?, stages.iter().position(|s| *s == stage)?)
        }
        None => (0, 0),
    };
    let column = grid.iter().all(|row| row.len() <= 1);
    let mut commands = Vec::new();
    let mut fresh = HashSet::new();
    let mut ids = IdMaker::for_map(map);
    for (r, row) in grid.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let (lane, stage) =
                if column { (first_lane, first_stage) } else { (first_lane + r, first_stage + c) };
            let (Some(lane), Some(stage)) = (lanes.get(lane), stages.get(stage)) else { continue };
            let card = Card::new(lane.clone(), stage.clone(), cell.as_str());
            let card = Card { id: CardId(ids.make("c-", cell)), ..card };
            fresh.insert(card.id.clone());
            commands.push(Command::InsertCard { index: usize::MAX, card });
        }
    }
    pasted(doc, commands, fresh)
}

/// The paste as one undo step, its new cards selected; nothing when nothing was pasted.
fn pasted(doc: &mut Document, commands: Vec<Command>, fresh: HashSet<CardId>) -> Option<Edit> {
    if commands.is_empty() {
        return None;
    }
    doc.canvas.selection = Selection::cards(fresh);
    let label = if commands.len() == 1 {
        tl!("edit-paste-card")
    } else {
        tl!("edit-paste-cards", count = commands.len())
    };
    Some(Edit::apply(Command::Batch(commands), &label))
}

/// Clipboard text as rows of cells: tab-separated with spreadsheet quoting ("a cell with a
/// line break" is one cell); without tabs, one cell per line. Cells are trimmed and cut to the
/// import's field limit.
fn cells(text: &str) -> Vec<Vec<String>> {
    let limit = |cell: &str| cell.trim().chars().take(crate::data::MAX_FIELD).collect::<String>();
    if !text.contains('\t') {
        return text.lines().map(|line| vec![limit(line)]).collect();
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader.records().filter_map(Result::ok).map(|record| record.iter().map(limit).collect()).collect()
}

/// Clipboard events: the platform turns Ctrl+C/X/V into these rather than key presses. Copy
/// and Cut come back as the commands they are, and the text of each paste.
pub(super) fn events(ctx: &egui::Context) -> (Vec<UiCommand>, Vec<String>) {
    let (mut commands, mut pasted) = (Vec::new(), Vec::new());
    if ctx.egui_wants_keyboard_input() {
        return (commands, pasted);
    }
    for event in ctx.input(|i| i.events.clone()) {
        match event {
            egui::Event::Copy => commands.push(UiCommand::Copy),
            egui::Event::Cut => commands.push(UiCommand::Cut),
            egui::Event::Paste(text) => pasted.push(text),
            _ => {}
        }
    }
    (commands, pasted)
}
