//! The journey grid: stages as columns, lanes as rows, cards stacked in their cells.

use std::collections::HashMap;

use egui::{Rect, pos2, vec2};

use super::{CardBox, Divider, LaneBox, MapLayout, StageBox, View, curve};
use crate::model::{Card, LaneKind, Map};
use crate::theme::Sizes;

/// Measures text: `(text, font size, wrap width) -> height`, all in scene units.
/// The size of `text` at a font size, wrapped at a width (`f32::INFINITY` for one line).
pub type Measure<'a> = dyn FnMut(&str, f32, f32) -> egui::Vec2 + 'a;

/// How a card's details sit under its title: flag chips first, then channel and metrics after
/// them on the same line when they fit, else wrapped onto lines of their own (the card grows;
/// nothing is cut).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MetaFit {
    /// Channel and metrics start on a line below the chips (or, without chips, wrap).
    pub wraps: bool,
    /// The height of the details, in scene units.
    pub height: f32,
}

/// Lays out a card's details in `width`.
pub fn meta_fit(
    card: &Card,
    words: &crate::model::Words,
    sizes: &Sizes,
    width: f32,
    measure: &mut Measure<'_>,
) -> MetaFit {
    let font = sizes.card_meta_font;
    let chips: f32 =
        card.flags.iter().map(|f| measure(&flag_short(*f, words), font, f32::INFINITY).x + 10.0 + 4.0).sum();
    let text = meta_text(card, words);
    if text.is_empty() {
        return MetaFit { wraps: false, height: if chips > 0.0 { sizes.card_meta_height } else { 0.0 } };
    }
    let one_line = measure(&text, font, f32::INFINITY).x;
    if one_line <= width - chips {
        return MetaFit { wraps: false, height: sizes.card_meta_height };
    }
    let wrapped = measure(&text, font, width).y;
    let chip_row = if chips > 0.0 { sizes.card_meta_height } else { 0.0 };
    MetaFit { wraps: true, height: (chip_row + wrapped + 4.0).max(sizes.card_meta_height) }
}

/// A flag's chip text.
pub fn flag_short(flag: crate::model::Flag, words: &crate::model::Words) -> String {
    use crate::model::{Flag, Word};
    match flag {
        Flag::MomentOfTruth => format!("★ {}", words.get(Word::FlagTruth)),
        Flag::ExitPoint => words.get(Word::FlagExit).to_owned(),
        Flag::FailPoint => format!("× {}", words.get(Word::FlagFail)),
        Flag::WaitPoint => format!("⏱ {}", words.get(Word::FlagWait)),
    }
}

/// Priority, effort, channel and metrics in a few words: "Priority high · Live chat · CSAT 88%".
pub fn meta_text(card: &Card, words: &crate::model::Words) -> String {
    use crate::model::Word;
    let mut parts: Vec<String> = Vec::new();
    // A workshop participant's note says who wrote it.
    if !card.author.is_empty() {
        parts.push(format!("— {}", card.author));
    }
    // What matters most first: how much the card matters and what it would take.
    for (rating, word) in [(card.priority, Word::Priority), (card.effort, Word::Effort)] {
        if let Some(rating) = rating {
            parts.push(format!("{} {}", words.get(word), words.get(Word::of_rating(rating))));
        }
    }
    if let Some(channel) = &card.channel {
        parts.push(words.channel_name(channel).to_owned());
    }
    // NPS, CSAT and CES read the same in every language; the other two are the map's words.
    let names = [None, None, None, Some(Word::ReportedBy), Some(Word::DropOff)];
    for ((spec, value), name) in crate::model::Metrics::SPECS.iter().zip(card.metrics.values()).zip(names) {
        if let Some(v) = value {
            let number = if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") };
            let label = name.map_or(spec.label, |w| words.get(w));
            parts.push(format!("{label} {number}{}", spec.suffix));
        }
    }
    parts.join(" · ")
}

