//! Cards and the links between them.

use egui::emath::TSTransform;
use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};

use super::{PaintOptions, font, readable};
use crate::layout::{CardBox, MapLayout};
use crate::model::{Card, Flag, Map};
use crate::theme::{Sizes, Theme};

/// Cards less tall than this on screen are drawn as flat blocks.
const TINY: f32 = 14.0;
/// All cards are drawn as flat blocks when their titles would be smaller than this on screen.
const TINY_TEXT: f32 = 6.5;

pub(super) fn paint_cards(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    visible: Rect,
    options: &PaintOptions<'_>,
) {
    // Cards too small to show detail all go into one mesh of flat blocks: a zoomed-out view of a
    // big map stays readable as a pattern and costs one shape instead of thousands.
    let zoom = screen_from_scene.scaling;
    // Decided for the whole view, not card by card, so one zoom never mixes text and blocks.
    let blocks_only = layout.sizes.card_font * zoom < TINY_TEXT;
    let mut blocks = egui::epaint::Mesh::default();
    for placed in layout.visible_cards(visible) {
        if options.lifted.is_some_and(|l| l.contains(&placed.id)) {
            continue;
        }
        // The layout was made from this map, so its index is direct; check it all the same.
        let Some(card) = map.cards.get(placed.index).filter(|c| c.id == placed.id) else { continue };
        let lane = &layout.lanes[placed.lane];
        let selected = options.selected.is_some_and(|s| s.contains(&placed.id));
        let hovered = options.hovered == Some(&placed.id);
        let rect = screen_from_scene * placed.rect;
        if (blocks_only || rect.height() < TINY) && !selected {
            let accent = card.colour.map_or_else(|| theme.lane_accent(lane.kind), crate::theme::to_color32);
            blocks.add_colored_rect(rect, theme.card_fill(lane.kind, card.colour));
            // Stripe and text from the leading edge: the left, or the right right to left.
            let stripe = (2.0 * zoom).max(1.0);
            let stripe_x = if layout.rtl { rect.right() - stripe } else { rect.left() };
            blocks.add_colored_rect(
                Rect::from_min_size(pos2(stripe_x, rect.top()), vec2(stripe, rect.height())),
                accent,
            );
            let text_size = vec2(rect.width() * 0.8, (placed.title_height * zoom * 0.6).max(1.0));
            let text_x =
                if layout.rtl { rect.right() - 4.0 * zoom - text_size.x } else { rect.left() + 4.0 * zoom };
            let text = Rect::from_min_size(pos2(text_x, rect.top() + 2.0 * zoom), text_size);
            blocks.add_colored_rect(text, theme.muted_text.gamma_multiply(0.35));
            if let Some(picture) = placed.picture_rect(&layout.sizes) {
                blocks.add_colored_rect(screen_from_scene * picture, theme.picture_placeholder);
            }
            continue;
        }
        super::group(painter, options, || super::Group::Card(placed.id.clone()));
        let votes = if options.votes { card.votes } else { 0 };
        let winner = options.winners.is_some_and(|w| w.contains(&placed.id));
        paint_card(
            painter,
            card,
            &map.words,
            placed,
            lane.kind,
            theme,
            &layout.sizes,
            screen_from_scene * placed.rect,
            screen_from_scene.scaling,
            CardState {
                selected,
                hovered,
                lifted: false,
                votes,
                winner,
                mark: options.marks.and_then(|m| m.of(&placed.id)),
                rtl: layout.rtl,
            },
            options.pictures,
        );
        if let Some(link) = &card.opens {
            let rect = screen_from_scene * placed.rect;
            super::group(painter, options, || super::Group::MapLink(link.clone()));
            paint_link_mark(painter, rect, link, options.linked, &layout.sizes, zoom, theme, layout.rtl);
        }
    }
    if !blocks.is_empty() {
        painter.add(egui::Shape::mesh(blocks));
    }
}

/// The text of a link's mark: the opened map's title, or its file's name when the title is not
/// known, or the file's name with a warning sign when the map is missing.
pub fn link_mark_text(link: &str, linked: Option<&super::Linked>) -> String {
    let stem = std::path::Path::new(link)
        .file_stem()
        .map_or_else(|| link.to_owned(), |s| s.to_string_lossy().into_owned());
    match linked.and_then(|l| l.get(link)) {
        Some(Some(title)) => format!("↗ {}", crate::text::shown_part(title)),
        Some(None) => format!("⚠ {stem}"),
        None => format!("↗ {stem}"),
    }
}

