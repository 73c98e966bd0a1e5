//! Reading files written in older format versions.
//!
//! Each older version keeps its own small set of types here and a function that turns it into the
//! next version, so a file from any older release is carried forward step by step.
//!
//! Version 1 had a single sentiment curve stored on the map (`sentiment: [(stage, value)]`), on
//! a fixed −2…+2 scale and with no personas. Version 2 moved curves into their own list, with
//! points anchored at stages or cards, so that each persona can have a curve.
//!
//! Version 3 added dot votes on cards (`votes: 3`). A version 2 file is a version 3 file
//! without votes, so it reads with the current types; a `votes` field in it is refused, as
//! version 2 did not have one.
//!
//! Version 4 added the map's `author`, version 5 its own `words` (the scale's levels, the
//! blueprint's lines, the journey's state in the map's language), version 6 pictures on cards and
//! personas (`image: "photos/counter.jpg"`), version 7 a card's `priority` and `effort`, version 8
//! a card's `author` (a workshop participant who added it from their phone) and the map's
//! `direction` (`RightToLeft` for a map that reads from the right), version 9 links between
//! maps (a card's or a stage's `opens`, the map's `counterpart`) and the review rules a map
//! silences (`allow`). Versions 2 to 8 read with the current types and refuse the fields they did
//! not have in the same way.

use serde::Deserialize;

