//! Edit commands: every change to a map, as a value that can be applied and that returns its own
//! inverse when it is.

use crate::model::{
    Anchor, Card, CardId, Curve, CurveId, Lane, LaneId, Link, LinkId, Map, Meta, Persona, PersonaId, Point,
    PointId, Stage, StageId,
};

/// One change to a map. Applying a command returns the command that undoes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Boxed: the map's own words make it the largest command by far.
    SetMeta(Box<Meta>),

    InsertStage {
        index: usize,
        stage: Stage,
    },
    /// Also removes the stage's cards and the points anchored in it.
    RemoveStage(StageId),
    ReplaceStage(Stage),
    MoveStage {
        id: StageId,
        index: usize,
    },

    InsertLane {
        index: usize,
        lane: Lane,
    },
    /// Also removes the lane's cards.
    RemoveLane(LaneId),
    ReplaceLane(Lane),
    MoveLane {
        id: LaneId,
        index: usize,
    },

    /// Puts a card into its cell (`card.lane`, `card.stage`), `index` places from the top.
    InsertCard {
        index: usize,
        card: Card,
    },
    /// Also removes the card's links and the points anchored at it.
    RemoveCard(CardId),
    /// Changes a card's content; its cell stays (use `MoveCard` to move it).
    ReplaceCard(Card),
    MoveCard {
        id: CardId,
        lane: LaneId,
        stage: StageId,
        index: usize,
    },

    InsertPersona {
        index: usize,
        persona: Persona,
    },
    /// Also removes the persona's curves.
    RemovePersona(PersonaId),
    ReplacePersona(Persona),

    InsertCurve {
        index: usize,
        curve: Curve,
    },
    /// Also removes the curve's points.
    RemoveCurve(CurveId),
    ReplaceCurve(Curve),

    InsertPoint(Point),
    RemovePoint(PointId),
    ReplacePoint(Point),

    InsertLink {
        index: usize,
        link: Link,
    },
    RemoveLink(LinkId),
    ReplaceLink(Link),

    /// Several commands as one step, applied in order.
    Batch(Vec<Command>),
    /// The whole map at once: a reload from disk, a merge.
    ReplaceMap(Box<Map>),
}

/// Why a command could not be applied. The map is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{0} does not exist")]
    Missing(String),
    #[error("{0} already exists")]
    Duplicate(String),
}

trait Keyed {
    type Id: PartialEq + std::fmt::Display;
    const KIND: &'static str;
    fn key(&self) -> &Self::Id;
}

macro_rules! keyed {
    ($t:ty, $id:ty, $kind:literal) => {
        impl Keyed for $t {
            type Id = $id;
            const KIND: &'static str = $kind;
            fn key(&self) -> &$id {
                &self.id
            }
        }
    };
}
keyed!(Stage, StageId, "stage");
keyed!(Lane, LaneId, "lane");
keyed!(Card, CardId, "card");
keyed!(Persona, PersonaId, "persona");
keyed!(Curve, CurveId, "curve");
keyed!(Point, PointId, "point");
keyed!(Link, LinkId, "link");

fn missing<T: Keyed>(id: &T::Id) -> EditError {
    EditError::Missing(format!("{} {:?}", T::KIND, id.to_string()))
}

fn position<T: Keyed>(items: &[T], id: &T::Id) -> Result<usize, EditError> {
    items.iter().position(|x| x.key() == id).ok_or_else(|| missing::<T>(id))
}

fn insert<T: Keyed>(items: &mut Vec<T>, index: usize, item: T) -> Result<(), EditError> {
    if items.iter().any(|x| x.key() == item.key()) {
        return Err(EditError::Duplicate(format!("{} {:?}", T::KIND, item.key().to_string())));
    }
    items.insert(index.min(items.len()), item);
    Ok(())
}

fn remove<T: Keyed>(items: &mut Vec<T>, id: &T::Id) -> Result<(usize, T), EditError> {
    let at = position(items, id)?;
    Ok((at, items.remove(at)))
}

