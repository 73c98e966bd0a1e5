//! The editor's names for the map's kinds of things (lane kinds, channels, flags, ratings,
//! evidence, map states), in the editor's language. The model keeps its English labels for the
//! command line and the spreadsheets.

use crate::model::{Channel, Evidence, Flag, JourneyState, LaneKind, Rating};

pub fn lane_kind_name(kind: LaneKind) -> String {
    match kind {
        LaneKind::Actions => t!("lane-actions"),
        LaneKind::Touchpoints => t!("lane-touchpoints"),
        LaneKind::Channels => t!("lane-channels"),
        LaneKind::Thoughts => t!("lane-thoughts"),
        LaneKind::Questions => t!("lane-questions"),
        LaneKind::Motivations => t!("lane-motivations"),
        LaneKind::Obstacles => t!("lane-obstacles"),
        LaneKind::Emotions => t!("lane-emotions"),
        LaneKind::PainPoints => t!("lane-pain-points"),
        LaneKind::Opportunities => t!("lane-opportunities"),
        LaneKind::Metrics => t!("lane-metrics"),
        LaneKind::Owners => t!("lane-owners"),
        LaneKind::PhysicalEvidence => t!("lane-physical-evidence"),
        LaneKind::CustomerActions => t!("lane-customer-actions"),
        LaneKind::Frontstage => t!("lane-frontstage"),
        LaneKind::Backstage => t!("lane-backstage"),
        LaneKind::SupportProcesses => t!("lane-support-processes"),
        LaneKind::Custom => t!("lane-custom"),
    }
}

/// A new lane of `kind`, titled in the editor's language.
pub fn new_lane(map: &crate::model::Map, kind: LaneKind) -> crate::model::Lane {
    crate::model::Lane { title: lane_kind_name(kind), ..crate::model::Lane::new_in(map, kind) }
}

pub fn channel_name(channel: &Channel) -> String {
    match channel {
        Channel::SocialMedia => t!("channel-social-media"),
        Channel::Website => t!("channel-website"),
        Channel::Email => t!("channel-email"),
        Channel::PaidAds => t!("channel-paid-ads"),
        Channel::Reviews => t!("channel-reviews"),
        Channel::Phone => t!("channel-phone"),
        Channel::LiveChat => t!("channel-live-chat"),
        Channel::Sms => t!("channel-sms"),
        Channel::Survey => t!("channel-survey"),
        Channel::ProductOnboarding => t!("channel-product-onboarding"),
        Channel::MobileApp => t!("channel-mobile-app"),
        Channel::InPerson => t!("channel-in-person"),
        Channel::Other(name) => name.clone(),
    }
}

pub fn flag_name(flag: Flag) -> String {
    match flag {
        Flag::MomentOfTruth => t!("flag-moment-of-truth"),
        Flag::ExitPoint => t!("flag-exit-point"),
        Flag::FailPoint => t!("flag-fail-point"),
        Flag::WaitPoint => t!("flag-wait-point"),
    }
}

pub fn rating_name(rating: Rating) -> String {
    match rating {
        Rating::Low => t!("rating-low"),
        Rating::Medium => t!("rating-medium"),
        Rating::High => t!("rating-high"),
    }
}

pub fn evidence_name(evidence: Evidence) -> String {
    match evidence {
        Evidence::Observed => t!("evidence-observed"),
        Evidence::Assumed => t!("evidence-assumed"),
        Evidence::Proposed => t!("evidence-proposed"),
    }
}

pub fn state_name(state: JourneyState) -> String {
    match state {
        JourneyState::CurrentState => t!("state-current"),
        JourneyState::FutureState => t!("state-future"),
        JourneyState::DayInTheLife => t!("state-day-in-the-life"),
    }
}

/// The name of the metric at `index` of [`crate::model::Metrics::SPECS`]: the scores keep
/// their names (NPS, CSAT, CES), the shares are translated.
pub fn metric_name(index: usize, spec: &crate::model::MetricSpec) -> String {
    match index {
        3 => t!("metric-reported-by"),
        4 => t!("metric-drop-off"),
        _ => spec.label.to_owned(),
    }
}
