//! Changing a map: commands with inverses, and the undo history built from them.
//!
//! The editor never mutates a map directly; it emits [`Command`]s which [`History::apply`] runs.
//! That single path gives undo/redo, the unsaved-changes mark and autosave.

mod command;
mod history;

pub use command::{Command, EditError};
pub use history::History;

#[cfg(test)]
mod tests;
