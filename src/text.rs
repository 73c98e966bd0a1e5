//! Text in every direction. epaint shapes each run of one font (so Arabic letters join and a
//! word reads right to left) but lays the runs out in logical order, left to right, and aligns
//! every paragraph alike. Here each paragraph gets its direction from its first strong
//! character, its rows are put into visual order with the Unicode bidirectional algorithm
//! (`unicode-bidi`), and right-to-left rows are aligned to the right.
//!
//! Rows of Thai wrap between words, found with Unicode line breaking and its Thai dictionary
//! (epaint would cut them anywhere). Other text goes straight to epaint, untouched and uncached
//! here.

use std::collections::HashMap;
use std::hash::{Hash as _, Hasher as _};
use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, Align2, Color32, FontId, Galley, Painter, Pos2, Rect};
use unicode_bidi::{BidiClass, BidiInfo, Level};

/// Which way a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
    /// No strong character at all (digits, punctuation, emoji, nothing): laid out left to right,
    /// but a caller may follow its neighbours instead.
    Neutral,
}

impl Direction {
    pub fn is_rtl(self) -> bool {
        self == Self::RightToLeft
    }
}

/// The direction of a paragraph, from its first strong character (rules P2 and P3 of the
/// bidirectional algorithm). Only the first paragraph of `text` counts.
pub fn direction(text: &str) -> Direction {
    let first = text.lines().next().unwrap_or_default();
    match unicode_bidi::get_base_direction(first) {
        unicode_bidi::Direction::Ltr => Direction::LeftToRight,
        unicode_bidi::Direction::Rtl => Direction::RightToLeft,
        unicode_bidi::Direction::Mixed => Direction::Neutral,
    }
}

/// Whether `text` holds anything the bidirectional algorithm would reorder. Called for every
/// text drawn, every frame: Latin text is passed over without a table look-up (nothing below
/// Hebrew, U+0590, reads right to left).
pub fn has_rtl(text: &str) -> bool {
    !text.is_ascii()
        && text.chars().any(|c| {
            c >= '\u{590}'
                && matches!(
                    unicode_bidi::bidi_class(c),
                    BidiClass::R
                        | BidiClass::AL
                        | BidiClass::AN
                        | BidiClass::RLE
                        | BidiClass::RLO
                        | BidiClass::RLI
                )
        })
}

/// Whether `text` holds a script written without spaces between words (Thai, Lao, Khmer,
/// Myanmar), whose rows must wrap between words rather than anywhere.
pub fn has_unspaced_words(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}'))
}

/// `text` wrapped at `width` (infinite: one row per line), each paragraph in its direction.
pub fn layout(ctx: &egui::Context, text: &str, font: FontId, colour: Color32, width: f32) -> Arc<Galley> {
    galley(ctx, LayoutJob::simple(text.to_owned(), font, colour, width))
}

/// One row per line, each paragraph in its direction.
pub fn no_wrap(ctx: &egui::Context, text: &str, font: FontId, colour: Color32) -> Arc<Galley> {
    galley(ctx, LayoutJob::simple_singleline(text.to_owned(), font, colour))
}

/// Lays out a map for `view`, measuring its text with the context's fonts as it will be drawn
/// (right-to-left and Thai text wraps by its own rows): the one place the editor and the exports
/// get a layout from.
pub fn layout_map(
    ctx: &egui::Context,
    map: &crate::model::Map,
    view: crate::layout::View,
    type_size: crate::theme::TypeSize,
) -> crate::layout::MapLayout {
    let mut measure = |text: &str, size: f32, wrap: f32| {
        layout(ctx, text, FontId::proportional(size), Color32::WHITE, wrap).size()
    };
    crate::layout::layout(map, view, type_size.sizes(), &mut measure)
}

