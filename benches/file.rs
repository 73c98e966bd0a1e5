//! Load and save of a generated 1,000-card map: what users feel when opening and saving.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::hint::black_box;

use touchline::generate::{Size, map};

fn main() {
    divan::main();
}

fn big_map_text() -> String {
    touchline::file::to_string(&map(Size::default())).expect("serializes")
}

#[divan::bench]
fn load_and_validate_1000_cards(bencher: divan::Bencher) {
    let text = big_map_text();
    bencher.bench(|| touchline::file::parse("big.ron", black_box(&text)).expect("valid"));
}

#[divan::bench]
fn save_1000_cards(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let map = map(Size::default());
    bencher.bench(|| touchline::file::save(black_box(&map), &path).expect("saved"));
}

#[divan::bench]
fn serialize_1000_cards(bencher: divan::Bencher) {
    let map = map(Size::default());
    bencher.bench(|| touchline::file::to_string(black_box(&map)).expect("serializes"));
}
