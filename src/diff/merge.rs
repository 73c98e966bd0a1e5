//! Three-way merge of maps by ids and fields, for git's merge driver and the editor's Merge.
//!
//! Each item is merged field by field against the common base: a field changed on one side only
//! takes that side's value; changed on both to different values it is a conflict, which keeps
//! ours and records theirs (in a card's notes, where the team will see it). Additions on both
//! sides are kept, deletions are applied unless the other side changed the item. The order of
//! each list (and so of the cards in each cell) follows the side that reordered it, with the
//! other side's new items placed after the item they followed there. The result is repaired until
//! it passes `check`: an item one side deleted while the other still uses it comes back.

use std::fmt::Write as _;

// Ids are hashed several times each: SipHash made hashing most of a large merge.
use foldhash::{HashMap, HashMapExt as _, HashSet, HashSetExt as _};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Fields, map_fields};
use crate::model::{Card, Curve, Lane, Link, Map, Persona, Point, Stage};

/// A field both sides changed differently, or an item one side changed and the other deleted,
/// or an item whose merged fields broke a rule of the map; `resolution` says what the merge did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: &'static str,
    pub id: String,
    pub field: String,
    pub ours: String,
    pub theirs: String,
    pub resolution: &'static str,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.id.is_empty() { "map".to_owned() } else { format!("{} {}", self.kind, self.id) };
        write!(
            f,
            "conflict: {what} {}: ours {}, theirs {} ({})",
            self.field, self.ours, self.theirs, self.resolution
        )
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
                resolution: "kept ours",
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
fn merge_order<'a>(
    base: &[&'a str],
    ours: &[&'a str],
    theirs: &[&'a str],
    keep: &HashMap<String, impl Sized>,
) -> Vec<String> {
    fn common<'a>(list: &[&'a str], other: &HashSet<&str>) -> Vec<&'a str> {
        list.iter().copied().filter(|id| other.contains(id)).collect()
    }
    let kept = |id: &str| keep.contains_key(id);
    let base_set: HashSet<&str> = base.iter().copied().collect();
    let theirs_set: HashSet<&str> = theirs.iter().copied().collect();
    let shared: HashSet<&str> =
        ours.iter().copied().filter(|id| theirs_set.contains(id) && base_set.contains(id)).collect();
    let base_common = common(base, &shared);
    let theirs_reordered = common(theirs, &shared) != base_common;
    let ours_reordered = common(ours, &shared) != base_common;
    let (lead, other) = if theirs_reordered && !ours_reordered { (theirs, ours) } else { (ours, theirs) };
    let order: Vec<&str> = lead.iter().copied().filter(|id| kept(id)).collect();
    let in_order: HashSet<&str> = order.iter().copied().collect();
    // Each item only the other side has goes after the nearest item before it (on its side) that
    // the lead side placed, in the other side's order; found in one pass, so a hundred thousand
    // new points merge in linear time.
    let mut after: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    let mut placed: HashSet<&str> = in_order.clone();
    for &id in other {
        if in_order.contains(id) {
            anchor = Some(id);
        } else if kept(id) && placed.insert(id) {
            after.entry(anchor).or_default().push(id);
        }
    }
    let mut merged: Vec<String> = Vec::with_capacity(keep.len());
    merged.extend(after.remove(&None).unwrap_or_default().into_iter().map(str::to_owned));
    for id in order {
        merged.push(id.to_owned());
        if let Some(followers) = after.remove(&Some(id)) {
            merged.extend(followers.into_iter().map(str::to_owned));
        }
    }
    if merged.len() < keep.len() {
        let placed: HashSet<&str> = merged.iter().map(String::as_str).collect();
        let mut rest: Vec<String> = keep.keys().filter(|id| !placed.contains(id.as_str())).cloned().collect();
        // Items that only base knew and that came back in a repair go at the end, in a fixed order.
        rest.sort_unstable();
        merged.extend(rest);
    }
    merged
}

