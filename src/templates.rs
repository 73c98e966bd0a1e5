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
    pub text: &'static str,
}

impl Template {
    pub fn map(&self) -> Result<Map, LoadError> {
        file::parse(&format!("maps/{}.ron", self.name), self.text)
    }
}

pub const ALL: &[Template] = &[
    Template {
        name: "blank",
        title: "Blank journey",
        description: "An empty journey: four stages and the everyday lanes, ready to fill",
        text: include_str!("../maps/blank.ron"),
    },
    Template {
        name: "ecommerce",
        title: "E-commerce journey",
        description: "Five-stage online shop journey across the channels customers use",
        text: include_str!("../maps/ecommerce.ron"),
    },
    Template {
        name: "b2b-phone-system",
        title: "B2B phone system",
        description: "Eight-stage B2B purchase of a business phone system, from need to advocacy",
        text: include_str!("../maps/b2b-phone-system.ron"),
    },
    Template {
        name: "coffee-shop-blueprint",
        title: "Coffee shop blueprint",
        description: "Service blueprint of a coffee shop visit, front and back of house",
        text: include_str!("../maps/coffee-shop-blueprint.ron"),
    },
    Template {
        name: "saas-onboarding",
        title: "SaaS onboarding",
        description: "SaaS trial onboarding told for two personas, each with a sentiment curve",
        text: include_str!("../maps/saas-onboarding.ron"),
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
}
