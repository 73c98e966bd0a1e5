//! What is selected on the canvas.

use std::collections::HashSet;

use crate::model::{CardId, LaneId, PointId, StageId};

/// A selected stage or lane header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderSelection {
    Stage(StageId),
    Lane(LaneId),
}

/// What is selected: some cards, one stage or lane header, or one sentiment point — never two
/// kinds at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Nothing,
    /// One card or more (never an empty set: that is `Nothing`).
    Cards(HashSet<CardId>),
    Header(HeaderSelection),
    Point(PointId),
}

impl Selection {
    /// One card alone.
    pub fn card(id: CardId) -> Self {
        Self::Cards(HashSet::from([id]))
    }

    /// These cards; nothing when there are none.
    pub fn cards(ids: impl IntoIterator<Item = CardId>) -> Self {
        let ids: HashSet<CardId> = ids.into_iter().collect();
        if ids.is_empty() { Self::Nothing } else { Self::Cards(ids) }
    }

    /// The selected cards, if cards are what is selected.
    pub fn card_set(&self) -> Option<&HashSet<CardId>> {
        match self {
            Self::Cards(ids) => Some(ids),
            _ => None,
        }
    }

    /// The selected cards, in no order (none when something else is selected).
    pub fn card_ids(&self) -> impl Iterator<Item = &CardId> {
        self.card_set().into_iter().flatten()
    }

    pub fn card_count(&self) -> usize {
        self.card_set().map_or(0, HashSet::len)
    }

    pub fn contains(&self, id: &CardId) -> bool {
        self.card_set().is_some_and(|ids| ids.contains(id))
    }

    pub fn header(&self) -> Option<&HeaderSelection> {
        match self {
            Self::Header(header) => Some(header),
            _ => None,
        }
    }

    pub fn point(&self) -> Option<&PointId> {
        match self {
            Self::Point(id) => Some(id),
            _ => None,
        }
    }

    /// Adds the card to the selected cards; whatever else was selected is let go.
    pub fn add(&mut self, id: CardId) {
        match self {
            Self::Cards(ids) => {
                ids.insert(id);
            }
            _ => *self = Self::card(id),
        }
    }

    /// Adds the card to the selected cards, or takes it out if it is there (Shift+click).
    /// Whatever else was selected is let go.
    pub fn toggle(&mut self, id: &CardId) {
        let mut ids = self.card_set().cloned().unwrap_or_default();
        if !ids.remove(id) {
            ids.insert(id.clone());
        }
        *self = Self::cards(ids);
    }

    /// Keeps only what `card` and `point` say still exists.
    pub fn retain(&mut self, card: impl Fn(&CardId) -> bool, point: impl Fn(&PointId) -> bool) {
        match self {
            Self::Cards(ids) => {
                ids.retain(|id| card(id));
                if ids.is_empty() {
                    *self = Self::Nothing;
                }
            }
            Self::Point(id) if !point(id) => *self = Self::Nothing,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_toggle_in_and_out_and_an_empty_set_is_nothing() {
        let a = CardId::from("a");
        let b = CardId::from("b");
        let mut selection = Selection::Point(PointId::from("p"));
        selection.toggle(&a);
        assert_eq!(selection, Selection::card(a.clone()), "a card replaces the point");
        selection.toggle(&b);
        assert_eq!(selection.card_count(), 2);
        selection.toggle(&a);
        selection.toggle(&b);
        assert_eq!(selection, Selection::Nothing);
        let mut selection = Selection::cards([a.clone(), b]);
        selection.retain(|id| *id != a, |_| true);
        assert_eq!(selection.card_count(), 1);
        selection.retain(|_| false, |_| true);
        assert_eq!(selection, Selection::Nothing);
    }
}