/// An item of a map as a merge takes it: typed and compared whole, taken apart into its fields
/// only when both sides changed it (most items are changed on one side or none, and a merge of a
/// hundred thousand of them stays linear and light).
trait Item: Clone + PartialEq + Serialize + DeserializeOwned {
    const KIND: &'static str;
    fn key(&self) -> &str;
}

macro_rules! item {
    ($type:ty, $kind:literal) => {
        impl Item for $type {
            const KIND: &'static str = $kind;
            fn key(&self) -> &str {
                self.id.as_str()
            }
        }
    };
}
item!(Persona, "persona");
item!(Stage, "stage");
item!(Lane, "lane");
item!(Card, "card");
item!(Curve, "curve");
item!(Point, "point");
item!(Link, "link");

/// One kind of item on its way through a merge: the versions of each side by id, and the
/// merged items with their order.
struct List<'m, T> {
    /// Ours, theirs and base, by id.
    sides: [HashMap<&'m str, &'m T>; 3],
    order: Vec<String>,
    items: HashMap<String, T>,
}

const OURS: usize = 0;
const THEIRS: usize = 1;
const BASE: usize = 2;

impl<'m, T: Item> List<'m, T> {
    /// Merges one kind of item.
    fn merge(base: &'m [T], ours: &'m [T], theirs: &'m [T], conflicts: &mut Vec<Conflict>) -> Self {
        let by_id = |list: &'m [T]| list.iter().map(|item| (item.key(), item)).collect::<HashMap<_, _>>();
        let sides = [by_id(ours), by_id(theirs), by_id(base)];
        let [o_side, t_side, b_side] = &sides;
        let mut items: HashMap<String, T> = HashMap::with_capacity(ours.len().max(theirs.len()));
        let ids: HashSet<&str> = b_side.keys().chain(o_side.keys()).chain(t_side.keys()).copied().collect();
        for id in ids {
            let (b, o, t) = (b_side.get(id).copied(), o_side.get(id).copied(), t_side.get(id).copied());
            let result = match (o, t) {
                // Most items changed on one side or none: taken whole, no field by field.
                (Some(o), Some(t)) if o == t || Some(t) == b => Some(o.clone()),
                (Some(o), Some(t)) if Some(o) == b => Some(t.clone()),
                (Some(o), Some(t)) => Some(merge_item(id, b, o, t, conflicts)),
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
                            kind: T::KIND,
                            id: id.to_owned(),
                            field: "(item)".into(),
                            ours: ours_side.into(),
                            theirs: theirs_side.into(),
                            resolution: "kept the changed item",
                        });
                        Some(kept.clone())
                    }
                }
                (None, None) => None,
            };
            if let Some(item) = result {
                items.insert(id.to_owned(), item);
            }
        }
        let order_of = |list: &'m [T]| list.iter().map(Item::key).collect::<Vec<_>>();
        let order = merge_order(&order_of(base), &order_of(ours), &order_of(theirs), &items);
        Self { sides, order, items }
    }

    /// The merged items in their order.
    fn ordered(&mut self) -> Vec<T> {
        self.order.iter().filter_map(|id| self.items.remove(id)).collect()
    }

    /// Takes the items back from the map a round made of them.
    fn refill(&mut self, from: Vec<T>) {
        self.order = from.iter().map(|i| i.key().to_owned()).collect();
        self.items = from.into_iter().map(|i| (i.key().to_owned(), i)).collect();
    }
}

/// An item both sides changed, field by field against base; a field whose merge does not read
/// back as an item keeps ours whole.
fn merge_item<T: Item>(id: &str, base: Option<&T>, ours: &T, theirs: &T, conflicts: &mut Vec<Conflict>) -> T {
    let base = base.map(super::fields_of);
    let fields = merge_fields(
        T::KIND,
        id,
        base.as_ref(),
        &super::fields_of(ours),
        &super::fields_of(theirs),
        conflicts,
    );
    serde_json::from_value(Value::Object(fields)).unwrap_or_else(|_| ours.clone())
}

