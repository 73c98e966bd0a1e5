//! What changed between two versions of a map, item by item: added, removed, changed (which
//! fields, old → new) and moved. Every item has a stable id, so a change is found by id, not by
//! line, and a renamed card is a changed card, not a removed one and an added one.
//!
//! Items are compared as their serialized fields, so a field added to the model is compared
//! without touching this code.

pub mod cli;
pub mod compare;
mod image;
pub mod merge;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use crate::model::Map;

/// An item's fields by name, as they are saved (fields at their default are absent).
pub type Fields = serde_json::Map<String, Value>;

/// The kinds of item, in the order the file lists them.
pub const KINDS: [&str; 7] = ["persona", "stage", "lane", "card", "curve", "point", "link"];

/// The map's lists of items as the file names them, in [`KINDS`] order. Every other field the
/// map saves is one of the map's own fields.
pub(crate) const LISTS: [&str; 7] = ["personas", "stages", "lanes", "cards", "curves", "points", "links"];

/// One kind of item of a map, by id, in the map's order.
#[derive(Debug)]
pub(crate) struct Items {
    pub kind: &'static str,
    pub order: Vec<String>,
    pub fields: HashMap<String, Fields>,
}

pub(crate) fn fields_of<T: Serialize>(item: &T) -> Fields {
    match serde_json::to_value(item) {
        Ok(Value::Object(mut fields)) => {
            fields.values_mut().for_each(tidy);
            fields
        }
        _ => Fields::new(),
    }
}

/// The model's numbers are `f32`; widened to `f64` they read `4.800000190734863`. Each is put
/// back to the shortest decimal that reads as the same `f32` (4.8), which also reads back
/// exactly when a merge turns fields into a map again.
fn tidy(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(wide) = n.as_f64()
                && let Ok(short) = (wide as f32).to_string().parse::<f64>()
                && let Some(number) = serde_json::Number::from_f64(short)
            {
                *n = number;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        Value::Object(fields) => fields.values_mut().for_each(tidy),
        _ => {}
    }
}

fn items<T: Serialize>(kind: &'static str, list: &[T]) -> Items {
    let mut order = Vec::with_capacity(list.len());
    let mut fields = HashMap::with_capacity(list.len());
    for item in list {
        let f = fields_of(item);
        let id = f.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
        order.push(id.clone());
        fields.insert(id, f);
    }
    Items { kind, order, fields }
}

/// Every kind of item of `map`, in [`KINDS`] order.
pub(crate) fn all_items(map: &Map) -> [Items; 7] {
    [
        items("persona", &map.personas),
        items("stage", &map.stages),
        items("lane", &map.lanes),
        items("card", &map.cards),
        items("curve", &map.curves),
        items("point", &map.points),
        items("link", &map.links),
    ]
}

/// The map's own fields: everything the map saves that is not a list of items, taken from the
/// saved form so that a field added to the model takes part in diff, show and merge by itself.
/// A field that groups others (the scale, the map's words) is taken apart into `group.field`, so
/// one side changing one word and the other side another both merge.
pub(crate) fn map_fields(map: &Map) -> Fields {
    let mut out = Fields::new();
    for (key, value) in fields_of(&without_items(map)) {
        if LISTS.contains(&key.as_str()) {
            continue;
        }
        match value {
            Value::Object(group) => {
                for (inner, value) in group {
                    out.insert(format!("{key}.{inner}"), value);
                }
            }
            value => {
                out.insert(key, value);
            }
        }
    }
    out
}

/// The map's own fields with no items: serializing a hundred thousand points to read the title
/// would be most of a merge's time. Written out field by field, so a field added to the map
/// must be named here (it does not compile otherwise), and tests hold it to diff and merge.
fn without_items(map: &Map) -> Map {
    let Map {
        title,
        scenario,
        author,
        state,
        scale,
        curve_gaps,
        direction,
        words,
        counterpart,
        allow,
        personas: _,
        stages: _,
        lanes: _,
        cards: _,
        curves: _,
        points: _,
        links: _,
    } = map;
    Map {
        title: title.clone(),
        scenario: scenario.clone(),
        author: author.clone(),
        state: *state,
        scale: *scale,
        curve_gaps: *curve_gaps,
        direction: *direction,
        words: words.clone(),
        counterpart: counterpart.clone(),
        allow: allow.clone(),
        personas: Vec::new(),
        stages: Vec::new(),
        lanes: Vec::new(),
        cards: Vec::new(),
        curves: Vec::new(),
        points: Vec::new(),
        links: Vec::new(),
    }
}