fn replace<T: Keyed>(items: &mut [T], item: T) -> Result<T, EditError> {
    let at = position(items, item.key())?;
    Ok(std::mem::replace(&mut items[at], item))
}

fn move_to<T: Keyed>(items: &mut Vec<T>, id: &T::Id, index: usize) -> Result<usize, EditError> {
    let from = position(items, id)?;
    let item = items.remove(from);
    items.insert(index.min(items.len()), item);
    Ok(from)
}

fn require<T: Keyed>(items: &[T], id: &T::Id) -> Result<(), EditError> {
    position(items, id).map(|_| ())
}

impl Command {
    /// Applies the command and returns its inverse. On error the map is unchanged.
    pub fn apply(self, map: &mut Map) -> Result<Command, EditError> {
        use Command as C;
        Ok(match self {
            C::SetMeta(meta) => {
                let old = map.meta();
                map.set_meta(*meta);
                C::SetMeta(Box::new(old))
            }

            C::InsertStage { index, stage } => {
                let id = stage.id.clone();
                insert(&mut map.stages, index, stage)?;
                map.normalize();
                C::RemoveStage(id)
            }
            C::RemoveStage(id) => {
                require(&map.stages, &id)?;
                let mut dependents: Vec<C> =
                    map.cards.iter().filter(|c| c.stage == id).map(|c| C::RemoveCard(c.id.clone())).collect();
                dependents.extend(
                    map.points
                        .iter()
                        .filter(|p| p.at == Anchor::Stage(id.clone()))
                        .map(|p| C::RemovePoint(p.id.clone())),
                );
                let undo_dependents = C::Batch(dependents).apply(map)?;
                let (index, stage) = remove(&mut map.stages, &id)?;
                C::Batch(vec![C::InsertStage { index, stage }, undo_dependents])
            }
            C::ReplaceStage(stage) => C::ReplaceStage(replace(&mut map.stages, stage)?),
            C::MoveStage { id, index } => {
                let from = move_to(&mut map.stages, &id, index)?;
                map.normalize();
                C::MoveStage { id, index: from }
            }

            C::InsertLane { index, lane } => {
                let id = lane.id.clone();
                insert(&mut map.lanes, index, lane)?;
                map.normalize();
                C::RemoveLane(id)
            }
            C::RemoveLane(id) => {
                require(&map.lanes, &id)?;
                let dependents =
                    map.cards.iter().filter(|c| c.lane == id).map(|c| C::RemoveCard(c.id.clone())).collect();
                let undo_dependents = C::Batch(dependents).apply(map)?;
                let (index, lane) = remove(&mut map.lanes, &id)?;
                C::Batch(vec![C::InsertLane { index, lane }, undo_dependents])
            }
            C::ReplaceLane(lane) => C::ReplaceLane(replace(&mut map.lanes, lane)?),
            C::MoveLane { id, index } => {
                let from = move_to(&mut map.lanes, &id, index)?;
                map.normalize();
                C::MoveLane { id, index: from }
            }

            C::InsertCard { index, card } => {
                require(&map.lanes, &card.lane)?;
                require(&map.stages, &card.stage)?;
                if map.card(&card.id).is_some() {
                    return Err(EditError::Duplicate(format!("card {:?}", card.id.as_str())));
                }
                let id = card.id.clone();
                map.insert_card(card, index);
                C::RemoveCard(id)
            }
            C::RemoveCard(id) => {
                require(&map.cards, &id)?;
                let mut dependents: Vec<C> = map
                    .links
                    .iter()
                    .filter(|l| l.from == id || l.to == id)
                    .map(|l| C::RemoveLink(l.id.clone()))
                    .collect();
                dependents.extend(
                    map.points
                        .iter()
                        .filter(|p| p.at == Anchor::Card(id.clone()))
                        .map(|p| C::RemovePoint(p.id.clone())),
                );
                let undo_dependents = C::Batch(dependents).apply(map)?;
                let (card, slot) = map.remove_card(&id).ok_or_else(|| missing::<Card>(&id))?;
                // Re-inserting the card first lets its links and points find it again.
                C::Batch(vec![C::InsertCard { index: slot.index, card }, undo_dependents])
            }
            C::ReplaceCard(mut card) => {
                let old = map.card(&card.id).ok_or_else(|| missing::<Card>(&card.id))?;
                card.lane = old.lane.clone();
                card.stage = old.stage.clone();
                card.flags.sort_unstable();
                card.flags.dedup();
                C::ReplaceCard(replace(&mut map.cards, card)?)
            }
            C::MoveCard { id, lane, stage, index } => {
                require(&map.lanes, &lane)?;
                require(&map.stages, &stage)?;
                let (mut card, slot) = map.remove_card(&id).ok_or_else(|| missing::<Card>(&id))?;
                card.lane = lane;
                card.stage = stage;
                map.insert_card(card, index);
                // Points anchored at the card follow it into its new stage.
                map.normalize();
                C::MoveCard { id, lane: slot.lane, stage: slot.stage, index: slot.index }
            }

            C::InsertPersona { index, persona } => {
                let id = persona.id.clone();
                insert(&mut map.personas, index, persona)?;
                C::RemovePersona(id)
            }
            C::RemovePersona(id) => {
                require(&map.personas, &id)?;
                let dependents = map
                    .curves
                    .iter()
                    .filter(|c| c.persona.as_ref() == Some(&id))
                    .map(|c| C::RemoveCurve(c.id.clone()))
                    .collect();
                let undo_dependents = C::Batch(dependents).apply(map)?;
                let (index, persona) = remove(&mut map.personas, &id)?;
                C::Batch(vec![C::InsertPersona { index, persona }, undo_dependents])
            }
            C::ReplacePersona(persona) => C::ReplacePersona(replace(&mut map.personas, persona)?),

            C::InsertCurve { index, curve } => {
                if let Some(persona) = &curve.persona {
                    require(&map.personas, persona)?;
                }
                let id = curve.id.clone();
                insert(&mut map.curves, index, curve)?;
                C::RemoveCurve(id)
            }
            C::RemoveCurve(id) => {
                require(&map.curves, &id)?;
                let dependents = map.curve_points(&id).map(|p| C::RemovePoint(p.id.clone())).collect();
                let undo_dependents = C::Batch(dependents).apply(map)?;
                let (index, curve) = remove(&mut map.curves, &id)?;
                C::Batch(vec![C::InsertCurve { index, curve }, undo_dependents])
            }
            C::ReplaceCurve(curve) => C::ReplaceCurve(replace(&mut map.curves, curve)?),

            C::InsertPoint(point) => {
                check_point(map, &point)?;
                let id = point.id.clone();
                insert(&mut map.points, usize::MAX, point)?;
                map.normalize();
                C::RemovePoint(id)
            }
            C::RemovePoint(id) => C::InsertPoint(remove(&mut map.points, &id)?.1),
            C::ReplacePoint(point) => {
                check_point(map, &point)?;
                let old = replace(&mut map.points, point)?;
                map.normalize();
                C::ReplacePoint(old)
            }

            C::InsertLink { index, link } => {
                require(&map.cards, &link.from)?;
                require(&map.cards, &link.to)?;
                let id = link.id.clone();
                insert(&mut map.links, index, link)?;
                C::RemoveLink(id)
            }
            C::RemoveLink(id) => {
                let (index, link) = remove(&mut map.links, &id)?;
                C::InsertLink { index, link }
            }
            C::ReplaceLink(link) => C::ReplaceLink(replace(&mut map.links, link)?),

            C::ReplaceMap(new) => C::ReplaceMap(Box::new(std::mem::replace(map, *new))),

            C::Batch(commands) => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(map) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Put back what this batch already changed.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(map);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                C::Batch(inverses)
            }
        })
    }
}

fn check_point(map: &Map, point: &Point) -> Result<(), EditError> {
    require(&map.curves, &point.curve)?;
    match &point.at {
        Anchor::Stage(s) => require(&map.stages, s),
        Anchor::Card(c) => require(&map.cards, c),
    }
}
