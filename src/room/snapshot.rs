//! What participants' pages see of the presentation: the texts of the presented map (stages,
//! lanes, cards), the vote, the results and the timer. Nothing else of the map goes out: no file
//! name or folder, no picture paths, no notes, owners or metrics.

use serde::Serialize;

use crate::model::{LaneKind, Map};

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Snapshot {
    pub title: String,
    /// The map reads right to left (its title's script): the page does too.
    pub rtl: bool,
    pub stages: Vec<StageRef>,
    /// The stage the facilitator shows (0-based); `None` at the overview.
    pub focus: Option<usize>,
    /// The focused stage's goal and cards, lane by lane.
    pub stage: Option<StageView>,
    /// The lanes that take sticky notes.
    pub note_lanes: Vec<LaneRef>,
    /// The lane the facilitator last captured into, offered first.
    pub capture_lane: Option<String>,
    pub vote: Option<VoteView>,
    /// The ranking after the reveal.
    pub results: Option<Vec<ResultRow>>,
    pub timer: Option<TimerView>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StageRef {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LaneRef {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StageView {
    pub name: String,
    pub goal: String,
    pub lanes: Vec<LaneCards>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LaneCards {
    pub name: String,
    pub cards: Vec<CardView>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CardView {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// The card's stage, in a vote's list of cards.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stage: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct VoteView {
    /// Which vote this is: a new round starts everyone with no dots.
    pub round: u64,
    /// What the vote is on, in words.
    pub on: String,
    pub budget: u32,
    pub cards: Vec<CardView>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ResultRow {
    pub title: String,
    pub stage: String,
    pub votes: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TimerView {
    /// Whole seconds left.
    pub left: u32,
}

/// A running vote, as the page needs it.
#[derive(Clone, Debug)]
pub struct Voting<'a> {
    /// Which vote this is, counted by the presentation.
    pub round: u64,
    /// What it is on, in words.
    pub on: &'a str,
    pub budget: u32,
    /// The kinds of lane whose cards take dots.
    pub lanes: Vec<LaneKind>,
}

/// How a presentation is showing the map, for [`Snapshot::of`].
#[derive(Clone, Debug, Default)]
pub struct Showing<'a> {
    pub focus: Option<usize>,
    pub capture_lane: Option<&'a str>,
    pub vote: Option<Voting<'a>>,
    pub results: bool,
    pub timer_left: Option<u32>,
}

impl Snapshot {
    /// What participants see of `map` presented as `showing` says.
    pub fn of(map: &Map, showing: &Showing<'_>) -> Self {
        let stages: Vec<StageRef> = map
            .stages
            .iter()
            .map(|s| StageRef { id: s.id.as_str().to_owned(), name: s.name.clone() })
            .collect();
        let takes_cards = |kind: LaneKind| kind != LaneKind::Emotions;
        let note_lanes = map
            .lanes
            .iter()
            .filter(|l| takes_cards(l.kind) && !l.collapsed)
            .map(|l| LaneRef { id: l.id.as_str().to_owned(), name: l.title.clone() })
            .collect();
        let card = |c: &crate::model::Card, with_stage: bool| CardView {
            id: c.id.as_str().to_owned(),
            title: c.title.clone(),
            author: c.author.clone(),
            stage: if with_stage {
                map.stage(&c.stage).map(|s| s.name.clone()).unwrap_or_default()
            } else {
                String::new()
            },
        };
        let stage = showing.focus.and_then(|i| map.stages.get(i)).map(|s| StageView {
            name: s.name.clone(),
            goal: s.goal.clone(),
            lanes: map
                .lanes
                .iter()
                .filter(|l| takes_cards(l.kind))
                .map(|l| LaneCards {
                    name: l.title.clone(),
                    cards: map
                        .cards
                        .iter()
                        .filter(|c| c.lane == l.id && c.stage == s.id)
                        .map(|c| card(c, false))
                        .collect(),
                })
                .filter(|l| !l.cards.is_empty())
                .collect(),
        });
        let vote = showing.vote.as_ref().map(|v| VoteView {
            round: v.round,
            on: v.on.to_owned(),
            budget: v.budget,
            cards: map
                .stages
                .iter()
                .flat_map(|s| map.cards.iter().filter(move |c| c.stage == s.id))
                .filter(|c| map.lane(&c.lane).is_some_and(|l| v.lanes.contains(&l.kind)))
                .map(|c| card(c, true))
                .collect(),
        });
        let results = showing.results.then(|| {
            crate::app::present::vote::ranking(map)
                .into_iter()
                .filter_map(|(id, votes)| {
                    let c = map.card(&id)?;
                    let stage = map.stage(&c.stage).map(|s| s.name.clone()).unwrap_or_default();
                    Some(ResultRow { title: c.title.clone(), stage, votes })
                })
                .take(20)
                .collect()
        });
        Self {
            title: map.title.clone(),
            rtl: crate::text::direction(&map.title).is_rtl(),
            stages,
            focus: showing.focus,
            stage,
            note_lanes,
            capture_lane: showing.capture_lane.map(str::to_owned),
            vote,
            results,
            timer: showing.timer_left.map(|left| TimerView { left }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_carries_the_stage_texts_and_nothing_of_the_file() {
        let mut map = crate::templates::load("ecommerce").unwrap();
        map.cards[0].notes = "internal: ask legal".into();
        map.cards[0].owner = "Growth team".into();
        map.cards[0].image = Some("photos/secret.jpg".into());
        let vote = Voting { round: 1, on: "Pain points", budget: 3, lanes: vec![LaneKind::PainPoints] };
        let showing = Showing { focus: Some(0), vote: Some(vote), ..Showing::default() };
        let snapshot = Snapshot::of(&map, &showing);
        let json = serde_json::to_string(&snapshot).unwrap();
        assert!(json.contains(&map.stages[0].name));
        assert!(json.contains(&map.cards[0].title));
        for secret in ["internal: ask legal", "Growth team", "photos/secret.jpg", ".ron"] {
            assert!(!json.contains(secret), "{secret} must not reach participants");
        }
        let vote = snapshot.vote.unwrap();
        assert!(!vote.cards.is_empty());
        assert!(vote.cards.iter().all(|c| {
            let card = map.cards.iter().find(|m| m.id.as_str() == c.id).unwrap();
            map.lane(&card.lane).unwrap().kind == LaneKind::PainPoints
        }));
        assert!(
            snapshot
                .note_lanes
                .iter()
                .all(|l| map.lanes.iter().any(|m| m.id.as_str() == l.id && m.kind != LaneKind::Emotions))
        );
    }

    #[test]
    fn an_arabic_map_reads_right_to_left() {
        let map = crate::templates::load("b2b-phone-system-ar").unwrap();
        assert!(Snapshot::of(&map, &Showing::default()).rtl);
        let map = crate::templates::load("ecommerce").unwrap();
        assert!(!Snapshot::of(&map, &Showing::default()).rtl);
    }
}
