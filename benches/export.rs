//! Exporting the generated 1,000-card map, end to end: PNG at 3840×2160 (layout, painting,
//! tessellation, drawing the meshes on the CPU, encoding), SVG (text as glyph outlines) and PDF
//! (layout, painting, writing the vectors), and slide decks.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use touchline::export::{ExportOptions, Format, Job, write_file};
use touchline::generate::{Size, map};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn export_1000_cards_at_3840x2160(bencher: divan::Bencher) {
    let map = map(Size::default());
    let options = ExportOptions { fit: Some([3840, 2160]), ..ExportOptions::default() };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.png");
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        let rendered = Job::new(&map, &options, &none).render().expect("renders");
        write_file(&rendered.bytes, &path).expect("writes");
    });
}

#[divan::bench(sample_count = 10)]
fn export_1000_cards_svg(bencher: divan::Bencher) {
    let map = map(Size::default());
    let options = ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.svg");
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        let rendered = Job::new(&map, &options, &none).render().expect("renders");
        write_file(&rendered.bytes, &path).expect("writes");
    });
}

#[divan::bench(sample_count = 5)]
fn export_1000_cards_pdf(bencher: divan::Bencher) {
    let map = map(Size::default());
    let options = ExportOptions { format: Format::Pdf, scale: 1.0, ..ExportOptions::default() };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.pdf");
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        let rendered = Job::new(&map, &options, &none).render().expect("renders");
        write_file(&rendered.bytes, &path).expect("writes");
    });
}

/// A deck of the 8-stage B2B template: title, map, eight stage slides (budget: ≤ 500 ms).
#[divan::bench(sample_count = 10)]
fn deck_of_the_8_stage_b2b_map(bencher: divan::Bencher) {
    let map = touchline::templates::load("b2b-phone-system").expect("template");
    let options = ExportOptions { format: Format::Slides, scale: 1.0, ..ExportOptions::default() };
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        Job::new(&map, &options, &none).render().expect("renders")
    });
}

/// A deck of the 1,000-card map: 24 stage slides of about 40 cards and the whole map (budget:
/// ≤ 2 s).
#[divan::bench(sample_count = 5)]
fn deck_of_1000_cards(bencher: divan::Bencher) {
    let map = map(Size::default());
    let options = ExportOptions { format: Format::Slides, scale: 1.0, ..ExportOptions::default() };
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        Job::new(&map, &options, &none).render().expect("renders")
    });
}

/// A hostile map: the e-commerce template with an 800 KB Arabic title and a card of 800 KB of
/// combining marks, exported as SVG (budget: as any map, under a second).
#[divan::bench(sample_count = 5)]
fn export_svg_800_kb_arabic_title_and_combining_marks(bencher: divan::Bencher) {
    let mut map = touchline::templates::load("ecommerce").expect("template");
    map.title = "قراءة التقييمات على موقع ".repeat(800_000 / 46);
    map.cards[0].title = "a\u{301}\u{302}\u{303}".repeat(800_000 / 7);
    let options = ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() };
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        Job::new(&map, &options, &none).render().expect("renders")
    });
}

/// A map of 100,000 cards is refused before anything is laid out (budget: well under a second).
#[divan::bench(sample_count = 5)]
fn refuse_100000_cards(bencher: divan::Bencher) {
    let map = map(Size { stages: 24, lanes: 12, cards: 100_000, seed: 9 });
    let options = ExportOptions { format: Format::Svg, ..ExportOptions::default() };
    bencher.bench_local(|| {
        let none = touchline::pictures::Set::default();
        Job::new(&map, &options, &none).render().expect_err("refused")
    });
}
