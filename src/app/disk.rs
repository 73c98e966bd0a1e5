//! Following the open map's file: a change on disk (git pull, checkout, another editor) reloads
//! the map when nothing is unsaved, and otherwise offers Keep mine, Take theirs or Merge. Saving
//! never silently overwrites a file that changed since it was loaded or saved.

use egui::{Key, Ui};

use super::{TouchlineApp, UiCommand};
use crate::diff::merge::merge;
use crate::file::disk::{self, Disk, Watcher};
use crate::model::Map;

/// What the bar above the map says about the file.
#[derive(Debug)]
pub enum DiskNotice {
    /// Someone else changed the file while there are unsaved edits here.
    Changed { theirs: Box<Map>, fingerprint: u64, save_waiting: bool },
    /// The file changed but cannot be read (a half-written file, a merge conflict in it).
    Unreadable { message: String, fingerprint: u64, save_waiting: bool },
    /// The file was deleted or moved.
    Missing,
    /// A merge with the file kept these of our values; theirs are in the cards' notes.
    Merged { conflicts: Vec<String> },
}

/// Following a map's file: the watcher, and what the bar says about a change.
#[derive(Debug, Default)]
pub struct Follow {
    watcher: Option<Watcher>,
    pub notice: Option<DiskNotice>,
}

/// The facilitator's choice in the bar.
enum Choice {
    KeepMine,
    TakeTheirs,
    Merge,
    SaveAs,
    Dismiss,
}

impl TouchlineApp {
    /// Watches the open map's file and looks at it when the watcher says it changed. The
    /// watcher wakes the editor; nothing here asks for frames, so an idle editor rests.
    pub(super) fn follow_disk(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.docs.get_mut() else { return };
        let follow = &mut doc.follow;
        let Some(path) = doc.path.as_deref() else {
            follow.watcher = None;
            return;
        };
        if follow.watcher.as_ref().is_none_or(|w| w.path != path) {
            let wake = ctx.clone();
            follow.watcher = Some(Watcher::new(path, move || wake.request_repaint()));
        }
        if follow.watcher.as_ref().is_some_and(Watcher::changed) {
            self.look_at_disk();
        }
    }

    /// Compares the file with what was last loaded or saved, and acts on a difference.
    pub fn look_at_disk(&mut self) {
        let Some(doc) = self.docs.get_mut() else { return };
        let (Some(path), Some(on_disk)) = (doc.path.clone(), doc.on_disk.as_ref()) else { return };
        let dirty = doc.is_dirty();
        let notice = &mut doc.follow.notice;
        let seen = match notice {
            Some(DiskNotice::Changed { fingerprint, .. } | DiskNotice::Unreadable { fingerprint, .. }) => {
                Some(*fingerprint)
            }
            _ => None,
        };
        match disk::check(&path, on_disk.fingerprint) {
            Disk::Same => {
                if matches!(notice, Some(DiskNotice::Missing | DiskNotice::Changed { .. })) {
                    *notice = None;
                }
            }
            Disk::Missing => *notice = Some(DiskNotice::Missing),
            Disk::Changed { fingerprint, .. } if seen == Some(fingerprint) => {}
            Disk::Changed { map, fingerprint } => match *map {
                Ok(theirs) if !dirty => {
                    if let Err(e) = doc.reload(theirs, fingerprint, &tl!("edit-reloaded")) {
                        self.modals.error(t!("disk-reload-failed", error = e.to_string()));
                    }
                    doc.follow.notice = None;
                }
                Ok(theirs) => {
                    *notice = Some(DiskNotice::Changed {
                        theirs: Box::new(theirs),
                        fingerprint,
                        save_waiting: false,
                    });
                }
                Err(e) => {
                    *notice = Some(DiskNotice::Unreadable {
                        message: e.to_string(),
                        fingerprint,
                        save_waiting: false,
                    });
                }
            },
        }
    }

    /// Before saving over the map's own file: whether it still holds what was loaded or saved.
    /// If not, the bar asks and saving waits for the answer.
    pub(super) fn disk_allows_save(&mut self) -> bool {
        self.look_at_disk();
        let Some(doc) = self.docs.get_mut() else { return true };
        match &mut doc.follow.notice {
            Some(DiskNotice::Changed { save_waiting, .. } | DiskNotice::Unreadable { save_waiting, .. }) => {
                *save_waiting = true;
                false
            }
            _ => true,
        }
    }

