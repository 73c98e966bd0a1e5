//! The map title, the stage header row and the lane header column. When sticky they stay in
//! view while the map pans beneath them.

use egui::emath::TSTransform;
use egui::{Align2, Painter, Pos2, Rect, Stroke, pos2, vec2};

use super::{font, readable};
use crate::layout::{MapLayout, curve as geom};
use crate::model::{LaneKind, Map};
use crate::theme::{Theme, to_color32};

pub(super) fn paint(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    options: &super::PaintOptions<'_>,
) {
    let sticky = options.sticky_headers;
    let clip = painter.clip_rect();
    let zoom = screen_from_scene.scaling;
    let plate = (options.background == super::Background::None).then_some(theme.header);
    super::group(painter, options, || super::Group::Title);
    title(painter, map, layout, theme, screen_from_scene, plate);

    let header = screen_from_scene * layout.header_row;
    let column = screen_from_scene * layout.lane_column;
    let push = if sticky { sticky_push(layout, screen_from_scene, clip) } else { egui::Vec2::ZERO };
    let (push_down, push_right) = (push.y, push.x);

    lanes(painter, map, layout, theme, screen_from_scene, push_right, options);
    stages(painter, map, layout, theme, screen_from_scene, push_down, options);

    // The corner where the header row meets the lane column.
    super::group(painter, options, || super::Group::Corner);
    let corner = Rect::from_min_size(
        pos2(column.left() + push_right, header.top() + push_down),
        vec2(column.width(), header.height()),
    );
    painter.rect_filled(corner, 0.0, theme.header);
    painter.rect_stroke(corner, 0.0, Stroke::new(1.0, theme.grid_line), egui::StrokeKind::Inside);
    if readable(layout.sizes.goal_font, zoom) {
        let state = map.words.state_name(map.state);
        let (at, anchor) = if crate::text::direction(state).is_rtl() {
            (corner.right_bottom() + vec2(-12.0, -10.0) * zoom, Align2::RIGHT_BOTTOM)
        } else {
            (corner.left_bottom() + vec2(12.0, -10.0) * zoom, Align2::LEFT_BOTTOM)
        };
        crate::text::paint(painter, at, anchor, state, font(layout.sizes.goal_font, zoom), theme.muted_text);
    }
}

/// How far the sticky header row (down) and lane column (right) are pushed to stay inside
/// `clip` when the map is panned past them.
pub fn sticky_push(layout: &MapLayout, screen_from_scene: TSTransform, clip: Rect) -> egui::Vec2 {
    let header = screen_from_scene * layout.header_row;
    let column = screen_from_scene * layout.lane_column;
    let bottom = screen_from_scene * layout.bounds;
    // The lane column keeps to the map's leading edge: the left, or the right in a map laid
    // out right to left.
    let across = if layout.rtl {
        (clip.right() - column.right()).clamp((bottom.left() - column.left()).min(0.0), 0.0)
    } else {
        (clip.left() - column.left()).clamp(0.0, (bottom.right() - column.right()).max(0.0))
    };
    vec2(across, (clip.top() - header.top()).clamp(0.0, (bottom.bottom() - header.bottom()).max(0.0)))
}

