//! The words a map shows besides its own items: the sentiment scale's named levels, the
//! blueprint's lines, the journey's state, the channels, metrics and flags on cards. They are the
//! map's text, so a map written in Thai reads Thai everywhere on the canvas and in exports; each
//! one left empty reads in English.

use serde::{Deserialize, Serialize};

use super::{Channel, JourneyState};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub very_negative: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub negative: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub neutral: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub positive: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub very_positive: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub line_of_interaction: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub line_of_visibility: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub line_of_internal_interaction: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_lanes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub current_state: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub future_state: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub day_in_the_life: String,
    // On cards: the channels, two metrics' names and the flags' chips.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_social_media: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_website: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_paid_ads: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_reviews: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_live_chat: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_sms: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_survey: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_product_onboarding: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_mobile_app: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel_in_person: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reported_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub drop_off: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_truth: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_exit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_fail: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub flag_wait: String,
    // A card's priority and effort, and their three steps.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub priority: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub effort: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rating_low: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rating_medium: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rating_high: String,
}

/// One of the words, for editing them by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    VeryNegative,
    Negative,
    Neutral,
    Positive,
    VeryPositive,
    LineOfInteraction,
    LineOfVisibility,
    LineOfInternalInteraction,
    OtherLanes,
    CurrentState,
    FutureState,
    DayInTheLife,
    ChannelSocialMedia,
    ChannelWebsite,
    ChannelEmail,
    ChannelPaidAds,
    ChannelReviews,
    ChannelPhone,
    ChannelLiveChat,
    ChannelSms,
    ChannelSurvey,
    ChannelProductOnboarding,
    ChannelMobileApp,
    ChannelInPerson,
    ReportedBy,
    DropOff,
    FlagTruth,
    FlagExit,
    FlagFail,
    FlagWait,
    Priority,
    Effort,
    RatingLow,
    RatingMedium,
    RatingHigh,
}

impl Word {
    /// The word for one step of a rating.
    pub fn of_rating(rating: super::Rating) -> Self {
        match rating {
            super::Rating::Low => Self::RatingLow,
            super::Rating::Medium => Self::RatingMedium,
            super::Rating::High => Self::RatingHigh,
        }
    }

    pub const ALL: [Self; 35] = [
        Self::VeryNegative,
        Self::Negative,
        Self::Neutral,
        Self::Positive,
        Self::VeryPositive,
        Self::LineOfInteraction,
        Self::LineOfVisibility,
        Self::LineOfInternalInteraction,
        Self::OtherLanes,
        Self::CurrentState,
        Self::FutureState,
        Self::DayInTheLife,
        Self::ChannelSocialMedia,
        Self::ChannelWebsite,
        Self::ChannelEmail,
        Self::ChannelPaidAds,
        Self::ChannelReviews,
        Self::ChannelPhone,
        Self::ChannelLiveChat,
        Self::ChannelSms,
        Self::ChannelSurvey,
        Self::ChannelProductOnboarding,
        Self::ChannelMobileApp,
        Self::ChannelInPerson,
        Self::ReportedBy,
        Self::DropOff,
        Self::FlagTruth,
        Self::FlagExit,
        Self::FlagFail,
        Self::FlagWait,
        Self::Priority,
        Self::Effort,
        Self::RatingLow,
        Self::RatingMedium,
        Self::RatingHigh,
    ];

    /// The word naming a channel; `None` for a channel the map names itself.
    pub fn of_channel(channel: &Channel) -> Option<Self> {
        Some(match channel {
            Channel::SocialMedia => Self::ChannelSocialMedia,
            Channel::Website => Self::ChannelWebsite,
            Channel::Email => Self::ChannelEmail,
            Channel::PaidAds => Self::ChannelPaidAds,
            Channel::Reviews => Self::ChannelReviews,
            Channel::Phone => Self::ChannelPhone,
            Channel::LiveChat => Self::ChannelLiveChat,
            Channel::Sms => Self::ChannelSms,
            Channel::Survey => Self::ChannelSurvey,
            Channel::ProductOnboarding => Self::ChannelProductOnboarding,
            Channel::MobileApp => Self::ChannelMobileApp,
            Channel::InPerson => Self::ChannelInPerson,
            Channel::Other(_) => return None,
        })
    }

