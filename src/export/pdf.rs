//! PDF: one page holding the map, drawn from the same shapes as the SVG and the PNG. Text stays
//! text, in the fonts the editor draws with (embedded and subset), one run per font and format,
//! so it can be selected, copied and searched in every language the fonts cover.

use std::collections::HashMap;

use egui::epaint::{
    CircleShape, ColorMode, CubicBezierShape, EllipseShape, Mesh, PathShape, PathStroke, RectShape, TextShape,
};
use egui::{Color32, Pos2, Rect, StrokeKind};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{
    Fill, FillRule, LineCap, LineJoin, LinearGradient, Paint, SpreadMethod, Stop, Stroke, StrokeDash,
};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::ExportError;
use super::glyphs;
use super::vector::{self, Painting};
use crate::model::Map;

/// PDF viewers refuse pages larger than 200 inches a side; bigger maps are scaled down to it.
pub const MAX_PAGE_SIDE: f32 = 14_400.0;

/// Paper sizes `--fit` accepts by name, landscape, in points.
pub const PAPER: [(&str, [u32; 2]); 3] = [("a4", [842, 595]), ("a3", [1191, 842]), ("letter", [792, 612])];

/// A painting of `map` as a one-page PDF, with the map's title, scenario and author as the
/// document's metadata.
pub fn write(painting: &Painting, map: &Map) -> Result<Vec<u8>, ExportError> {
    let about =
        About { title: map.title.clone(), description: map.scenario.clone(), author: map.author.clone() };
    write_pages(std::iter::once(Ok(painting)), &about)
}

/// What a document says about itself: its metadata.
#[derive(Clone, Debug, Default)]
pub struct About {
    pub title: String,
    pub description: String,
    pub author: String,
}

/// Paintings as the pages of one PDF, each page the size its painting is shown at, fonts
/// embedded once for the whole document. Each painting is asked for when its page is written
/// and dropped after, so a document of hundreds of maps never holds them all.
pub fn write_pages<P: std::borrow::Borrow<Painting>>(
    paintings: impl IntoIterator<Item = Result<P, ExportError>>,
    about: &About,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    let fonts = glyphs::Fonts::load();
    let faces = pdf_faces(&fonts);
    let mut writer_fonts = Some(fonts);
    for painting in paintings {
        let painting = painting?;
        let painting = painting.borrow();
        let page = page_size(painting.display);
        let size =
            Size::from_wh(page.x, page.y).ok_or(ExportError::EmptyPage { width: page.x, height: page.y })?;
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        let mut surface = pdf_page.surface();
        surface.push_transform(&Transform::from_scale(page.x / painting.size.x, page.y / painting.size.y));
        let mut writer = Writer {
            surface: &mut surface,
            faces: faces.clone(),
            fonts: writer_fonts.take().unwrap_or_else(glyphs::Fonts::load),
            // Texture ids belong to each painting: pictures are not shared between pages.
            images: HashMap::new(),
            pixels: painting.images.clone(),
            link: None,
            links: Vec::new(),
        };
        writer.painting(painting);
        writer_fonts = Some(writer.fonts);
        let links = writer.links;
        surface.pop();
        surface.finish();
        // A tag that opens another map inside the map's folder links to that map's PDF beside
        // this one (only those are kept in `links`).
        let scale = (page.x / painting.size.x, page.y / painting.size.y);
        for (rect, target) in links {
            let Some(area) = krilla::geom::Rect::from_ltrb(
                rect.left() * scale.0,
                rect.top() * scale.1,
                rect.right() * scale.0,
                rect.bottom() * scale.1,
            ) else {
                continue;
            };
            let action = krilla::action::LinkAction::new(target);
            let annotation = krilla::annotation::LinkAnnotation::new(
                area,
                krilla::annotation::Target::Action(action.into()),
            );
            pdf_page.add_annotation(annotation.into());
        }
        pdf_page.finish();
    }
    let metadata = Metadata::new()
        .title(about.title.clone())
        .description(about.description.clone())
        .creator("Touchline".to_owned());
    let metadata =
        if about.author.is_empty() { metadata } else { metadata.authors(vec![about.author.clone()]) };
    document.set_metadata(metadata);
    document.finish().map_err(|e| ExportError::Render(format!("cannot write the PDF: {e:?}")))
}