/// What a round of repairs asks of one kind of item, whatever its type.
trait Repair {
    fn has(&self, id: &str) -> bool;
    /// Puts the first side's version of `id` back (ours, theirs, base); false when none has it.
    fn bring_back(&mut self, id: &str) -> bool;
    /// Steps `id` to its next version after `attempt` tries: the conflict's resolution and
    /// each side's changes, for a person.
    fn step(&mut self, id: &str, attempt: usize) -> (&'static str, String, String);
}

impl<T: Item> Repair for List<'_, T> {
    fn has(&self, id: &str) -> bool {
        self.items.contains_key(id)
    }

    fn bring_back(&mut self, id: &str) -> bool {
        let Some(item) = self.sides.iter().find_map(|side| side.get(id).copied()) else { return false };
        self.items.insert(id.to_owned(), item.clone());
        self.order.push(id.to_owned());
        true
    }

    fn step(&mut self, id: &str, attempt: usize) -> (&'static str, String, String) {
        let version = |side: usize| self.sides[side].get(id).copied();
        let versions =
            [(version(OURS), "kept ours"), (version(THEIRS), "kept theirs"), (version(BASE), "kept base")];
        let current = self.items.get(id);
        let next = versions.iter().skip(attempt).find(|(v, _)| v.is_some() && *v != current);
        let resolution = match next {
            Some((Some(item), resolution)) => {
                self.items.insert(id.to_owned(), (*item).clone());
                if !self.order.iter().any(|x| x == id) {
                    self.order.push(id.to_owned());
                }
                *resolution
            }
            _ => {
                self.items.remove(id);
                self.order.retain(|x| x != id);
                LEFT_OUT
            }
        };
        let fields = |side: usize| version(side).map(super::fields_of);
        let base = fields(BASE);
        (
            resolution,
            shown_changes(base.as_ref(), fields(OURS).as_ref()),
            shown_changes(base.as_ref(), fields(THEIRS).as_ref()),
        )
    }
}

/// Every kind of item of a merge, in [`super::KINDS`] order.
struct Lists<'m> {
    personas: List<'m, Persona>,
    stages: List<'m, Stage>,
    lanes: List<'m, Lane>,
    cards: List<'m, Card>,
    curves: List<'m, Curve>,
    points: List<'m, Point>,
    links: List<'m, Link>,
}

impl<'m> Lists<'m> {
    fn merge(base: &'m Map, ours: &'m Map, theirs: &'m Map, conflicts: &mut Vec<Conflict>) -> Self {
        Self {
            personas: List::merge(&base.personas, &ours.personas, &theirs.personas, conflicts),
            stages: List::merge(&base.stages, &ours.stages, &theirs.stages, conflicts),
            lanes: List::merge(&base.lanes, &ours.lanes, &theirs.lanes, conflicts),
            cards: List::merge(&base.cards, &ours.cards, &theirs.cards, conflicts),
            curves: List::merge(&base.curves, &ours.curves, &theirs.curves, conflicts),
            points: List::merge(&base.points, &ours.points, &theirs.points, conflicts),
            links: List::merge(&base.links, &ours.links, &theirs.links, conflicts),
        }
    }

    /// How many items were merged.
    fn count(&self) -> usize {
        self.personas.items.len()
            + self.stages.items.len()
            + self.lanes.items.len()
            + self.cards.items.len()
            + self.curves.items.len()
            + self.points.items.len()
            + self.links.items.len()
    }

    /// The kind at `index` into [`super::KINDS`].
    fn kind(&mut self, index: usize) -> Option<&mut dyn Repair> {
        Some(match index {
            0 => &mut self.personas,
            1 => &mut self.stages,
            2 => &mut self.lanes,
            3 => &mut self.cards,
            4 => &mut self.curves,
            5 => &mut self.points,
            6 => &mut self.links,
            _ => return None,
        })
    }

    /// A map of the merged items, with `meta` as its own fields.
    fn assemble(&mut self, meta: &Map) -> Map {
        Map {
            personas: self.personas.ordered(),
            stages: self.stages.ordered(),
            lanes: self.lanes.ordered(),
            cards: self.cards.ordered(),
            curves: self.curves.ordered(),
            points: self.points.ordered(),
            links: self.links.ordered(),
            ..meta.clone()
        }
    }

