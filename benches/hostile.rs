//! Inputs made to be slow, at 1x, 4x and 16x: what each step costs must grow no faster than the
//! input does. A PDF of text under long runs of combining marks, `check`/`lint` of a map with
//! tens of thousands of findings, and a three-way merge of tens of thousands of cards and points.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use std::hint::black_box;

use touchline::generate::{Size, map};
use touchline::model::Map;

fn main() {
    divan::main();
}

/// A map whose cards' titles are each one letter under 3,999 combining marks (as many cards as
/// it takes for `marks`), and whose title is one letter under all of them.
fn marked(marks: usize) -> Map {
    let mut map = map(Size { stages: 4, lanes: 3, cards: marks.div_ceil(3_999), seed: 3 });
    for card in &mut map.cards {
        card.title = format!("a{}", "\u{0301}".repeat(3_999));
    }
    map.title = format!("a{}", "\u{0301}".repeat(marks));
    map
}

/// `touchline export -o map.pdf` of text under 25,000, 100,000 and 400,000 combining marks.
#[divan::bench(args = [25_000, 100_000, 400_000], sample_count = 3)]
fn pdf_of_combining_marks(bencher: divan::Bencher, marks: usize) {
    use touchline::export::{ExportOptions, Format, Job};
    let map = marked(marks);
    let options = ExportOptions { format: Format::Pdf, scale: 1.0, ..ExportOptions::default() };
    let pictures = touchline::pictures::Set::default();
    bencher.bench(|| Job::new(black_box(&map), &options, &pictures).render().unwrap());
}

/// `touchline lint` of one map with 2,500, 10,000 and 40,000 findings (untitled cards, each on
/// its own line).
#[divan::bench(args = [2_500, 10_000, 40_000], sample_count = 3)]
fn lint_of_many_findings(bencher: divan::Bencher, findings: usize) {
    use touchline::portfolio::{Folder, lint};
    let dir = tempfile::tempdir().unwrap();
    let mut map = map(Size { stages: 8, lanes: 6, cards: findings, seed: 4 });
    for card in &mut map.cards {
        card.title.clear();
    }
    touchline::file::save(&map, &dir.path().join("untitled.ron")).unwrap();
    let folder = Folder::open(dir.path());
    bencher.bench(|| {
        let found =
            lint::findings(black_box(&folder.entries), lint::Options { review: true, ..Default::default() });
        assert!(found.len() >= findings);
        found
    });
}

/// Base, ours and theirs of `items` cards and as many points: ours retitles every 10th card,
/// theirs moves every 10th point and both add cards.
fn sides(items: usize) -> (Map, Map, Map) {
    use touchline::model::{Anchor, Curve, Point};
    let mut base = map(Size { stages: 12, lanes: 8, cards: items, seed: 6 });
    base.points.clear();
    base.curves.clear();
    let curve = Curve::new("Customer", None);
    for (k, card) in base.cards.iter().enumerate() {
        base.points.push(Point::new(curve.id.clone(), Anchor::Card(card.id.clone()), (k % 5) as f32 - 2.0));
    }
    base.curves.push(curve);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for card in ours.cards.iter_mut().step_by(10) {
        card.title.push_str(" (ours)");
    }
    for point in theirs.points.iter_mut().skip(5).step_by(10) {
        point.value = 0.5;
    }
    let extra = map(Size { stages: 12, lanes: 8, cards: items / 100 + 1, seed: 7 });
    for (side, tag) in [(&mut ours, "o"), (&mut theirs, "t")] {
        for card in &extra.cards {
            let mut card = card.clone();
            card.id = touchline::model::CardId(format!("{tag}-{}", card.id.as_str()));
            card.stage.clone_from(&side.stages[0].id);
            card.lane.clone_from(&side.lanes[0].id);
            side.cards.push(card);
        }
        side.normalize();
    }
    (base, ours, theirs)
}

/// `touchline merge` of 6,250, 25,000 and 100,000 cards with as many points (budget: 1 s at
/// 100,000 items).
#[divan::bench(args = [6_250, 25_000, 100_000], sample_count = 3)]
fn merge_of_many_items(bencher: divan::Bencher, items: usize) {
    let (base, ours, theirs) = sides(items / 2);
    bencher.bench(|| touchline::diff::merge::merge(black_box(&base), black_box(&ours), black_box(&theirs)));
}
