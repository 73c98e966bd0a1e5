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
    fn fresh_ids_carry_their_prefix_and_differ() {
        let a = CardId::fresh();
        let b = CardId::fresh();
        assert!(a.as_str().starts_with('c'));
        assert_eq!(a.as_str().len(), 8);
        assert_ne!(a, b);
        assert!(PointId::fresh().as_str().starts_with("pt"));
    }
}
