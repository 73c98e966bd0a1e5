//! The menu bar, the toolbar and the status bar.

use egui::{Button, Ui};

use std::path::PathBuf;

use super::commands::Menu;
use super::{Document, Settings, ThemeChoice, UiCommand, present};
use crate::i18n::Language;
use crate::layout::View;

/// A menu entry for a command, with its shortcut shown the platform's way.
fn item(ui: &mut Ui, command: UiCommand, label: &str, enabled: bool) -> bool {
    let mut button = Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        // egui names a few keys by their name ("OpenBracket"); a menu shows the key's sign.
        let keys = ui.ctx().format_shortcut(&shortcut).replace("OpenBracket", "[");
        // A mirrored menu reads from the right: the entry at the right, its keys at the left.
        button = if crate::i18n::is_rtl() {
            button.left_text(egui::RichText::new(keys).weak())
        } else {
            button.shortcut_text(keys)
        };
    } else if crate::i18n::is_rtl() {
        button = button.left_text("");
    }
    let mut response = ui.add_enabled(enabled, button);
    if let Some(hint) = command.hint() {
        response = response.on_hover_text(hint);
    }
    let clicked = response.clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// What a click in the menu bar asks for.
pub(super) enum MenuAction {
    Run(UiCommand),
    /// Open a recent map (after the unsaved-changes question).
    OpenRecent(PathBuf),
}

/// The menu bar, with the toolbar when a map is open; the theme choice is made in `settings`
/// and the view in `doc`; the rest comes back as actions.
/// `system` is the system's language, named beside View → Language → Follow system.
/// What, beyond the open map, decides whether a command can run.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Around {
    /// A folder is open as the workspace.
    pub folder: bool,
    /// A linked map was followed and can be gone back from.
    pub back: bool,
}

pub(super) fn bar(
    ui: &mut Ui,
    doc: Option<&mut Document>,
    settings: &mut Settings,
    system: Language,
    around: Around,
) -> Vec<MenuAction> {
    let mut fired = Vec::new();
    egui::Panel::top("menu bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            // A mirrored interface starts its menus at the right.
            if crate::i18n::is_rtl() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    menus_and_toolbar(ui, doc, settings, system, around, &mut fired);
                });
            } else {
                menus_and_toolbar(ui, doc, settings, system, around, &mut fired);
            }
        });
    });
    fired
}

fn menus_and_toolbar(
    ui: &mut Ui,
    doc: Option<&mut Document>,
    settings: &mut Settings,
    system: Language,
    around: Around,
    fired: &mut Vec<MenuAction>,
) {
    for menu in <Menu as strum::IntoEnumIterator>::iter() {
        ui.menu_button(menu.label(), |ui| {
            menu_entries(ui, doc.as_deref(), &settings.recent, menu, around, fired);
            if menu == Menu::View {
                theme_choices(ui, &mut settings.theme);
                language_choices(ui, &mut settings.language, system);
            }
        });
    }
    if let Some(doc) = doc {
        ui.separator();
        toolbar(ui, doc, fired);
    }
}

/// The commands a menu lists, in their groups.
fn menu_entries(
    ui: &mut Ui,
    doc: Option<&Document>,
    recent: &[PathBuf],
    menu: Menu,
    around: Around,
    fired: &mut Vec<MenuAction>,
) {
    let mut last_group = None;
    for command in UiCommand::all() {
        let Some((_, group)) = command.menu().filter(|(m, _)| *m == menu) else { continue };
        if last_group.is_some_and(|g| g != group) {
            ui.separator();
        }
        last_group = Some(group);
        if item(ui, command, &entry_label(doc, command), enabled(doc, command, around)) {
            fired.push(MenuAction::Run(command));
        }
        if command == UiCommand::Open {
            recent_maps(ui, recent, fired);
        }
    }
}

/// A command's label in its menu: Undo and Redo name the step they take.
fn entry_label(doc: Option<&Document>, command: UiCommand) -> String {
    let history = doc.map(|d| &d.history);
    let step = match command {
        UiCommand::Undo => history.and_then(|h| h.undo_label()),
        UiCommand::Redo => history.and_then(|h| h.redo_label()),
        _ => None,
    };
    match (command, step) {
        (UiCommand::Undo, Some(step)) => t!("menu-undo-step", step = step),
        (UiCommand::Redo, Some(step)) => t!("menu-redo-step", step = step),
        _ => command.label(),
    }
}

