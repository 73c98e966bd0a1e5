//! Dot voting: what the room votes on, each person's dots, and the ranking that comes out.
//!
//! The dots are saved on the cards (`votes`), so they survive the workshop; who placed which
//! dot is only known while the vote runs, which is all the per-person limit needs.

use std::collections::{HashMap, HashSet};

use crate::edit::Command;
use crate::model::{CardId, LaneKind, Map};

/// What a vote is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteOn {
    PainPoints,
    Opportunities,
    AllCards,
}

impl VoteOn {
    pub const ALL: [Self; 3] = [Self::PainPoints, Self::Opportunities, Self::AllCards];

    pub fn label(self) -> String {
        match self {
            Self::PainPoints => t!("lane-pain-points"),
            Self::Opportunities => t!("lane-opportunities"),
            Self::AllCards => t!("vote-all-cards"),
        }
    }

    /// A word for what is voted on that does not depend on the editor's language: the room's
    /// page words it in its reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::PainPoints => "pain-points",
            Self::Opportunities => "opportunities",
            Self::AllCards => "all-cards",
        }
    }

    /// What is voted on, as it reads inside a sentence ("pain points"), in logical order.
    pub fn subject(self) -> String {
        match self {
            Self::PainPoints => tl!("vote-on-pain-points"),
            Self::Opportunities => tl!("vote-on-opportunities"),
            Self::AllCards => tl!("vote-on-all-cards"),
        }
    }

    /// Whether a card in a lane of this kind can receive dots.
    pub fn accepts(self, lane: LaneKind) -> bool {
        match self {
            Self::PainPoints => matches!(lane, LaneKind::PainPoints | LaneKind::Obstacles),
            Self::Opportunities => lane == LaneKind::Opportunities,
            Self::AllCards => lane != LaneKind::Emotions,
        }
    }
}

/// Dots per person when a vote starts, as most facilitation guides suggest.
pub const DEFAULT_DOTS: u32 = 3;
pub const MAX_DOTS: u32 = 20;

/// A running vote.
#[derive(Clone, Debug)]
pub struct VoteSession {
    pub on: VoteOn,
    pub dots_per_person: u32,
    /// The person voting now, from 1.
    pub voter: u32,
    /// The dots the person voting now has placed, per card.
    placed: HashMap<CardId, u32>,
}

/// Why a click did not change the vote; shown to the room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NoDotsLeft,
    NotVotedOn(VoteOn),
    NoDotHere,
}

impl Refusal {
    pub fn message(&self, voter: u32) -> String {
        match self {
            Self::NoDotsLeft => t!("vote-no-dots-left", voter = voter),
            Self::NotVotedOn(on) => t!("vote-not-voted-on", subject = on.subject()),
            Self::NoDotHere => t!("vote-no-dot-here", voter = voter),
        }
    }
}

impl VoteSession {
    pub fn new(on: VoteOn, dots_per_person: u32) -> Self {
        Self { on, dots_per_person: dots_per_person.clamp(1, MAX_DOTS), voter: 1, placed: HashMap::new() }
    }

    pub fn dots_left(&self) -> u32 {
        self.dots_per_person.saturating_sub(self.placed.values().sum())
    }

    /// The next person votes with a fresh set of dots.
    pub fn next_voter(&mut self) {
        self.voter += 1;
        self.placed.clear();
    }

    /// A dot on `card` for the person voting now: the command that adds it, or why not.
    pub fn add(&mut self, map: &Map, card: &CardId) -> Result<Command, Refusal> {
        let found = self.eligible(map, card)?;
        if self.dots_left() == 0 {
            return Err(Refusal::NoDotsLeft);
        }
        *self.placed.entry(card.clone()).or_insert(0) += 1;
        let mut changed = found.clone();
        changed.votes += 1;
        Ok(Command::ReplaceCard(changed))
    }

    /// Takes back one of the dots the person voting now put on `card`.
    pub fn remove(&mut self, map: &Map, card: &CardId) -> Result<Command, Refusal> {
        let found = self.eligible(map, card)?;
        let mine = self.placed.get_mut(card).filter(|n| **n > 0).ok_or(Refusal::NoDotHere)?;
        *mine -= 1;
        let mut changed = found.clone();
        changed.votes = changed.votes.saturating_sub(1);
        Ok(Command::ReplaceCard(changed))
    }

    /// Forgets dots that undo took back, so the person keeps the allowance they see on the map.
    pub fn reconcile(&mut self, map: &Map) {
        self.placed.retain(|id, n| {
            let on_card = map.card(id).map_or(0, |c| c.votes);
            *n = (*n).min(on_card);
            *n > 0
        });
    }