    /// Takes the items back from a map made of them (and repaired since).
    fn refill(&mut self, map: Map) {
        self.personas.refill(map.personas);
        self.stages.refill(map.stages);
        self.lanes.refill(map.lanes);
        self.cards.refill(map.cards);
        self.curves.refill(map.curves);
        self.points.refill(map.points);
        self.links.refill(map.links);
    }
}

/// The map's own fields as a map with no items, or why they do not make one.
fn meta_map(meta: &Fields) -> Result<Map, String> {
    let mut object = super::grouped_map_fields(meta);
    for name in super::LISTS {
        object.insert(name.to_owned(), Value::Array(Vec::new()));
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| e.to_string())
}

/// Merges `ours` and `theirs`, both descended from `base`.
///
/// The result always passes `check`, and whatever the merge could not combine is a conflict:
/// an item whose merged fields break a rule (a link from a card to itself, made of ours' `from`
/// and theirs' `to`) takes ours' version, or theirs', or base's, whichever fits, and only when
/// none does is it left out, each step named.
pub fn merge(base: &Map, ours: &Map, theirs: &Map) -> Merged {
    let mut conflicts = Vec::new();
    let (base_meta, ours_meta, theirs_meta) = (map_fields(base), map_fields(ours), map_fields(theirs));
    let mut meta = merge_fields("map", "", Some(&base_meta), &ours_meta, &theirs_meta, &mut conflicts);
    let mut lists = Lists::merge(base, ours, theirs, &mut conflicts);
    // Versions of an item already tried after its merged fields broke a rule: ours, theirs, base.
    let mut tried: HashMap<(usize, String), usize> = HashMap::new();
    let mut meta_tried = 0;
    // Items that fit the map in none of their versions: they stay out.
    let mut left_out: HashSet<(usize, String)> = HashSet::new();
    // Each round either finishes, brings back a missing item or steps one broken item to its next
    // version; there are finitely many of each, and the bound is a safety net.
    let rounds = 8 + 4 * lists.count().min(1 << 16);
    // Points dropped for sitting where another point of their curve sits, over all rounds.
    let mut doubled = Vec::new();
    for _ in 0..rounds {
        let own = match meta_map(&meta) {
            Ok(own) => own,
            Err(e) => {
                conflicts.push(unmergeable(&e));
                return Merged { map: ours.clone(), conflicts };
            }
        };
        let mut map = lists.assemble(&own);
        // Bring back what one side deleted and the other still uses. What is used but nowhere
        // to be found leaves its user broken, which validation below names and repairs.
        let missing = missing_references(&map);
        let mut brought_back = false;
        if !missing.is_empty() {
            lists.refill(std::mem::replace(&mut map, Map::blank(String::new())));
            for (kind_index, id) in missing {
                let Some(list) = lists.kind(kind_index) else { continue };
                if list.has(&id) || left_out.contains(&(kind_index, id.clone())) || !list.bring_back(&id) {
                    continue;
                }
                brought_back = true;
                conflicts.push(Conflict {
                    kind: super::KINDS[kind_index],
                    id,
                    field: "(item)".into(),
                    ours: "used".into(),
                    theirs: "deleted".into(),
                    resolution: "brought it back",
                });
            }
            if brought_back {
                continue;
            }
            map = lists.assemble(&own);
        }
        // Values the merged scale no longer holds (one side narrowed it, the other added points).
        let scale = map.scale;
        for point in &mut map.points {
            point.value = scale.clamp(point.value);
        }
        drop_double_points(&mut map, ours, &mut doubled);
        map.normalize();
        let problems = map.validate();
        if problems.is_empty() {
            conflicts.extend(doubled);
            record_in_notes(&mut map, &conflicts);
            return Merged { map, conflicts };
        }
        lists.refill(map);
        let mut repaired = HashSet::new();
        for problem in problems {
            if !repaired.insert((problem.kind.clone(), problem.id.clone())) {
                continue;
            }
            match super::KINDS.iter().position(|k| *k == problem.kind) {
                Some(kind_index) => {
                    let attempt = tried.entry((kind_index, problem.id.clone())).or_insert(0);
                    let Some(list) = lists.kind(kind_index) else { continue };
                    let (resolution, ours_did, theirs_did) = list.step(&problem.id, *attempt);
                    *attempt += 1;
                    if resolution == LEFT_OUT {
                        left_out.insert((kind_index, problem.id.clone()));
                    }
                    conflicts.push(Conflict {
                        kind: super::KINDS[kind_index],
                        id: problem.id.clone(),
                        field: "(item)".into(),
                        ours: ours_did,
                        theirs: format!("{theirs_did}; merged: {}", problem.message),
                        resolution,
                    });
                }
                None => {
                    // The map's own fields broke a rule (a scale running from high to low):
                    // ours, then theirs, then base.
                    let choices = [&ours_meta, &theirs_meta, &base_meta];
                    let Some(choice) = choices.get(meta_tried) else { continue };
                    meta.clone_from(choice);
                    conflicts.push(Conflict {
                        kind: "map",
                        id: String::new(),
                        field: "(fields)".into(),
                        ours: shown_changes(Some(&base_meta), Some(&ours_meta)),
                        theirs: shown_changes(Some(&base_meta), Some(&theirs_meta)),
                        resolution: ["kept ours: together they break a rule", "kept theirs", "kept base"]
                            [meta_tried],
                    });
                    meta_tried += 1;
                }
            }
        }
    }
    // Whatever could not be repaired: ours as it was, and a conflict saying so.
    conflicts.push(unmergeable("no repair made it pass check"));
    Merged { map: ours.clone(), conflicts }
}