/// The page for a drawing shown at `display` points: the same, or scaled down to what PDF
/// viewers open.
pub fn page_size(display: egui::Vec2) -> egui::Vec2 {
    let largest = display.x.max(display.y);
    if largest > MAX_PAGE_SIDE { display * (MAX_PAGE_SIDE / largest) } else { display }
}

struct Writer<'s, 'p> {
    surface: &'s mut Surface<'p>,
    fonts: glyphs::Fonts,
    /// Each font of `fonts` as the PDF embeds it.
    faces: Vec<Option<Font>>,
    /// The painting's pictures, each encoded once however often it is drawn.
    images: HashMap<egui::TextureId, Option<krilla::image::Image>>,
    pixels: HashMap<egui::TextureId, std::sync::Arc<egui::ColorImage>>,
    /// Where the open group's tag links (see `map_link::export_href`), and the tag's rectangle
    /// once drawn.
    link: Option<(String, Option<Rect>)>,
    /// Every tag drawn that links, with where it links.
    links: Vec<(Rect, String)>,
}

impl Writer<'_, '_> {
    fn painting(&mut self, painting: &Painting) {
        let view = Rect::from_min_size(Pos2::ZERO, painting.size);
        if let Some(colour) = painting.background {
            self.fill(rect_path(view, egui::CornerRadius::ZERO, 0.0).as_ref(), colour);
        }
        vector::walk(painting, self);
    }

    fn write_rect(&mut self, shape: &RectShape) {
        if let Some((_, area @ None)) = &mut self.link {
            *area = Some(shape.rect);
        }
        if let Some(brush) = &shape.brush {
            self.picture(shape, brush);
            return;
        }
        self.fill(rect_path(shape.rect, shape.corner_radius, 0.0).as_ref(), shape.fill);
        let width = shape.stroke.width;
        if width > 0.0 && shape.stroke.color.a() > 0 {
            let shift = match shape.stroke_kind {
                StrokeKind::Inside => -width / 2.0,
                StrokeKind::Middle => 0.0,
                StrokeKind::Outside => width / 2.0,
            };
            if let Some(path) = rect_path(shape.rect.expand(shift), shape.corner_radius, shift) {
                self.stroke(&path, &PathStroke::from(shape.stroke), &[shape.rect.min, shape.rect.max]);
            }
        }
    }

    /// A picture filling a rounded rectangle: the whole picture placed so its `uv` part fills
    /// the rectangle, clipped to it.
    fn picture(&mut self, shape: &RectShape, brush: &egui::epaint::Brush) {
        let id = brush.fill_texture_id;
        let pixels = &self.pixels;
        let image = self.images.entry(id).or_insert_with(|| {
            let encoded = vector::encode_picture(pixels.get(&id)?)?;
            let data = krilla::Data::from(encoded.bytes);
            let image = if encoded.jpeg {
                krilla::image::Image::from_jpeg(data, true)
            } else {
                krilla::image::Image::from_png(data, true)
            };
            image.ok()
        });
        let Some(image) = image.clone() else { return };
        let whole = vector::whole_picture(shape.rect, brush.uv);
        let (Some(clip), Some(size)) =
            (rect_path(shape.rect, shape.corner_radius, 0.0), Size::from_wh(whole.width(), whole.height()))
        else {
            return;
        };
        self.surface.push_clip_path(&clip, &FillRule::NonZero);
        self.surface.push_transform(&Transform::from_translate(whole.min.x, whole.min.y));
        self.surface.draw_image(image, size);
        self.surface.pop();
        self.surface.pop();
    }

    fn write_circle(&mut self, circle: &CircleShape) {
        let (c, r) = (circle.center, circle.radius);
        self.fill(ellipse_path(c, egui::vec2(r, r)).as_ref(), circle.fill);
        if let Some(path) = ellipse_path(c, egui::vec2(r, r)) {
            self.stroke(
                &path,
                &PathStroke::from(circle.stroke),
                &[c - egui::vec2(r, r), c + egui::vec2(r, r)],
            );
        }
    }