fn title(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    plate: Option<egui::Color32>,
) {
    let zoom = screen_from_scene.scaling;
    let rect = screen_from_scene * layout.title;
    if !painter.clip_rect().intersects(rect) || !readable(layout.sizes.title_font, zoom) {
        return;
    }
    let text_painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let rtl = crate::text::direction(&map.title).is_rtl();
    if layout.title_stacked {
        stacked_title(&text_painter, map, layout, theme, rect, zoom, plate);
        return;
    }
    // A right-to-left title starts at the right edge, its scenario to its left.
    let (at, anchor) = if rtl {
        (rect.right_center() + vec2(-4.0 * zoom, -2.0 * zoom), Align2::RIGHT_CENTER)
    } else {
        (rect.left_center() + vec2(4.0 * zoom, -2.0 * zoom), Align2::LEFT_CENTER)
    };
    let title = super::text_on(
        &text_painter,
        at,
        anchor,
        &map.title,
        font(layout.sizes.title_font, zoom),
        theme.header_text,
        plate,
    );
    if !map.scenario.is_empty() && readable(layout.sizes.goal_font, zoom) {
        let room = if rtl { title.left() - rect.left() } else { rect.right() - title.right() };
        let galley = crate::text::layout(
            text_painter.ctx(),
            &map.scenario,
            font(layout.sizes.goal_font + 1.0, zoom),
            theme.muted_text,
            (room - 24.0 * zoom).max(120.0 * zoom),
        );
        let x = if rtl { title.left() - 20.0 * zoom - galley.size().x } else { title.right() + 20.0 * zoom };
        let pos = pos2(x, rect.center().y - galley.size().y / 2.0);
        if let Some(plate) = plate {
            let backing = Rect::from_min_size(pos, galley.size()).expand2(vec2(6.0, 2.0) * zoom);
            text_painter.rect_filled(backing, 4.0 * zoom, plate);
        }
        text_painter.galley(pos, galley, theme.muted_text);
    }
}

/// A title and scenario too wide to sit side by side: the title wrapped to the map's width, the
/// scenario under it, both from the reading side's edge.
fn stacked_title(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    rect: Rect,
    zoom: f32,
    plate: Option<egui::Color32>,
) {
    let wrap = (rect.width() - 8.0 * zoom).max(1.0);
    let mut y = rect.top() + 12.0 * zoom;
    let texts = [
        (&map.title, layout.sizes.title_font, theme.header_text),
        (&map.scenario, layout.sizes.goal_font + 1.0, theme.muted_text),
    ];
    for (text, size, colour) in texts {
        if text.is_empty() || !readable(size, zoom) {
            continue;
        }
        let galley = crate::text::layout(painter.ctx(), text, font(size, zoom), colour, wrap);
        let rtl = crate::text::direction(text).is_rtl();
        let x = if rtl { rect.right() - 4.0 * zoom - galley.size().x } else { rect.left() + 4.0 * zoom };
        let pos = pos2(x, y);
        if let Some(plate) = plate {
            let backing = Rect::from_min_size(pos, galley.size()).expand2(vec2(6.0, 2.0) * zoom);
            painter.rect_filled(backing, 4.0 * zoom, plate);
        }
        y += galley.size().y + 6.0 * zoom;
        painter.galley(pos, galley, colour);
    }
}

