//! Synthetic maps of any size, for benchmarks and stress tests. Deterministic: the same sizes
//! and seed give the same map.

use crate::model::{
    Anchor, Card, CardId, Channel, Curve, CurveId, Evidence, Flag, Lane, LaneId, LaneKind, Link,
    LinkDirection, LinkId, Map, Persona, PersonaId, Point, PointId, Stage, StageId,
};

/// How big a map to make.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    pub seed: u64,
}

impl Default for Size {
    fn default() -> Self {
        Self { stages: 24, lanes: 12, cards: 1000, seed: 1 }
    }
}

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const WORDS: &[&str] = &[
    "customer",
    "checks",
    "pricing",
    "page",
    "support",
    "team",
    "calls",
    "back",
    "waits",
    "for",
    "delivery",
    "update",
    "compares",
    "plans",
    "reads",
    "reviews",
    "asks",
    "about",
    "refund",
    "signs",
    "up",
    "trial",
    "invites",
    "colleagues",
    "onboarding",
    "email",
    "confusing",
    "form",
    "payment",
    "fails",
    "agent",
    "resolves",
    "ticket",
    "quickly",
    "renewal",
    "reminder",
    "arrives",
    "late",
    "mobile",
    "app",
    "crashes",
    "during",
    "checkout",
    "shares",
    "feedback",
    "survey",
];

const LANE_KINDS: [LaneKind; 11] = [
    LaneKind::Actions,
    LaneKind::Touchpoints,
    LaneKind::Emotions,
    LaneKind::Thoughts,
    LaneKind::PainPoints,
    LaneKind::Opportunities,
    LaneKind::Channels,
    LaneKind::Frontstage,
    LaneKind::Backstage,
    LaneKind::SupportProcesses,
    LaneKind::Metrics,
];

fn sentence(rng: &mut Rng, min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    let mut words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let first = words[0];
    let capitalised = first[..1].to_uppercase() + &first[1..];
    words[0] = &capitalised;
    words.join(" ")
}

