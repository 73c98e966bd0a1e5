//! Every pain point and opportunity across a folder's maps, as one table: what the roll-up view
//! shows and `touchline report` writes.

use std::cmp::Ordering;

use super::Folder;
use crate::model::{CardId, Evidence, JourneyState, LaneKind, Rating};

/// Which kind of card a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    PainPoint,
    Opportunity,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Self::PainPoint => "Pain point",
            Self::Opportunity => "Opportunity",
        }
    }
}

/// One pain point or opportunity of one map.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The map's entry in the folder.
    pub entry: usize,
    pub card: CardId,
    pub kind: Kind,
    pub title: String,
    pub map: String,
    /// The map's file inside the folder.
    pub file: String,
    pub state: JourneyState,
    pub stage: String,
    /// The stage's place in its map, for sorting by stage.
    pub stage_index: usize,
    pub owner: String,
    pub votes: u32,
    /// Share of customers reporting it, percent.
    pub reported: Option<f32>,
    /// Share of customers who leave here, percent.
    pub drop_off: Option<f32>,
    pub evidence: Option<Evidence>,
    pub priority: Option<Rating>,
    pub effort: Option<Rating>,
}

/// What the table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumIter, clap::ValueEnum)]
pub enum SortBy {
    #[default]
    Votes,
    Reported,
    DropOff,
    Owner,
    Map,
    Stage,
    Title,
}

impl SortBy {
    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Self::Votes => "Votes",
            Self::Reported => "Reported by",
            Self::DropOff => "Drop-off",
            Self::Owner => "Owner",
            Self::Map => "Map",
            Self::Stage => "Stage",
            Self::Title => "Title",
        }
    }

    /// Numbers read best largest first; names from A.
    pub fn descending_first(self) -> bool {
        matches!(self, Self::Votes | Self::Reported | Self::DropOff)
    }
}

/// Which rows to keep.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only maps with a persona of this name (any case).
    pub persona: Option<String>,
    pub state: Option<JourneyState>,
    pub kind: Option<Kind>,
}

/// Every pain point and opportunity of the folder's maps that pass `filter`, in folder order
/// and map order.
pub fn rows(folder: &Folder, filter: &Filter) -> Vec<Row> {
    let mut out = Vec::new();
    for (index, entry) in folder.entries.iter().enumerate() {
        let Ok(map) = &entry.map else { continue };
        if filter.state.is_some_and(|s| s != map.state) {
            continue;
        }
        if let Some(persona) = &filter.persona
            && !map.personas.iter().any(|p| p.name.trim().eq_ignore_ascii_case(persona.trim()))
        {
            continue;
        }
        for lane in &map.lanes {
            let kind = match lane.kind {
                LaneKind::PainPoints => Kind::PainPoint,
                LaneKind::Opportunities => Kind::Opportunity,
                _ => continue,
            };
            if filter.kind.is_some_and(|k| k != kind) {
                continue;
            }
            for card in map.cards.iter().filter(|c| c.lane == lane.id) {
                let stage_index = map.stage_index(&card.stage).unwrap_or(usize::MAX);
                out.push(Row {
                    entry: index,
                    card: card.id.clone(),
                    kind,
                    title: card.title.clone(),
                    map: map.title.clone(),
                    file: entry.name.clone(),
                    state: map.state,
                    stage: map.stage(&card.stage).map(|s| s.name.clone()).unwrap_or_default(),
                    stage_index,
                    owner: card.owner.clone(),
                    votes: card.votes,
                    reported: card.metrics.pain_frequency,
                    drop_off: card.metrics.drop_off,
                    evidence: card.evidence,
                    priority: card.priority,
                    effort: card.effort,
                });
            }
        }
    }
    out
}

