//! The map file: canonical bytes, clear errors, migrations, and a loader that survives any input.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::path::Path;

use proptest::prelude::*;
use touchline::file::{self, LoadError};
use touchline::model::Anchor;
use touchline::templates;

#[test]
fn every_shipped_map_is_canonical_and_round_trips_byte_for_byte() {
    for t in templates::ALL {
        let path = Path::new("maps").join(format!("{}.ron", t.name));
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(on_disk, t.text, "{} is the file that is embedded", path.display());
        let map = file::load(&path).unwrap();
        assert_eq!(file::to_string(&map).unwrap(), on_disk, "{} is canonical", path.display());
    }
}

#[test]
fn thai_and_arabic_marks_are_written_as_text_not_escapes() {
    let map = touchline::model::Map {
        title: "ลูกค้าติดต่อศูนย์บริการ".to_owned(),
        scenario: "تُعد خدمة الهاتف \\u{41} \"quoted\"\u{200f}\tend".to_owned(),
        ..touchline::model::Map::default()
    };
    let text = file::to_string(&map).unwrap();
    assert!(text.contains("ลูกค้าติดต่อศูนย์บริการ"), "Thai vowels and tone marks as written:\n{text}");
    assert!(text.contains("تُعد خدمة الهاتف"), "Arabic vowel signs as written:\n{text}");
    // What a user typed stays what they typed; invisible marks and controls stay escaped.
    assert!(text.contains(r#"\\u{41} \"quoted\"\u{200f}\tend"#), "{text}");
    let back = file::parse("marks.ron", &text).unwrap();
    assert_eq!(back.title, map.title);
    assert_eq!(back.scenario, map.scenario);
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let text = "(\n    format_version: 2,\n    map: (\n        title: \"x\",\n        stages: [(id: \"s1\" name: \"A\")],\n";
    let err = file::parse("broken.ron", text).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("broken.ron:5:"), "{message}");
    assert!(matches!(err, LoadError::Syntax { line: 5, .. }));
}

#[test]
fn semantic_errors_name_the_item() {
    let text = r#"(format_version: 2, map: (title: "x",
        stages: [(id: "s1", name: "A")],
        lanes: [(id: "l1", kind: Actions, title: "A")],
        cards: [(id: "c12", lane: "l9", stage: "s1", title: "t")]))"#;
    let err = file::parse("shop.ron", text).unwrap_err();
    assert_eq!(err.to_string(), r#"shop.ron: card "c12": lane "l9" does not exist"#);
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let text = "(format_version: 99, map: (title: \"from the future\", hologram: true))";
    let message = file::parse("new.ron", text).unwrap_err().to_string();
    assert!(message.contains("version 99"), "{message}");
    assert!(message.contains(&format!("up to {}", file::FORMAT_VERSION)), "{message}");
}

#[test]
fn version_1_files_are_migrated() {
    let map = file::load(Path::new("tests/fixtures/v1-shop.ron")).unwrap();
    assert_eq!(map.curves.len(), 1);
    assert_eq!(map.points.len(), 2);
    assert_eq!(map.points[0].at, Anchor::Stage("s1".into()));
    assert_eq!(map.points[0].label, "Curious");
    assert!((map.points[1].value + 1.0).abs() < f32::EPSILON);
    // Saved again, it is a current-version file.
    let text = file::to_string(&map).unwrap();
    assert!(text.contains(&format!("format_version: {}", file::FORMAT_VERSION)));
    assert_eq!(file::parse("again.ron", &text).unwrap(), map);
}

#[test]
fn unknown_fields_are_errors_not_silently_dropped() {
    let text = r#"(format_version: 2, map: (title: "x", colour_scheme: "neon"))"#;
    let message = file::parse("m.ron", text).unwrap_err().to_string();
    assert!(message.contains("colour_scheme"), "{message}");
}

