//! Slides: a map as a PowerPoint deck that PowerPoint, Keynote, Google Slides and LibreOffice
//! Impress open. A title slide (title, scenario, personas with their avatars), the whole map, one
//! slide per stage in presentation mode's large type, the blueprint when the map has blueprint
//! lanes, and the vote's results when asked for.
//!
//! Each slide is drawn from the same painting as the SVG and PDF exports, translated into native
//! shapes: cards, headers and lanes are rounded rectangles in one group per item, the curve a
//! freeform, every row of text a text box with editable text in the editor's fonts (named, not
//! embedded: Noto Sans, Noto Sans Arabic and Noto Sans Thai, which an office suite replaces with
//! its own sans-serif where they are missing), right-to-left rows marked right to left. Pictures
//! are embedded once, however often they appear.
//!
//! What it writes follows ECMA-376 (Office Open XML), 5th edition: Part 2 (Open Packaging
//! Conventions: `[Content_Types].xml`, relationship parts, core properties) and Part 1's
//! PresentationML (§19: presentation, slide master, slide layout, slides) and DrawingML (§20:
//! theme, shapes with preset and custom geometry, pictures, group shapes, text bodies). Only
//! the parts a deck needs are written; no crate wrote freeform, group and right-to-left text
//! with few enough dependencies.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::sync::Arc;

use egui::epaint::{
    CircleShape, ColorMode, CubicBezierShape, EllipseShape, Mesh, PathShape, PathStroke, RectShape, TextShape,
};
use egui::{Color32, ColorImage, Pos2, Rect, Stroke, Vec2, pos2};

use super::svg::Escaped;
use super::vector::{self, Painting, text_rows};
use super::{ExportError, ExportOptions};
use crate::layout::View;
use crate::model::Map;
use crate::render::Group;
use crate::theme::Theme;

/// English Metric Units: 914,400 to the inch, 12,700 to the point.
const EMU_PER_POINT: f64 = 12_700.0;
/// A 16:9 slide (13.33 × 7.5 inches) and a 4:3 one (10 × 7.5 inches).
const WIDE: [i64; 2] = [12_192_000, 6_858_000];
const STANDARD: [i64; 2] = [9_144_000, 6_858_000];
/// Space around a map on its slide.
const MARGIN: i64 = 228_600;
/// `fit` for a 4:3 deck (16:9 otherwise).
pub const STANDARD_RATIO: [u32; 2] = [4, 3];
/// Where a row's baseline sits below the top of its text box, in ems: Noto Sans's ascent, which
/// office suites place the first line by.
const ASCENT: f32 = 1.069;
/// The margin of the title and results slides, in points.
const SIDE: f32 = 48.0;
/// The most voted cards a results slide ranks.
const RESULTS: usize = 12;

const NAMESPACES: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// How many slides the deck of `map` has.
pub fn slide_count(map: &Map, options: &ExportOptions) -> usize {
    let (first, last) = options.stages.unwrap_or((1, map.stages.len()));
    let stages = (first..=last.min(map.stages.len())).count();
    2 + stages + usize::from(has_blueprint(map) && !options.view.is_blueprint()) + usize::from(options.votes)
}

fn has_blueprint(map: &Map) -> bool {
    map.lanes
        .iter()
        .any(|l| l.kind.blueprint_band().is_some() && l.kind != crate::model::LaneKind::CustomerActions)
}

/// The deck of `map` as a `.pptx` file: `options` give the theme, the stages, the view of the
/// whole-map slide, whether to add the results of the vote, and the ratio (`fit`
/// [`STANDARD_RATIO`] for 4:3).
pub fn write(
    map: &Map,
    options: &ExportOptions,
    pictures: &crate::pictures::Set,
) -> Result<Vec<u8>, ExportError> {
    let size = if options.fit == Some(STANDARD_RATIO) { STANDARD } else { WIDE };
    let mut deck =
        Deck { size, media: Media::default(), slides: Vec::new(), fonts: super::glyphs::Fonts::load() };
    let theme = Theme::new(options.theme);
    let base = ExportOptions { scale: 1.0, fit: None, transparent: false, ..options.clone() };

    deck.title_slide(map, &theme, pictures);
    let whole = super::paint_vector(map, &base, None, pictures)?;
    deck.painting_slide(&whole, &t_or(&map.title, "Journey"));
    let (first, last) = options.stages.unwrap_or((1, map.stages.len()));
    for number in first..=last.min(map.stages.len()) {
        let stage = ExportOptions {
            stages: Some((number, number)),
            large_type: true,
            view: View::Journey,
            ..base.clone()
        };
        let painting = super::paint_vector(map, &stage, None, pictures)?;
        let name = map.stages.get(number - 1).map_or(String::new(), |s| s.name.clone());
        deck.painting_slide(&painting, &name);
    }
    if has_blueprint(map) && !options.view.is_blueprint() {
        let blueprint = ExportOptions { view: View::Blueprint { other_lanes: false }, ..base.clone() };
        deck.painting_slide(&super::paint_vector(map, &blueprint, None, pictures)?, "Blueprint");
    }
    if options.votes {
        deck.results_slide(map, &theme);
    }
    deck.package(map).map_err(|e| ExportError::Render(format!("cannot write the deck: {e}")))
}

fn t_or(text: &str, otherwise: &str) -> String {
    if text.trim().is_empty() { otherwise.to_owned() } else { text.to_owned() }
}

