//! Where links run. A link goes straight when nothing is in the way (the blueprint's hand-offs
//! down a stage); otherwise it leaves its card sideways into the gutter at the stage's edge, runs
//! along the gutters between stages and between lanes, where no card is, and comes into the
//! other card from the side. Links sharing a gutter run side by side in tracks.

use std::collections::HashMap;

use egui::{Pos2, Rect, pos2};

use super::MapLayout;
use crate::model::{LinkId, Map};

/// A link's route: from the edge of one card to the edge of the other.
#[derive(Clone, Debug)]
pub struct RoutedLink {
    pub id: LinkId,
    /// Position of the link in `map.links` of the map this layout was made from.
    pub index: usize,
    /// The corners of the route, first at the `from` card's edge, last at the `to` card's.
    pub points: Vec<Pos2>,
}

/// Distance between links running side by side in one gutter, and of the first from the
/// gutter's middle (where a grid line or a blueprint line runs).
const TRACK: f32 = 3.0;
const FIRST_TRACK: f32 = 5.0;

/// A route before the tracks are known: the gutters it runs in.
enum Shape {
    Straight(Pos2, Pos2),
    /// Out of `from` sideways at `ya` into gutter `xa`, along it to `yh` (or straight to `yb`
    /// when both gutters are one), across to gutter `xb`, along it to `yb`, into `to`.
    Gutters {
        start: Pos2,
        xa: usize,
        h: Option<usize>,
        xb: usize,
        end: Pos2,
    },
}

/// Routes every link of `map` whose two cards are laid out.
pub fn route(map: &Map, layout: &MapLayout) -> Vec<RoutedLink> {
    // The gutters: the lines between stage columns and between lanes, where no card is.
    let mut verticals: Vec<f32> = layout.stages.iter().map(|s| s.column.left()).collect();
    verticals.extend(layout.stages.last().map(|s| s.column.right()));
    let mut horizontals: Vec<f32> = layout.lanes.iter().map(|l| l.row.top()).collect();
    horizontals.extend(layout.lanes.last().map(|l| l.row.bottom()));
    let half_gap = layout.sizes.cell_padding - 1.0;

    let mut shapes = Vec::new();
    for (index, link) in map.links.iter().enumerate() {
        let (Some(from), Some(to)) = (layout.card(&link.from), layout.card(&link.to)) else { continue };
        if from.id == to.id {
            continue;
        }
        let clear = |a: Pos2, b: Pos2| segment_clear(layout, a, b, &[&from.id, &to.id]);
        let shape = straight(from.rect, to.rect).filter(|(a, b)| clear(*a, *b)).map_or_else(
            || gutters(from, to, &verticals, &horizontals, &clear),
            |(a, b)| Shape::Straight(a, b),
        );
        shapes.push((index, link.id.clone(), shape));
    }

    // Tracks: every link in a gutter gets its own line, alternating either side of the middle.
    let mut vertical_use: HashMap<usize, usize> = HashMap::new();
    let mut horizontal_use: HashMap<usize, usize> = HashMap::new();
    let track = |uses: &mut HashMap<usize, usize>, gutter: usize| -> f32 {
        let k = uses.entry(gutter).or_insert(0);
        let n = *k;
        *k += 1;
        let step = FIRST_TRACK + (n / 2) as f32 * TRACK;
        let offset = if n.is_multiple_of(2) { step } else { -step };
        offset.clamp(-half_gap, half_gap)
    };
    shapes
        .into_iter()
        .map(|(index, id, shape)| {
            let points = match shape {
                Shape::Straight(a, b) => vec![a, b],
                Shape::Gutters { start, xa, h, xb, end } => {
                    let x_a = verticals[xa] + track(&mut vertical_use, xa);
                    let x_b = if xb == xa { x_a } else { verticals[xb] + track(&mut vertical_use, xb) };
                    match h {
                        Some(h) => {
                            let y = horizontals[h] + track(&mut horizontal_use, h);
                            vec![start, pos2(x_a, start.y), pos2(x_a, y), pos2(x_b, y), pos2(x_b, end.y), end]
                        }
                        None => vec![start, pos2(x_a, start.y), pos2(x_a, end.y), end],
                    }
                }
            };
            RoutedLink { id, index, points: simplified(points) }
        })
        .collect()
}

