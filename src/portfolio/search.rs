//! Search across every map of a folder: card titles, notes, owners and channels, stage names,
//! persona names and map titles. The text is lowered once into an index, so a keystroke costs
//! one pass of substring tests over it.

use super::Folder;
use crate::model::{CardId, PersonaId, StageId};

/// What a hit is on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Item {
    Map,
    Stage(StageId),
    Card(CardId),
    Persona(PersonaId),
}

/// One searchable item: its text as shown and lowered.
#[derive(Debug)]
struct Indexed {
    item: Item,
    /// What the result list shows: the card's title, the stage's name...
    label: String,
    /// Every field searched, lowered, joined by line breaks (no query crosses one).
    text: String,
}

/// A folder's maps, ready to search.
#[derive(Debug, Default)]
pub struct Index {
    /// Per folder entry (in entry order), its items.
    maps: Vec<Vec<Indexed>>,
}

/// One item that matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub item: Item,
    pub label: String,
    /// The field that matched first, with the matched words, when it is not the label.
    pub context: Option<String>,
}

/// The hits of one map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapHits {
    pub entry: usize,
    pub hits: Vec<Hit>,
}

/// Results stop at this many hits: a word found in a thousand cards is refined, not scrolled.
pub const MAX_HITS: usize = 500;

impl Index {
    pub fn new(folder: &Folder) -> Self {
        let maps = folder
            .entries
            .iter()
            .map(|entry| {
                let Ok(map) = &entry.map else { return Vec::new() };
                let mut items = Vec::with_capacity(map.cards.len() + map.stages.len() + 4);
                let lowered =
                    |parts: &[&str]| parts.iter().map(|p| p.to_lowercase()).collect::<Vec<_>>().join("\n");
                items.push(Indexed {
                    item: Item::Map,
                    label: map.title.clone(),
                    text: lowered(&[&map.title, &map.scenario, &map.author]),
                });
                for persona in &map.personas {
                    items.push(Indexed {
                        item: Item::Persona(persona.id.clone()),
                        label: persona.name.clone(),
                        text: lowered(&[&persona.name, &persona.description]),
                    });
                }
                for stage in &map.stages {
                    items.push(Indexed {
                        item: Item::Stage(stage.id.clone()),
                        label: stage.name.clone(),
                        text: lowered(&[&stage.name, &stage.goal]),
                    });
                }
                for card in &map.cards {
                    let channel = card.channel.as_ref().map_or("", |c| c.label());
                    items.push(Indexed {
                        item: Item::Card(card.id.clone()),
                        label: card.title.clone(),
                        text: lowered(&[&card.title, &card.notes, &card.owner, channel]),
                    });
                }
                items
            })
            .collect();
        Self { maps }
    }

    /// The items whose fields hold every word of `query` (in any field, any case), grouped by
    /// map in folder order, at most [`MAX_HITS`] in all. An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<MapHits> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut total = 0;
        for (entry, items) in self.maps.iter().enumerate() {
            let mut hits = Vec::new();
            for indexed in items {
                if total == MAX_HITS {
                    break;
                }
                if words.iter().all(|w| indexed.text.contains(w.as_str())) {
                    total += 1;
                    hits.push(Hit {
                        item: indexed.item.clone(),
                        label: indexed.label.clone(),
                        context: context(indexed, &words),
                    });
                }
            }
            if !hits.is_empty() {
                out.push(MapHits { entry, hits });
            }
        }
        out
    }
}

/// The first field past the label that holds a word, cut to a few words around it, when the
/// label itself does not show why the item matched.
fn context(indexed: &Indexed, words: &[String]) -> Option<String> {
    let label = indexed.label.to_lowercase();
    if words.iter().all(|w| label.contains(w.as_str())) {
        return None;
    }
    let field = indexed.text.split('\n').skip(1).find(|f| words.iter().any(|w| f.contains(w.as_str())))?;
    let word = words.iter().find(|w| field.contains(w.as_str()))?;
    let at = field.find(word.as_str())?;
    let start = field[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let end = field[at..].char_indices().nth(50).map_or(field.len(), |(i, _)| at + i);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.push_str(&field[start..end]);
    if end < field.len() {
        shown.push('…');
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_words_in_any_field_and_groups_hits_by_map() {
        let dir = tempfile::tempdir().unwrap();
        let mut map = crate::file::load(std::path::Path::new("maps/ecommerce.ron")).unwrap();
        map.cards[0].notes = "Seen in the March interviews with runners".into();
        crate::file::save(&map, &dir.path().join("shop.ron")).unwrap();
        let th = crate::file::load(std::path::Path::new("maps/customer-care-th.ron")).unwrap();
        crate::file::save(&th, &dir.path().join("th.ron")).unwrap();
        let folder = Folder::open(dir.path());
        let index = Index::new(&folder);

        let hits = index.search("MARCH runners");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].hits[0].item, Item::Card(map.cards[0].id.clone()));
        assert_eq!(hits[0].hits[0].context.as_deref(), Some("seen in the march interviews with runners"));
        let owner = index.search("e-commerce team");
        assert!(owner[0].hits.iter().all(|h| matches!(h.item, Item::Card(_))) && owner[0].hits.len() >= 2);
        let persona = &map.personas[0];
        assert!(
            index
                .search(&persona.name)
                .iter()
                .flat_map(|m| &m.hits)
                .any(|h| h.item == Item::Persona(persona.id.clone()))
        );
        // Thai, found by a word inside a run of letters with no spaces.
        let word = th.cards[0].title.chars().take(4).collect::<String>();
        let found = index.search(&word);
        assert!(found.iter().any(|m| folder.entries[m.entry].name == "th.ron"), "{word}");
        assert!(index.search("   ").is_empty());
        assert!(index.search("nothing-like-this").is_empty());
    }
}
