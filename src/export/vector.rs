//! What the vector writers (SVG, PDF) share: the painting they translate, and how its shapes
//! read as vectors — which need a clip, where each run of text sits, a curve's gradient, corner
//! radii. The writers differ only in the markup they write.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::{
    CircleShape, ClippedShape, CubicBezierShape, EllipseShape, Mesh, PathShape, QuadraticBezierShape,
    RectShape, TextShape,
};
use egui::{Color32, ColorImage, Pos2, Rect, Shape, Stroke, TextureId};

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

/// What a vector writer draws: each kind of piece a painting is made of. [`walk`] takes egui's
/// shapes apart (groups, clips, nested lists, dashed lines, curves) and hands every piece here,
/// so the SVG and PDF writers see the same pieces and a shape one draws, the other draws too.
pub trait Sink {
    /// The shapes from here to [`Sink::end_group`] are one part of the map (a card, a lane).
    fn begin_group(&mut self, group: &Group) {
        let _ = group;
    }
    fn end_group(&mut self) {}
    /// The shapes from here to [`Sink::pop_clip`] are cut to `rect`.
    fn push_clip(&mut self, rect: Rect);
    fn pop_clip(&mut self);
    fn rect(&mut self, shape: &RectShape);
    fn circle(&mut self, shape: &CircleShape);
    fn ellipse(&mut self, shape: &EllipseShape);
    fn line(&mut self, points: [Pos2; 2], stroke: Stroke);
    /// A straight line drawn in dashes `dash` long, `gap` apart.
    fn dashed_line(&mut self, from: Pos2, to: Pos2, stroke: Stroke, dash: f32, gap: f32);
    fn path(&mut self, shape: &PathShape);
    /// A cubic Bézier curve; quadratic ones arrive raised to cubic.
    fn cubic(&mut self, shape: &CubicBezierShape);
    fn text(&mut self, shape: &TextShape);
    /// A flat-coloured mesh (textured meshes are pictures, drawn as rectangles).
    fn mesh(&mut self, mesh: &Mesh);
}

/// Hands every piece of `painting` to `sink`, in painting order, inside its groups and clips.
pub fn walk(painting: &Painting, sink: &mut impl Sink) {
    let view = Rect::from_min_size(Pos2::ZERO, painting.size);
    let mut groups = painting.groups.iter().peekable();
    let mut open = false;
    for (index, clipped) in painting.shapes.iter().enumerate() {
        while let Some((_, group)) = groups.next_if(|(at, _)| *at <= index) {
            if open {
                sink.end_group();
            }
            sink.begin_group(group);
            open = true;
        }
        let Some(clip) = clip_for(clipped, view) else { continue };
        if let Some(rect) = clip {
            sink.push_clip(rect);
        }
        walk_shape(&clipped.shape, sink);
        if clip.is_some() {
            sink.pop_clip();
        }
    }
    if open {
        sink.end_group();
    }
}

fn walk_shape(shape: &Shape, sink: &mut impl Sink) {
    match shape {
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => match dashes(shapes) {
            Some(dashed) => sink.dashed_line(dashed.from, dashed.to, dashed.stroke, dashed.dash, dashed.gap),
            None => {
                for shape in shapes {
                    walk_shape(shape, sink);
                }
            }
        },
        Shape::Rect(rect) => sink.rect(rect),
        Shape::Circle(circle) => sink.circle(circle),
        Shape::Ellipse(ellipse) => sink.ellipse(ellipse),
        Shape::LineSegment { points, stroke } => sink.line(*points, *stroke),
        Shape::Path(path) => sink.path(path),
        Shape::Text(text) => sink.text(text),
        Shape::Mesh(mesh) => sink.mesh(mesh),
        Shape::QuadraticBezier(curve) => sink.cubic(&raised(curve)),
        Shape::CubicBezier(curve) => sink.cubic(curve),
    }
}

/// A straight dashed line, as egui paints one: a segment per dash.
struct Dashes {
    from: Pos2,
    to: Pos2,
    stroke: Stroke,
    dash: f32,
    gap: f32,
}

/// The dashed line `shapes` draw, if they are the dashes of one level line.
fn dashes(shapes: &[Shape]) -> Option<Dashes> {
    let segments: Vec<_> = shapes
        .iter()
        .map_while(|s| match s {
            Shape::LineSegment { points, stroke } => Some((*points, *stroke)),
            _ => None,
        })
        .collect();
    if segments.len() < 2 || segments.len() != shapes.len() {
        return None;
    }
    let ([a, b], stroke) = segments[0];
    let level = |y: f32| (y - a.y).abs() < 0.01;
    let straight = segments.iter().all(|([p, q], s)| *s == stroke && level(p.y) && level(q.y) && p.x < q.x);
    if !straight || stroke.width <= 0.0 || stroke.color.a() == 0 {
        return None;
    }
    let to = segments[segments.len() - 1].0[1];
    Some(Dashes { from: a, to, stroke, dash: b.x - a.x, gap: segments[1].0[0].x - b.x })
}

/// A quadratic Bézier curve as the cubic one that draws the same curve.
fn raised(curve: &QuadraticBezierShape) -> CubicBezierShape {
    let [start, control, end] = curve.points;
    CubicBezierShape {
        points: [start, start + (control - start) * (2.0 / 3.0), end + (control - end) * (2.0 / 3.0), end],
        closed: curve.closed,
        fill: curve.fill,
        stroke: curve.stroke.clone(),
    }
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
