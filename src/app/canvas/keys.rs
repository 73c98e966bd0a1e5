//! Going through the map with the keyboard: the arrows move the selection to the neighbouring
//! card (within its cell, then to the next cell that has cards), Alt+arrows move the card itself,
//! Tab and Shift+Tab go through the cards in reading order (stage by stage, top to bottom).

use crate::edit::Command;
use crate::layout::MapLayout;
use crate::model::{CardId, LaneKind, Map};

/// A direction on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
}

/// The card one step from `from`: the one above or below in its cell, else the nearest card in
/// the next cell that way (in its stage for Up and Down, in its lane for Left and Right).
pub fn neighbour(layout: &MapLayout, from: &CardId, step: Step) -> Option<CardId> {
    let card = layout.card(from)?;
    let cell = layout.cell_cards(card.lane, card.stage);
    let position = cell.iter().position(|c| &c.id == from)?;
    match step {
        Step::Up if position > 0 => return Some(cell[position - 1].id.clone()),
        Step::Down if position + 1 < cell.len() => return Some(cell[position + 1].id.clone()),
        _ => {}
    }
    let centre = card.rect.center();
    match step {
        Step::Up | Step::Down => {
            beyond(card.lane, layout.lanes.len(), step == Step::Up).into_iter().find_map(|lane| {
                let cards = layout.cell_cards(lane, card.stage);
                let found = if step == Step::Up { cards.last() } else { cards.first() };
                found.map(|c| c.id.clone())
            })
        }
        Step::Left | Step::Right => {
            beyond(card.stage, layout.stages.len(), step == Step::Left).into_iter().find_map(|stage| {
                layout
                    .cell_cards(card.lane, stage)
                    .iter()
                    .min_by(|a, b| {
                        let distance = |c: &crate::layout::CardBox| (c.rect.center().y - centre.y).abs();
                        distance(a).total_cmp(&distance(b))
                    })
                    .map(|c| c.id.clone())
            })
        }
    }
}

/// The indices past `from` among `count`, nearest first: before it when `backwards`, else after.
fn beyond(from: usize, count: usize, backwards: bool) -> Vec<usize> {
    if backwards { (0..from).rev().collect() } else { (from + 1..count).collect() }
}

/// Every card in reading order: stage by stage, and in each stage lane by lane, top to bottom.
pub fn reading_order(layout: &MapLayout) -> Vec<CardId> {
    let mut out = Vec::with_capacity(layout.cards.len());
    for stage in 0..layout.stages.len() {
        for lane in 0..layout.lanes.len() {
            out.extend(layout.cell_cards(lane, stage).iter().map(|c| c.id.clone()));
        }
    }
    out
}

/// The card after (or before) `from` in reading order, wrapping around; the first (or last)
/// card when nothing is selected.
pub fn tab(layout: &MapLayout, from: Option<&CardId>, backwards: bool) -> Option<CardId> {
    let order = reading_order(layout);
    let count = order.len();
    if count == 0 {
        return None;
    }
    let index = match from.and_then(|id| order.iter().position(|c| c == id)) {
        Some(i) if backwards => (i + count - 1) % count,
        Some(i) => (i + 1) % count,
        None if backwards => count - 1,
        None => 0,
    };
    order.get(index).cloned()
}

