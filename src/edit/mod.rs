//! Changing a map: commands with inverses, and the undo history built from them.
//!
//! The editor never mutates a map directly; it emits [`Command`]s which [`History::apply`] runs.
//! That single path gives undo/redo, the unsaved-changes mark and autosave.

mod command;
mod history;

pub use command::{Command, EditError};
pub use history::History;

use crate::model::{Map, Point, Scale};

/// Changes the sentiment scale, moving every point to the same place on the new scale, so
/// the curves keep their shape (a +1 on −2…+2 becomes a 4 on 1…5).
pub fn set_scale(map: &Map, scale: Scale) -> Command {
    let old = map.scale;
    let mut meta = map.meta();
    meta.scale = scale;
    let mut commands = vec![Command::SetMeta(Box::new(meta))];
    for point in &map.points {
        let t = old.normalized(point.value);
        let value = scale.min as f32 + t * (scale.max - scale.min) as f32;
        let value = (value * 4.0).round() / 4.0;
        commands.push(Command::ReplacePoint(Point { value: scale.clamp(value), ..point.clone() }));
    }
    Command::Batch(commands)
}

#[cfg(test)]
pub(crate) mod tests;
