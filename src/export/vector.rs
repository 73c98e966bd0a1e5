//! What the vector writers (SVG, PDF) share: the painting they translate, and how its shapes
//! read as vectors — which need a clip, where each run of text sits, a curve's gradient, corner
//! radii. The writers differ only in the markup they write.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{ClippedShape, TextShape};
use egui::{Color32, ColorImage, Pos2, Rect, Shape, TextureId};

use crate::render::Group;

/// What a vector painting holds: the painted shapes, the groups they fall into, and its size.
pub struct Painting {
    pub shapes: Vec<ClippedShape>,
    pub groups: Vec<(usize, Group)>,
    /// The painted area, in user units (scene units at the export's zoom).
    pub size: egui::Vec2,
    /// The size a viewer shows the drawing at, in CSS pixels.
    pub display: egui::Vec2,
    /// Painted behind everything, unless the export is transparent.
    pub background: Option<Color32>,
    pub title: String,
    pub description: String,
    /// The pictures textured rectangles show, by texture.
    pub images: HashMap<TextureId, Arc<ColorImage>>,
}

/// A picture encoded for embedding: JPEG for opaque pictures (photos, screenshots), which keeps
/// files small, PNG where the picture has transparency.
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub jpeg: bool,
}

/// Encodes a picture for a vector file; `None` if the encoder fails.
pub fn encode_picture(image: &ColorImage) -> Option<Encoded> {
    use image::ImageEncoder as _;
    let opaque = image.pixels.iter().all(|p| p.a() == 255);
    let [w, h] = [image.size[0] as u32, image.size[1] as u32];
    let mut bytes = Vec::new();
    if opaque {
        let rgb: Vec<u8> = image.pixels.iter().flat_map(|p| [p.r(), p.g(), p.b()]).collect();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
            .write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
            .ok()?;
    } else {
        let rgba: Vec<u8> = image.pixels.iter().flat_map(Color32::to_srgba_unmultiplied).collect();
        image::codecs::png::PngEncoder::new(&mut bytes)
            .write_image(&rgba, w, h, image::ExtendedColorType::Rgba8)
            .ok()?;
    }
    Some(Encoded { bytes, jpeg: opaque })
}

/// The whole picture a textured rectangle shows part of: the rectangle shows the picture's `uv`
/// part (a cropped thumbnail), so the picture reaches beyond it by the rest.
pub fn whole_picture(rect: Rect, uv: Rect) -> Rect {
    let size = egui::vec2(rect.width() / uv.width().max(1e-6), rect.height() / uv.height().max(1e-6));
    let min = rect.min - egui::vec2(uv.min.x * size.x, uv.min.y * size.y);
    Rect::from_min_size(min, size)
}

/// Whether a painted shape is drawn in a `view` and how: `None` when it is empty or wholly
/// clipped away, `Some(Some(rect))` when it must be clipped to `rect`, `Some(None)` when it shows
/// whole.
pub fn clip_for(clipped: &ClippedShape, view: Rect) -> Option<Option<Rect>> {
    if matches!(clipped.shape, Shape::Noop) {
        return None;
    }
    let bounds = clipped.shape.visual_bounding_rect();
    let clip = clipped.clip_rect;
    if !bounds.is_finite() || !clip.intersects(bounds) {
        return None;
    }
    Some((!clip.contains_rect(bounds) && !clip.contains_rect(view)).then_some(clip))
}

/// A colour that varies along a path (the curve's, which follows its height: the sentiment),
/// sampled down the path's box for a vertical gradient: the box and (offset, colour) stops.
pub fn vertical_stops(
    colour_at: &dyn Fn(Rect, Pos2) -> Color32,
    points: &[Pos2],
) -> (Rect, Vec<(f32, Color32)>) {
    const STOPS: usize = 12;
    let mut bounds = Rect::from_points(points);
    bounds.max.y = bounds.max.y.max(bounds.min.y + 1.0);
    let stops = (0..=STOPS)
        .map(|i| {
            let offset = i as f32 / STOPS as f32;
            let at = egui::pos2(bounds.center().x, bounds.min.y + bounds.height() * offset);
            (offset, colour_at(bounds, at))
        })
        .collect();
    (bounds, stops)
}

/// The four corner radii (nw, ne, sw, se) of a rounded rectangle whose outline is moved out by
/// `shift` (in by a negative one), each no more than half the shorter side.
pub fn corner_radii(rect: Rect, radius: egui::CornerRadius, shift: f32) -> [f32; 4] {
    let max = rect.width().min(rect.height()) / 2.0;
    [radius.nw, radius.ne, radius.sw, radius.se].map(|v| (f32::from(v) + shift).clamp(0.0, max))
}