    fn write_path(&mut self, shape: &PathShape) {
        if shape.closed {
            self.fill(polyline(&shape.points, true).as_ref(), shape.fill);
        }
        if let Some(path) = polyline(&shape.points, shape.closed) {
            self.stroke(&path, &shape.stroke, &shape.points);
        }
    }

    fn write_mesh(&mut self, mesh: &Mesh) {
        if mesh.texture_id != egui::TextureId::default() {
            return;
        }
        for t in mesh.indices.chunks_exact(3) {
            let corners: Vec<_> = t.iter().filter_map(|&i| mesh.vertices.get(i as usize)).collect();
            let [a, b, c] = corners.as_slice() else { continue };
            let mut path = PathBuilder::new();
            path.move_to(a.pos.x, a.pos.y);
            path.line_to(b.pos.x, b.pos.y);
            path.line_to(c.pos.x, c.pos.y);
            path.close();
            self.fill(path.finish().as_ref(), a.color);
        }
    }

    fn fill(&mut self, path: Option<&Path>, colour: Color32) {
        let Some(path) = path else { return };
        if colour.a() == 0 {
            return;
        }
        let (paint, opacity) = paint(colour);
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill { paint, opacity, rule: FillRule::NonZero }));
        self.surface.draw_path(path);
    }

    fn stroke(&mut self, path: &Path, stroke: &PathStroke, points: &[Pos2]) {
        self.stroke_dashed(path, stroke, points, None);
    }

    /// A stroke along `path`, in dashes if `dash` says so; a colour that varies along `points`
    /// becomes a gradient.
    fn stroke_dashed(&mut self, path: &Path, stroke: &PathStroke, points: &[Pos2], dash: Option<StrokeDash>) {
        if stroke.width <= 0.0 {
            return;
        }
        let (paint, opacity) = match &stroke.color {
            ColorMode::Solid(colour) if colour.a() == 0 => return,
            ColorMode::Solid(colour) => paint(*colour),
            ColorMode::UV(colour_at) => {
                let (bounds, samples) = vector::vertical_stops(colour_at.as_ref(), points);
                let stops = samples
                    .into_iter()
                    .map(|(offset, colour)| {
                        let (color, opacity) = colour_and_opacity(colour);
                        Stop {
                            offset: NormalizedF32::new(offset).unwrap_or(NormalizedF32::ZERO),
                            color,
                            opacity,
                        }
                    })
                    .collect();
                let gradient = LinearGradient {
                    x1: 0.0,
                    y1: bounds.min.y,
                    x2: 0.0,
                    y2: bounds.max.y,
                    transform: Transform::identity(),
                    spread_method: SpreadMethod::Pad,
                    stops,
                    anti_alias: true,
                };
                (Paint::from(gradient), NormalizedF32::ONE)
            }
        };
        self.surface.set_fill(None);
        self.surface.set_stroke(Some(Stroke {
            paint,
            width: stroke.width,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            opacity,
            dash,
            ..Stroke::default()
        }));
        self.surface.draw_path(path);
        self.surface.set_stroke(None);
    }

    /// Each run of one format is drawn in pieces of one font each (Latin, Thai, Arabic, emoji),
    /// each piece where the editor drew its first character.
    fn write_text(&mut self, shape: &TextShape) {
        if shape.angle != 0.0 {
            self.surface.push_transform(&Transform::from_rotate_at(
                shape.angle.to_degrees(),
                shape.pos.x,
                shape.pos.y,
            ));
        }
        for row in vector::text_rows(shape) {
            if let Some(logical) = &row.logical
                && self.logical_row(logical, &row.spans[0])
            {
                continue;
            }
            for span in row.spans {
                self.span(&span);
            }
        }
        if shape.angle != 0.0 {
            self.surface.pop();
        }
    }

    /// A row with right-to-left text, drawn as written when one font has all of it, so that its
    /// text extracts in reading order; false when it needs several fonts (then each piece is
    /// drawn where the editor drew it).
    fn logical_row(&mut self, row: &vector::LogicalRow, format: &vector::Span) -> bool {
        // One run in one direction: a right-to-left row with left-to-right words in it ("G2 و
        // Capterra") would have them drawn backwards, so it goes piece by piece, as placed.
        let strong_ltr = |c: char| unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::L;
        if row.direction.is_rtl() && row.text.chars().any(strong_ltr) {
            return false;
        }
        let mut inked = row.text.chars().filter(|c| !c.is_whitespace());
        let Some(font) = inked.next().and_then(|c| self.fonts.for_char(c)) else { return false };
        if !row.text.chars().all(|c| self.fonts.has(font, c)) {
            return false;
        }
        let (paint, opacity) = paint(format.colour);
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill { paint, opacity, rule: FillRule::NonZero }));
        let direction =
            if row.direction.is_rtl() { TextDirection::RightToLeft } else { TextDirection::LeftToRight };
        let at = Point::from_xy(row.left, row.baseline);
        self.draw(at, font, format.size, &row.text, Some(direction == TextDirection::RightToLeft))
    }

    /// Draws `text` in the editor's font `font` from `at`, shaped as the SVG shapes it (krilla's
    /// own shaper is quadratic in a cluster's length); false when the PDF has no such font.
    fn draw(&mut self, at: Point, font: usize, size: f32, text: &str, rtl: Option<bool>) -> bool {
        let Some(face) = self.faces.get(font).cloned().flatten() else { return false };
        let glyphs: Vec<krilla::text::KrillaGlyph> = self
            .fonts
            .shape_clusters(font, text, rtl)
            .into_iter()
            .map(|g| {
                krilla::text::KrillaGlyph::new(
                    krilla::text::GlyphId::new(g.glyph),
                    g.x_advance,
                    g.x_offset,
                    g.y_offset,
                    0.0,
                    g.text,
                    None,
                )
            })
            .collect();
        self.surface.draw_glyphs(at, &glyphs, face, text, size, false);
        true
    }

    fn span(&mut self, span: &vector::Span) {
        let (paint, opacity) = paint(span.colour);
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(Fill { paint, opacity, rule: FillRule::NonZero }));
        for piece in self.fonts.pieces(span) {
            self.draw(Point::from_xy(piece.x, span.at.y), piece.font, span.size, &piece.text, None);
        }
    }
}