const LEFT_OUT: &str = "left it out: no version of it fits the merged map";

/// The conflict of a merge that could not be made at all: ours stays whole.
fn unmergeable(why: &str) -> Conflict {
    Conflict {
        kind: "map",
        id: String::new(),
        field: "(merge)".into(),
        ours: "kept".into(),
        theirs: format!("could not be combined: {why}"),
        resolution: "kept ours whole; add theirs' changes by hand",
    }
}

/// What one side did to an item, for a person: the fields it changed from base.
fn shown_changes(base: Option<&Fields>, side: Option<&Fields>) -> String {
    match (base, side) {
        (_, None) => "deleted".to_owned(),
        (None, Some(_)) => "added".to_owned(),
        (Some(b), Some(s)) => {
            let changed = super::changed_fields(b, s, &[]);
            if changed.is_empty() {
                "unchanged".to_owned()
            } else {
                changed
                    .iter()
                    .map(|c| format!("{} {}", c.field, shown(Some(&c.new))))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    }
}

/// Ids that items of the map refer to but that are not in it, by kind (index into `KINDS`).
fn missing_references(map: &Map) -> Vec<(usize, String)> {
    fn ids<'a>(items: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        items.collect()
    }
    let index = |kind: &str| super::KINDS.iter().position(|k| *k == kind).unwrap_or(0);
    let personas = ids(map.personas.iter().map(|p| p.id.as_str()));
    let stages = ids(map.stages.iter().map(|s| s.id.as_str()));
    let lanes = ids(map.lanes.iter().map(|l| l.id.as_str()));
    let cards = ids(map.cards.iter().map(|c| c.id.as_str()));
    let curves = ids(map.curves.iter().map(|c| c.id.as_str()));
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    let mut missing: Vec<(usize, String)> = Vec::new();
    let mut need = |kind: &str, id: &str, present: &HashSet<&str>| {
        if !present.contains(id) && seen.insert((index(kind), id.to_owned())) {
            missing.push((index(kind), id.to_owned()));
        }
    };
    for card in &map.cards {
        need("lane", card.lane.as_str(), &lanes);
        need("stage", card.stage.as_str(), &stages);
    }
    for curve in &map.curves {
        if let Some(p) = &curve.persona {
            need("persona", p.as_str(), &personas);
        }
    }
    for point in &map.points {
        need("curve", point.curve.as_str(), &curves);
        match &point.at {
            crate::model::Anchor::Stage(s) => need("stage", s.as_str(), &stages),
            crate::model::Anchor::Card(c) => need("card", c.as_str(), &cards),
        }
    }
    for link in &map.links {
        need("card", link.from.as_str(), &cards);
        need("card", link.to.as_str(), &cards);
    }
    missing
}

/// A curve holds one point per stage or card: when both sides put one at the same place, ours
/// stays.
fn drop_double_points(map: &mut Map, ours: &Map, conflicts: &mut Vec<Conflict>) {
    let mut points = std::mem::take(&mut map.points);
    // Ours first, so they are the ones kept.
    let in_ours: HashSet<&crate::model::PointId> = ours.points.iter().map(|p| &p.id).collect();
    points.sort_by_cached_key(|p| !in_ours.contains(&p.id));
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
                resolution: "kept ours",
            });
        }
    }
}