/// A straight line between facing edges, when the cards overlap across (one above the other)
/// or along (side by side).
fn straight(a: Rect, b: Rect) -> Option<(Pos2, Pos2)> {
    let (left, right) = (a.left().max(b.left()), a.right().min(b.right()));
    if right - left > 8.0 {
        let x = left.midpoint(right);
        return Some(if a.bottom() <= b.top() {
            (pos2(x, a.bottom()), pos2(x, b.top()))
        } else if b.bottom() <= a.top() {
            (pos2(x, a.top()), pos2(x, b.bottom()))
        } else {
            return None;
        });
    }
    let (top, bottom) = (a.top().max(b.top()), a.bottom().min(b.bottom()));
    if bottom - top > 8.0 {
        let y = top.midpoint(bottom);
        return Some(if a.right() <= b.left() {
            (pos2(a.right(), y), pos2(b.left(), y))
        } else if b.right() <= a.left() {
            (pos2(a.left(), y), pos2(b.right(), y))
        } else {
            return None;
        });
    }
    None
}

/// A route through the gutters: sideways out of `from` (towards `to` when that side is clear),
/// along the stage's edge, across a lane gap when the two cards are in different stages, and
/// sideways into `to`.
fn gutters(
    from: &super::CardBox,
    to: &super::CardBox,
    verticals: &[f32],
    horizontals: &[f32],
    clear: &dyn Fn(Pos2, Pos2) -> bool,
) -> Shape {
    // The gutter left of stage i is `verticals[i]`, right of it `verticals[i + 1]`.
    let side = |card: &super::CardBox, towards_right: bool| -> (Pos2, usize) {
        let y = card.rect.center().y;
        let try_side = |right: bool| {
            let gutter = if right { card.stage + 1 } else { card.stage };
            let edge = if right { pos2(card.rect.right(), y) } else { pos2(card.rect.left(), y) };
            (edge, gutter)
        };
        let preferred = try_side(towards_right);
        if clear(preferred.0, pos2(verticals[preferred.1], y)) { preferred } else { try_side(!towards_right) }
    };
    let rightwards = to.rect.center().x >= from.rect.center().x;
    let (start, xa) = side(from, rightwards || to.stage == from.stage);
    let (end, xb) = side(to, !rightwards || to.stage == from.stage);
    if xa == xb {
        return Shape::Gutters { start, xa, h: None, xb, end };
    }
    // The lane gap nearest both ends (the one between them when there is one).
    let h = (0..horizontals.len())
        .min_by(|&a, &b| {
            let cost = |i: usize| (horizontals[i] - start.y).abs() + (horizontals[i] - end.y).abs();
            cost(a).total_cmp(&cost(b))
        })
        .unwrap_or(0);
    Shape::Gutters { start, xa, h: Some(h), xb, end }
}

/// Whether the segment `a`–`b` misses every card but `ends`.
fn segment_clear(layout: &MapLayout, a: Pos2, b: Pos2, ends: &[&crate::model::CardId]) -> bool {
    let line = Rect::from_two_pos(a, b).expand(0.5);
    !layout.cards.iter().any(|c| !ends.contains(&&c.id) && c.rect.shrink(0.5).intersects(line))
}

