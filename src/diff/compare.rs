//! Current and future state side by side, as one map drawn by the same painting as every map:
//! the current state's lanes on top, one Emotions lane where both sentiment curves run over each
//! other (the current one grey, the future one in its colours), and the future state's lanes
//! below, its new, changed and removed cards marked as the diff image marks them. Stages are
//! aligned by id, then by name; a stage only one side has keeps its place among the others.

use std::collections::{HashMap, HashSet};

use super::ChangeKind;
use crate::edit::Command;
use crate::model::{
    Anchor, Card, CardId, Colour, Curve, CurveId, Lane, LaneId, LaneKind, Link, LinkId, Map, Persona,
    PersonaId, Point, PointId, Stage, StageId,
};
use crate::render::Marks;

/// The picture of two states of a journey: a map to paint, and the cards to mark on it.
#[derive(Clone, Debug)]
pub struct Comparison {
    pub map: Map,
    pub marks: Marks,
}

/// The current state's curves are drawn in this grey, so the hoped-for change reads at once.
const NOW: Colour = Colour::rgb(0x9c, 0xa3, 0xaf);

/// Two states of a journey in either order: the one that is not the future state goes on top.
pub fn compare_states(one: &Map, other: &Map) -> Comparison {
    use crate::model::JourneyState::FutureState;
    if one.state == FutureState && other.state != FutureState {
        compare(other, one)
    } else {
        compare(one, other)
    }
}

/// `current` above, `future` below, aligned stage by stage.
pub fn compare(current: &Map, future: &Map) -> Comparison {
    let (stages, current_stage, future_stage) = align(current, future);
    let now = current.words.state_name(current.state).to_owned();
    let then = future.words.state_name(future.state).to_owned();
    let mut map = Map::blank(format!("{now}: {} · {then}: {}", current.title.trim(), future.title.trim()));
    map.scenario =
        if future.scenario.trim().is_empty() { current.scenario.clone() } else { future.scenario.clone() };
    map.state = future.state;
    map.scale = future.scale;
    map.curve_gaps = future.curve_gaps;
    map.direction = future.direction;
    map.words = future.words.clone();
    map.stages = stages;

    let side = |map_in: &Map, tag: &str, label: &str, stage_of: &HashMap<String, StageId>, out: &mut Map| {
        let lane_id = |id: &LaneId| LaneId(format!("{tag}{}", id.as_str()));
        for lane in map_in.lanes.iter().filter(|l| l.kind != LaneKind::Emotions) {
            out.lanes.push(Lane {
                id: lane_id(&lane.id),
                title: format!("{label}: {}", lane.title),
                ..lane.clone()
            });
        }
        for card in &map_in.cards {
            let (Some(stage), true) = (
                stage_of.get(card.stage.as_str()),
                map_in.lane(&card.lane).is_some_and(|l| l.kind != LaneKind::Emotions),
            ) else {
                continue;
            };
            out.cards.push(Card {
                id: CardId(format!("{tag}{}", card.id.as_str())),
                lane: lane_id(&card.lane),
                stage: stage.clone(),
                ..card.clone()
            });
        }
        for persona in &map_in.personas {
            out.personas
                .push(Persona { id: PersonaId(format!("{tag}{}", persona.id.as_str())), ..persona.clone() });
        }
        let cards: HashSet<&str> = map_in.cards.iter().map(|c| c.id.as_str()).collect();
        for link in
            map_in.links.iter().filter(|l| cards.contains(l.from.as_str()) && cards.contains(l.to.as_str()))
        {
            out.links.push(Link {
                id: LinkId(format!("{tag}{}", link.id.as_str())),
                from: CardId(format!("{tag}{}", link.from.as_str())),
                to: CardId(format!("{tag}{}", link.to.as_str())),
                ..link.clone()
            });
        }
    };
    side(current, "now:", &now, &current_stage, &mut map);
    let emotions = Lane {
        id: LaneId("compare:emotions".into()),
        title: future
            .lanes
            .iter()
            .chain(&current.lanes)
            .find(|l| l.kind == LaneKind::Emotions)
            .map_or_else(|| LaneKind::Emotions.label().to_owned(), |l| l.title.clone()),
        ..Lane::new(LaneKind::Emotions)
    };
    // Between the two states.
    map.lanes.push(emotions);
    side(future, "future:", &then, &future_stage, &mut map);

    curves(&mut map, current, "now:", &now, &current_stage, Some(NOW));
    curves(&mut map, future, "future:", &then, &future_stage, None);
    // Personas only the curves name are kept; the same persona twice shows once per side.
    map.normalize();

    let marks = marks(current, future, &mut map, &future_stage);
    Comparison { map, marks }
}

