//! The journey grid: stages as columns, lanes as rows, cards stacked in their cells.

use std::collections::HashMap;

use egui::{Rect, pos2, vec2};

use super::{CardBox, Divider, LaneBox, MapLayout, StageBox, View, curve};
use crate::model::{Card, LaneKind, Map};
use crate::theme::size;

/// Measures text: `(text, font size, wrap width) -> height`, all in scene units.
pub type Measure<'a> = dyn FnMut(&str, f32, f32) -> f32 + 'a;

/// Lays out `map` for `view`.
pub fn layout(map: &Map, view: View, measure: &mut Measure<'_>) -> MapLayout {
    let mut out = MapLayout { view, ..MapLayout::default() };
    let top = size::TITLE_HEIGHT;
    let header_bottom = top + size::STAGE_HEADER_HEIGHT;

    // Columns.
    let mut x = size::LANE_HEADER_WIDTH;
    let stage_widths: Vec<f32> = map.stages.iter().map(|s| size::STAGE_WIDTH * s.width).collect();
    for (stage, width) in map.stages.iter().zip(&stage_widths) {
        out.stages.push(StageBox {
            id: stage.id.clone(),
            header: Rect::from_min_max(pos2(x, top), pos2(x + width, header_bottom)),
            column: Rect::NOTHING,
        });
        x += width;
    }
    let right = x.max(size::LANE_HEADER_WIDTH + size::STAGE_WIDTH);

    // Card sizes depend only on their stage's width.
    let stage_of = |card: &Card| map.stage_index(&card.stage);
    let mut heights: Vec<(f32, f32, bool)> = Vec::with_capacity(map.cards.len());
    for card in &map.cards {
        let width = stage_of(card).map_or(size::STAGE_WIDTH, |i| stage_widths[i]);
        let text_width = card_text_width(width);
        let title = measure(&card.title, size::CARD_FONT, text_width).max(size::CARD_FONT);
        let has_meta = card_has_meta(card);
        let meta = if has_meta { size::CARD_META_HEIGHT + 4.0 } else { 0.0 };
        heights.push((2.0 * size::CARD_PADDING + title + meta, title, has_meta));
    }

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

    // Rows, in the view's order.
    let mut y = header_bottom;
    for lane_index in lane_order(map, view) {
        let lane = &map.lanes[lane_index];
        let row_index = out.lanes.len();
        let min = if lane.kind == LaneKind::Emotions {
            size::EMOTIONS_HEIGHT * lane.height
        } else {
            size::LANE_MIN_HEIGHT * lane.height
        };
        let mut tallest: f32 = 0.0;
        for stage_index in 0..map.stages.len() {
            let first = out.cards.len();
            if !lane.collapsed {
                let mut cy = y + size::CELL_PADDING;
                for &card_index in &by_cell[lane_index * map.stages.len() + stage_index] {
                    let card = &map.cards[card_index];
                    let (h, title_height, has_meta) = heights[card_index];
                    let x0 = out.stages[stage_index].header.left() + size::CELL_PADDING;
                    let x1 = out.stages[stage_index].header.right() - size::CELL_PADDING;
                    out.cards.push(CardBox {
                        id: card.id.clone(),
                        index: card_index,
                        rect: Rect::from_min_max(pos2(x0, cy), pos2(x1, cy + h)),
                        lane: row_index,
                        stage: stage_index,
                        title_height,
                        has_meta,
                    });
                    cy += h + size::CARD_GAP;
                }
                tallest = tallest.max(cy - y + size::ADD_CARD_HEIGHT);
            }
            out.cells.push(first..out.cards.len());
        }
        let height = if lane.collapsed { size::COLLAPSED_HEIGHT } else { tallest.max(min).ceil() };
        out.lanes.push(LaneBox {
            id: lane.id.clone(),
            kind: lane.kind,
            collapsed: lane.collapsed,
            header: Rect::from_min_max(pos2(0.0, y), pos2(size::LANE_HEADER_WIDTH, y + height)),
            row: Rect::from_min_max(pos2(size::LANE_HEADER_WIDTH, y), pos2(right, y + height)),
        });
        y += height;
    }
    let bottom = y.max(header_bottom + size::LANE_MIN_HEIGHT);

    for stage in &mut out.stages {
        stage.column = Rect::from_x_y_ranges(stage.header.x_range(), header_bottom..=bottom);
    }
    out.title = Rect::from_min_size(pos2(0.0, 0.0), vec2(right, top));
    out.header_row = Rect::from_min_max(pos2(0.0, top), pos2(right, header_bottom));
    out.lane_column = Rect::from_min_max(pos2(0.0, top), pos2(size::LANE_HEADER_WIDTH, bottom));
    out.bounds = Rect::from_min_max(pos2(0.0, 0.0), pos2(right, bottom));
    out.curves = curve::layout_curves(map, &out);
    if view.is_blueprint() {
        out.dividers = dividers(&out);
    }
    out.index();
    out
}