/// Paints `text` anchored at `pos` like [`Painter::text`], in its direction; returns its rect.
pub fn paint(
    painter: &Painter,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
) -> Rect {
    let galley = no_wrap(painter.ctx(), text, font, colour);
    let rect = anchor.anchor_size(pos, galley.size());
    painter.galley(rect.min, galley, colour);
    rect
}

/// The galley of `job` with every row in visual order. A paragraph whose direction is right to
/// left is aligned to the right of the wrap width (or of the widest row when there is none),
/// unless the job asks for another alignment than the left.
pub fn galley(ctx: &egui::Context, job: LayoutJob) -> Arc<Galley> {
    let wraps_thai = job.wrap.max_width.is_finite() && has_unspaced_words(&job.text);
    if !wraps_thai && !has_rtl(&job.text) {
        return ctx.fonts_mut(|fonts| fonts.layout_job(job));
    }
    let key = {
        let mut hasher = std::hash::DefaultHasher::new();
        job.hash(&mut hasher);
        ctx.pixels_per_point().to_bits().hash(&mut hasher);
        hasher.finish()
    };
    let cached = ctx.memory_mut(|memory| memory.caches.cache::<VisualCache>().get(key));
    let (visual_job, rows, before) = match cached {
        Some(entry) => (entry.job, entry.rows, Some((entry.laid, entry.galley))),
        None => {
            let (visual_job, rows) = visual_job(&job, &wrapped_rows(ctx, &job));
            (Arc::new(visual_job), Arc::new(rows), None)
        }
    };
    // epaint lays the visual job out again when it has dropped its galleys (a new font atlas:
    // the old galley's glyphs point into a texture that is gone); ours follows.
    let laid = ctx.fonts_mut(|fonts| fonts.layout_job((*visual_job).clone()));
    if let Some((before_laid, galley)) = before
        && Arc::ptr_eq(&before_laid, &laid)
    {
        return galley;
    }
    let mut visual = (*laid).clone();
    one_glyph_per_char(ctx, &mut visual);
    let galley = Arc::new(aligned(visual, &rows, &job));
    let entry = Entry { job: visual_job, rows, laid, galley: galley.clone(), used: true };
    ctx.memory_mut(|memory| memory.caches.cache::<VisualCache>().insert(key, entry));
    galley
}

const RTL_MARK: &str = "\u{200f}";
const LTR_MARK: &str = "\u{200e}";

/// A row of a galley made here, as written: its paragraph's direction and its text in logical
/// order (the order to store and search it in). `None` for a galley epaint laid out alone,
/// whose rows are in logical order already.
pub fn row_text(galley: &Galley, row: usize) -> Option<(Direction, String)> {
    let line = galley.job.text.split('\n').nth(row)?;
    let (rtl, visual) = if let Some(rest) = line.strip_prefix(RTL_MARK) {
        (true, rest)
    } else {
        (false, line.strip_prefix(LTR_MARK)?)
    };
    Some((if rtl { Direction::RightToLeft } else { Direction::LeftToRight }, logical_order(visual, rtl)))
}

/// A visual row back in logical order. Putting a row in visual order turns each run around and
/// keeps each right-to-left word as written; doing it again undoes it.
fn logical_order(visual: &str, rtl: bool) -> String {
    let bidi = BidiInfo::new(visual, Some(if rtl { Level::rtl() } else { Level::ltr() }));
    let mut out = String::with_capacity(visual.len());
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let level = levels[run.start];
            for piece in pieces(visual, run, level) {
                let text = &visual[piece.range];
                if piece.reverse {
                    out.push_str(&reversed(text, level.is_rtl()));
                } else {
                    out.push_str(text);
                }
            }
        }
    }
    out
}

