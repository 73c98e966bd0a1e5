//! Stages, lanes and cards: the grid of a journey map.

use serde::{Deserialize, Serialize};

use super::colour::Colour;
use super::ids::{CardId, LaneId, StageId};

/// A column of the journey: one phase the customer goes through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    /// What the customer wants to achieve in this stage.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// Width relative to the default stage width.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub width: f32,
    /// A map that tells this stage in detail: a map file, relative to this map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
}

impl Stage {
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            id: StageId::fresh(),
            name: name.into(),
            goal: String::new(),
            colour: None,
            width: 1.0,
            opens: None,
        }
    }

    /// A new stage of `map` whose id reads as its name (`s-new-stage-2`).
    pub fn new_in(map: &super::Map, name: impl Into<String>) -> Self {
        let stage = Self::new(name);
        Self { id: StageId(super::IdMaker::for_map(map).make("s-", &stage.name)), ..stage }
    }
}

/// A row of the journey. Its kind decides how it is drawn and what its cards mean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub kind: LaneKind,
    pub title: String,
    /// Minimum height relative to the default lane height; cells still grow to fit their cards.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub height: f32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub collapsed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    /// The lane's cards show their notes under their title (a few lines of them).
    #[serde(default, skip_serializing_if = "is_false")]
    pub show_notes: bool,
}

impl Lane {
    /// A new lane of `map` whose id reads as its kind (`l-pain-points`).
    pub fn new_in(map: &super::Map, kind: LaneKind) -> Self {
        let lane = Self::new(kind);
        Self { id: LaneId(super::IdMaker::for_map(map).make("l-", &lane.title)), ..lane }
    }

    pub fn new(kind: LaneKind) -> Self {
        Self {
            id: LaneId::fresh(),
            kind,
            title: kind.label().to_owned(),
            height: 1.0,
            collapsed: false,
            colour: None,
            show_notes: false,
        }
    }
}

/// What a lane holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LaneKind {
    Actions,
    Touchpoints,
    Channels,
    Thoughts,
    Questions,
    Motivations,
    Obstacles,
    Emotions,
    PainPoints,
    Opportunities,
    Metrics,
    Owners,
    PhysicalEvidence,
    CustomerActions,
    Frontstage,
    Backstage,
    SupportProcesses,
    Custom,
}

impl LaneKind {
    pub const ALL: [Self; 18] = [
        Self::Actions,
        Self::Touchpoints,
        Self::Channels,
        Self::Thoughts,
        Self::Questions,
        Self::Motivations,
        Self::Obstacles,
        Self::Emotions,
        Self::PainPoints,
        Self::Opportunities,
        Self::Metrics,
        Self::Owners,
        Self::PhysicalEvidence,
        Self::CustomerActions,
        Self::Frontstage,
        Self::Backstage,
        Self::SupportProcesses,
        Self::Custom,
    ];

    /// The name users see, and the default title of a new lane of this kind.
    pub fn label(self) -> &'static str {
        match self {
            Self::Actions => "Actions",
            Self::Touchpoints => "Touchpoints",
            Self::Channels => "Channels",
            Self::Thoughts => "Thoughts",
            Self::Questions => "Questions",
            Self::Motivations => "Motivations",
            Self::Obstacles => "Obstacles",
            Self::Emotions => "Emotions",
            Self::PainPoints => "Pain points",
            Self::Opportunities => "Opportunities",
            Self::Metrics => "Metrics",
            Self::Owners => "Owners",
            Self::PhysicalEvidence => "Physical evidence",
            Self::CustomerActions => "Customer actions",
            Self::Frontstage => "Frontstage",
            Self::Backstage => "Backstage",
            Self::SupportProcesses => "Support processes",
            Self::Custom => "Custom",
        }
    }

    /// The name used in the file and in `touchline info`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Actions => "Actions",
            Self::Touchpoints => "Touchpoints",
            Self::Channels => "Channels",
            Self::Thoughts => "Thoughts",
            Self::Questions => "Questions",
            Self::Motivations => "Motivations",
            Self::Obstacles => "Obstacles",
            Self::Emotions => "Emotions",
            Self::PainPoints => "PainPoints",
            Self::Opportunities => "Opportunities",
            Self::Metrics => "Metrics",
            Self::Owners => "Owners",
            Self::PhysicalEvidence => "PhysicalEvidence",
            Self::CustomerActions => "CustomerActions",
            Self::Frontstage => "Frontstage",
            Self::Backstage => "Backstage",
            Self::SupportProcesses => "SupportProcesses",
            Self::Custom => "Custom",
        }
    }

    /// Where the lane sits in a service blueprint, if it is a blueprint lane.
    pub fn blueprint_band(self) -> Option<BlueprintBand> {
        match self {
            Self::PhysicalEvidence => Some(BlueprintBand::PhysicalEvidence),
            Self::CustomerActions => Some(BlueprintBand::CustomerActions),
            Self::Frontstage => Some(BlueprintBand::Frontstage),
            Self::Backstage => Some(BlueprintBand::Backstage),
            Self::SupportProcesses => Some(BlueprintBand::SupportProcesses),
            _ => None,
        }
    }
}

