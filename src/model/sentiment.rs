//! Personas and the sentiment curves that show how each of them feels along the journey.

use serde::{Deserialize, Serialize};

use super::colour::Colour;
use super::ids::{CardId, CurveId, PersonaId, PointId, StageId};

/// A customer archetype the journey is told for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<String>,
    /// The persona's picture, drawn as a round avatar: a file path, relative to the map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

impl Persona {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            id: PersonaId::fresh(),
            name: name.into(),
            description: String::new(),
            goals: Vec::new(),
            needs: Vec::new(),
            image: None,
        }
    }
}

/// The fixed scale sentiment values live on, whole levels from `min` to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i32,
    pub max: i32,
}

impl Default for Scale {
    fn default() -> Self {
        Self { min: -2, max: 2 }
    }
}

impl Scale {
    /// More levels than this would not fit readable labels in a lane.
    pub const MAX_LEVELS: i32 = 21;

    pub fn contains(self, value: f32) -> bool {
        value.is_finite() && value >= self.min as f32 && value <= self.max as f32
    }

    pub fn clamp(self, value: f32) -> f32 {
        value.clamp(self.min as f32, self.max as f32)
    }

    pub fn mid(self) -> f32 {
        (self.min + self.max) as f32 / 2.0
    }

    /// Where `value` lies on the scale, from 0 (most negative) to 1 (most positive).
    pub fn normalized(self, value: f32) -> f32 {
        let span = (self.max - self.min) as f32;
        if span <= 0.0 { 0.5 } else { ((value - self.min as f32) / span).clamp(0.0, 1.0) }
    }

    /// The word for a level: the extremes and the middle are named, the rest read by position.
    pub fn level_word(self, level: i32) -> super::Word {
        use super::Word;
        let t = self.normalized(level as f32);
        if t <= 0.0 {
            Word::VeryNegative
        } else if t < 0.5 - 1e-4 {
            Word::Negative
        } else if t <= 0.5 + 1e-4 {
            Word::Neutral
        } else if t < 1.0 {
            Word::Positive
        } else {
            Word::VeryPositive
        }
    }

    /// A level's English name (a map names its levels with [`super::Map::level_name`]).
    pub fn level_label(self, level: i32) -> String {
        self.level_word(level).english().to_owned()
    }
}

/// What happens where a stage has no point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CurveGaps {
    /// The curve runs straight on to the next point.
    #[default]
    Bridge,
    /// The curve stops and starts again after the gap.
    Break,
}

/// How one persona (or one state of the journey) feels, stage by stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curve {
    pub id: CurveId,
    /// Shown in the legend, for example "Current state" or the persona's name.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<PersonaId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// Hidden curves stay in the file but are not drawn.
    #[serde(default, skip_serializing_if = "super::items::is_false")]
    pub hidden: bool,
}

impl Curve {
    pub fn new(name: impl Into<String>, persona: Option<PersonaId>) -> Self {
        Self { id: CurveId::fresh(), name: name.into(), persona, colour: None, hidden: false }
    }
}

/// A value on the curve, anchored in the journey.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub id: PointId,
    pub curve: CurveId,
    pub at: Anchor,
    pub value: f32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub emoji: String,
}

impl Point {
    pub fn new(curve: CurveId, at: Anchor, value: f32) -> Self {
        Self { id: PointId::fresh(), curve, at, value, label: String::new(), emoji: String::new() }
    }
}

/// Where a point sits: at the centre of a stage, or at a card inside a stage.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Anchor {
    Stage(StageId),
    Card(CardId),
}
