//! Stable identifiers. Items refer to each other by id, never by position, so a reordered list or
//! a merged git branch never points a card at the wrong lane.

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The letter new ids of this kind start with, so ids read as what they name.
            pub const PREFIX: &'static str = $prefix;

            /// A fresh id, unlikely to collide even with ids made on another machine (two
            /// designers adding cards on two git branches).
            pub fn fresh() -> Self {
                Self(format!("{}{}", Self::PREFIX, random_suffix()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Identifies a stage (a column of the journey).
    StageId,
    "s"
);
id_type!(
    /// Identifies a swimlane (a row).
    LaneId,
    "l"
);
id_type!(
    /// Identifies a card.
    CardId,
    "c"
);
id_type!(
    /// Identifies a persona.
    PersonaId,
    "p"
);
id_type!(
    /// Identifies a sentiment curve.
    CurveId,
    "e"
);
id_type!(
    /// Identifies a point on a sentiment curve.
    PointId,
    "pt"
);
id_type!(
    /// Identifies a link (arrow) between two cards.
    LinkId,
    "k"
);

/// Makes readable ids for new items: the kind's prefix and a slug of the item's first name
/// (`c-will-it-arrive-before`), unique among the ids already taken, so `git diff` and
/// `touchline show` read as what changed. Letters of every script are kept, so a Thai card's id
/// reads Thai.
#[derive(Debug, Default)]
pub struct IdMaker {
    taken: std::collections::HashSet<String>,
}

impl IdMaker {
    /// Ids unique in `map`, across every kind of item.
    pub fn for_map(map: &super::Map) -> Self {
        let mut taken = std::collections::HashSet::new();
        taken.extend(map.personas.iter().map(|i| i.id.0.clone()));
        taken.extend(map.stages.iter().map(|i| i.id.0.clone()));
        taken.extend(map.lanes.iter().map(|i| i.id.0.clone()));
        taken.extend(map.cards.iter().map(|i| i.id.0.clone()));
        taken.extend(map.curves.iter().map(|i| i.id.0.clone()));
        taken.extend(map.points.iter().map(|i| i.id.0.clone()));
        taken.extend(map.links.iter().map(|i| i.id.0.clone()));
        Self { taken }
    }

    /// A new id: `prefix`, then the name's words in lower case joined by `-` (at most 24
    /// letters), then `-2`, `-3`... if that is taken.
    pub fn make(&mut self, prefix: &str, name: &str) -> String {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if is_id_letter(c) {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        // At most 24 letters, cut between words where there is one.
        let mut slug: Vec<char> = slug.trim_end_matches('-').chars().collect();
        if slug.len() > 24 {
            let cut = slug[..=24].iter().rposition(|c| *c == '-').filter(|&at| at >= 8).unwrap_or(24);
            slug.truncate(cut);
        }
        let slug: String = slug.into_iter().collect();
        let base = if slug.is_empty() { format!("{prefix}item") } else { format!("{prefix}{slug}") };
        let mut id = base.clone();
        let mut n = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// Letters and digits, and the marks of scripts such as Thai and Arabic that sit on them.
fn is_id_letter(c: char) -> bool {
    c.is_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !super::hidden::is_hidden(c)
            && !('\u{2000}'..='\u{206f}').contains(&c)
            && !['،', '؛', '؟', '\u{a0}', '\u{3000}', '。', '、', '«', '»'].contains(&c))
}

/// Seven base-36 characters: 78 billion values, mixed from the process's random hasher keys, the
/// clock and a counter, so ids differ between runs and between machines.
fn random_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(since_epoch) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(since_epoch.as_nanos());
    }
    let mut n = hasher.finish();
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..7)
        .map(|_| {
            let d = digits[(n % 36) as usize];
            n /= 36;
            char::from(d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_ids_follow_the_name_and_stay_unique() {
        let mut maker = IdMaker::default();
        assert_eq!(maker.make("c-", "Will it arrive before race day?"), "c-will-it-arrive-before");
        assert_eq!(maker.make("c-", "Will it arrive before race day!"), "c-will-it-arrive-before-2");
        assert_eq!(maker.make("s-", "  "), "s-item");
        assert_eq!(maker.make("c-", "ลูกค้ารอสาย"), "c-ลูกค้ารอสาย");
        assert_eq!(maker.make("c-", "قراءة التقييمات، G2"), "c-قراءة-التقييمات-g2");
    }

    #[test]
    fn fresh_ids_carry_their_prefix_and_differ() {
        let a = CardId::fresh();
        let b = CardId::fresh();
        assert!(a.as_str().starts_with('c'));
        assert_eq!(a.as_str().len(), 8);
        assert_ne!(a, b);
        assert!(PointId::fresh().as_str().starts_with("pt"));
    }
}
