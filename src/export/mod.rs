//! Images of a map, painted through the same `render` code as the canvas, so an exported PNG is
//! what the editor shows, minus selection and hover marks.

pub mod cli;
pub mod deck;
pub mod glyphs;
pub(crate) mod output;
pub mod pdf;
pub mod raster;
pub mod svg;
pub mod vector;

use std::path::Path;

use egui::emath::TSTransform;
use egui::{Rect, Vec2, pos2, vec2};
use image::RgbaImage;

use crate::layout::{MapLayout, View};
use crate::model::{Anchor, Map};
use crate::render::{self, Background, PaintOptions};
use crate::theme::{Theme, ThemeKind, TypeSize};

/// What to export and how.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// The file format (the dialog remembers it; the command line takes it from the file name).
    pub format: Format,
    pub view: View,
    /// From 1 to 4: pixels per scene unit of a PNG; for SVG and PDF, the size a viewer shows
    /// the drawing at, per scene unit.
    pub scale: f32,
    pub theme: ThemeKind,
    pub transparent: bool,
    /// A range of stages, 1-based and inclusive.
    pub stages: Option<(usize, usize)>,
    /// An exact image size; the map is scaled to fit and centred.
    pub fit: Option<[u32; 2]>,
    /// The presentation's large type, so slides match what the room saw.
    pub large_type: bool,
    /// Draw the dot-vote dots on the cards.
    pub votes: bool,
    /// How an SVG carries its text.
    pub svg_text: svg::SvgText,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: Format::Png,
            view: View::Journey,
            scale: 2.0,
            theme: ThemeKind::Light,
            transparent: false,
            stages: None,
            fit: None,
            large_type: false,
            votes: false,
            svg_text: svg::SvgText::default(),
        }
    }
}

/// Space around the map in an image, in scene units.
pub const MARGIN: f32 = 24.0;

/// The allowed range of `--scale`.
pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 1.0..=4.0;

/// Images larger than this many pixels are refused: at four bytes a pixel this keeps an export
/// within a few hundred megabytes of memory.
pub const MAX_PIXELS: u64 = 80_000_000;

/// An export draws at most this many cards, and this many sentiment points and links together:
/// past them a map is no longer a picture anyone reads, and laying it out alone takes long. They
/// are checked before anything is laid out; a range of stages is drawn on its own.
pub const MAX_CARDS: usize = 20_000;
pub const MAX_POINTS_AND_LINKS: usize = 50_000;

/// Why an export failed. `Display` words it for the command line (it names the flags); the
/// export dialog words it with [`ExportError::in_dialog`], naming its own controls.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Render(String),
    #[error(
        "the image would be {width}×{height} pixels, more than the limit of {limit} pixels; use a \
         smaller --scale, --fit WxH or --stages"
    )]
    TooLarge { width: u64, height: u64, limit: u64 },
    #[error(
        "the map has {count} {what}, more than an export draws ({limit}); export a range of stages with --stages A..B"
    )]
    TooManyItems { what: &'static str, count: usize, limit: usize },
    #[error("--scale {0} is outside 1..4")]
    Scale(f32),
    #[error("--fit needs a width and height above 0")]
    EmptyFit,
    #[error("--stages {first}..{last} is outside the map's stages 1..{count}")]
    Stages { first: usize, last: usize, count: usize },
    #[error("a page of {width}×{height} points is empty")]
    EmptyPage { width: f32, height: f32 },
    #[error("{path}: cannot write: {source}")]
    Write { path: String, source: std::io::Error },
}

impl ExportError {
    /// Whether the options asked for something the map cannot have (a usage error on the
    /// command line), rather than the export failing.
    pub fn is_options(&self) -> bool {
        matches!(self, Self::Scale(_) | Self::EmptyFit | Self::Stages { .. } | Self::EmptyPage { .. })
    }

    /// The message as the export dialog shows it: in the words of its own controls.
    pub fn in_dialog(&self) -> String {
        match self {
            Self::TooLarge { width, height, limit } => {
                t!("export-too-large", width = *width, height = *height, limit = *limit)
            }
            Self::TooManyItems { what, count, limit } => {
                t!("export-too-many", count = *count, what = *what, limit = *limit)
            }
            Self::Scale(scale) => t!("export-bad-scale", scale = *scale),
            Self::EmptyFit => t!("export-empty-fit"),
            Self::Stages { first, last, count } => {
                t!("export-bad-stages", first = *first, last = *last, count = *count)
            }
            Self::EmptyPage { .. } | Self::Render(_) | Self::Write { .. } => self.to_string(),
        }
    }
}