/// Makes a map of the given size.
pub fn map(size: Size) -> Map {
    let mut rng = Rng(size.seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let mut map = Map::blank(format!("Generated journey: {} stages, {} cards", size.stages, size.cards));
    map.scenario = sentence(&mut rng, 12, 24);
    map.stages = (0..size.stages.max(1))
        .map(|i| Stage {
            id: StageId(format!("s{i}")),
            name: format!("Stage {} {}", i + 1, WORDS[rng.below(WORDS.len())]),
            goal: sentence(&mut rng, 5, 10),
            colour: None,
            width: 1.0,
            opens: None,
        })
        .collect();
    map.lanes = (0..size.lanes.max(1))
        .map(|i| {
            let kind = LANE_KINDS[i % LANE_KINDS.len()];
            Lane { id: LaneId(format!("l{i}")), title: kind.label().to_owned(), ..Lane::new(kind) }
        })
        .collect();
    let card_lanes: Vec<usize> =
        (0..map.lanes.len()).filter(|&i| map.lanes[i].kind != LaneKind::Emotions).collect();
    let card_lanes = if card_lanes.is_empty() { vec![0] } else { card_lanes };
    for i in 0..size.cards {
        let lane = &map.lanes[card_lanes[rng.below(card_lanes.len())]];
        let stage = &map.stages[rng.below(map.stages.len())];
        let mut card = Card::new(lane.id.clone(), stage.id.clone(), sentence(&mut rng, 3, 14));
        card.id = CardId(format!("c{i}"));
        if rng.chance(30) {
            card.notes = sentence(&mut rng, 10, 40);
        }
        if rng.chance(40) {
            card.channel = Some(Channel::KNOWN[rng.below(Channel::KNOWN.len())].clone());
        }
        if rng.chance(15) {
            card.metrics.nps = Some((rng.below(200) as f32) - 100.0);
        }
        if rng.chance(10) {
            card.metrics.ces = Some(1.0 + rng.below(60) as f32 / 10.0);
        }
        if rng.chance(8) {
            card.set_flag(Flag::ALL[rng.below(Flag::ALL.len())], true);
        }
        if rng.chance(50) {
            card.evidence = Some(Evidence::ALL[rng.below(3)]);
        }
        map.insert_card(card, usize::MAX);
    }
    for p in 0..2 {
        let persona =
            Persona { id: PersonaId(format!("p{p}")), ..Persona::new(format!("Persona {}", p + 1)) };
        let curve = Curve {
            id: CurveId(format!("e{p}")),
            ..Curve::new(persona.name.clone(), Some(persona.id.clone()))
        };
        for (s, stage) in map.stages.iter().enumerate() {
            let value = ((s as f32 * 0.7 + p as f32).sin() * 2.0 * 4.0).round() / 4.0;
            let mut point = Point::new(curve.id.clone(), Anchor::Stage(stage.id.clone()), value);
            point.id = PointId(format!("pt{p}-{s}"));
            if rng.chance(30) {
                point.label = sentence(&mut rng, 1, 3);
            }
            map.points.push(point);
        }
        map.personas.push(persona);
        map.curves.push(curve);
    }
    if map.cards.len() > 1 {
        for i in 0..size.cards / 20 {
            let link = random_link(&mut rng, &map, format!("k{i}"));
            map.links.push(link);
        }
    }
    map.normalize();
    map
}

/// A link between two different cards of `map` (it has at least two), one way or two.
fn random_link(rng: &mut Rng, map: &Map, id: String) -> Link {
    let from = rng.below(map.cards.len());
    let mut to = rng.below(map.cards.len());
    if to == from {
        to = (to + 1) % map.cards.len();
    }
    Link {
        id: LinkId(id),
        from: map.cards[from].id.clone(),
        to: map.cards[to].id.clone(),
        direction: if rng.chance(20) { LinkDirection::TwoWay } else { LinkDirection::OneWay },
        label: String::new(),
    }
}

/// Adds `count` more links between cards picked at random (with `seed`), one way or two.
pub fn add_links(map: &mut Map, count: usize, seed: u64) {
    let mut rng = Rng(seed.max(1));
    if map.cards.len() < 2 {
        return;
    }
    for i in 0..count {
        let mut link = random_link(&mut rng, map, format!("kx{seed}-{i}"));
        if rng.chance(10) {
            link.label = format!("step {i}");
        }
        map.links.push(link);
    }
}

/// The owners a generated folder's cards name.
const OWNERS: [&str; 5] = ["Product", "Support", "Operations", "Marketing", "E-commerce team"];

/// Writes a team's folder of `maps` generated maps of `cards` cards each under `root`, the way
/// a team keeps them: one folder per product with its current-state map, its future-state map
/// (each the other's counterpart) and detail maps in a subfolder that the current map's first
/// stages open. Owners, votes and reported shares are spread over the cards, and one broken file
/// and one `.ron` file that is not a map lie at the top. Returns the maps written, in order.
pub fn folder(
    root: &std::path::Path,
    maps: usize,
    cards: usize,
    seed: u64,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    use crate::model::JourneyState;
    let mut written = Vec::with_capacity(maps);
    for i in 0..maps {
        let (product, role) = (i / 4, i % 4);
        let dir = root.join(format!("product-{product:03}"));
        let (name, state, title) = match role {
            0 => ("current.ron", JourneyState::CurrentState, "current state"),
            1 => ("future.ron", JourneyState::FutureState, "future state"),
            2 => ("detail/onboarding.ron", JourneyState::CurrentState, "onboarding in detail"),
            _ => ("detail/support.ron", JourneyState::CurrentState, "support in detail"),
        };
        let path = dir.join(name);
        let seed = seed.wrapping_mul(1000).wrapping_add(i as u64 + 1);
        let mut m = map(Size { stages: 6, lanes: 6, cards, seed });
        m.title = format!("Product {product}: {title}");
        m.state = state;
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9).max(1));
        for card in &mut m.cards {
            if rng.chance(60) {
                OWNERS[rng.below(OWNERS.len())].clone_into(&mut card.owner);
            }
            if rng.chance(30) {
                card.votes = rng.below(8) as u32;
            }
            if rng.chance(25) {
                card.metrics.pain_frequency = Some(rng.below(100) as f32);
            }
            if rng.chance(15) {
                card.metrics.drop_off = Some(rng.below(60) as f32);
            }
        }
        match role {
            0 => {
                m.counterpart = Some("future.ron".to_owned());
                if let [first, second, ..] = m.stages.as_mut_slice() {
                    first.opens = Some("detail/onboarding.ron".to_owned());
                    second.opens = Some("detail/support.ron".to_owned());
                }
            }
            1 => m.counterpart = Some("current.ron".to_owned()),
            _ => {}
        }
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        crate::file::save(&m, &path)?;
        written.push(path);
    }
    std::fs::create_dir_all(root)?;
    std::fs::write(
        root.join("broken.ron"),
        "(\n    format_version: 9,\n    map: (title: \"Half written\",,\n",
    )?;
    std::fs::write(root.join("settings.ron"), "(theme: Dark)\n")?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_maps_are_valid_and_sized() {
        let map = super::map(super::Size { stages: 24, lanes: 12, cards: 1000, seed: 7 });
        assert_eq!(map.validate(), vec![]);
        assert_eq!((map.stages.len(), map.lanes.len(), map.cards.len()), (24, 12, 1000));
        assert_eq!(map.links.len(), 50);
    }

    #[test]
    fn a_generated_folder_links_its_maps_and_holds_one_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let written = super::folder(dir.path(), 8, 20, 3).unwrap();
        assert_eq!(written.len(), 8);
        let folder = crate::portfolio::Folder::open(dir.path());
        assert_eq!(folder.entries.len(), 9, "8 maps and the broken one");
        assert_eq!(folder.found.other_ron, 1);
        assert_eq!(folder.entries.iter().filter(|e| e.map.is_err()).count(), 1);
        let current = folder.entries.iter().find(|e| e.name == "product-001/current.ron").unwrap();
        let map = current.map.as_ref().unwrap();
        assert_eq!(map.counterpart.as_deref(), Some("future.ron"));
        assert_eq!(map.stages[0].opens.as_deref(), Some("detail/onboarding.ron"));
        assert!(folder.entries.iter().any(|e| e.name == "product-001/detail/onboarding.ron"));
    }
}