/// The width text wraps at inside a card of a stage this wide.
pub fn card_text_width(stage_width: f32) -> f32 {
    stage_width - 2.0 * size::CELL_PADDING - 2.0 * size::CARD_PADDING
}

/// Whether a card shows chips under its title.
pub fn card_has_meta(card: &Card) -> bool {
    card.channel.is_some() || !card.metrics.is_empty() || !card.flags.is_empty()
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
fn dividers(out: &MapLayout) -> Vec<Divider> {
    use crate::model::BlueprintBand as B;
    const LINES: [(B, &str); 3] = [
        (B::Frontstage, "Line of interaction"),
        (B::Backstage, "Line of visibility"),
        (B::SupportProcesses, "Line of internal interaction"),
    ];
    let mut found = Vec::new();
    for pair in out.lanes.windows(2) {
        let (above, below) = (pair[0].kind.blueprint_band(), pair[1].kind.blueprint_band());
        let y = pair[0].row.bottom();
        match (above, below) {
            (Some(a), Some(b)) => {
                for (band, label) in LINES {
                    if a < band && band <= b {
                        found.push(Divider { y, label, dashed: true });
                    }
                }
            }
            (Some(_), None) => found.push(Divider { y, label: "Other lanes", dashed: false }),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure_lines(text: &str, font: f32, wrap: f32) -> f32 {
        // A crude stand-in for real fonts: characters half a font size wide.
        let per_line = (wrap / (font * 0.5)).max(1.0) as usize;
        (text.chars().count().div_ceil(per_line).max(1)) as f32 * font * 1.3
    }

    #[test]
    fn cards_stack_inside_their_cells_and_cells_grow_to_fit() {
        let map = crate::templates::load("ecommerce").unwrap();
        let out = layout(&map, View::Journey, &mut measure_lines);
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
    fn a_collapsed_lane_is_thin_and_hides_its_cards() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        map.lanes[0].collapsed = true;
        let out = layout(&map, View::Journey, &mut measure_lines);
        assert!((out.lanes[0].row.height() - size::COLLAPSED_HEIGHT).abs() < 0.01);
        assert!(out.cards.iter().all(|c| c.lane != 0));
    }

    #[test]
    fn the_blueprint_view_orders_lanes_and_draws_its_three_lines() {
        let map = crate::templates::load("coffee-shop-blueprint").unwrap();
        let out = layout(&map, View::Blueprint { other_lanes: false }, &mut measure_lines);
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
        let labels: Vec<&str> = out.dividers.iter().map(|d| d.label).collect();
        assert_eq!(labels, ["Line of interaction", "Line of visibility", "Line of internal interaction"]);
        assert!((out.dividers[0].y - out.lanes[1].row.bottom()).abs() < 0.01);

        let with_others = layout(&map, View::Blueprint { other_lanes: true }, &mut measure_lines);
        assert_eq!(with_others.lanes.last().unwrap().kind, LaneKind::Emotions);
        assert_eq!(with_others.dividers.last().unwrap().label, "Other lanes");
    }

    #[test]
    fn visible_cards_are_exactly_those_in_view_and_card_at_finds_the_card_under_a_point() {
        let map = crate::generate::map(crate::generate::Size { stages: 10, lanes: 6, cards: 300, seed: 3 });
        let out = layout(&map, View::Journey, &mut measure_lines);
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
        let out = layout(&map, View::Journey, &mut measure_lines);
        let first = &out.cards[0];
        let (lane, stage) = (first.lane, first.stage);
        let none = |_: &crate::model::CardId| false;
        assert_eq!(out.drop_slot(lane, stage, first.rect.top() + 1.0, &none).0, 0);
        assert_eq!(out.drop_slot(lane, stage, first.rect.bottom() + 1.0, &none).0, 1);
        assert_eq!(out.drop_slot(lane, stage, 1.0e6, &none).0, 2);
    }
}