/// Lays out `map` for `view` with the given sizes.
pub fn layout(map: &Map, view: View, sizes: Sizes, measure: &mut Measure<'_>) -> MapLayout {
    let mut out = MapLayout { view, sizes, ..MapLayout::default() };
    let width = sizes.lane_header_width
        + map.stages.iter().map(|s| sizes.stage_width * s.width).sum::<f32>().max(sizes.stage_width);
    let (top, stacked) = title_band(map, &sizes, width, measure);
    out.title_stacked = stacked;
    let header_bottom = top + sizes.stage_header_height;

    // Columns, and how many cards sit side by side in each.
    let mut x = sizes.lane_header_width;
    for stage in &map.stages {
        let width = sizes.stage_width * stage.width;
        out.stages.push(StageBox {
            id: stage.id.clone(),
            header: Rect::from_min_max(pos2(x, top), pos2(x + width, header_bottom)),
            column: Rect::NOTHING,
            columns: card_columns(sizes, width),
        });
        x += width;
    }
    let right = x.max(sizes.lane_header_width + sizes.stage_width);
    // The cards of a row share the cell's width: a row of fewer cards than fit gets wider cards.
    let card_width = |stage: &StageBox, in_row: usize| {
        let inner = stage.header.width() - 2.0 * sizes.cell_padding;
        (inner - (in_row.max(1) - 1) as f32 * sizes.card_gap) / in_row.max(1) as f32
    };

    // Cards by cell, in map order (which is their order in the cell), found in one pass.
    let stage_ix: HashMap<&str, usize> =
        map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let lane_ix: HashMap<&str, usize> =
        map.lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let mut by_cell: Vec<Vec<usize>> = vec![Vec::new(); map.lanes.len() * map.stages.len()];
    for (card_index, card) in map.cards.iter().enumerate() {
        if let (Some(&l), Some(&s)) = (lane_ix.get(card.lane.as_str()), stage_ix.get(card.stage.as_str())) {
            by_cell[l * map.stages.len() + s].push(card_index);
        }
    }
    // A card's height depends on its width: (height, title height, has details, details,
    // picture height, notes height).
    let mut card_size = |card: &Card, width: f32, show_notes: bool| {
        let inner = width - 2.0 * sizes.card_padding;
        let title = measure(&card.title, sizes.card_font, inner).y.max(sizes.card_font);
        let has_meta = card_has_meta(card);
        let meta =
            if has_meta { meta_fit(card, &map.words, &sizes, inner, measure) } else { MetaFit::default() };
        let below = if has_meta { meta.height + 4.0 } else { 0.0 };
        let picture = if card.image.is_some() { super::picture_height(inner, &sizes) } else { 0.0 };
        let above = if picture > 0.0 { picture + sizes.card_padding * 0.75 } else { 0.0 };
        let notes = if show_notes && !card.notes.trim().is_empty() {
            let line = sizes.card_meta_font * 1.3;
            measure(&card.notes, sizes.card_meta_font, inner).y.min(line * super::NOTES_MAX_LINES) + 4.0
        } else {
            0.0
        };
        (2.0 * sizes.card_padding + above + title + below + notes, title, has_meta, meta, picture, notes)
    };

    // Rows, in the view's order.
    let mut y = header_bottom;
    for lane_index in lane_order(map, view) {
        let lane = &map.lanes[lane_index];
        let row_index = out.lanes.len();
        let min = if lane.kind == LaneKind::Emotions {
            sizes.emotions_height * lane.height
        } else {
            sizes.lane_min_height * lane.height
        };
        let mut tallest: f32 = 0.0;
        for stage_index in 0..map.stages.len() {
            let first = out.cards.len();
            if !lane.collapsed {
                let stage = &out.stages[stage_index];
                let left = stage.header.left() + sizes.cell_padding;
                let cell = &by_cell[lane_index * map.stages.len() + stage_index];
                let mut cy = y + sizes.cell_padding;
                // Cards fill rows left to right; the cards of a row share its height.
                for row in cell.chunks(stage.columns) {
                    let width = card_width(stage, row.len());
                    let sized: Vec<_> =
                        row.iter().map(|&i| card_size(&map.cards[i], width, lane.show_notes)).collect();
                    let row_height = sized.iter().map(|s| s.0).fold(0.0, f32::max);
                    for (
                        column,
                        (&card_index, &(_, title_height, has_meta, meta, picture_height, notes_height)),
                    ) in row.iter().zip(&sized).enumerate()
                    {
                        let x0 = left + column as f32 * (width + sizes.card_gap);
                        out.cards.push(CardBox {
                            id: map.cards[card_index].id.clone(),
                            index: card_index,
                            rect: Rect::from_min_size(pos2(x0, cy), vec2(width, row_height)),
                            lane: row_index,
                            stage: stage_index,
                            title_height,
                            has_meta,
                            meta,
                            picture_height,
                            notes_height,
                        });
                    }
                    cy += row_height + sizes.card_gap;
                }
                tallest = tallest.max(cy - y + sizes.add_card_height);
            }
            out.cells.push(first..out.cards.len());
        }
        let height = if lane.collapsed { sizes.collapsed_height } else { tallest.max(min).ceil() };
        out.lanes.push(LaneBox {
            id: lane.id.clone(),
            kind: lane.kind,
            collapsed: lane.collapsed,
            header: Rect::from_min_max(pos2(0.0, y), pos2(sizes.lane_header_width, y + height)),
            row: Rect::from_min_max(pos2(sizes.lane_header_width, y), pos2(right, y + height)),
        });
        y += height;
    }
    let bottom = y.max(header_bottom + sizes.lane_min_height);

    for stage in &mut out.stages {
        stage.column = Rect::from_x_y_ranges(stage.header.x_range(), header_bottom..=bottom);
    }
    out.title = Rect::from_min_size(pos2(0.0, 0.0), vec2(right, top));
    out.header_row = Rect::from_min_max(pos2(0.0, top), pos2(right, header_bottom));
    out.lane_column = Rect::from_min_max(pos2(0.0, top), pos2(sizes.lane_header_width, bottom));
    out.bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(right, bottom));
    out.index_cards();
    out.curves = curve::layout_curves(map, &out);
    super::labels::place(map, &mut out.curves, &sizes, measure);
    if view.is_blueprint() {
        out.dividers = dividers(&out, &map.words);
    }
    out.index();
    out.links = super::links::route(map, &out);
    if map.direction.is_rtl() {
        out.mirror();
    }
    out
}