/// Where the "opens map" mark of an item sits: a small tag on the item's `edge` (a card's top
/// edge, a stage header's bottom edge), at its trailing corner, and its text laid out.
pub fn link_mark(
    ctx: &egui::Context,
    edge: Rect,
    text: &str,
    sizes: &Sizes,
    zoom: f32,
    rtl: bool,
) -> (Rect, std::sync::Arc<egui::Galley>) {
    let galley = crate::text::no_wrap(ctx, text, font(sizes.card_meta_font, zoom), Color32::WHITE);
    let pad = vec2(5.0 * zoom, 2.0 * zoom);
    let width = (galley.size().x + 2.0 * pad.x).min((edge.width() * 0.7).max(1.0));
    let height = galley.size().y + 2.0 * pad.y;
    let inset = 8.0 * zoom;
    let x = if rtl { edge.left() + inset } else { edge.right() - inset - width };
    (Rect::from_min_size(pos2(x, edge.top() - height * 0.55), vec2(width, height)), galley)
}

/// Paints the "opens map" mark of an item whose `edge` is given (see [`link_mark`]), naming
/// the map `link` opens; a missing map's mark is drawn as a warning.
#[expect(clippy::too_many_arguments, reason = "a mark sits on an item drawn with all of these")]
pub fn paint_link_mark(
    painter: &Painter,
    edge: Rect,
    link: &str,
    linked: Option<&super::Linked>,
    sizes: &Sizes,
    zoom: f32,
    theme: &Theme,
    rtl: bool,
) {
    if sizes.card_meta_font * zoom < crate::theme::MIN_READABLE_FONT * 0.5 {
        return;
    }
    let text = link_mark_text(link, linked);
    let missing = linked.and_then(|l| l.get(link)).is_some_and(Option::is_none);
    let (rect, galley) = link_mark(painter.ctx(), edge, &text, sizes, zoom, rtl);
    let fill = if missing { theme.flag_exit } else { theme.link };
    let round = CornerRadius::same((rect.height() / 2.0).min(255.0) as u8);
    painter.rect(rect, round, fill, Stroke::NONE, StrokeKind::Inside);
    let pad = vec2(5.0 * zoom, 2.0 * zoom);
    let clip = painter.with_clip_rect(rect.shrink2(vec2(pad.x * 0.5, 0.0)).intersect(painter.clip_rect()));
    clip.galley(rect.min + pad, galley, Color32::WHITE);
}

/// How a card is being interacted with.
#[derive(Clone, Copy, Debug, Default)]
pub struct CardState {
    pub selected: bool,
    pub hovered: bool,
    /// Being dragged: drawn raised.
    pub lifted: bool,
    /// Dot-vote dots to draw on the card (0 when votes are not shown).
    pub votes: u32,
    /// Among the most voted cards: drawn with a ring.
    pub winner: bool,
    /// Added, changed or removed, in a diff image.
    pub mark: Option<super::Mark>,
    /// On a map laid out right to left: the lane's stripe on the right edge, chips from the right.
    pub rtl: bool,
}

