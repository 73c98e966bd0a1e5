//! Every rule a map must keep, checked in one pass that reports all problems at once.

use std::collections::HashSet;
use std::fmt;

use super::{Anchor, Map, Metrics};

/// One broken rule, naming the item it was found on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What the problem is on, as users read it: `card "c12"`, `map`.
    pub item: String,
    /// The kind of item (`card`, `link`, ... or `map`) and its id (empty for the map), for code
    /// that acts on the item.
    pub kind: String,
    pub id: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.item, self.message)
    }
}

/// Stage widths and lane heights are relative; outside this range a map becomes unusable.
pub const SIZE_RANGE: std::ops::RangeInclusive<f32> = 0.25..=8.0;

struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn add(&mut self, kind: &str, id: &str, message: String) {
        let item = if id.is_empty() { kind.to_owned() } else { format!("{kind} {id:?}") };
        self.problems.push(Problem { item, kind: kind.to_owned(), id: id.to_owned(), message });
    }

    fn unique_ids<'a>(&mut self, kind: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.add(kind, id, "id is empty".to_owned());
            } else if !seen.insert(id) {
                self.add(kind, id, "id is used more than once".to_owned());
            }
        }
        seen
    }

    /// A picture's or another map's path (`what`: `image`, `opens`): the file may be missing
    /// (that is only a warning), but the path itself must name something.
    fn path(&mut self, kind: &str, id: &str, what: &str, path: Option<&str>) {
        match path {
            Some(path) if path.trim().is_empty() => self.add(kind, id, format!("{what} path is empty")),
            Some(path) if path.chars().any(char::is_control) => {
                self.add(kind, id, format!("{what} path {path:?} holds a control character"));
            }
            _ => {}
        }
    }

    fn size(&mut self, kind: &str, id: &str, what: &str, value: f32) {
        if !SIZE_RANGE.contains(&value) {
            self.add(
                kind,
                id,
                format!("{what} {value} is outside {}…{}", SIZE_RANGE.start(), SIZE_RANGE.end()),
            );
        }
    }
}

impl Map {
    /// All problems with this map; empty when it is valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut r = Report { problems: Vec::new() };

        let scale = self.scale;
        if scale.min >= scale.max {
            r.add("map", "", format!("scale {}…{} must go from low to high", scale.min, scale.max));
        } else if i64::from(scale.max) - i64::from(scale.min) >= i64::from(super::Scale::MAX_LEVELS) {
            r.add(
                "map",
                "",
                format!(
                    "scale {}…{} has more than {} levels",
                    scale.min,
                    scale.max,
                    super::Scale::MAX_LEVELS
                ),
            );
        }

        r.path("map", "", "counterpart", self.counterpart.as_deref());

        let personas = r.unique_ids("persona", self.personas.iter().map(|p| p.id.as_str()));
        let stages = r.unique_ids("stage", self.stages.iter().map(|s| s.id.as_str()));
        let lanes = r.unique_ids("lane", self.lanes.iter().map(|l| l.id.as_str()));
        let cards = r.unique_ids("card", self.cards.iter().map(|c| c.id.as_str()));
        let curves = r.unique_ids("curve", self.curves.iter().map(|c| c.id.as_str()));
        r.unique_ids("point", self.points.iter().map(|p| p.id.as_str()));
        r.unique_ids("link", self.links.iter().map(|l| l.id.as_str()));

        for persona in &self.personas {
            r.path("persona", persona.id.as_str(), "image", persona.image.as_deref());
        }
        for stage in &self.stages {
            r.size("stage", stage.id.as_str(), "width", stage.width);
            r.path("stage", stage.id.as_str(), "opens", stage.opens.as_deref());
        }
        for lane in &self.lanes {
            r.size("lane", lane.id.as_str(), "height", lane.height);
        }

        for card in &self.cards {
            let id = card.id.as_str();
            if !lanes.contains(card.lane.as_str()) {
                r.add("card", id, format!("lane {:?} does not exist", card.lane.as_str()));
            }
            if !stages.contains(card.stage.as_str()) {
                r.add("card", id, format!("stage {:?} does not exist", card.stage.as_str()));
            }
            r.path("card", id, "image", card.image.as_deref());
            r.path("card", id, "opens", card.opens.as_deref());
            for (spec, value) in Metrics::SPECS.iter().zip(card.metrics.values()) {
                if let Some(v) = value
                    && !(v.is_finite() && v >= spec.min && v <= spec.max)
                {
                    r.add("card", id, format!("{} {v} is outside {}…{}", spec.label, spec.min, spec.max));
                }
            }
        }