/// The bands of a service blueprint, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlueprintBand {
    PhysicalEvidence,
    CustomerActions,
    Frontstage,
    Backstage,
    SupportProcesses,
}

/// One item in a cell: a touchpoint, an action, a thought, a pain point...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub lane: LaneId,
    pub stage: StageId,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Colour>,
    #[serde(default, skip_serializing_if = "Metrics::is_empty")]
    pub metrics: Metrics,
    /// Kept sorted and free of repeats, so the file does not change when a flag is toggled twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// The person, team or department responsible.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Dots this card received in a workshop's dot vote.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub votes: u32,
    /// A picture shown above the title: a file path, relative to the map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// How much the card matters: a pain point's severity, an opportunity's priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Rating>,
    /// What acting on the card would take: an opportunity's effort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Rating>,
    /// Who wrote the card, when a workshop participant added it from their phone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// A map that tells this card's part of the journey in detail: a map file, relative to this
    /// map's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
}

impl Card {
    pub fn new(lane: LaneId, stage: StageId, title: impl Into<String>) -> Self {
        Self {
            id: CardId::fresh(),
            lane,
            stage,
            title: title.into(),
            notes: String::new(),
            channel: None,
            colour: None,
            metrics: Metrics::default(),
            flags: Vec::new(),
            evidence: None,
            owner: String::new(),
            votes: 0,
            image: None,
            priority: None,
            effort: None,
            author: String::new(),
            opens: None,
        }
    }

    pub fn has_flag(&self, flag: Flag) -> bool {
        self.flags.contains(&flag)
    }

    /// Sets or clears a flag, keeping the list in canonical order.
    pub fn set_flag(&mut self, flag: Flag, on: bool) {
        self.flags.retain(|f| *f != flag);
        if on {
            self.flags.push(flag);
        }
        self.flags.sort_unstable();
    }
}

/// Where the customer meets the brand.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    SocialMedia,
    Website,
    Email,
    PaidAds,
    Reviews,
    Phone,
    LiveChat,
    Sms,
    Survey,
    ProductOnboarding,
    MobileApp,
    InPerson,
    Other(String),
}

impl Channel {
    /// The named channels, for pickers.
    pub const KNOWN: [Self; 12] = [
        Self::SocialMedia,
        Self::Website,
        Self::Email,
        Self::PaidAds,
        Self::Reviews,
        Self::Phone,
        Self::LiveChat,
        Self::Sms,
        Self::Survey,
        Self::ProductOnboarding,
        Self::MobileApp,
        Self::InPerson,
    ];

    pub fn label(&self) -> &str {
        match self {
            Self::SocialMedia => "Social media",
            Self::Website => "Website",
            Self::Email => "Email",
            Self::PaidAds => "Paid ads",
            Self::Reviews => "Third-party reviews",
            Self::Phone => "Phone",
            Self::LiveChat => "Live chat",
            Self::Sms => "SMS",
            Self::Survey => "Survey",
            Self::ProductOnboarding => "Product onboarding",
            Self::MobileApp => "Mobile app",
            Self::InPerson => "In person",
            Self::Other(name) => name,
        }
    }
}

