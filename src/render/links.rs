//! Links between cards along their routes (see `layout::links`): corners rounded, an arrowhead
//! at the card it points to (both ends for a two-way link), the label on the longest run.

use egui::emath::TSTransform;
use egui::{Align2, Painter, Pos2, Stroke, Vec2, vec2};

use super::font;
use crate::layout::MapLayout;
use crate::model::{LinkDirection, Map};
use crate::theme::Theme;

pub(super) fn paint_links(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
) {
    let zoom = screen_from_scene.scaling;
    let stroke = Stroke::new((1.5 * zoom).clamp(1.0, 3.0), theme.link);
    let clip = painter.clip_rect();
    for routed in &layout.links {
        let Some(link) = map.links.get(routed.index).filter(|l| l.id == routed.id) else { continue };
        let points: Vec<Pos2> = routed.points.iter().map(|p| screen_from_scene * *p).collect();
        let (Some(&first), Some(&last)) = (points.first(), points.last()) else { continue };
        let bounds =
            points.iter().fold(egui::Rect::NOTHING, |r, p| r.union(egui::Rect::from_min_max(*p, *p)));
        if !clip.intersects(bounds.expand(20.0)) {
            continue;
        }
        painter.add(egui::Shape::line(rounded(&points, (6.0 * zoom).clamp(2.0, 12.0)), stroke));
        let head = (8.0 * zoom).clamp(4.0, 16.0);
        if let [.., before, _] = points.as_slice() {
            arrow_head(painter, last, last - *before, head, stroke);
        }
        if link.direction == LinkDirection::TwoWay
            && let [_, after, ..] = points.as_slice()
        {
            arrow_head(painter, first, first - *after, head, stroke);
        }
        if !link.label.is_empty() && super::readable(layout.sizes.goal_font, zoom) {
            let longest = points
                .windows(2)
                .max_by(|a, b| a[0].distance(a[1]).total_cmp(&b[0].distance(b[1])))
                .map_or(first, |pair| pair[0] + (pair[1] - pair[0]) / 2.0);
            super::text_on(
                painter,
                longest,
                Align2::CENTER_CENTER,
                &link.label,
                font(layout.sizes.goal_font, zoom),
                theme.link,
                // On a plate of the lane's colour, so the line under it does not strike it out.
                Some(theme.body),
            );
        }
    }
}

/// The polyline with each corner cut by a quarter circle of `radius` (less where a run is short).
fn rounded(points: &[Pos2], radius: f32) -> Vec<Pos2> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut out = vec![points[0]];
    for window in points.windows(3) {
        let (before, corner, after) = (window[0], window[1], window[2]);
        let cut = radius.min(before.distance(corner) / 2.0).min(corner.distance(after) / 2.0);
        let (into, out_of) = ((corner - before).normalized(), (after - corner).normalized());
        let (start, end) = (corner - into * cut, corner + out_of * cut);
        // A quadratic curve through the corner reads as a rounded corner at this size.
        for k in 0..=4 {
            let t = k as f32 / 4.0;
            let p = start.to_vec2() * (1.0 - t) * (1.0 - t)
                + corner.to_vec2() * 2.0 * t * (1.0 - t)
                + end.to_vec2() * t * t;
            out.push(p.to_pos2());
        }
    }
    out.extend(points.last());
    out
}

fn arrow_head(painter: &Painter, tip: Pos2, direction: Vec2, length: f32, stroke: Stroke) {
    let dir = direction.normalized();
    if !dir.is_finite() {
        return;
    }
    let back = -dir * length;
    let side = vec2(-dir.y, dir.x) * length * 0.5;
    painter.add(egui::Shape::convex_polygon(
        vec![tip, tip + back + side, tip + back - side],
        stroke.color,
        Stroke::NONE,
    ));
}