/// Paints one card into a screen rectangle.
#[expect(clippy::too_many_arguments, reason = "a card's look depends on all of these")]
pub fn paint_card(
    painter: &Painter,
    card: &Card,
    words: &crate::model::Words,
    placed: &CardBox,
    lane_kind: crate::model::LaneKind,
    theme: &Theme,
    size: &Sizes,
    rect: Rect,
    zoom: f32,
    state: CardState,
    pictures: Option<&super::pictures::Pictures>,
) {
    let accent = card.colour.map_or_else(|| theme.lane_accent(lane_kind), crate::theme::to_color32);
    let rounding = CornerRadius::same((size.card_rounding * zoom).round().clamp(0.0, 255.0) as u8);
    let lift = if state.lifted { 6.0 } else { 1.5 } * zoom;
    // Only the strip of shadow that shows under the card is painted: the rest would be covered,
    // and on a software renderer hidden pixels cost as much as visible ones.
    let shadow = if state.lifted {
        rect.translate(vec2(0.0, lift))
    } else {
        Rect::from_min_max(
            pos2(rect.left(), rect.bottom() - 2.0 * f32::from(rounding.se) - 1.0),
            pos2(rect.right(), rect.bottom() + lift),
        )
    };
    painter.rect_filled(shadow, rounding, theme.card_shadow);
    let border = if state.selected {
        Stroke::new(2.0, theme.selection)
    } else if state.hovered {
        Stroke::new(1.5, theme.accent.gamma_multiply(0.6))
    } else {
        Stroke::new(1.0, theme.card_border)
    };
    painter.rect(rect, rounding, theme.card_fill(lane_kind, card.colour), border, StrokeKind::Inside);
    // A stripe of the lane's colour on the leading edge tells lanes apart at a glance.
    let stripe_width = (3.0 * zoom).max(1.0);
    let stripe_left = if state.rtl { rect.right() - stripe_width } else { rect.left() };
    let stripe = Rect::from_min_size(pos2(stripe_left, rect.top()), vec2(stripe_width, rect.height()));
    painter.rect_filled(
        stripe.shrink2(vec2(0.0, (size.card_rounding * zoom).min(rect.height() / 2.0))),
        0.0,
        accent,
    );

    let pad = size.card_padding * zoom;
    if let Some(image) = &card.image
        && let Some(frame) = placed.picture_rect(size)
    {
        // From the card's place to where it is drawn (it may be lifted, away from its place).
        let frame = Rect::from_min_size(rect.min + (frame.min - placed.rect.min) * zoom, frame.size() * zoom);
        let round = CornerRadius::same((size.card_rounding * 0.6 * zoom).round().clamp(0.0, 255.0) as u8);
        let shown = pictures.and_then(|p| p.get(image));
        super::pictures::paint_picture(painter, frame, round, image, shown, theme, zoom);
    }
    let text_rect = rect.shrink(pad);
    let text_rect =
        Rect::from_min_max(text_rect.min + vec2(0.0, placed.title_offset(size) * zoom), text_rect.max);
    // No clip rect per card: text is wrapped and cut to fit instead. Clip rects split the frame
    // into one draw call per card, which a software renderer pays for dearly.
    if readable(size.card_font, zoom) {
        let rows = (placed.title_height / (size.card_font * 1.2)).round().max(1.0) as usize;
        let galley =
            fitted(painter, &card.title, font(size.card_font, zoom), theme.text, text_rect.width(), rows);
        painter.galley(text_rect.min, galley, theme.text);
    } else {
        let bar = text_rect.width() * 0.85;
        let at = if state.rtl { pos2(text_rect.right() - bar, text_rect.top()) } else { text_rect.min };
        greeked(painter, at, bar, placed.title_height * zoom, theme);
    }
    if placed.has_meta {
        let meta_top = text_rect.min.y + (placed.title_height + 4.0) * zoom;
        let meta = Rect::from_min_size(
            pos2(text_rect.left(), meta_top),
            vec2(text_rect.width(), placed.meta.height * zoom),
        );
        paint_meta(painter, card, words, meta, (placed.meta.wraps, state.rtl), size, zoom, theme);
    }
    if placed.notes_height > 0.0 && readable(size.card_meta_font, zoom) {
        let details = if placed.has_meta { placed.meta.height + 4.0 } else { 0.0 };
        let top = text_rect.min.y + (placed.title_height + details + 4.0) * zoom;
        let rows = ((placed.notes_height - 4.0) / (size.card_meta_font * 1.3)).round().max(1.0) as usize;
        let galley = fitted(
            painter,
            &card.notes,
            font(size.card_meta_font, zoom),
            theme.muted_text,
            text_rect.width(),
            rows,
        );
        painter.galley(pos2(text_rect.left(), top), galley, theme.muted_text);
    }
    if let Some(mark) = state.mark {
        let colour = match mark {
            super::Mark::Added => theme.positive,
            super::Mark::Changed => theme.neutral,
            super::Mark::Removed => {
                // A ghost: the card fades into the map, with a red edge.
                painter.rect_filled(rect, rounding, theme.body.gamma_multiply(0.65));
                theme.negative
            }
        };
        let ring = Stroke::new((3.0 * zoom).clamp(2.0, 6.0), colour);
        painter.rect_stroke(rect.expand(2.0 * zoom), rounding, ring, StrokeKind::Outside);
    }
    if state.winner {
        let ring = Stroke::new((4.0 * zoom).clamp(2.0, 8.0), theme.winner);
        painter.rect_stroke(rect.expand(5.0 * zoom), rounding, ring, StrokeKind::Outside);
    }
    if state.votes > 0 {
        paint_votes(painter, rect, state.votes, size, zoom, theme);
    }
}