/// Theirs side of every card field conflict, written into the card's notes.
fn record_in_notes(map: &mut Map, conflicts: &[Conflict]) {
    let index: HashMap<String, usize> =
        map.cards.iter().enumerate().map(|(i, c)| (c.id.0.clone(), i)).collect();
    for conflict in conflicts.iter().filter(|c| c.kind == "card" && c.field != "(item)" && c.field != "notes")
    {
        if let Some(card) = index.get(&conflict.id).and_then(|&i| map.cards.get_mut(i)) {
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

    #[test]
    fn the_maps_words_survive_a_merge_and_show_in_diff_and_show() {
        let base = crate::templates::load("customer-care-th").unwrap();
        assert!(!base.words.is_empty());
        let merged = merge(&base, &base, &base);
        assert_eq!(merged.conflicts, vec![]);
        assert_eq!(merged.map, base, "merging a map with itself gives the map");

        // One side renames a level of the scale, the other a line of the blueprint: both stay.
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.words.neutral = "เฉย ๆ".into();
        theirs.words.line_of_visibility = "เส้นที่ลูกค้ามองเห็น".into();
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, vec![]);
        assert_eq!(merged.map.words.neutral, "เฉย ๆ");
        assert_eq!(merged.map.words.line_of_visibility, "เส้นที่ลูกค้ามองเห็น");

        let text = super::super::diff(&base, &ours).to_text();
        assert!(text.contains("~ map words.neutral:"), "{text}");
        assert!(super::super::cli::listing(&base).contains("map words.neutral: "));
    }

    /// Built without `..`, so a field added to the map does not compile until it is set here,
    /// away from its default; the test then holds it to diff, show and merge.
    fn every_map_field_set() -> Map {
        use crate::model::{CurveGaps, JourneyState, Scale, Words};
        let shop = shop();
        Map {
            title: "Every field".into(),
            scenario: "A scenario".into(),
            author: "A team".into(),
            state: JourneyState::FutureState,
            scale: Scale { min: -3, max: 3 },
            curve_gaps: CurveGaps::Break,
            direction: crate::model::MapDirection::RightToLeft,
            words: Words { neutral: "Netral".into(), flag_exit: "Keluar".into(), ..Words::default() },
            counterpart: Some("future.ron".into()),
            allow: vec!["stale".into()],
            personas: shop.personas,
            stages: shop.stages,
            lanes: shop.lanes,
            cards: shop.cards,
            curves: shop.curves,
            points: shop.points,
            links: shop.links,
        }
    }

    #[test]
    fn every_field_of_the_map_takes_part_in_diff_show_and_merge() {
        let full = every_map_field_set();
        let mut plain = full.clone();
        plain.title = "Plain".into();
        plain.scenario.clear();
        plain.author.clear();
        plain.state = crate::model::JourneyState::default();
        plain.scale = crate::model::Scale::default();
        plain.curve_gaps = crate::model::CurveGaps::default();
        plain.direction = crate::model::MapDirection::default();
        plain.words = crate::model::Words::default();
        plain.counterpart = None;
        plain.allow.clear();

        let Ok(Value::Object(saved)) = serde_json::to_value(&full) else { panic!("a map saves as fields") };
        let own: Vec<&String> = saved.keys().filter(|k| !super::super::LISTS.contains(&k.as_str())).collect();
        assert!(own.len() >= 7, "{own:?}");
        let diffed = super::super::diff(&plain, &full);
        let listing = super::super::cli::listing(&full);
        for key in own {
            let ours_key = |field: &str| field == key || field.starts_with(&format!("{key}."));
            assert!(diffed.map.iter().any(|c| ours_key(&c.field)), "diff misses the map's {key}");
            assert!(listing.contains(&format!("map {key}")), "show misses the map's {key}:\n{listing}");
        }
        // Either side's change to every field comes through, and so does base's absence of one.
        assert_eq!(merge(&plain, &full, &plain).map, full);
        assert_eq!(merge(&plain, &plain, &full).map, full);
        assert_eq!(merge(&full, &full, &plain).map, plain);
    }

    #[test]
    fn a_merge_whose_combination_breaks_a_rule_keeps_both_sides_work_and_says_so() {
        let base = with(
            &shop(),
            vec![Command::InsertLink {
                index: 0,
                link: crate::model::Link {
                    id: "k1".into(),
                    from: "c-checkout".into(),
                    to: "c-confirm".into(),
                    direction: crate::model::LinkDirection::OneWay,
                    label: String::new(),
                },
            }],
        );
        let link = |from: &str, to: &str| {
            let mut link = base.links.iter().find(|l| l.id.as_str() == "k1").unwrap().clone();
            link.from = from.into();
            link.to = to.into();
            Command::ReplaceLink(link)
        };
        let ours_card = Card::new("l-pain".into(), "s-purchase".into(), "Shipping cost shown late");
        let theirs_card = Card::new("l-pain".into(), "s-retention".into(), "No tracking link");
        let ours = with(
            &base,
            vec![link("c-checkout", "c-sms"), Command::InsertCard { index: 0, card: ours_card.clone() }],
        );
        let theirs = with(
            &base,
            vec![
                link("c-sms", "c-confirm"),
                Command::InsertCard { index: 0, card: theirs_card.clone() },
                retitle(&base, "c-checkout", "One-page checkout"),
            ],
        );
        let merged = merge(&base, &ours, &theirs);
        let map = &merged.map;
        assert_eq!(map.validate(), vec![]);
        assert!(map.card(&ours_card.id).is_some(), "ours' card is kept");
        assert!(map.card(&theirs_card.id).is_some(), "theirs' card is kept");
        assert_eq!(
            map.card(&"c-checkout".into()).unwrap().title,
            "One-page checkout",
            "theirs' rename is kept"
        );
        let k1 = map.links.iter().find(|l| l.id.as_str() == "k1").unwrap();
        assert_ne!(k1.from, k1.to);
        let named: Vec<String> = merged.conflicts.iter().map(ToString::to_string).collect();
        assert!(
            named.iter().any(|c| c.contains("link k1") && c.contains("links a card to itself")),
            "{named:#?}"
        );
    }

    /// One edit on a branch: the editor's commands, and changes to the map's own fields, stage
    /// names and link ends that the commands alone rarely make.
    fn branch_edit(map: &mut Map, op: u8, pick: usize) {
        let command = match op % 16 {
            12 => {
                let mut words = map.words.clone();
                match pick % 3 {
                    0 => words.neutral = format!("netral {pick}"),
                    1 => words.line_of_visibility = format!("garis {pick}"),
                    _ => words.flag_exit.clear(),
                }
                map.words = words;
                return;
            }
            13 => {
                map.title = format!("Title {pick}");
                return;
            }
            14 if !map.stages.is_empty() => {
                let mut stage = map.stages[pick % map.stages.len()].clone();
                stage.name = format!("Stage named {pick}");
                Some(Command::ReplaceStage(stage))
            }
            15 if !map.links.is_empty() && map.cards.len() > 1 => {
                let mut link = map.links[pick % map.links.len()].clone();
                let to = &map.cards[(pick / 7) % map.cards.len()].id;
                if *to == link.from {
                    return;
                }
                link.to = to.clone();
                Some(Command::ReplaceLink(link))
            }
            op => crate::edit::tests::command_for(map, op, pick),
        };
        if let Some(command) = command {
            command.apply(map).unwrap();
        }
    }

    /// Every item and field that only one side changed is in the merge, unless a conflict names
    /// the item.
    fn one_sided_changes_kept(base: &Map, ours: &Map, theirs: &Map, merged: &Merged) -> Result<(), String> {
        let named: HashSet<(&str, &str)> = merged.conflicts.iter().map(|c| (c.kind, c.id.as_str())).collect();
        let compare = |kind: &str,
                       id: &str,
                       b: Option<&Fields>,
                       o: Option<&Fields>,
                       t: Option<&Fields>,
                       m: Option<&Fields>| {
            if named.contains(&(kind, id)) {
                return Ok(());
            }
            let empty = Fields::new();
            for (side, other) in [(o, t), (t, o)] {
                if side == b {
                    continue;
                }
                let Some(side) = side else {
                    // Deleted on this side, untouched on the other: gone.
                    return if other == b && m.is_some() {
                        Err(format!("{kind} {id} deleted on one side came back"))
                    } else {
                        Ok(())
                    };
                };
                let Some(m) = m else { return Err(format!("{kind} {id} changed on one side was dropped")) };
                let (b, other) = (b.unwrap_or(&empty), other.unwrap_or(&empty));
                for (key, value) in side {
                    if b.get(key) != Some(value) && other.get(key) == b.get(key) && m.get(key) != Some(value)
                    {
                        return Err(format!("{kind} {id} lost {key}: {value} became {:?}", m.get(key)));
                    }
                }
            }
            Ok(())
        };
        let meta = [base, ours, theirs, &merged.map].map(map_fields);
        compare("map", "", Some(&meta[0]), Some(&meta[1]), Some(&meta[2]), Some(&meta[3]))?;
        let lists = [base, ours, theirs, &merged.map].map(super::super::all_items);
        for k in 0..lists[0].len() {
            let kind = lists[0][k].kind;
            let ids: HashSet<&String> = lists.iter().flat_map(|l| l[k].fields.keys()).collect();
            for id in ids {
                let [b, o, t, m] = [0, 1, 2, 3].map(|i| lists[i][k].fields.get(id));
                compare(kind, id, b, o, t, m)?;
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(crate::proptest_config(200))]

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

        /// Two branches of a template or a generated map, each edited at random: the merge
        /// passes `check` and keeps what only one side changed, or names what it could not keep.
        /// (A longer run: `PROPTEST_CASES=20000 cargo test --lib one_sided`.)
        #[test]
        fn a_merge_keeps_one_sided_changes_or_names_a_conflict(
            which in 0..(crate::templates::ALL.len() + 1),
            ours_ops in prop::collection::vec((any::<u8>(), any::<usize>()), 0..16),
            theirs_ops in prop::collection::vec((any::<u8>(), any::<usize>()), 0..16),
        ) {
            let base = match crate::templates::ALL.get(which) {
                Some(template) => template.map().unwrap(),
                None => crate::generate::map(crate::generate::Size { stages: 6, lanes: 5, cards: 60, seed: 7 }),
            };
            let edit = |ops: &[(u8, usize)]| {
                let mut map = base.clone();
                for &(op, pick) in ops {
                    branch_edit(&mut map, op, pick);
                }
                map
            };
            let (ours, theirs) = (edit(&ours_ops), edit(&theirs_ops));
            let merged = merge(&base, &ours, &theirs);
            prop_assert_eq!(merged.map.validate(), vec![]);
            if let Err(lost) = one_sided_changes_kept(&base, &ours, &theirs, &merged) {
                prop_assert!(false, "{}\nconflicts: {:#?}", lost, merged.conflicts);
            }
        }
    }
}