    /// The word naming a journey's state.
    pub fn of_state(state: JourneyState) -> Self {
        match state {
            JourneyState::CurrentState => Self::CurrentState,
            JourneyState::FutureState => Self::FutureState,
            JourneyState::DayInTheLife => Self::DayInTheLife,
        }
    }

    /// The English word, shown when a map has none of its own.
    pub fn english(self) -> &'static str {
        match self {
            Self::VeryNegative => "Very negative",
            Self::Negative => "Negative",
            Self::Neutral => "Neutral",
            Self::Positive => "Positive",
            Self::VeryPositive => "Very positive",
            Self::LineOfInteraction => "Line of interaction",
            Self::LineOfVisibility => "Line of visibility",
            Self::LineOfInternalInteraction => "Line of internal interaction",
            Self::OtherLanes => "Other lanes",
            Self::CurrentState => JourneyState::CurrentState.label(),
            Self::FutureState => JourneyState::FutureState.label(),
            Self::DayInTheLife => JourneyState::DayInTheLife.label(),
            Self::ChannelSocialMedia => "Social media",
            Self::ChannelWebsite => "Website",
            Self::ChannelEmail => "Email",
            Self::ChannelPaidAds => "Paid ads",
            Self::ChannelReviews => "Third-party reviews",
            Self::ChannelPhone => "Phone",
            Self::ChannelLiveChat => "Live chat",
            Self::ChannelSms => "SMS",
            Self::ChannelSurvey => "Survey",
            Self::ChannelProductOnboarding => "Product onboarding",
            Self::ChannelMobileApp => "Mobile app",
            Self::ChannelInPerson => "In person",
            Self::ReportedBy => "Reported by",
            Self::DropOff => "Drop-off",
            Self::FlagTruth => "Truth",
            Self::FlagExit => "Exit",
            Self::FlagFail => "Fail",
            Self::FlagWait => "Wait",
            Self::Priority => "Priority",
            Self::Effort => "Effort",
            Self::RatingLow => "low",
            Self::RatingMedium => "medium",
            Self::RatingHigh => "high",
        }
    }
}

impl Words {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn own_mut(&mut self, word: Word) -> &mut String {
        match word {
            Word::VeryNegative => &mut self.very_negative,
            Word::Negative => &mut self.negative,
            Word::Neutral => &mut self.neutral,
            Word::Positive => &mut self.positive,
            Word::VeryPositive => &mut self.very_positive,
            Word::LineOfInteraction => &mut self.line_of_interaction,
            Word::LineOfVisibility => &mut self.line_of_visibility,
            Word::LineOfInternalInteraction => &mut self.line_of_internal_interaction,
            Word::OtherLanes => &mut self.other_lanes,
            Word::CurrentState => &mut self.current_state,
            Word::FutureState => &mut self.future_state,
            Word::DayInTheLife => &mut self.day_in_the_life,
            Word::ChannelSocialMedia => &mut self.channel_social_media,
            Word::ChannelWebsite => &mut self.channel_website,
            Word::ChannelEmail => &mut self.channel_email,
            Word::ChannelPaidAds => &mut self.channel_paid_ads,
            Word::ChannelReviews => &mut self.channel_reviews,
            Word::ChannelPhone => &mut self.channel_phone,
            Word::ChannelLiveChat => &mut self.channel_live_chat,
            Word::ChannelSms => &mut self.channel_sms,
            Word::ChannelSurvey => &mut self.channel_survey,
            Word::ChannelProductOnboarding => &mut self.channel_product_onboarding,
            Word::ChannelMobileApp => &mut self.channel_mobile_app,
            Word::ChannelInPerson => &mut self.channel_in_person,
            Word::ReportedBy => &mut self.reported_by,
            Word::DropOff => &mut self.drop_off,
            Word::FlagTruth => &mut self.flag_truth,
            Word::FlagExit => &mut self.flag_exit,
            Word::FlagFail => &mut self.flag_fail,
            Word::FlagWait => &mut self.flag_wait,
            Word::Priority => &mut self.priority,
            Word::Effort => &mut self.effort,
            Word::RatingLow => &mut self.rating_low,
            Word::RatingMedium => &mut self.rating_medium,
            Word::RatingHigh => &mut self.rating_high,
        }
    }