/// A row of text as runs of one format, left to right.
pub struct TextRow {
    pub spans: Vec<Span>,
    /// For a row put into visual order by [`crate::text`] (one holding right-to-left text): the
    /// whole row as written, for writers that hand a line to a renderer with its own
    /// bidirectional layout.
    pub logical: Option<LogicalRow>,
}

pub struct LogicalRow {
    pub direction: crate::text::Direction,
    pub text: String,
    /// The row's left and right edges.
    pub left: f32,
    pub right: f32,
    pub baseline: f32,
}

/// A run of one format within a row of text, placed where the editor placed it.
pub struct Span {
    /// The run's text (each right-to-left word in logical order), without leading or trailing
    /// spaces.
    pub text: String,
    /// Where each char of `text` was drawn (its glyph's left edge), for writers that place
    /// pieces of a run separately.
    pub xs: Vec<f32>,
    pub size: f32,
    pub colour: Color32,
    /// The run's left edge on the baseline.
    pub at: Pos2,
}

/// A text shape's rows, each as runs of one format, skipping empty ones.
pub fn text_rows(shape: &TextShape) -> Vec<TextRow> {
    let galley = &shape.galley;
    let job = &galley.job;
    let colour_of = |format: &egui::TextFormat| {
        let colour = shape.override_text_color.unwrap_or(if format.color == Color32::PLACEHOLDER {
            shape.fallback_color
        } else {
            format.color
        });
        colour.gamma_multiply(shape.opacity_factor)
    };
    // Byte offsets of each char, to find a row's text and its sections.
    let offsets: Vec<usize> = job.text.char_indices().map(|(i, _)| i).collect();
    let byte_at = |char_index: usize| offsets.get(char_index).copied().unwrap_or(job.text.len());
    let mut rows = Vec::new();
    let mut next_char = 0;
    let last = galley.rows.len().saturating_sub(1);
    for (row_index, row) in galley.rows.iter().enumerate() {
        let glyphs = &row.glyphs;
        let start = next_char;
        next_char += glyphs.len() + usize::from(row.ends_with_newline);
        // An elided last row ends in the overflow character, which is not in the text.
        let overflow = (galley.elided && row_index == last).then(|| glyphs.last()).flatten();
        let own = glyphs.len() - usize::from(overflow.is_some());
        let chars = start..(start + own).min(offsets.len());
        let origin = shape.pos + row.pos.to_vec2();
        let mut spans: Vec<Span> = Vec::new();
        for section in &job.sections {
            let from = chars.start.max(char_at(&offsets, section.byte_range.start.0));
            let to = chars.end.min(char_at(&offsets, section.byte_range.end.0));
            if from >= to {
                continue;
            }
            let pieces: Vec<(char, f32)> = job.text[byte_at(from)..byte_at(to)]
                .chars()
                .zip(&glyphs[from - start..to - start])
                .map(|(c, g)| (c, origin.x + g.pos.x))
                .collect();
            let Some(first) = pieces.iter().position(|(c, _)| !blank(*c)) else { continue };
            let end = pieces.iter().rposition(|(c, _)| !blank(*c)).map_or(first, |e| e + 1);
            let pieces = &pieces[first..end];
            let x = pieces.iter().map(|(_, x)| *x).fold(f32::INFINITY, f32::min);
            let baseline = glyphs.get(from - start).map_or(0.0, |g| g.pos.y);
            spans.push(Span {
                text: pieces.iter().map(|(c, _)| *c).collect(),
                xs: pieces.iter().map(|(_, x)| *x).collect(),
                size: section.format.font_id.size,
                colour: colour_of(&section.format),
                at: egui::pos2(x, origin.y + baseline),
            });
        }
        if let Some(glyph) = overflow {
            match spans.last_mut() {
                Some(span) => {
                    span.text.push(glyph.chr);
                    span.xs.push(origin.x + glyph.pos.x);
                }
                None => {
                    let format = job.sections.last().map(|s| &s.format);
                    spans.push(Span {
                        text: glyph.chr.to_string(),
                        xs: vec![origin.x + glyph.pos.x],
                        size: format.map_or(glyph.font_height, |f| f.font_id.size),
                        colour: format.map_or(shape.fallback_color, colour_of),
                        at: origin + glyph.pos.to_vec2(),
                    });
                }
            }
        }
        if !spans.is_empty() {
            let logical = crate::text::row_text(galley, row_index).map(|(direction, text)| LogicalRow {
                direction,
                text,
                left: origin.x,
                right: origin.x + row.size.x,
                baseline: spans[0].at.y,
            });
            rows.push(TextRow { spans, logical });
        }
    }
    rows
}

/// Spaces, and the invisible marks of a row's direction.
fn blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200e}' | '\u{200f}')
}

/// The index of the char that starts at or after `byte`.
fn char_at(offsets: &[usize], byte: usize) -> usize {
    offsets.partition_point(|&b| b < byte)
}
