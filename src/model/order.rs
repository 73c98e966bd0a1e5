//! The canonical order of cards and points.
//!
//! Cards are kept sorted by stage, then lane; inside one cell their order is the order users gave
//! them. Points are kept sorted by curve, then along the journey. Keeping this an invariant means
//! a card's place is fully described by its cell and its slot in that cell, a saved file groups
//! related lines together, and loading then saving a file gives the same bytes.

use std::collections::HashMap;

use super::{Anchor, Card, CardId, Lane, LaneId, Map, Stage, StageId};

/// Position of a card: which cell, and how far down in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slot {
    pub lane: LaneId,
    pub stage: StageId,
    pub index: usize,
}

/// Sort keys by id; unknown ids (only in invalid maps) sort last.
struct Keys<'a> {
    stages: HashMap<&'a str, usize>,
    lanes: HashMap<&'a str, usize>,
}

impl<'a> Keys<'a> {
    fn new(stages: &'a [Stage], lanes: &'a [Lane]) -> Self {
        Self {
            stages: stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect(),
            lanes: lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect(),
        }
    }

    fn cell(&self, lane: &LaneId, stage: &StageId) -> (usize, usize) {
        (
            self.stages.get(stage.as_str()).copied().unwrap_or(usize::MAX),
            self.lanes.get(lane.as_str()).copied().unwrap_or(usize::MAX),
        )
    }
}

impl Map {
    /// Restores the canonical order after stages or lanes were reordered, or after loading a file
    /// written by hand. Stable: the order of cards inside a cell is kept.
    pub fn normalize(&mut self) {
        let keys = Keys::new(&self.stages, &self.lanes);
        let mut cards = std::mem::take(&mut self.cards);
        cards.sort_by_cached_key(|c| keys.cell(&c.lane, &c.stage));
        for card in &mut cards {
            card.flags.sort_unstable();
            card.flags.dedup();
        }

        let curves: HashMap<&str, usize> =
            self.curves.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let card_pos: HashMap<&str, (usize, usize)> = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), (keys.cell(&c.lane, &c.stage).0, i + 1)))
            .collect();
        let mut points = std::mem::take(&mut self.points);
        points.sort_by_cached_key(|p| {
            let curve = curves.get(p.curve.as_str()).copied().unwrap_or(usize::MAX);
            let along = match &p.at {
                Anchor::Stage(s) => (keys.stages.get(s.as_str()).copied().unwrap_or(usize::MAX), 0),
                Anchor::Card(c) => card_pos.get(c.as_str()).copied().unwrap_or((usize::MAX, 0)),
            };
            (curve, along)
        });
        self.cards = cards;
        self.points = points;
        self.points.shrink_to_fit();
    }

    /// Where a card is.
    pub fn card_slot(&self, id: &CardId) -> Option<Slot> {
        let card = self.card(id)?;
        let index = self.cell_cards(&card.lane, &card.stage).position(|c| &c.id == id)?;
        Some(Slot { lane: card.lane.clone(), stage: card.stage.clone(), index })
    }

    /// Inserts a card into its cell (`card.lane`, `card.stage`) at `index` from the top; an index
    /// past the end puts it last.
    pub fn insert_card(&mut self, card: Card, index: usize) {
        let keys = Keys::new(&self.stages, &self.lanes);
        let target = keys.cell(&card.lane, &card.stage);
        let start = self.cards.partition_point(|c| keys.cell(&c.lane, &c.stage) < target);
        let end = self.cards.partition_point(|c| keys.cell(&c.lane, &c.stage) <= target);
        let at = start.saturating_add(index).min(end);
        self.cards.insert(at, card);
    }

    /// Takes a card out of the map, returning it with the slot it had.
    pub fn remove_card(&mut self, id: &CardId) -> Option<(Card, Slot)> {
        let slot = self.card_slot(id)?;
        let at = self.card_index(id)?;
        Some((self.cards.remove(at), slot))
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn grid() -> Map {
        let mut map = Map::blank("t");
        map.stages = vec![Stage::new("A"), Stage::new("B")];
        map.lanes = vec![Lane::new(LaneKind::Actions), Lane::new(LaneKind::Touchpoints)];
        map
    }

    fn titles(map: &Map) -> Vec<&str> {
        map.cards.iter().map(|c| c.title.as_str()).collect()
    }

    #[test]
    fn inserting_keeps_cards_grouped_by_stage_then_lane() {
        let mut map = grid();
        let (s0, s1) = (map.stages[0].id.clone(), map.stages[1].id.clone());
        let (l0, l1) = (map.lanes[0].id.clone(), map.lanes[1].id.clone());
        map.insert_card(Card::new(l1.clone(), s1.clone(), "d"), 0);
        map.insert_card(Card::new(l0.clone(), s0.clone(), "a"), 0);
        map.insert_card(Card::new(l0.clone(), s1.clone(), "c"), 9);
        map.insert_card(Card::new(l1.clone(), s0.clone(), "b2"), 0);
        map.insert_card(Card::new(l1.clone(), s0.clone(), "b1"), 0);
        assert_eq!(titles(&map), ["a", "b1", "b2", "c", "d"]);

        let b2 = map.cards[2].id.clone();
        let (card, slot) = map.remove_card(&b2).unwrap();
        assert_eq!(slot, Slot { lane: l1, stage: s0, index: 1 });
        map.insert_card(card, 0);
        assert_eq!(titles(&map), ["a", "b2", "b1", "c", "d"]);
    }

    #[test]
    fn normalize_follows_reordered_stages_and_keeps_cell_order() {
        let mut map = grid();
        let (s0, s1) = (map.stages[0].id.clone(), map.stages[1].id.clone());
        let l0 = map.lanes[0].id.clone();
        for (stage, title) in [(&s0, "a1"), (&s0, "a2"), (&s1, "b1"), (&s1, "b2")] {
            map.insert_card(Card::new(l0.clone(), stage.clone(), title), usize::MAX);
        }
        map.stages.swap(0, 1);
        map.normalize();
        assert_eq!(titles(&map), ["b1", "b2", "a1", "a2"]);
    }
}
