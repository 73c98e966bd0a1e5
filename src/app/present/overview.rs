//! The presentation's opening view as a slide that reads from the back of a room: the map's
//! title and scenario, each stage as a column with its name, how many cards it holds and its
//! top cards, and the sentiment curves drawn large across the columns. The whole map in miniature
//! (the canvas at the overview's zoom) is a thin strip on a wide screen; this is what the room
//! needs to see first.

use egui::{Color32, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};

use crate::layout::MapLayout;
use crate::model::{LaneKind, Map};
use crate::theme::Theme;

/// Type sizes at 1080 pixels high; nothing on the slide is smaller than the smallest.
const TITLE: f32 = 52.0;
const SCENARIO: f32 = 26.0;
const STAGE_NAME: f32 = 28.0;
const SMALL: f32 = 20.0;
/// Cards shown under each stage's name (as many as fit), and the rows of each.
const TOP_CARDS: usize = 4;
const CARD_ROWS: usize = 3;

/// Paints the slide into `area`; `s` is the presentation's scale (1 at 1080 pixels high).
pub(super) fn slide(ui: &Ui, map: &Map, layout: &MapLayout, theme: &Theme, area: Rect, s: f32) {
    let ctx = ui.ctx().clone();
    let margin = 48.0 * s;
    let inner = area.shrink2(vec2(margin, margin * 0.75));
    let mut y = inner.top();
    y = label(ui, &map.title, TITLE * s, theme.header_text, pos2(inner.left(), y), inner.width(), None)
        .bottom();
    if !map.scenario.is_empty() {
        // Under the title, from the side the title starts at.
        let width = inner.width() * 0.85;
        let left =
            if crate::text::direction(&map.scenario).is_rtl() { inner.right() - width } else { inner.left() };
        y = label(ui, &map.scenario, SCENARIO * s, theme.muted_text, pos2(left, y + 6.0 * s), width, Some(2))
            .bottom();
    }
    let stages = map.stages.len();
    if stages == 0 {
        return;
    }
    let columns = Rect::from_min_max(pos2(inner.left(), y + 28.0 * s), inner.max);
    let gap = 14.0 * s;
    let width = (columns.width() - gap * (stages - 1) as f32) / stages as f32;
    let name_size = if width < 200.0 * s { 24.0 * s } else { STAGE_NAME * s };
    let emotions = layout.lanes.iter().find(|l| l.kind == LaneKind::Emotions && !l.collapsed);
    let curves = emotions.is_some() && layout.curves.iter().any(|c| !c.hidden && !c.points.is_empty());
    let band_height = if curves { (columns.height() * 0.36).min(320.0 * s) } else { 0.0 };
    let band = Rect::from_min_max(pos2(columns.left(), columns.bottom() - band_height), columns.max);
    let painter = ui.painter().clone();

    // Stage 1 at the left, or at the right in a map that reads right to left.
    let rtl = map.direction.is_rtl();
    let column_rect = |i: usize| {
        let place = if rtl { stages - 1 - i } else { i };
        let left = columns.left() + place as f32 * (width + gap);
        Rect::from_min_max(pos2(left, columns.top()), pos2(left + width, columns.bottom()))
    };
    for (i, stage) in map.stages.iter().enumerate() {
        let column = column_rect(i);
        let colour = stage.colour.map_or(theme.accent, crate::theme::to_color32);
        painter.rect_filled(column, 12.0 * s, theme.card.gamma_multiply(0.55));
        painter.rect_filled(Rect::from_min_size(column.min, vec2(column.width(), 8.0 * s)), 4.0 * s, colour);
        let pad = 14.0 * s;
        let text_width = column.width() - 2.0 * pad;
        let mut at = column.top() + 18.0 * s;
        // In a map that reads right to left the column's lines start at its right edge: the number
        // and the count (in the editor's language) stand there too.
        let start_x = |words: &str| {
            if !rtl {
                return column.left() + pad;
            }
            let measured = crate::text::layout(
                ui.ctx(),
                words,
                FontId::proportional(SMALL * s),
                theme.muted_text,
                text_width,
            );
            column.right() - pad - measured.size().x.min(text_width)
        };
        let number = format!("{}", i + 1);
        at = label(ui, &number, SMALL * s, theme.muted_text, pos2(start_x(&number), at), text_width, Some(1))
            .bottom();
        at = label(
            ui,
            &stage.name,
            name_size,
            theme.header_text,
            pos2(column.left() + pad, at),
            text_width,
            Some(3),
        )
        .bottom();
        let cards: Vec<&crate::model::Card> = map.cards.iter().filter(|c| c.stage == stage.id).collect();
        let count = t!("status-cards", count = cards.len());
        at = label(
            ui,
            &count,
            SMALL * s,
            theme.muted_text,
            pos2(start_x(&count), at + 4.0 * s),
            text_width,
            Some(1),
        )
        .bottom()
            + 8.0 * s;
        let room_for_cards = band.top() - 12.0 * s;
        for card in top_cards(map, &cards) {
            let kind = map.lane(&card.lane).map_or(LaneKind::Custom, |l| l.kind);
            let galley = crate::text::layout(
                &ctx,
                &card.title,
                FontId::proportional(SMALL * s),
                theme.text,
                text_width - 14.0 * s,
            );
            let row_height = galley.size().y / galley.rows.len().max(1) as f32;
            // Whole rows only: as many as the card has, up to a few, and as fit above the curves.
            let fit = ((room_for_cards - at - 12.0 * s) / row_height).floor().max(0.0) as usize;
            let rows = galley.rows.len().min(CARD_ROWS).min(fit);
            if rows == 0 {
                break;
            }
            let chip = Rect::from_min_size(
                pos2(column.left() + pad, at),
                vec2(text_width, rows as f32 * row_height + 12.0 * s),
            );
            painter.rect_filled(chip, 6.0 * s, theme.card);
            painter.rect_filled(
                Rect::from_min_size(chip.min, vec2(5.0 * s, chip.height())),
                2.0 * s,
                theme.lane_accent(kind),
            );
            let text_at = chip.min + vec2(11.0 * s, 6.0 * s);
            painter.with_clip_rect(chip.shrink(2.0 * s)).galley(text_at, galley, theme.text);
            name(ui, chip, ("overview card", &card.id), &card.title);
            at = chip.bottom() + 6.0 * s;
        }
    }

    if let (true, Some(emotions)) = (curves, emotions) {
        curve_band(&painter, map, layout, theme, band, emotions.row, &column_rect, (gap, s));
    }
}

