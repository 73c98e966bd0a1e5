//! Every action a user can trigger from a menu or the keyboard, with its label and shortcut.
//! Menus and the shortcut handler both read this one list.

use egui::{Key, KeyboardShortcut, Modifiers};

/// An action of the editor, independent of how it was triggered. The order is the menus'
/// order; [`UiCommand::all`] lists every variant (derived, so none can be left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    New,
    Open,
    OpenFolder,
    Import,
    Save,
    SaveAs,
    CloseTab,
    Export,
    CopyImage,
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    Duplicate,
    Delete,
    SelectAll,
    ClearVotes,
    Deselect,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ZoomFit,
    ToggleView,
    ToggleInspector,
    ToggleTheme,
    Present,
    PresentInWindow,
    OpenRoom,
    SearchMaps,
    Rollup,
    FollowLink,
    GoBack,
    Compare,
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

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    File,
    Edit,
    View,
}

impl Menu {
    pub fn label(self) -> String {
        match self {
            Self::File => t!("menu-file"),
            Self::Edit => t!("menu-edit"),
            Self::View => t!("menu-view"),
        }
    }
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

impl UiCommand {
    /// Every command, in the menus' order.
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    pub fn label(self) -> String {
        match self {
            Self::New => t!("command-new"),
            Self::Open => t!("command-open"),
            Self::OpenFolder => t!("command-open-folder"),
            Self::CloseTab => t!("command-close-tab"),
            Self::SearchMaps => t!("command-search-maps"),
            Self::Rollup => t!("command-rollup"),
            Self::FollowLink => t!("command-follow-link"),
            Self::GoBack => t!("command-go-back"),
            Self::Compare => t!("command-compare"),
            Self::Import => t!("command-import"),
            Self::Save => t!("command-save"),
            Self::SaveAs => t!("command-save-as"),
            Self::Export => t!("command-export"),
            Self::CopyImage => t!("command-copy-image"),
            Self::Quit => t!("command-quit"),
            Self::Undo => t!("command-undo"),
            Self::Redo => t!("command-redo"),
            Self::Cut => t!("command-cut"),
            Self::Copy => t!("command-copy"),
            Self::Paste => t!("command-paste"),
            Self::Duplicate => t!("command-duplicate"),
            Self::Delete => t!("command-delete"),
            Self::SelectAll => t!("command-select-all"),
            Self::ClearVotes => t!("command-clear-votes"),
            Self::Deselect => t!("command-deselect"),
            Self::ZoomIn => t!("command-zoom-in"),
            Self::ZoomOut => t!("command-zoom-out"),
            Self::ZoomReset => t!("command-zoom-reset"),
            Self::ZoomFit => t!("command-zoom-fit"),
            Self::ToggleView => t!("command-toggle-view"),
            Self::ToggleInspector => t!("command-toggle-inspector"),
            Self::ToggleTheme => t!("command-toggle-theme"),
            Self::Present => t!("command-present"),
            Self::PresentInWindow => t!("command-present-in-window"),
            Self::OpenRoom => t!("command-open-room"),
            Self::SelectLeft => t!("command-select-left"),
            Self::SelectRight => t!("command-select-right"),
            Self::SelectUp => t!("command-select-up"),
            Self::SelectDown => t!("command-select-down"),
            Self::MoveLeft => t!("command-move-left"),
            Self::MoveRight => t!("command-move-right"),
            Self::MoveUp => t!("command-move-up"),
            Self::MoveDown => t!("command-move-down"),
            Self::NextCard => t!("command-next-card"),
            Self::PreviousCard => t!("command-previous-card"),
            Self::EditCard => t!("command-edit-card"),
        }
    }

    /// What a menu entry's tooltip adds to its label.
    pub fn hint(self) -> Option<String> {
        match self {
            Self::Import => Some(t!("command-import-hint")),
            Self::OpenRoom => Some(t!("command-open-room-hint")),
            Self::OpenFolder => Some(t!("command-open-folder-hint")),
            Self::Compare => Some(t!("command-compare-hint")),
            _ => None,
        }
    }