/// epaint gives a right-to-left run more glyphs than characters (it adds a zero-width glyph per
/// character after the run's last), which its cursor code and the vector writers, both counting
/// one glyph per character, cannot follow. What is drawn comes from the row's mesh, so the
/// glyph list is rebuilt: one per character, each piece's characters spread over the width the
/// piece takes.
fn one_glyph_per_char(ctx: &egui::Context, galley: &mut Galley) {
    let job = galley.job.clone();
    let mut line_start = 0;
    for placed in &mut galley.rows {
        let line_end = job.text[line_start..].find('\n').map_or(job.text.len(), |i| line_start + i);
        if let Some(template) = placed.row.glyphs.first().copied() {
            let mut glyphs = Vec::with_capacity(line_end - line_start);
            let mut x = 0.0;
            for section in &job.sections {
                let from = section.byte_range.start.0.max(line_start);
                let to = section.byte_range.end.0.min(line_end);
                if from >= to {
                    continue;
                }
                let text = &job.text[from..to];
                let single = LayoutJob::single_section(text.to_owned(), section.format.clone());
                let width = ctx.fonts_mut(|fonts| fonts.layout_job(single)).size().x;
                let count = text.chars().count() as f32;
                for (k, c) in text.chars().enumerate() {
                    let mut glyph = template;
                    glyph.chr = c;
                    glyph.advance_width = width / count;
                    glyph.pos.x = x + glyph.advance_width * k as f32;
                    glyphs.push(glyph);
                }
                x += width;
            }
            Arc::make_mut(&mut placed.row).glyphs = glyphs;
        }
        line_start = (line_end + 1).min(job.text.len());
    }
}

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

/// How one row of the visual job is to be aligned.
struct RowInfo {
    rtl: bool,
}

/// A job holding `rows` in visual order, one `\n` between rows, unwrapped; each piece of a row
/// is its own section so that epaint shapes it apart from its neighbours.
fn visual_job(job: &LayoutJob, rows: &[LogicalRow]) -> (LayoutJob, Vec<RowInfo>) {
    let (out, infos, _) = visual_job_with_origins(job, rows);
    (out, infos)
}

/// Where a section of the visual job came from: its bytes in the original text, and whether its
/// characters run right to left on screen.
#[derive(Clone)]
struct Origin {
    bytes: Range<usize>,
    right_to_left: bool,
}

/// [`visual_job`], with the origin of each section (`None`: a direction mark or a line break).
fn visual_job_with_origins(
    job: &LayoutJob,
    rows: &[LogicalRow],
) -> (LayoutJob, Vec<RowInfo>, Vec<Option<Origin>>) {
    let mut origins = Vec::new();
    let mut out = LayoutJob {
        wrap: TextWrapping::no_max_width(),
        halign: Align::LEFT,
        justify: false,
        break_on_newline: true,
        first_row_min_height: job.first_row_min_height,
        ..Default::default()
    };
    let mut infos = Vec::with_capacity(rows.len());
    let mut paragraph_start = 0;
    while paragraph_start < rows.len() {
        let paragraph_end = rows[paragraph_start..]
            .iter()
            .position(|r| r.ends_paragraph)
            .map_or(rows.len(), |i| paragraph_start + i + 1);
        let paragraph = &rows[paragraph_start..paragraph_end];
        let text: String = paragraph.iter().map(|r| r.text.as_str()).collect();
        let rtl = direction(&text).is_rtl();
        let bidi = BidiInfo::new(&text, Some(if rtl { Level::rtl() } else { Level::ltr() }));
        let mut row_start = 0;
        for (i, row) in paragraph.iter().enumerate() {
            let row_range = row_start..row_start + row.text.len();
            row_start = row_range.end;
            if paragraph_start + i > 0 {
                let format = out.sections.last().map(|s| s.format.clone()).unwrap_or_default();
                push_section(&mut out, "\n", format);
                origins.push(None);
            }
            infos.push(RowInfo { rtl });
            // Each row starts with an invisible mark of its paragraph's direction, from which the
            // vector writers give the row back in logical order (see `row_text`).
            push_section(&mut out, if rtl { RTL_MARK } else { LTR_MARK }, row.format_at(0));
            origins.push(None);
            // Spaces where a row wraps belong to no side; dropping them keeps rows flush.
            let visible = trim_wrap_space(&text, row_range.clone(), i + 1 < paragraph.len());
            // A paragraph separator inside a line splits it for the algorithm; each part is
            // ordered on its own, in logical order.
            for para in &bidi.paragraphs {
                let line = visible.start.max(para.range.start)..visible.end.min(para.range.end);
                if line.is_empty() {
                    continue;
                }
                let (levels, runs) = bidi.visual_runs(para, line);
                for run in runs {
                    let run_level = levels[run.start];
                    for piece in pieces(&text, run, run_level) {
                        let format = row.format_at(piece.range.start - row_range.start);
                        let piece_text = &text[piece.range.clone()];
                        let piece_text = if piece.reverse {
                            reversed(piece_text, run_level.is_rtl())
                        } else {
                            piece_text.to_owned()
                        };
                        let start = row.start + (piece.range.start - row_range.start);
                        let bytes = start..start + piece.range.len();
                        push_section(&mut out, &piece_text, format);
                        origins.push(Some(Origin { bytes, right_to_left: run_level.is_rtl() }));
                    }
                }
            }
        }
        paragraph_start = paragraph_end;
    }
    (out, infos, origins)
}

