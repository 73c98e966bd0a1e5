//! `touchline diff -o diff.png|svg`: the newer map with its changes marked, through the same painting
//! as every export: added cards ringed green, changed or moved ones amber, removed ones drawn as
//! faded red ghosts in the cell they were in (when that cell still exists).

use std::path::Path;

use super::{ChangeKind, MapDiff};
use crate::edit::Command;
use crate::export::{ExportError, ExportOptions, Format, Job, write_file};
use crate::model::{CardId, Map};
use crate::render::Marks;

/// Writes the image; the newer map's pictures are found from `folder`, its file's.
pub fn write(
    old: &Map,
    new: &Map,
    changes: &MapDiff,
    out: &Path,
    folder: Option<&Path>,
) -> Result<(), ExportError> {
    let ids = |change: ChangeKind| -> std::collections::HashSet<CardId> {
        changes.ids("card", change).into_iter().map(CardId::from).collect()
    };
    let mut shown = new.clone();
    let mut removed = std::collections::HashSet::new();
    for id in ids(ChangeKind::Removed) {
        let (Some(card), Some(slot)) = (old.card(&id), old.card_slot(&id)) else { continue };
        let mut ghost = card.clone();
        ghost.votes = 0;
        let insert = Command::InsertCard { index: slot.index, card: ghost };
        if insert.apply(&mut shown).is_ok() {
            removed.insert(id);
        }
    }
    let mut changed = ids(ChangeKind::Changed);
    changed.extend(ids(ChangeKind::Moved));
    let marks = Marks { added: ids(ChangeKind::Added), changed, removed };
    // A removed card's picture may be gone from disk too: it is drawn as a placeholder then.
    let pictures = crate::pictures::Set::load(&shown, folder, crate::pictures::Reach::MapFolder);
    let options = match Format::from_path(out) {
        Some(Format::Svg) => ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() },
        _ => ExportOptions::default(),
    };
    let job = Job { map: &shown, options: &options, marks: Some(&marks), pictures: &pictures };
    write_file(&job.render()?.bytes, out)
}