/// One export: a map, what to draw and in which format, the cards to mark (a diff's changes) and
/// the pictures it shows. Every front end (the command line, the export dialog, Copy image, the
/// diff image) renders through it.
#[derive(Clone, Copy)]
pub struct Job<'a> {
    pub map: &'a Map,
    pub options: &'a ExportOptions,
    pub marks: Option<&'a crate::render::Marks>,
    pub pictures: &'a crate::pictures::Set,
}

/// An export's file, and what it is in a few words ("1920×1080", "34 KB").
#[derive(Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub summary: String,
}

impl<'a> Job<'a> {
    /// An export of `map` with nothing marked.
    pub fn new(map: &'a Map, options: &'a ExportOptions, pictures: &'a crate::pictures::Set) -> Self {
        Self { map, options, marks: None, pictures }
    }

    /// The file, in the options' format.
    pub fn render(&self) -> Result<Rendered, ExportError> {
        let Self { map, options, marks, pictures } = *self;
        let kilobytes = |bytes: Vec<u8>| {
            let summary = format!("{} KB", bytes.len().div_ceil(1024));
            Rendered { bytes, summary }
        };
        match options.format {
            Format::Png => {
                let (bytes, [width, height]) = render_png(map, options, marks, pictures)?;
                Ok(Rendered { bytes, summary: format!("{width}×{height}") })
            }
            Format::Svg => {
                let painting = paint_vector(map, options, marks, pictures)?;
                Ok(kilobytes(svg::write(&painting, options.svg_text).into_bytes()))
            }
            Format::Pdf => Ok(kilobytes(pdf::write(&paint_vector(map, options, marks, pictures)?, map)?)),
            Format::Slides => Ok(kilobytes(deck::write(map, options, pictures)?)),
        }
    }

    /// The export as an image in memory (Copy image), whatever the options' format.
    pub fn image(&self) -> Result<RgbaImage, ExportError> {
        render_marked(self.map, self.options, self.marks, self.pictures)
    }
}

/// The file formats an export writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    #[default]
    Png,
    Svg,
    Pdf,
    /// A slide deck (PowerPoint's `.pptx`).
    Slides,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Png, Self::Svg, Self::Pdf, Self::Slides];

    /// The format a file name asks for, by its extension (any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_string_lossy().to_lowercase();
        Self::ALL.into_iter().find(|f| f.extension() == extension)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Pdf => "pdf",
            Self::Slides => "pptx",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Png => "PNG",
            Self::Svg => "SVG",
            Self::Pdf => "PDF",
            Self::Slides => "PPTX",
        }
    }

    /// Whether the format is drawn in vectors (any size, text kept as text).
    pub fn is_vector(self) -> bool {
        self != Self::Png
    }

    /// The scale an export starts with: a PNG sharp on high-density screens, a drawing at the
    /// map's own size.
    pub fn default_scale(self) -> f32 {
        if self.is_vector() { 1.0 } else { 2.0 }
    }
}

/// The part of the map an export shows: all of it, or a range of its stages.
pub fn select_stages(map: &Map, stages: Option<(usize, usize)>) -> Result<Map, ExportError> {
    let part = stage_range(map, stages)?;
    if part.cards.len() > MAX_CARDS {
        return Err(ExportError::TooManyItems { what: "cards", count: part.cards.len(), limit: MAX_CARDS });
    }
    let marks = part.points.len() + part.links.len();
    if marks > MAX_POINTS_AND_LINKS {
        return Err(ExportError::TooManyItems {
            what: "sentiment points and links",
            count: marks,
            limit: MAX_POINTS_AND_LINKS,
        });
    }
    Ok(part)
}

fn stage_range(map: &Map, stages: Option<(usize, usize)>) -> Result<Map, ExportError> {
    let Some((first, last)) = stages else { return Ok(map.clone()) };
    let count = map.stages.len();
    if first == 0 || first > last || last > count {
        return Err(ExportError::Stages { first, last, count });
    }
    let mut part = map.clone();
    part.stages = map.stages[first - 1..last].to_vec();
    part.cards.retain(|c| part.stages.iter().any(|s| s.id == c.stage));
    let cards: std::collections::HashSet<_> = part.cards.iter().map(|c| c.id.clone()).collect();
    let stages: std::collections::HashSet<_> = part.stages.iter().map(|s| s.id.clone()).collect();
    part.points.retain(|p| match &p.at {
        Anchor::Stage(s) => stages.contains(s),
        Anchor::Card(c) => cards.contains(c),
    });
    part.links.retain(|l| cards.contains(&l.from) && cards.contains(&l.to));
    Ok(part)
}