fn stages(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    push_down: f32,
    options: &super::PaintOptions<'_>,
) {
    let zoom = screen_from_scene.scaling;
    let clip = painter.clip_rect();
    for (index, placed) in layout.stages.iter().enumerate() {
        let rect = (screen_from_scene * placed.header).translate(vec2(0.0, push_down));
        if !clip.intersects(rect) {
            continue;
        }
        let Some(stage) = map.stage(&placed.id) else { continue };
        super::group(painter, options, || super::Group::Stage(placed.id.clone()));
        painter.rect_filled(rect, 0.0, theme.header);
        painter.vline(rect.right(), rect.y_range(), Stroke::new(1.0, theme.grid_line));
        painter.hline(rect.x_range(), rect.bottom(), Stroke::new(1.0, theme.grid_line));
        // The stage's place in the whole map, not in the exported range: a stage keeps its colour
        // in a partial export.
        let palette = theme.stage_palette[(options.stages_before + index) % theme.stage_palette.len()];
        let colour = stage.colour.map_or(palette, to_color32);
        let band = Rect::from_min_size(rect.min, vec2(rect.width(), (5.0 * zoom).max(2.0)));
        painter.rect_filled(band, 0.0, colour);
        if !readable(layout.sizes.header_font, zoom) {
            continue;
        }
        let inner = rect.shrink2(vec2(12.0, 8.0) * zoom);
        let text_painter = painter.with_clip_rect(rect.intersect(clip));
        // The number leads the name: on its left, or on its right for a right-to-left name.
        let rtl = crate::text::direction(&stage.name).is_rtl();
        let (corner, anchor) =
            if rtl { (inner.right_top(), Align2::RIGHT_TOP) } else { (inner.left_top(), Align2::LEFT_TOP) };
        let number = text_painter.text(
            corner + vec2(0.0, 4.0 * zoom),
            anchor,
            format!("{}", options.stages_before + index + 1),
            font(layout.sizes.goal_font, zoom),
            if theme.own_colour_text { colour } else { palette },
        );
        let name = crate::text::layout(
            text_painter.ctx(),
            &stage.name,
            font(layout.sizes.header_font, zoom),
            theme.header_text,
            inner.width() - number.width() - 6.0 * zoom,
        );
        let name_pos = if rtl {
            pos2(inner.left(), inner.top())
        } else {
            pos2(number.right() + 6.0 * zoom, inner.top())
        };
        let name_height = name.size().y;
        text_painter.galley(name_pos, name, theme.header_text);
        if !stage.goal.is_empty() && readable(layout.sizes.goal_font, zoom) {
            let goal = crate::text::layout(
                text_painter.ctx(),
                &stage.goal,
                font(layout.sizes.goal_font, zoom),
                theme.muted_text,
                inner.width(),
            );
            text_painter.galley(
                pos2(inner.left(), inner.top() + name_height + 3.0 * zoom),
                goal,
                theme.muted_text,
            );
        }
        if let Some(link) = &stage.opens {
            // On the header's lower edge, as a card's mark sits on its upper edge.
            let edge = Rect::from_min_max(pos2(rect.left(), rect.bottom()), rect.right_bottom());
            let sizes = &layout.sizes;
            super::group(painter, options, || super::Group::MapLink(link.clone()));
            super::cards::paint_link_mark(
                painter,
                edge,
                link,
                options.linked,
                sizes,
                zoom,
                theme,
                layout.rtl,
            );
        }
    }
}

