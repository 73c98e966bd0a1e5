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

/// Two versions of the big map as two people edit it: every 20th card retitled on one side,
/// every 20th from the tenth moved on the other, and one card removed on each.
fn two_sides() -> (touchline::model::Map, touchline::model::Map, touchline::model::Map) {
    let base = map(Size::default());
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for card in ours.cards.iter_mut().step_by(20) {
        card.title.push_str(" (ours)");
    }
    let lanes: Vec<_> = base.lanes.iter().map(|l| l.id.clone()).collect();
    for (k, card) in theirs.cards.iter_mut().skip(10).step_by(20).enumerate() {
        card.lane = lanes[k % lanes.len()].clone();
    }
    ours.cards.remove(5);
    theirs.cards.remove(500);
    theirs.normalize();
    (base, ours, theirs)
}

#[divan::bench]
fn diff_1000_cards(bencher: divan::Bencher) {
    let (base, ours, _) = two_sides();
    bencher.bench(|| touchline::diff::diff(black_box(&base), black_box(&ours)));
}

#[divan::bench]
fn merge_1000_cards(bencher: divan::Bencher) {
    let (base, ours, theirs) = two_sides();
    bencher.bench(|| touchline::diff::merge::merge(black_box(&base), black_box(&ours), black_box(&theirs)));
}

/// The 1,000-card map with 100 curves, each with a point at every card: 100,000 points. Ours
/// moves every 50th point, theirs every 50th from the 25th, and theirs adds a curve of 1,000
/// points.
fn hundred_thousand_points() -> (touchline::model::Map, touchline::model::Map, touchline::model::Map) {
    use touchline::model::{Anchor, Curve, Point};
    let mut base = map(Size::default());
    base.points.clear();
    base.curves.clear();
    let add_curve = |m: &mut touchline::model::Map, name: String| {
        let curve = Curve::new(name, None);
        for (k, card) in m.cards.iter().enumerate() {
            m.points.push(Point::new(curve.id.clone(), Anchor::Card(card.id.clone()), (k % 5) as f32 - 2.0));
        }
        m.curves.push(curve);
    };
    for c in 0..100 {
        add_curve(&mut base, format!("Segment {c}"));
    }
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for point in ours.points.iter_mut().step_by(50) {
        point.value = -point.value;
    }
    for point in theirs.points.iter_mut().skip(25).step_by(50) {
        point.value = 0.5;
    }
    add_curve(&mut theirs, "Newcomers".to_owned());
    theirs.normalize();
    (base, ours, theirs)
}

/// `touchline merge` where the sentiment curves are most of the map (budget: 1 s).
#[divan::bench(sample_count = 5)]
fn merge_100000_points(bencher: divan::Bencher) {
    let (base, ours, theirs) = hundred_thousand_points();
    bencher.bench(|| touchline::diff::merge::merge(black_box(&base), black_box(&ours), black_box(&theirs)));
}

/// `touchline export -o journey.mmd` of 100,000 cards and points (budget: 1 s).
#[divan::bench(sample_count = 5)]
fn mermaid_export_100000_cards_and_points(bencher: divan::Bencher) {
    let (mut base, _, _) = hundred_thousand_points();
    let more = map(Size { stages: 24, lanes: 12, cards: 100_000, seed: 5 });
    base.stages = more.stages;
    base.lanes = more.lanes;
    for lane in &mut base.lanes {
        lane.kind = touchline::model::LaneKind::Actions;
    }
    base.cards = more.cards;
    let cards: Vec<_> = base.cards.iter().map(|c| c.id.clone()).collect();
    for (k, point) in base.points.iter_mut().enumerate() {
        point.at = touchline::model::Anchor::Card(cards[k % cards.len()].clone());
    }
    bencher.bench(|| touchline::data::mermaid::write(black_box(&base)));
}

/// `touchline import` of a 1,000-row touchpoint inventory: parsing, matching columns, building
/// and validating the map.
#[divan::bench]
fn import_1000_row_csv(bencher: divan::Bencher) {
    let text = touchline::data::csv::write(&map(Size::default()), b',').expect("writes");
    bencher.bench_local(|| {
        touchline::data::import(&text, touchline::data::DataFormat::Csv, "Inventory", &[]).expect("imports")
    });
}

/// `touchline import` of a 1,000-task Mermaid journey with two actors.
#[divan::bench]
fn import_1000_task_mermaid(bencher: divan::Bencher) {
    use std::fmt::Write as _;
    let mut text = String::from("journey\n  title Big\n");
    for stage in 0..20 {
        let _ = writeln!(text, "  section Stage {stage}");
        for task in 0..50 {
            let _ = writeln!(text, "    Task {stage}-{task}: {}: Ana, Ben", task % 5 + 1);
        }
    }
    bencher.bench_local(|| {
        touchline::data::import(&text, touchline::data::DataFormat::Mermaid, "Big", &[]).expect("imports")
    });
}
