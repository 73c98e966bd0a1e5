//! The editor's dialogs as one stack: whatever is open takes the keyboard from the canvas, and a
//! second message waits behind the first instead of replacing it.

use std::path::PathBuf;

use super::Pending;

/// A dialog of the editor. While any is open, the canvas does not answer the keys that go card
/// by card.
#[derive(Clone, Debug, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(ModalKind), derive(strum::EnumIter))]
pub enum Modal {
    /// The unsaved-changes question, and what to do after it.
    Unsaved(Pending),
    /// Saving found the file read-only: whether to replace it anyway is asked.
    ReadOnly(PathBuf),
    /// Unsaved changes to the map just opened, found from a session that ended unexpectedly.
    Recovery(PathBuf),
    /// File → New: the template picker.
    Templates,
    /// File → Export… (its options live in the export dialog's own state).
    Export,
    /// What an import kept or changed (unknown columns kept in notes, fields cut).
    ImportNotes(String),
    /// Something went wrong.
    Error(String),
}

/// The open dialogs, the last on top.
#[derive(Debug, Default)]
pub struct Modals(Vec<Modal>);

impl Modals {
    /// Opens `modal` on top; a dialog that is already open is not opened twice.
    pub fn open(&mut self, modal: Modal) {
        if !self.0.contains(&modal) {
            self.0.push(modal);
        }
    }

    /// Shows `message` as an error, after any shown before it.
    pub fn error(&mut self, message: impl Into<String>) {
        self.open(Modal::Error(message.into()));
    }

    /// Whether no dialog is open.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a dialog of `kind` is open.
    pub fn is_open(&self, kind: ModalKind) -> bool {
        self.0.iter().any(|m| ModalKind::from(m) == kind)
    }

    /// Closes the dialogs of `kind`.
    pub fn close(&mut self, kind: ModalKind) {
        self.0.retain(|m| ModalKind::from(m) != kind);
    }

    /// Closes `modal` (the first dialog equal to it).
    pub(super) fn remove(&mut self, modal: &Modal) {
        if let Some(at) = self.0.iter().position(|m| m == modal) {
            self.0.remove(at);
        }
    }

    /// The open dialogs, bottom first.
    pub fn iter(&self) -> impl Iterator<Item = &Modal> {
        self.0.iter()
    }

    /// The error messages shown, first first.
    pub fn errors(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|m| match m {
            Modal::Error(message) => Some(message.as_str()),
            _ => None,
        })
    }

    /// What waits for the answer to the unsaved-changes question, if it is asked.
    pub fn pending(&self) -> Option<&Pending> {
        self.0.iter().find_map(|m| match m {
            Modal::Unsaved(pending) => Some(pending),
            _ => None,
        })
    }

    /// A copy of the stack, to show while the app acts on the answers.
    pub(super) fn snapshot(&self) -> Vec<Modal> {
        self.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_queue_and_a_dialog_opens_once() {
        let mut modals = Modals::default();
        modals.error("first");
        modals.error("second");
        modals.open(Modal::Export);
        modals.open(Modal::Export);
        assert_eq!(modals.errors().collect::<Vec<_>>(), ["first", "second"]);
        assert_eq!(modals.iter().filter(|m| **m == Modal::Export).count(), 1);
        modals.remove(&Modal::Error("first".into()));
        assert_eq!(modals.errors().collect::<Vec<_>>(), ["second"]);
        modals.close(ModalKind::Error);
        modals.close(ModalKind::Export);
        assert!(modals.is_empty());
    }
}
