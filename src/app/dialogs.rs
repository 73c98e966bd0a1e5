//! The editor's questions and messages: unsaved changes, recovered work, errors, templates.

use super::modal::{Modal, ModalKind};
use super::{Document, Pending, TouchlineApp, export_dialog, start};

impl TouchlineApp {
    /// Every open dialog, bottom first; only the top one answers Enter and Esc.
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let shown = self.modals.snapshot();
        let top = shown.len().saturating_sub(1);
        for (at, modal) in shown.into_iter().enumerate() {
            let keys = at == top;
            match &modal {
                Modal::Unsaved(pending) => self.unsaved_ui(ctx, pending.clone(), keys),
                Modal::ReadOnly(path) => self.read_only_save_ui(ctx, path.clone(), keys),
                Modal::Recovery(file) => self.recovery_offer_ui(ctx, file.clone()),
                Modal::Templates => {
                    if let Some(choice) = start::template_picker(ctx) {
                        self.on_start_choice(choice);
                    }
                }
                Modal::Export => self.export_dialog_ui(ctx),
                Modal::ImportNotes(text) | Modal::Error(text) => {
                    let heading = if matches!(modal, Modal::Error(_)) {
                        t!("dialog-error-title")
                    } else {
                        t!("dialog-import-notes-title")
                    };
                    if message(ctx, at, &heading, text, keys) {
                        self.modals.remove(&modal);
                    }
                }
            }
        }
    }

    /// Acts on a choice made on the start screen or in the template picker.
    pub(super) fn on_start_choice(&mut self, choice: start::Choice) {
        match choice {
            start::Choice::Go(pending) => {
                self.modals.close(ModalKind::Templates);
                self.after_asking(pending);
            }
            start::Choice::Failed(message) => self.modals.error(message),
            start::Choice::Close => self.modals.close(ModalKind::Templates),
            start::Choice::OpenFolder => {
                if let Some(path) = self.dialogs.pick_folder() {
                    self.open_folder(&path);
                }
            }
        }
    }

    /// The export dialog, and what its buttons ask for.
    fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.docs.get() else { return };
        match export_dialog::window(ctx, doc, &mut self.export) {
            Some(export_dialog::Action::Close) => self.modals.close(ModalKind::Export),
            Some(export_dialog::Action::Save(options)) => self.export_file(&options),
            Some(export_dialog::Action::Copy(options)) => self.copy_image(ctx, &options),
            None => {}
        }
    }

    /// Save changes to the map before `pending` replaces or closes it?
    fn unsaved_ui(&mut self, ctx: &egui::Context, pending: Pending, keys: bool) {
        let name = self.docs.get().map(Document::display_name).unwrap_or_default();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("unsaved changes")).show(ctx, |ui| {
            ui.set_max_width(360.0);
            ui.heading(t!("dialog-unsaved-title", name = name));
            ui.label(t!("dialog-unsaved-text"));
            ui.add_space(8.0);
            crate::app::mirror::row(ui, |ui| {
                if ui.button(t!("dialog-save")).clicked() {
                    answer = Some(Answer::Save);
                }
                if ui.button(t!("dialog-discard")).clicked() {
                    answer = Some(Answer::Discard);
                }
                if ui.button(t!("dialog-cancel")).clicked()
                    || (keys && ui.input(|i| i.key_pressed(egui::Key::Escape)))
                {
                    answer = Some(Answer::Cancel);
                }
            });
        });
        let Some(answer) = answer else { return };
        self.modals.remove(&Modal::Unsaved(pending.clone()));
        match answer {
            Answer::Save => {
                if self.save(false) {
                    self.proceed(pending);
                }
            }
            Answer::Discard => {
                if let Some(doc) = self.docs.get_mut() {
                    doc.history.mark_saved();
                }
                self.proceed(pending);
            }
            Answer::Cancel => {}
        }
    }

    /// Saving met a read-only file: replace it anyway (it stays read-only), save elsewhere, or
    /// leave it.
    fn read_only_save_ui(&mut self, ctx: &egui::Context, path: std::path::PathBuf, keys: bool) {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("read-only file")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(t!("dialog-read-only-title", name = name));
            ui.label(t!("dialog-read-only-text"));
            ui.add_space(8.0);
            crate::app::mirror::row(ui, |ui| {
                if ui.button(t!("dialog-save-anyway")).clicked() {
                    answer = Some(ReadOnly::SaveAnyway);
                }
                if ui.button(t!("dialog-save-as")).clicked() {
                    answer = Some(ReadOnly::SaveAs);
                }
                if ui.button(t!("dialog-cancel")).clicked()
                    || (keys && ui.input(|i| i.key_pressed(egui::Key::Escape)))
                {
                    answer = Some(ReadOnly::Cancel);
                }
            });
        });
        let Some(answer) = answer else { return };
        self.modals.remove(&Modal::ReadOnly(path.clone()));
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
    fn recovery_offer_ui(&mut self, ctx: &egui::Context, file: std::path::PathBuf) {
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("recovery offer")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(t!("dialog-restore-title"));
            ui.label(t!("dialog-restore-text"));
            ui.add_space(8.0);
            crate::app::mirror::row(ui, |ui| {
                if ui.button(t!("dialog-restore")).clicked() {
                    answer = Some(true);
                }
                if ui.button(t!("dialog-discard-them")).clicked() {
                    answer = Some(false);
                }
            });
        });
        let Some(restore) = answer else { return };
        self.modals.remove(&Modal::Recovery(file.clone()));
        if restore {
            self.proceed(Pending::Recover(file));
        } else {
            crate::file::recovery::discard(&file);
        }
    }
}

enum Answer {
    Save,
    Discard,
    Cancel,
}

/// A message in a modal until OK (or Enter, when `keys`): true when dismissed.
fn message(ctx: &egui::Context, at: usize, heading: &str, text: &str, keys: bool) -> bool {
    let mut dismissed = false;
    egui::Modal::new(egui::Id::unique(("message", at))).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(heading);
        ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
        dismissed =
            ui.button(t!("dialog-ok")).clicked() || (keys && ui.input(|i| i.key_pressed(egui::Key::Enter)));
    });
    dismissed
}

/// The answers to "this file is read-only".
enum ReadOnly {
    SaveAnyway,
    SaveAs,
    Cancel,
}