/// The cards that stand for a stage: the most voted first, then pain points and opportunities
/// (what a workshop talks about), then the rest in the map's order.
fn top_cards<'m>(map: &'m Map, cards: &[&'m crate::model::Card]) -> Vec<&'m crate::model::Card> {
    let weight = |c: &crate::model::Card| match map.lane(&c.lane).map(|l| l.kind) {
        Some(LaneKind::PainPoints | LaneKind::Obstacles) => 0,
        Some(LaneKind::Opportunities) => 1,
        _ => 2,
    };
    let mut ranked: Vec<&crate::model::Card> = cards.to_vec();
    ranked.sort_by_key(|c| (std::cmp::Reverse(c.votes), weight(c)));
    ranked.truncate(TOP_CARDS);
    ranked
}

/// The curves, large, across the columns: each scene x is carried into its stage's column on the
/// slide, each y from the Emotions lane into the band.
#[allow(clippy::too_many_arguments, reason = "one drawing step with its frame of reference")]
fn curve_band(
    painter: &egui::Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    band: Rect,
    row: Rect,
    column_rect: &dyn Fn(usize) -> Rect,
    (gap, s): (f32, f32),
) {
    painter.rect_filled(band, 12.0 * s, theme.card.gamma_multiply(0.55));
    let plot = band.shrink2(vec2(0.0, 22.0 * s));
    let to_slide = |p: Pos2| -> Pos2 {
        // The stage whose column holds `p`, else the nearest (either direction).
        let distance = |st: &crate::layout::StageBox| {
            if st.header.x_range().contains(p.x) { 0.0 } else { (st.header.center().x - p.x).abs() }
        };
        let i = (0..layout.stages.len())
            .min_by(|a, b| distance(&layout.stages[*a]).total_cmp(&distance(&layout.stages[*b])))
            .unwrap_or(0);
        let x = layout.stages.get(i).map_or(plot.center().x, |st| {
            let t = ((p.x - st.header.left()) / st.header.width().max(1.0)).clamp(0.0, 1.0);
            // A column and half the gaps on each side: the boundary between two stages lands in
            // the middle of the gap between their columns, so a line runs on without a kink.
            let column = column_rect(i).expand2(vec2(gap / 2.0, 0.0));
            column.left() + t * column.width()
        });
        let t = ((p.y - row.top()) / row.height().max(1.0)).clamp(0.0, 1.0);
        pos2(x, plot.top() + t * plot.height())
    };
    // The neutral line, where the scale's middle sits.
    let mid = 1.0 - map.scale.normalized(map.scale.mid());
    let neutral_y = plot.top() + mid * plot.height();
    painter.extend(egui::Shape::dashed_line(
        &[pos2(band.left() + 12.0 * s, neutral_y), pos2(band.right() - 12.0 * s, neutral_y)],
        Stroke::new(2.0 * s, theme.neutral.gamma_multiply(0.7)),
        10.0 * s,
        8.0 * s,
    ));
    let shown: Vec<&crate::layout::CurveGeometry> = layout.curves.iter().filter(|c| !c.hidden).collect();
    // Two curves or more: a legend names them, top left of the band.
    if shown.len() > 1 {
        let mut at = band.left_top() + vec2(16.0 * s, 10.0 * s);
        for curve in &shown {
            let colour = crate::render::curves::curve_colour(theme, curve.colour, curve.index);
            let name = map.curve(&curve.id).map_or("", |c| c.name.as_str());
            painter.circle_filled(at + vec2(7.0 * s, 12.0 * s), 7.0 * s, colour);
            let galley = crate::text::no_wrap(
                &painter.ctx().clone(),
                name,
                FontId::proportional(SMALL * s),
                theme.text,
            );
            let width = galley.size().x;
            painter.galley(at + vec2(20.0 * s, 0.0), galley, theme.text);
            at.x += width + 48.0 * s;
        }
    }
    for curve in shown {
        let colour = crate::render::curves::curve_colour(theme, curve.colour, curve.index);
        for line in curve.lines() {
            let points: Vec<Pos2> = line.into_iter().map(to_slide).collect();
            painter.add(egui::Shape::line(points, Stroke::new(5.0 * s, colour)));
        }
        for point in &curve.points {
            let at = to_slide(point.pos);
            painter.circle(at, 9.0 * s, colour, Stroke::new(3.0 * s, theme.card));
        }
    }
}

/// Text at `at`, `width` wide, at most `rows` rows (cut, not squeezed), in the text's own
/// direction; named by its words for screen readers and tests. Returns where it is.
fn label(
    ui: &Ui,
    words: &str,
    size: f32,
    colour: Color32,
    at: Pos2,
    width: f32,
    rows: Option<usize>,
) -> Rect {
    let galley = crate::text::layout(ui.ctx(), words, FontId::proportional(size), colour, width);
    let row_height = galley.size().y / galley.rows.len().max(1) as f32;
    let shown = rows.map_or(galley.rows.len(), |r| galley.rows.len().min(r));
    let rect = Rect::from_min_size(at, vec2(width, row_height * shown as f32));
    ui.painter().with_clip_rect(rect.expand(2.0)).galley(at, galley, colour);
    name(ui, rect, ("overview text", words), words);
    rect
}

/// Gives `rect` a name for screen readers and tests.
fn name(ui: &Ui, rect: Rect, id: impl std::hash::Hash + std::fmt::Debug, words: &str) {
    let response = ui.interact(rect, ui.scope_id().with(id), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, words));
}
