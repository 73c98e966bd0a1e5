//! The words a map shows besides its own items: the sentiment scale's named levels, the
//! blueprint's lines, the journey's state. They are the map's text, so a map written in Thai
//! reads Thai everywhere on the canvas and in exports; each one left empty reads in English.

use serde::{Deserialize, Serialize};

use super::JourneyState;

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
}

impl Word {
    pub const ALL: [Self; 12] = [
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
    ];

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
        }
    }

    /// The map's word, else the English one.
    pub fn get(&self, word: Word) -> &str {
        let own = self.own(word).trim();
        if own.is_empty() { word.english() } else { own }
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
}
