//! Where rows wrap, for the text laid out here: greedy, at Unicode line break opportunities
//! (with the Thai dictionary), each piece measured by epaint as it will be drawn.

use std::ops::Range;

use egui::text::LayoutJob;

pub(super) fn trim_wrap_space(text: &str, range: Range<usize>, wrapped: bool) -> Range<usize> {
    if !wrapped {
        return range;
    }
    let trimmed = text[range.clone()].trim_end();
    range.start..range.start + trimmed.len()
}

/// A wrapped row in logical order: its text (with an elided row's `…`) and where each format starts.
pub(super) struct LogicalRow {
    pub(super) text: String,
    /// Where `text` starts in the job's text.
    pub(super) start: usize,
    /// (byte in `text`, format) where a section starts.
    pub(super) formats: Vec<(usize, egui::TextFormat)>,
    pub(super) ends_paragraph: bool,
}

impl LogicalRow {
    pub(super) fn format_at(&self, byte: usize) -> egui::TextFormat {
        let index = self.formats.partition_point(|(start, _)| *start <= byte).saturating_sub(1);
        self.formats.get(index).map(|(_, f)| f.clone()).unwrap_or_default()
    }
}

/// The rows `job` wraps into, in logical order: greedy, a word at a time (a word longer than a
/// row is cut between characters), each word measured by epaint as it will be drawn; the last
/// allowed row ends in the overflow character when text is left over.
pub(super) fn wrapped_rows(ctx: &egui::Context, job: &LayoutJob) -> Vec<LogicalRow> {
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