/// Appends a section of its own: `LayoutJob::append` would merge it into the one before when the
/// formats match, and the shaper would then run both pieces together.
fn push_section(job: &mut LayoutJob, text: &str, format: egui::TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(egui::text::LayoutSection {
        leading_space: 0.0,
        byte_range: egui::text::ByteIndex(start)..egui::text::ByteIndex(job.text.len()),
        format,
    });
}

fn trim_wrap_space(text: &str, range: Range<usize>, wrapped: bool) -> Range<usize> {
    if !wrapped {
        return range;
    }
    let trimmed = text[range.clone()].trim_end();
    range.start..range.start + trimmed.len()
}

/// A wrapped row in logical order: its text (with an elided row's `…`) and where each format starts.
struct LogicalRow {
    text: String,
    /// Where `text` starts in the job's text.
    start: usize,
    /// (byte in `text`, format) where a section starts.
    formats: Vec<(usize, egui::TextFormat)>,
    ends_paragraph: bool,
}

impl LogicalRow {
    fn format_at(&self, byte: usize) -> egui::TextFormat {
        let index = self.formats.partition_point(|(start, _)| *start <= byte).saturating_sub(1);
        self.formats.get(index).map(|(_, f)| f.clone()).unwrap_or_default()
    }
}

/// The rows `job` wraps into, in logical order: greedy, a word at a time (a word longer than a
/// row is cut between characters), each word measured by epaint as it will be drawn; the last
/// allowed row ends in the overflow character when text is left over.
fn wrapped_rows(ctx: &egui::Context, job: &LayoutJob) -> Vec<LogicalRow> {
    let width = job.wrap.max_width;
    let measure = |range: Range<usize>| -> f32 {
        if range.is_empty() {
            return 0.0;
        }
        let mut piece = LayoutJob::default();
        for section in &job.sections {
            let from = section.byte_range.start.0.max(range.start);
            let to = section.byte_range.end.0.min(range.end);
            if from < to {
                piece.append(&job.text[from..to], 0.0, section.format.clone());
            }
        }
        ctx.fonts_mut(|fonts| fonts.layout_job(piece)).size().x
    };
    let mut ranges: Vec<(Range<usize>, bool)> = Vec::new();
    let paragraphs: Vec<Range<usize>> = if job.break_on_newline {
        let mut start = 0;
        let mut out = Vec::new();
        for (i, _) in job.text.match_indices('\n') {
            out.push(start..i);
            start = i + 1;
        }
        out.push(start..job.text.len());
        out
    } else {
        std::iter::once(0..job.text.len()).collect()
    };
    for paragraph in paragraphs {
        let mut row = paragraph.start..paragraph.start;
        let mut row_width = 0.0;
        for word in words(&job.text, paragraph.clone()) {
            let word_width = measure(word.clone());
            let inked = measure(word.start..word.start + job.text[word.clone()].trim_end().len());
            if row.start < row.end && row_width + inked > width {
                ranges.push((row.clone(), false));
                row = word.start..word.start;
                row_width = 0.0;
            }
            if row.start == row.end && inked > width {
                // A word wider than a row: as many characters as fit, then the next row.
                let mut from = word.start;
                for (offset, c) in job.text[word.clone()].char_indices().skip(1) {
                    let at = word.start + offset;
                    if !c.is_whitespace() && measure(from..at + c.len_utf8()) > width {
                        ranges.push((from..at, false));
                        from = at;
                    }
                }
                row = from..word.end;
                row_width = measure(row.clone());
                continue;
            }
            row.end = word.end;
            row_width += word_width;
        }
        ranges.push((row, true));
    }
    let mut elided = false;
    if ranges.len() > job.wrap.max_rows {
        ranges.truncate(job.wrap.max_rows);
        elided = true;
    }
    let overflow = job.wrap.overflow_character.filter(|_| elided);
    let mut rows = Vec::with_capacity(ranges.len());
    let count = ranges.len();
    for (index, (mut range, ends_paragraph)) in ranges.into_iter().enumerate() {
        let mut text = job.text[range.clone()].to_owned();
        if index + 1 == count
            && let Some(mark) = overflow
        {
            let mark_width = ctx.fonts_mut(|fonts| {
                let format = job.sections.last().map(|s| s.format.clone()).unwrap_or_default();
                fonts.layout_job(LayoutJob::single_section(mark.to_string(), format)).size().x
            });
            while range.start < range.end && measure(range.clone()) + mark_width > width {
                let last = job.text[range.clone()].chars().next_back().map_or(1, char::len_utf8);
                range.end -= last;
            }
            range.end = range.start + job.text[range.clone()].trim_end().len();
            job.text[range.clone()].clone_into(&mut text);
            text.push(mark);
        }
        let mut formats = Vec::new();
        for section in &job.sections {
            let from = section.byte_range.start.0.max(range.start);
            let to = section.byte_range.end.0.min(range.end);
            if from < to {
                formats.push((from - range.start, section.format.clone()));
            }
        }
        if formats.is_empty()
            && let Some(section) =
                job.sections.iter().find(|s| s.byte_range.end.0 >= range.start).or(job.sections.last())
        {
            formats.push((0, section.format.clone()));
        }
        rows.push(LogicalRow { text, start: range.start, formats, ends_paragraph });
    }
    rows
}

