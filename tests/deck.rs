//! Slide decks: the package is whole and holds the slides a designer expects, with the map's
//! words as text; LibreOffice Impress opens it and its slides look like the PNG exports.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

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
            if part.ends_with(".xml") || part.ends_with(".rels") {
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