/// How many cards sit side by side in a stage this wide.
fn card_columns(sizes: Sizes, stage_width: f32) -> usize {
    let inner = stage_width - 2.0 * sizes.cell_padding;
    (((inner + sizes.card_gap) / (sizes.card_min_width + sizes.card_gap)).floor() as usize).max(1)
}

/// The scenario beside the title needs at least this much room, else it goes under it.
pub const SCENARIO_BESIDE_MIN: f32 = 220.0;

/// How tall the title strip of a map `width` wide is, and whether its scenario goes under the
/// title (both wrapped to the width) rather than beside it: a stage exported alone has no room
/// for both on one line, and its scenario must not be cut at the image's edge.
pub fn title_band(map: &Map, sizes: &Sizes, width: f32, measure: &mut Measure<'_>) -> (f32, bool) {
    let title = measure(&map.title, sizes.title_font, f32::INFINITY);
    // As the painter places them: the title 4 in from the edge, the scenario 20 after it and
    // wrapped 24 short of the far edge.
    let beside = width - 4.0 - title.x - 20.0 - 24.0;
    let fits = if map.scenario.is_empty() { title.x + 8.0 <= width } else { beside >= SCENARIO_BESIDE_MIN };
    if fits {
        return (sizes.title_height, false);
    }
    let wrap = (width - 8.0).max(1.0);
    let title_height = measure(&map.title, sizes.title_font, wrap).y;
    let scenario_height = if map.scenario.is_empty() {
        0.0
    } else {
        measure(&map.scenario, sizes.goal_font + 1.0, wrap).y + 6.0
    };
    ((title_height + scenario_height + 24.0).max(sizes.title_height), true)
}