/// The saved form of the map's own fields from [`map_fields`]: groups put back together.
pub(crate) fn grouped_map_fields(fields: &Fields) -> Fields {
    let mut out = Fields::new();
    for (key, value) in fields {
        match key.split_once('.') {
            Some((group, inner)) => {
                let entry = out.entry(group.to_owned()).or_insert_with(|| Value::Object(Fields::new()));
                if let Value::Object(group) = entry {
                    group.insert(inner.to_owned(), value.clone());
                }
            }
            None => {
                out.insert(key.clone(), value.clone());
            }
        }
    }
    out
}

/// One field's change; `Null` stands for a field that is absent (at its default).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// What happened to an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Moved,
}

/// One item's change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    pub kind: &'static str,
    pub id: String,
    /// The item's name or title (in the newer map, or the older one if it was removed).
    pub name: String,
    pub change: ChangeKind,
    /// The fields that changed (for a moved card, its lane and stage are in `moved` instead).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Where it was and where it is, for a moved item: "position 2 → 4", or a card's cell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved: Option<String>,
}

/// Everything that changed from one map to another.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MapDiff {
    pub map: Vec<FieldChange>,
    pub items: Vec<ItemChange>,
}

impl MapDiff {
    pub fn is_empty(&self) -> bool {
        self.map.is_empty() && self.items.is_empty()
    }

    /// Ids of the items of one kind with one kind of change.
    pub fn ids(&self, kind: &str, change: ChangeKind) -> HashSet<&str> {
        self.items.iter().filter(|c| c.kind == kind && c.change == change).map(|c| c.id.as_str()).collect()
    }

    /// The changes as lines a person reads: `+` added, `-` removed, `~` changed, `>` moved.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for change in &self.map {
            let _ = writeln!(out, "{}", shown_safely(&format!("~ map {}", field_text(change))));
        }
        for item in &self.items {
            let sign = match item.change {
                ChangeKind::Added => '+',
                ChangeKind::Removed => '-',
                ChangeKind::Changed => '~',
                ChangeKind::Moved => '>',
            };
            let mut line = format!("{sign} {} {} {:?}", item.kind, item.id, item.name);
            let mut details: Vec<String> = item.fields.iter().map(field_text).collect();
            if let Some(moved) = &item.moved {
                details.insert(0, format!("moved {moved}"));
            }
            if !details.is_empty() {
                line.push_str(": ");
                line.push_str(&details.join("; "));
            }
            out.push_str(&shown_safely(&line));
            out.push('\n');
        }
        out
    }
}

/// A line for a terminal or `git diff`: control characters and the invisible ones that reorder
/// or hide text (bidi overrides and isolates, zero-width marks) are shown as `\u{202e}`, so a
/// map cannot make a line of the diff read other than it is.
pub fn shown_safely(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_control() || crate::file::invisible(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

fn field_text(change: &FieldChange) -> String {
    format!("{}: {} → {}", change.field, value_text(&change.old), value_text(&change.new))
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        other => other.to_string(),
    }
}

/// The fields that differ between two versions of an item (ignoring `skip`).
pub(crate) fn changed_fields(old: &Fields, new: &Fields, skip: &[&str]) -> Vec<FieldChange> {
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !skip.contains(&k.as_str()))
        .filter_map(|k| {
            let (a, b) = (old.get(k).unwrap_or(&Value::Null), new.get(k).unwrap_or(&Value::Null));
            (a != b).then(|| FieldChange { field: k.clone(), old: a.clone(), new: b.clone() })
        })
        .collect()
}

pub(crate) fn name_of(fields: &Fields) -> String {
    for key in ["name", "title", "label"] {
        if let Some(Value::String(s)) = fields.get(key)
            && !s.is_empty()
        {
            return s.clone();
        }
    }
    match (fields.get("from"), fields.get("to")) {
        (Some(Value::String(a)), Some(Value::String(b))) => format!("{a} → {b}"),
        _ => String::new(),
    }
}