fn lanes(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    push_right: f32,
    options: &super::PaintOptions<'_>,
) {
    let zoom = screen_from_scene.scaling;
    let clip = painter.clip_rect();
    for placed in &layout.lanes {
        let rect = (screen_from_scene * placed.header).translate(vec2(push_right, 0.0));
        if !clip.intersects(rect) {
            continue;
        }
        let Some(lane) = map.lane(&placed.id) else { continue };
        super::group(painter, options, || super::Group::Lane(placed.id.clone()));
        painter.rect_filled(rect, 0.0, theme.lane_header);
        painter.hline(rect.x_range(), rect.bottom(), Stroke::new(1.0, theme.grid_line));
        // The lane's colour on its outer edge, a line on the edge the cells start at.
        let (outer, inner_edge) =
            if layout.rtl { (rect.right(), rect.left()) } else { (rect.left(), rect.right()) };
        painter.vline(inner_edge, rect.y_range(), Stroke::new(1.0, theme.grid_line));
        let accent = lane.colour.map_or_else(|| theme.lane_accent(lane.kind), to_color32);
        let bar = (4.0 * zoom).max(2.0);
        let bar_left = if layout.rtl { outer - bar } else { outer };
        painter.rect_filled(
            Rect::from_min_size(pos2(bar_left, rect.top()), vec2(bar, rect.height())),
            0.0,
            accent,
        );
        if !readable(layout.sizes.lane_font, zoom) {
            continue;
        }
        let text_painter = painter.with_clip_rect(rect.intersect(clip));
        let inner = rect.shrink2(vec2(14.0, 9.0) * zoom);
        let marker = if lane.collapsed { "▸ " } else { "" };
        let rtl = crate::text::direction(&lane.title).is_rtl();
        // The Emotions lane's title keeps clear of the scale's level labels along its right edge.
        let levels = lane.kind == LaneKind::Emotions && !lane.collapsed;
        let reserved = if levels { level_labels_width(&text_painter, map, layout, zoom) } else { 0.0 };
        let title = crate::text::layout(
            text_painter.ctx(),
            &if rtl { format!("{}{marker}", lane.title) } else { format!("{marker}{}", lane.title) },
            font(layout.sizes.lane_font, zoom),
            theme.header_text,
            (inner.width() - reserved).max(1.0),
        );
        let mut title_height = title.size().y;
        // The scale's levels sit on the side the cells start at; the title keeps clear of them.
        let title_at = if layout.rtl { inner.min + vec2(reserved, 0.0) } else { inner.min };
        text_painter.galley(title_at, title, theme.header_text);
        // The kind under a lane's own title is the editor's (English) word: a map written in its
        // own language (one with its own words) reads in that language only.
        let kind_shown = lane.title != lane.kind.label() && map.words.is_empty();
        if kind_shown && !lane.collapsed && readable(layout.sizes.goal_font, zoom) {
            let (corner, anchor) = if rtl {
                (inner.right_top(), Align2::RIGHT_TOP)
            } else {
                (inner.left_top(), Align2::LEFT_TOP)
            };
            text_painter.text(
                corner + vec2(0.0, title_height + 2.0 * zoom),
                anchor,
                lane.kind.label(),
                font(layout.sizes.goal_font, zoom),
                theme.muted_text,
            );
            // The curve legend goes below the kind, not over it.
            title_height += layout.sizes.goal_font * 1.3 * zoom + 2.0 * zoom;
        }
        if lane.kind == LaneKind::Emotions && !lane.collapsed {
            super::curves::legend(
                &text_painter,
                map,
                layout,
                theme,
                inner.min + vec2(0.0, title_height + 8.0 * zoom),
                zoom,
                options.pictures,
            );
            let edge = if layout.rtl { rect.left() + 8.0 * zoom } else { rect.right() - 8.0 * zoom };
            level_labels(&text_painter, map, layout, theme, screen_from_scene, edge);
        }
    }
}

/// How much of the lane header's width the scale's level labels take, with a gap before them.
fn level_labels_width(painter: &Painter, map: &Map, layout: &MapLayout, zoom: f32) -> f32 {
    if !readable(layout.sizes.goal_font, zoom) {
        return 0.0;
    }
    let widest = [map.scale.min, map.scale.max]
        .iter()
        .map(|&level| {
            let text = if level > 0 && map.scale.min < 0 { format!("+{level}") } else { level.to_string() };
            painter.layout_no_wrap(text, font(layout.sizes.goal_font, zoom), egui::Color32::WHITE).size().x
        })
        .fold(0.0, f32::max);
    // The labels end 8 in from the header's edge and the title's box 14 in: the label's width
    // and a small gap.
    widest + 4.0 * zoom
}

/// The scale's levels, aligned against the lane header's inner edge (`edge`: its right, or its
/// left in a map laid out right to left).
fn level_labels(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    edge: f32,
) {
    let zoom = screen_from_scene.scaling;
    let anchor = if layout.rtl { Align2::LEFT_CENTER } else { Align2::RIGHT_CENTER };
    let Some(range) = geom::value_range(layout) else { return };
    if !readable(layout.sizes.goal_font, zoom) {
        return;
    }
    for level in map.scale.min..=map.scale.max {
        let y = (screen_from_scene * Pos2::new(0.0, geom::y_of(map, range, level as f32))).y;
        let text = if level > 0 && map.scale.min < 0 { format!("+{level}") } else { level.to_string() };
        let colour = theme.sentiment(map.scale.normalized(level as f32));
        painter.text(pos2(edge, y), anchor, text, font(layout.sizes.goal_font, zoom), colour);
    }
}