/// The pictures a deck embeds, each once: PNG or JPEG bytes, by the pixels they came from.
#[derive(Default)]
struct Media {
    files: Vec<(Vec<u8>, &'static str)>,
    by_pixels: HashMap<usize, Option<usize>>,
    /// Colour emoji, by font and glyph.
    by_glyph: HashMap<(usize, u32), usize>,
}

impl Media {
    /// The index of a colour glyph's picture.
    fn add_glyph(&mut self, font: usize, glyph: u32, png: &[u8]) -> usize {
        let files = &mut self.files;
        *self.by_glyph.entry((font, glyph)).or_insert_with(|| {
            files.push((png.to_vec(), "png"));
            files.len() - 1
        })
    }

    /// The index of `image`'s file, encoded the first time it is asked for.
    fn add(&mut self, image: &Arc<ColorImage>) -> Option<usize> {
        let key = Arc::as_ptr(image) as usize;
        let files = &mut self.files;
        *self.by_pixels.entry(key).or_insert_with(|| {
            let encoded = vector::encode_picture(image)?;
            files.push((encoded.bytes, if encoded.jpeg { "jpeg" } else { "png" }));
            Some(files.len() - 1)
        })
    }
}

struct Slide {
    /// The shapes of the slide's shape tree.
    shapes: String,
    background: Color32,
    /// The media files the slide shows, in the order of its relationships `rId2`, `rId3`, ...
    media: Vec<usize>,
    /// What the slide is about, for its name in the outline.
    name: String,
}

struct Deck {
    size: [i64; 2],
    media: Media,
    slides: Vec<Slide>,
    fonts: super::glyphs::Fonts,
}

impl Deck {
    /// A slide holding a painting, scaled to fit within the margins and centred.
    fn painting_slide(&mut self, painting: &Painting, name: &str) {
        let room = [self.size[0] - 2 * MARGIN, self.size[1] - 2 * MARGIN];
        let scale =
            (room[0] as f64 / f64::from(painting.size.x)).min(room[1] as f64 / f64::from(painting.size.y));
        let offset = [
            (self.size[0] as f64 - f64::from(painting.size.x) * scale) / 2.0,
            (self.size[1] as f64 - f64::from(painting.size.y) * scale) / 2.0,
        ];
        let mut shapes = Shapes::new(scale, offset, &mut self.media, &mut self.fonts, &painting.images);
        vector::walk(painting, &mut shapes);
        let (xml, media) = shapes.finish();
        self.slides.push(Slide {
            shapes: xml,
            background: painting.background.unwrap_or(Color32::WHITE),
            media,
            name: name.to_owned(),
        });
    }

    /// A slide of shapes placed in points, between margins of 48 points: `draw` gets the
    /// shapes, the line from margin to margin, and the slide's width.
    fn native_slide(
        &mut self,
        background: Color32,
        name: &str,
        draw: impl FnOnce(&mut Shapes<'_>, Rect, f32),
    ) {
        let images = HashMap::new();
        let mut shapes = Shapes::new(EMU_PER_POINT, [0.0, 0.0], &mut self.media, &mut self.fonts, &images);
        let width = self.size[0] as f32 / EMU_PER_POINT as f32;
        let line = Rect::from_min_max(pos2(SIDE, 0.0), pos2(width - SIDE, 0.0));
        draw(&mut shapes, line, width);
        let (xml, media) = shapes.finish();
        self.slides.push(Slide { shapes: xml, background, media, name: name.to_owned() });
    }

    /// The title slide: the map's title and scenario, and its personas with their avatars.
    fn title_slide(&mut self, map: &Map, theme: &Theme, pictures: &crate::pictures::Set) {
        let rtl = map.direction.is_rtl();
        self.native_slide(theme.body, &map.title, |shapes, line, width| {
            shapes.text_box(line, 96.0, &t_or(&map.title, "Untitled journey"), 36.0, theme.text, rtl);
            let mut y = 150.0;
            for row in wrap_words(&map.scenario, 80) {
                shapes.text_box(line, y, &row, 18.0, theme.muted_text, rtl);
                y += 26.0;
            }
            y = y.max(200.0) + 24.0;
            let column = ((width - 2.0 * SIDE) / map.personas.len().clamp(1, 4) as f32).min(280.0);
            for (i, persona) in map.personas.iter().take(4).enumerate() {
                let left =
                    if rtl { width - SIDE - column * (i + 1) as f32 } else { SIDE + column * i as f32 };
                let avatar = Rect::from_min_size(pos2(left, y), Vec2::splat(64.0));
                let picture = persona
                    .image
                    .as_deref()
                    .and_then(|name| pictures.pictures.get(name)?.as_ref().ok()?.levels.first().cloned());
                match picture {
                    Some(image) => {
                        shapes.picture_at(
                            avatar,
                            Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)),
                            &image,
                            true,
                        );
                    }
                    None => {
                        shapes.preset(avatar, "ellipse", Some(theme.accent), None, "Avatar");
                        let initial: String = persona.name.chars().take(1).collect();
                        let centre = Rect::from_center_size(avatar.center(), Vec2::new(64.0, 0.0));
                        let baseline = avatar.center().y + 9.0;
                        shapes.text_box_aligned(
                            centre,
                            baseline,
                            &initial,
                            26.0,
                            Color32::WHITE,
                            Align::Centre,
                        );
                    }
                }
                let text = Rect::from_min_max(pos2(left, 0.0), pos2(left + column - 12.0, 0.0));
                shapes.text_box(text, y + 96.0, &persona.name, 18.0, theme.text, rtl);
                for (k, row) in wrap_words(&persona.description, 30).iter().take(4).enumerate() {
                    shapes.text_box(text, y + 122.0 + 20.0 * k as f32, row, 13.0, theme.muted_text, rtl);
                }
            }
        });
    }

