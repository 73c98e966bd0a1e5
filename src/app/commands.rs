//! Every action a user can trigger from a menu or the keyboard, with its label and shortcut.
//! Menus and the shortcut handler both read this one list.

use egui::{Key, KeyboardShortcut, Modifiers};

/// An action of the editor, independent of how it was triggered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    New,
    Open,
    Save,
    SaveAs,
    Undo,
    Redo,
    RedoAlt,
    Cut,
    Copy,
    Paste,
    Duplicate,
    Delete,
    DeleteBackspace,
    SelectAll,
    Deselect,
    ZoomIn,
    ZoomInEquals,
    ZoomOut,
    ZoomReset,
    ZoomFit,
    ToggleView,
    ToggleTheme,
    ToggleInspector,
    Export,
    CopyImage,
    Present,
    PresentInWindow,
    ClearVotes,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    NextCard,
    PreviousCard,
    EditCard,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    pub const ALL: [Self; 39] = [
        Self::New,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::Undo,
        Self::Redo,
        Self::RedoAlt,
        Self::Cut,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::Delete,
        Self::DeleteBackspace,
        Self::SelectAll,
        Self::Deselect,
        Self::ZoomIn,
        Self::ZoomInEquals,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::ZoomFit,
        Self::ToggleView,
        Self::ToggleTheme,
        Self::ToggleInspector,
        Self::Export,
        Self::CopyImage,
        Self::Present,
        Self::PresentInWindow,
        Self::ClearVotes,
        Self::SelectLeft,
        Self::SelectRight,
        Self::SelectUp,
        Self::SelectDown,
        Self::MoveLeft,
        Self::MoveRight,
        Self::MoveUp,
        Self::MoveDown,
        Self::NextCard,
        Self::PreviousCard,
        Self::EditCard,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New…",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save As…",
            Self::Undo => "Undo",
            Self::Redo | Self::RedoAlt => "Redo",
            Self::Cut => "Cut",
            Self::Copy => "Copy",
            Self::Paste => "Paste",
            Self::Duplicate => "Duplicate",
            Self::Delete | Self::DeleteBackspace => "Delete",
            Self::SelectAll => "Select all",
            Self::Deselect => "Deselect",
            Self::ZoomIn | Self::ZoomInEquals => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Zoom to 100 %",
            Self::ZoomFit => "Zoom to fit",
            Self::ToggleView => "Journey ⇄ Blueprint",
            Self::ToggleTheme => "Light ⇄ Dark theme",
            Self::ToggleInspector => "Show inspector",
            Self::Export => "Export…",
            Self::CopyImage => "Copy image",
            Self::Present => "Present",
            Self::PresentInWindow => "Present in a window",
            Self::ClearVotes => "Clear votes",
            Self::SelectLeft => "Select the card to the left",
            Self::SelectRight => "Select the card to the right",
            Self::SelectUp => "Select the card above",
            Self::SelectDown => "Select the card below",
            Self::MoveLeft => "Move card left",
            Self::MoveRight => "Move card right",
            Self::MoveUp => "Move card up",
            Self::MoveDown => "Move card down",
            Self::NextCard => "Next card",
            Self::PreviousCard => "Previous card",
            Self::EditCard => "Edit card text",
        }
    }

    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        Some(match self {
            Self::ClearVotes => return None,
            Self::New => shortcut(CMD, Key::N),
            Self::Open => shortcut(CMD, Key::O),
            Self::Save => shortcut(CMD, Key::S),
            Self::SaveAs => shortcut(CMD_SHIFT, Key::S),
            Self::Undo => shortcut(CMD, Key::Z),
            Self::Redo => shortcut(CMD_SHIFT, Key::Z),
            Self::RedoAlt => shortcut(CMD, Key::Y),
            Self::Cut => shortcut(CMD, Key::X),
            Self::Copy => shortcut(CMD, Key::C),
            Self::Paste => shortcut(CMD, Key::V),
            Self::Duplicate => shortcut(CMD, Key::D),
            Self::Delete => shortcut(Modifiers::NONE, Key::Delete),
            Self::DeleteBackspace => shortcut(Modifiers::NONE, Key::Backspace),
            Self::SelectAll => shortcut(CMD, Key::A),
            Self::Deselect => shortcut(Modifiers::NONE, Key::Escape),
            Self::ZoomIn => shortcut(CMD, Key::Plus),
            Self::ZoomInEquals => shortcut(CMD, Key::Equals),
            Self::ZoomOut => shortcut(CMD, Key::Minus),
            Self::ZoomReset => shortcut(CMD, Key::Num0),
            Self::ZoomFit => shortcut(Modifiers::NONE, Key::F),
            Self::ToggleView => shortcut(CMD, Key::B),
            Self::ToggleTheme => shortcut(CMD_SHIFT, Key::L),
            Self::ToggleInspector => shortcut(CMD, Key::I),
            Self::Export => shortcut(CMD, Key::E),
            Self::CopyImage => shortcut(CMD_SHIFT, Key::C),
            Self::Present => shortcut(Modifiers::NONE, Key::F5),
            Self::PresentInWindow => shortcut(Modifiers::SHIFT, Key::F5),
            Self::SelectLeft => shortcut(Modifiers::NONE, Key::ArrowLeft),
            Self::SelectRight => shortcut(Modifiers::NONE, Key::ArrowRight),
            Self::SelectUp => shortcut(Modifiers::NONE, Key::ArrowUp),
            Self::SelectDown => shortcut(Modifiers::NONE, Key::ArrowDown),
            Self::MoveLeft => shortcut(Modifiers::ALT, Key::ArrowLeft),
            Self::MoveRight => shortcut(Modifiers::ALT, Key::ArrowRight),
            Self::MoveUp => shortcut(Modifiers::ALT, Key::ArrowUp),
            Self::MoveDown => shortcut(Modifiers::ALT, Key::ArrowDown),
            Self::NextCard => shortcut(Modifiers::NONE, Key::Tab),
            Self::PreviousCard => shortcut(Modifiers::SHIFT, Key::Tab),
            Self::EditCard => shortcut(Modifiers::NONE, Key::Enter),
        })
    }

    /// Commands listed in menus; the alternates only add a second shortcut.
    pub fn in_menus(self) -> bool {
        !matches!(self, Self::RedoAlt | Self::DeleteBackspace | Self::ZoomInEquals) && !self.is_card_key()
    }

    /// The keys that go through the map card by card; they act only with a card selected
    /// (or, for Tab, on the canvas), so they are listed in the help, not in menus.
    pub fn is_card_key(self) -> bool {
        matches!(
            self,
            Self::SelectLeft
                | Self::SelectRight
                | Self::SelectUp
                | Self::SelectDown
                | Self::MoveLeft
                | Self::MoveRight
                | Self::MoveUp
                | Self::MoveDown
                | Self::NextCard
                | Self::PreviousCard
                | Self::EditCard
        )
    }

    /// Whether the command's plain-key shortcut (no modifier) would clash with typing.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }
}