#[test]
fn oversized_and_binary_files_are_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(file::MAX_FILE_BYTES + 1).unwrap();
    let message = file::load(&big).unwrap_err().to_string();
    assert!(message.contains("larger than"), "{message}");

    let binary = dir.path().join("binary.ron");
    std::fs::write(&binary, b"(format_version: 2, map: (title: \"\xff\xfe\"))").unwrap();
    let message = file::load(&binary).unwrap_err().to_string();
    assert!(message.contains("binary.ron:1:") && message.contains("not UTF-8"), "{message}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!("(format_version: 2, map: (title: \"x\", stages: {}))", "[".repeat(10_000));
    let message = file::parse("deep.ron", &text).unwrap_err().to_string();
    assert!(message.starts_with("deep.ron:1:"), "{message}");
    assert!(message.contains("nest too deeply") && !message.contains("ron::Options"), "{message}");
    let text = "(".repeat(100_000);
    assert!(file::parse("deep.ron", &text).is_err());
}

#[test]
fn a_byte_order_mark_is_read_past() {
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap();
    let with_mark = format!("\u{feff}{text}");
    assert_eq!(file::parse("bom.ron", &with_mark).unwrap(), file::parse("plain.ron", &text).unwrap());
}

#[test]
fn saving_is_atomic_and_keeps_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.ron");
    let map = templates::load("ecommerce").unwrap();
    file::save(&map, &path).unwrap();
    file::save(&map, &path).unwrap();
    assert_eq!(file::load(&path).unwrap(), map);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// Changes a few bytes of a valid file: flips, deletions, insertions of RON punctuation.
fn mutate(text: &str, edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, kind, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        let punct = b"()[]{}:,\"'\\-.0123456789eE+_#rS\n ";
        match kind % 4 {
            0 => bytes[at] = byte,
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, punct[byte as usize % punct.len()]),
            _ => bytes.truncate(at),
        }
    }
    bytes
}

/// The fuzz tests' settings: `cases` cases from a fixed seed in CI (the same inputs every run);
/// `PROPTEST_CASES=N` and `PROPTEST_RNG_SEED=S` run longer or other ones, e.g.
/// `PROPTEST_CASES=200000 cargo test --release --test file_format never_panics`.
fn fuzz_config(cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = cases;
    }
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = proptest::test_runner::RngSeed::Fixed(20_261_204);
    }
    config
}

/// A map's cards as a spreadsheet and as a Mermaid journey: what the import fuzzing mutates.
fn data_texts() -> Vec<(String, touchline::data::DataFormat)> {
    use touchline::data::DataFormat;
    let mut texts = Vec::new();
    for template in templates::ALL {
        let map = template.map().unwrap();
        texts.push((touchline::data::csv::write(&map, b',').unwrap(), DataFormat::Csv));
        texts.push((touchline::data::csv::write(&map, b'\t').unwrap(), DataFormat::Tsv));
        texts.push((touchline::data::mermaid::write(&map), DataFormat::Mermaid));
    }
    texts
}

proptest! {
    #![proptest_config(fuzz_config(1500))]

    /// CSV, TSV and Mermaid imports of mutated files: a map that passes `check`, or errors that
    /// each name a line; never a panic.
    #[test]
    fn the_importers_never_panic_on_mutated_files(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let texts = data_texts();
        let (text, format) = &texts[which.index(texts.len())];
        let bytes = mutate(text, &edits);
        let text = String::from_utf8_lossy(&bytes);
        match touchline::data::import(&text, *format, "Fuzz", &[]) {
            Ok(imported) => prop_assert_eq!(imported.map.validate(), vec![]),
            Err(e) => prop_assert!(!e.problems.is_empty()),
        }
    }

    /// Arbitrary text as any import format: never a panic.
    #[test]
    fn the_importers_never_panic_on_arbitrary_text(text in ".{0,400}", format in 0..3_u8) {
        use touchline::data::DataFormat;
        let format = [DataFormat::Csv, DataFormat::Tsv, DataFormat::Mermaid][usize::from(format)];
        let journey = format!("journey\n{text}");
        for input in [text.as_str(), journey.as_str()] {
            if let Ok(imported) = touchline::data::import(input, format, "Fuzz", &[]) {
                prop_assert_eq!(imported.map.validate(), vec![]);
            }
        }
    }
}

proptest! {
    #![proptest_config(fuzz_config(3000))]

    #[test]
    fn the_loader_never_panics_on_mutated_maps(
        template in 0..templates::ALL.len(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        let bytes = mutate(templates::ALL[template].text, &edits);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            // Either a valid map or an error naming the source; never a panic.
            match file::parse("fuzz.ron", text) {
                Ok(map) => prop_assert!(map.validate().is_empty()),
                Err(e) => prop_assert!(e.to_string().starts_with("fuzz.ron")),
            }
        }
    }
}