/// Sorts rows by a column; ties keep folder and map order. Rows with no value for a number
/// column go last either way, as do rows with no owner.
pub fn sort(rows: &mut [Row], by: SortBy, descending: bool) {
    let number = |a: Option<f32>, b: Option<f32>| match (a, b) {
        (Some(a), Some(b)) => Some(if descending { b.total_cmp(&a) } else { a.total_cmp(&b) }),
        (Some(_), None) => Some(Ordering::Less),
        (None, Some(_)) => Some(Ordering::Greater),
        (None, None) => None,
    };
    let text = |a: &str, b: &str| {
        let order = a.to_lowercase().cmp(&b.to_lowercase());
        if descending { order.reverse() } else { order }
    };
    rows.sort_by(|a, b| {
        let order = match by {
            SortBy::Votes => number(Some(a.votes as f32), Some(b.votes as f32)).unwrap_or(Ordering::Equal),
            SortBy::Reported => number(a.reported, b.reported).unwrap_or(Ordering::Equal),
            SortBy::DropOff => number(a.drop_off, b.drop_off).unwrap_or(Ordering::Equal),
            SortBy::Owner => match (a.owner.trim().is_empty(), b.owner.trim().is_empty()) {
                (false, true) => Ordering::Less,
                (true, false) => Ordering::Greater,
                _ => text(&a.owner, &b.owner),
            },
            SortBy::Map => text(&a.map, &b.map),
            SortBy::Stage => {
                let order = a.stage_index.cmp(&b.stage_index);
                if descending { order.reverse() } else { order }
            }
            SortBy::Title => text(&a.title, &b.title),
        };
        order.then((a.entry, a.stage_index).cmp(&(b.entry, b.stage_index)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, Folder) {
        let dir = tempfile::tempdir().unwrap();
        crate::generate::folder(dir.path(), 8, 60, 5).unwrap();
        let folder = Folder::open(dir.path());
        (dir, folder)
    }

    #[test]
    fn rows_hold_every_pain_point_and_opportunity_and_filter_by_state_and_kind() {
        let (_dir, folder) = folder();
        let all = rows(&folder, &Filter::default());
        let expected: usize = folder
            .maps()
            .map(|(_, m)| {
                m.cards
                    .iter()
                    .filter(|c| {
                        m.lane(&c.lane)
                            .is_some_and(|l| matches!(l.kind, LaneKind::PainPoints | LaneKind::Opportunities))
                    })
                    .count()
            })
            .sum();
        assert!(expected > 20);
        assert_eq!(all.len(), expected);
        let future = rows(&folder, &Filter { state: Some(JourneyState::FutureState), ..Filter::default() });
        assert!(
            !future.is_empty()
                && future
                    .iter()
                    .all(|r| r.state == JourneyState::FutureState && r.file.ends_with("future.ron"))
        );
        let pains = rows(&folder, &Filter { kind: Some(Kind::PainPoint), ..Filter::default() });
        assert!(
            !pains.is_empty() && pains.len() < all.len() && pains.iter().all(|r| r.kind == Kind::PainPoint)
        );
        let persona = rows(&folder, &Filter { persona: Some("persona 1".into()), ..Filter::default() });
        assert_eq!(persona.len(), all.len(), "every generated map has Persona 1");
        assert!(rows(&folder, &Filter { persona: Some("Nobody".into()), ..Filter::default() }).is_empty());
    }

    #[test]
    fn sorting_puts_the_largest_numbers_first_and_empty_values_last() {
        let (_dir, folder) = folder();
        let mut all = rows(&folder, &Filter::default());
        sort(&mut all, SortBy::Votes, true);
        assert!(all.windows(2).all(|w| w[0].votes >= w[1].votes));
        sort(&mut all, SortBy::Reported, true);
        let reported: Vec<Option<f32>> = all.iter().map(|r| r.reported).collect();
        let first_none = reported.iter().position(Option::is_none).unwrap();
        assert!(first_none > 0 && reported[first_none..].iter().all(Option::is_none));
        assert!(reported[..first_none].windows(2).all(|w| w[0] >= w[1]));
        sort(&mut all, SortBy::Reported, false);
        assert!(all[0].reported.is_some() && all[0].reported <= all[1].reported.or(Some(f32::MAX)));
        sort(&mut all, SortBy::Owner, false);
        assert!(!all[0].owner.is_empty() && all.last().unwrap().owner.is_empty());
        sort(&mut all, SortBy::Map, false);
        assert!(all.windows(2).all(|w| w[0].map.to_lowercase() <= w[1].map.to_lowercase()));
    }
}