/// The move of a card one step: up or down inside its cell, then into the cell above or below
/// (a lane that holds cards; not the sentiment curve's), left or right into the neighbouring
/// stage at the same height. `None` at the edge of the map.
pub fn nudge(map: &Map, layout: &MapLayout, id: &CardId, step: Step) -> Option<Command> {
    let card = layout.card(id)?;
    let cell = layout.cell_cards(card.lane, card.stage);
    let position = cell.iter().position(|c| &c.id == id)?;
    let lane_id = |lane: usize| layout.lanes[lane].id.clone();
    let stage_id = |stage: usize| layout.stages[stage].id.clone();
    let holds_cards =
        |lane: usize| map.lane(&layout.lanes[lane].id).is_some_and(|l| l.kind != LaneKind::Emotions);
    let (lane, stage, index) = match step {
        Step::Up if position > 0 => (card.lane, card.stage, position - 1),
        Step::Down if position + 1 < cell.len() => (card.lane, card.stage, position + 1),
        Step::Up | Step::Down => {
            let up = step == Step::Up;
            let lane = beyond(card.lane, layout.lanes.len(), up).into_iter().find(|&l| holds_cards(l))?;
            // Into the cell above at its end, into the one below at its top.
            (lane, card.stage, if up { usize::MAX } else { 0 })
        }
        Step::Left | Step::Right => {
            let stage = if step == Step::Left { card.stage.checked_sub(1)? } else { card.stage + 1 };
            if stage >= layout.stages.len() {
                return None;
            }
            let beside = layout.cell_cards(card.lane, stage).len();
            (card.lane, stage, position.min(beside))
        }
    };
    Some(Command::MoveCard { id: id.clone(), lane: lane_id(lane), stage: stage_id(stage), index })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(map: &Map) -> MapLayout {
        let mut measure = |_: &str, size: f32, _: f32| egui::vec2(100.0, size * 1.2);
        crate::layout::layout(map, crate::layout::View::Journey, crate::theme::Sizes::STANDARD, &mut measure)
    }

    fn id(map: &Map, title: &str) -> CardId {
        map.cards.iter().find(|c| c.title == title).unwrap().id.clone()
    }

    fn title<'m>(map: &'m Map, id: &CardId) -> &'m str {
        &map.card(id).unwrap().title
    }

    #[test]
    fn arrows_go_through_the_cell_then_to_the_next_cell_with_cards() {
        let map = crate::templates::load("ecommerce").unwrap();
        let layout = layout(&map);
        let checkout = id(&map, "Checkout");
        let below = neighbour(&layout, &checkout, Step::Down).unwrap();
        assert_eq!(title(&map, &below), "Order confirmation email", "the next card in the cell");
        let up = neighbour(&layout, &checkout, Step::Up).unwrap();
        assert_eq!(title(&map, &up), "Adds to cart and checks out as a guest", "the cell above, last card");
        let left = neighbour(&layout, &checkout, Step::Left).unwrap();
        assert_eq!(
            title(&map, &left),
            "Product page with size guide",
            "same lane, previous stage, same height"
        );
        let right = neighbour(&layout, &checkout, Step::Right).unwrap();
        assert_eq!(title(&map, &right), "Delivery updates by SMS");
        // At the map's edge there is nowhere to go.
        let first = reading_order(&layout)[0].clone();
        assert_eq!(neighbour(&layout, &first, Step::Left), None);
    }

    #[test]
    fn tab_goes_through_every_card_in_reading_order_and_wraps() {
        let map = crate::templates::load("ecommerce").unwrap();
        let layout = layout(&map);
        let order = reading_order(&layout);
        assert_eq!(order.len(), map.cards.len());
        let mut at = tab(&layout, None, false).unwrap();
        for expected in order.iter().skip(1).chain(order.first()) {
            at = tab(&layout, Some(&at), false).unwrap();
            assert_eq!(&at, expected);
        }
        assert_eq!(tab(&layout, Some(&order[0]), true).as_ref(), order.last());
        // Stage by stage: the first stage's cards come before any of the second's.
        let stage_of = |id: &CardId| layout.card(id).unwrap().stage;
        assert!(order.windows(2).all(|w| stage_of(&w[0]) <= stage_of(&w[1])));
    }

    #[test]
    fn nudges_move_within_the_cell_then_across_and_skip_the_curve_lane() {
        let map = crate::templates::load("ecommerce").unwrap();
        let layout = layout(&map);
        let checkout = id(&map, "Checkout");
        let Some(Command::MoveCard { index, lane, stage, .. }) = nudge(&map, &layout, &checkout, Step::Down)
        else {
            panic!("moves")
        };
        assert_eq!(
            (index, &lane, &stage),
            (1, &map.card(&checkout).unwrap().lane, &map.card(&checkout).unwrap().stage)
        );
        let Some(Command::MoveCard { stage, index, .. }) = nudge(&map, &layout, &checkout, Step::Right)
        else {
            panic!("moves")
        };
        assert_eq!(stage.as_str(), "s-retention");
        assert_eq!(index, 0);
        // A pain point moved up skips the Emotions lane above it.
        let pain = map.cards.iter().find(|c| c.lane.as_str() == "l-pain").unwrap();
        let Some(Command::MoveCard { lane, .. }) = nudge(&map, &layout, &pain.id, Step::Up) else {
            panic!("moves")
        };
        assert_ne!(map.lane(&lane).unwrap().kind, LaneKind::Emotions);
    }
}
