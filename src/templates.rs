//! The maps users start from. Each is a file in `maps/` and is built into the binary, so
//! `touchline new` works anywhere.

use crate::file::{self, LoadError};
use crate::model::Map;

/// One template: a name for the command line, a line of description, and the file's text.
#[derive(Debug)]
pub struct Template {
    pub name: &'static str,
    /// How the start screen names it.
    pub title: &'static str,
    pub description: &'static str,
    /// The language the map is written in, as a BCP 47 code ("id", "ar").
    pub language: &'static str,
    pub text: &'static str,
}

/// The languages templates are written in: (code, the language's own name, its English name).
pub const LANGUAGES: &[(&str, &str, &str)] = &[
    ("en", "English", "English"),
    ("id", "Bahasa Indonesia", "Indonesian"),
    ("ar", "العربية", "Arabic"),
    ("de", "Deutsch", "German"),
    ("th", "ไทย", "Thai"),
];

impl Template {
    /// The template's language by its own name ("Deutsch"), for the start screen.
    pub fn language_name(&self) -> &'static str {
        LANGUAGES.iter().find(|(code, ..)| *code == self.language).map_or(self.language, |(_, own, _)| own)
    }

    /// The template's language by its English name, for the command line.
    pub fn language_english(&self) -> &'static str {
        LANGUAGES
            .iter()
            .find(|(code, ..)| *code == self.language)
            .map_or(self.language, |(.., english)| english)
    }

    /// The template as a new map. Links to other maps are left out: they name the templates'
    /// own files, which a new map's folder does not have.
    pub fn map(&self) -> Result<Map, LoadError> {
        let mut map = file::parse(&format!("maps/{}.ron", self.name), self.text)?;
        map.counterpart = None;
        for stage in &mut map.stages {
            stage.opens = None;
        }
        for card in &mut map.cards {
            card.opens = None;
        }
        Ok(map)
    }
}

pub const ALL: &[Template] = &[
    Template {
        name: "blank",
        title: "Blank journey",
        description: "An empty journey: four stages and the everyday lanes, ready to fill",
        language: "en",
        text: include_str!("../maps/blank.ron"),
    },
    Template {
        name: "ecommerce",
        title: "E-commerce journey",
        description: "Five-stage online shop journey across the channels customers use",
        language: "en",
        text: include_str!("../maps/ecommerce.ron"),
    },
    Template {
        name: "ecommerce-future",
        title: "E-commerce future state",
        description: "The online shop journey as the team wants it: the current map's pain points answered",
        language: "en",
        text: include_str!("../maps/ecommerce-future.ron"),
    },
    Template {
        name: "b2b-phone-system",
        title: "B2B phone system",
        description: "Eight-stage B2B purchase of a business phone system, from need to advocacy",
        language: "en",
        text: include_str!("../maps/b2b-phone-system.ron"),
    },
    Template {
        name: "coffee-shop-blueprint",
        title: "Coffee shop blueprint",
        description: "Service blueprint of a coffee shop visit, front and back of house",
        language: "en",
        text: include_str!("../maps/coffee-shop-blueprint.ron"),
    },
    Template {
        name: "saas-onboarding",
        title: "SaaS onboarding",
        description: "SaaS trial onboarding told for two personas, each with a sentiment curve",
        language: "en",
        text: include_str!("../maps/saas-onboarding.ron"),
    },
    Template {
        name: "b2b-phone-system-id",
        title: "Sistem telepon bisnis (B2B)",
        description: "The eight-stage B2B phone-system journey, written in Indonesian",
        language: "id",
        text: include_str!("../maps/b2b-phone-system-id.ron"),
    },
    Template {
        name: "six-steps-id",
        title: "6 langkah perjalanan pelanggan",
        description: "A journey filled in along the six steps: profile, stages, touchpoints, pain points, actions",
        language: "id",
        text: include_str!("../maps/six-steps-id.ron"),
    },
    Template {
        name: "b2b-phone-system-ar",
        title: "نظام هاتف الأعمال",
        description: "The eight-stage B2B phone-system journey, written in Arabic",
        language: "ar",
        text: include_str!("../maps/b2b-phone-system-ar.ron"),
    },
    Template {
        name: "b2b-phone-system-de",
        title: "Geschäftliches Telefonsystem",
        description: "The eight-stage B2B phone-system journey, written in German",
        language: "de",
        text: include_str!("../maps/b2b-phone-system-de.ron"),
    },
    Template {
        name: "customer-care-th",
        title: "การดูแลลูกค้ายุคใหม่",
        description: "Customer care from in-app chat to the contact centre and social listening, in Thai",
        language: "th",
        text: include_str!("../maps/customer-care-th.ron"),
    },
];

pub fn find(name: &str) -> Option<&'static Template> {
    ALL.iter().find(|t| t.name == name)
}

/// Loads a template by name.
pub fn load(name: &str) -> Option<Map> {
    find(name).and_then(|t| t.map().ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_template_loads_and_validates() {
        for t in super::ALL {
            let map = t.map().unwrap_or_else(|e| panic!("{}: {e}", t.name));
            assert!(!map.stages.is_empty(), "{} has stages", t.name);
        }
    }

    #[test]
    fn every_seed_language_has_templates_with_personas_and_a_curve() {
        for (code, ..) in super::LANGUAGES {
            let written: Vec<_> = super::ALL.iter().filter(|t| t.language == *code).collect();
            assert!(!written.is_empty(), "a template in {code}");
            for t in written.iter().filter(|t| t.name != "blank") {
                let map = t.map().unwrap_or_else(|e| panic!("{}: {e}", t.name));
                assert!(
                    !map.personas.is_empty() && !map.points.is_empty(),
                    "{} has personas and a curve",
                    t.name
                );
            }
        }
    }

    /// A template written in a language reads in that language: its title, stage and lane names
    /// are not the English template's words.
    #[test]
    fn localized_templates_name_their_stages_and_lanes_in_their_language() {
        let english = super::load("b2b-phone-system").unwrap();
        for t in super::ALL.iter().filter(|t| t.language != "en") {
            let map = t.map().unwrap();
            for stage in &map.stages {
                let same = english
                    .stages
                    .iter()
                    .any(|e| e.name == stage.name && stage.name != "Onboarding" && stage.name != "Support");
                assert!(!same, "{}: stage {:?} is in English", t.name, stage.name);
            }
            for lane in &map.lanes {
                assert_ne!(
                    lane.title,
                    lane.kind.label(),
                    "{}: lane {:?} keeps its English name",
                    t.name,
                    lane.title
                );
            }
        }
    }
}
