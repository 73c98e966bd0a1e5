//! Opening and saving, the unsaved-changes question, recent files and crash recovery.

use std::path::{Path, PathBuf};

use super::{Document, TouchlineApp};
use crate::file::recovery;
use crate::model::Map;

/// Native file dialogs, replaceable in tests.
pub trait FileDialogs {
    fn pick_map(&mut self) -> Option<PathBuf>;
    fn save_map(&mut self, suggested_name: &str) -> Option<PathBuf>;
    /// A folder of maps to open as a workspace; `None` when the user cancels.
    fn pick_folder(&mut self) -> Option<PathBuf> {
        None
    }
    /// A spreadsheet or Mermaid file to import; `None` when the user cancels.
    fn pick_import(&mut self) -> Option<PathBuf> {
        None
    }
    /// A PNG or JPEG picture for a card or persona; `None` when the user cancels.
    fn pick_picture(&mut self) -> Option<PathBuf> {
        None
    }
    /// Where to write an export of `format`; `None` when the user cancels.
    fn save_export(&mut self, format: crate::export::Format, suggested_name: &str) -> Option<PathBuf> {
        let _ = (format, suggested_name);
        None
    }
}

/// Dialogs that are always cancelled: for headless use and tests.
#[derive(Debug, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_map(&mut self) -> Option<PathBuf> {
        None
    }

    fn save_map(&mut self, _suggested_name: &str) -> Option<PathBuf> {
        None
    }
}

/// The platform's dialogs.
#[derive(Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_map(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(t!("file-filter-map"), &["ron"])
            .set_title(t!("file-open-title"))
            .pick_file()
    }

    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(t!("file-open-folder-title")).pick_folder()
    }

    fn save_map(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(t!("file-filter-map"), &["ron"])
            .set_title(t!("file-save-title"))
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_import(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(t!("file-filter-import"), &["csv", "tsv", "mmd", "mermaid", "md"])
            .set_title(t!("file-import-title"))
            .pick_file()
    }

    fn pick_picture(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(t!("file-filter-picture"), &["png", "jpg", "jpeg", "PNG", "JPG", "JPEG"])
            .set_title(t!("file-picture-title"))
            .pick_file()
    }

    fn save_export(&mut self, format: crate::export::Format, suggested_name: &str) -> Option<PathBuf> {
        let kind = match format {
            crate::export::Format::Png => t!("file-filter-png"),
            crate::export::Format::Svg => t!("file-filter-svg"),
            crate::export::Format::Pdf => t!("file-filter-pdf"),
            crate::export::Format::Slides => t!("file-filter-slides"),
        };
        rfd::FileDialog::new()
            .add_filter(kind, &[format.extension()])
            .set_title(t!("file-export-title", format = format.label()))
            .set_file_name(suggested_name)
            .save_file()
    }
}

impl super::TouchlineApp {
    /// File → Import…: a spreadsheet or a Mermaid journey opens as a new, unsaved map.
    pub(super) fn import_file(&mut self) {
        let Some(path) = self.dialogs.pick_import() else { return };
        let format = match crate::data::DataFormat::for_file(&path, None) {
            Ok(format) => format,
            Err(message) => {
                self.modals.error(message);
                return;
            }
        };
        match crate::data::read_file(&path, format, &[]) {
            Ok(imported) => {
                let shown = path.display().to_string();
                let notes: Vec<String> =
                    imported.warnings.iter().map(|w| crate::data::located(&shown, w)).collect();
                if !notes.is_empty() {
                    self.modals.open(super::Modal::ImportNotes(notes.join("\n")));
                }
                self.after_asking(Pending::Import(Box::new(imported.map)));
            }
            Err(problems) => self.modals.error(problems.join("\n")),
        }
    }
}

/// The recovery copy of a map's unsaved work: written every few seconds while there is some.
#[derive(Debug)]
pub struct Autosave {
    /// The recovery file written for the map, if any.
    written: Option<PathBuf>,
    /// When it was last written (egui's clock).
    last: f64,
    /// The map's revision it holds.
    revision: u64,
}

impl Default for Autosave {
    fn default() -> Self {
        Self { written: None, last: 0.0, revision: u64::MAX }
    }
}