    /// The results of the dot vote: the most voted cards, ranked, with a bar each.
    fn results_slide(&mut self, map: &Map, theme: &Theme) {
        let rtl = map.direction.is_rtl();
        self.native_slide(theme.body, "Results", |shapes, line, width| {
            shapes.text_box(line, 80.0, "Results of the vote", 30.0, theme.text, false);
            let mut ranked: Vec<_> = map.cards.iter().filter(|c| c.votes > 0).collect();
            ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then_with(|| a.title.cmp(&b.title)));
            let most = ranked.first().map_or(1, |c| c.votes).max(1);
            if ranked.is_empty() {
                shapes.text_box(line, 140.0, "No card has votes yet.", 18.0, theme.muted_text, false);
            }
            for (i, card) in ranked.iter().take(RESULTS).enumerate() {
                let y = 130.0 + 30.0 * i as f32;
                let bar = 160.0 * card.votes as f32 / most as f32;
                let bar_rect = Rect::from_min_size(pos2(SIDE, y - 14.0), Vec2::new(bar.max(4.0), 18.0));
                shapes.preset(bar_rect, "rect", Some(theme.accent), None, "Votes");
                let count = Rect::from_min_max(pos2(SIDE + 168.0, 0.0), pos2(SIDE + 230.0, 0.0));
                shapes.text_box(count, y, &card.votes.to_string(), 16.0, theme.text, false);
                let stage = map.stages.iter().find(|s| s.id == card.stage).map_or("", |s| s.name.as_str());
                let title = Rect::from_min_max(pos2(SIDE + 240.0, 0.0), pos2(width - SIDE, 0.0));
                let words =
                    if stage.is_empty() { card.title.clone() } else { format!("{} · {stage}", card.title) };
                shapes.text_box(title, y, &words, 16.0, theme.text, rtl);
            }
        });
    }

    /// The package: every part, zipped.
    fn package(&self, map: &Map) -> Result<Vec<u8>, zip::result::ZipError> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let stored =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut part = |name: &str, text: &str| -> Result<(), zip::result::ZipError> {
            zip.start_file(name, deflated)?;
            zip.write_all(text.as_bytes())?;
            Ok(())
        };
        part("[Content_Types].xml", &self.content_types())?;
        part(
            "_rels/.rels",
            &relationships(&[
                ("officeDocument", "ppt/presentation.xml"),
                (
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
                ("extended-properties", "docProps/app.xml"),
            ]),
        )?;
        part("docProps/core.xml", &core_properties(map))?;
        part(
            "docProps/app.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Touchline</Application><Slides>{}</Slides></Properties>"#,
                self.slides.len()
            ),
        )?;
        part("ppt/presentation.xml", &self.presentation())?;
        let mut links = vec![("slideMaster".to_owned(), "slideMasters/slideMaster1.xml".to_owned())];
        links.extend((1..=self.slides.len()).map(|i| ("slide".to_owned(), format!("slides/slide{i}.xml"))));
        links.push(("theme".into(), "theme/theme1.xml".into()));
        links.push(("presProps".into(), "presProps.xml".into()));
        let links: Vec<(&str, &str)> = links.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        part("ppt/_rels/presentation.xml.rels", &relationships(&links))?;
        part(
            "ppt/presProps.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentationPr {NAMESPACES}/>"#
            ),
        )?;
        part("ppt/theme/theme1.xml", THEME)?;
        part("ppt/slideMasters/slideMaster1.xml", &slide_master())?;
        part(
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            &relationships(&[
                ("slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("theme", "../theme/theme1.xml"),
            ]),
        )?;
        part("ppt/slideLayouts/slideLayout1.xml", &slide_layout())?;
        part(
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            &relationships(&[("slideMaster", "../slideMasters/slideMaster1.xml")]),
        )?;
        for (i, slide) in self.slides.iter().enumerate() {
            part(&format!("ppt/slides/slide{}.xml", i + 1), &slide_xml(slide))?;
            let mut links = vec![("slideLayout".to_owned(), "../slideLayouts/slideLayout1.xml".to_owned())];
            for &file in &slide.media {
                let extension = self.media.files.get(file).map_or("png", |f| f.1);
                links.push(("image".into(), format!("../media/image{}.{extension}", file + 1)));
            }
            let links: Vec<(&str, &str)> = links.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            part(&format!("ppt/slides/_rels/slide{}.xml.rels", i + 1), &relationships(&links))?;
        }
        for (i, (bytes, extension)) in self.media.files.iter().enumerate() {
            // Pictures are compressed already.
            zip.start_file(format!("ppt/media/image{}.{extension}", i + 1), stored)?;
            zip.write_all(bytes)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    fn content_types(&self) -> String {
        let main = "application/vnd.openxmlformats-officedocument.presentationml";
        let mut out = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>"#,
        );
        let mut over = |name: &str, kind: &str| {
            let _ = write!(out, r#"<Override PartName="/{name}" ContentType="{kind}"/>"#);
        };
        over("ppt/presentation.xml", &format!("{main}.presentation.main+xml"));
        over("ppt/presProps.xml", &format!("{main}.presProps+xml"));
        over("ppt/slideMasters/slideMaster1.xml", &format!("{main}.slideMaster+xml"));
        over("ppt/slideLayouts/slideLayout1.xml", &format!("{main}.slideLayout+xml"));
        over("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
        over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        for i in 1..=self.slides.len() {
            over(&format!("ppt/slides/slide{i}.xml"), &format!("{main}.slide+xml"));
        }
        out.push_str("</Types>");
        out
    }

    fn presentation(&self) -> String {
        let mut slides = String::new();
        for i in 0..self.slides.len() {
            let _ = write!(slides, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + i, i + 2);
        }
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:presentation {NAMESPACES}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{slides}</p:sldIdLst><p:sldSz cx="{}" cy="{}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
            self.size[0], self.size[1]
        )
    }
}

/// A relationships part: `(type, target)` pairs as `rId1`, `rId2`, ... A short type is one of
/// the Office document relationship types.
fn relationships(links: &[(&str, &str)]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (kind, target)) in links.iter().enumerate() {
        let kind = if kind.contains('/') { (*kind).to_owned() } else { format!("{RELATIONSHIPS}/{kind}") };
        let _ = write!(out, r#"<Relationship Id="rId{}" Type="{kind}" Target="{target}"/>"#, i + 1);
    }
    out.push_str("</Relationships>");
    out
}

fn core_properties(map: &Map) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:description>{}</dc:description><dc:creator>{}</dc:creator></cp:coreProperties>"#,
        Escaped(&map.title),
        Escaped(&map.scenario),
        Escaped(&map.author)
    )
}

