//! The journey map as plain data: what a designer draws, independent of how it is shown or stored.
//!
//! Items live in flat lists and refer to each other by id (cards name their lane and stage, points
//! name their curve), which keeps every record on one line of the file and every reference
//! checkable by [`Map::validate`].

mod colour;
pub mod hidden;
mod ids;
mod items;
pub mod map_link;
mod order;
mod sentiment;
mod validate;
mod words;

use serde::{Deserialize, Serialize};

pub use colour::Colour;
pub use ids::{CardId, CurveId, IdMaker, LaneId, LinkId, PersonaId, PointId, StageId};
pub use items::{
    BlueprintBand, Card, Channel, Evidence, Flag, Lane, LaneKind, MetricSpec, Metrics, Rating, Stage,
};
pub use order::Slot;
pub use sentiment::{Anchor, Curve, CurveGaps, Persona, Point, Scale};
pub use validate::{Problem, SIZE_RANGE};
pub use words::{Word, Words};

/// A customer journey map or service blueprint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub title: String,
    /// The scenario and the customer's goal the journey follows.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scenario: String,
    /// Who made the map: a person or a team. Exports carry it (PDF metadata).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    #[serde(default)]
    pub state: JourneyState,
    #[serde(default)]
    pub scale: Scale,
    #[serde(default)]
    pub curve_gaps: CurveGaps,
    /// Which way the journey runs: stage 1 at the left, or at the right for a map in Arabic.
    #[serde(default, skip_serializing_if = "MapDirection::is_left_to_right")]
    pub direction: MapDirection,
    /// The scale's levels, the blueprint's lines and the state in the map's language.
    #[serde(default, skip_serializing_if = "Words::is_empty")]
    pub words: Words,
    /// The same journey in its other state (a current-state map's future state, or back): a
    /// map file, relative to this map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counterpart: Option<String>,
    /// Review rules (`touchline lint`) this map silences: `"rule"` for the whole map, or
    /// `"rule:id"` for one card or stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    /// In cell order: among the cards of one cell, earlier in this list is higher in the cell.
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default)]
    pub curves: Vec<Curve>,
    #[serde(default)]
    pub points: Vec<Point>,
    #[serde(default)]
    pub links: Vec<Link>,
}

/// Which way a map reads: where stage 1 is, where the lane headers are, which way the curve runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapDirection {
    #[default]
    LeftToRight,
    RightToLeft,
}

impl MapDirection {
    pub const ALL: [Self; 2] = [Self::LeftToRight, Self::RightToLeft];

    pub fn is_left_to_right(&self) -> bool {
        *self == Self::LeftToRight
    }

    pub fn is_rtl(self) -> bool {
        self == Self::RightToLeft
    }

    /// The direction a map's words read in: right to left when most of its title, stage names
    /// and card titles start right to left (Arabic, Hebrew), so an imported spreadsheet in
    /// Arabic makes a map that reads from the right.
    pub fn of_words(map: &Map) -> Self {
        let texts = std::iter::once(&map.title)
            .chain(map.stages.iter().map(|s| &s.name))
            .chain(map.cards.iter().map(|c| &c.title));
        let (mut rtl, mut ltr) = (0usize, 0usize);
        for text in texts {
            match crate::text::direction(text) {
                crate::text::Direction::RightToLeft => rtl += 1,
                crate::text::Direction::LeftToRight => ltr += 1,
                crate::text::Direction::Neutral => {}
            }
        }
        if rtl > ltr { Self::RightToLeft } else { Self::LeftToRight }
    }
}

/// Which journey the map tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum JourneyState {
    #[default]
    CurrentState,
    FutureState,
    DayInTheLife,
}

impl JourneyState {
    pub const ALL: [Self; 3] = [Self::CurrentState, Self::FutureState, Self::DayInTheLife];

    pub fn label(self) -> &'static str {
        match self {
            Self::CurrentState => "Current state",
            Self::FutureState => "Future state",
            Self::DayInTheLife => "Day in the life",
        }
    }
}