    fn own(&self, word: Word) -> &str {
        match word {
            Word::VeryNegative => &self.very_negative,
            Word::Negative => &self.negative,
            Word::Neutral => &self.neutral,
            Word::Positive => &self.positive,
            Word::VeryPositive => &self.very_positive,
            Word::LineOfInteraction => &self.line_of_interaction,
            Word::LineOfVisibility => &self.line_of_visibility,
            Word::LineOfInternalInteraction => &self.line_of_internal_interaction,
            Word::OtherLanes => &self.other_lanes,
            Word::CurrentState => &self.current_state,
            Word::FutureState => &self.future_state,
            Word::DayInTheLife => &self.day_in_the_life,
            Word::ChannelSocialMedia => &self.channel_social_media,
            Word::ChannelWebsite => &self.channel_website,
            Word::ChannelEmail => &self.channel_email,
            Word::ChannelPaidAds => &self.channel_paid_ads,
            Word::ChannelReviews => &self.channel_reviews,
            Word::ChannelPhone => &self.channel_phone,
            Word::ChannelLiveChat => &self.channel_live_chat,
            Word::ChannelSms => &self.channel_sms,
            Word::ChannelSurvey => &self.channel_survey,
            Word::ChannelProductOnboarding => &self.channel_product_onboarding,
            Word::ChannelMobileApp => &self.channel_mobile_app,
            Word::ChannelInPerson => &self.channel_in_person,
            Word::ReportedBy => &self.reported_by,
            Word::DropOff => &self.drop_off,
            Word::FlagTruth => &self.flag_truth,
            Word::FlagExit => &self.flag_exit,
            Word::FlagFail => &self.flag_fail,
            Word::FlagWait => &self.flag_wait,
            Word::Priority => &self.priority,
            Word::Effort => &self.effort,
            Word::RatingLow => &self.rating_low,
            Word::RatingMedium => &self.rating_medium,
            Word::RatingHigh => &self.rating_high,
        }
    }

    /// The map's word, else the English one.
    pub fn get(&self, word: Word) -> &str {
        let own = self.own(word).trim();
        if own.is_empty() { word.english() } else { own }
    }

    /// A channel's name, in the map's words (a channel the map names itself keeps its name).
    pub fn channel_name<'a>(&'a self, channel: &'a Channel) -> &'a str {
        match Word::of_channel(channel) {
            Some(word) => self.get(word),
            None => channel.label(),
        }
    }

    /// The name of the journey's state, in the map's words.
    pub fn state_name(&self, state: JourneyState) -> &str {
        self.get(Word::of_state(state))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_words_replace_the_english_ones_and_blank_ones_do_not() {
        let mut words = Words::default();
        assert_eq!(words.get(Word::Neutral), "Neutral");
        *words.own_mut(Word::Neutral) = "เป็นกลาง".to_owned();
        *words.own_mut(Word::LineOfVisibility) = "   ".to_owned();
        assert_eq!(words.get(Word::Neutral), "เป็นกลาง");
        assert_eq!(words.get(Word::LineOfVisibility), "Line of visibility");
        assert_eq!(words.state_name(JourneyState::FutureState), "Future state");
        words.current_state = "Status saat ini".to_owned();
        assert_eq!(words.state_name(JourneyState::CurrentState), "Status saat ini");
    }

    #[test]
    fn every_channel_has_a_word_with_its_english_name() {
        let mut words = Words::default();
        for channel in Channel::KNOWN {
            let word = Word::of_channel(&channel).unwrap();
            assert_eq!(word.english(), channel.label());
            assert_eq!(words.channel_name(&channel), channel.label());
        }
        words.channel_live_chat = "Obrolan langsung".to_owned();
        assert_eq!(words.channel_name(&Channel::LiveChat), "Obrolan langsung");
        assert_eq!(words.channel_name(&Channel::Other("Kiosk".into())), "Kiosk");
    }
}