/// The empty group every shape tree starts with.
const TREE_START: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

fn slide_master() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sldMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>"#
    )
}

fn slide_layout() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sldLayout {NAMESPACES} type="blank" preserve="1"><p:cSld name="Blank"><p:spTree>{TREE_START}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
    )
}

fn slide_xml(slide: &Slide) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<p:sld {NAMESPACES}><p:cSld name="{}"><p:bg><p:bgPr>{}<a:effectLst/></p:bgPr></p:bg><p:spTree>{TREE_START}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#,
        Escaped(&slide.name.chars().take(60).collect::<String>()),
        SolidFill(slide.background),
        slide.shapes
    )
}

/// The theme: the editor's fonts (Noto Sans for Latin text, Noto Sans Arabic and Thai for those
/// scripts) and a plain colour scheme; slides give every colour explicitly.
const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Touchline"><a:themeElements><a:clrScheme name="Touchline"><a:dk1><a:srgbClr val="1F2328"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="3B4452"/></a:dk2><a:lt2><a:srgbClr val="F4F5F7"/></a:lt2><a:accent1><a:srgbClr val="4F7FE0"/></a:accent1><a:accent2><a:srgbClr val="14A3A3"/></a:accent2><a:accent3><a:srgbClr val="E5A823"/></a:accent3><a:accent4><a:srgbClr val="D74545"/></a:accent4><a:accent5><a:srgbClr val="2EB55F"/></a:accent5><a:accent6><a:srgbClr val="8A5CD6"/></a:accent6><a:hlink><a:srgbClr val="4F7FE0"/></a:hlink><a:folHlink><a:srgbClr val="8A5CD6"/></a:folHlink></a:clrScheme><a:fontScheme name="Touchline"><a:majorFont><a:latin typeface="Noto Sans"/><a:ea typeface=""/><a:cs typeface="Noto Sans Arabic"/><a:font script="Arab" typeface="Noto Sans Arabic"/><a:font script="Thai" typeface="Noto Sans Thai"/></a:majorFont><a:minorFont><a:latin typeface="Noto Sans"/><a:ea typeface=""/><a:cs typeface="Noto Sans Arabic"/><a:font script="Arab" typeface="Noto Sans Arabic"/><a:font script="Thai" typeface="Noto Sans Thai"/></a:minorFont></a:fontScheme><a:fmtScheme name="Touchline"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Centre,
}

/// The shapes of one slide, from painting units to EMU.
struct Shapes<'a> {
    scale: f64,
    offset: [f64; 2],
    media: &'a mut Media,
    /// The editor's fonts, to draw colour emoji as their pictures (office suites draw them in
    /// black and white, or not at all).
    fonts: &'a mut super::glyphs::Fonts,
    images: &'a HashMap<egui::TextureId, Arc<ColorImage>>,
    /// The slide's media files (its relationships from `rId2` on).
    used: Vec<usize>,
    /// Open groups: their shapes so far and the area they cover; the slide's own at the bottom.
    open: Vec<(String, Option<Rect>, String)>,
    next_id: u32,
}

impl<'a> Shapes<'a> {
    fn new(
        scale: f64,
        offset: [f64; 2],
        media: &'a mut Media,
        fonts: &'a mut super::glyphs::Fonts,
        images: &'a HashMap<egui::TextureId, Arc<ColorImage>>,
    ) -> Self {
        let open = vec![(String::new(), None, String::new())];
        Self { scale, offset, media, fonts, images, used: Vec::new(), open, next_id: 2 }
    }

    fn finish(mut self) -> (String, Vec<usize>) {
        while self.open.len() > 1 {
            self.close_group();
        }
        let xml = self.open.pop().map(|(xml, ..)| xml).unwrap_or_default();
        (xml, self.used)
    }

    fn x(&self, x: f32) -> i64 {
        (self.offset[0] + f64::from(x) * self.scale).round() as i64
    }

    fn y(&self, y: f32) -> i64 {
        (self.offset[1] + f64::from(y) * self.scale).round() as i64
    }

