//! Every command's inverse restores the map exactly, and edits never make a valid map invalid.

use proptest::prelude::*;

use super::{Command, History};
use crate::model::*;

fn sample() -> Map {
    crate::templates::load("saas-onboarding").expect("shipped template loads")
}

/// Turns two random numbers into a command that makes sense for the map as it is now.
pub(crate) fn command_for(map: &Map, op: u8, pick: usize) -> Option<Command> {
    let nth = |len: usize| (len > 0).then(|| pick % len);
    Some(match op % 12 {
        0 => {
            if map.lanes.is_empty() || map.stages.is_empty() {
                return None;
            }
            let card = &map.cards[nth(map.cards.len())?];
            let lane = &map.lanes[(pick / 7) % map.lanes.len().max(1)];
            let stage = &map.stages[(pick / 3) % map.stages.len().max(1)];
            Command::MoveCard {
                id: card.id.clone(),
                lane: lane.id.clone(),
                stage: stage.id.clone(),
                index: pick % 4,
            }
        }
        1 => Command::RemoveCard(map.cards[nth(map.cards.len())?].id.clone()),
        2 => Command::RemoveStage(map.stages[nth(map.stages.len())?].id.clone()),
        3 => Command::RemoveLane(map.lanes[nth(map.lanes.len())?].id.clone()),
        4 => Command::MoveStage { id: map.stages[nth(map.stages.len())?].id.clone(), index: pick / 5 },
        5 => Command::MoveLane { id: map.lanes[nth(map.lanes.len())?].id.clone(), index: pick / 5 },
        6 => {
            let lane = &map.lanes[nth(map.lanes.len())?];
            let stage = &map.stages[nth(map.stages.len())?];
            Command::InsertCard {
                index: pick % 3,
                card: Card::new(lane.id.clone(), stage.id.clone(), format!("new {pick}")),
            }
        }
        7 => Command::RemovePersona(map.personas[nth(map.personas.len())?].id.clone()),
        8 => {
            let mut point = map.points[nth(map.points.len())?].clone();
            point.value = map.scale.clamp(point.value + 1.0);
            Command::ReplacePoint(point)
        }
        9 => {
            let mut card = map.cards[nth(map.cards.len())?].clone();
            card.title.push_str(" (edited)");
            card.set_flag(Flag::ExitPoint, pick.is_multiple_of(2));
            Command::ReplaceCard(card)
        }
        10 => Command::InsertStage { index: pick % 10, stage: Stage::new(format!("Stage {pick}")) },
        _ => {
            let from = &map.cards[nth(map.cards.len())?];
            let to = &map.cards[(pick / 11) % map.cards.len()];
            if from.id == to.id {
                return None;
            }
            Command::InsertLink {
                index: 0,
                link: Link {
                    id: LinkId::fresh(),
                    from: from.id.clone(),
                    to: to.id.clone(),
                    direction: LinkDirection::OneWay,
                    label: String::new(),
                },
            }
        }
    })
}

proptest! {
    #![proptest_config(crate::proptest_config(200))]

    #[test]
    fn undo_all_restores_and_redo_all_replays(ops in prop::collection::vec((any::<u8>(), any::<usize>()), 1..25)) {
        let original = sample();
        let mut map = original.clone();
        let mut history = History::default();
        for (op, pick) in ops {
            if let Some(command) = command_for(&map, op, pick) {
                history.apply(&mut map, command, "step").unwrap();
                prop_assert_eq!(map.validate(), vec![]);
                let mut canonical = map.clone();
                canonical.normalize();
                prop_assert_eq!(&canonical, &map, "commands keep the canonical order");
            }
        }
        let edited = map.clone();
        while history.undo(&mut map).unwrap() {}
        prop_assert_eq!(&map, &original);
        prop_assert!(!history.is_dirty());
        while history.redo(&mut map).unwrap() {}
        prop_assert_eq!(&map, &edited);
    }
}

#[test]
fn removing_a_stage_takes_its_cards_and_points_and_undo_brings_them_back() {
    let mut map = sample();
    let original = map.clone();
    let stage = map.stages[1].id.clone();
    let cards_in_stage = map.cards.iter().filter(|c| c.stage == stage).count();
    assert!(cards_in_stage > 0, "the sample has cards in its second stage");

    let mut history = History::default();
    history.apply(&mut map, Command::RemoveStage(stage.clone()), "Delete stage").unwrap();
    assert!(map.cards.iter().all(|c| c.stage != stage));
    assert!(map.points.iter().all(|p| map.anchor_stage(&p.at) != Some(&stage)));
    assert_eq!(map.validate(), vec![]);
    assert!(history.is_dirty());

    history.undo(&mut map).unwrap();
    assert_eq!(map, original);
    assert!(!history.is_dirty());
}

#[test]
fn changing_the_scale_keeps_every_point_in_its_place_on_the_scale() {
    let mut map = sample();
    let original = map.clone();
    let mut history = History::default();
    let change = super::set_scale(&map, Scale { min: 1, max: 5 });
    history.apply(&mut map, change, "Change scale").unwrap();
    assert_eq!(map.validate(), vec![]);
    for (before, after) in original.points.iter().zip(&map.points) {
        assert!((after.value - (before.value + 3.0)).abs() < 1e-6, "{} -> {}", before.value, after.value);
    }
    history.undo(&mut map).unwrap();
    assert_eq!(map, original);
}

#[test]
fn a_failed_batch_leaves_the_map_untouched() {
    let mut map = sample();
    let original = map.clone();
    let batch = Command::Batch(vec![
        Command::RemoveCard(map.cards[0].id.clone()),
        Command::RemoveCard(CardId::from("no-such-card")),
    ]);
    let err = batch.apply(&mut map).unwrap_err();
    assert_eq!(err.to_string(), "card \"no-such-card\" does not exist");
    assert_eq!(map, original);
}

#[test]
fn typing_in_one_field_is_one_step_until_sealed() {
    let mut map = sample();
    let before = map.title.clone();
    let mut history = History::default();
    for title in ["A", "AB", "ABC"] {
        let mut meta = map.meta();
        meta.title = title.to_owned();
        history
            .apply_merging(&mut map, Command::SetMeta(Box::new(meta)), "Rename map", Some("title".into()))
            .unwrap();
    }
    history.seal();
    let mut meta = map.meta();
    meta.title = "ABCD".to_owned();
    history
        .apply_merging(&mut map, Command::SetMeta(Box::new(meta)), "Rename map", Some("title".into()))
        .unwrap();

    history.undo(&mut map).unwrap();
    assert_eq!(map.title, "ABC");
    history.undo(&mut map).unwrap();
    assert_eq!(map.title, before);
    assert!(!history.can_undo());
}

#[test]
fn saving_clears_the_dirty_mark_and_undo_past_it_sets_it_again() {
    let mut map = sample();
    let mut history = History::default();
    let stage = Stage::new("Later");
    history.apply(&mut map, Command::InsertStage { index: 0, stage }, "Add stage").unwrap();
    history.mark_saved();
    assert!(!history.is_dirty());
    history.undo(&mut map).unwrap();
    assert!(history.is_dirty());
    history.redo(&mut map).unwrap();
    assert!(!history.is_dirty());
}
