//! A team's folder of 500 maps of 200 cards each: what users feel opening a folder, typing a
//! search, sorting the roll-up and linting in CI.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::hint::black_box;
use std::path::Path;
use std::sync::OnceLock;

use touchline::portfolio::{Folder, lint, rollup, search};

fn main() {
    divan::main();
}

/// Written once for every benchmark here.
fn journeys() -> &'static Path {
    static FOLDER: OnceLock<tempfile::TempDir> = OnceLock::new();
    FOLDER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            touchline::generate::folder(dir.path(), 500, 200, 1).expect("folder written");
            dir
        })
        .path()
}

/// From the folder's path to every map read: what stands between `touchline DIR` and the list.
#[divan::bench(sample_count = 10)]
fn open_folder_of_500_maps() {
    let folder = Folder::open(black_box(journeys()));
    assert_eq!(folder.entries.len(), 501);
}

/// The search index: every searched field lowered once, when the folder opens.
#[divan::bench(sample_count = 5)]
fn search_index_of_500_maps(bencher: divan::Bencher) {
    let folder = Folder::open(journeys());
    bencher.bench(|| search::Index::new(black_box(&folder)));
}

/// One keystroke in the search box: the query grows by a letter and every map is searched.
#[divan::bench(args = ["p", "pay", "payment fails", "nothing like this"])]
fn search_keystroke_over_500_maps(bencher: divan::Bencher, query: &str) {
    let folder = Folder::open(journeys());
    let index = search::Index::new(&folder);
    bencher.bench(|| index.search(black_box(query)));
}

/// The roll-up of every pain point and opportunity, sorted by votes.
#[divan::bench(sample_count = 20)]
fn rollup_of_500_maps(bencher: divan::Bencher) {
    let folder = Folder::open(journeys());
    bencher.bench(|| {
        let mut rows = rollup::rows(black_box(&folder), &rollup::Filter::default());
        rollup::sort(&mut rows, rollup::SortBy::Votes, true);
        rows
    });
}

/// Sorting the roll-up again by another column, as a click on its heading does.
#[divan::bench(sample_count = 20)]
fn rollup_resort_by_owner(bencher: divan::Bencher) {
    let folder = Folder::open(journeys());
    let mut rows = rollup::rows(&folder, &rollup::Filter::default());
    bencher.bench_local(|| rollup::sort(black_box(&mut rows), rollup::SortBy::Owner, false));
}

/// Every rule over the folder's maps, once they are read.
#[divan::bench(sample_count = 10)]
fn lint_rules_over_500_maps(bencher: divan::Bencher) {
    let folder = Folder::open(journeys());
    let options = lint::Options { review: true, stale_days: None, now: 0 };
    bencher.bench(|| lint::findings(black_box(&folder.entries), options));
}
