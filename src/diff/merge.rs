//! Three-way merge of maps by ids and fields, for git's merge driver and the editor's Merge.
//!
//! Each item is merged field by field against the common base: a field changed on one side only
//! takes that side's value; changed on both to different values it is a conflict, which keeps
//! ours and records theirs (in a card's notes, where the team will see it). Additions on both
//! sides are kept, deletions are applied unless the other side changed the item. The order of
//! each list (and so of the cards in each cell) follows the side that reordered it, with the
//! other side's new items placed after the item they followed there. The result is repaired until
//! it passes `check`: an item one side deleted while the other still uses it comes back.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;

use super::{Fields, Items, all_items, map_fields};
use crate::model::Map;

/// A field both sides changed differently, or an item one side changed and the other deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: &'static str,
    pub id: String,
    pub field: String,
    pub ours: String,
    pub theirs: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.id.is_empty() { "map".to_owned() } else { format!("{} {}", self.kind, self.id) };
        write!(f, "conflict: {what} {}: ours {}, theirs {} (kept ours)", self.field, self.ours, self.theirs)
    }
}

/// The merged map and the conflicts it kept ours on.
#[derive(Debug)]
pub struct Merged {
    pub map: Map,
    pub conflicts: Vec<Conflict>,
}

fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_owned(),
        Some(v) => v.to_string(),
    }
}