        for curve in &self.curves {
            if let Some(persona) = &curve.persona
                && !personas.contains(persona.as_str())
            {
                r.add("curve", curve.id.as_str(), format!("persona {:?} does not exist", persona.as_str()));
            }
        }

        let mut anchors_taken = HashSet::new();
        for point in &self.points {
            let id = point.id.as_str();
            if !curves.contains(point.curve.as_str()) {
                r.add("point", id, format!("curve {:?} does not exist", point.curve.as_str()));
            }
            match &point.at {
                Anchor::Stage(s) if !stages.contains(s.as_str()) => {
                    r.add("point", id, format!("stage {:?} does not exist", s.as_str()));
                }
                Anchor::Card(c) if !cards.contains(c.as_str()) => {
                    r.add("point", id, format!("card {:?} does not exist", c.as_str()));
                }
                _ => {}
            }
            if !scale.contains(point.value) {
                r.add(
                    "point",
                    id,
                    format!("value {} is off the scale {}…{}", point.value, scale.min, scale.max),
                );
            }
            if !anchors_taken.insert((&point.curve, &point.at)) {
                r.add("point", id, "its curve already has a point at the same place".to_owned());
            }
        }

        for link in &self.links {
            let id = link.id.as_str();
            for end in [&link.from, &link.to] {
                if !cards.contains(end.as_str()) {
                    r.add("link", id, format!("card {:?} does not exist", end.as_str()));
                }
            }
            if link.from == link.to {
                r.add("link", id, "links a card to itself".to_owned());
            }
        }

        r.problems
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn small_map() -> Map {
        let mut map = Map::blank("t");
        let stage = Stage::new("Awareness");
        let lane = Lane::new(LaneKind::Touchpoints);
        map.cards.push(Card::new(lane.id.clone(), stage.id.clone(), "Sees an ad"));
        map.stages.push(stage);
        map.lanes.push(lane);
        map
    }

    #[test]
    fn a_consistent_map_has_no_problems() {
        assert_eq!(small_map().validate(), vec![]);
    }

    #[test]
    fn reports_every_problem_with_the_item_id() {
        let mut map = small_map();
        map.cards[0].id = CardId::from("c12");
        map.cards[0].lane = LaneId::from("l9");
        map.cards[0].metrics.nps = Some(300.0);
        map.stages.push(map.stages[0].clone());
        map.stages[1].width = f32::NAN;
        let curve = Curve::new("Current", Some(PersonaId::from("nobody")));
        map.points.push(Point::new(curve.id.clone(), Anchor::Stage(map.stages[0].id.clone()), 9.0));
        map.curves.push(curve);
        map.scale = Scale { min: 3, max: 1 };
        map.cards[0].image = Some("  ".to_owned());
        map.cards[0].opens = Some("detail\n.ron".to_owned());
        map.counterpart = Some(String::new());

        let text: Vec<String> = map.validate().iter().map(ToString::to_string).collect();
        let expect = [
            "map: scale 3…1 must go from low to high",
            "is used more than once",
            "width NaN is outside",
            "card \"c12\": lane \"l9\" does not exist",
            "card \"c12\": NPS 300 is outside -100…100",
            "persona \"nobody\" does not exist",
            "value 9 is off the scale",
            "card \"c12\": image path is empty",
            "card \"c12\": opens path \"detail\\n.ron\" holds a control character",
            "map: counterpart path is empty",
        ];
        for e in expect {
            assert!(text.iter().any(|t| t.contains(e)), "missing {e:?} in {text:#?}");
        }
    }

    #[test]
    fn links_must_join_two_existing_cards() {
        let mut map = small_map();
        let card = map.cards[0].id.clone();
        map.links.push(Link {
            id: LinkId::from("k1"),
            from: card.clone(),
            to: card,
            direction: LinkDirection::OneWay,
            label: String::new(),
        });
        map.links.push(Link {
            id: LinkId::from("k2"),
            from: CardId::from("gone"),
            to: map.cards[0].id.clone(),
            direction: LinkDirection::TwoWay,
            label: String::new(),
        });
        let text: Vec<String> = map.validate().iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec!["link \"k1\": links a card to itself", "link \"k2\": card \"gone\" does not exist"]
        );
    }
}