/// A paragraph's pieces between the places a row may wrap (Unicode line breaking, UAX #14):
/// after spaces and hyphens, and in Thai, which writes no spaces between words, between words
/// found in a dictionary.
fn words(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let segmenter =
        icu_segmenter::LineSegmenter::new_dictionary(icu_segmenter::options::LineBreakOptions::default());
    let mut out = Vec::new();
    let mut start = paragraph.start;
    for at in segmenter.segment_str(&text[paragraph.clone()]).map(|b| paragraph.start + b) {
        if at > start {
            out.push(start..at);
            start = at;
        }
    }
    if start < paragraph.end || out.is_empty() {
        out.push(start..paragraph.end);
    }
    out
}

/// A part of a level run that epaint shapes on its own.
struct Piece {
    range: Range<usize>,
    /// Whether its characters must be handed over in reverse, because the shaper would run
    /// them the other way than their level says.
    reverse: bool,
}

/// The pieces of one level run, in visual order. In a left-to-right run that is the run itself
/// (Arabic-Indic digits aside, which the shaper would turn around). In a right-to-left run each
/// word of right-to-left letters is one piece (the shaper lays its letters right to left and
/// joins them), and every other character (space, punctuation, symbol) is a piece of its own.
fn pieces(text: &str, run: Range<usize>, level: Level) -> Vec<Piece> {
    let run_text = &text[run.clone()];
    if !level.is_rtl() {
        let turns = run_text.chars().any(|c| unicode_bidi::bidi_class(c) == BidiClass::AN);
        return vec![Piece { range: run, reverse: turns }];
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut word: Option<usize> = None;
    let joins = |c: char| {
        matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::NSM | BidiClass::BN)
    };
    for (offset, c) in run_text.char_indices() {
        let at = run.start + offset;
        if joins(c) {
            word.get_or_insert(at);
            continue;
        }
        if let Some(start) = word.take() {
            out.push(Piece { range: start..at, reverse: false });
        }
        out.push(Piece { range: at..at + c.len_utf8(), reverse: true });
    }
    if let Some(start) = word {
        out.push(Piece { range: start..run.end, reverse: false });
    }
    out.reverse();
    out
}

