//! Sentiment curves: where their points sit in the Emotions lane, and the smooth path through
//! them.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Pos2, pos2};

use super::MapLayout;
use crate::model::{Colour, CurveGaps, CurveId, LaneKind, Map, PointId};

/// How far inside the lane the extremes of the scale sit.
const LANE_MARGIN: f32 = 18.0;

/// One curve, placed.
#[derive(Clone, Debug)]
pub struct CurveGeometry {
    pub id: CurveId,
    /// Position of the curve among the map's curves, which picks its default colour.
    pub index: usize,
    pub colour: Option<Colour>,
    pub hidden: bool,
    pub points: Vec<PointGeometry>,
    /// Runs of consecutive points joined by one smooth line.
    pub segments: Vec<Range<usize>>,
}

/// Samples drawn between two points of a curve: enough for a smooth line at any zoom.
pub const SAMPLES_PER_SPAN: usize = 24;

impl CurveGeometry {
    /// The curve's lines as they are drawn, one polyline per run of points, in scene units.
    pub fn lines(&self) -> impl Iterator<Item = Vec<Pos2>> + '_ {
        self.segments.iter().map(|segment| {
            let points: Vec<Pos2> = self.points[segment.clone()].iter().map(|p| p.pos).collect();
            monotone_samples(&points, SAMPLES_PER_SPAN)
        })
    }
}

/// One point, placed.
#[derive(Clone, Debug)]
pub struct PointGeometry {
    pub id: PointId,
    /// Position of the point in `map.points` of the map this layout was made from.
    pub index: usize,
    pub pos: Pos2,
    pub value: f32,
    pub stage: usize,
    /// The badge of a point at a card that matters: its centre and kind.
    pub badge: Option<(Pos2, super::Badge)>,
    /// Where the emoji and the label go (see `labels`).
    pub emoji: Option<egui::Rect>,
    pub label: Option<egui::Rect>,
}

/// The vertical extent values map into, in the first Emotions lane. A collapsed lane still
/// holds the curve, as a thin sparkline.
pub fn value_range(layout: &MapLayout) -> Option<(f32, f32)> {
    let lane = layout.lanes.iter().find(|l| l.kind == LaneKind::Emotions)?;
    let margin = if lane.collapsed { 5.0 } else { LANE_MARGIN };
    Some((lane.row.top() + margin, lane.row.bottom() - margin))
}

/// The scene height of a value.
pub fn y_of(map: &Map, range: (f32, f32), value: f32) -> f32 {
    let t = map.scale.normalized(value);
    range.1 - t * (range.1 - range.0)
}

/// The value at a scene height (the inverse of [`y_of`]).
pub fn value_at(map: &Map, range: (f32, f32), y: f32) -> f32 {
    let t = ((range.1 - y) / (range.1 - range.0).max(1.0)).clamp(0.0, 1.0);
    map.scale.min as f32 + t * (map.scale.max - map.scale.min) as f32
}

pub(super) fn layout_curves(map: &Map, layout: &MapLayout) -> Vec<CurveGeometry> {
    let Some(range) = value_range(layout) else { return Vec::new() };
    let stage_ix: HashMap<_, _> = map.stages.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
    let card_xs = card_xs(map, layout);

    map.curves
        .iter()
        .enumerate()
        .map(|(index, curve)| {
            // Points in journey order (the map keeps them sorted), grouped by stage.
            let mut per_stage: Vec<Vec<usize>> = vec![Vec::new(); map.stages.len()];
            for (index, point) in map.points.iter().enumerate().filter(|(_, p)| p.curve == curve.id) {
                if let Some(&s) = map.anchor_stage(&point.at).and_then(|s| stage_ix.get(s)) {
                    per_stage[s].push(index);
                }
            }
            let mut points = Vec::new();
            for (stage, list) in per_stage.iter().enumerate() {
                let column = layout.stages[stage].column;
                let mut placed: Vec<(f32, usize)> =
                    point_xs(map, &card_xs, list, column).into_iter().zip(list.iter().copied()).collect();
                placed.sort_by(|a, b| a.0.total_cmp(&b.0));
                for (x, index) in placed {
                    let point = &map.points[index];
                    points.push(PointGeometry {
                        id: point.id.clone(),
                        index,
                        pos: pos2(x, y_of(map, range, point.value)),
                        value: point.value,
                        stage,
                        badge: None,
                        emoji: None,
                        label: None,
                    });
                }
            }
            let segments = segments(&points, map.curve_gaps);
            CurveGeometry {
                id: curve.id.clone(),
                index,
                colour: curve.colour,
                hidden: curve.hidden,
                points,
                segments,
            }
        })
        .collect()
}