/// Merges one item's fields. `None` on a side means the item is absent there.
fn merge_fields(
    kind: &'static str,
    id: &str,
    base: Option<&Fields>,
    ours: &Fields,
    theirs: &Fields,
    conflicts: &mut Vec<Conflict>,
) -> Fields {
    let empty = Fields::new();
    let base = base.unwrap_or(&empty);
    let mut keys: Vec<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut out = Fields::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = if o == t || t == b {
            o
        } else if o == b {
            t
        } else {
            conflicts.push(Conflict {
                kind,
                id: id.to_owned(),
                field: key.clone(),
                ours: shown(o),
                theirs: shown(t),
            });
            o
        };
        if let Some(v) = value {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

/// The merged order of a list: the side that reordered the common items leads (ours when both
/// or neither did), and each item only the other side has goes after the item it follows there.
fn merge_order(base: &[String], ours: &[String], theirs: &[String], keep: &HashSet<String>) -> Vec<String> {
    let common = |list: &[String], other: &HashSet<&String>| -> Vec<String> {
        list.iter().filter(|id| other.contains(id)).cloned().collect()
    };
    let base_set: HashSet<&String> = base.iter().collect();
    let ours_set: HashSet<&String> = ours.iter().collect();
    let theirs_set: HashSet<&String> = theirs.iter().collect();
    let shared: HashSet<&String> =
        ours_set.intersection(&theirs_set).copied().filter(|id| base_set.contains(id)).collect();
    let base_common = common(base, &shared);
    let theirs_reordered = common(theirs, &shared) != base_common;
    let ours_reordered = common(ours, &shared) != base_common;
    let (lead, other) = if theirs_reordered && !ours_reordered { (theirs, ours) } else { (ours, theirs) };
    let mut order: Vec<String> = lead.iter().filter(|id| keep.contains(*id)).cloned().collect();
    let mut placed: HashSet<String> = order.iter().cloned().collect();
    for (i, id) in other.iter().enumerate() {
        if placed.contains(id) || !keep.contains(id) {
            continue;
        }
        // After the nearest item before it (on its side) that is already placed.
        let at = other[..i].iter().rev().find_map(|p| order.iter().position(|x| x == p)).map_or(0, |p| p + 1);
        order.insert(at, id.clone());
        placed.insert(id.clone());
    }
    // Items that only base knew and that came back in a repair go at the end.
    order.extend(keep.iter().filter(|id| !placed.contains(*id)).cloned());
    order
}

/// Merges one kind of item.
fn merge_items(
    base: &Items,
    ours: &Items,
    theirs: &Items,
    conflicts: &mut Vec<Conflict>,
) -> (Vec<String>, HashMap<String, Fields>) {
    let kind = ours.kind;
    let mut merged: HashMap<String, Fields> = HashMap::new();
    let ids: HashSet<&String> =
        base.fields.keys().chain(ours.fields.keys()).chain(theirs.fields.keys()).collect();
    for id in ids {
        let (b, o, t) = (base.fields.get(id), ours.fields.get(id), theirs.fields.get(id));
        let result = match (o, t) {
            (Some(o), Some(t)) => Some(merge_fields(kind, id, b, o, t, conflicts)),
            // Added on one side only, or deleted on one side and unchanged on the other.
            (Some(one), None) | (None, Some(one)) if b.is_none() => Some(one.clone()),
            (Some(kept), None) | (None, Some(kept)) => {
                if Some(kept) == b {
                    None
                } else {
                    // Changed on one side, deleted on the other: keep the change.
                    let (ours_side, theirs_side) =
                        if o.is_some() { ("changed", "deleted") } else { ("deleted", "changed") };
                    conflicts.push(Conflict {
                        kind,
                        id: id.clone(),
                        field: "(item)".into(),
                        ours: ours_side.into(),
                        theirs: theirs_side.into(),
                    });
                    Some(kept.clone())
                }
            }
            (None, None) => None,
        };
        if let Some(fields) = result {
            merged.insert(id.clone(), fields);
        }
    }
    let keep: HashSet<String> = merged.keys().cloned().collect();
    (merge_order(&base.order, &ours.order, &theirs.order, &keep), merged)
}

/// Builds a map from merged fields, item lists in the given orders.
fn assemble(meta: &Fields, lists: &[(Vec<String>, HashMap<String, Fields>)]) -> Result<Map, String> {
    let mut object = meta.clone();
    let names = ["personas", "stages", "lanes", "cards", "curves", "points", "links"];
    for (name, (order, fields)) in names.iter().zip(lists) {
        let items: Vec<Value> =
            order.iter().filter_map(|id| fields.get(id)).map(|f| Value::Object(f.clone())).collect();
        object.insert((*name).to_owned(), Value::Array(items));
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| e.to_string())
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    let mut conflicts = Vec::new();
    let meta = merge_fields(
        "map",
        "",
        Some(&map_fields(base)),
        &map_fields(ours),
        &map_fields(theirs),
        &mut conflicts,
    );
    let (b, o, t) = (all_items(base), all_items(ours), all_items(theirs));
    let mut lists: Vec<(Vec<String>, HashMap<String, Fields>)> =
        (0..b.len()).map(|k| merge_items(&b[k], &o[k], &t[k], &mut conflicts)).collect();
    let sources = [&o, &t, &b];
    // Repair: bring back what one side deleted and the other still uses (at most a few rounds:
    // each brings back items, and there are finitely many).
    let mut map = ours.clone();
    for _ in 0..8 {
        map = match assemble(&meta, &lists) {
            Ok(map) => map,
            Err(_) => ours.clone(),
        };
        let missing = missing_references(&map);
        if missing.is_empty() {
            break;
        }
        for (kind_index, id) in missing {
            if let Some(fields) = sources.iter().find_map(|s| s[kind_index].fields.get(&id)) {
                lists[kind_index].1.insert(id.clone(), fields.clone());
                lists[kind_index].0.push(id.clone());
                conflicts.push(Conflict {
                    kind: super::KINDS[kind_index],
                    id,
                    field: "(item)".into(),
                    ours: "used".into(),
                    theirs: "deleted".into(),
                });
            }
        }
    }
    // Values the merged scale no longer holds (one side narrowed it, the other added points).
    let scale = map.scale;
    for point in &mut map.points {
        point.value = scale.clamp(point.value);
    }
    drop_double_points(&mut map, ours, &mut conflicts);
    record_in_notes(&mut map, &conflicts);
    map.normalize();
    if !map.validate().is_empty() {
        // Whatever could not be repaired: ours as it was, every conflict still reported.
        map = ours.clone();
    }
    Merged { map, conflicts }
}

/// Ids that items of the map refer to but that are not in it, by kind (index into `KINDS`).
fn missing_references(map: &Map) -> Vec<(usize, String)> {
    let index = |kind: &str| super::KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    let mut missing: Vec<(usize, String)> = Vec::new();
    let mut need = |kind: &str, id: &str, present: bool| {
        if !present && !missing.iter().any(|(k, i)| *k == index(kind) && i == id) {
            missing.push((index(kind), id.to_owned()));
        }
    };
    for card in &map.cards {
        need("lane", card.lane.as_str(), map.lane(&card.lane).is_some());
        need("stage", card.stage.as_str(), map.stage(&card.stage).is_some());
    }
    for curve in &map.curves {
        if let Some(p) = &curve.persona {
            need("persona", p.as_str(), map.persona(p).is_some());
        }
    }
    for point in &map.points {
        need("curve", point.curve.as_str(), map.curve(&point.curve).is_some());
        match &point.at {
            crate::model::Anchor::Stage(s) => need("stage", s.as_str(), map.stage(s).is_some()),
            crate::model::Anchor::Card(c) => need("card", c.as_str(), map.card(c).is_some()),
        }
    }
    for link in &map.links {
        need("card", link.from.as_str(), map.card(&link.from).is_some());
        need("card", link.to.as_str(), map.card(&link.to).is_some());
    }
    missing
}

/// A curve holds one point per stage or card: when both sides put one at the same place, ours
/// stays.
fn drop_double_points(map: &mut Map, ours: &Map, conflicts: &mut Vec<Conflict>) {
    let mut points = std::mem::take(&mut map.points);
    // Ours first, so they are the ones kept.
    points.sort_by_key(|p| ours.points.iter().all(|o| o.id != p.id));
    let mut taken = HashSet::new();
    for point in points {
        if taken.insert((point.curve.clone(), point.at.clone())) {
            map.points.push(point);
        } else {
            conflicts.push(Conflict {
                kind: "point",
                id: point.id.to_string(),
                field: "at".into(),
                ours: "another point there".into(),
                theirs: format!("{:?}", point.at),
            });
        }
    }
}

/// Theirs side of every card field conflict, written into the card's notes.
fn record_in_notes(map: &mut Map, conflicts: &[Conflict]) {
    for conflict in conflicts.iter().filter(|c| c.kind == "card" && c.field != "(item)" && c.field != "notes")
    {
        if let Some(card) = map.cards.iter_mut().find(|c| c.id.as_str() == conflict.id) {
            if !card.notes.is_empty() {
                card.notes.push('\n');
            }
            let _ = write!(card.notes, "Merge conflict: theirs had {} {}", conflict.field, conflict.theirs);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::edit::Command;
    use crate::model::{Card, Stage};

    fn shop() -> Map {
        crate::templates::load("ecommerce").unwrap()
    }

    fn with(map: &Map, commands: Vec<Command>) -> Map {
        let mut out = map.clone();
        for command in commands {
            command.apply(&mut out).unwrap();
        }
        out
    }

    fn retitle(map: &Map, id: &str, title: &str) -> Command {
        let mut card = map.card(&id.into()).unwrap().clone();
        card.title = title.into();
        Command::ReplaceCard(card)
    }

    #[test]
    fn disjoint_changes_on_every_kind_of_item_combine() {
        let base = shop();
        let new_card = Card::new("l-pain".into(), "s-advocacy".into(), "No review reminder");
        let new_stage = Stage::new("Loyalty");
        let ours = with(
            &base,
            vec![
                retitle(&base, "c-checkout", "One-page checkout"),
                Command::InsertCard { index: 0, card: new_card.clone() },
                Command::MoveStage { id: "s-advocacy".into(), index: 0 },
                Command::RemoveLink(base.links[0].id.clone()),
                Command::ReplaceLane(crate::model::Lane {
                    title: "What they think".into(),
                    ..base.lanes[2].clone()
                }),
            ],
        );
        let mut persona = base.personas[0].clone();
        persona.description = "Runs twice a week".into();
        let mut point = base.points[0].clone();
        point.value = 2.0;
        let theirs = with(
            &base,
            vec![
                retitle(&base, "c-confirm", "Confirmation email"),
                Command::InsertStage { index: 9, stage: new_stage.clone() },
                Command::MoveCard {
                    id: "c-sms".into(),
                    lane: "l-pain".into(),
                    stage: "s-retention".into(),
                    index: 0,
                },
                Command::ReplacePersona(persona),
                Command::ReplacePoint(point.clone()),
                Command::RemoveCard("c-think-share".into()),
                Command::ReplaceCurve(crate::model::Curve {
                    name: "Rina (runner)".into(),
                    ..base.curves[0].clone()
                }),
            ],
        );
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, vec![]);
        let map = &merged.map;
        assert_eq!(map.validate(), vec![]);
        assert_eq!(map.card(&"c-checkout".into()).unwrap().title, "One-page checkout");
        assert_eq!(map.card(&"c-confirm".into()).unwrap().title, "Confirmation email");
        assert!(map.card(&new_card.id).is_some());
        assert!(map.card(&"c-think-share".into()).is_none());
        assert_eq!(map.card(&"c-sms".into()).unwrap().lane.as_str(), "l-pain");
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        // Ours moved Advocacy first; theirs added Loyalty after Advocacy, so it follows it there.
        assert_eq!(stages, ["Advocacy", "Loyalty", "Awareness", "Consideration", "Purchase", "Retention"]);
        assert_eq!(map.personas[0].description, "Runs twice a week");
        assert!((map.points.iter().find(|p| p.id == point.id).unwrap().value - 2.0).abs() < 1e-6);
        assert_eq!(map.links.len(), base.links.len() - 1);
        assert_eq!(map.lanes[2].title, "What they think");
        assert_eq!(map.curves[0].name, "Rina (runner)");
        // Merging is the same whichever side is ours when nothing conflicts.
        assert_eq!(merge(&base, &theirs, &ours).map, merged.map);
    }

    #[test]
    fn a_field_changed_both_ways_keeps_ours_and_records_theirs() {
        let base = shop();
        let ours = with(&base, vec![retitle(&base, "c-checkout", "Guest checkout")]);
        let theirs = with(&base, vec![retitle(&base, "c-checkout", "Express checkout")]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged.conflicts[0].to_string(),
            r#"conflict: card c-checkout title: ours "Guest checkout", theirs "Express checkout" (kept ours)"#
        );
        let card = merged.map.card(&"c-checkout".into()).unwrap();
        assert_eq!(card.title, "Guest checkout");
        assert!(card.notes.contains(r#"theirs had title "Express checkout""#), "{}", card.notes);
        assert_eq!(merged.map.validate(), vec![]);
    }

    #[test]
    fn a_lane_deleted_while_the_other_side_adds_a_card_to_it_comes_back() {
        let base = shop();
        let ours = with(&base, vec![Command::RemoveLane("l-thoughts".into())]);
        let card = Card::new("l-thoughts".into(), "s-purchase".into(), "Is there a student discount?");
        let theirs = with(&base, vec![Command::InsertCard { index: 0, card: card.clone() }]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.map.validate(), vec![]);
        assert!(merged.map.card(&card.id).is_some(), "their card is kept");
        assert!(merged.map.lane(&"l-thoughts".into()).is_some(), "and the lane it needs");
        assert!(merged.conflicts.iter().any(|c| c.id == "l-thoughts"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_two_edit_sequences_merge_into_a_map_that_passes_check(
            ours_ops in prop::collection::vec((any::<u8>(), any::<usize>()), 0..12),
            theirs_ops in prop::collection::vec((any::<u8>(), any::<usize>()), 0..12),
        ) {
            let base = crate::templates::load("saas-onboarding").unwrap();
            let edit = |ops: &[(u8, usize)]| {
                let mut map = base.clone();
                for &(op, pick) in ops {
                    if let Some(command) = crate::edit::tests::command_for(&map, op, pick) {
                        command.apply(&mut map).unwrap();
                    }
                }
                map
            };
            let (ours, theirs) = (edit(&ours_ops), edit(&theirs_ops));
            let merged = merge(&base, &ours, &theirs);
            prop_assert_eq!(merged.map.validate(), vec![]);
            // Nothing changed on one side: the merge is the other side.
            prop_assert_eq!(&merge(&base, &ours, &base).map, &ours);
            prop_assert_eq!(&merge(&base, &base, &theirs).map, &theirs);
        }
    }
}
