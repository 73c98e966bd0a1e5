//! Text as the editor drew it, in glyphs, for writers that cannot count on the reader's fonts:
//! each run of one format is cut into pieces of one bundled font (the editor's fallback order),
//! each piece shaped with the shaper the editor uses (harfrust), and each glyph given as an
//! outline or, for colour emoji, as the font's own PNG bitmap.

use std::collections::HashMap;

use skrifa::MetadataProvider as _;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

use super::vector::Span;

/// The editor's fonts in fallback order, and which of them draws each character.
pub struct Fonts {
    faces: Vec<Face>,
    chosen: HashMap<char, Option<usize>>,
}

struct Face {
    blob: egui::epaint::text::Blob,
    shaper: harfrust::ShaperData,
    units_per_em: f32,
    /// Whether the font's glyphs are colour bitmaps (Noto Color Emoji).
    bitmaps: bool,
}

/// A piece of a run that one font draws, placed at `x` (its left edge).
pub struct Piece {
    pub font: usize,
    pub text: String,
    pub x: f32,
}

/// One shaped glyph: its id in its font, and its origin on the baseline.
#[derive(Clone, Copy, Debug)]
pub struct Placed {
    pub glyph: u32,
    pub x: f32,
    pub y: f32,
}

/// One shaped glyph as a PDF writer takes it: its id, the bytes of the text it draws, and its
/// advance and offsets in ems.
#[derive(Clone, Debug)]
pub struct Shaped {
    pub glyph: u32,
    pub text: std::ops::Range<usize>,
    pub x_advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}

/// A colour glyph's picture: PNG bytes, and where it sits relative to the glyph's origin, in
/// font units (y down), at the size of one em.
pub struct Bitmap<'a> {
    pub png: &'a [u8],
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

