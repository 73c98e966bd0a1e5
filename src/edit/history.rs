//! Undo and redo, and whether the map has changed since it was saved.

use super::{Command, EditError};
use crate::model::Map;

/// Steps kept for undo; older ones are forgotten.
const MAX_STEPS: usize = 1000;

#[derive(Debug)]
struct Step {
    label: String,
    /// Applying this returns the map to how it was before the step.
    inverse: Command,
    /// Edits with the same key made one after another (typing in one field) join into one step.
    merge_key: Option<String>,
    /// Names the map's content after this step, for the unsaved-changes mark.
    revision: u64,
}

/// The undo and redo stacks of one open map.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_revision: u64,
    saved_revision: u64,
    /// When set, the next edit starts a new step even if its merge key matches.
    sealed: bool,
}

impl History {
    /// Applies `command` to `map` as one undoable step.
    pub fn apply(
        &mut self,
        map: &mut Map,
        command: Command,
        label: impl Into<String>,
    ) -> Result<(), EditError> {
        self.apply_merging(map, command, label, None)
    }

    /// Like [`History::apply`], but joins the step with the previous one if both carry the same
    /// `merge_key` and nothing sealed the history in between.
    pub fn apply_merging(
        &mut self,
        map: &mut Map,
        command: Command,
        label: impl Into<String>,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        let inverse = command.apply(map)?;
        self.redo.clear();
        self.next_revision += 1;
        let revision = self.next_revision;
        if let Some(top) = self.undo.last_mut()
            && !self.sealed
            && merge_key.is_some()
            && top.merge_key == merge_key
        {
            // The older inverse already returns to the state before the first edit of the run.
            top.revision = revision;
        } else {
            self.undo.push(Step { label: label.into(), inverse, merge_key, revision });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.sealed = false;
        Ok(())
    }

    /// Takes back the last step if it is the run of edits with `merge_key`, as if it had never
    /// been made: its inverse is applied and neither undo nor redo keeps it. Returns false (and
    /// changes nothing) when the last step is another one.
    pub fn retract(&mut self, map: &mut Map, merge_key: &str) -> Result<bool, EditError> {
        if self.undo.last().and_then(|s| s.merge_key.as_deref()) != Some(merge_key) {
            return Ok(false);
        }
        let redo = std::mem::take(&mut self.redo);
        let done = Self::transfer(&mut self.undo, &mut self.redo, map);
        self.redo = redo;
        self.sealed = true;
        done
    }

    /// Ends a run of merging edits: the next edit is a step of its own.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would undo, for the menu: "Undo Move card".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Undoes the last step. Returns false if there was nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Result<bool, EditError> {
        self.sealed = true;
        Self::transfer(&mut self.undo, &mut self.redo, map)
    }

    /// Redoes the last undone step. Returns false if there was nothing to redo.
    pub fn redo(&mut self, map: &mut Map) -> Result<bool, EditError> {
        self.sealed = true;
        Self::transfer(&mut self.redo, &mut self.undo, map)
    }

    /// Applies the top step of `from` and moves it, now holding its own inverse, onto `to`.
    fn transfer(from: &mut Vec<Step>, to: &mut Vec<Step>, map: &mut Map) -> Result<bool, EditError> {
        let Some(step) = from.pop() else { return Ok(false) };
        match step.inverse.clone().apply(map) {
            Ok(inverse) => {
                to.push(Step { inverse, ..step });
                Ok(true)
            }
            Err(e) => {
                from.push(step);
                Err(e)
            }
        }
    }

    /// Whether the map differs from what was last saved (or loaded).
    pub fn is_dirty(&self) -> bool {
        self.current_revision() != self.saved_revision
    }

    /// Records that the map as it is now has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.current_revision();
        self.sealed = true;
    }

    /// Records that what is on disk differs from the map whatever the history says (work
    /// recovered after a crash).
    pub fn mark_unsaved(&mut self) {
        self.saved_revision = u64::MAX;
    }

    fn current_revision(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.revision)
    }
}