/// Dot-vote dots along the top edge of a card, right-aligned: one dot a vote up to five, then a
/// dot with the count, so a row of them reads from the back of a room.
fn paint_votes(painter: &Painter, rect: Rect, votes: u32, size: &Sizes, zoom: f32, theme: &Theme) {
    let radius = size.vote_dot * zoom;
    if radius < 1.5 {
        return;
    }
    let step = radius * 2.0 + 3.0 * zoom;
    let centre_y = rect.top();
    let ring = Stroke::new((2.0 * zoom).clamp(1.0, 3.0), theme.card);
    if votes <= 5 {
        for k in 0..votes {
            let x = rect.right() - radius - 6.0 * zoom - k as f32 * step;
            painter.circle(pos2(x, centre_y), radius, theme.vote, ring);
        }
    } else {
        let text =
            painter.layout_no_wrap(format!("{votes}"), font(size.vote_dot * 1.4, zoom), theme.vote_text);
        let width = (text.size().x + radius * 1.2).max(radius * 2.0);
        let pill = Rect::from_center_size(
            pos2(rect.right() - width / 2.0 - 6.0 * zoom, centre_y),
            vec2(width, radius * 2.0),
        );
        painter.rect(
            pill,
            CornerRadius::same(radius.min(255.0) as u8),
            theme.vote,
            ring,
            StrokeKind::Outside,
        );
        painter.galley(pill.center() - text.size() / 2.0, text, theme.vote_text);
    }
}

/// Grey bars where text would be, for text too small to read.
fn greeked(painter: &Painter, top_left: Pos2, width: f32, height: f32, theme: &Theme) {
    let bar = Rect::from_min_size(top_left, vec2(width, (height * 0.6).max(1.0)));
    painter.rect_filled(bar, 0.0, theme.muted_text.gamma_multiply(0.35));
}

/// A card's details under its title: flag chips, then channel and metrics after them on the same
/// line, or on lines of their own when the layout found they do not fit there (`wraps`).
#[expect(clippy::too_many_arguments, reason = "the details depend on all of these")]
fn paint_meta(
    painter: &Painter,
    card: &Card,
    words: &crate::model::Words,
    rect: Rect,
    (wraps, rtl): (bool, bool),
    size: &Sizes,
    zoom: f32,
    theme: &Theme,
) {
    if !readable(size.card_meta_font, zoom) {
        return;
    }
    // Chips run from the leading edge: the left, or the right on a map laid out right to left.
    let mut x = if rtl { rect.right() } else { rect.left() };
    let chip_font = font(size.card_meta_font, zoom);
    for flag in &card.flags {
        let colour = flag_colour(*flag, theme);
        let galley = crate::text::no_wrap(
            painter.ctx(),
            &flag_short(*flag, words),
            chip_font.clone(),
            theme.chip_text,
        );
        let size = galley.size() + vec2(10.0, 4.0) * zoom;
        let chip = Rect::from_min_size(pos2(if rtl { x - size.x } else { x }, rect.top()), size);
        painter.rect_filled(chip, CornerRadius::same((chip.height() / 2.0).min(255.0) as u8), colour);
        painter.galley(chip.min + vec2(5.0, 2.0) * zoom, galley, theme.chip_text);
        x = if rtl { chip.left() - 4.0 * zoom } else { chip.right() + 4.0 * zoom };
    }
    let text = meta_text(card, words);
    if text.is_empty() {
        return;
    }
    if wraps {
        let top = if card.flags.is_empty() { rect.top() } else { rect.top() + size.card_meta_height * zoom };
        let galley = crate::text::layout(painter.ctx(), &text, chip_font, theme.muted_text, rect.width());
        painter.galley(pos2(rect.left(), top + 2.0 * zoom), galley, theme.muted_text);
    } else {
        // One line, as the layout measured it; the cut only guards against rounding at odd zooms.
        let (from, to) = if rtl { (rect.left(), x) } else { (x, rect.right()) };
        let galley = fitted(painter, &text, chip_font, theme.muted_text, (to - from).max(1.0), 1);
        painter.galley(pos2(from, rect.top() + 2.0 * zoom), galley, theme.muted_text);
    }
}

/// Text wrapped at `width` and cut with an ellipsis after `max_rows` rows; a right-to-left
/// paragraph reads from the right edge of `width`.
pub fn fitted(
    painter: &Painter,
    text: &str,
    font: egui::FontId,
    colour: Color32,
    width: f32,
    max_rows: usize,
) -> std::sync::Arc<egui::Galley> {
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, colour, width);
    job.wrap.max_rows = max_rows;
    job.wrap.overflow_character = Some('…');
    crate::text::galley(painter.ctx(), job)
}

pub use crate::layout::{flag_short, meta_text};

pub fn flag_colour(flag: Flag, theme: &Theme) -> Color32 {
    match flag {
        Flag::MomentOfTruth => theme.flag_truth,
        Flag::ExitPoint => theme.flag_exit,
        Flag::FailPoint => theme.flag_fail,
        Flag::WaitPoint => theme.flag_wait,
    }
}
