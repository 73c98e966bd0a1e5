//! SVG: the shapes `render::paint` makes, written as vector markup instead of rasterised.
//!
//! How text is carried is the writer's choice ([`SvgText`]): by default as outlines of the
//! editor's own glyphs, shaped as the editor shapes them, with colour emoji as the font's own
//! pictures, so the file looks the same in every viewer whatever fonts are installed; an
//! invisible `<text>` on top keeps the words selectable and searchable. Each stage, lane, card
//! and curve is one `<g>` carrying the item's id, so people can restyle the file by hand.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use egui::epaint::{
    CircleShape, ColorMode, CubicBezierShape, EllipseShape, Mesh, PathShape, PathStroke, RectShape, TextShape,
};
use egui::{Color32, Pos2, Rect, Stroke, StrokeKind};

use super::glyphs;
use super::vector::{self, Painting, Span, corner_radii, text_rows, vertical_stops};
use crate::render::Group;

/// The font families a renderer should use, in the order the editor falls back through them.
pub const FONT_FAMILIES: &str = "'Noto Sans', 'Noto Sans Thai', 'Noto Sans Arabic', 'Noto Color Emoji', 'Ubuntu', 'Noto Emoji', sans-serif";

/// How an SVG carries its text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SvgText {
    /// Glyph outlines (colour emoji as pictures), with the words as invisible text on top: the
    /// same in every viewer; the words can be selected and searched but not edited as text.
    #[default]
    Outlines,
    /// Text in the editor's fonts, embedded whole (colour emoji as pictures, symbols as
    /// outlines): editable, and the
    /// same wherever the viewer reads embedded fonts (browsers, Inkscape); librsvg and LibreOffice
    /// ignore them and use installed fonts.
    Embedded,
    /// Text naming the editor's fonts, embedding nothing: the smallest file, for Figma or
    /// Illustrator work on a machine that has the fonts.
    System,
}

/// Writes a painting as an SVG document, its text carried as `text` says.
pub fn write(painting: &Painting, text: SvgText) -> String {
    let mut writer = Writer::new(text);
    writer.images.clone_from(&painting.images);
    vector::walk(painting, &mut writer);
    // Groups that painted nothing leave an empty element; drop them to keep the file tidy.
    writer.body = drop_empty_groups(&writer.body);
    let mut out = String::with_capacity(writer.body.len() + writer.defs.len() + 1024);
    let (w, h) = (painting.size.x, painting.size.y);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{}" height="{}" viewBox="0 0 {} {}" font-family="{FONT_FAMILIES}">"#,
        N(painting.display.x),
        N(painting.display.y),
        N(w),
        N(h),
    );
    let _ = writeln!(out, "<title>{}</title>", Escaped(&painting.title));
    if !painting.description.is_empty() {
        let _ = writeln!(out, "<desc>{}</desc>", Escaped(&painting.description));
    }
    let styles = writer.font_faces();
    if !styles.is_empty() {
        let _ = writeln!(out, "<style>{styles}</style>");
    }
    if !writer.defs.is_empty() || !writer.glyph_defs.is_empty() {
        out.push_str("<defs>\n");
        out.push_str(&writer.glyph_defs);
        out.push_str(&writer.defs);
        out.push_str("</defs>\n");
    }
    if let Some(colour) = painting.background {
        let _ = writeln!(out, r#"<rect id="page" width="{}" height="{}"{}/>"#, N(w), N(h), Fill(colour));
    }
    out.push_str(&writer.body);
    out.push_str("</svg>\n");
    out
}

struct Writer {
    body: String,
    defs: String,
    text: SvgText,
    /// The editor's fonts, for text drawn as glyphs, with each glyph defined once in
    /// `glyph_defs` (`None`: blank) and each piece shaped once.
    fonts: glyphs::Fonts,
    glyph_defs: String,
    glyphs: HashMap<(usize, u32), Option<String>>,
    shaped: HashMap<(usize, String, u32), Vec<glyphs::Placed>>,
    /// The fonts that text in the editor's fonts uses, to embed.
    used_fonts: std::collections::BTreeSet<usize>,
    /// Clip rectangles already defined, by their corners and corner radius (in hundredths).
    clips: HashMap<[i32; 5], usize>,
    gradients: usize,
    /// The painting's pictures, and each one's data URL once it is encoded.
    images: HashMap<egui::TextureId, std::sync::Arc<egui::ColorImage>>,
    data_urls: HashMap<egui::TextureId, Option<String>>,
    /// How often each group id was used: ids are unique within a map, but a name could repeat
    /// across kinds of group.
    group_names: HashMap<String, usize>,
    /// The open group is wrapped in a link (`<a>`) to another map's drawing.
    in_link: bool,
}