fn check_scale(options: &ExportOptions) -> Result<(), ExportError> {
    if SCALE_RANGE.contains(&options.scale) { Ok(()) } else { Err(ExportError::Scale(options.scale)) }
}

/// How every export format paints: the background only around the map's body when the export
/// is opaque, the stages numbered as in the whole map.
fn paint_options<'a>(
    options: &ExportOptions,
    marks: Option<&'a crate::render::Marks>,
    pictures: &'a crate::render::pictures::Pictures,
) -> PaintOptions<'a> {
    PaintOptions {
        background: if options.transparent { Background::None } else { Background::AroundBody },
        votes: options.votes,
        marks,
        stages_before: options.stages.map_or(0, |(first, _)| first - 1),
        pictures: Some(pictures),
        ..PaintOptions::default()
    }
}

/// Where the map lands in the image: the image size and the transform from scene to pixels.
fn placement(layout: &MapLayout, options: &ExportOptions) -> Result<([u32; 2], TSTransform), ExportError> {
    let (size, transform) = placement_unbounded(layout, options)?;
    if size[0] * size[1] > MAX_PIXELS || size[0] > 65_535 || size[1] > 65_535 {
        return Err(ExportError::TooLarge { width: size[0], height: size[1], limit: MAX_PIXELS });
    }
    Ok(([size[0] as u32, size[1] as u32], transform))
}

/// The size of an image of `layout` and where the map sits in it, with no limit on the size: a
/// vector drawing has no pixels.
fn placement_unbounded(
    layout: &MapLayout,
    options: &ExportOptions,
) -> Result<([u64; 2], TSTransform), ExportError> {
    // Whole units, so that integer scales give exactly proportional image sizes.
    let bounds = Rect::from_min_max(layout.bounds.min.floor(), layout.bounds.max.ceil()).expand(MARGIN);
    let (size, zoom, offset) = match options.fit {
        Some([w, h]) => {
            if w == 0 || h == 0 {
                return Err(ExportError::EmptyFit);
            }
            let zoom = (w as f32 / bounds.width()).min(h as f32 / bounds.height());
            let offset = (vec2(w as f32, h as f32) - bounds.size() * zoom) / 2.0;
            ([u64::from(w), u64::from(h)], zoom, offset)
        }
        None => {
            let zoom = options.scale;
            let size = (bounds.size() * zoom).ceil();
            ([size.x as u64, size.y as u64], zoom, Vec2::ZERO)
        }
    };
    let transform = TSTransform::new(offset - bounds.min.to_vec2() * zoom, zoom);
    Ok((size, transform))
}

fn input(size: [u32; 2]) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(size[0] as f32, size[1] as f32))),
        max_texture_side: Some(8192),
        ..Default::default()
    }
}

/// The pixel size an export will have, without rendering it.
pub fn image_size(map: &Map, options: &ExportOptions) -> Result<[u32; 2], ExportError> {
    let ctx = context();
    let map = select_stages(map, options.stages)?;
    let (layout, mut output) = layout_in(&ctx, &map, options);
    output.textures_delta.clear();
    Ok(placement(&layout, options)?.0)
}

/// Pages drawn with egui's painter for a vector document (a report's tables), in the editor's
/// fonts, one context for all of them.
pub struct Pages {
    ctx: egui::Context,
}

impl Default for Pages {
    fn default() -> Self {
        let ctx = context();
        // Fonts load during the first frame.
        let mut first = ctx.run_ui(input([64, 64]), |_| {});
        first.textures_delta.clear();
        Self { ctx }
    }
}

impl Pages {
    /// One page of `size` points, painted by `draw` on a white background.
    pub fn page(&self, size: Vec2, title: &str, draw: impl FnOnce(&egui::Painter)) -> vector::Painting {
        let screen = [size.x.ceil() as u32, size.y.ceil() as u32];
        let mut draw = Some(draw);
        let mut output = self.ctx.run_ui(input(screen), |ui| {
            if let Some(draw) = draw.take() {
                draw(ui.painter());
            }
        });
        output.textures_delta.clear();
        vector::Painting {
            shapes: std::mem::take(&mut output.shapes),
            groups: Vec::new(),
            size,
            display: size,
            background: Some(egui::Color32::WHITE),
            title: title.to_owned(),
            description: String::new(),
            images: std::collections::HashMap::new(),
        }
    }
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    ctx
}

/// Lays out a map in a throwaway frame of `ctx` (fonts load during a frame).
fn layout_in(ctx: &egui::Context, map: &Map, options: &ExportOptions) -> (MapLayout, egui::FullOutput) {
    let type_size = if options.large_type { TypeSize::Large } else { TypeSize::Standard };
    let mut layout = None;
    let output = ctx.run_ui(input([64, 64]), |ui| {
        layout = Some(crate::text::layout_map(ui.ctx(), map, options.view, type_size));
    });
    (layout.unwrap_or_default(), output)
}