/// The stages of both maps in one row, and each map's stage ids mapped to the row's.
fn align(current: &Map, future: &Map) -> (Vec<Stage>, HashMap<String, StageId>, HashMap<String, StageId>) {
    let name = |s: &Stage| s.name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let mut matched: HashMap<String, String> = HashMap::new();
    for stage in &current.stages {
        let twin = future
            .stages
            .iter()
            .find(|f| f.id == stage.id)
            .or_else(|| future.stages.iter().find(|f| !name(f).is_empty() && name(f) == name(stage)));
        if let Some(twin) = twin
            && !matched.values().any(|v| v == twin.id.as_str())
        {
            matched.insert(stage.id.as_str().to_owned(), twin.id.as_str().to_owned());
        }
    }
    let mut row: Vec<Stage> = future.stages.iter().map(|s| Stage { opens: None, ..s.clone() }).collect();
    let mut future_stage: HashMap<String, StageId> =
        future.stages.iter().map(|s| (s.id.as_str().to_owned(), s.id.clone())).collect();
    let mut current_stage = HashMap::new();
    let mut after: Option<usize> = None;
    for stage in &current.stages {
        if let Some(twin) = matched.get(stage.id.as_str()) {
            after = row.iter().position(|s| s.id.as_str() == twin);
            current_stage.insert(stage.id.as_str().to_owned(), StageId(twin.clone()));
            continue;
        }
        // A stage the future leaves out keeps its place after the stage before it.
        let mut id = format!("now:{}", stage.id.as_str());
        while row.iter().any(|s| s.id.as_str() == id) {
            id.push('_');
        }
        let at = after.map_or(0, |i| i + 1);
        row.insert(at, Stage { id: StageId(id.clone()), opens: None, ..stage.clone() });
        after = Some(at);
        current_stage.insert(stage.id.as_str().to_owned(), StageId(id));
    }
    future_stage.retain(|_, id| row.iter().any(|s| &s.id == id));
    (row, current_stage, future_stage)
}

/// A map's curves and points on the comparison: anchors moved to the row's stages and the
/// side's cards, values carried onto the future's scale, names saying which side.
fn curves(
    out: &mut Map,
    map: &Map,
    tag: &str,
    label: &str,
    stage_of: &HashMap<String, StageId>,
    colour: Option<Colour>,
) {
    let (from, to) = (map.scale, out.scale);
    let span = |s: crate::model::Scale| (s.max - s.min) as f32;
    let carry = |v: f32| {
        let t = if span(from) > 0.0 { (v - from.min as f32) / span(from) } else { 0.5 };
        (to.min as f32 + t * span(to)).clamp(to.min as f32, to.max as f32)
    };
    for curve in map.curves.iter().filter(|c| !c.hidden) {
        let id = CurveId(format!("{tag}{}", curve.id.as_str()));
        out.curves.push(Curve {
            id: id.clone(),
            name: format!("{} ({label})", curve.name),
            persona: curve.persona.as_ref().map(|p| PersonaId(format!("{tag}{}", p.as_str()))),
            colour: colour.or(curve.colour),
            hidden: false,
        });
        for point in map.points.iter().filter(|p| p.curve == curve.id) {
            let at = match &point.at {
                Anchor::Stage(s) => stage_of.get(s.as_str()).map(|s| Anchor::Stage(s.clone())),
                Anchor::Card(c) => {
                    let id = CardId(format!("{tag}{}", c.as_str()));
                    out.card(&id).is_some().then_some(Anchor::Card(id))
                }
            };
            let Some(at) = at else { continue };
            if out.points.iter().any(|p| p.curve == id && p.at == at) {
                continue;
            }
            out.points.push(Point {
                id: PointId(format!("{tag}{}", point.id.as_str())),
                curve: id.clone(),
                at,
                value: carry(point.value),
                ..point.clone()
            });
        }
    }
}

