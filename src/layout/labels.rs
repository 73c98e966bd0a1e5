//! Where the sentiment curves' badges, emoji and labels go: beside their dots, and clear of
//! every other dot, badge, emoji and label of the curves shown, and of the curves' lines (a
//! label with the curve running through it reads as struck out). Each emoji and label tries its
//! usual place first (emoji above the dot, label below), then the other side, then beside; when
//! every place is taken it goes where it covers least.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use super::Measure;
use super::curve::CurveGeometry;
use crate::model::{Anchor, Flag, LaneKind, Map};
use crate::theme::Sizes;

/// A badge on a point anchored at a card that matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Badge {
    /// A moment of truth: a star.
    Truth,
    /// A pain point, an obstacle, an exit or a fail point: an exclamation mark.
    Pain,
}

/// The badge of a point at `at`, if its card matters.
pub fn badge(map: &Map, at: &Anchor) -> Option<Badge> {
    let Anchor::Card(id) = at else { return None };
    let card = map.card(id)?;
    let painful =
        matches!(map.lane(&card.lane).map(|l| l.kind), Some(LaneKind::PainPoints | LaneKind::Obstacles))
            || card.has_flag(Flag::ExitPoint)
            || card.has_flag(Flag::FailPoint);
    if card.has_flag(Flag::MomentOfTruth) {
        Some(Badge::Truth)
    } else if painful {
        Some(Badge::Pain)
    } else {
        None
    }
}

/// Space kept between a dot and what belongs to it.
const GAP: f32 = 2.0;

/// The box around a point's dot, ring included.
pub fn dot_rect(pos: Pos2, sizes: &Sizes) -> Rect {
    Rect::from_center_size(pos, Vec2::splat(2.0 * sizes.point_radius + 2.0))
}

/// The radius of a badge.
pub fn badge_radius(sizes: &Sizes) -> f32 {
    sizes.marker_font * 2.0 / 3.0
}

/// Places every point's badge, emoji and label, in the order the curves are drawn.
pub(super) fn place(map: &Map, curves: &mut [CurveGeometry], sizes: &Sizes, measure: &mut Measure<'_>) {
    let badge_r = badge_radius(sizes);
    // First what cannot move: the dots, and the badges, each just right of its dot.
    let mut taken: Vec<Rect> = Vec::new();
    for curve in curves.iter_mut().filter(|c| !c.hidden) {
        for point in &mut curve.points {
            let dot = dot_rect(point.pos, sizes);
            taken.push(dot);
            let Some(model) = map.points.get(point.index) else { continue };
            if let Some(kind) = badge(map, &model.at) {
                let centre = pos2(dot.right() + badge_r, point.pos.y);
                point.badge = Some((centre, kind));
                taken.push(Rect::from_center_size(centre, Vec2::splat(2.0 * badge_r)));
            }
        }
    }
    // The lines, as the painter draws them, in short pieces: each piece's box is what a label
    // should not cross.
    let mut lines: Vec<Rect> = Vec::new();
    for line in curves.iter().filter(|c| !c.hidden).flat_map(CurveGeometry::lines) {
        lines.extend(line.windows(2).map(|pair| Rect::from_two_pos(pair[0], pair[1]).expand(1.5)));
    }
    for curve in curves.iter_mut().filter(|c| !c.hidden) {
        for point in &mut curve.points {
            let Some(model) = map.points.get(point.index) else { continue };
            let mut dot = dot_rect(point.pos, sizes);
            if point.badge.is_some() {
                // Beside means beside the badge too.
                dot.max.x += 2.0 * badge_r;
            }
            if !model.emoji.is_empty() {
                let size = measure(&model.emoji, sizes.emoji_font, f32::INFINITY);
                // An emoji is a picture over the line, not text the line would strike out: only
                // labels keep clear of the lines.
                let rect = best(&candidates(dot, size, true), &taken, &[]);
                taken.push(rect);
                point.emoji = Some(rect);
            }
            if !model.label.is_empty() {
                let size = measure(&model.label, sizes.label_font, f32::INFINITY);
                let rect = best(&candidates(dot, size, false), &taken, &lines);
                taken.push(rect);
                point.label = Some(rect);
            }
        }
    }
}

/// The places for a box of `size` around `dot`, best first: above or below (the emoji's usual
/// place above, the label's below), then the other side, beside, and one step further out.
fn candidates(dot: Rect, size: Vec2, emoji: bool) -> Vec<Rect> {
    let x = dot.center().x;
    let above = Rect::from_min_size(pos2(x - size.x / 2.0, dot.top() - GAP - size.y), size);
    let below = Rect::from_min_size(pos2(x - size.x / 2.0, dot.bottom() + GAP), size);
    let right = Rect::from_min_size(pos2(dot.right() + GAP, dot.center().y - size.y / 2.0), size);
    let left = Rect::from_min_size(pos2(dot.left() - GAP - size.x, dot.center().y - size.y / 2.0), size);
    let (first, second) = if emoji { (above, below) } else { (below, above) };
    let further = |r: Rect, dy: f32| r.translate(vec2(0.0, dy));
    let corner = |dx: f32, dy: f32| {
        let x = if dx > 0.0 { dot.right() + GAP } else { dot.left() - GAP - size.x };
        let y = if dy > 0.0 { dot.bottom() + GAP } else { dot.top() - GAP - size.y };
        Rect::from_min_size(pos2(x, y), size)
    };
    let away = |r: Rect, up: bool| further(r, if up { -size.y } else { size.y });
    vec![
        first,
        second,
        right,
        left,
        away(first, emoji),
        away(second, !emoji),
        further(right, size.y),
        further(left, size.y),
        // Off the corners, where a curve rising or falling through the dot leaves room.
        corner(1.0, if emoji { -1.0 } else { 1.0 }),
        corner(-1.0, if emoji { -1.0 } else { 1.0 }),
        corner(1.0, if emoji { 1.0 } else { -1.0 }),
        corner(-1.0, if emoji { 1.0 } else { -1.0 }),
        away(away(first, emoji), emoji),
        away(away(second, !emoji), !emoji),
    ]
}