/// Marks that make a card stand out on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Flag {
    /// An interaction with an outsized effect on how the customer feels about the brand.
    MomentOfTruth,
    /// Where customers abandon, ask for refunds or refuse upgrades.
    ExitPoint,
    /// Where the service can fail (blueprint).
    FailPoint,
    /// Where the customer waits (blueprint).
    WaitPoint,
}

impl Flag {
    pub const ALL: [Self; 4] = [Self::MomentOfTruth, Self::ExitPoint, Self::FailPoint, Self::WaitPoint];

    pub fn label(self) -> &'static str {
        match self {
            Self::MomentOfTruth => "Moment of truth",
            Self::ExitPoint => "Exit point",
            Self::FailPoint => "Fail point",
            Self::WaitPoint => "Wait point",
        }
    }
}

/// A rating on three steps: a card's priority (or severity), or the effort it would take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rating {
    Low,
    Medium,
    High,
}

impl Rating {
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    /// The English word, for the editor's own controls.
    pub fn label(self) -> &'static str {
        match self {
            Self::Low => "Low",
            Self::Medium => "Medium",
            Self::High => "High",
        }
    }
}

/// How well a card is backed by research.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Evidence {
    /// Seen in research: interviews, recordings, analytics.
    Observed,
    /// Believed by the team but not yet checked.
    Assumed,
    /// A future-state idea.
    Proposed,
}

impl Evidence {
    pub const ALL: [Self; 3] = [Self::Observed, Self::Assumed, Self::Proposed];

    pub fn label(self) -> &'static str {
        match self {
            Self::Observed => "Observed",
            Self::Assumed => "Assumed",
            Self::Proposed => "Proposed",
        }
    }
}

/// Numbers measured at a card. Every metric is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metrics {
    /// Net Promoter Score, −100 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nps: Option<f32>,
    /// Customer satisfaction, percent of satisfied answers, 0 to 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csat: Option<f32>,
    /// Customer effort score, 1 (effortless) to 7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ces: Option<f32>,
    /// Share of customers reporting this pain point, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_frequency: Option<f32>,
    /// Share of customers who leave the journey here, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off: Option<f32>,
}

/// One metric's name and allowed range, for validation and for the inspector.
#[derive(Clone, Copy, Debug)]
pub struct MetricSpec {
    pub label: &'static str,
    pub min: f32,
    pub max: f32,
    pub suffix: &'static str,
}

impl Metrics {
    pub const SPECS: [MetricSpec; 5] = [
        MetricSpec { label: "NPS", min: -100.0, max: 100.0, suffix: "" },
        MetricSpec { label: "CSAT", min: 0.0, max: 100.0, suffix: "%" },
        MetricSpec { label: "CES", min: 1.0, max: 7.0, suffix: "" },
        MetricSpec { label: "Reported by", min: 0.0, max: 100.0, suffix: "%" },
        MetricSpec { label: "Drop-off", min: 0.0, max: 100.0, suffix: "%" },
    ];

    pub fn is_empty(&self) -> bool {
        self.values().iter().all(Option::is_none)
    }

    /// The values in the order of [`Metrics::SPECS`].
    pub fn values(&self) -> [Option<f32>; 5] {
        [self.nps, self.csat, self.ces, self.pain_frequency, self.drop_off]
    }

    /// Mutable access in the order of [`Metrics::SPECS`], for editors.
    pub fn values_mut(&mut self) -> [&mut Option<f32>; 5] {
        [&mut self.nps, &mut self.csat, &mut self.ces, &mut self.pain_frequency, &mut self.drop_off]
    }
}

// serde's `default` and `skip_serializing_if` want functions.
fn one() -> f32 {
    1.0
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde passes fields by reference")]
fn is_one(x: &f32) -> bool {
    // Exact comparison: a width of 1.0000001 must survive a save.
    x.to_bits() == 1.0_f32.to_bits()
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde passes fields by reference")]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde passes fields by reference")]
pub(super) fn is_false(b: &bool) -> bool {
    !*b
}