/// What to do once the user has answered the unsaved-changes question.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    Close,
    Open(Option<PathBuf>),
    New(Box<Map>),
    /// An imported map: new, and unsaved from the start.
    Import(Box<Map>),
    Recover(PathBuf),
    /// Close the shown tab.
    CloseTab,
}

const MAX_RECENT: usize = 10;

impl TouchlineApp {
    /// Runs `pending` now, or asks first if the open map has unsaved changes.
    pub(super) fn after_asking(&mut self, pending: Pending) {
        if self.docs.get().is_some_and(Document::is_dirty) {
            self.modals.open(super::Modal::Unsaved(pending));
        } else {
            self.proceed(pending);
        }
    }

    /// Carries out an action that replaces or closes the open map.
    pub(super) fn proceed(&mut self, pending: Pending) {
        match pending {
            Pending::Close => {
                self.discard_recovery();
                // The shown map was saved or let go; another tab with unsaved work is asked
                // about in turn before the window closes.
                if let Some(next) = self.docs.first_dirty() {
                    self.switch_tab(next);
                    self.modals.open(super::Modal::Unsaved(Pending::Close));
                    return;
                }
                self.window.allow_close = true;
                self.window.close_now = true;
            }
            Pending::CloseTab => {
                self.discard_recovery();
                let shown = self.docs.active();
                self.docs.remove(shown);
                self.reset_pictures();
                self.look_at_disk();
            }
            Pending::Open(path) => {
                let path = path.or_else(|| self.dialogs.pick_map());
                if let Some(path) = path {
                    self.open_path(&path);
                }
            }
            Pending::New(map) => {
                self.discard_recovery();
                self.set_document(Document::new(*map, None));
            }
            Pending::Import(map) => {
                self.discard_recovery();
                let mut doc = Document::new(*map, None);
                doc.mark_unsaved();
                self.set_document(doc);
            }
            Pending::Recover(file) => match recovery::read(&file) {
                Ok(map) => {
                    let original = recovery::list(file.parent().unwrap_or(Path::new(".")))
                        .into_iter()
                        .find(|r| r.file == file)
                        .and_then(|r| r.original);
                    self.discard_recovery();
                    // What the file holds now is what saving the recovered work replaces.
                    let on_disk = original.as_deref().and_then(|p| crate::file::load_fingerprinted(p).ok());
                    let mut doc = Document::new(map, original);
                    doc.on_disk = on_disk.map(|(map, fingerprint)| super::OnDisk { fingerprint, map });
                    doc.mark_unsaved();
                    self.set_document(doc);
                    recovery::discard(&file);
                }
                Err(e) => self.modals.error(e.to_string()),
            },
        }
    }

    /// Opens a map file; a broken file shows the same message as `touchline check` and
    /// changes nothing.
    pub fn open_path(&mut self, path: &Path) {
        match Document::open(path) {
            Ok(doc) => {
                self.discard_recovery();
                self.remember(path);
                self.set_document(doc);
                if let Some(file) = self.recovery_for(path) {
                    self.modals.open(super::Modal::Recovery(file));
                }
            }
            Err(e) => self.modals.error(e.to_string()),
        }
    }