/// The future side's cards marked as `touchline diff` marks them: new, changed or moved, and
/// the removed ones put back as ghosts in the cell they were in.
fn marks(current: &Map, future: &Map, out: &mut Map, future_stage: &HashMap<String, StageId>) -> Marks {
    let changes = super::diff(current, future);
    let tagged = |change: ChangeKind| -> HashSet<CardId> {
        changes.ids("card", change).into_iter().map(|id| CardId(format!("future:{id}"))).collect()
    };
    let mut changed = tagged(ChangeKind::Changed);
    changed.extend(tagged(ChangeKind::Moved));
    let mut removed = HashSet::new();
    for id in changes.ids("card", ChangeKind::Removed) {
        let Some(card) = current.card(&CardId::from(id)) else { continue };
        // Its cell in the future side: the lane of the same id there, the stage it aligned to.
        let lane = LaneId(format!("future:{}", card.lane.as_str()));
        let stage = future_stage
            .get(card.stage.as_str())
            .cloned()
            .or_else(|| future.stages.iter().find(|s| s.id == card.stage).map(|s| s.id.clone()));
        let (Some(stage), true) = (stage, out.lane(&lane).is_some()) else { continue };
        let ghost = Card { id: CardId(format!("future:{id}")), lane, stage, votes: 0, ..card.clone() };
        let insert = Command::InsertCard { index: out.cards.len(), card: ghost.clone() };
        if insert.apply(out).is_ok() {
            removed.insert(ghost.id);
        }
    }
    Marks { added: tagged(ChangeKind::Added), changed, removed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shop() -> Map {
        crate::file::load(std::path::Path::new("maps/ecommerce.ron")).unwrap()
    }

    #[test]
    fn both_states_share_stages_one_emotions_lane_and_the_future_marks_its_changes() {
        let current = shop();
        let mut future = shop();
        future.state = crate::model::JourneyState::FutureState;
        future.cards.retain(|c| c.id.as_str() != "c-pain-fee");
        future.cards.iter_mut().find(|c| c.id.as_str() == "c-checkout").unwrap().title =
            "One-page checkout".into();
        let lane = future.cards[0].lane.clone();
        let stage = future.stages[1].id.clone();
        future.cards.push(Card { id: CardId::from("c-new"), ..Card::new(lane, stage, "Size finder") });
        future.links.retain(|l| l.from.as_str() != "c-pain-fee");
        future.stages[2].name = "Buying".into();
        future.stages.push(Stage { id: StageId::from("s-community"), ..Stage::new("Community") });
        let mut current = current;
        current.stages.insert(1, Stage { id: StageId::from("s-compare"), ..Stage::new("Compare") });

        let Comparison { map, marks } = compare(&current, &future);
        assert_eq!(map.validate(), vec![], "the comparison is a valid map");
        let names: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names[..3], [future.stages[0].name.as_str(), "Compare", future.stages[1].name.as_str()]);
        assert_eq!(map.stages.len(), future.stages.len() + 1);
        let emotions = map.lanes.iter().filter(|l| l.kind == LaneKind::Emotions).count();
        assert_eq!(emotions, 1, "one Emotions lane holds both curves");
        let at = map.lanes.iter().position(|l| l.kind == LaneKind::Emotions).unwrap();
        assert!(map.lanes[..at].iter().all(|l| l.id.as_str().starts_with("now:")));
        assert!(map.lanes[at + 1..].iter().all(|l| l.id.as_str().starts_with("future:")));
        assert_eq!(map.curves.len(), current.curves.len() + future.curves.len());
        assert!(map.curves.iter().any(|c| c.colour == Some(NOW) && c.name.ends_with("(Current state)")));
        assert!(map.points.iter().any(|p| p.curve.as_str().starts_with("now:")));

        assert!(marks.added.contains(&CardId::from("future:c-new")));
        assert!(marks.changed.contains(&CardId::from("future:c-checkout")));
        assert!(marks.removed.contains(&CardId::from("future:c-pain-fee")), "{marks:?}");
        let ghost = map.card(&CardId::from("future:c-pain-fee")).unwrap();
        assert_eq!(ghost.lane.as_str(), "future:l-pain");
        assert!(map.card(&CardId::from("now:c-pain-fee")).is_some(), "the current side keeps it");
    }
}