impl Fonts {
    pub fn load() -> Self {
        let faces = crate::fonts::all()
            .into_iter()
            .filter_map(|blob| {
                let font = skrifa::FontRef::new((*blob).as_ref()).ok()?;
                let units_per_em =
                    f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em.max(1));
                let bitmaps = !skrifa::bitmap::BitmapStrikes::new(&font).is_empty();
                let shaper = harfrust::ShaperData::new(&font);
                Some(Face { blob, shaper, units_per_em, bitmaps })
            })
            .collect();
        Self { faces, chosen: HashMap::new() }
    }

    pub fn len(&self) -> usize {
        self.faces.len()
    }

    pub fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    pub fn blob(&self, font: usize) -> Option<egui::epaint::text::Blob> {
        self.faces.get(font).map(|face| face.blob.clone())
    }

    pub fn data(&self, font: usize) -> Option<&[u8]> {
        self.faces.get(font).map(|face| (*face.blob).as_ref())
    }

    /// Whether `font` draws colour bitmaps rather than outlines.
    pub fn is_bitmap(&self, font: usize) -> bool {
        self.faces.get(font).is_some_and(|face| face.bitmaps)
    }

    /// The first font, in the editor's fallback order, that has a glyph for `c`.
    pub fn for_char(&mut self, c: char) -> Option<usize> {
        let faces = &self.faces;
        *self
            .chosen
            .entry(c)
            .or_insert_with(|| (0..faces.len()).find(|&i| has_glyph((*faces[i].blob).as_ref(), c)))
    }

    pub fn has(&self, font: usize, c: char) -> bool {
        self.data(font).is_some_and(|data| has_glyph(data, c))
    }

    /// A run cut into pieces of one font each (Latin, Thai, Arabic, emoji), each placed where the
    /// editor drew its first character. Characters no font has are left out.
    pub fn pieces(&mut self, span: &Span) -> Vec<Piece> {
        let chars: Vec<char> = span.text.chars().collect();
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            let font = self.for_char(chars[start]);
            let mut end = start + 1;
            // Spaces, marks and joiners stay with the piece they are in when its font has them,
            // so that a line of Arabic or Thai is shaped whole.
            while end < chars.len() {
                let c = chars[end];
                let same = self.for_char(c) == font;
                let neutral = c.is_whitespace() || is_joining(c);
                let kept = neutral && font.is_some_and(|f| self.has(f, c));
                if !same && !kept {
                    break;
                }
                end += 1;
            }
            if let Some(font) = font {
                let x = span.xs[start..end].iter().copied().fold(f32::INFINITY, f32::min);
                pieces.push(Piece { font, text: chars[start..end].iter().collect(), x });
            }
            start = end;
        }
        pieces
    }

    /// `text` shaped in `font` (right to left when `rtl`, left to right when not, else as its
    /// script says), and the font's units per em.
    fn shaped(&self, font: usize, text: &str, rtl: Option<bool>) -> Option<(harfrust::GlyphBuffer, f32)> {
        let face = self.faces.get(font)?;
        let font_ref = skrifa::FontRef::new((*face.blob).as_ref()).ok()?;
        let shaper = face.shaper.shaper(&font_ref).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        match rtl {
            Some(true) => buffer.set_direction(harfrust::Direction::RightToLeft),
            Some(false) => buffer.set_direction(harfrust::Direction::LeftToRight),
            None => {}
        }
        Some((shaper.shape(buffer, harfrust::ShapeOptions::new()), face.units_per_em))
    }

    /// `text` shaped in `font` at `size` points, from `origin` on the baseline rightwards (a
    /// right-to-left piece comes out in visual order, as the editor drew it).
    pub fn shape(&self, font: usize, text: &str, size: f32, origin: egui::Pos2) -> Vec<Placed> {
        let Some((shaped, units_per_em)) = self.shaped(font, text, None) else { return Vec::new() };
        let scale = size / units_per_em;
        let mut x = origin.x;
        let mut placed = Vec::with_capacity(shaped.len());
        for (info, position) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            placed.push(Placed {
                glyph: info.glyph_id,
                x: x + position.x_offset as f32 * scale,
                y: origin.y - position.y_offset as f32 * scale,
            });
            x += position.x_advance as f32 * scale;
        }
        placed
    }

    /// `text` shaped in `font`, in visual order (right to left when `rtl`, else as the text's
    /// script says), each glyph with the text of its cluster. Linear in the text however long
    /// its clusters are (a letter under a hundred thousand marks is one cluster).
    pub fn shape_clusters(&self, font: usize, text: &str, rtl: Option<bool>) -> Vec<Shaped> {
        let Some((shaped, em)) = self.shaped(font, text, rtl) else { return Vec::new() };
        let infos = shaped.glyph_infos();
        // Each cluster runs to the next cluster's start in the text.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let end_of = |start: usize| match starts.binary_search(&start) {
            Ok(i) => starts.get(i + 1).copied().unwrap_or(text.len()),
            Err(_) => text.len(),
        };
        infos
            .iter()
            .zip(shaped.glyph_positions())
            .map(|(info, position)| {
                let start = (info.cluster as usize).min(text.len());
                Shaped {
                    glyph: info.glyph_id,
                    text: start..end_of(start).max(start),
                    x_advance: position.x_advance as f32 / em,
                    x_offset: position.x_offset as f32 / em,
                    y_offset: position.y_offset as f32 / em,
                }
            })
            .collect()
    }

    /// The scale from `font`'s units to points at `size`.
    pub fn scale(&self, font: usize, size: f32) -> f32 {
        self.faces.get(font).map_or(0.0, |face| size / face.units_per_em)
    }

    /// A glyph's outline as SVG path data in font units, y up; `None` for a blank glyph.
    pub fn outline(&self, font: usize, glyph: u32) -> Option<String> {
        let mut pen = PathData(String::new());
        (self.draw(font, glyph, &mut pen) && !pen.0.is_empty()).then_some(pen.0)
    }

    /// Draws a glyph's outline, in font units (y up), into `pen`; false for a blank glyph.
    pub fn draw(&self, font: usize, glyph: u32, pen: &mut impl OutlinePen) -> bool {
        let Some(data) = self.data(font) else { return false };
        let Ok(font_ref) = skrifa::FontRef::new(data) else { return false };
        let Some(outline) = font_ref.outline_glyphs().get(skrifa::GlyphId::new(glyph)) else { return false };
        outline.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), pen).is_ok()
    }

    /// A colour glyph's picture, from the font's largest bitmap strike.
    pub fn bitmap(&self, font: usize, glyph: u32) -> Option<Bitmap<'_>> {
        let face = self.faces.get(font)?;
        let font_ref = skrifa::FontRef::new((*face.blob).as_ref()).ok()?;
        let strikes = skrifa::bitmap::BitmapStrikes::new(&font_ref);
        let found = strikes.glyph_for_size(Size::unscaled(), skrifa::GlyphId::new(glyph))?;
        let skrifa::bitmap::BitmapData::Png(png) = found.data else { return None };
        // Pixels of the strike to font units.
        let unit = face.units_per_em / found.ppem_y.max(1.0);
        let left = found.bearing_x + found.inner_bearing_x * unit;
        let top = match found.placement_origin {
            skrifa::bitmap::Origin::TopLeft => -(found.bearing_y + found.inner_bearing_y * unit),
            skrifa::bitmap::Origin::BottomLeft => {
                -(found.bearing_y + found.inner_bearing_y * unit) - found.height as f32 * unit
            }
        };
        Some(Bitmap { png, left, top, width: found.width as f32 * unit, height: found.height as f32 * unit })
    }
}

