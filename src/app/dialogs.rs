//! The editor's questions and messages: unsaved changes, recovered work, errors, templates.

use super::{Document, Pending, TouchlineApp, export_dialog, start};

impl TouchlineApp {
    /// The unsaved-changes question, the template picker and error messages.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        if let Some(pending) = self.prompt.clone() {
            let name = self.doc.as_ref().map(Document::display_name).unwrap_or_default();
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
                ui.set_max_width(360.0);
                ui.heading(format!("Save changes to {name}?"));
                ui.label("Your changes will be lost if you don't save them.");
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        answer = Some(Answer::Save);
                    }
                    if ui.button("Discard").clicked() {
                        answer = Some(Answer::Discard);
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        answer = Some(Answer::Cancel);
                    }
                });
            });
            match answer {
                Some(Answer::Save) => {
                    self.prompt = None;
                    if self.save(false) {
                        self.proceed(pending);
                    }
                }
                Some(Answer::Discard) => {
                    self.prompt = None;
                    if let Some(doc) = &mut self.doc {
                        doc.history.mark_saved();
                    }
                    self.proceed(pending);
                }
                Some(Answer::Cancel) => self.prompt = None,
                None => {}
            }
        }
        if self.picking_template {
            start::template_picker(self, ctx);
        }
        self.recovery_offer_ui(ctx);
        export_dialog::window(self, ctx);
        if let Some(notes) = &self.import_notes
            && message(ctx, "import notes", "Imported, with notes", notes)
        {
            self.import_notes = None;
        }
        if let Some(error) = &self.error
            && message(ctx, "error", "Something went wrong", error)
        {
            self.error = None;
        }
        self.read_only_save_ui(ctx);
    }

    /// Saving met a read-only file: replace it anyway (it stays read-only), save elsewhere, or
    /// leave it.
    fn read_only_save_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = self.read_only_save.clone() else { return };
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("read-only file")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(format!("{name} is read-only"));
            ui.label(
                "Someone (perhaps you) marked this file as not to be changed. Save anyway to replace \
                 it (it stays read-only), or save your changes as another file.",
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save anyway").clicked() {
                    answer = Some(ReadOnly::SaveAnyway);
                }
                if ui.button("Save As…").clicked() {
                    answer = Some(ReadOnly::SaveAs);
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(ReadOnly::Cancel);
                }
            });
        });
        let Some(answer) = answer else { return };
        self.read_only_save = None;
        match answer {
            ReadOnly::SaveAnyway => {
                self.save_over_read_only(path);
            }
            ReadOnly::SaveAs => {
                self.save(true);
            }
            ReadOnly::Cancel => {}
        }
    }

    /// Offers back unsaved changes to the map just opened.
    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let Some(file) = self.recovery_offer.clone() else { return };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery offer")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading("Restore unsaved changes?");
            ui.label(
                "This map has changes that were not saved when Touchline last stopped. Restore \
                 them (you can still undo or discard them), or discard them for good.",
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore changes").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard them").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.recovery_offer = None;
                self.proceed(Pending::Recover(file));
            }
            Some(false) => {
                self.recovery_offer = None;
                crate::file::recovery::discard(&file);
            }
            None => {}
        }
    }
}

enum Answer {
    Save,
    Discard,
    Cancel,
}

/// A message in a modal until OK (or Enter): true when dismissed.
fn message(ctx: &egui::Context, id: &str, heading: &str, text: &str) -> bool {
    let mut dismissed = false;
    egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(heading);
        ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
        dismissed = ui.button("OK").clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter));
    });
    dismissed
}

/// The answers to "this file is read-only".
enum ReadOnly {
    SaveAnyway,
    SaveAs,
    Cancel,
}