/// Where a point at each card sits: at the card's centre, so every curve's point at one card
/// lines up with it. Cards with points that share a centre (stacked in one column of a cell, or
/// one above the other in different lanes) share their width instead, each a slot in journey
/// order, so the points of one curve at them never sit on one vertical line.
fn card_xs<'m>(map: &'m Map, layout: &MapLayout) -> HashMap<&'m crate::model::CardId, f32> {
    let anchored: std::collections::HashSet<&crate::model::CardId> = map
        .points
        .iter()
        .filter_map(|p| match &p.at {
            crate::model::Anchor::Card(id) => Some(id),
            crate::model::Anchor::Stage(_) => None,
        })
        .collect();
    // By stage and by centre (to a tenth of a unit), in journey order.
    let mut groups: HashMap<(&crate::model::StageId, i64), Vec<(&crate::model::CardId, egui::Rect)>> =
        HashMap::new();
    for card in map.cards.iter().filter(|c| anchored.contains(&c.id)) {
        if let Some(placed) = layout.card(&card.id) {
            let key = (&card.stage, (placed.rect.center().x * 10.0).round() as i64);
            groups.entry(key).or_default().push((&card.id, placed.rect));
        }
    }
    let mut xs = HashMap::new();
    for cards in groups.values() {
        let n = cards.len() as f32;
        for (rank, (id, rect)) in cards.iter().enumerate() {
            let x = if cards.len() == 1 {
                rect.center().x
            } else {
                rect.left() + rect.width() * (rank as f32 + 0.5) / n
            };
            xs.insert(*id, x);
        }
    }
    xs
}

/// Where the points `list` (of one curve, in one stage) sit across the stage's `column`: at
/// their cards (see [`card_xs`]); points at the stage itself are spread evenly across the
/// column, as are all of them when one is (or when a card is not laid out in this view).
fn point_xs(
    map: &Map,
    card_xs: &HashMap<&crate::model::CardId, f32>,
    list: &[usize],
    column: egui::Rect,
) -> Vec<f32> {
    let at_cards: Option<Vec<f32>> = list
        .iter()
        .map(|&i| match &map.points[i].at {
            crate::model::Anchor::Card(id) => card_xs.get(id).copied(),
            crate::model::Anchor::Stage(_) => None,
        })
        .collect();
    at_cards.unwrap_or_else(|| {
        let n = list.len() as f32;
        (0..list.len()).map(|k| column.left() + column.width() * (k as f32 + 0.5) / n).collect()
    })
}

/// Splits points into runs: one run when gaps are bridged, a new run after every stage without
/// a point when they break.
fn segments(points: &[PointGeometry], gaps: CurveGaps) -> Vec<Range<usize>> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..points.len() {
        if gaps == CurveGaps::Break && points[i].stage > points[i - 1].stage + 1 {
            out.push(start..i);
            start = i;
        }
    }
    out.push(start..points.len());
    out
}