/// `text` back to front; in a right-to-left run, brackets and similar characters mirrored.
fn reversed(text: &str, mirror: bool) -> String {
    text.chars()
        .rev()
        .map(|c| if mirror { unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c) } else { c })
        .collect()
}

/// The visual galley with right-to-left rows aligned to the right, as the original job would
/// have aligned its rows.
fn aligned(mut galley: Galley, rows: &[RowInfo], job: &LayoutJob) -> Galley {
    let widest = galley.rows.iter().map(|r| r.row.size.x).fold(0.0_f32, f32::max);
    let width = if job.wrap.max_width.is_finite() { job.wrap.max_width.max(widest) } else { widest };
    let (min, max) = match job.halign {
        Align::Min => (0.0, width),
        Align::Center => (-width / 2.0, width / 2.0),
        Align::Max => (-width, 0.0),
    };
    let mut rect = Rect::NOTHING;
    let mut mesh_bounds = Rect::NOTHING;
    for (placed, info) in galley.rows.iter_mut().zip(rows) {
        let row_width = placed.row.size.x;
        let align = if job.halign == Align::LEFT && info.rtl { Align::RIGHT } else { job.halign };
        let x = match align {
            Align::Min => min,
            Align::Center => (min + max - row_width) / 2.0,
            Align::Max => max - row_width,
        };
        placed.pos.x = (x * galley.pixels_per_point).round() / galley.pixels_per_point;
        rect |= placed.rect();
        mesh_bounds |= placed.row.visuals.mesh_bounds.translate(placed.pos.to_vec2());
    }
    if job.halign == Align::LEFT && rows.iter().any(|r| r.rtl) {
        // The galley spans the width it was aligned in, so callers place it as a box.
        rect.min.x = rect.min.x.min(0.0);
        rect.max.x = rect.max.x.max(width);
    }
    galley.rect = rect;
    galley.mesh_bounds = mesh_bounds;
    galley
}

/// The visual jobs and galleys of the frames that used them: the bidirectional work is redone
/// only when the text, its formats or the width change.
#[derive(Default)]
struct VisualCache {
    galleys: HashMap<u64, Entry>,
}

#[derive(Clone)]
struct Entry {
    job: Arc<LayoutJob>,
    rows: Arc<Vec<RowInfo>>,
    /// epaint's galley of `job`, from which `galley` was made.
    laid: Arc<Galley>,
    galley: Arc<Galley>,
    used: bool,
}

impl VisualCache {
    fn get(&mut self, key: u64) -> Option<Entry> {
        let entry = self.galleys.get_mut(&key)?;
        entry.used = true;
        Some(entry.clone())
    }

    fn insert(&mut self, key: u64, entry: Entry) {
        self.galleys.insert(key, entry);
    }
}

impl egui::cache::CacheTrait for VisualCache {
    fn update(&mut self) {
        self.galleys.retain(|_, entry| std::mem::take(&mut entry.used));
    }

    fn len(&self) -> usize {
        self.galleys.len()
    }
}

#[cfg(test)]
mod tests;