/// SVG path data, numbers rounded to whole font units (a thousandth of an em or finer).
struct PathData(String);

impl PathData {
    fn point(&mut self, x: f32, y: f32) {
        use std::fmt::Write as _;
        let _ = write!(self.0, "{} {}", x.round(), y.round());
    }
}

impl OutlinePen for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push('M');
        self.point(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push('L');
        self.point(x, y);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.push('Q');
        self.point(cx0, cy0);
        self.0.push(' ');
        self.point(x, y);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.push('C');
        self.point(cx0, cy0);
        self.0.push(' ');
        self.point(cx1, cy1);
        self.0.push(' ');
        self.point(x, y);
    }

    fn close(&mut self) {
        self.0.push('Z');
    }
}

fn has_glyph(font: &[u8], c: char) -> bool {
    skrifa::FontRef::new(font).is_ok_and(|font| font.charmap().map(c).is_some_and(|g| g.to_u32() != 0))
}

/// Characters that belong to the one before them: combining marks, joiners, variation selectors.
fn is_joining(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{0300}'..='\u{036f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Span {
        Span {
            text: text.to_owned(),
            xs: (0..text.chars().count()).map(|i| i as f32 * 10.0).collect(),
            size: 14.0,
            colour: egui::Color32::BLACK,
            at: egui::pos2(0.0, 20.0),
        }
    }

    #[test]
    fn a_run_is_cut_where_its_font_changes_and_each_piece_starts_where_it_was_drawn() {
        let mut fonts = Fonts::load();
        let pieces = fonts.pieces(&span("Pay ชำระเงิน 😀"));
        let texts: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Pay ", "ชำระเงิน ", "😀"]);
        assert!((pieces[1].x - 40.0).abs() < 1e-3);
        assert!(fonts.is_bitmap(pieces[2].font) && !fonts.is_bitmap(pieces[0].font));
    }

    #[test]
    fn arabic_is_shaped_into_joined_forms_and_emoji_have_pictures() {
        let mut fonts = Fonts::load();
        let arabic = fonts.for_char('ب').unwrap();
        // Alone, and at the start of a word: different glyphs once shaped.
        let alone = fonts.shape(arabic, "ب", 14.0, egui::Pos2::ZERO);
        let joined = fonts.shape(arabic, "بب", 14.0, egui::Pos2::ZERO);
        assert_eq!(alone.len(), 1);
        assert_eq!(joined.len(), 2);
        assert_ne!(alone[0].glyph, joined[0].glyph);
        assert_ne!(joined[0].glyph, joined[1].glyph);
        assert!(fonts.outline(arabic, joined[0].glyph).is_some_and(|d| d.starts_with('M')));

        let emoji = fonts.for_char('😀').unwrap();
        let face = fonts.shape(emoji, "😀", 14.0, egui::Pos2::ZERO);
        let picture = fonts.bitmap(emoji, face[0].glyph).unwrap();
        assert!(picture.png.starts_with(b"\x89PNG"));
        // Roughly one em wide, standing on the baseline.
        assert!(picture.width > 0.8 * 2048.0 && picture.width < 1.3 * 2048.0, "{}", picture.width);
        assert!(picture.top < 0.0);
    }
}