/// Whether a card shows details under its title: chips, priority, effort, channel or metrics.
pub fn card_has_meta(card: &Card) -> bool {
    card.channel.is_some()
        || !card.metrics.is_empty()
        || !card.flags.is_empty()
        || card.priority.is_some()
        || card.effort.is_some()
        || !card.author.is_empty()
}

/// The map's lanes in the order a view draws them: as they are for a journey; blueprint lanes
/// first, in blueprint order, for a blueprint, then the others if it shows them.
fn lane_order(map: &Map, view: View) -> Vec<usize> {
    let mut order: Vec<usize> = (0..map.lanes.len()).collect();
    if let View::Blueprint { other_lanes } = view {
        let band = |i: usize| map.lanes[i].kind.blueprint_band();
        order.retain(|&i| other_lanes || band(i).is_some());
        order.sort_by_key(|&i| (band(i).is_none(), band(i)));
    }
    order
}

/// The blueprint's lines between the lanes of `out`, and where the other lanes start.
fn dividers(out: &MapLayout, words: &crate::model::Words) -> Vec<Divider> {
    use crate::model::{BlueprintBand as B, Word};
    const LINES: [(B, Word); 3] = [
        (B::Frontstage, Word::LineOfInteraction),
        (B::Backstage, Word::LineOfVisibility),
        (B::SupportProcesses, Word::LineOfInternalInteraction),
    ];
    let mut found = Vec::new();
    for pair in out.lanes.windows(2) {
        let (above, below) = (pair[0].kind.blueprint_band(), pair[1].kind.blueprint_band());
        let y = pair[0].row.bottom();
        match (above, below) {
            (Some(a), Some(b)) => {
                for (band, word) in LINES {
                    if a < band && band <= b {
                        found.push(Divider { y, label: words.get(word).to_owned(), dashed: true });
                    }
                }
            }
            (Some(_), None) => {
                found.push(Divider { y, label: words.get(Word::OtherLanes).to_owned(), dashed: false });
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure_lines(text: &str, font: f32, wrap: f32) -> egui::Vec2 {
        // A crude stand-in for real fonts: characters half a font size wide.
        let width = text.chars().count() as f32 * font * 0.5;
        let per_line = (wrap / (font * 0.5)).clamp(1.0, 1e9) as usize;
        let lines = text.chars().count().div_ceil(per_line).max(1);
        egui::vec2(width.min(wrap), lines as f32 * font * 1.3)
    }

    #[test]
    fn a_cards_priority_or_effort_alone_shows_under_its_title() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        let index = map.cards.iter().position(|c| c.title == "Are expensive shoes really worth it?").unwrap();
        let id = map.cards[index].id.clone();
        let before = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        assert!(!before.card(&id).unwrap().has_meta);
        map.cards[index].effort = Some(crate::model::Rating::High);
        let after = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let placed = after.card(&id).unwrap();
        assert!(placed.has_meta, "the card makes room for \"Effort high\"");
        assert!(placed.rect.height() > before.card(&id).unwrap().rect.height());
        assert_eq!(meta_text(&map.cards[index], &map.words), "Effort high");
    }

    #[test]
    fn a_lane_that_shows_notes_gives_its_cards_room_for_a_few_lines_of_them() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        let index = map.cards.iter().position(|c| c.title == "Are expensive shoes really worth it?").unwrap();
        let id = map.cards[index].id.clone();
        map.cards[index].notes = "Said by four of six runners. ".repeat(40);
        let hidden = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        assert!(
            hidden.card(&id).unwrap().notes_height.abs() < f32::EPSILON,
            "notes stay in the inspector by default"
        );
        let lane = map.cards[index].lane.clone();
        map.lanes.iter_mut().find(|l| l.id == lane).unwrap().show_notes = true;
        let shown = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let notes = shown.card(&id).unwrap().notes_height;
        let line = Sizes::STANDARD.card_meta_font * 1.3;
        assert!(notes > line, "{notes}");
        assert!(notes <= line * crate::layout::NOTES_MAX_LINES + 4.0 + 0.01, "a few lines, not all: {notes}");
        assert!(shown.card(&id).unwrap().rect.height() > hidden.card(&id).unwrap().rect.height());
    }

    #[test]
    fn cards_stack_inside_their_cells_and_cells_grow_to_fit() {
        let map = crate::templates::load("ecommerce").unwrap();
        let out = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        assert_eq!(out.cards.len(), map.cards.len());
        assert_eq!(out.stages.len(), map.stages.len());
        for card in &out.cards {
            let cell = out.cell_rect(card.lane, card.stage);
            assert!(cell.contains_rect(card.rect), "{:?} spills out of {cell:?}", card.id);
        }
        for (a, b) in out.cards.iter().zip(out.cards.iter().skip(1)) {
            if a.lane == b.lane && a.stage == b.stage {
                assert!(b.rect.top() >= a.rect.bottom(), "cards in a cell do not overlap");
            }
        }
        let pos = out.cards[0].rect.center();
        assert_eq!(out.card_at(pos).map(|c| &c.id), Some(&out.cards[0].id));
    }

    #[test]
    fn a_card_with_a_picture_grows_to_hold_it_above_its_title_and_a_wide_card_keeps_it_16_9() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        let plain = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let checkout = map.cards.iter().position(|c| c.title == "Checkout").unwrap();
        map.cards[checkout].image = Some("checkout.png".to_owned());
        let out = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let (before, after) =
            (plain.card(&map.cards[checkout].id).unwrap(), out.card(&map.cards[checkout].id).unwrap());
        let sizes = Sizes::STANDARD;
        let picture = after.picture_rect(&sizes).unwrap();
        assert!((picture.width() / picture.height() - 16.0 / 9.0).abs() < 0.02, "{picture:?}");
        let grown = after.rect.height() - before.rect.height();
        assert!((grown - after.title_offset(&sizes)).abs() < 0.5, "grew by {grown}");
        assert!(after.rect.shrink(sizes.card_padding - 0.01).contains_rect(picture));
        assert!(after.title_offset(&sizes) > picture.height(), "the title starts below the picture");
        assert!(before.picture_rect(&sizes).is_none() && before.title_offset(&sizes) == 0.0);
        // Its stage eight times as wide: the picture stops growing, centred on the card.
        let stage = map.stages.iter().position(|s| s.id == map.cards[checkout].stage).unwrap();
        map.stages[stage].width = 8.0;
        let wide = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let card = wide.card(&map.cards[checkout].id).unwrap();
        let picture = card.picture_rect(&sizes).unwrap();
        assert!(picture.height() <= sizes.card_font * 9.0 + 0.5, "{picture:?}");
        assert!((picture.center().x - card.rect.center().x).abs() < 0.5);
        assert!((picture.width() / picture.height() - 16.0 / 9.0).abs() < 0.02);
    }

    #[test]
    fn a_collapsed_lane_is_thin_and_hides_its_cards() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        map.lanes[0].collapsed = true;
        let out = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        assert!((out.lanes[0].row.height() - Sizes::STANDARD.collapsed_height).abs() < 0.01);
        assert!(out.cards.iter().all(|c| c.lane != 0));
    }

    #[test]
    fn the_blueprint_view_orders_lanes_and_draws_its_three_lines() {
        let map = crate::templates::load("coffee-shop-blueprint").unwrap();
        let out = layout(&map, View::Blueprint { other_lanes: false }, Sizes::STANDARD, &mut measure_lines);
        let kinds: Vec<LaneKind> = out.lanes.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                LaneKind::PhysicalEvidence,
                LaneKind::CustomerActions,
                LaneKind::Frontstage,
                LaneKind::Backstage,
                LaneKind::SupportProcesses
            ]
        );
        let labels: Vec<&str> = out.dividers.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["Line of interaction", "Line of visibility", "Line of internal interaction"]);
        assert!((out.dividers[0].y - out.lanes[1].row.bottom()).abs() < 0.01);

        let with_others =
            layout(&map, View::Blueprint { other_lanes: true }, Sizes::STANDARD, &mut measure_lines);
        assert_eq!(with_others.lanes.last().unwrap().kind, LaneKind::Emotions);
        assert_eq!(with_others.dividers.last().unwrap().label, "Other lanes");

        // The lines are named in the map's own words where it has them.
        let mut own = map.clone();
        own.words.line_of_visibility = "Garis visibilitas".to_owned();
        let out = layout(&own, View::Blueprint { other_lanes: false }, Sizes::STANDARD, &mut measure_lines);
        let labels: Vec<&str> = out.dividers.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["Line of interaction", "Garis visibilitas", "Line of internal interaction"]);
    }

    #[test]
    fn visible_cards_are_exactly_those_in_view_and_card_at_finds_the_card_under_a_point() {
        let map = crate::generate::map(crate::generate::Size { stages: 10, lanes: 6, cards: 300, seed: 3 });
        let out = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let view = Rect::from_min_size(pos2(700.0, 300.0), vec2(900.0, 600.0));
        let mut found: Vec<&str> = out.visible_cards(view).map(|c| c.id.as_str()).collect();
        let mut expected: Vec<&str> =
            out.cards.iter().filter(|c| c.rect.intersects(view)).map(|c| c.id.as_str()).collect();
        found.sort_unstable();
        expected.sort_unstable();
        assert!(!expected.is_empty());
        assert_eq!(found, expected);
        for card in out.cards.iter().step_by(17) {
            assert_eq!(out.card_at(card.rect.center()).map(|c| &c.id), Some(&card.id));
        }
    }

    #[test]
    fn drop_slot_finds_the_gap_under_the_pointer() {
        let map = crate::templates::load("ecommerce").unwrap();
        let out = layout(&map, View::Journey, Sizes::STANDARD, &mut measure_lines);
        let first = &out.cards[0];
        let (lane, stage) = (first.lane, first.stage);
        let none = |_: &crate::model::CardId| false;
        let at = |y: f32| pos2(first.rect.center().x, y);
        assert_eq!(out.drop_slot(lane, stage, at(first.rect.top() + 1.0), &none).0, 0);
        assert_eq!(out.drop_slot(lane, stage, at(first.rect.bottom() + 1.0), &none).0, 1);
        assert_eq!(out.drop_slot(lane, stage, at(1.0e6), &none).0, 2);
    }

    #[test]
    fn large_type_puts_cards_side_by_side_in_wide_stages_and_keeps_them_in_their_cells() {
        let map = crate::templates::load("ecommerce").unwrap();
        let out = layout(&map, View::Journey, Sizes::LARGE, &mut measure_lines);
        assert!(out.stages.iter().all(|s| s.columns == 3), "three cards a row in a large stage");
        for card in &out.cards {
            let cell = out.cell_rect(card.lane, card.stage);
            assert!(cell.contains_rect(card.rect), "{:?} spills out of {cell:?}", card.id);
        }
        for (i, a) in out.cards.iter().enumerate() {
            for b in &out.cards[i + 1..] {
                assert!(!a.rect.shrink(0.5).intersects(b.rect.shrink(0.5)), "{:?} overlaps {:?}", a.id, b.id);
            }
        }
        // The three touchpoints of Consideration share one row, in map order left to right.
        let row: Vec<_> = out.cards.iter().filter(|c| c.lane == 1 && c.stage == 1).collect();
        assert_eq!(row.len(), 3);
        assert!(
            row.windows(2)
                .all(|w| w[0].rect.left() < w[1].rect.left()
                    && (w[0].rect.top() - w[1].rect.top()).abs() < 1e-3)
        );
        // Dropping between the first two of the row lands at index 1, after the last at the end.
        let none = |_: &crate::model::CardId| false;
        let between = pos2(row[0].rect.right() + 1.0, row[0].rect.center().y);
        assert_eq!(out.drop_slot(1, 1, between, &none).0, 1);
        let left_of_first = pos2(row[0].rect.left() + 2.0, row[0].rect.center().y);
        assert_eq!(out.drop_slot(1, 1, left_of_first, &none).0, 0);
        assert_eq!(out.drop_slot(1, 1, pos2(row[2].rect.right() - 2.0, row[2].rect.center().y), &none).0, 3);
    }
}