impl Writer {
    fn new(text: SvgText) -> Self {
        Self {
            body: String::new(),
            defs: String::new(),
            text,
            fonts: glyphs::Fonts::load(),
            glyph_defs: String::new(),
            glyphs: HashMap::new(),
            shaped: HashMap::new(),
            used_fonts: std::collections::BTreeSet::new(),
            clips: HashMap::new(),
            gradients: 0,
            images: HashMap::new(),
            data_urls: HashMap::new(),
            group_names: HashMap::new(),
            in_link: false,
        }
    }

    /// The id of a clip to `rect` with corners rounded by `radius`, defined once.
    fn clip(&mut self, rect: Rect, radius: f32) -> usize {
        let key =
            [rect.min.x, rect.min.y, rect.max.x, rect.max.y, radius].map(|v| (v * 100.0).round() as i32);
        let next = self.clips.len();
        let id = *self.clips.entry(key).or_insert(next);
        if id == next {
            let corner = if radius > 0.0 { format!(r#" rx="{}""#, N(radius)) } else { String::new() };
            let _ = writeln!(
                self.defs,
                r#"<clipPath id="clip{id}"><rect x="{}" y="{}" width="{}" height="{}"{corner}/></clipPath>"#,
                N(rect.min.x),
                N(rect.min.y),
                N(rect.width()),
                N(rect.height())
            );
        }
        id
    }

    fn write_rect(&mut self, shape: &RectShape) {
        if let Some(brush) = &shape.brush {
            self.picture(shape, brush);
            return;
        }
        let transform = if shape.angle == 0.0 {
            String::new()
        } else {
            let c = shape.rect.center();
            format!(r#" transform="rotate({} {} {})""#, N(shape.angle.to_degrees()), N(c.x), N(c.y))
        };
        let radius = shape.corner_radius;
        let fill = Fill::of(shape.fill);
        let stroke = Outline::of(shape.stroke);
        let width = shape.stroke.width;
        let shift = match shape.stroke_kind {
            StrokeKind::Inside => -width / 2.0,
            StrokeKind::Middle => 0.0,
            StrokeKind::Outside => width / 2.0,
        };
        match (fill, stroke) {
            (Some(fill), Some(stroke)) if shape.stroke_kind == StrokeKind::Middle => {
                self.rounded(shape.rect, radius, 0.0, &format!("{fill}{stroke}{transform}"));
            }
            (fill, stroke) => {
                if let Some(fill) = fill {
                    self.rounded(shape.rect, radius, 0.0, &format!("{fill}{transform}"));
                }
                if let Some(stroke) = stroke {
                    let outline = shape.rect.expand(shift);
                    self.rounded(outline, radius, shift, &format!(r#" fill="none"{stroke}{transform}"#));
                }
            }
        }
    }

    /// A picture filling a rounded rectangle: an `<image>` of the whole picture placed so its
    /// `uv` part fills the rectangle, clipped to the rectangle's rounded shape.
    fn picture(&mut self, shape: &RectShape, brush: &egui::epaint::Brush) {
        use base64::Engine as _;
        let id = brush.fill_texture_id;
        let images = &self.images;
        let url = self.data_urls.entry(id).or_insert_with(|| {
            let encoded = super::vector::encode_picture(images.get(&id)?)?;
            let kind = if encoded.jpeg { "jpeg" } else { "png" };
            let data = base64::engine::general_purpose::STANDARD.encode(&encoded.bytes);
            Some(format!("data:image/{kind};base64,{data}"))
        });
        let Some(url) = url.clone() else { return };
        let rect = shape.rect;
        // Pictures are framed with one radius for all corners (a thumbnail, a round avatar).
        let [radius, ..] = corner_radii(rect, shape.corner_radius, 0.0);
        let clip = self.clip(rect, radius);
        let whole = super::vector::whole_picture(rect, brush.uv);
        let _ = writeln!(
            self.body,
            r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" clip-path="url(#clip{clip})" xlink:href="{url}"/>"#,
            N(whole.min.x),
            N(whole.min.y),
            N(whole.width()),
            N(whole.height())
        );
    }

    /// A rectangle with egui's per-corner radii, grown or shrunk by `shift`.
    fn rounded(&mut self, rect: Rect, radius: egui::CornerRadius, shift: f32, attributes: &str) {
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        let [nw, ne, sw, se] = corner_radii(rect, radius, shift);
        if [ne, sw, se].iter().all(|r| (r - nw).abs() < 0.01) {
            let corner = if nw > 0.0 { format!(r#" rx="{}""#, N(nw)) } else { String::new() };
            let _ = writeln!(
                self.body,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{corner}{attributes}/>"#,
                N(rect.min.x),
                N(rect.min.y),
                N(rect.width()),
                N(rect.height())
            );
            return;
        }
        let (l, t, rt, b) = (rect.min.x, rect.min.y, rect.max.x, rect.max.y);
        let _ = writeln!(
            self.body,
            r#"<path d="M{} {}H{}A{} {} 0 0 1 {} {}V{}A{} {} 0 0 1 {} {}H{}A{} {} 0 0 1 {} {}V{}A{} {} 0 0 1 {} {}Z"{attributes}/>"#,
            N(l + nw),
            N(t),
            N(rt - ne),
            N(ne),
            N(ne),
            N(rt),
            N(t + ne),
            N(b - se),
            N(se),
            N(se),
            N(rt - se),
            N(b),
            N(l + sw),
            N(sw),
            N(sw),
            N(l),
            N(b - sw),
            N(t + nw),
            N(nw),
            N(nw),
            N(l + nw),
            N(t),
        );
    }

    fn write_circle(&mut self, circle: &CircleShape) {
        let fill = Fill::of(circle.fill).map_or_else(|| r#" fill="none""#.to_owned(), |f| f.to_string());
        let stroke = Outline::of(circle.stroke).map(|s| s.to_string()).unwrap_or_default();
        if fill.contains("none") && stroke.is_empty() {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<circle cx="{}" cy="{}" r="{}"{fill}{stroke}/>"#,
            N(circle.center.x),
            N(circle.center.y),
            N(circle.radius)
        );
    }

    fn write_ellipse(&mut self, ellipse: &EllipseShape) {
        let fill = Fill::of(ellipse.fill).map_or_else(|| r#" fill="none""#.to_owned(), |f| f.to_string());
        let stroke = Outline::of(ellipse.stroke).map(|s| s.to_string()).unwrap_or_default();
        let _ = writeln!(
            self.body,
            r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{fill}{stroke}/>"#,
            N(ellipse.center.x),
            N(ellipse.center.y),
            N(ellipse.radius.x),
            N(ellipse.radius.y)
        );
    }

    fn write_path(&mut self, path: &PathShape) {
        if path.points.len() < 2 {
            return;
        }
        let mut d = String::with_capacity(path.points.len() * 14);
        for (i, p) in path.points.iter().enumerate() {
            let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { "L" }, N(p.x), N(p.y));
        }
        if path.closed {
            d.push('Z');
        }
        let fill = if path.closed { Fill::of(path.fill) } else { None };
        let fill = fill.map_or_else(|| r#" fill="none""#.to_owned(), |f| f.to_string());
        let stroke = self.path_stroke(&path.stroke, &path.points);
        if fill.contains("none") && stroke.is_empty() {
            return;
        }
        let _ = writeln!(self.body, r#"<path d="{d}"{fill}{stroke}/>"#);
    }

    /// A path's stroke attributes; a colour that varies along the path becomes a gradient.
    fn path_stroke(&mut self, stroke: &PathStroke, points: &[Pos2]) -> String {
        if stroke.width <= 0.0 {
            return String::new();
        }
        let joins = r#" stroke-linejoin="round" stroke-linecap="round""#;
        match &stroke.color {
            ColorMode::Solid(colour) => Outline::of(Stroke::new(stroke.width, *colour))
                .map(|o| format!("{o}{joins}"))
                .unwrap_or_default(),
            ColorMode::UV(colour_at) => {
                let (bounds, stops) = vertical_stops(colour_at.as_ref(), points);
                let id = self.gradients;
                self.gradients += 1;
                let _ = writeln!(
                    self.defs,
                    r#"<linearGradient id="stroke{id}" gradientUnits="userSpaceOnUse" x1="0" y1="{}" x2="0" y2="{}">"#,
                    N(bounds.min.y),
                    N(bounds.max.y)
                );
                for (offset, colour) in stops {
                    let (hex, alpha) = colour_parts(colour);
                    let opacity =
                        if alpha < 1.0 { format!(r#" stop-opacity="{}""#, N(alpha)) } else { String::new() };
                    let _ =
                        writeln!(self.defs, r#"<stop offset="{}" stop-color="{hex}"{opacity}/>"#, N(offset));
                }
                self.defs.push_str("</linearGradient>\n");
                format!(r#" stroke="url(#stroke{id})" stroke-width="{}"{joins}"#, N(stroke.width))
            }
        }
    }

    fn write_cubic(&mut self, curve: &CubicBezierShape) {
        let [start, first, second, end] = curve.points;
        let d = format!(
            "M{} {}C{} {} {} {} {} {}",
            N(start.x),
            N(start.y),
            N(first.x),
            N(first.y),
            N(second.x),
            N(second.y),
            N(end.x),
            N(end.y)
        );
        self.bezier(&d, curve.closed, curve.fill, &curve.stroke, &curve.points);
    }

    fn bezier(&mut self, d: &str, closed: bool, fill: Color32, stroke: &PathStroke, points: &[Pos2]) {
        let close = if closed { "Z" } else { "" };
        let fill = if closed { Fill::of(fill) } else { None };
        let fill = fill.map_or_else(|| r#" fill="none""#.to_owned(), |f| f.to_string());
        let stroke = self.path_stroke(stroke, points);
        let _ = writeln!(self.body, r#"<path d="{d}{close}"{fill}{stroke}/>"#);
    }

    /// Flat-coloured meshes (the blocks of a zoomed-out map) as polygons; quads from
    /// `add_colored_rect` become one four-cornered path each.
    fn write_mesh(&mut self, mesh: &Mesh) {
        if mesh.texture_id != egui::TextureId::default() {
            return;
        }
        let vertex = |i: u32| mesh.vertices.get(i as usize);
        let mut triangles = mesh.indices.chunks_exact(3).peekable();
        while let Some(t) = triangles.next() {
            let (Some(a), Some(b), Some(c)) = (vertex(t[0]), vertex(t[1]), vertex(t[2])) else { continue };
            let Some(fill) = Fill::of(a.color) else { continue };
            // A quad: (a b c) then (c b d).
            if let Some(next) = triangles.peek()
                && next[0] == t[2]
                && next[1] == t[1]
                && let Some(d) = vertex(next[2])
            {
                triangles.next();
                let _ = writeln!(
                    self.body,
                    r#"<path d="M{} {}L{} {}L{} {}L{} {}Z"{fill}/>"#,
                    N(a.pos.x),
                    N(a.pos.y),
                    N(b.pos.x),
                    N(b.pos.y),
                    N(d.pos.x),
                    N(d.pos.y),
                    N(c.pos.x),
                    N(c.pos.y)
                );
                continue;
            }
            let _ = writeln!(
                self.body,
                r#"<path d="M{} {}L{} {}L{} {}Z"{fill}/>"#,
                N(a.pos.x),
                N(a.pos.y),
                N(b.pos.x),
                N(b.pos.y),
                N(c.pos.x),
                N(c.pos.y)
            );
        }
    }

    /// One `<text>` per laid-out row, in logical order, so that copying it gives the words as
    /// written; a row of several formats gets one `<tspan>` per format, each placed where the
    /// editor placed it.
    fn write_text(&mut self, shape: &TextShape) {
        let transform = Self::rotation(shape);
        for row in text_rows(shape) {
            if let Some(logical) = &row.logical {
                // The row as written, laid out by the renderer from its start edge: text stays
                // in reading order for search, selection and editing.
                let span = &row.spans[0];
                let (x, direction) = match logical.direction {
                    crate::text::Direction::RightToLeft => (logical.right, r#" direction="rtl""#),
                    _ => (logical.left, ""),
                };
                let _ = writeln!(
                    self.body,
                    r#"<text x="{}" y="{}" font-size="{}"{}{direction}{transform}>{}</text>"#,
                    N(x),
                    N(logical.baseline),
                    N(span.size),
                    Fill(span.colour),
                    Escaped(&logical.text)
                );
                continue;
            }
            let row = row.spans;
            if let [span] = row.as_slice() {
                let _ = writeln!(
                    self.body,
                    r#"<text x="{}" y="{}" font-size="{}"{}{transform}>{}</text>"#,
                    N(span.at.x),
                    N(span.at.y),
                    N(span.size),
                    Fill(span.colour),
                    Escaped(&span.text)
                );
                continue;
            }
            let _ = write!(self.body, "<text{transform}>");
            for span in &row {
                let _ = write!(
                    self.body,
                    r#"<tspan x="{}" y="{}" font-size="{}"{}>{}</tspan>"#,
                    N(span.at.x),
                    N(span.at.y),
                    N(span.size),
                    Fill(span.colour),
                    Escaped(&span.text)
                );
            }
            self.body.push_str("</text>\n");
        }
    }

    /// The transform attribute of a rotated text shape (empty when upright).
    fn rotation(shape: &TextShape) -> String {
        if shape.angle == 0.0 {
            String::new()
        } else {
            format!(
                r#" transform="rotate({} {} {})""#,
                N(shape.angle.to_degrees()),
                N(shape.pos.x),
                N(shape.pos.y)
            )
        }
    }

    /// A piece of text shaped in its font at its size, shaped once however often it is drawn.
    fn shaped(&mut self, piece: &glyphs::Piece, size: f32) -> Vec<glyphs::Placed> {
        let key = (piece.font, piece.text.clone(), size.to_bits());
        let fonts = &self.fonts;
        self.shaped
            .entry(key)
            .or_insert_with(|| fonts.shape(piece.font, &piece.text, size, egui::Pos2::ZERO))
            .clone()
    }

    /// The id of a glyph's definition (an outline, or a colour glyph's picture), defined once;
    /// `None` for a blank glyph.
    fn glyph(&mut self, font: usize, glyph: u32) -> Option<String> {
        use base64::Engine as _;
        if let Some(id) = self.glyphs.get(&(font, glyph)) {
            return id.clone();
        }
        let id = if self.fonts.is_bitmap(font) {
            self.fonts.bitmap(font, glyph).map(|picture| {
                let id = format!("e{font}-{glyph}");
                let data = base64::engine::general_purpose::STANDARD.encode(picture.png);
                let _ = writeln!(
                    self.glyph_defs,
                    r#"<image id="{id}" x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" xlink:href="data:image/png;base64,{data}"/>"#,
                    N(picture.left),
                    N(picture.top),
                    N(picture.width),
                    N(picture.height)
                );
                id
            })
        } else {
            self.fonts.outline(font, glyph).map(|d| {
                let id = format!("g{font}-{glyph}");
                let _ = writeln!(self.glyph_defs, r#"<path id="{id}" d="{d}"/>"#);
                id
            })
        };
        self.glyphs.insert((font, glyph), id.clone());
        id
    }

    /// A piece's glyphs, each a `<use>` of its definition placed where the shaper put it.
    fn piece_glyphs(&mut self, piece: &glyphs::Piece, span: &Span) {
        let scale = self.fonts.scale(piece.font, span.size);
        if scale <= 0.0 {
            return;
        }
        // One frame per piece in font units (y up for outlines; colour pictures are placed y
        // down), so each glyph is placed by two short numbers.
        let flip = if self.fonts.is_bitmap(piece.font) { 1.0 } else { -1.0 };
        let _ = write!(
            self.body,
            r#"<g transform="matrix({} 0 0 {} {} {})">"#,
            N4(scale),
            N4(scale * flip),
            N(piece.x),
            N(span.at.y)
        );
        for placed in self.shaped(piece, span.size) {
            let Some(id) = self.glyph(piece.font, placed.glyph) else { continue };
            let (x, y) = (placed.x / scale, placed.y / (scale * flip));
            let _ = write!(self.body, r##"<use xlink:href="#{id}" x="{}""##, x.round());
            if y.round() != 0.0 {
                let _ = write!(self.body, r#" y="{}""#, y.round());
            }
            self.body.push_str("/>");
        }
        self.body.push_str("</g>\n");
    }

    /// Text as the outlines of the editor's glyphs, one `<g>` per run carrying its colour.
    fn outlined_text(&mut self, shape: &TextShape) {
        let _ = writeln!(self.body, r#"<g aria-hidden="true"{}>"#, Self::rotation(shape));
        for row in text_rows(shape) {
            for span in &row.spans {
                let _ = writeln!(self.body, "<g{}>", Fill(span.colour));
                for piece in self.fonts.pieces(span) {
                    self.piece_glyphs(&piece, span);
                }
                self.body.push_str("</g>\n");
            }
        }
        self.body.push_str("</g>\n");
    }

    /// Text in the editor's fonts (embedded), one `<text>` per piece of one font placed where
    /// the editor drew it; a right-to-left row one font draws whole stays one `<text>` in
    /// reading order. Colour emoji are pictures and symbols from egui's fonts outlines.
    fn embedded_text(&mut self, shape: &TextShape) {
        let transform = Self::rotation(shape);
        for row in text_rows(shape) {
            if let Some(logical) = &row.logical
                && let Some(font) = self.one_font(&logical.text)
            {
                self.used_fonts.insert(font);
                let span = &row.spans[0];
                let _ = writeln!(
                    self.body,
                    r#"<text x="{}" y="{}" font-size="{}" font-family="{}" direction="rtl"{}{transform}>{}</text>"#,
                    N(logical.right),
                    N(logical.baseline),
                    N(span.size),
                    family(font),
                    Fill(span.colour),
                    Escaped(&logical.text)
                );
                continue;
            }
            for span in &row.spans {
                for piece in self.fonts.pieces(span) {
                    // Emoji and symbols as the editor draws them: pictures and outlines.
                    if piece.font >= crate::fonts::TEXT_FONTS {
                        let _ = writeln!(self.body, "<g{}{transform}>", Fill(span.colour));
                        self.piece_glyphs(&piece, span);
                        self.body.push_str("</g>\n");
                        continue;
                    }
                    self.used_fonts.insert(piece.font);
                    let _ = writeln!(
                        self.body,
                        r#"<text x="{}" y="{}" font-size="{}" font-family="{}"{}{transform}>{}</text>"#,
                        N(piece.x),
                        N(span.at.y),
                        N(span.size),
                        family(piece.font),
                        Fill(span.colour),
                        Escaped(&piece.text)
                    );
                }
            }
        }
    }

    /// The one text font that draws all of a right-to-left row written in one direction.
    fn one_font(&mut self, text: &str) -> Option<usize> {
        let strong_ltr = |c: char| unicode_bidi::bidi_class(c) == unicode_bidi::BidiClass::L;
        if text.chars().any(strong_ltr) {
            return None;
        }
        let font = text.chars().find(|c| !c.is_whitespace()).and_then(|c| self.fonts.for_char(c))?;
        (font < crate::fonts::TEXT_FONTS && text.chars().all(|c| self.fonts.has(font, c))).then_some(font)
    }

    /// `@font-face` rules embedding each font the text uses, whole.
    fn font_faces(&self) -> String {
        use base64::Engine as _;
        let mut out = String::new();
        for &font in &self.used_fonts {
            let Some(data) = self.fonts.data(font) else { continue };
            let data = base64::engine::general_purpose::STANDARD.encode(data);
            let _ = write!(
                out,
                "@font-face{{font-family:'Touchline {font}';src:url(data:font/ttf;base64,{data}) format('truetype')}}"
            );
        }
        out
    }
}

/// The font families of text in font `font` of the editor's fonts: the embedded one, then the
/// editor's families as installed.
fn family(font: usize) -> String {
    format!("'Touchline {font}', {FONT_FAMILIES}")
}

impl vector::Sink for Writer {
    fn begin_group(&mut self, group: &Group) {
        let (id, class) = group_name(group);
        let count = self.group_names.entry(id.clone()).or_default();
        *count += 1;
        let id = if *count > 1 { format!("{id}-{count}") } else { id };
        // A tag that opens another map inside the map's folder links to that map's drawing
        // beside this one; any other `opens` is drawn as plain text.
        if let Group::MapLink(target) = group
            && let Some(href) = crate::model::map_link::export_href(target, "svg")
        {
            let _ = write!(self.body, r#"<a href="{}">"#, Escaped(&href));
            self.in_link = true;
        }
        let _ = writeln!(self.body, r#"<g id="{}" class="{class}">"#, Escaped(&id));
    }

    fn end_group(&mut self) {
        self.body.push_str("</g>\n");
        if std::mem::take(&mut self.in_link) {
            self.body.push_str("</a>\n");
        }
    }

    fn push_clip(&mut self, rect: Rect) {
        let id = self.clip(rect, 0.0);
        let _ = writeln!(self.body, r#"<g clip-path="url(#clip{id})">"#);
    }

    fn pop_clip(&mut self) {
        self.body.push_str("</g>\n");
    }

    fn rect(&mut self, shape: &RectShape) {
        self.write_rect(shape);
    }

    fn circle(&mut self, shape: &CircleShape) {
        self.write_circle(shape);
    }

    fn ellipse(&mut self, shape: &EllipseShape) {
        self.write_ellipse(shape);
    }

    fn line(&mut self, [a, b]: [Pos2; 2], stroke: Stroke) {
        if let Some(stroke) = Outline::of(stroke) {
            let _ = writeln!(
                self.body,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{stroke}/>"#,
                N(a.x),
                N(a.y),
                N(b.x),
                N(b.y)
            );
        }
    }

    /// One `<line>` with a dash pattern.
    fn dashed_line(&mut self, from: Pos2, to: Pos2, stroke: Stroke, dash: f32, gap: f32) {
        let Some(outline) = Outline::of(stroke) else { return };
        let _ = writeln!(
            self.body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{outline} stroke-dasharray="{} {}"/>"#,
            N(from.x),
            N(from.y),
            N(to.x),
            N(to.y),
            N(dash),
            N(gap)
        );
    }

    fn path(&mut self, shape: &PathShape) {
        self.write_path(shape);
    }

    fn cubic(&mut self, shape: &CubicBezierShape) {
        self.write_cubic(shape);
    }

    fn text(&mut self, shape: &TextShape) {
        match self.text {
            SvgText::Outlines => {
                self.outlined_text(shape);
                // The words, invisible, over their outlines: to select, copy and search.
                self.body.push_str(r#"<g opacity="0">"#);
                self.write_text(shape);
                self.body.push_str("</g>\n");
            }
            SvgText::Embedded => self.embedded_text(shape),
            SvgText::System => self.write_text(shape),
        }
    }

    fn mesh(&mut self, mesh: &Mesh) {
        self.write_mesh(mesh);
    }
}

/// The id and class of a group's `<g>`.
fn group_name(group: &Group) -> (String, &'static str) {
    match group {
        Group::Background => ("background".into(), "background"),
        Group::Grid => ("grid".into(), "grid"),
        Group::Levels => ("levels".into(), "levels"),
        Group::Card(id) => (format!("card-{}", id.as_str()), "card"),
        Group::Dividers => ("dividers".into(), "dividers"),
        Group::Links => ("links".into(), "links"),
        Group::Curve(id) => (format!("curve-{}", id.as_str()), "curve"),
        Group::Title => ("title".into(), "title"),
        Group::Lane(id) => (format!("lane-{}", id.as_str()), "lane"),
        Group::Stage(id) => (format!("stage-{}", id.as_str()), "stage"),
        Group::Corner => ("corner".into(), "corner"),
        Group::Focus => ("focus".into(), "focus"),
        Group::MapLink(target) => (format!("opens-{target}"), "opens-map"),
    }
}

fn drop_empty_groups(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut lines = body.lines().peekable();
    while let Some(line) = lines.next() {
        if line.starts_with("<g id=") && lines.peek() == Some(&"</g>") {
            lines.next();
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A colour as `#rrggbb` and its opacity (egui's colours are premultiplied; SVG's are not).
fn colour_parts(colour: Color32) -> (String, f32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    (format!("#{r:02x}{g:02x}{b:02x}"), f32::from(a) / 255.0)
}

/// ` fill="…"` (and its opacity) for a visible colour.
struct Fill(Color32);

impl Fill {
    fn of(colour: Color32) -> Option<Self> {
        (colour.a() > 0).then_some(Self(colour))
    }
}

impl fmt::Display for Fill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hex, alpha) = colour_parts(self.0);
        write!(f, r#" fill="{hex}""#)?;
        if alpha < 1.0 {
            write!(f, r#" fill-opacity="{}""#, N(alpha))?;
        }
        Ok(())
    }
}

/// ` stroke="…" stroke-width="…"` for a visible stroke.
struct Outline(Stroke);

impl Outline {
    fn of(stroke: Stroke) -> Option<Self> {
        (stroke.width > 0.0 && stroke.color.a() > 0).then_some(Self(stroke))
    }
}

impl fmt::Display for Outline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hex, alpha) = colour_parts(self.0.color);
        write!(f, r#" stroke="{hex}" stroke-width="{}""#, N(self.0.width))?;
        if alpha < 1.0 {
            write!(f, r#" stroke-opacity="{}""#, N(alpha))?;
        }
        Ok(())
    }
}

/// A coordinate with at most two decimals and no trailing zeros.
struct N(f32);

impl fmt::Display for N {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hundredths = (f64::from(self.0) * 100.0).round();
        let v = hundredths / 100.0;
        if hundredths % 100.0 == 0.0 && v.abs() < 1e15 {
            write!(f, "{}", v as i64)
        } else {
            let s = format!("{v:.2}");
            f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

/// A scale factor, to six decimals (a font unit at 14 points is 0.014 of a point).
struct N4(f32);

impl fmt::Display for N4 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = format!("{:.6}", self.0);
        f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
    }
}

/// Text escaped for XML content and attribute values. Control characters, and every character
/// XML 1.0 forbids (U+FFFE, U+FFFF), are dropped: a file that holds one is not well-formed and
/// viewers refuse it whole.
pub(super) struct Escaped<'a>(pub(super) &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\t' => f.write_char(' ')?,
                c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(N(3.0).to_string(), "3");
        assert_eq!(N(3.456).to_string(), "3.46");
        assert_eq!(N(-0.5).to_string(), "-0.5");
        assert_eq!(N(10.10).to_string(), "10.1");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(Escaped("a < b & \"c\"\u{7}").to_string(), "a &lt; b &amp; &quot;c&quot;");
        assert_eq!(Escaped("x\u{fffe}\u{ffff}\u{0}y\u{1f600}").to_string(), "xy\u{1f600}");
    }

    #[test]
    fn colours_are_unmultiplied() {
        let half = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
        let (hex, alpha) = colour_parts(half);
        assert_eq!(hex, "#ff0000");
        assert!((alpha - 128.0 / 255.0).abs() < 1e-3);
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(24))]

        /// Whatever the map's words, the SVG is well-formed XML that keeps them as text (less
        /// the characters XML forbids).
        #[test]
        fn any_text_in_any_field_gives_a_well_formed_svg(
            texts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::any::<String>(),
                    "[\\u{fffe}\\u{ffff}\\x00-\\x1f<>&\"'a-z\\u{202e}\\u{d7ff}\\u{e000}]{0,12}",
                ],
                8,
            ),
        ) {
            let mut map = crate::templates::load("ecommerce").unwrap();
            map.title.clone_from(&texts[0]);
            map.scenario.clone_from(&texts[1]);
            map.author.clone_from(&texts[2]);
            map.stages[0].name.clone_from(&texts[3]);
            map.lanes[0].title.clone_from(&texts[4]);
            map.cards[0].title.clone_from(&texts[5]);
            map.cards[0].owner.clone_from(&texts[6]);
            map.words.neutral.clone_from(&texts[7]);
            map.personas[0].name.clone_from(&texts[7]);
            let options = super::super::ExportOptions { format: super::super::Format::Svg, ..Default::default() };
            let none = crate::pictures::Set::default();
            let svg = String::from_utf8(super::super::Job::new(&map, &options, &none).render().unwrap().bytes).unwrap();
            if let Err(e) = roxmltree::Document::parse(&svg) {
                proptest::prop_assert!(false, "not well-formed: {e}");
            }
        }
    }
}