/// Paints a map for a vector format: at the map's own size (one unit per scene unit), so text is
/// laid out at its real type size and never dropped for being small; `--fit` and `--scale` only
/// set the size a viewer shows it at.
pub fn paint_vector(
    map: &Map,
    options: &ExportOptions,
    marks: Option<&crate::render::Marks>,
    pictures: &crate::pictures::Set,
) -> Result<vector::Painting, ExportError> {
    check_scale(options)?;
    let part = select_stages(map, options.stages)?;
    let ctx = context();
    let (layout, mut first) = layout_in(&ctx, &part, options);
    first.textures_delta.clear();
    let (size, transform, display) = vector_frame(&layout, options)?;
    let theme = Theme::new(options.theme);
    let groups = render::Groups::default();
    let (shown, images) = pictures.for_vectors();
    let paint_options = PaintOptions { groups: Some(&groups), ..paint_options(options, marks, &shown) };
    let screen = [size.x.ceil() as u32, size.y.ceil() as u32];
    let mut output = ctx.run_ui(input(screen), |ui| {
        let painter = ui.painter().clone();
        render::paint(&painter, &part, &layout, &theme, transform, &paint_options);
    });
    output.textures_delta.clear();
    Ok(vector::Painting {
        shapes: std::mem::take(&mut output.shapes),
        groups: groups.take(),
        size,
        display,
        background: (!options.transparent).then_some(theme.body),
        title: map.title.clone(),
        description: map.scenario.clone(),
        images,
    })
}

/// The area a vector painting covers (user units), where the map sits in it, and the size a
/// viewer shows it at.
fn vector_frame(
    layout: &MapLayout,
    options: &ExportOptions,
) -> Result<(Vec2, TSTransform, Vec2), ExportError> {
    let natural = ExportOptions { scale: 1.0, fit: None, ..options.clone() };
    let ([w, h], transform) = placement_unbounded(layout, &natural)?;
    let size = vec2(w as f32, h as f32);
    match options.fit {
        Some([fw, fh]) => {
            if fw == 0 || fh == 0 {
                return Err(ExportError::EmptyFit);
            }
            // Widen the drawing to the box's proportions, the map centred, so the background
            // fills the whole box as it does in a PNG.
            let fit = vec2(fw as f32, fh as f32);
            let zoom = (fit.x / size.x).min(fit.y / size.y);
            let widened = fit / zoom;
            Ok((widened, TSTransform::from_translation((widened - size) / 2.0) * transform, fit))
        }
        None => Ok((size, transform, size * options.scale)),
    }
}

/// What an export of `options` will be, in words: "1920 × 1080 pixels", "2410 × 1320 points".
pub fn describe_size(map: &Map, options: &ExportOptions) -> Result<String, ExportError> {
    if options.format == Format::Png {
        let [w, h] = image_size(map, options)?;
        return Ok(t!("export-size-image", width = w, height = h));
    }
    if options.format == Format::Slides {
        let ratio = if options.fit == Some(deck::STANDARD_RATIO) { "4:3" } else { "16:9" };
        return Ok(t!("export-size-slides", count = deck::slide_count(map, options), ratio = ratio));
    }
    let ctx = context();
    let part = select_stages(map, options.stages)?;
    let (layout, mut output) = layout_in(&ctx, &part, options);
    output.textures_delta.clear();
    let (_, _, display) = vector_frame(&layout, options)?;
    Ok(match options.format {
        Format::Pdf => {
            let page = pdf::page_size(display);
            let paper = pdf::PAPER.iter().find(|(_, size)| options.fit == Some(*size)).map(|(n, _)| *n);
            match paper {
                Some(paper) => t!(
                    "export-size-paper",
                    width = page.x.round(),
                    height = page.y.round(),
                    paper = paper.to_uppercase()
                ),
                None => t!("export-size-page", width = page.x.round(), height = page.y.round()),
            }
        }
        _ => t!("export-size-drawing", width = display.x.round(), height = display.y.round()),
    })
}

/// Renders a map to an image with some cards marked (a diff's changes).
fn render_marked(
    map: &Map,
    options: &ExportOptions,
    marks: Option<&crate::render::Marks>,
    pictures: &crate::pictures::Set,
) -> Result<RgbaImage, ExportError> {
    let painted = paint_image(map, options, marks, pictures)?;
    let textures = painted.textures();
    let mut image = painted.frame(&textures).render();
    if options.transparent {
        unpremultiply(&mut image);
    }
    Ok(image)
}

