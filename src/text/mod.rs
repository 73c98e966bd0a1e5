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
use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align2, Color32, FontId, Galley, Painter, Pos2, Rect};
use unicode_bidi::BidiClass;

mod edit;
mod visual;
mod wrap;

pub use edit::{CaretRow, CharBox, EditLayout, edit_layout};
pub use visual::visual_lines;
use visual::{aligned, logical_order, one_glyph_per_char, visual_job};
use wrap::wrapped_rows;

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

/// At most this many characters of one text are drawn (with an ellipsis after them): no card,
/// header or title shows more, and shaping and ordering a paragraph of hundreds of thousands of
/// characters (a pasted book, a hostile map) would hold up every frame and export.
pub const MAX_SHOWN_CHARS: usize = 4_000;

/// The part of `text` that is drawn: all of it, or its first [`MAX_SHOWN_CHARS`] characters
/// and an ellipsis.
pub fn shown_part(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((cut, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..cut])),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// `text` wrapped at `width` (infinite: one row per line), each paragraph in its direction.
pub fn layout(ctx: &egui::Context, text: &str, font: FontId, colour: Color32, width: f32) -> Arc<Galley> {
    galley(ctx, LayoutJob::simple(shown_part(text).into_owned(), font, colour, width))
}

/// One row per line, each paragraph in its direction.
pub fn no_wrap(ctx: &egui::Context, text: &str, font: FontId, colour: Color32) -> Arc<Galley> {
    galley(ctx, LayoutJob::simple_singleline(shown_part(text).into_owned(), font, colour))
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

/// How one row of the visual job is to be aligned.
pub(super) struct RowInfo {
    pub(super) rtl: bool,
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