/// An arrow from one card to another: a hand-off, a dependency, a trigger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub id: LinkId,
    pub from: CardId,
    pub to: CardId,
    #[serde(default, skip_serializing_if = "is_one_way")]
    pub direction: LinkDirection,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// Whether an arrow has one head or two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkDirection {
    #[default]
    OneWay,
    TwoWay,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde passes fields by reference")]
fn is_one_way(d: &LinkDirection) -> bool {
    *d == LinkDirection::OneWay
}

/// The map's own fields, edited together from the map's inspector.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub title: String,
    pub scenario: String,
    pub author: String,
    pub state: JourneyState,
    pub scale: Scale,
    pub curve_gaps: CurveGaps,
    pub direction: MapDirection,
    pub words: Words,
    pub counterpart: Option<String>,
}

impl Default for Map {
    fn default() -> Self {
        Self::blank("Untitled journey")
    }
}

impl Map {
    /// A map with nothing in it.
    pub fn blank(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            scenario: String::new(),
            author: String::new(),
            state: JourneyState::default(),
            scale: Scale::default(),
            curve_gaps: CurveGaps::default(),
            direction: MapDirection::default(),
            words: Words::default(),
            counterpart: None,
            allow: Vec::new(),
            personas: Vec::new(),
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            curves: Vec::new(),
            points: Vec::new(),
            links: Vec::new(),
        }
    }

    pub fn meta(&self) -> Meta {
        Meta {
            title: self.title.clone(),
            scenario: self.scenario.clone(),
            author: self.author.clone(),
            state: self.state,
            scale: self.scale,
            curve_gaps: self.curve_gaps,
            direction: self.direction,
            words: self.words.clone(),
            counterpart: self.counterpart.clone(),
        }
    }

    pub fn set_meta(&mut self, meta: Meta) {
        let Meta { title, scenario, author, state, scale, curve_gaps, direction, words, counterpart } = meta;
        self.title = title;
        self.scenario = scenario;
        self.author = author;
        self.state = state;
        self.scale = scale;
        self.curve_gaps = curve_gaps;
        self.direction = direction;
        self.words = words;
        self.counterpart = counterpart;
    }

    /// The name of a level of the sentiment scale, in the map's words.
    pub fn level_name(&self, level: i32) -> &str {
        self.words.get(self.scale.level_word(level))
    }

    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &StageId) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    pub fn lane(&self, id: &LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    pub fn lane_index(&self, id: &LaneId) -> Option<usize> {
        self.lanes.iter().position(|l| &l.id == id)
    }

    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    pub fn card_index(&self, id: &CardId) -> Option<usize> {
        self.cards.iter().position(|c| &c.id == id)
    }

    pub fn persona(&self, id: &PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| &p.id == id)
    }

    pub fn curve(&self, id: &CurveId) -> Option<&Curve> {
        self.curves.iter().find(|c| &c.id == id)
    }

    /// The cards of one cell, top to bottom.
    pub fn cell_cards<'a>(
        &'a self,
        lane: &'a LaneId,
        stage: &'a StageId,
    ) -> impl Iterator<Item = &'a Card> + 'a {
        self.cards.iter().filter(move |c| &c.lane == lane && &c.stage == stage)
    }

    /// The stage a point belongs to, through its card if it is anchored at one.
    pub fn anchor_stage<'a>(&'a self, anchor: &'a Anchor) -> Option<&'a StageId> {
        match anchor {
            Anchor::Stage(id) => Some(id),
            Anchor::Card(id) => self.card(id).map(|c| &c.stage),
        }
    }

    /// The points of one curve, in file order.
    pub fn curve_points<'a>(&'a self, curve: &'a CurveId) -> impl Iterator<Item = &'a Point> + 'a {
        self.points.iter().filter(move |p| &p.curve == curve)
    }
}