/// Renders a map as the bytes of a PNG file, with some cards marked (a diff's changes), and
/// tells its pixel size. The image is drawn and compressed band by band, so it is never whole
/// in memory.
fn render_png(
    map: &Map,
    options: &ExportOptions,
    marks: Option<&crate::render::Marks>,
    pictures: &crate::pictures::Set,
) -> Result<(Vec<u8>, [u32; 2]), ExportError> {
    use std::io::Write as _;
    let painted = paint_image(map, options, marks, pictures)?;
    let textures = painted.textures();
    let [width, height] = painted.size;
    let failed = |e: &dyn std::fmt::Display| ExportError::Render(format!("cannot encode the PNG: {e}"));
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // Fast compression with one filter: flat UI colours compress well with it, and a 4K export
    // encodes in a fraction of the time the adaptive filter takes.
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Sub);
    let mut writer = encoder.write_header().map_err(|e| failed(&e))?;
    let mut stream = writer.stream_writer().map_err(|e| failed(&e))?;
    painted
        .frame(&textures)
        .render_rows(|rows| {
            if options.transparent {
                unpremultiply(rows);
            }
            stream.write_all(rows)
        })
        .map_err(|e| failed(&e))?;
    stream.finish().map_err(|e| failed(&e))?;
    writer.finish().map_err(|e| failed(&e))?;
    Ok((bytes, painted.size))
}

/// A map painted for an image: egui's meshes in pixels, and the textures they draw from.
#[derive(Debug)]
pub struct PaintedImage {
    pub primitives: Vec<egui::ClippedPrimitive>,
    /// Every texture the meshes use (the font atlas, pictures), in the order they were set.
    pub textures: egui::TexturesDelta,
    pub size: [u32; 2],
    /// The colour the image starts from: the theme's background, or transparent.
    pub clear: egui::Color32,
}

impl PaintedImage {
    /// The textures, ready to draw from.
    pub fn textures(&self) -> raster::Textures {
        let mut textures = raster::Textures::default();
        textures.update(&self.textures);
        textures
    }

    /// What the rasteriser draws.
    pub fn frame<'a>(&'a self, textures: &'a raster::Textures) -> raster::Frame<'a> {
        raster::Frame { primitives: &self.primitives, textures, size: self.size, clear: self.clear }
    }
}

impl Drop for PaintedImage {
    fn drop(&mut self) {
        // The textures were handed to a renderer (or not needed): nothing is left to apply.
        self.textures.clear();
    }
}

/// Paints a map at the size and scale of a PNG export, through the same `render` code as the
/// canvas, and tessellates it.
pub fn paint_image(
    map: &Map,
    options: &ExportOptions,
    marks: Option<&crate::render::Marks>,
    pictures: &crate::pictures::Set,
) -> Result<PaintedImage, ExportError> {
    check_scale(options)?;
    let map = select_stages(map, options.stages)?;
    let ctx = context();
    // Loaded before the first frame, so their textures are set with the font atlas.
    let (shown, _uploaded) = pictures.upload(&ctx);
    let (layout, mut first) = layout_in(&ctx, &map, options);
    let (size, transform) = placement(&layout, options)?;
    let theme = Theme::new(options.theme);
    let clear = if options.transparent { egui::Color32::TRANSPARENT } else { theme.body };
    let paint_options = paint_options(options, marks, &shown);
    let mut output = ctx.run_ui(input(size), |ui| {
        let painter = ui.painter().clone();
        render::paint(&painter, &map, &layout, &theme, transform, &paint_options);
    });
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
    let mut textures = std::mem::take(&mut first.textures_delta);
    textures.append(std::mem::take(&mut output.textures_delta));
    Ok(PaintedImage { primitives, textures, size, clear })
}

/// The renderer blends with premultiplied alpha; PNG stores straight alpha.
fn unpremultiply(pixels: &mut [u8]) {
    for pixel in pixels.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha != 0 && alpha != 255 {
            for channel in &mut pixel[..3] {
                *channel = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
            }
        }
    }
}

