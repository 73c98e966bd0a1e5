//! Rows put in visual order: the bidirectional algorithm's runs, each Arabic word handed to the
//! shaper whole and everything else turned around where its run reads right to left, and the
//! visual galley's rows aligned and given one glyph per character.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, Galley, Rect};
use unicode_bidi::{BidiClass, BidiInfo, Level};

use super::wrap::{LogicalRow, trim_wrap_space};
use super::{LTR_MARK, RTL_MARK, RowInfo, direction};

/// A job holding `rows` in visual order, one `\n` between rows, unwrapped; each piece of a row
/// is its own section so that epaint shapes it apart from its neighbours.
pub(super) fn visual_job(job: &LayoutJob, rows: &[LogicalRow]) -> (LayoutJob, Vec<RowInfo>) {
    let (out, infos, _) = visual_job_with_origins(job, rows);
    (out, infos)
}

/// Where a section of the visual job came from: its bytes in the original text, and whether its
/// characters run right to left on screen.
#[derive(Clone)]
pub(super) struct Origin {
    pub(super) bytes: Range<usize>,
    pub(super) right_to_left: bool,
}

/// [`visual_job`], with the origin of each section (`None`: a direction mark or a line break).
pub(super) fn visual_job_with_origins(
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
pub(super) fn aligned(mut galley: Galley, rows: &[RowInfo], job: &LayoutJob) -> Galley {
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

/// A visual row back in logical order. Putting a row in visual order turns each run around and
/// keeps each right-to-left word as written; doing it again undoes it.
pub(super) fn logical_order(visual: &str, rtl: bool) -> String {
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
/// glyph list is rebuilt: one per character, a left-to-right piece's where epaint placed them, a
/// right-to-left piece's spread over the width the piece takes.
pub(super) fn one_glyph_per_char(ctx: &egui::Context, galley: &mut Galley) {
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
                let laid = ctx.fonts_mut(|fonts| fonts.layout_job(single));
                let width = laid.size().x;
                let count = text.chars().count();
                match laid.rows.first().map(|r| &r.glyphs) {
                    // A left-to-right piece has one glyph per character already, where it is drawn.
                    Some(own) if laid.rows.len() == 1 && own.len() == count => {
                        for (c, own) in text.chars().zip(own) {
                            let mut glyph = template;
                            glyph.chr = c;
                            glyph.advance_width = own.advance_width;
                            glyph.pos.x = x + own.pos.x;
                            glyphs.push(glyph);
                        }
                    }
                    _ => {
                        for (k, c) in text.chars().enumerate() {
                            let mut glyph = template;
                            glyph.chr = c;
                            glyph.advance_width = width / count as f32;
                            glyph.pos.x = x + glyph.advance_width * k as f32;
                            glyphs.push(glyph);
                        }
                    }
                }
                x += width;
            }
            Arc::make_mut(&mut placed.row).glyphs = glyphs;
        }
        line_start = (line_end + 1).min(job.text.len());
    }
}

/// `text` ready for a widget that lays every row out left to right (egui's labels and buttons):
/// each line longer than `max_chars` broken between words, and each row holding right-to-left
/// letters put in visual order with the row reading right to left. Rows without such letters are
/// left as they are. Unlike [`visual_job`] this gives one string, so each right-to-left word
/// keeps the Arabic punctuation after it in the same run (the shaper places both), and every
/// other character of a right-to-left run stands on its own.
pub fn visual_lines(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !super::has_rtl(line) {
            out.push_str(line);
            continue;
        }
        for (j, row) in broken_rows(line, max_chars).iter().enumerate() {
            if j > 0 {
                out.push('\n');
            }
            push_visual_row(&mut out, row);
        }
    }
    out
}

/// `line` in rows of at most `max_chars` characters, broken at spaces (a longer word is a row of
/// its own).
fn broken_rows(line: &str, max_chars: usize) -> Vec<&str> {
    let mut rows = Vec::new();
    let mut start = 0;
    let mut last_space: Option<usize> = None;
    let mut count = 0;
    for (at, c) in line.char_indices() {
        if c == ' ' {
            last_space = Some(at);
        }
        count += 1;
        if count > max_chars
            && let Some(space) = last_space.filter(|&s| s > start)
        {
            rows.push(&line[start..space]);
            start = space + 1;
            count = line[start..at + c.len_utf8()].chars().count();
            last_space = None;
        }
    }
    rows.push(&line[start..]);
    rows
}

/// Characters epaint takes from the Arabic font: they must stay in logical order, one run, for
/// the shaper to join and place them.
fn arabic_font(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{08a0}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

fn push_visual_row(out: &mut String, row: &str) {
    let bidi = BidiInfo::new(row, Some(Level::rtl()));
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let run_text = &row[run.clone()];
            if !levels[run.start].is_rtl() {
                // Arabic-Indic digits would be turned around by the shaper: hand them over reversed.
                if run_text.chars().any(|c| unicode_bidi::bidi_class(c) == BidiClass::AN) {
                    out.push_str(&reversed(run_text, false));
                } else {
                    out.push_str(run_text);
                }
                continue;
            }
            let mut pieces: Vec<String> = Vec::new();
            let mut word = String::new();
            for c in run_text.chars() {
                if arabic_font(c) {
                    word.push(c);
                    continue;
                }
                if !word.is_empty() {
                    pieces.push(std::mem::take(&mut word));
                }
                pieces.push(unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c).to_string());
            }
            if !word.is_empty() {
                pieces.push(word);
            }
            for piece in pieces.iter().rev() {
                out.push_str(piece);
            }
        }
    }
}
