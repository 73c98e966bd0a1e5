//! The menu bar, the toolbar and the status bar.

use egui::{Button, Ui};

use super::{Edit, Pending, ThemeChoice, TouchlineApp, UiCommand, present};
use crate::layout::View;

/// A menu entry for a command, with its shortcut shown the platform's way.
fn item(ui: &mut Ui, command: UiCommand, label: &str, enabled: bool) -> bool {
    let mut button = Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let clicked = ui.add_enabled(enabled, button).clicked();
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
            let has_doc = app.doc.is_some();
            ui.menu_button("File", |ui| {
                for command in [UiCommand::New, UiCommand::Open] {
                    if item(ui, command, command.label(), true) {
                        fired.push(command);
                    }
                }
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
                if ui
                    .button("Import…")
                    .on_hover_text("A spreadsheet (CSV, TSV) or a Mermaid journey, as a new map")
                    .clicked()
                {
                    app.import_file();
                    ui.close();
                }
                ui.separator();
                for command in [UiCommand::Save, UiCommand::SaveAs] {
                    if item(ui, command, command.label(), has_doc) {
                        fired.push(command);
                    }
                }
                ui.separator();
                for command in [UiCommand::Export, UiCommand::CopyImage] {
                    if item(ui, command, command.label(), has_doc) {
                        fired.push(command);
                    }
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    ui.close();
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = app.doc.as_ref().map_or((None, None), |d| {
                    (d.history.undo_label().map(str::to_owned), d.history.redo_label().map(str::to_owned))
                });
                if item(
                    ui,
                    UiCommand::Undo,
                    &undo.as_ref().map_or("Undo".to_owned(), |l| format!("Undo {l}")),
                    undo.is_some(),
                ) {
                    fired.push(UiCommand::Undo);
                }
                if item(
                    ui,
                    UiCommand::Redo,
                    &redo.as_ref().map_or("Redo".to_owned(), |l| format!("Redo {l}")),
                    redo.is_some(),
                ) {
                    fired.push(UiCommand::Redo);
                }
                ui.separator();
                let any = !app.canvas.selected.is_empty();
                for (command, enabled) in [
                    (UiCommand::Cut, any),
                    (UiCommand::Copy, any),
                    (UiCommand::Duplicate, any),
                    (UiCommand::Delete, any || app.canvas.header.is_some()),
                    (UiCommand::SelectAll, has_doc),
                    (
                        UiCommand::ClearVotes,
                        app.doc.as_ref().is_some_and(|d| present::vote::total(&d.map) > 0),
                    ),
                ] {
                    if item(ui, command, command.label(), enabled) {
                        fired.push(command);
                    }
                }
            });
            ui.menu_button("View", |ui| {
                for command in [
                    UiCommand::ZoomIn,
                    UiCommand::ZoomOut,
                    UiCommand::ZoomReset,
                    UiCommand::ZoomFit,
                    UiCommand::ToggleView,
                    UiCommand::ToggleInspector,
                ] {
                    if item(ui, command, command.label(), has_doc) {
                        fired.push(command);
                    }
                }
                ui.separator();
                for command in [UiCommand::Present, UiCommand::PresentInWindow] {
                    if item(ui, command, command.label(), has_doc) {
                        fired.push(command);
                    }
                }
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
            });
            if has_doc {
                ui.separator();
                toolbar(app, ui, &mut fired);
            }
        });
    });
    for command in fired {
        app.run_command(command, &ctx, edits);
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
            if !app.canvas.selected.is_empty() {
                ui.separator();
                ui.weak(format!("{} selected", app.canvas.selected.len()));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.weak(
                    "Double-click to edit · drag to move · Alt+drag to link · right-drag or scroll to pan · Ctrl+scroll to zoom",
                );
            });
        });
    });
}