/// Whether a menu entry can be chosen now.
fn enabled(doc: Option<&Document>, command: UiCommand, around: Around) -> bool {
    use UiCommand as C;
    let selection = doc.map(|d| &d.canvas.selection);
    let any_card = selection.is_some_and(|s| s.card_count() > 0);
    match command {
        C::New | C::Open | C::OpenFolder | C::Import | C::Quit => true,
        C::SearchMaps | C::Rollup => around.folder,
        C::GoBack => around.back,
        C::Compare => doc.is_some_and(|d| d.map.counterpart.is_some() && d.path.is_some()),
        C::FollowLink => doc.is_some_and(|d| super::links::selected_link(d).is_some()),
        C::Undo => doc.is_some_and(|d| d.history.can_undo()),
        C::Redo => doc.is_some_and(|d| d.history.can_redo()),
        C::Cut | C::Copy | C::Duplicate => any_card,
        C::Delete => any_card || selection.is_some_and(|s| s.header().is_some()),
        C::ClearVotes => doc.is_some_and(|d| present::vote::total(&d.map) > 0),
        _ => doc.is_some(),
    }
}

fn recent_maps(ui: &mut Ui, recent: &[PathBuf], fired: &mut Vec<MenuAction>) {
    ui.menu_button(t!("menu-open-recent"), |ui| {
        if recent.is_empty() {
            ui.label(t!("menu-no-recent"));
        }
        for path in recent {
            if ui.button(path.display().to_string()).clicked() {
                fired.push(MenuAction::OpenRecent(path.clone()));
                ui.close();
            }
        }
    });
}

fn theme_choices(ui: &mut Ui, theme: &mut ThemeChoice) {
    ui.separator();
    ui.label(t!("menu-theme"));
    for (choice, label) in [
        (ThemeChoice::System, t!("theme-system")),
        (ThemeChoice::Light, t!("theme-light")),
        (ThemeChoice::Dark, t!("theme-dark")),
        (ThemeChoice::HighContrast, t!("theme-high-contrast")),
    ] {
        if crate::app::mirror::radio(ui, *theme == choice, label).clicked() {
            *theme = choice;
            ui.close();
        }
    }
}

/// View → Language: follow the system, or one of the languages, each named in itself.
fn language_choices(ui: &mut Ui, chosen: &mut Option<Language>, system: Language) {
    ui.menu_button(t!("menu-language"), |ui| {
        if crate::app::mirror::radio(ui, chosen.is_none(), t!("language-system", name = system.endonym()))
            .clicked()
        {
            *chosen = None;
            ui.close();
        }
        ui.separator();
        for language in Language::all() {
            if crate::app::mirror::radio(ui, *chosen == Some(language), language.endonym()).clicked() {
                *chosen = Some(language);
                ui.close();
            }
        }
    });
}

fn toolbar(ui: &mut Ui, doc: &mut Document, fired: &mut Vec<MenuAction>) {
    let mut run = |command| fired.push(MenuAction::Run(command));
    if ui.selectable_label(doc.view == View::Journey, t!("toolbar-journey")).clicked() {
        doc.view = View::Journey;
    }
    if ui.selectable_label(doc.view.is_blueprint(), t!("toolbar-blueprint")).clicked()
        && !doc.view.is_blueprint()
    {
        run(UiCommand::ToggleView);
    }
    if let View::Blueprint { other_lanes } = &mut doc.view {
        crate::app::mirror::checkbox(ui, other_lanes, t!("toolbar-other-lanes"))
            .on_hover_text(t!("toolbar-other-lanes-hint"));
    }
    ui.separator();
    if ui.add_enabled(doc.history.can_undo(), Button::new(UiCommand::Undo.label())).clicked() {
        run(UiCommand::Undo);
    }
    if ui.add_enabled(doc.history.can_redo(), Button::new(UiCommand::Redo.label())).clicked() {
        run(UiCommand::Redo);
    }
    ui.separator();
    if ui.button("−").on_hover_text(UiCommand::ZoomOut.label()).clicked() {
        run(UiCommand::ZoomOut);
    }
    if ui
        .button(format!("{:.0} %", doc.canvas.zoom() * 100.0))
        .on_hover_text(UiCommand::ZoomFit.label())
        .clicked()
    {
        run(UiCommand::ZoomFit);
    }
    if ui.button("+").on_hover_text(UiCommand::ZoomIn.label()).clicked() {
        run(UiCommand::ZoomIn);
    }
}

/// The status bar under the map: where it is saved, its size, what is selected.
pub(super) fn status(ui: &mut Ui, doc: &Document) {
    egui::Panel::bottom("status bar").show(ui, |ui| {
        crate::app::mirror::row(ui, |ui| {
            let place = doc.path.as_ref().map_or_else(|| t!("status-not-saved"), |p| p.display().to_string());
            ui.weak(place);
            ui.separator();
            ui.weak(crate::i18n::join(
                &[
                    t!("status-stages", count = doc.map.stages.len()),
                    t!("status-lanes", count = doc.map.lanes.len()),
                    t!("status-cards", count = doc.map.cards.len()),
                ],
                " · ",
            ));
            let selected = doc.canvas.selection.card_count();
            if selected > 0 {
                ui.separator();
                ui.weak(t!("status-selected", count = selected));
            }
            crate::app::mirror::far_end(ui, |ui| {
                ui.weak(crate::i18n::one_line(&t!("status-hint")));
            });
        });
    });
}
