//! The Emotions lane: the level grid and the sentiment curves.

use egui::emath::TSTransform;
use egui::epaint::PathStroke;
use egui::{Align2, Color32, Painter, Pos2, Rect, Shape, Stroke};

use super::{font, readable};
use crate::layout::{MapLayout, curve as geom};
use crate::model::{LaneKind, Map};
use crate::theme::Theme;

/// Faint lines at each whole level of the scale, the neutral one stronger.
pub(super) fn paint_levels(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    visible: Rect,
    plates: bool,
) {
    let Some(range) = geom::value_range(layout) else { return };
    let Some(lane) = layout.lanes.iter().find(|l| l.kind == LaneKind::Emotions && !l.collapsed) else {
        return;
    };
    if !visible.intersects(lane.row) {
        return;
    }
    let row = screen_from_scene * lane.row;
    let mid = map.scale.mid();
    for level in map.scale.min..=map.scale.max {
        let y = screen_from_scene.mul_pos(Pos2::new(0.0, geom::y_of(map, range, level as f32))).y;
        let neutral = (level as f32 - mid).abs() < 0.01;
        let stroke = if neutral {
            Stroke::new(1.0, theme.muted_text.gamma_multiply(0.45))
        } else {
            Stroke::new(1.0, theme.grid_line.gamma_multiply(0.8))
        };
        if neutral {
            painter.add(Shape::dashed_line(
                &[Pos2::new(row.left(), y), Pos2::new(row.right(), y)],
                stroke,
                6.0,
                4.0,
            ));
        } else {
            painter.hline(row.x_range(), y, stroke);
        }
        // The extremes and the middle are named, faintly, at the start of the lane.
        let named = level == map.scale.min || level == map.scale.max || neutral;
        let zoom = screen_from_scene.scaling;
        if named && readable(layout.sizes.level_font, zoom) {
            let word = map.level_name(level);
            let colour = theme.sentiment(map.scale.normalized(level as f32)).gamma_multiply(theme.faint);
            let anchor = match (level == map.scale.min, layout.rtl) {
                (true, false) => Align2::LEFT_BOTTOM,
                (false, false) => Align2::LEFT_TOP,
                (true, true) => Align2::RIGHT_BOTTOM,
                (false, true) => Align2::RIGHT_TOP,
            };
            let offset = if level == map.scale.min { -2.0 } else { 2.0 } * zoom;
            let galley =
                crate::text::no_wrap(painter.ctx(), word, font(layout.sizes.level_font, zoom), colour);
            // At the start of the lane, or just past the curves' dots and words sitting there;
            // not at all when they fill the first stage.
            // (The start is the right end in a map laid out right to left.)
            let rtl = layout.rtl;
            let mut at =
                Pos2::new(if rtl { row.right() - 6.0 * zoom } else { row.left() + 6.0 * zoom }, y + offset);
            let first = layout.stages.first().map(|s| screen_from_scene * s.column);
            let limit = if rtl {
                first.map_or(row.left(), |c| c.left())
            } else {
                first.map_or(row.right(), |c| c.right())
            };
            let mut placed = None;
            for _ in 0..8 {
                let rect = anchor.anchor_size(at, galley.size());
                if (!rtl && rect.right() > limit) || (rtl && rect.left() < limit) {
                    break;
                }
                match curve_marks(layout, screen_from_scene).find(|m| m.intersects(rect.expand(2.0 * zoom))) {
                    Some(mark) => {
                        at.x = if rtl { mark.left() - 6.0 * zoom } else { mark.right() + 6.0 * zoom }
                    }
                    None => {
                        placed = Some(at);
                        break;
                    }
                }
            }
            if let Some(at) = placed {
                super::text_on(
                    painter,
                    at,
                    anchor,
                    word,
                    font(layout.sizes.level_font, zoom),
                    colour,
                    plates.then_some(theme.body),
                );
            }
        }
    }
}