use super::{DocumentIn, LoadError, parse_ron};
use crate::model::{Anchor, Card, Curve, JourneyState, Lane, Link, Map, Point, StageId};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MapV1 {
    title: String,
    #[serde(default)]
    scenario: String,
    #[serde(default)]
    state: JourneyState,
    #[serde(default)]
    stages: Vec<crate::model::Stage>,
    #[serde(default)]
    lanes: Vec<Lane>,
    #[serde(default)]
    cards: Vec<Card>,
    #[serde(default)]
    links: Vec<Link>,
    #[serde(default)]
    sentiment: Vec<SentimentV1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentimentV1 {
    stage: StageId,
    value: f32,
    #[serde(default)]
    label: String,
}

fn v1_to_v2(old: MapV1) -> Map {
    let mut map = Map::blank(old.title);
    map.scenario = old.scenario;
    map.state = old.state;
    map.stages = old.stages;
    map.lanes = old.lanes;
    map.cards = old.cards;
    map.links = old.links;
    if !old.sentiment.is_empty() {
        let curve = Curve::new("Customer", None);
        map.points = old
            .sentiment
            .into_iter()
            .map(|s| {
                let mut point = Point::new(curve.id.clone(), Anchor::Stage(s.stage), s.value);
                point.label = s.label;
                point
            })
            .collect();
        map.curves.push(curve);
    }
    map
}

/// The first thing in `map` that format version 9 brought (an item that names another map, the
/// counterpart, silenced review rules), as a message's start and what it needs, with the line
/// of `text` that holds it.
fn newer_than_8(map: &Map, text: &str) -> Option<(String, &'static str, usize)> {
    let line_of = |holds: &dyn Fn(&str) -> bool| text.lines().position(holds).map_or(1, |n| n + 1);
    let item_line = |id: &str| {
        let needle = format!("id: {id:?}");
        line_of(&|l: &str| l.contains(&needle) && l.contains("opens:"))
    };
    let links = "links between maps need";
    if let Some(stage) = map.stages.iter().find(|s| s.opens.is_some()) {
        let id = stage.id.as_str();
        return Some((format!("stage {id:?} opens another map (opens)"), links, item_line(id)));
    }
    if let Some(card) = map.cards.iter().find(|c| c.opens.is_some()) {
        let id = card.id.as_str();
        return Some((format!("card {id:?} opens another map (opens)"), links, item_line(id)));
    }
    if map.counterpart.is_some() {
        let line = line_of(&|l: &str| l.trim_start().starts_with("counterpart:"));
        return Some(("the map names its counterpart (counterpart)".to_owned(), links, line));
    }
    (!map.allow.is_empty()).then(|| {
        let line = line_of(&|l: &str| l.trim_start().starts_with("allow:"));
        ("the map silences review rules (allow)".to_owned(), "silencing review rules needs", line)
    })
}

/// Reads a file of an older version and brings it up to the current one.
pub(super) fn from_older(path: &str, version: u32, text: &str) -> Result<Map, LoadError> {
    match version {
        1 => Ok(v1_to_v2(parse_ron::<DocumentIn<MapV1>>(path, text)?.map)),
        2..=8 => {
            let map = parse_ron::<DocumentIn<Map>>(path, text)?.map;
            let newer =
                |message: String| LoadError::Syntax { path: path.to_owned(), line: 1, col: 1, message };
            if let Some((item, needs, line)) = newer_than_8(&map, text) {
                return Err(LoadError::Syntax {
                    path: path.to_owned(),
                    line,
                    col: 1,
                    message: format!(
                        "{item}, which format_version {version} does not have; {needs} format_version 9"
                    ),
                });
            }
            if version == 8 {
                return Ok(map);
            }
            if version == 2
                && let Some(card) = map.cards.iter().find(|c| c.votes > 0)
            {
                return Err(newer(format!(
                    "card {:?} has votes, which format_version 2 does not have; votes need \
                     format_version 3",
                    card.id.as_str()
                )));
            }
            if version < 4 && !map.author.is_empty() {
                return Err(newer(format!(
                    "the map has an author, which format_version {version} does not have; an \
                     author needs format_version 4"
                )));
            }
            if version < 5 && !map.words.is_empty() {
                return Err(newer(format!(
                    "the map has its own words, which format_version {version} does not have; \
                     words need format_version 5"
                )));
            }
            let card_image =
                map.cards.iter().find(|c| c.image.is_some()).map(|c| format!("card {:?}", c.id.as_str()));
            let persona_image = || {
                map.personas
                    .iter()
                    .find(|p| p.image.is_some())
                    .map(|p| format!("persona {:?}", p.id.as_str()))
            };
            if version < 6
                && let Some(item) = card_image.or_else(persona_image)
            {
                return Err(newer(format!(
                    "{item} has a picture, which format_version {version} does not have; \
                     pictures need format_version 6"
                )));
            }
            if let Some(card) = map.cards.iter().find(|c| !c.author.is_empty()) {
                return Err(newer(format!(
                    "card {:?} has an author, which format_version {version} does not have; an \
                     author needs format_version 8",
                    card.id.as_str()
                )));
            }
            if map.direction.is_rtl() {
                return Err(newer(format!(
                    "the map reads right to left, which format_version {version} does not have; a \
                     direction needs format_version 8"
                )));
            }
            if version == 7 {
                return Ok(map);
            }
            let rated = map.cards.iter().find(|c| c.priority.is_some() || c.effort.is_some());
            if let Some(card) = rated {
                return Err(newer(format!(
                    "card {:?} has a priority or an effort, which format_version {version} does not \
                     have; they need format_version 7",
                    card.id.as_str()
                )));
            }
            if let Some(lane) = map.lanes.iter().find(|l| l.show_notes) {
                return Err(newer(format!(
                    "lane {:?} shows its cards' notes, which format_version {version} does not have; \
                     that needs format_version 7",
                    lane.id.as_str()
                )));
            }
            let words = &map.words;
            let rating_words =
                [&words.priority, &words.effort, &words.rating_low, &words.rating_medium, &words.rating_high];
            if rating_words.iter().any(|w| !w.is_empty()) {
                return Err(newer(format!(
                    "the map names priorities and efforts in its words, which format_version {version} \
                     does not have; they need format_version 7"
                )));
            }
            Ok(map)
        }
        _ => Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            col: 1,
            message: format!("format_version {version} never existed; the first version is 1"),
        }),
    }
}