/// The ids of `old_order` (those also in the new map) that keep their relative order in the
/// new one: the longest run that stays in order. The others are the ones that moved. Of equally
/// long runs, the one keeping the earlier items wins, so moving a card up moves that card, not
/// the ones it jumped over.
fn unmoved(old_order: &[&str], new_index: &HashMap<&str, usize>) -> HashSet<String> {
    // Walk backwards looking for falling new positions: the longest increasing subsequence,
    // found in O(n log n), whose ties are settled by the earliest items.
    let seq: Vec<(usize, &str)> =
        old_order.iter().rev().filter_map(|id| new_index.get(id).map(|&i| (i, *id))).collect();
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (k, (pos, _)) in seq.iter().enumerate() {
        let at = tails.partition_point(|&t| seq[t].0 > *pos);
        if at > 0 {
            prev[k] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = HashSet::new();
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        keep.insert(seq[k].1.to_owned());
        cursor = prev[k];
    }
    keep
}

/// Where a card sits, for people: "Touchpoints · Purchase".
pub(crate) fn cell_name(map: &Map, fields: &Fields) -> String {
    let lane = fields.get("lane").and_then(Value::as_str).unwrap_or_default();
    let stage = fields.get("stage").and_then(Value::as_str).unwrap_or_default();
    let lane = map.lanes.iter().find(|l| l.id.as_str() == lane).map_or(lane, |l| l.title.as_str());
    let stage = map.stages.iter().find(|s| s.id.as_str() == stage).map_or(stage, |s| s.name.as_str());
    format!("{lane} · {stage}")
}

/// What changed from `old` to `new`.
pub fn diff(old: &Map, new: &Map) -> MapDiff {
    let mut out = MapDiff { map: changed_fields(&map_fields(old), &map_fields(new), &[]), items: Vec::new() };
    for (a, b) in all_items(old).into_iter().zip(all_items(new)) {
        let kind = a.kind;
        let is_card = kind == "card";
        // The groups whose order matters: the whole list, or for cards each cell.
        let group = |f: &Fields| -> String {
            if is_card {
                format!(
                    "{}|{}",
                    f.get("lane").unwrap_or(&Value::Null),
                    f.get("stage").unwrap_or(&Value::Null)
                )
            } else {
                String::new()
            }
        };
        let mut moved_in_order: HashSet<String> = HashSet::new();
        if kind != "point" {
            let mut groups: HashMap<String, (Vec<&str>, HashMap<&str, usize>)> = HashMap::new();
            for id in &a.order {
                let (Some(fa), Some(fb)) = (a.fields.get(id), b.fields.get(id)) else { continue };
                if group(fa) == group(fb) {
                    groups.entry(group(fa)).or_default().0.push(id);
                }
            }
            for (i, id) in b.order.iter().enumerate() {
                if let (Some(fa), Some(fb)) = (a.fields.get(id), b.fields.get(id))
                    && group(fa) == group(fb)
                {
                    groups.entry(group(fb)).or_default().1.insert(id, i);
                }
            }
            for (old_order, new_index) in groups.values() {
                let keep = unmoved(old_order, new_index);
                moved_in_order
                    .extend(old_order.iter().filter(|id| !keep.contains(**id)).map(|id| (*id).to_owned()));
            }
        }
        let position = |order: &[String], id: &str| order.iter().position(|x| x == id).map_or(0, |p| p + 1);
        for id in &a.order {
            if !b.fields.contains_key(id) {
                let name = name_of(&a.fields[id]);
                out.items.push(ItemChange {
                    kind,
                    id: id.clone(),
                    name,
                    change: ChangeKind::Removed,
                    fields: Vec::new(),
                    moved: None,
                });
            }
        }
        for id in &b.order {
            let fb = &b.fields[id];
            let Some(fa) = a.fields.get(id) else {
                out.items.push(ItemChange {
                    kind,
                    id: id.clone(),
                    name: name_of(fb),
                    change: ChangeKind::Added,
                    fields: Vec::new(),
                    moved: is_card.then(|| format!("in {}", cell_name(new, fb))),
                });
                continue;
            };
            let skip: &[&str] = if is_card { &["lane", "stage"] } else { &[] };
            let fields = changed_fields(fa, fb, skip);
            let moved = if is_card && group(fa) != group(fb) {
                Some(format!("{} → {}", cell_name(old, fa), cell_name(new, fb)))
            } else if moved_in_order.contains(id) {
                let (from, to) = (position(&a.order, id), position(&b.order, id));
                Some(if is_card {
                    format!("within {}", cell_name(new, fb))
                } else {
                    format!("position {from} → {to}")
                })
            } else {
                None
            };
            if fields.is_empty() && moved.is_none() {
                continue;
            }
            let change = if fields.is_empty() { ChangeKind::Moved } else { ChangeKind::Changed };
            out.items.push(ItemChange { kind, id: id.clone(), name: name_of(fb), change, fields, moved });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Command;
    use crate::model::{Card, Stage};

    fn shop() -> Map {
        crate::templates::load("ecommerce").unwrap()
    }

    fn apply(map: &mut Map, command: Command) {
        command.apply(map).unwrap();
    }

    #[test]
    fn text_that_would_reorder_a_line_is_shown_as_escapes() {
        let mut new = shop();
        new.title = "Refund \u{202e}lanif\u{202c} policy".into();
        let text = diff(&shop(), &new).to_text();
        assert!(text.contains(r"Refund \u{202e}lanif\u{202c} policy"), "{text}");
        assert!(!text.contains('\u{202e}'));
        let listing = cli::listing(&new);
        assert!(listing.contains(r"\u{202e}") && !listing.contains('\u{202e}'), "{listing}");
    }

    #[test]
    fn equal_maps_have_no_changes() {
        assert!(diff(&shop(), &shop()).is_empty());
        assert_eq!(diff(&shop(), &shop()).to_text(), "");
    }

    #[test]
    fn every_kind_of_change_is_named_by_id_and_field() {
        let old = shop();
        let mut new = old.clone();
        new.title = "Shop v2".into();
        let mut checkout = new.card(&"c-checkout".into()).unwrap().clone();
        checkout.title = "One-page checkout".into();
        checkout.notes = "Tested in May".into();
        apply(&mut new, Command::ReplaceCard(checkout));
        apply(&mut new, Command::RemoveCard("c-confirm".into()));
        let card = Card::new("l-pain".into(), "s-advocacy".into(), "No review reminder");
        let added = card.id.to_string();
        apply(&mut new, Command::InsertCard { index: 0, card });
        apply(
            &mut new,
            Command::MoveCard {
                id: "c-sms".into(),
                lane: "l-pain".into(),
                stage: "s-retention".into(),
                index: 0,
            },
        );
        // Reordering inside a cell moves one card, not every card after it.
        apply(
            &mut new,
            Command::MoveCard {
                id: "c-phone".into(),
                lane: "l-touchpoints".into(),
                stage: "s-retention".into(),
                index: 0,
            },
        );
        apply(&mut new, Command::MoveStage { id: "s-advocacy".into(), index: 0 });
        apply(&mut new, Command::InsertStage { index: 9, stage: Stage::new("Loyalty") });

        let d = diff(&old, &new);
        let text = d.to_text();
        assert_eq!(
            d.map,
            vec![FieldChange { field: "title".into(), old: old.title.clone().into(), new: "Shop v2".into() }]
        );
        let find = |id: &str| {
            d.items.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("{id} missing in\n{text}"))
        };
        let changed = find("c-checkout");
        assert_eq!(changed.change, ChangeKind::Changed);
        let fields: Vec<&str> = changed.fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["notes", "title"]);
        assert_eq!(find("c-confirm").change, ChangeKind::Removed);
        assert_eq!(find(&added).change, ChangeKind::Added);
        assert_eq!(find("c-sms").moved.as_deref(), Some("Touchpoints · Retention → Pain points · Retention"));
        assert_eq!(find("c-phone").change, ChangeKind::Moved);
        assert!(
            d.items.iter().all(|c| c.id != "c-onboarding"),
            "a card is not moved because its neighbour was:\n{text}"
        );
        assert_eq!(find("s-advocacy").moved.as_deref(), Some("position 5 → 1"));
        assert_eq!(d.ids("stage", ChangeKind::Moved).len(), 1, "{text}");
        assert!(text.contains("~ card c-checkout \"One-page checkout\": notes: (none) → \"Tested in May\"; title: \"Checkout\" → \"One-page checkout\""), "{text}");
        assert!(text.contains("- card c-confirm \"Order confirmation email\""), "{text}");
    }
}