    /// The bar above the map while the file needs a decision.
    pub(super) fn disk_bar(&mut self, ui: &mut Ui) {
        let Some(doc) = self.docs.get() else { return };
        let Some(notice) = &doc.follow.notice else { return };
        let name = doc.display_name();
        let mut choice = None;
        let fill = crate::theme::mix(ui.visuals().panel_fill, ui.visuals().warn_fg_color, 0.16);
        egui::Panel::top("file changed on disk")
            .frame(egui::Frame::side_top_panel(ui.style()).fill(fill))
            .show(ui, |ui| {
                crate::app::mirror::row_wrapped(ui, |ui| match notice {
                    DiskNotice::Changed { save_waiting, .. } => {
                        ui.strong(t!("disk-changed", name = name.as_str()));
                        ui.label(if *save_waiting {
                            t!("disk-changed-since-open")
                        } else {
                            t!("disk-changed-while-unsaved")
                        });
                        if ui.button(t!("disk-keep-mine")).on_hover_text(t!("disk-keep-mine-hint")).clicked()
                        {
                            choice = Some(Choice::KeepMine);
                        }
                        if ui
                            .button(t!("disk-take-theirs"))
                            .on_hover_text(t!("disk-take-theirs-hint"))
                            .clicked()
                        {
                            choice = Some(Choice::TakeTheirs);
                        }
                        if ui.button(t!("disk-merge")).on_hover_text(t!("disk-merge-hint")).clicked() {
                            choice = Some(Choice::Merge);
                        }
                    }
                    DiskNotice::Unreadable { message, .. } => {
                        ui.strong(t!("disk-unreadable", name = name.as_str()));
                        ui.monospace(message);
                        if ui
                            .button(t!("disk-keep-mine"))
                            .on_hover_text(t!("disk-keep-mine-unreadable-hint"))
                            .clicked()
                        {
                            choice = Some(Choice::KeepMine);
                        }
                    }
                    DiskNotice::Missing => {
                        ui.strong(t!("disk-missing", name = name.as_str()));
                        ui.label(t!("disk-still-here"));
                        if ui.button(UiCommand::SaveAs.label()).clicked() {
                            choice = Some(Choice::SaveAs);
                        }
                    }
                    DiskNotice::Merged { conflicts } => {
                        ui.strong(t!("disk-merged", count = conflicts.len()));
                        ui.label(t!("disk-theirs-in-notes"));
                        if ui.button(t!("dialog-ok")).clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                            choice = Some(Choice::Dismiss);
                        }
                    }
                });
            });
        if let Some(choice) = choice {
            self.decide(choice);
        }
    }

    fn decide(&mut self, choice: Choice) {
        let Some(doc) = self.docs.get_mut() else { return };
        let notice = doc.follow.notice.take();
        let save_waiting = matches!(
            notice,
            Some(
                DiskNotice::Changed { save_waiting: true, .. }
                    | DiskNotice::Unreadable { save_waiting: true, .. }
            )
        );
        match (choice, notice) {
            (Choice::KeepMine, Some(DiskNotice::Changed { theirs, fingerprint, .. })) => {
                // Theirs has been seen: the next save may overwrite it, and a later merge starts
                // from it.
                doc.on_disk = Some(super::document::OnDisk { fingerprint, map: *theirs });
                if save_waiting {
                    self.save(false);
                }
            }
            (Choice::KeepMine, Some(DiskNotice::Unreadable { fingerprint, .. })) => {
                if let Some(on_disk) = &mut doc.on_disk {
                    on_disk.fingerprint = fingerprint;
                }
                if save_waiting {
                    self.save(false);
                }
            }
            (Choice::TakeTheirs, Some(DiskNotice::Changed { theirs, fingerprint, .. })) => {
                if let Err(e) = doc.reload(*theirs, fingerprint, &tl!("edit-take-theirs")) {
                    self.modals.error(t!("disk-take-failed", error = e.to_string()));
                }
            }
            (Choice::Merge, Some(DiskNotice::Changed { theirs, fingerprint, .. })) => {
                let base = doc.on_disk.as_ref().map_or_else(|| doc.map.clone(), |d| d.map.clone());
                let merged = merge(&base, &doc.map, &theirs);
                let command = crate::edit::Command::ReplaceMap(Box::new(merged.map));
                if let Err(e) = doc.apply(command, &tl!("edit-merge-disk"), None) {
                    self.modals.error(t!("disk-merge-failed", error = e.to_string()));
                    return;
                }
                doc.history.seal();
                doc.on_disk = Some(super::document::OnDisk { fingerprint, map: *theirs });
                if !merged.conflicts.is_empty() {
                    let conflicts = merged.conflicts.iter().map(ToString::to_string).collect();
                    doc.follow.notice = Some(DiskNotice::Merged { conflicts });
                }
            }
            (Choice::SaveAs, _) => {
                self.save(true);
            }
            (_, other) => {
                if !matches!(other, Some(DiskNotice::Merged { .. }) | None) {
                    doc.follow.notice = other;
                }
            }
        }
    }
}