impl vector::Sink for Writer<'_, '_> {
    fn begin_group(&mut self, group: &crate::render::Group) {
        if let crate::render::Group::MapLink(target) = group
            && let Some(href) = crate::model::map_link::export_href(target, "pdf")
        {
            self.link = Some((href, None));
        }
    }

    fn end_group(&mut self) {
        if let Some((target, Some(area))) = self.link.take() {
            self.links.push((area, target));
        }
    }

    fn push_clip(&mut self, rect: Rect) {
        // A clip no path can be made of leaves the shapes unclipped; something is pushed either
        // way, so that `pop_clip` pops it.
        match rect_path(rect, egui::CornerRadius::ZERO, 0.0) {
            Some(path) => self.surface.push_clip_path(&path, &FillRule::NonZero),
            None => self.surface.push_transform(&Transform::identity()),
        }
    }

    fn pop_clip(&mut self) {
        self.surface.pop();
    }

    fn rect(&mut self, shape: &RectShape) {
        self.write_rect(shape);
    }

    fn circle(&mut self, shape: &CircleShape) {
        self.write_circle(shape);
    }

    fn ellipse(&mut self, shape: &EllipseShape) {
        let (c, r) = (shape.center, shape.radius);
        self.fill(ellipse_path(c, r).as_ref(), shape.fill);
        if let Some(path) = ellipse_path(c, r) {
            self.stroke(&path, &PathStroke::from(shape.stroke), &[c - r, c + r]);
        }
    }

    fn line(&mut self, points: [Pos2; 2], stroke: egui::Stroke) {
        if let Some(path) = polyline(&points, false) {
            self.stroke(&path, &PathStroke::from(stroke), &points);
        }
    }

