//! Slide decks: the package is whole and holds the slides a designer expects, with the map's
//! words as text; LibreOffice Impress opens it and its slides look like the PNG exports.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

#[path = "common/readback.rs"]
mod readback;

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output};

fn export(map: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export", map, "-o"];
    let out = out.to_str().unwrap();
    args.push(out);
    args.extend_from_slice(extra);
    Command::new(env!("CARGO_BIN_EXE_touchline")).args(&args).output().unwrap()
}

fn ok(output: &Output) {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// Every part of a package, by name.
fn parts(file: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        let name = entry.name().unwrap().into_owned();
        parts.insert(name, bytes);
    }
    parts
}

/// The words of a slide, each text box's text in order.
fn words(xml: &[u8]) -> String {
    let text = std::str::from_utf8(xml).unwrap();
    let doc = roxmltree::Document::parse(text).unwrap();
    doc.descendants().filter(|n| n.has_tag_name("t")).filter_map(|n| n.text()).collect::<Vec<_>>().join(" ")
}

fn squeezed(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn a_deck_has_a_title_slide_the_map_a_slide_per_stage_and_the_blueprint_with_every_card_as_text() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ecommerce", "coffee-shop-blueprint", "b2b-phone-system-ar", "customer-care-th"] {
        let map = touchline::templates::load(name).unwrap();
        let file = dir.path().join(format!("{name}.pptx"));
        ok(&export(&format!("maps/{name}.ron"), &file, &[]));
        let parts = parts(&file);
        // Every part parses as XML, and every relationship points at a part that exists.
        for (part, bytes) in &parts {
            if Path::new(part).extension().is_some_and(|e| e == "xml" || e == "rels") {
                roxmltree::Document::parse(std::str::from_utf8(bytes).unwrap())
                    .unwrap_or_else(|e| panic!("{name}: {part}: {e}"));
            }
            if let Some((folder, rels)) = part.rsplit_once("_rels/") {
                let text = std::str::from_utf8(bytes).unwrap();
                let doc = roxmltree::Document::parse(text).unwrap();
                for link in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
                    let target = link.attribute("Target").unwrap();
                    let base = if rels == ".rels" { String::new() } else { folder.to_owned() };
                    let resolved = normalise(&format!("{base}{target}"));
                    assert!(parts.contains_key(&resolved), "{name}: {part} links to missing {resolved}");
                }
            }
        }
        let types = String::from_utf8(parts["[Content_Types].xml"].clone()).unwrap();
        let slides: Vec<&String> = parts.keys().filter(|p| p.starts_with("ppt/slides/slide")).collect();
        let blueprint = map.lanes.iter().any(|l| {
            l.kind.blueprint_band().is_some() && l.kind != touchline::model::LaneKind::CustomerActions
        });
        assert_eq!(slides.len(), 2 + map.stages.len() + usize::from(blueprint), "{name}: slides");
        for slide in &slides {
            assert!(types.contains(&format!("/{slide}")), "{name}: {slide} has a content type");
        }
        let slide = |i: usize| words(&parts[&format!("ppt/slides/slide{i}.xml")]);
        assert!(squeezed(&slide(1)).contains(&squeezed(&map.title)), "{name}: the title slide");
        for persona in &map.personas {
            assert!(slide(1).contains(&persona.name), "{name}: persona {}", persona.name);
        }
        let whole = squeezed(&slide(2));
        for card in &map.cards {
            assert!(whole.contains(&squeezed(&card.title)), "{name}: card {:?} on the map slide", card.title);
            let stage = map.stages.iter().position(|s| s.id == card.stage).unwrap();
            assert!(
                squeezed(&slide(3 + stage)).contains(&squeezed(&card.title)),
                "{name}: card {:?} on its stage's slide",
                card.title
            );
        }
        // Cards are native shapes, one group each; the curve is a freeform.
        let map_slide = String::from_utf8(parts["ppt/slides/slide2.xml"].clone()).unwrap();
        assert_eq!(map_slide.matches(r#"name="Card "#).count(), map.cards.len(), "{name}: a group per card");
        assert!(
            map_slide.contains(r#"name="Curve "#) && map_slide.contains("<a:custGeom>"),
            "{name}: the curve"
        );
        if map.direction.is_rtl() {
            assert!(map_slide.contains(r#"rtl="1""#), "{name}: right-to-left rows marked");
        }
    }
}

#[test]
fn votes_add_a_results_slide_and_4_3_makes_standard_slides() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = touchline::templates::load("ecommerce").unwrap();
    map.cards[3].votes = 5;
    map.cards[7].votes = 2;
    let source = dir.path().join("voted.ron");
    touchline::file::save(&map, &source).unwrap();
    let file = dir.path().join("deck.pptx");
    ok(&export(source.to_str().unwrap(), &file, &["--votes", "--fit", "4:3"]));
    let parts = parts(&file);
    let count = parts.keys().filter(|p| p.starts_with("ppt/slides/slide")).count();
    let last = words(&parts[&format!("ppt/slides/slide{count}.xml")]);
    let (first, second) = (last.find(&map.cards[3].title).unwrap(), last.find(&map.cards[7].title).unwrap());
    assert!(first < second, "ranked by votes: {last}");
    let presentation = String::from_utf8(parts["ppt/presentation.xml"].clone()).unwrap();
    assert!(presentation.contains(r#"<p:sldSz cx="9144000" cy="6858000"/>"#));

    // A ratio is for decks, and a deck takes only a ratio.
    let out = export("maps/ecommerce.ron", &dir.path().join("a.png"), &["--fit", "4:3"]);
    assert_eq!(out.status.code(), Some(2));
    let out = export("maps/ecommerce.ron", &dir.path().join("b.pptx"), &["--fit", "1920x1080"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("b.pptx").exists());
}

/// `a/b/../c` as `a/c`.
fn normalise(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for piece in path.split('/') {
        match piece {
            ".." => {
                out.pop();
            }
            "." | "" => {}
            piece => out.push(piece),
        }
    }
    out.join("/")
}

/// Text as compared with what `pdftotext` reads from LibreOffice's PDF: letters and digits
/// only. Poppler moves punctuation around in right-to-left lines, adds direction marks, and
/// reads combining marks (Thai vowels and tones, Arabic tanween) apart from their letters.
fn extracted(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A word's letters in order of code point: poppler reads a ligature's letters back in the
/// glyph's order (lam–alef as alef–lam), so right-to-left words are compared by their letters.
fn letters(word: &str) -> Vec<char> {
    let mut letters: Vec<char> = extracted(word).chars().collect();
    letters.sort_unstable();
    letters
}

/// A fontconfig that sees the editor's text fonts only, which the deck names.
fn with_editor_fonts(dir: &Path) -> std::path::PathBuf {
    let fonts = dir.join("fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    for name in ["NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansThai-Regular.ttf"] {
        std::fs::copy(Path::new("assets/fonts").join(name), fonts.join(name)).unwrap();
    }
    readback::fontconfig_seeing(&fonts, &fonts)
}

/// Where a painting of `size` sits on a slide of `page` (the deck's margin, scaled to fit and
/// centred), in the page's pixels.
fn placed(size: (u32, u32), page: (u32, u32)) -> (u32, u32, u32, u32) {
    let margin = f64::from(page.0) * 228_600.0 / 12_192_000.0;
    let room = (f64::from(page.0) - 2.0 * margin, f64::from(page.1) - 2.0 * margin);
    let scale = (room.0 / f64::from(size.0)).min(room.1 / f64::from(size.1));
    let (w, h) = (f64::from(size.0) * scale, f64::from(size.1) * scale);
    let (x, y) = ((f64::from(page.0) - w) / 2.0, (f64::from(page.1) - h) / 2.0);
    (x.round() as u32, y.round() as u32, w.round() as u32, h.round() as u32)
}

/// LibreOffice Impress opens the deck: converted to PDF it has every slide, every card title
/// as text, and each stage's slide looks like the PNG export of that stage in large type.
#[test]
fn libreoffice_turns_the_deck_into_slides_that_look_like_the_png_exports() {
    let dir = tempfile::tempdir().unwrap();
    let conf = with_editor_fonts(dir.path());
    let mut failures = Vec::new();
    for name in ["ecommerce", "b2b-phone-system-ar", "customer-care-th"] {
        let map = touchline::templates::load(name).unwrap();
        let deck = dir.path().join(format!("{name}.pptx"));
        ok(&export(&format!("maps/{name}.ron"), &deck, &[]));
        let out = Command::new("soffice")
            .env("FONTCONFIG_FILE", &conf)
            .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir.path())
            .arg(&deck)
            .output()
            .expect("soffice runs (`bash scripts/test` installs libreoffice-impress)");
        let pdf = dir.path().join(format!("{name}.pdf"));
        assert!(pdf.exists(), "{name}: LibreOffice wrote no PDF: {}", String::from_utf8_lossy(&out.stderr));
        let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        let text = String::from_utf8_lossy(&text.stdout).to_string();
        let read_words: std::collections::HashSet<Vec<char>> = text
            .split(|c: char| c.is_whitespace() || ('\u{202a}'..='\u{202e}').contains(&c))
            .map(letters)
            .collect();
        let text = extracted(&text);
        for card in &map.cards {
            // Right to left, word by word (poppler reorders lines that mix directions), each
            // word by its letters.
            let found = if name.ends_with("-th") {
                // Poppler reads LibreOffice's Thai apart: a mark on its own line, a row cut in
                // two. The deck's own text is checked above and its look below.
                true
            } else if map.direction.is_rtl() {
                // Poppler loses a word whose letter carries tanween (its text, not its ink).
                let marked = |word: &&str| word.chars().any(|c| ('\u{064b}'..='\u{065f}').contains(&c));
                card.title
                    .split_whitespace()
                    .filter(|w| !marked(w))
                    .all(|word| read_words.contains(&letters(word)))
            } else {
                text.contains(&extracted(&card.title))
            };
            if !found {
                failures.push(format!("{name}: no {:?} in the PDF's text", card.title));
            }
        }
        let pages = Command::new("pdfinfo").arg(&pdf).output().unwrap();
        let pages = String::from_utf8_lossy(&pages.stdout).to_string();
        let blueprint = map.lanes.iter().any(|l| {
            l.kind.blueprint_band().is_some() && l.kind != touchline::model::LaneKind::CustomerActions
        });
        let count = 2 + map.stages.len() + usize::from(blueprint);
        assert!(
            pages.lines().any(|l| l.split_whitespace().eq(["Pages:", &count.to_string()])),
            "{name}: {pages}"
        );
        for stage in [1, map.stages.len()] {
            let png = dir.path().join(format!("{name}-{stage}.png"));
            let range = format!("{stage}..{stage}");
            ok(&export(
                &format!("maps/{name}.ron"),
                &png,
                &["--stages", &range, "--large-type", "--scale", "1"],
            ));
            let reference = image::open(&png).unwrap().to_rgba8();
            let page = dir.path().join(format!("{name}-page"));
            let number = (2 + stage).to_string();
            let status = Command::new("pdftoppm")
                .args(["-r", "144", "-png", "-singlefile", "-f", &number, "-l", &number])
                .arg(&pdf)
                .arg(&page)
                .status()
                .unwrap();
            assert!(status.success());
            let slide = image::open(page.with_extension("png")).unwrap().to_rgba8();
            let (x, y, w, h) = placed(reference.dimensions(), slide.dimensions());
            let shown = image::imageops::crop_imm(&slide, x, y, w, h).to_image();
            let expected = image::imageops::resize(&reference, w, h, image::imageops::FilterType::Triangle);
            let share = readback::differing_blocks(&shown, &expected, 40);
            eprintln!("{name} stage {stage}: {:.2} % of blocks differ", share * 100.0);
            // Text rasterised by LibreOffice, in its own line placement, differs from the editor's
            // at glyph edges: 0.3–4 % of blocks on these maps. A card missing or moved, or the
            // wrong colours, differ by far more.
            if share > 0.05 {
                failures.push(format!("{name} stage {stage}: {:.2} % of blocks differ", share * 100.0));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
