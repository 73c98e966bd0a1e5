//! The menu bar, the toolbar and the status bar.

use egui::{Button, Ui};

use super::commands::Menu;
use super::{Edit, Pending, ThemeChoice, TouchlineApp, UiCommand, present};
use crate::layout::View;

/// A menu entry for a command, with its shortcut shown the platform's way.
fn item(ui: &mut Ui, command: UiCommand, label: &str, enabled: bool) -> bool {
    let mut button = Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
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

pub(super) fn bar(app: &mut TouchlineApp, ui: &mut Ui, edits: &mut Vec<Edit>) {
    let ctx = ui.ctx().clone();
    let mut fired = Vec::new();
    egui::Panel::top("menu bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in <Menu as strum::IntoEnumIterator>::iter() {
                ui.menu_button(menu.label(), |ui| {
                    menu_entries(app, ui, menu, &mut fired);
                    if menu == Menu::View {
                        theme_choices(app, ui);
                    }
                });
            }
            if app.doc.is_some() {
                ui.separator();
                toolbar(app, ui, &mut fired);
            }
        });
    });
    for command in fired {
        app.run_command(command, &ctx, edits);
    }
}

/// The commands a menu lists, in their groups.
fn menu_entries(app: &mut TouchlineApp, ui: &mut Ui, menu: Menu, fired: &mut Vec<UiCommand>) {
    let mut last_group = None;
    for command in UiCommand::all() {
        let Some((_, group)) = command.menu().filter(|(m, _)| *m == menu) else { continue };
        if last_group.is_some_and(|g| g != group) {
            ui.separator();
        }
        last_group = Some(group);
        if item(ui, command, &entry_label(app, command), enabled(app, command)) {
            fired.push(command);
        }
        if command == UiCommand::Open {
            recent_maps(app, ui);
        }
    }
}

/// A command's label in its menu: Undo and Redo name the step they take.
fn entry_label(app: &TouchlineApp, command: UiCommand) -> String {
    let history = app.doc.as_ref().map(|d| &d.history);
    let step = match command {
        UiCommand::Undo => history.and_then(|h| h.undo_label()),
        UiCommand::Redo => history.and_then(|h| h.redo_label()),
        _ => None,
    };
    step.map_or_else(|| command.label().to_owned(), |step| format!("{} {step}", command.label()))
}

/// Whether a menu entry can be chosen now.
fn enabled(app: &TouchlineApp, command: UiCommand) -> bool {
    use UiCommand as C;
    let doc = app.doc.as_ref();
    let any_card = app.canvas.selection.card_count() > 0;
    match command {
        C::New | C::Open | C::Import | C::Quit => true,
        C::Undo => doc.is_some_and(|d| d.history.can_undo()),
        C::Redo => doc.is_some_and(|d| d.history.can_redo()),
        C::Cut | C::Copy | C::Duplicate => any_card,
        C::Delete => any_card || app.canvas.selection.header().is_some(),
        C::ClearVotes => doc.is_some_and(|d| present::vote::total(&d.map) > 0),
        _ => doc.is_some(),
    }
}

fn recent_maps(app: &mut TouchlineApp, ui: &mut Ui) {
    ui.menu_button("Open recent", |ui| {
        if app.recent.is_empty() {
            ui.label("No recent maps");
        }
        for path in app.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.after_asking(Pending::Open(Some(path)));
                ui.close();
            }
        }
    });
}

fn theme_choices(app: &mut TouchlineApp, ui: &mut Ui) {
    ui.separator();
    ui.label("Theme");
    for (choice, label) in [
        (ThemeChoice::System, "Follow system"),
        (ThemeChoice::Light, "Light"),
        (ThemeChoice::Dark, "Dark"),
        (ThemeChoice::HighContrast, "High contrast"),
    ] {
        if ui.radio(app.theme_choice == choice, label).clicked() {
            app.theme_choice = choice;
            ui.close();
        }
    }
}

fn toolbar(app: &mut TouchlineApp, ui: &mut Ui, fired: &mut Vec<UiCommand>) {
    if ui.selectable_label(app.view == View::Journey, "Journey").clicked() {
        app.view = View::Journey;
    }
    if ui.selectable_label(app.view.is_blueprint(), "Blueprint").clicked() && !app.view.is_blueprint() {
        fired.push(UiCommand::ToggleView);
    }
    if let View::Blueprint { other_lanes } = &mut app.view {
        ui.checkbox(other_lanes, "Other lanes")
            .on_hover_text("Show the lanes that are not part of a blueprint, grouped below it");
    }
    ui.separator();
    let can_undo = app.doc.as_ref().is_some_and(|d| d.history.can_undo());
    let can_redo = app.doc.as_ref().is_some_and(|d| d.history.can_redo());
    if ui.add_enabled(can_undo, Button::new("Undo")).clicked() {
        fired.push(UiCommand::Undo);
    }
    if ui.add_enabled(can_redo, Button::new("Redo")).clicked() {
        fired.push(UiCommand::Redo);
    }
    ui.separator();
    if ui.button("−").on_hover_text("Zoom out").clicked() {
        fired.push(UiCommand::ZoomOut);
    }
    if ui.button(format!("{:.0} %", app.canvas.zoom() * 100.0)).on_hover_text("Zoom to fit").clicked() {
        fired.push(UiCommand::ZoomFit);
    }
    if ui.button("+").on_hover_text("Zoom in").clicked() {
        fired.push(UiCommand::ZoomIn);
    }
}

pub(super) fn status(app: &TouchlineApp, ui: &mut Ui) {
    let Some(doc) = &app.doc else { return };
    egui::Panel::bottom("status bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let place =
                doc.path.as_ref().map_or_else(|| "Not saved yet".to_owned(), |p| p.display().to_string());
            ui.weak(place);
            ui.separator();
            ui.weak(format!(
                "{} stages · {} lanes · {} cards",
                doc.map.stages.len(),
                doc.map.lanes.len(),
                doc.map.cards.len()
            ));
            let selected = app.canvas.selection.card_count();
            if selected > 0 {
                ui.separator();
                ui.weak(format!("{selected} selected"));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(
                    "Double-click to edit · drag to move · Alt+drag to link · right-drag or scroll to pan · Ctrl+scroll to zoom",
                );
            });
        });
    });
}