    fn dashed_line(&mut self, from: Pos2, to: Pos2, stroke: egui::Stroke, dash: f32, gap: f32) {
        if let Some(path) = polyline(&[from, to], false) {
            let dash = StrokeDash { array: vec![dash, gap], offset: 0.0 };
            self.stroke_dashed(&path, &PathStroke::from(stroke), &[from, to], Some(dash));
        }
    }

    fn path(&mut self, shape: &PathShape) {
        self.write_path(shape);
    }

    fn cubic(&mut self, shape: &CubicBezierShape) {
        let [start, first, second, end] = shape.points;
        let curve = |close: bool| {
            let mut path = PathBuilder::new();
            path.move_to(start.x, start.y);
            path.cubic_to(first.x, first.y, second.x, second.y, end.x, end.y);
            if close {
                path.close();
            }
            path.finish()
        };
        if shape.closed {
            self.fill(curve(true).as_ref(), shape.fill);
        }
        if let Some(path) = curve(shape.closed) {
            self.stroke(&path, &shape.stroke, &shape.points);
        }
    }

    fn text(&mut self, shape: &TextShape) {
        self.write_text(shape);
    }

    fn mesh(&mut self, mesh: &Mesh) {
        self.write_mesh(mesh);
    }
}

/// Each of the editor's fonts as the PDF embeds it.
fn pdf_faces(fonts: &glyphs::Fonts) -> Vec<Option<Font>> {
    (0..fonts.len()).map(|i| fonts.blob(i).and_then(|blob| Font::new(blob.into(), 0))).collect()
}

/// A PDF colour and opacity for an egui colour (premultiplied in egui, straight in PDF).
fn colour_and_opacity(colour: Color32) -> (krilla::color::Color, NormalizedF32) {
    let [red, green, blue, alpha] = colour.to_srgba_unmultiplied();
    let opacity = NormalizedF32::new(f32::from(alpha) / 255.0).unwrap_or(NormalizedF32::ONE);
    (rgb::Color::new(red, green, blue).into(), opacity)
}

fn paint(colour: Color32) -> (Paint, NormalizedF32) {
    let (colour, opacity) = colour_and_opacity(colour);
    (colour.into(), opacity)
}

/// An ellipse centred on `c` with radii `r`, as four cubic arcs.
fn ellipse_path(c: Pos2, r: egui::Vec2) -> Option<Path> {
    let k = r * 0.552_284_8;
    let mut path = PathBuilder::new();
    path.move_to(c.x + r.x, c.y);
    path.cubic_to(c.x + r.x, c.y + k.y, c.x + k.x, c.y + r.y, c.x, c.y + r.y);
    path.cubic_to(c.x - k.x, c.y + r.y, c.x - r.x, c.y + k.y, c.x - r.x, c.y);
    path.cubic_to(c.x - r.x, c.y - k.y, c.x - k.x, c.y - r.y, c.x, c.y - r.y);
    path.cubic_to(c.x + k.x, c.y - r.y, c.x + r.x, c.y - k.y, c.x + r.x, c.y);
    path.close();
    path.finish()
}

fn polyline(points: &[Pos2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut path = PathBuilder::new();
    path.move_to(first.x, first.y);
    for p in rest {
        path.line_to(p.x, p.y);
    }
    if closed {
        path.close();
    }
    path.finish()
}

/// A rectangle with egui's per-corner radii, each grown or shrunk by `shift`.
fn rect_path(rect: Rect, radius: egui::CornerRadius, shift: f32) -> Option<Path> {
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let [nw, ne, sw, se] = vector::corner_radii(rect, radius, shift);
    let (l, t, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
    let k = 1.0 - 0.552_284_8;
    let mut path = PathBuilder::new();
    path.move_to(l + nw, t);
    path.line_to(rt - ne, t);
    path.cubic_to(rt - ne * k, t, rt, t + ne * k, rt, t + ne);
    path.line_to(rt, b - se);
    path.cubic_to(rt, b - se * k, rt - se * k, b, rt - se, b);
    path.line_to(l + sw, b);
    path.cubic_to(l + sw * k, b, l, b - sw * k, l, b - sw);
    path.line_to(l, t + nw);
    path.cubic_to(l, t + nw * k, l + nw * k, t, l + nw, t);
    path.close();
    path.finish()
}