/// The dots, emoji and labels of the curves shown, on screen.
fn curve_marks(layout: &MapLayout, screen_from_scene: TSTransform) -> impl Iterator<Item = egui::Rect> + '_ {
    layout.curves.iter().filter(|c| !c.hidden).flat_map(move |curve| {
        curve.points.iter().flat_map(move |p| {
            let dot = crate::layout::labels::dot_rect(p.pos, &layout.sizes);
            [Some(dot), p.emoji, p.label].into_iter().flatten().map(move |r| screen_from_scene * r)
        })
    })
}

/// The colour of a curve: its own, else the theme's palette by position.
pub fn curve_colour(theme: &Theme, colour: Option<crate::model::Colour>, index: usize) -> Color32 {
    colour.map_or_else(|| theme.curve_palette[index % theme.curve_palette.len()], crate::theme::to_color32)
}

pub(super) fn paint_curves(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    plates: bool,
    options: &super::PaintOptions<'_>,
) {
    let Some(range) = geom::value_range(layout) else { return };
    let sparkline = layout.lanes.iter().find(|l| l.kind == LaneKind::Emotions).is_some_and(|l| l.collapsed);
    let zoom = screen_from_scene.scaling;
    let shown: Vec<_> = layout.curves.iter().filter(|c| !c.hidden).collect();
    // One curve reads best in sentiment colours; several need their own colours to be told apart.
    let by_sentiment = shown.len() == 1;
    let top = screen_from_scene.mul_pos(Pos2::new(0.0, range.0)).y;
    let bottom = screen_from_scene.mul_pos(Pos2::new(0.0, range.1)).y;
    let width = if sparkline { (1.5 * zoom).clamp(1.0, 3.0) } else { (3.0 * zoom).clamp(1.5, 8.0) };

    for curve in &shown {
        super::group(painter, options, || super::Group::Curve(curve.id.clone()));
        let colour = curve_colour(theme, curve.colour, curve.index);
        for segment in &curve.segments {
            let points: Vec<Pos2> =
                curve.points[segment.clone()].iter().map(|p| screen_from_scene * p.pos).collect();
            let samples = geom::monotone_samples(&points, geom::SAMPLES_PER_SPAN);
            if samples.len() < 2 {
                continue;
            }
            let stroke = if by_sentiment {
                let theme = theme.clone();
                PathStroke::new_uv(width, move |_, pos| {
                    theme.sentiment((bottom - pos.y) / (bottom - top).max(1.0))
                })
            } else {
                PathStroke::new(width, colour)
            };
            painter.add(Shape::line(samples, stroke));
        }
        if sparkline {
            continue;
        }
        for point in &curve.points {
            let pos = screen_from_scene * point.pos;
            if !painter.clip_rect().expand(40.0 * zoom).contains(pos) {
                continue;
            }
            let fill = theme.sentiment(map.scale.normalized(point.value));
            let r = layout.sizes.point_radius;
            let radius = (r * zoom).clamp(3.0, r * 2.33);
            let ring = if by_sentiment { theme.card } else { colour };
            painter.circle(pos, radius, fill, Stroke::new((2.0 * zoom).clamp(1.0, 4.0), ring));
            let Some(model_point) = map.points.get(point.index).filter(|p| p.id == point.id) else {
                continue;
            };
            // Badges, emoji and labels where the layout placed them, clear of one another.
            if let Some((centre, kind)) = point.badge {
                badge(painter, kind, screen_from_scene * centre, &layout.sizes, zoom, theme);
            }
            if let Some(rect) = point.emoji.filter(|_| readable(layout.sizes.emoji_font, zoom)) {
                painter.text(
                    (screen_from_scene * rect).center(),
                    Align2::CENTER_CENTER,
                    &model_point.emoji,
                    font(layout.sizes.emoji_font, zoom),
                    theme.text,
                );
            }
            if let Some(rect) = point.label.filter(|_| readable(layout.sizes.label_font, zoom)) {
                super::text_on(
                    painter,
                    (screen_from_scene * rect).center(),
                    Align2::CENTER_CENTER,
                    &model_point.label,
                    font(layout.sizes.label_font, zoom),
                    theme.muted_text,
                    plates.then_some(theme.body),
                );
            }
        }
    }
}

