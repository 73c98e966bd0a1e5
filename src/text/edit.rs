//! Caret geometry for editing text that may run right to left.

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Color32, FontId, Galley, Pos2, Rect};

use super::visual::{aligned, one_glyph_per_char, visual_job_with_origins};
use super::wrap::wrapped_rows;

/// A text laid out for editing: the galley to draw, and where each character sits, so that a
/// caret and a selection follow the text however its runs are ordered on screen.
pub struct EditLayout {
    pub galley: Arc<Galley>,
    pub rows: Vec<CaretRow>,
    /// The text's length in characters.
    pub chars: usize,
}

/// A row of an [`EditLayout`]: its rect in the galley and its characters, in logical order.
pub struct CaretRow {
    pub rect: Rect,
    pub right_to_left: bool,
    pub boxes: Vec<CharBox>,
}

/// Where one character of the text was drawn.
#[derive(Clone, Copy, Debug)]
pub struct CharBox {
    /// The character's index in the text.
    pub index: usize,
    pub left: f32,
    pub right: f32,
    /// Whether it belongs to a right-to-left run (its logical start is its right edge).
    pub right_to_left: bool,
}

impl CharBox {
    /// The caret position before the character (where it starts in reading order).
    fn before(self) -> f32 {
        if self.right_to_left { self.right } else { self.left }
    }

    fn after(self) -> f32 {
        if self.right_to_left { self.left } else { self.right }
    }
}

/// `text` wrapped at `width` for editing, always through the bidirectional layout (a field may
/// turn from Arabic to Latin and back while typing).
pub fn edit_layout(ctx: &egui::Context, text: &str, font: FontId, colour: Color32, width: f32) -> EditLayout {
    let job = LayoutJob::simple(text.to_owned(), font, colour, width);
    let logical = wrapped_rows(ctx, &job);
    let (visual_job, infos, origins) = visual_job_with_origins(&job, &logical);
    let mut visual = Arc::unwrap_or_clone(ctx.fonts_mut(|fonts| fonts.layout_job(visual_job)));
    one_glyph_per_char(ctx, &mut visual);
    let galley = aligned(visual, &infos, &job);
    let char_of = |byte: usize| text[..byte.min(text.len())].chars().count();
    let mut rows = Vec::with_capacity(galley.rows.len());
    let mut line_start = 0;
    let laid = &galley.job;
    for (placed, info) in galley.rows.iter().zip(&infos) {
        let line_end = laid.text[line_start..].find('\n').map_or(laid.text.len(), |i| line_start + i);
        let mut boxes = Vec::new();
        let mut x = placed.pos.x;
        for (section, origin) in laid.sections.iter().zip(&origins) {
            let (from, to) = (section.byte_range.start.0, section.byte_range.end.0);
            if from < line_start || to > line_end || from >= to {
                continue;
            }
            let piece = &laid.text[from..to];
            let single = LayoutJob::single_section(piece.to_owned(), section.format.clone());
            let width = ctx.fonts_mut(|fonts| fonts.layout_job(single)).size().x;
            if let Some(origin) = origin.as_ref().filter(|o| o.bytes.end <= text.len()) {
                let first = char_of(origin.bytes.start);
                let count = text[origin.bytes.clone()].chars().count();
                let step = width / count.max(1) as f32;
                for k in 0..count {
                    let (left, right) = if origin.right_to_left {
                        (x + width - (k + 1) as f32 * step, x + width - k as f32 * step)
                    } else {
                        (x + k as f32 * step, x + (k + 1) as f32 * step)
                    };
                    boxes.push(CharBox {
                        index: first + k,
                        left,
                        right,
                        right_to_left: origin.right_to_left,
                    });
                }
            }
            x += width;
        }
        boxes.sort_by_key(|b| b.index);
        rows.push(CaretRow { rect: placed.rect(), right_to_left: info.rtl, boxes });
        line_start = (line_end + 1).min(laid.text.len());
    }
    EditLayout { galley: Arc::new(galley), rows, chars: text.chars().count() }
}

impl EditLayout {
    /// The row and x of the caret before character `index` (after the last one at the end).
    pub fn caret(&self, index: usize) -> (usize, f32) {
        let find = |i: usize| {
            self.rows
                .iter()
                .enumerate()
                .find_map(|(r, row)| row.boxes.iter().find(|b| b.index == i).map(|b| (r, *b)))
        };
        if let Some((row, found)) = find(index) {
            return (row, found.before());
        }
        // Past the end of a row (its last character, a line break, a wrapped space): after the
        // nearest character before it.
        if let Some((row, found)) = (0..index).rev().find_map(find) {
            return (row, found.after());
        }
        let first = self.rows.first();
        (0, first.map_or(0.0, |r| if r.right_to_left { r.rect.right() } else { r.rect.left() }))
    }