/// The first place clear of everything taken and of the curves' lines, else the one covering
/// least, where covering a dot, badge, emoji or label counts far more than crossing a line.
fn best(candidates: &[Rect], taken: &[Rect], lines: &[Rect]) -> Rect {
    let area = |r: &Rect, boxes: &[Rect]| -> f32 {
        boxes.iter().map(|t| r.intersect(*t)).filter(Rect::is_positive).map(|i| i.area()).sum()
    };
    let covered = |r: &Rect| -> f32 { 1000.0 * area(r, taken) + area(r, lines) };
    candidates
        .iter()
        .copied()
        .find(|r| covered(r) == 0.0)
        .or_else(|| candidates.iter().copied().min_by(|a, b| covered(a).total_cmp(&covered(b))))
        .unwrap_or(Rect::NOTHING)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::View;

    /// The templates' curves as the editor lays them out (real fonts), in both views and both
    /// directions.
    fn laid_out() -> Vec<(String, Map, crate::layout::MapLayout)> {
        let ctx = egui::Context::default();
        crate::fonts::install(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let mut out = Vec::new();
        for template in crate::templates::ALL {
            for direction in crate::model::MapDirection::ALL {
                let map = crate::model::Map { direction, ..template.map().unwrap() };
                for view in [View::Journey, View::Blueprint { other_lanes: true }] {
                    for size in [crate::theme::TypeSize::Standard, crate::theme::TypeSize::Large] {
                        let layout = crate::text::layout_map(&ctx, &map, view, size);
                        let name = format!("{} {direction:?} {view:?} {size:?}", template.name);
                        out.push((name, map.clone(), layout));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn no_two_labels_emoji_badges_or_dots_overlap_in_any_template() {
        for (name, map, layout) in laid_out() {
            let mut boxes: Vec<(String, Rect)> = Vec::new();
            for curve in layout.curves.iter().filter(|c| !c.hidden) {
                for point in &curve.points {
                    let what = |kind: &str| format!("{kind} of {}", map.points[point.index].id.as_str());
                    boxes.push((what("dot"), dot_rect(point.pos, &layout.sizes)));
                    if let Some((centre, _)) = point.badge {
                        let r = badge_radius(&layout.sizes);
                        boxes.push((what("badge"), Rect::from_center_size(centre, Vec2::splat(2.0 * r))));
                    }
                    boxes.extend(point.emoji.map(|r| (what("emoji"), r)));
                    boxes.extend(point.label.map(|r| (what("label"), r)));
                }
            }
            for (i, (a, ra)) in boxes.iter().enumerate() {
                for (b, rb) in &boxes[i + 1..] {
                    // Touching is fine; a badge touches its dot by design.
                    let overlap = ra.intersect(*rb);
                    assert!(
                        !(overlap.width() > 0.5 && overlap.height() > 0.5),
                        "{name}: {a} {ra:?} overlaps {b} {rb:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_label_has_its_own_curve_running_through_it_in_any_template() {
        for (name, map, layout) in laid_out() {
            for curve in layout.curves.iter().filter(|c| !c.hidden) {
                let lines: Vec<(Pos2, Pos2)> = curve
                    .lines()
                    .flat_map(|line| line.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>())
                    .collect();
                for point in &curve.points {
                    let Some(label) = point.label else { continue };
                    for (a, b) in &lines {
                        // The line crosses the label when a piece of it has an end inside, or
                        // its middle: pieces are short (24 to a span between two points).
                        let mid = a.lerp(*b, 0.5);
                        let inside = [*a, *b, mid].iter().any(|p| label.shrink(1.0).contains(*p));
                        assert!(
                            !inside,
                            "{name}: the curve runs through the label {:?} at {label:?}",
                            map.points[point.index].label
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn badges_sit_beside_their_dot_and_labels_next_to_it_below_when_the_curve_leaves_room() {
        let (_, map, layout) = laid_out().into_iter().find(|(n, ..)| n.starts_with("ecommerce")).unwrap();
        let mut badges = 0;
        for point in layout.curves.iter().flat_map(|c| &c.points) {
            let dot = dot_rect(point.pos, &layout.sizes);
            if let Some((centre, _)) = point.badge {
                badges += 1;
                assert!(centre.x > dot.right(), "beside the dot, not on it");
            }
            // One curve, points a stage apart: every label is next to its dot (under it unless
            // the curve runs there), every emoji above it.
            let name = map.points[point.index].id.as_str();
            let label = point.label.unwrap();
            let near = label.expand(3.0 * layout.sizes.label_font).contains(dot.center());
            assert!(near && !label.intersects(dot), "{name}: {label:?} is not next to its dot {dot:?}");
            let emoji = point.emoji.unwrap();
            assert!(
                emoji.bottom() <= dot.top() && emoji.x_range().contains(dot.center().x),
                "{name}: {emoji:?}"
            );
        }
        assert!(badges > 0, "the e-commerce journey has badges to place");
    }
}