/// The route without repeated corners or corners in the middle of a straight run.
fn simplified(points: Vec<Pos2>) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_some_and(|q| q.distance(p) < 0.01) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let collinear = ((a.x - b.x).abs() < 0.01 && (b.x - p.x).abs() < 0.01)
                || ((a.y - b.y).abs() < 0.01 && (b.y - p.y).abs() < 0.01);
            if collinear {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::View;

    fn measure(text: &str, size: f32, wrap: f32) -> egui::Vec2 {
        let width = text.chars().count() as f32 * size * 0.55;
        let rows = if wrap.is_finite() { (width / wrap).ceil().max(1.0) } else { 1.0 };
        egui::vec2(width.min(wrap), rows * size * 1.3)
    }

    /// Every segment of every route misses every card but the link's two.
    fn assert_routes_avoid_cards(name: &str, map: &Map, layout: &MapLayout) {
        let routed = &layout.links;
        assert_eq!(
            routed.len(),
            map.links
                .iter()
                .filter(|l| layout.card(&l.from).is_some() && layout.card(&l.to).is_some())
                .count(),
            "{name}: every link whose cards are shown is routed"
        );
        for link in routed {
            let model = &map.links[link.index];
            assert!(link.points.len() >= 2, "{name}: {}", link.id.as_str());
            for pair in link.points.windows(2) {
                assert!(
                    (pair[0].x - pair[1].x).abs() < 0.01 || (pair[0].y - pair[1].y).abs() < 0.01,
                    "{name}: {} runs straight across or along, never slanted",
                    link.id.as_str()
                );
                let line = Rect::from_two_pos(pair[0], pair[1]);
                for card in &layout.cards {
                    if card.id == model.from || card.id == model.to {
                        continue;
                    }
                    assert!(
                        !card.rect.shrink(0.5).intersects(line),
                        "{name}: link {} crosses card {}",
                        link.id.as_str(),
                        card.id.as_str()
                    );
                }
            }
            let (from, to) = (layout.card(&model.from).unwrap(), layout.card(&model.to).unwrap());
            let on_edge = |p: Pos2, r: Rect| r.expand(0.5).contains(p) && !r.shrink(0.5).contains(p);
            assert!(
                on_edge(link.points[0], from.rect),
                "{name}: {} starts at its card's edge",
                link.id.as_str()
            );
            assert!(
                on_edge(*link.points.last().unwrap(), to.rect),
                "{name}: {} ends at its card's edge",
                link.id.as_str()
            );
        }
    }

    #[test]
    fn routes_avoid_cards_in_every_template_and_view() {
        for template in crate::templates::ALL {
            for direction in crate::model::MapDirection::ALL {
                let map = crate::model::Map { direction, ..template.map().unwrap() };
                for view in [
                    View::Journey,
                    View::Blueprint { other_lanes: true },
                    View::Blueprint { other_lanes: false },
                ] {
                    let layout =
                        crate::layout::layout(&map, view, crate::theme::Sizes::STANDARD, &mut measure);
                    let name = format!("{} {direction:?} {view:?}", template.name);
                    assert_routes_avoid_cards(&name, &map, &layout);
                }
            }
        }
    }

    #[test]
    fn a_right_to_left_map_is_the_mirror_image_of_the_same_map_left_to_right() {
        for template in crate::templates::ALL {
            let ltr = crate::model::Map {
                direction: crate::model::MapDirection::LeftToRight,
                ..template.map().unwrap()
            };
            let rtl = crate::model::Map { direction: crate::model::MapDirection::RightToLeft, ..ltr.clone() };
            let a = crate::layout::layout(&ltr, View::Journey, crate::theme::Sizes::STANDARD, &mut measure);
            let b = crate::layout::layout(&rtl, View::Journey, crate::theme::Sizes::STANDARD, &mut measure);
            let name = template.name;
            assert!(!a.rtl && b.rtl);
            assert_eq!(a.bounds, b.bounds, "{name}: the same size");
            let width = a.bounds.width();
            let mirrored = |r: Rect| Rect::from_x_y_ranges(width - r.right()..=width - r.left(), r.y_range());
            assert_eq!(mirrored(a.lane_column), b.lane_column, "{name}");
            assert!(
                b.lane_column.left() >= b.stages.iter().map(|s| s.column.right()).fold(0.0, f32::max) - 0.01,
                "{name}: the lane headers are at the right"
            );
            for pair in b.stages.windows(2) {
                assert!(
                    pair[0].column.left() >= pair[1].column.right() - 0.01,
                    "{name}: stage 1 is right of stage 2"
                );
            }
            for (x, y) in a.cards.iter().zip(&b.cards) {
                assert_eq!(mirrored(x.rect), y.rect, "{name}: {}", x.id.as_str());
            }
            for (x, y) in a.links.iter().zip(&b.links) {
                let back: Vec<Pos2> = y.points.iter().map(|p| pos2(width - p.x, p.y)).collect();
                assert_eq!(x.points, back, "{name}: {}", x.id.as_str());
            }
        }
    }

    #[test]
    fn hundreds_of_links_on_a_big_map_avoid_cards() {
        let mut map = crate::generate::map(crate::generate::Size::default());
        crate::generate::add_links(&mut map, 300, 7);
        let layout = crate::layout::layout(&map, View::Journey, crate::theme::Sizes::STANDARD, &mut measure);
        assert!(layout.links.len() >= 300);
        assert_routes_avoid_cards("1,000 cards, 300 links", &map, &layout);
    }

    #[test]
    fn a_blueprint_hand_off_down_a_stage_stays_straight() {
        let map = crate::templates::load("coffee-shop-blueprint").unwrap();
        let layout = crate::layout::layout(
            &map,
            View::Blueprint { other_lanes: false },
            crate::theme::Sizes::STANDARD,
            &mut measure,
        );
        let straight = layout.links.iter().filter(|l| l.points.len() == 2).count();
        assert!(
            straight * 2 >= layout.links.len(),
            "most hand-offs run straight down: {straight} of {}",
            layout.links.len()
        );
    }
}