    /// The caret positions shown on `row`, as (index, x).
    fn positions(&self, row: usize) -> Vec<(usize, f32)> {
        let Some(boxes) = self.rows.get(row).map(|r| &r.boxes) else { return Vec::new() };
        let mut out: Vec<(usize, f32)> = boxes
            .iter()
            .flat_map(|b| [b.index, b.index + 1])
            .filter_map(|i| {
                let (r, x) = self.caret(i);
                (r == row).then_some((i, x))
            })
            .collect();
        out.sort_by_key(|(i, _)| *i);
        out.dedup_by_key(|(i, _)| *i);
        if out.is_empty() {
            out.push((self.row_start(row), self.caret(self.row_start(row)).1));
        }
        out
    }

    /// The first character of `row`, in reading order.
    fn row_start(&self, row: usize) -> usize {
        self.rows.get(row).and_then(|r| r.boxes.first()).map_or_else(
            || {
                self.rows[..row.min(self.rows.len())]
                    .iter()
                    .rev()
                    .find_map(|r| r.boxes.last())
                    .map_or(0, |b| b.index + 1)
            },
            |b| b.index,
        )
    }

    /// The caret position nearest to `pos` (galley coordinates).
    pub fn index_at(&self, pos: Pos2) -> usize {
        let row = self
            .rows
            .iter()
            .enumerate()
            .min_by(|(_, a), (_, b)| {
                let distance = |r: &CaretRow| (pos.y - r.rect.center().y).abs();
                distance(a).total_cmp(&distance(b))
            })
            .map_or(0, |(i, _)| i);
        self.positions(row)
            .into_iter()
            .min_by(|a, b| (a.1 - pos.x).abs().total_cmp(&(b.1 - pos.x).abs()))
            .map_or(0, |(i, _)| i)
            .min(self.chars)
    }

    /// One step to the left or right on screen, whichever way the text runs there; at a row's
    /// end, on to the next row in reading order.
    pub fn step(&self, index: usize, rightwards: bool) -> usize {
        let (row, x) = self.caret(index);
        let positions = self.positions(row);
        let next = if rightwards {
            positions
                .iter()
                .filter(|(i, px)| *px > x + 0.01 && *i != index)
                .min_by(|a, b| a.1.total_cmp(&b.1))
        } else {
            positions
                .iter()
                .filter(|(i, px)| *px < x - 0.01 && *i != index)
                .max_by(|a, b| a.1.total_cmp(&b.1))
        };
        if let Some((i, _)) = next {
            return *i;
        }
        let rtl = self.rows.get(row).is_some_and(|r| r.right_to_left);
        // Off the row's edge: on in reading order when the arrow points the way the row reads.
        if rightwards == rtl { index.saturating_sub(1) } else { (index + 1).min(self.chars) }
    }

    /// The caret on the row above or below, nearest the same x.
    pub fn vertical(&self, index: usize, down: bool) -> usize {
        let (row, x) = self.caret(index);
        let target = if down { row + 1 } else { row.wrapping_sub(1) };
        let Some(target_row) = self.rows.get(target) else {
            return if down { self.chars } else { 0 };
        };
        self.index_at(Pos2::new(x, target_row.rect.center().y))
    }

    /// Where the row holding the caret starts and ends in reading order.
    pub fn row_bounds(&self, index: usize) -> (usize, usize) {
        let (row, _) = self.caret(index);
        let positions = self.positions(row);
        let start = positions.iter().map(|(i, _)| *i).min().unwrap_or(0);
        let end = positions.iter().map(|(i, _)| *i).max().unwrap_or(self.chars);
        (start, end)
    }

    /// The rects covering the characters `from..to` (galley coordinates).
    pub fn selection(&self, from: usize, to: usize) -> Vec<Rect> {
        let mut out = Vec::new();
        for row in &self.rows {
            for b in row.boxes.iter().filter(|b| from <= b.index && b.index < to) {
                out.push(Rect::from_x_y_ranges(b.left..=b.right, row.rect.y_range()));
            }
        }
        out
    }
}