/// Writes an export's bytes atomically: on any error no file is left behind.
pub fn write_file(bytes: &[u8], path: &Path) -> Result<(), ExportError> {
    crate::file::write_atomically(path, bytes)
        .map_err(|source| ExportError::Write { path: path.display().to_string(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts an export of `options` paints, in painting order.
    fn painted_texts(map: &Map, options: &ExportOptions) -> Vec<String> {
        painted(map, options).into_iter().map(|g| g.job.text.clone()).collect()
    }

    /// The laid-out texts an export of `options` paints, in painting order.
    fn painted(map: &Map, options: &ExportOptions) -> Vec<std::sync::Arc<egui::Galley>> {
        painted_shapes(map, options).into_iter().map(|shape| shape.galley).collect()
    }

    /// The text shapes an export of `options` paints, in painting order, and its layout.
    fn painted_shapes(map: &Map, options: &ExportOptions) -> Vec<egui::epaint::TextShape> {
        let part = select_stages(map, options.stages).unwrap();
        let ctx = context();
        let (layout, mut first) = layout_in(&ctx, &part, options);
        first.textures_delta.clear();
        let stages_before = options.stages.map_or(0, |(first, _)| first - 1);
        let paint_options = PaintOptions { stages_before, ..PaintOptions::default() };
        let mut output = ctx.run_ui(input([4000, 2000]), |ui| {
            let painter = ui.painter().clone();
            render::paint(&painter, &part, &layout, &Theme::light(), TSTransform::IDENTITY, &paint_options);
        });
        output.textures_delta.clear();
        let mut texts = Vec::new();
        for clipped in std::mem::take(&mut output.shapes) {
            if let egui::Shape::Text(text) = clipped.shape {
                texts.push(text);
            }
        }
        texts
    }

    /// An Arabic card title reads from the card's right padding, an English one from its left.
    /// The texts painted in the lane headers' column, with where they are seen.
    fn lane_column_texts(map: &Map, options: &ExportOptions) -> Vec<(String, Rect)> {
        let ctx = context();
        let (layout, mut first) = layout_in(&ctx, map, options);
        first.textures_delta.clear();
        let size = layout.bounds.max.ceil();
        let mut output = ctx.run_ui(input([size.x as u32 + 1, size.y as u32 + 1]), |ui| {
            let painter = ui.painter().clone();
            render::paint(
                &painter,
                map,
                &layout,
                &Theme::light(),
                TSTransform::IDENTITY,
                &PaintOptions::default(),
            );
        });
        output.textures_delta.clear();
        let column = layout.lane_column;
        std::mem::take(&mut output.shapes)
            .into_iter()
            .filter_map(|clipped| match clipped.shape {
                egui::Shape::Text(text) => Some((text.galley.job.text.clone(), text.visual_bounding_rect())),
                _ => None,
            })
            .filter(|(text, rect)| !text.trim().is_empty() && column.contains_rect(*rect))
            .collect()
    }

    #[test]
    fn no_lane_header_scale_label_or_legend_overlaps_another_text_in_any_template() {
        let views = [View::Journey, View::Blueprint { other_lanes: true }];
        for template in crate::templates::ALL {
            let map = template.map().unwrap();
            for (view, large_type) in views.into_iter().flat_map(|v| [(v, false), (v, true)]) {
                let options = ExportOptions { view, large_type, ..ExportOptions::default() };
                let texts = lane_column_texts(&map, &options);
                for (i, (a, ra)) in texts.iter().enumerate() {
                    for (b, rb) in &texts[i + 1..] {
                        let overlap = ra.intersect(*rb);
                        assert!(
                            overlap.width() <= 0.5 || overlap.height() <= 0.5,
                            "{} ({view:?}, large type {large_type}): {a:?} at {ra:?} overlaps {b:?} at {rb:?}",
                            template.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_drawing_has_no_pixel_limit_but_an_image_does_and_huge_maps_are_refused_before_layout() {
        // Forty stages eight times as wide as usual: 60,000 points wide, a few hundred tall.
        let mut map = crate::templates::load("blank").unwrap();
        let template = map.stages[0].clone();
        map.stages = (0..40)
            .map(|i| crate::model::Stage {
                id: format!("s{i}").as_str().into(),
                width: 8.0,
                ..template.clone()
            })
            .collect();
        map.cards.clear();
        map.points.clear();
        let png = ExportOptions { scale: 1.0, ..ExportOptions::default() };
        assert!(matches!(image_size(&map, &png), Err(ExportError::TooLarge { .. })));
        for format in [Format::Svg, Format::Pdf] {
            let options = ExportOptions { format, scale: 1.0, ..ExportOptions::default() };
            let described = describe_size(&map, &options).unwrap();
            assert!(described.contains(" × "), "{format:?}: {described}");
        }
        let svg = ExportOptions { format: Format::Svg, ..ExportOptions::default() };
        let none = crate::pictures::Set::default();
        let drawing = Job::new(&map, &svg, &none).render().unwrap().bytes;
        assert!(String::from_utf8(drawing).unwrap().contains("<svg"));

        let huge = crate::generate::map(crate::generate::Size {
            stages: 4,
            lanes: 3,
            cards: MAX_CARDS + 1,
            seed: 1,
        });
        let refused = Job::new(&huge, &svg, &none).render().unwrap_err().to_string();
        assert!(refused.contains("20001 cards") && refused.contains("--stages"), "{refused}");
    }

    #[test]
    fn right_to_left_card_titles_end_at_the_cards_right_padding() {
        let options = ExportOptions { scale: 1.0, ..ExportOptions::default() };
        for (template, rtl) in [("b2b-phone-system-ar", true), ("b2b-phone-system", false)] {
            let map = crate::templates::load(template).unwrap();
            let (layout, mut first) = layout_in(&context(), &map, &options);
            first.textures_delta.clear();
            let shapes = painted_shapes(&map, &options);
            let pad = layout.sizes.card_padding;
            for placed in &layout.cards {
                let title = &map.card(&placed.id).unwrap().title;
                let first_row = |shape: &egui::epaint::TextShape| {
                    let row = shape.galley.rows.first()?;
                    let text = match crate::text::row_text(&shape.galley, 0) {
                        Some((_, text)) => text,
                        None => row.row.glyphs.iter().map(|g| g.chr).collect(),
                    };
                    (!text.is_empty() && title.starts_with(text.trim_end()))
                        .then(|| row.rect().translate(shape.pos.to_vec2()))
                };
                let row = shapes.iter().find_map(first_row).unwrap_or_else(|| panic!("{title} is drawn"));
                let text_box = placed.rect.shrink(pad);
                if rtl {
                    assert!((row.right() - text_box.right()).abs() < 1.5, "{title}: {row:?} in {text_box:?}");
                    assert!(row.left() > text_box.left() - 0.5, "{title} fits its card");
                } else {
                    assert!((row.left() - text_box.left()).abs() < 1.5, "{title}: {row:?} in {text_box:?}");
                }
            }
        }
    }

    #[test]
    fn card_details_wrap_instead_of_being_cut() {
        for template in crate::templates::ALL {
            let map = crate::templates::load(template.name).unwrap();
            for view in [View::Journey, View::Blueprint { other_lanes: true }] {
                let cut: Vec<String> = painted(&map, &ExportOptions { view, ..ExportOptions::default() })
                    .iter()
                    .filter(|g| g.elided)
                    .map(|g| g.job.text.clone())
                    .collect();
                assert!(cut.is_empty(), "{} {view:?}: cut with an ellipsis: {cut:?}", template.name);
            }
        }
    }

    /// Every kind of shape a painting holds reaches both vector writers: painted alone, each
    /// changes the SVG and the PDF of an otherwise empty painting, and a dashed line is written
    /// in dashes by both.
    #[test]
    fn every_shape_kind_is_drawn_by_both_vector_writers() {
        use egui::epaint::{CubicBezierShape, Mesh, QuadraticBezierShape};
        use egui::{Color32, Shape, Stroke, StrokeKind, pos2};
        let map = crate::templates::load("ecommerce").unwrap();
        let none = crate::pictures::Set::default();
        let options = ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() };
        let text = paint_vector(&map, &options, None, &none)
            .unwrap()
            .shapes
            .into_iter()
            .find(|c| matches!(c.shape, Shape::Text(_)))
            .unwrap()
            .shape;
        let stroke = Stroke::new(2.0, Color32::from_rgb(200, 40, 40));
        let fill = Color32::from_rgb(40, 90, 200);
        let box_ = Rect::from_min_max(pos2(20.0, 20.0), pos2(120.0, 80.0));
        let (a, b, c, d) = (pos2(20.0, 50.0), pos2(180.0, 50.0), pos2(100.0, 150.0), pos2(60.0, 10.0));
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(box_, fill);
        let kinds: Vec<(&str, Shape)> = vec![
            ("filled rectangle", Shape::rect_filled(box_, 6.0, fill)),
            ("outlined rectangle", Shape::rect_stroke(box_, 6.0, stroke, StrokeKind::Inside)),
            ("circle", Shape::circle_filled(c, 20.0, fill)),
            ("ellipse", Shape::ellipse_filled(c, vec2(30.0, 12.0), fill)),
            ("line", Shape::line_segment([a, b], stroke)),
            ("dashed line", Shape::Vec(Shape::dashed_line(&[a, b], stroke, 6.0, 4.0))),
            ("open path", Shape::line(vec![a, c, b], stroke)),
            ("closed path", Shape::convex_polygon(vec![a, b, c], fill, stroke)),
            (
                "quadratic curve",
                QuadraticBezierShape::from_points_stroke([a, d, b], false, fill, stroke).into(),
            ),
            ("cubic curve", CubicBezierShape::from_points_stroke([a, d, c, b], false, fill, stroke).into()),
            ("flat mesh", Shape::mesh(mesh)),
            ("text", text),
        ];
        let painting = |shapes: Vec<Shape>| vector::Painting {
            shapes: shapes
                .into_iter()
                .map(|shape| egui::epaint::ClippedShape::new(Rect::EVERYTHING, shape))
                .collect(),
            groups: Vec::new(),
            size: vec2(400.0, 300.0),
            display: vec2(400.0, 300.0),
            background: None,
            title: "Shapes".into(),
            description: String::new(),
            images: std::collections::HashMap::new(),
        };
        let empty = painting(Vec::new());
        let svg_of = |painting: &vector::Painting| svg::write(painting, svg::SvgText::Outlines);
        let (empty_svg, empty_pdf) = (svg_of(&empty), pdf::write(&empty, &map).unwrap());
        assert_eq!(pdf::write(&empty, &map).unwrap(), empty_pdf, "a PDF is written the same every time");
        let mut written = std::collections::HashMap::new();
        for (kind, shape) in kinds {
            let one = painting(vec![shape]);
            let (svg, pdf) = (svg_of(&one), pdf::write(&one, &map).unwrap());
            assert_ne!(svg, empty_svg, "the SVG writer drops the {kind}");
            assert_ne!(pdf, empty_pdf, "the PDF writer drops the {kind}");
            written.insert(kind, (svg, pdf));
        }
        let (dashed_svg, dashed_pdf) = &written["dashed line"];
        let (line_svg, line_pdf) = &written["line"];
        assert!(dashed_svg.contains("stroke-dasharray") && !line_svg.contains("stroke-dasharray"));
        assert_ne!(dashed_pdf, line_pdf, "the PDF writer draws the dashes, not a plain line");
        assert!(written["ellipse"].0.contains("<ellipse"));
        assert!(written["quadratic curve"].0.contains('C') && written["cubic curve"].0.contains('C'));
    }

    /// The command line names its flags; the export dialog names its own controls, never a flag.
    #[test]
    fn each_front_end_words_an_error_its_own_way() {
        let errors = [
            ExportError::TooLarge { width: 20_000, height: 9_000, limit: MAX_PIXELS },
            ExportError::TooManyItems { what: "cards", count: 20_001, limit: MAX_CARDS },
            ExportError::Scale(9.0),
            ExportError::EmptyFit,
            ExportError::Stages { first: 7, last: 9, count: 8 },
        ];
        for error in &errors {
            assert!(error.to_string().contains("--"), "the command line names a flag: {error}");
            let shown = error.in_dialog();
            assert!(!shown.contains("--"), "the dialog names no flag: {shown}");
            assert!(
                ["Scale", "Fit to", "Only", "Stages"].iter().any(|control| shown.contains(control)),
                "the dialog names one of its controls: {shown}"
            );
        }
        assert!(errors.iter().skip(2).all(ExportError::is_options), "a wrong option is a usage error");
    }

    /// A PNG file is drawn and compressed band by band; the clipboard gets the image drawn
    /// whole. Both are the same pixels, opaque or transparent.
    #[test]
    fn a_png_compressed_band_by_band_holds_the_image_drawn_whole() {
        let map = crate::templates::load("coffee-shop-blueprint").unwrap();
        let none = crate::pictures::Set::default();
        for transparent in [false, true] {
            let options = ExportOptions { scale: 1.0, transparent, ..ExportOptions::default() };
            let whole = Job::new(&map, &options, &none).image().unwrap();
            let (bytes, size) = render_png(&map, &options, None, &none).unwrap();
            let decoded = image::load_from_memory(&bytes).unwrap().to_rgba8();
            assert_eq!([decoded.width(), decoded.height()], size);
            assert!(decoded == whole, "transparent: {transparent}");
        }
    }

    #[test]
    fn a_range_of_stages_keeps_the_numbers_they_have_in_the_map() {
        let map = crate::templates::load("ecommerce").unwrap();
        let texts = painted_texts(&map, &ExportOptions { stages: Some((2, 3)), ..ExportOptions::default() });
        let position = |t: &str| texts.iter().position(|x| x == t);
        let (consideration, purchase) = (position("Consideration").unwrap(), position("Purchase").unwrap());
        // Each stage's number is painted just before its name.
        assert_eq!(texts[consideration - 1], "2", "{texts:?}");
        assert_eq!(texts[purchase - 1], "3", "{texts:?}");
    }
}