    fn length(&self, v: f32) -> i64 {
        (f64::from(v) * self.scale).round().max(0.0) as i64
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Adds a shape's markup covering `area` to the innermost open group.
    fn push(&mut self, area: Rect, xml: &str) {
        if let Some((out, bounds, _)) = self.open.last_mut() {
            out.push_str(xml);
            *bounds = Some(bounds.map_or(area, |b| b.union(area)));
        }
    }

    fn close_group(&mut self) {
        let Some((inner, bounds, name)) = self.open.pop() else { return };
        let Some(bounds) = bounds else { return };
        let id = self.id();
        let frame = self.frame(bounds);
        let [x, y, w, h] = frame;
        let xml = format!(
            r#"<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/><a:chOff x="{x}" y="{y}"/><a:chExt cx="{w}" cy="{h}"/></a:xfrm></p:grpSpPr>{inner}</p:grpSp>"#,
            Escaped(&name)
        );
        self.push(bounds, &xml);
    }

    /// A rectangle's position and size in EMU, at least one unit a side.
    fn frame(&self, rect: Rect) -> [i64; 4] {
        let (x, y) = (self.x(rect.min.x), self.y(rect.min.y));
        [x, y, (self.x(rect.max.x) - x).max(1), (self.y(rect.max.y) - y).max(1)]
    }

    fn xfrm(&self, rect: Rect) -> String {
        let [x, y, w, h] = self.frame(rect);
        format!(r#"<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>"#)
    }

    fn outline(&self, width: f32, colour: Color32, dashed: bool) -> String {
        if width <= 0.0 || colour.a() == 0 {
            return "<a:ln><a:noFill/></a:ln>".into();
        }
        let dash = if dashed { r#"<a:prstDash val="dash"/>"# } else { "" };
        format!(
            r#"<a:ln w="{}" cap="rnd">{}{dash}<a:round/></a:ln>"#,
            self.length(width).max(1),
            SolidFill(colour)
        )
    }

    /// A shape of preset geometry (`rect`, `roundRect` with its adjustment, `ellipse`).
    fn preset(
        &mut self,
        rect: Rect,
        geometry: &str,
        fill: Option<Color32>,
        line: Option<Stroke>,
        name: &str,
    ) {
        self.preset_adjusted(rect, geometry, None, fill, line, name);
    }

    fn preset_adjusted(
        &mut self,
        rect: Rect,
        geometry: &str,
        adjust: Option<i64>,
        fill: Option<Color32>,
        line: Option<Stroke>,
        name: &str,
    ) {
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        let id = self.id();
        let fill =
            fill.filter(|c| c.a() > 0).map_or_else(|| "<a:noFill/>".to_owned(), |c| SolidFill(c).to_string());
        let line = line.map_or_else(
            || self.outline(0.0, Color32::TRANSPARENT, false),
            |s| self.outline(s.width, s.color, false),
        );
        let adjust = adjust.map_or_else(String::new, |v| format!(r#"<a:gd name="adj" fmla="val {v}"/>"#));
        let xml = format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name} {id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="{geometry}"><a:avLst>{adjust}</a:avLst></a:prstGeom>{fill}{line}</p:spPr></p:sp>"#,
            self.xfrm(rect)
        );
        self.push(rect, &xml);
    }

    /// A freeform: `segments` build the path in EMU relative to the shape's frame, closed at the
    /// end when `closed`; filled with `fill` if given.
    fn freeform(&mut self, points: &[Pos2], segments: &str, closed: bool, fill: Option<Color32>, line: &str) {
        let bounds = Rect::from_points(points);
        let [x, y, w, h] = self.frame(bounds);
        let id = self.id();
        let fill_xml =
            fill.filter(|c| c.a() > 0).map_or_else(|| "<a:noFill/>".to_owned(), |c| SolidFill(c).to_string());
        let path_fill = if fill_xml == "<a:noFill/>" { r#" fill="none""# } else { "" };
        let close = if closed { "<a:close/>" } else { "" };
        let xml = format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Freeform {id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="{w}" h="{h}"{path_fill}>{segments}{close}</a:path></a:pathLst></a:custGeom>{fill_xml}{line}</p:spPr></p:sp>"#
        );
        self.push(bounds, &xml);
    }

    /// A point of a freeform whose frame starts at `origin`.
    fn pt(&self, p: Pos2, origin: Pos2) -> String {
        format!(r#"<a:pt x="{}" y="{}"/>"#, self.x(p.x) - self.x(origin.x), self.y(p.y) - self.y(origin.y))
    }

    fn polyline(&mut self, points: &[Pos2], closed: bool, fill: Option<Color32>, line: &str) {
        if points.len() < 2 {
            return;
        }
        let origin = Rect::from_points(points).min;
        let mut d = format!("<a:moveTo>{}</a:moveTo>", self.pt(points[0], origin));
        for p in &points[1..] {
            let _ = write!(d, "<a:lnTo>{}</a:lnTo>", self.pt(*p, origin));
        }
        self.freeform(points, &d, closed, fill.filter(|_| closed), line);
    }

    /// A path's line: solid, or a colour running top to bottom as a gradient.
    fn path_line(&self, stroke: &PathStroke, points: &[Pos2]) -> String {
        match &stroke.color {
            ColorMode::Solid(colour) => self.outline(stroke.width, *colour, false),
            ColorMode::UV(colour_at) => {
                let (_, stops) = vector::vertical_stops(colour_at.as_ref(), points);
                let mut gradient = String::new();
                for (offset, colour) in stops {
                    let _ = write!(
                        gradient,
                        r#"<a:gs pos="{}">{}</a:gs>"#,
                        (offset * 100_000.0).round() as i64,
                        Colour(colour)
                    );
                }
                format!(
                    r#"<a:ln w="{}" cap="rnd"><a:gradFill rotWithShape="1"><a:gsLst>{gradient}</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill><a:round/></a:ln>"#,
                    self.length(stroke.width).max(1)
                )
            }
        }
    }

    /// A picture filling `rect`, cropped to the `uv` part of the image, round when asked.
    fn picture_at(&mut self, rect: Rect, uv: Rect, image: &Arc<ColorImage>, round: bool) {
        let Some(file) = self.media.add(image) else { return };
        self.media_at(rect, uv, file, round);
    }

    fn media_at(&mut self, rect: Rect, uv: Rect, file: usize, round: bool) {
        let index = match self.used.iter().position(|&f| f == file) {
            Some(i) => i,
            None => {
                self.used.push(file);
                self.used.len() - 1
            }
        };
        let id = self.id();
        let crop = |v: f32| (f64::from(v) * 100_000.0).round() as i64;
        let geometry = if round { "ellipse" } else { "rect" };
        let xml = format!(
            r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Picture {id}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId{}"/><a:srcRect l="{}" t="{}" r="{}" b="{}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>{}<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
            index + 2,
            crop(uv.min.x),
            crop(uv.min.y),
            crop(1.0 - uv.max.x),
            crop(1.0 - uv.max.y),
            self.xfrm(rect)
        );
        self.push(rect, &xml);
    }

    /// One row of text in a box from `line.left` to `line.right`, its baseline at `baseline`.
    fn text_box(&mut self, line: Rect, baseline: f32, text: &str, size: f32, colour: Color32, rtl: bool) {
        let align = if rtl { Align::Right } else { Align::Left };
        self.text_box_aligned(line, baseline, text, size, colour, align);
    }

    fn text_box_aligned(
        &mut self,
        line: Rect,
        baseline: f32,
        text: &str,
        size: f32,
        colour: Color32,
        align: Align,
    ) {
        let runs = [(text.to_owned(), size, colour)];
        let rtl = crate::text::direction(text).is_rtl();
        self.row_box(line.min.x, line.max.x, baseline, &runs, align, rtl);
    }

    /// A text box holding one row of runs, placed so its baseline falls on `baseline`.
    fn row_box(
        &mut self,
        left: f32,
        right: f32,
        baseline: f32,
        runs: &[(String, f32, Color32)],
        align: Align,
        rtl: bool,
    ) {
        let Some(size) = runs.iter().map(|r| r.1).reduce(f32::max) else { return };
        if runs.iter().all(|r| r.0.trim().is_empty()) {
            return;
        }
        let top = baseline - ASCENT * size;
        let rect = Rect::from_min_max(pos2(left, top), pos2(right.max(left + 1.0), top + 1.4 * size));
        let id = self.id();
        let algn = match align {
            Align::Left => "l",
            Align::Right => "r",
            Align::Centre => "ctr",
        };
        let direction = if rtl { r#" rtl="1""# } else { "" };
        let mut body = String::new();
        for (text, size, colour) in runs {
            let points = f64::from(*size) * self.scale / EMU_PER_POINT;
            let hundredths = (points * 100.0).round().clamp(100.0, 400_000.0) as i64;
            let complex = if text.chars().any(|c| ('\u{0e00}'..='\u{0e7f}').contains(&c)) {
                "Noto Sans Thai"
            } else {
                "Noto Sans Arabic"
            };
            let _ = write!(
                body,
                r#"<a:r><a:rPr lang="en-US" sz="{hundredths}" dirty="0">{}<a:latin typeface="Noto Sans"/><a:cs typeface="{complex}"/></a:rPr><a:t>{}</a:t></a:r>"#,
                SolidFill(*colour),
                Escaped(text)
            );
        }
        let xml = format!(
            r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="Text {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{algn}"{direction}><a:lnSpc><a:spcPct val="100000"/></a:lnSpc></a:pPr>{body}</a:p></p:txBody></p:sp>"#,
            self.xfrm(rect)
        );
        self.push(rect, &xml);
    }

    /// Whether `text` has a character only a font no office suite has draws: a colour emoji,
    /// or a symbol from egui's own fonts.
    fn needs_own_glyphs(&mut self, text: &str) -> bool {
        text.chars()
            .any(|c| !c.is_ascii() && self.fonts.for_char(c).is_some_and(|f| f >= crate::fonts::TEXT_FONTS))
    }

    /// A piece in a symbol font, each glyph a freeform of its outline.
    fn outlined(&mut self, piece: &super::glyphs::Piece, span: &vector::Span) {
        let scale = self.fonts.scale(piece.font, span.size);
        for placed in self.fonts.shape(piece.font, &piece.text, span.size, pos2(piece.x, span.at.y)) {
            let place = |x: f32, y: f32| pos2(placed.x + x * scale, placed.y - y * scale);
            let mut bounds = Bounds(None, place);
            if !self.fonts.draw(piece.font, placed.glyph, &mut bounds) {
                continue;
            }
            let Some(area) = bounds.0 else { continue };
            let mut pen = Freeform { shapes: self, origin: area.min, place, d: String::new() };
            self.fonts.draw(piece.font, placed.glyph, &mut pen);
            let d = pen.d;
            let none = self.outline(0.0, Color32::TRANSPARENT, false);
            // Each contour closes itself.
            self.freeform(&[area.min, area.max], &d, false, Some(span.colour), &none);
        }
    }

    /// A run holding colour emoji or symbols: each font's piece where the editor drew it, text as
    /// text, each emoji as its picture and each symbol as a freeform.
    fn span_with_own_glyphs(&mut self, span: &vector::Span) {
        for piece in self.fonts.pieces(span) {
            if piece.font >= crate::fonts::TEXT_FONTS && !self.fonts.is_bitmap(piece.font) {
                self.outlined(&piece, span);
                continue;
            }
            if !self.fonts.is_bitmap(piece.font) {
                let rtl = crate::text::direction(&piece.text).is_rtl();
                let right = piece.x + span.size * (piece.text.chars().count() as f32 + 1.0);
                let runs = [(piece.text.clone(), span.size, span.colour)];
                self.row_box(piece.x, right, span.at.y, &runs, Align::Left, rtl);
                continue;
            }
            let scale = self.fonts.scale(piece.font, span.size);
            for placed in self.fonts.shape(piece.font, &piece.text, span.size, pos2(piece.x, span.at.y)) {
                let Some(picture) = self.fonts.bitmap(piece.font, placed.glyph) else { continue };
                let rect = Rect::from_min_size(
                    pos2(placed.x + picture.left * scale, placed.y + picture.top * scale),
                    Vec2::new(picture.width * scale, picture.height * scale),
                );
                let file = self.media.add_glyph(piece.font, placed.glyph, picture.png);
                self.media_at(rect, Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)), file, false);
            }
        }
    }
}

impl vector::Sink for Shapes<'_> {
    fn begin_group(&mut self, group: &Group) {
        let name = match group {
            Group::Card(id) => format!("Card {}", id.as_str()),
            Group::Stage(id) => format!("Stage {}", id.as_str()),
            Group::Lane(id) => format!("Lane {}", id.as_str()),
            Group::Curve(id) => format!("Curve {}", id.as_str()),
            other => format!("{other:?}"),
        };
        self.open.push((String::new(), None, name));
    }

    fn end_group(&mut self) {
        if self.open.len() > 1 {
            self.close_group();
        }
    }

    // Slides have no clipping; what the editor clips (long words) is elided already.
    fn push_clip(&mut self, _rect: Rect) {}

    fn pop_clip(&mut self) {}

    fn rect(&mut self, shape: &RectShape) {
        if let Some(brush) = &shape.brush {
            if let Some(image) = self.images.get(&brush.fill_texture_id).cloned() {
                let [radius, ..] = vector::corner_radii(shape.rect, shape.corner_radius, 0.0);
                let round = radius * 2.0 >= shape.rect.width().min(shape.rect.height()) - 0.5;
                self.picture_at(shape.rect, brush.uv, &image, round);
            }
            return;
        }
        let [radius, ..] = vector::corner_radii(shape.rect, shape.corner_radius, 0.0);
        let short = shape.rect.width().min(shape.rect.height()).max(1e-3);
        let (geometry, adjust) = if radius > 0.0 {
            ("roundRect", Some((f64::from(radius / short) * 100_000.0).round() as i64))
        } else {
            ("rect", None)
        };
        let line = (shape.stroke.width > 0.0).then_some(shape.stroke);
        let rect = match shape.stroke_kind {
            egui::StrokeKind::Inside => shape.rect.shrink(shape.stroke.width / 2.0),
            egui::StrokeKind::Middle => shape.rect,
            egui::StrokeKind::Outside => shape.rect.expand(shape.stroke.width / 2.0),
        };
        let rect = if line.is_some() { rect } else { shape.rect };
        self.preset_adjusted(rect, geometry, adjust, Some(shape.fill), line, "Rectangle");
    }

    fn circle(&mut self, shape: &CircleShape) {
        let rect = Rect::from_center_size(shape.center, Vec2::splat(shape.radius * 2.0));
        let line = (shape.stroke.width > 0.0).then_some(shape.stroke);
        self.preset(rect, "ellipse", Some(shape.fill), line, "Circle");
    }

    fn ellipse(&mut self, shape: &EllipseShape) {
        let rect = Rect::from_center_size(shape.center, shape.radius * 2.0);
        let line = (shape.stroke.width > 0.0).then_some(shape.stroke);
        self.preset(rect, "ellipse", Some(shape.fill), line, "Ellipse");
    }

    fn line(&mut self, points: [Pos2; 2], stroke: Stroke) {
        let line = self.outline(stroke.width, stroke.color, false);
        self.polyline(&points, false, None, &line);
    }

    fn dashed_line(&mut self, from: Pos2, to: Pos2, stroke: Stroke, _dash: f32, _gap: f32) {
        let line = self.outline(stroke.width, stroke.color, true);
        self.polyline(&[from, to], false, None, &line);
    }

    fn path(&mut self, shape: &PathShape) {
        // A line whose colour follows its height (the sentiment curve) is drawn in short pieces,
        // each in its own colour: office suites draw gradient lines in one colour or not at all.
        if let ColorMode::UV(colour_at) = &shape.stroke.color
            && !shape.closed
            && shape.points.len() > 2
        {
            let bounds = Rect::from_points(&shape.points);
            for pair in shape.points.windows(2).collect::<Vec<_>>().chunks(3) {
                let mut points: Vec<Pos2> = pair.iter().map(|w| w[0]).collect();
                points.extend(pair.last().map(|w| w[1]));
                let middle = points[points.len() / 2];
                let line = self.outline(shape.stroke.width, colour_at(bounds, middle), false);
                self.polyline(&points, false, None, &line);
            }
            return;
        }
        let line = self.path_line(&shape.stroke, &shape.points);
        self.polyline(&shape.points, shape.closed, Some(shape.fill), &line);
    }

    fn cubic(&mut self, shape: &CubicBezierShape) {
        let [start, first, second, end] = shape.points;
        let line = self.path_line(&shape.stroke, &shape.points);
        let origin = Rect::from_points(&shape.points).min;
        let d = format!(
            "<a:moveTo>{}</a:moveTo><a:cubicBezTo>{}{}{}</a:cubicBezTo>",
            self.pt(start, origin),
            self.pt(first, origin),
            self.pt(second, origin),
            self.pt(end, origin)
        );
        let fill = shape.closed.then_some(shape.fill);
        self.freeform(&shape.points, &d, shape.closed, fill, &line);
    }

    fn text(&mut self, shape: &TextShape) {
        for row in text_rows(shape) {
            let own_glyphs = row.spans.iter().any(|span| self.needs_own_glyphs(&span.text));
            if let Some(logical) = row.logical.as_ref().filter(|_| !own_glyphs) {
                let span = &row.spans[0];
                let runs = [(logical.text.clone(), span.size, span.colour)];
                let rtl = logical.direction.is_rtl();
                let align = if rtl { Align::Right } else { Align::Left };
                self.row_box(logical.left, logical.right, logical.baseline, &runs, align, rtl);
                continue;
            }
            for span in &row.spans {
                if own_glyphs {
                    self.span_with_own_glyphs(span);
                    continue;
                }
                let right = span.xs.last().map_or(span.at.x, |x| x + span.size) + span.size;
                let runs = [(span.text.clone(), span.size, span.colour)];
                self.row_box(span.at.x, right, span.at.y, &runs, Align::Left, false);
            }
        }
    }

    fn mesh(&mut self, mesh: &Mesh) {
        if mesh.texture_id != egui::TextureId::default() {
            return;
        }
        for t in mesh.indices.chunks_exact(3) {
            let vertex = |i: u32| mesh.vertices.get(i as usize);
            let (Some(a), Some(b), Some(c)) = (vertex(t[0]), vertex(t[1]), vertex(t[2])) else { continue };
            let none = self.outline(0.0, Color32::TRANSPARENT, false);
            self.polyline(&[a.pos, b.pos, c.pos], true, Some(a.color), &none);
        }
    }
}

/// The area a glyph's outline covers, on the slide.
struct Bounds<F>(Option<Rect>, F);

impl<F: Fn(f32, f32) -> Pos2> Bounds<F> {
    fn add(&mut self, x: f32, y: f32) {
        let p = (self.1)(x, y);
        self.0 = Some(self.0.map_or(Rect::from_min_max(p, p), |r| r.union(Rect::from_min_max(p, p))));
    }
}

impl<F: Fn(f32, f32) -> Pos2> skrifa::outline::OutlinePen for Bounds<F> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.add(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.add(x, y);
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        self.add(cx, cy);
        self.add(x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.add(cx0, cy0);
        self.add(cx1, cy1);
        self.add(x, y);
    }
    fn close(&mut self) {}
}

/// A glyph's outline as a freeform's path, relative to `origin`.
struct Freeform<'s, 'a, F> {
    shapes: &'s Shapes<'a>,
    origin: Pos2,
    place: F,
    d: String,
}

impl<F: Fn(f32, f32) -> Pos2> Freeform<'_, '_, F> {
    fn pt(&self, x: f32, y: f32) -> String {
        self.shapes.pt((self.place)(x, y), self.origin)
    }
}

impl<F: Fn(f32, f32) -> Pos2> skrifa::outline::OutlinePen for Freeform<'_, '_, F> {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.pt(x, y);
        let _ = write!(self.d, "<a:moveTo>{p}</a:moveTo>");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.pt(x, y);
        let _ = write!(self.d, "<a:lnTo>{p}</a:lnTo>");
    }
    fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
        let (c, p) = (self.pt(cx, cy), self.pt(x, y));
        let _ = write!(self.d, "<a:quadBezTo>{c}{p}</a:quadBezTo>");
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let (c0, c1, p) = (self.pt(cx0, cy0), self.pt(cx1, cy1), self.pt(x, y));
        let _ = write!(self.d, "<a:cubicBezTo>{c0}{c1}{p}</a:cubicBezTo>");
    }
    fn close(&mut self) {
        self.d.push_str("<a:close/>");
    }
}

/// Words broken into rows of at most about `width` characters.
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows = Vec::new();
    for paragraph in text.lines() {
        let mut row = String::new();
        for word in paragraph.split_whitespace() {
            if !row.is_empty() && row.chars().count() + 1 + word.chars().count() > width {
                rows.push(std::mem::take(&mut row));
            }
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }
    rows
}

/// An sRGB colour with its opacity (egui's colours are premultiplied; DrawingML's are not).
struct Colour(Color32);

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [red, green, blue, opacity] = self.0.to_srgba_unmultiplied();
        let hex = format!("{red:02X}{green:02X}{blue:02X}");
        if opacity == 255 {
            write!(f, r#"<a:srgbClr val="{hex}"/>"#)
        } else {
            let alpha = u32::from(opacity) * 100_000 / 255;
            write!(f, r#"<a:srgbClr val="{hex}"><a:alpha val="{alpha}"/></a:srgbClr>"#)
        }
    }
}

struct SolidFill(Color32);

impl fmt::Display for SolidFill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<a:solidFill>{}</a:solidFill>", Colour(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_unmultiplied_with_their_opacity() {
        assert_eq!(Colour(Color32::from_rgb(255, 0, 16)).to_string(), r#"<a:srgbClr val="FF0010"/>"#);
        let half = Color32::from_rgba_unmultiplied(200, 100, 0, 128);
        assert!(Colour(half).to_string().contains(r#"<a:alpha val="50196"/>"#), "{}", Colour(half));
    }

    #[test]
    fn rows_wrap_between_words() {
        assert_eq!(wrap_words("one two three four", 9), ["one two", "three", "four"]);
        assert!(wrap_words("  ", 9).is_empty());
    }
}