    /// Opens the map named on the command line; a file that does not exist yet becomes a new
    /// map (from the blank template) that saves there, as editors do with a new file name.
    pub fn open_or_create(&mut self, path: &Path) {
        if path.exists() {
            self.open_path(path);
            return;
        }
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
            self.modals.error(t!(
                "file-no-folder",
                path = path.display().to_string(),
                folder = folder.display().to_string()
            ));
            return;
        }
        let mut map = crate::templates::load("blank").unwrap_or_default();
        map.title = title_from(path);
        let mut doc = Document::new(map, Some(path.to_owned()));
        doc.mark_unsaved();
        self.set_document(doc);
    }

    /// A recovery file holding unsaved changes to the map at `path`, left by a session that
    /// ended without saving.
    fn recovery_for(&self, path: &Path) -> Option<PathBuf> {
        let folder = self.recovery_folder.as_ref()?;
        let wanted = std::fs::canonicalize(path).ok()?;
        recovery::list(folder)
            .into_iter()
            .find(|r| {
                r.original.as_ref().and_then(|o| std::fs::canonicalize(o).ok()).as_ref() == Some(&wanted)
            })
            .map(|r| r.file)
    }

    pub fn set_document(&mut self, mut doc: Document) {
        // The view stays as it was: the next map opens in the blueprint view if that was shown.
        if let Some(shown) = self.docs.get() {
            doc.view = shown.view;
            doc.blueprint_other_lanes = shown.blueprint_other_lanes;
        }
        self.docs.replace(doc);
        self.reset_pictures();
    }

    /// Another map is shown: the picture library starts over (its revisions count from 0
    /// again), reading pictures outside the map's folder only if the user agreed for this map.
    pub(super) fn reset_pictures(&mut self) {
        self.pictures = crate::pictures::Library::default();
        self.pictures.set_reach(self.agreed_reach());
    }

    /// Shows the tab at `index`; what changed on disk while it was behind is looked at now.
    pub fn switch_tab(&mut self, index: usize) {
        if index == self.docs.active() || index >= self.docs.len() {
            return;
        }
        if let Some(doc) = self.docs.get_mut() {
            doc.canvas.editing = None;
        }
        self.docs.select(index);
        self.reset_pictures();
        self.look_at_disk();
    }

    /// Closes the tab at `index`, asking first if its map has unsaved changes.
    pub fn close_tab(&mut self, index: usize) {
        self.switch_tab(index);
        self.after_asking(Pending::CloseTab);
    }

    /// Opens a folder of maps as the workspace, in place of any other.
    pub fn open_folder(&mut self, path: &Path) {
        if !path.is_dir() {
            self.modals.error(t!("workspace-not-a-folder", path = path.display().to_string()));
            return;
        }
        self.workspace = Some(super::workspace::Workspace::open(path));
    }

    /// Shows the map at `path` in its tab, opening it in a new tab if it is not open, with an
    /// item of it selected. A map that does not read shows the same message as `check`.
    pub fn open_in_tab(&mut self, path: &Path, select: Option<&crate::portfolio::search::Item>) {
        if let Some(index) = self.docs.find(path) {
            self.switch_tab(index);
        } else {
            let doc = match Document::open(path) {
                Ok(doc) => doc,
                Err(e) => {
                    self.modals.error(e.to_string());
                    return;
                }
            };
            let mut doc = doc;
            if let Some(shown) = self.docs.get() {
                doc.view = shown.view;
                doc.blueprint_other_lanes = shown.blueprint_other_lanes;
                doc.canvas.editing = None;
            }
            // A start with nothing in it (no file, no change) gives its place to the map.
            if self
                .docs
                .get()
                .is_some_and(|d| d.path.is_none() && !d.is_dirty() && d.history.undo_label().is_none())
            {
                self.docs.replace(doc);
            } else {
                self.docs.push(doc);
            }
            self.remember(path);
            self.reset_pictures();
            if let Some(file) = self.recovery_for(path) {
                self.modals.open(super::Modal::Recovery(file));
            }
        }
        let Some(doc) = self.docs.get_mut() else { return };
        match select {
            Some(crate::portfolio::search::Item::Card(id)) if doc.map.card(id).is_some() => {
                doc.canvas.selection = super::Selection::card(id.clone());
                doc.reveal = Some(id.clone());
            }
            Some(crate::portfolio::search::Item::Stage(id)) if doc.map.stage(id).is_some() => {
                doc.canvas.selection = super::Selection::Header(super::HeaderSelection::Stage(id.clone()));
            }
            _ => {}
        }
    }

    /// Saves to the document's path, or asks for one. Returns whether the map was saved. Never
    /// overwrites a file that changed since it was loaded or saved without asking first; a file
    /// that was deleted or moved is saved with Save As.
    pub(super) fn save(&mut self, mut ask_for_path: bool) -> bool {
        if !ask_for_path && self.docs.get().is_some_and(|d| d.path.is_some()) {
            self.look_at_disk();
            if matches!(
                self.docs.get().and_then(|d| d.follow.notice.as_ref()),
                Some(super::DiskNotice::Missing)
            ) {
                ask_for_path = true;
            } else if !self.disk_allows_save() {
                return false;
            }
        }
        let Some(doc) = self.docs.get_mut() else { return false };
        let path = match (&doc.path, ask_for_path) {
            (Some(path), false) => path.clone(),
            _ => {
                let suggested = format!("{}.ron", slug(&doc.map.title));
                match self.dialogs.save_map(&suggested) {
                    Some(path) => path,
                    None => return false,
                }
            }
        };
        let from = doc.path.as_deref().map(super::pictures::pictures_folder);
        let to = super::pictures::pictures_folder(&path);
        let rebased = if from.as_ref() == Some(&to) {
            Vec::new()
        } else {
            super::pictures::rebase_pictures(&doc.map, from.as_deref(), &to)
        };
        if !rebased.is_empty() {
            self.apply_edits(vec![super::Edit::apply(
                crate::edit::Command::Batch(rebased),
                tl!("edit-keep-pictures"),
            )]);
        }
        self.write_map(path, false)
    }

    /// Saves over a read-only file after the user said "Save anyway".
    pub(super) fn save_over_read_only(&mut self, path: PathBuf) -> bool {
        self.write_map(path, true)
    }

    /// Writes the map to `path`, and says so, or why not: the map stays unsaved (the title keeps
    /// its mark) and the recovery copy keeps the work; a read-only file is asked about.
    fn write_map(&mut self, path: PathBuf, replace_read_only: bool) -> bool {
        // Pictures shown before the save stay shown where they now lie outside the map's folder
        // (Save As elsewhere): they are the user's own, not a stranger's map reaching out.
        let showing_all = self.pictures.outside().is_empty();
        let Some(doc) = self.docs.get_mut() else { return false };
        match doc.save_to(&path, replace_read_only) {
            Ok(()) => {
                let folder = crate::pictures::folder_of(&path);
                let reaches_out = crate::pictures::named(&doc.map)
                    .iter()
                    .any(|name| crate::pictures::outside(folder, name));
                doc.follow.notice = None;
                if showing_all && reaches_out {
                    self.trust_pictures(&path);
                }
                self.discard_recovery();
                self.remember(&path);
                if let Some(workspace) = &mut self.workspace {
                    workspace.refresh(&path);
                }
                true
            }
            Err(e) if !replace_read_only && crate::file::is_read_only_refusal(&e) => {
                self.modals.open(super::Modal::ReadOnly(path));
                false
            }
            Err(e) => {
                self.modals.error(t!(
                    "file-not-saved",
                    path = path.display().to_string(),
                    error = e.to_string()
                ));
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(MAX_RECENT);
    }

    /// Writes the recovery copy of unsaved work, at most every few seconds, for every tab:
    /// a map in a tab behind the shown one is as safe as the shown one.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        const EVERY_SECONDS: f64 = 5.0;
        let now = ctx.input(|i| i.time);
        let folder = self.recovery_folder.clone();
        for doc in self.docs.iter_mut() {
            if !doc.is_dirty() || doc.revision() == doc.autosave.revision {
                continue;
            }
            let wait = EVERY_SECONDS - (now - doc.autosave.last);
            if wait > 0.0 {
                // Unsaved work waits for its recovery copy: come back then, even if nobody moves.
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
                continue;
            }
            doc.autosave.last = now;
            doc.autosave.revision = doc.revision();
            if let Some(folder) = &folder {
                let file = recovery::file_for(folder, doc.path.as_deref(), doc.session);
                let original =
                    doc.path.as_ref().map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()));
                // Recovery is a safety net: failing to write it must not interrupt the user.
                if recovery::write(&file, original.as_deref(), &doc.map).is_ok() {
                    doc.autosave.written = Some(file);
                }
            }
        }
    }

    /// Removes the recovery copy of the open map: the one written last, wherever the map has
    /// been saved to since.
    fn discard_recovery(&mut self) {
        let Some(doc) = self.docs.get_mut() else { return };
        if let Some(file) = doc.autosave.written.take() {
            recovery::discard(&file);
        }
        doc.autosave.revision = u64::MAX;
    }
}

/// A map title made from a file name: `new-map.ron` → "New map".
fn title_from(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().replace(['-', '_'], " ")).unwrap_or_default();
    let mut chars = stem.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => t!("file-untitled-journey").to_owned(),
    }
}

/// A file name made from a map title.
pub(super) fn slug(title: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() { "journey".to_owned() } else { slug }
}