    fn eligible<'m>(&self, map: &'m Map, card: &CardId) -> Result<&'m crate::model::Card, Refusal> {
        let found = map.card(card).ok_or(Refusal::NoDotHere)?;
        let kind = map.lane(&found.lane).map(|l| l.kind);
        if kind.is_some_and(|k| self.on.accepts(k)) { Ok(found) } else { Err(Refusal::NotVotedOn(self.on)) }
    }
}

/// The cards with dots, most dots first; ties keep the map's order.
pub fn ranking(map: &Map) -> Vec<(CardId, u32)> {
    let mut ranked: Vec<(CardId, u32)> =
        map.cards.iter().filter(|c| c.votes > 0).map(|c| (c.id.clone(), c.votes)).collect();
    ranked.sort_by_key(|(_, votes)| std::cmp::Reverse(*votes));
    ranked
}

/// The cards with the three highest dot counts (more when tied), highlighted on the map.
pub fn winners(map: &Map) -> HashSet<CardId> {
    let ranked = ranking(map);
    let mut counts: Vec<u32> = ranked.iter().map(|(_, v)| *v).collect();
    counts.dedup();
    let Some(&threshold) = counts.get(2).or(counts.last()) else { return HashSet::new() };
    ranked.into_iter().filter(|(_, v)| *v >= threshold).map(|(id, _)| id).collect()
}

/// The command that takes every dot off the map, as one step; `None` when there are none.
pub fn clear(map: &Map) -> Option<Command> {
    let commands: Vec<Command> = map
        .cards
        .iter()
        .filter(|c| c.votes > 0)
        .map(|c| Command::ReplaceCard(crate::model::Card { votes: 0, ..c.clone() }))
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(commands))
}

/// Total dots on the map.
pub fn total(map: &Map) -> u32 {
    map.cards.iter().map(|c| c.votes).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Map {
        crate::templates::load("ecommerce").unwrap()
    }

    fn id(map: &Map, title: &str) -> CardId {
        map.cards.iter().find(|c| c.title == title).unwrap().id.clone()
    }

    #[test]
    fn each_person_has_their_dots_and_only_the_chosen_cards_take_them() {
        let mut map = shop();
        let fee = id(&map, "Shipping fee appears only at the last step");
        let size = id(&map, "Size guide uses a different scale than her current shoes");
        let checkout = id(&map, "Checkout");
        let mut vote = VoteSession::new(VoteOn::PainPoints, 2);
        assert_eq!(vote.add(&map, &checkout), Err(Refusal::NotVotedOn(VoteOn::PainPoints)));
        for card in [&fee, &fee] {
            let command = vote.add(&map, card).unwrap();
            command.apply(&mut map).unwrap();
        }
        assert_eq!(vote.add(&map, &size), Err(Refusal::NoDotsLeft));
        assert_eq!(vote.remove(&map, &size), Err(Refusal::NoDotHere));
        vote.remove(&map, &fee).unwrap().apply(&mut map).unwrap();
        vote.add(&map, &size).unwrap().apply(&mut map).unwrap();
        vote.next_voter();
        assert_eq!(vote.dots_left(), 2);
        assert_eq!(vote.remove(&map, &fee), Err(Refusal::NoDotHere), "voter 2 cannot take voter 1's dot");
        vote.add(&map, &size).unwrap().apply(&mut map).unwrap();
        assert_eq!(ranking(&map), vec![(size.clone(), 2), (fee.clone(), 1)]);
        assert_eq!(total(&map), 3);
        clear(&map).unwrap().apply(&mut map).unwrap();
        assert_eq!(total(&map), 0);
        assert!(clear(&map).is_none());
    }

    #[test]
    fn winners_are_the_top_three_counts_with_ties() {
        let mut map = shop();
        for (card, votes) in map.cards.iter_mut().zip([5, 4, 4, 3, 2, 1]) {
            card.votes = votes;
        }
        let won = winners(&map);
        assert_eq!(won.len(), 4, "5, 4, 4 and 3 are the three highest counts");
        assert!(!won.contains(&map.cards[4].id));
    }

    #[test]
    fn undo_gives_the_dot_back() {
        let mut map = shop();
        let fee = id(&map, "Shipping fee appears only at the last step");
        let mut vote = VoteSession::new(VoteOn::PainPoints, 1);
        let inverse = vote.add(&map, &fee).unwrap().apply(&mut map).unwrap();
        assert_eq!(vote.dots_left(), 0);
        inverse.apply(&mut map).unwrap();
        vote.reconcile(&map);
        assert_eq!(vote.dots_left(), 1);
    }
}