/// Samples a smooth curve through `points` (sorted by x) that never overshoots: between two
/// points it stays within their values (monotone cubic interpolation, Fritsch–Carlson).
pub fn monotone_samples(points: &[Pos2], per_segment: usize) -> Vec<Pos2> {
    // A curve running leftwards (a right-to-left map) is sampled as its mirror image, then
    // turned back.
    if points.len() >= 2 && points[0].x > points[points.len() - 1].x {
        let flipped: Vec<Pos2> = points.iter().map(|p| pos2(-p.x, p.y)).collect();
        return monotone_samples(&flipped, per_segment).into_iter().map(|p| pos2(-p.x, p.y)).collect();
    }
    let n = points.len();
    if n < 2 {
        return points.to_vec();
    }
    let dx: Vec<f32> = points.windows(2).map(|w| (w[1].x - w[0].x).max(1e-3)).collect();
    let slope: Vec<f32> = points.windows(2).zip(&dx).map(|(w, dx)| (w[1].y - w[0].y) / dx).collect();
    let mut tangent = vec![0.0; n];
    tangent[0] = slope[0];
    tangent[n - 1] = slope[n - 2];
    for i in 1..n - 1 {
        tangent[i] = if slope[i - 1] * slope[i] <= 0.0 { 0.0 } else { f32::midpoint(slope[i - 1], slope[i]) };
    }
    for i in 0..n - 1 {
        if slope[i] == 0.0 {
            tangent[i] = 0.0;
            tangent[i + 1] = 0.0;
            continue;
        }
        let a = tangent[i] / slope[i];
        let b = tangent[i + 1] / slope[i];
        let h = a.hypot(b);
        if h > 3.0 {
            tangent[i] = 3.0 * a / h * slope[i];
            tangent[i + 1] = 3.0 * b / h * slope[i];
        }
    }
    let steps = per_segment.max(1);
    let mut out = Vec::with_capacity((n - 1) * steps + 1);
    for i in 0..n - 1 {
        let (p0, p1, h) = (points[i], points[i + 1], dx[i]);
        for s in 0..steps {
            let t = s as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let y = (2.0 * t3 - 3.0 * t2 + 1.0) * p0.y
                + (t3 - 2.0 * t2 + t) * h * tangent[i]
                + (-2.0 * t3 + 3.0 * t2) * p1.y
                + (t3 - t2) * h * tangent[i + 1];
            out.push(pos2(p0.x + t * h, y));
        }
    }
    out.push(points[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_curves_point_at_a_card_lines_up_with_the_card() {
        // Mermaid's own example: Me and Cat both feel "Do work"; Me alone the tasks around it.
        let text = "journey\n title Day\n section Work\n  Make tea: 5: Me\n  Go upstairs: 3: Me\n  \
                    Do work: 1: Me, Cat\n section Home\n  Sit down: 5: Me\n";
        let map = crate::data::import(text, crate::data::DataFormat::Mermaid, "Day", &[]).unwrap().map;
        let ctx = egui::Context::default();
        crate::fonts::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let layout = crate::text::layout_map(
            &ctx,
            &map,
            crate::layout::View::Journey,
            crate::theme::TypeSize::Standard,
        );
        let work = map.cards.iter().find(|c| c.title == "Do work").unwrap();
        let card = layout.card(&work.id).unwrap().rect;
        let at_work: Vec<f32> = layout
            .curves
            .iter()
            .flat_map(|c| &c.points)
            .filter(|p| map.points[p.index].at == crate::model::Anchor::Card(work.id.clone()))
            .map(|p| p.pos.x)
            .collect();
        assert_eq!(at_work.len(), 2, "both curves have a point at Do work");
        // Stacked under Make tea and Go upstairs in one column, Do work takes the last third of
        // the card's width: the same for both curves.
        assert!((at_work[0] - at_work[1]).abs() < 0.01, "{at_work:?}");
        assert!(card.x_range().contains(at_work[0]), "{at_work:?} within {card:?}");
        let sit = map.cards.iter().find(|c| c.title == "Sit down").unwrap();
        let sit_x = layout.curves[0]
            .points
            .iter()
            .find(|p| map.points[p.index].at == crate::model::Anchor::Card(sit.id.clone()))
            .unwrap()
            .pos
            .x;
        let sit_card = layout.card(&sit.id).unwrap().rect;
        assert!((sit_x - sit_card.center().x).abs() < 0.5, "a card alone in its column: its centre");
        // Within a curve the points still run left to right.
        for curve in &layout.curves {
            assert!(curve.points.windows(2).all(|w| w[0].pos.x <= w[1].pos.x));
        }
    }

    fn within(samples: &[Pos2], a: Pos2, b: Pos2) -> bool {
        let (lo, hi) = (a.y.min(b.y) - 1e-3, a.y.max(b.y) + 1e-3);
        samples.iter().filter(|p| p.x >= a.x && p.x <= b.x).all(|p| p.y >= lo && p.y <= hi)
    }

    #[test]
    fn never_overshoots_between_points() {
        let points =
            [pos2(0.0, 0.0), pos2(10.0, 100.0), pos2(20.0, 100.0), pos2(30.0, 0.0), pos2(31.0, 90.0)];
        let samples = monotone_samples(&points, 16);
        for w in points.windows(2) {
            assert!(within(&samples, w[0], w[1]), "overshoot between {:?} and {:?}", w[0], w[1]);
        }
        assert_eq!(samples.first(), Some(&points[0]));
        assert_eq!(samples.last(), Some(&points[4]));
    }

    #[test]
    fn equal_values_give_a_flat_line_and_one_point_stays_one_point() {
        let flat = monotone_samples(&[pos2(0.0, 5.0), pos2(10.0, 5.0), pos2(20.0, 5.0)], 8);
        assert!(flat.iter().all(|p| (p.y - 5.0).abs() < 1e-4));
        assert_eq!(monotone_samples(&[pos2(3.0, 4.0)], 8), vec![pos2(3.0, 4.0)]);
        assert!(monotone_samples(&[], 8).is_empty());
    }

    #[test]
    fn breaks_at_stages_without_points_only_when_asked() {
        let p = |stage| PointGeometry {
            id: PointId::from("x"),
            index: 0,
            pos: Pos2::ZERO,
            value: 0.0,
            stage,
            badge: None,
            emoji: None,
            label: None,
        };
        let points = [p(0), p(1), p(3), p(4)];
        assert_eq!(segments(&points, CurveGaps::Bridge), vec![0..4]);
        assert_eq!(segments(&points, CurveGaps::Break), vec![0..2, 2..4]);
    }
}