/// A point's badge: a star for a moment of truth, an exclamation mark for a pain point, an
/// obstacle, an exit or a fail point.
fn badge(
    painter: &Painter,
    kind: crate::layout::Badge,
    pos: Pos2,
    sizes: &crate::theme::Sizes,
    zoom: f32,
    theme: &Theme,
) {
    let (glyph, colour) = match kind {
        crate::layout::Badge::Truth => ("★", theme.flag_truth),
        crate::layout::Badge::Pain => ("!", theme.flag_exit),
    };
    // The badge is sized by its glyph: four thirds of the glyph across.
    let r = crate::layout::labels::badge_radius(sizes);
    let radius = (r * zoom).clamp(4.0, r * 2.0);
    painter.circle(pos, radius, colour, Stroke::new(1.0, theme.card));
    if readable(sizes.marker_font, zoom) {
        painter.text(pos, Align2::CENTER_CENTER, glyph, font(sizes.marker_font, zoom), theme.chip_text);
    }
}

/// The curves' names and colours, in the Emotions lane's header, when there is more than one or
/// a persona has a picture: a persona's picture as a round avatar ringed in the curve's colour,
/// else a swatch of the colour.
pub(super) fn legend(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    top_left: Pos2,
    zoom: f32,
    pictures: Option<&super::pictures::Pictures>,
) {
    let size = layout.sizes.label_font;
    let picture_of = |curve: &crate::model::Curve| {
        let persona = curve.persona.as_ref()?;
        map.personas.iter().find(|p| &p.id == persona)?.image.as_deref()
    };
    let avatars = map.curves.iter().any(|c| picture_of(c).is_some());
    if (layout.curves.len() < 2 && !avatars) || !readable(size, zoom) {
        return;
    }
    let unit = size / 11.0 * zoom;
    // With avatars, rows are as tall as an avatar and the names centred on them.
    let (step, radius) = if avatars { (20.0 * unit, 8.0 * unit) } else { (15.0 * unit, 0.0) };
    let mut y = top_left.y;
    for curve in &layout.curves {
        let Some(model) = map.curve(&curve.id) else { continue };
        let colour = curve_colour(theme, curve.colour, curve.index);
        let (colour, text_colour) = if curve.hidden {
            (colour.gamma_multiply(0.35), theme.muted_text.gamma_multiply(0.6))
        } else {
            (colour, theme.muted_text)
        };
        let middle = y + step / 2.0 - 2.0 * unit;
        let name_left = if avatars {
            let centre = egui::pos2(top_left.x + radius, middle);
            match picture_of(model) {
                Some(name) => {
                    let shown = pictures.and_then(|p| p.get(name));
                    super::pictures::paint_avatar(painter, centre, radius, shown, colour, theme);
                }
                None => {
                    painter.circle_filled(centre, radius * 0.55, colour);
                }
            }
            centre.x + radius + 5.0 * unit
        } else {
            let swatch =
                Rect::from_min_size(egui::pos2(top_left.x, y + 5.0 * unit), egui::vec2(14.0, 3.0) * unit);
            painter.rect_filled(swatch, 1.0, colour);
            swatch.right() + 5.0 * unit
        };
        let (anchor, at_y) = if avatars { (Align2::LEFT_CENTER, middle) } else { (Align2::LEFT_TOP, y) };
        crate::text::paint(
            painter,
            egui::pos2(name_left, at_y),
            anchor,
            &model.name,
            font(size, zoom),
            text_colour,
        );
        y += step;
    }
}