    /// The keys that run the command, the usual one first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::Import | Self::Quit | Self::ClearVotes | Self::OpenRoom | Self::Rollup | Self::Compare => {
                &[]
            }
            Self::OpenFolder => const { &[key(CMD_SHIFT, Key::O)] },
            Self::CloseTab => const { &[key(CMD, Key::W)] },
            Self::SearchMaps => const { &[key(CMD_SHIFT, Key::F)] },
            Self::FollowLink => const { &[key(CMD, Key::Enter)] },
            Self::GoBack => const { &[key(CMD, Key::OpenBracket), key(Modifiers::ALT, Key::Backspace)] },
            Self::New => const { &[key(CMD, Key::N)] },
            Self::Open => const { &[key(CMD, Key::O)] },
            Self::Save => const { &[key(CMD, Key::S)] },
            Self::SaveAs => const { &[key(CMD_SHIFT, Key::S)] },
            Self::Export => const { &[key(CMD, Key::E)] },
            Self::CopyImage => const { &[key(CMD_SHIFT, Key::C)] },
            Self::Undo => const { &[key(CMD, Key::Z)] },
            Self::Redo => const { &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)] },
            Self::Cut => const { &[key(CMD, Key::X)] },
            Self::Copy => const { &[key(CMD, Key::C)] },
            Self::Paste => const { &[key(CMD, Key::V)] },
            Self::Duplicate => const { &[key(CMD, Key::D)] },
            Self::Delete => const { &[key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            Self::SelectAll => const { &[key(CMD, Key::A)] },
            Self::Deselect => const { &[key(NONE, Key::Escape)] },
            Self::ZoomIn => const { &[key(CMD, Key::Plus), key(CMD, Key::Equals)] },
            Self::ZoomOut => const { &[key(CMD, Key::Minus)] },
            Self::ZoomReset => const { &[key(CMD, Key::Num0)] },
            Self::ZoomFit => const { &[key(NONE, Key::F)] },
            Self::ToggleView => const { &[key(CMD, Key::B)] },
            Self::ToggleInspector => const { &[key(CMD, Key::I)] },
            Self::ToggleTheme => const { &[key(CMD_SHIFT, Key::L)] },
            Self::Present => const { &[key(NONE, Key::F5)] },
            Self::PresentInWindow => const { &[key(Modifiers::SHIFT, Key::F5)] },
            Self::SelectLeft => const { &[key(NONE, Key::ArrowLeft)] },
            Self::SelectRight => const { &[key(NONE, Key::ArrowRight)] },
            Self::SelectUp => const { &[key(NONE, Key::ArrowUp)] },
            Self::SelectDown => const { &[key(NONE, Key::ArrowDown)] },
            Self::MoveLeft => const { &[key(Modifiers::ALT, Key::ArrowLeft)] },
            Self::MoveRight => const { &[key(Modifiers::ALT, Key::ArrowRight)] },
            Self::MoveUp => const { &[key(Modifiers::ALT, Key::ArrowUp)] },
            Self::MoveDown => const { &[key(Modifiers::ALT, Key::ArrowDown)] },
            Self::NextCard => const { &[key(NONE, Key::Tab)] },
            Self::PreviousCard => const { &[key(Modifiers::SHIFT, Key::Tab)] },
            Self::EditCard => const { &[key(NONE, Key::Enter)] },
        }
    }

    /// The key a menu shows for the command.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// The menu that lists the command and its group there (groups are parted by separators);
    /// `None` for the commands only keys run.
    pub fn menu(self) -> Option<(Menu, u8)> {
        Some(match self {
            Self::New | Self::Open | Self::OpenFolder | Self::Import => (Menu::File, 0),
            Self::Save | Self::SaveAs | Self::CloseTab => (Menu::File, 1),
            Self::Export | Self::CopyImage => (Menu::File, 2),
            Self::Quit => (Menu::File, 3),
            Self::Undo | Self::Redo => (Menu::Edit, 0),
            Self::Cut | Self::Copy | Self::Duplicate | Self::Delete | Self::SelectAll | Self::ClearVotes => {
                (Menu::Edit, 1)
            }
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::ZoomFit
            | Self::ToggleView
            | Self::ToggleInspector => (Menu::View, 0),
            Self::Present | Self::PresentInWindow | Self::OpenRoom => (Menu::View, 1),
            Self::SearchMaps | Self::Rollup | Self::FollowLink | Self::GoBack | Self::Compare => {
                (Menu::View, 2)
            }
            // Keys alone: Paste arrives as the system's paste event, Escape and the card keys act
            // on the canvas, the theme has its own choices in View.
            _ => return None,
        })
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

    /// Whether one of the command's keys has no modifier, and so would clash with typing.
    pub fn is_plain_key(self) -> bool {
        self.shortcuts().iter().any(|s| s.modifiers.is_none())
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
        let mut keys: Vec<(UiCommand, KeyboardShortcut)> =
            commands.iter().flat_map(|&c| c.shortcuts().iter().map(move |&s| (c, s))).collect();
        keys.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        for (command, shortcut) in keys {
            if input.consume_shortcut(&shortcut) && !fired.contains(&command) {
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
        for command in UiCommand::all() {
            for s in command.shortcuts() {
                let key = (s.logical_key, s.modifiers.alt, s.modifiers.shift, s.modifiers.command);
                if let Some(other) = seen.insert(key, command) {
                    panic!("{command:?} and {other:?} share a shortcut");
                }
            }
        }
    }

    #[test]
    fn every_command_can_be_reached() {
        for command in UiCommand::all() {
            assert!(
                !command.shortcuts().is_empty() || command.menu().is_some(),
                "{command:?} has neither a key nor a menu entry: nothing can run it"
            );
            assert!(!command.label().is_empty(), "{command:?} has no label");
        }
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            assert!(UiCommand::all().any(|c| c.menu().is_some_and(|(m, _)| m == menu)), "{menu:?} is empty");
        }
    }

    #[test]
    fn a_menu_lists_its_groups_in_order() {
        // The menus draw commands in declaration order and part groups with separators: a group
        // that came back after another would be drawn twice.
        for menu in <Menu as strum::IntoEnumIterator>::iter() {
            let groups: Vec<u8> = UiCommand::all()
                .filter_map(UiCommand::menu)
                .filter(|(m, _)| *m == menu)
                .map(|(_, g)| g)
                .collect();
            assert!(groups.is_sorted(), "{menu:?}: {groups:?}");
        }
    }
}