/// Which of `commands` had their shortcuts pressed this frame; the other commands' keys are
/// left for someone else. Nothing fires while a text field has keyboard focus: there, Ctrl+Z
/// undoes typing and Delete deletes characters.
pub fn pressed_among(ctx: &egui::Context, commands: &[UiCommand]) -> Vec<UiCommand> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut fired = Vec::new();
    ctx.input_mut(|input| {
        // Longer shortcuts first, so Ctrl+Shift+S is not taken as Ctrl+S.
        let mut by_specificity: Vec<UiCommand> = commands.to_vec();
        by_specificity
            .sort_by_key(|c| std::cmp::Reverse(c.shortcut().map_or(0, |s| modifier_count(s.modifiers))));
        for command in by_specificity {
            if let Some(s) = command.shortcut()
                && input.consume_shortcut(&s)
            {
                fired.push(command);
            }
        }
    });
    fired
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl || m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashMap::new();
        for command in UiCommand::ALL {
            if let Some(s) = command.shortcut() {
                let key = (s.logical_key, s.modifiers.alt, s.modifiers.shift, s.modifiers.command);
                if let Some(other) = seen.insert(key, command) {
                    panic!("{command:?} and {other:?} share a shortcut");
                }
            }
        }
    }

    #[test]
    fn every_command_is_listed_once() {
        let unique: std::collections::HashSet<_> = UiCommand::ALL.iter().collect();
        assert_eq!(unique.len(), UiCommand::ALL.len());
    }
}
