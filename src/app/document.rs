//! One open map: its content, where it lives, its undo history and its cached layout.

use std::path::{Path, PathBuf};

use super::Canvas;
use super::disk::Follow;
use super::files::Autosave;
use crate::edit::{Command, EditError, History};
use crate::file;
use crate::layout::{MapLayout, View};
use crate::model::Map;
use crate::theme::TypeSize;

/// An open map.
#[derive(Debug)]
pub struct Document {
    pub map: Map,
    /// Where the map is saved; `None` until the first Save As.
    pub path: Option<PathBuf>,
    pub history: History,
    /// Bumped on every change, so cached layouts know when they are stale.
    revision: u64,
    /// The editor's layout, and the large-type one a presentation shows: both can be on screen
    /// at once (presenting in a second window), so each keeps its own cache.
    layout: Option<CachedLayout>,
    large_layout: Option<CachedLayout>,
    /// Identifies an untitled document's recovery file.
    pub session: u64,
    /// What the file held when last loaded or saved, if the map has a file.
    pub on_disk: Option<OnDisk>,
    /// The editor's view of the map: pan, zoom, selection, what is dragged or typed.
    pub canvas: Canvas,
    /// Journey or blueprint.
    pub view: View,
    /// Whether the blueprint view last showed the non-blueprint lanes.
    pub(super) blueprint_other_lanes: bool,
    /// The file on disk, followed for changes made elsewhere.
    pub follow: Follow,
    /// The recovery copy of unsaved work.
    pub(super) autosave: Autosave,
    /// Its pictures outside its folder are not to be asked about again this session.
    pub(super) outside_pictures_dismissed: bool,
    /// A card to bring into view once the map is laid out (opened from a search or roll-up).
    pub reveal: Option<crate::model::CardId>,
    /// The name its tab shows when it has no file of its own (a comparison of two maps).
    pub shown_name: Option<String>,
}

/// The file's content as this editor last read or wrote it.
#[derive(Debug, Clone)]
pub struct OnDisk {
    /// Of the bytes: a file with other bytes was changed by someone else.
    pub fingerprint: u64,
    /// The map those bytes hold: the common base when merging with a change on disk.
    pub map: Map,
}

#[derive(Debug)]
struct CachedLayout {
    revision: u64,
    view: View,
    layout: MapLayout,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        let session = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Self {
            map,
            path,
            history: History::default(),
            revision: 0,
            layout: None,
            large_layout: None,
            session,
            on_disk: None,
            canvas: Canvas::default(),
            view: View::Journey,
            blueprint_other_lanes: false,
            follow: Follow::default(),
            autosave: Autosave::default(),
            outside_pictures_dismissed: false,
            reveal: None,
            shown_name: None,
        }
    }

    pub fn open(path: &Path) -> Result<Self, file::LoadError> {
        let (map, fingerprint) = file::load_fingerprinted(path)?;
        let mut doc = Self::new(map.clone(), Some(path.to_owned()));
        doc.on_disk = Some(OnDisk { fingerprint, map });
        Ok(doc)
    }

    /// Replaces the map with what the file now holds, as one undoable step, and takes that as
    /// the saved state.
    pub fn reload(&mut self, theirs: Map, fingerprint: u64, label: &str) -> Result<(), EditError> {
        self.apply(Command::ReplaceMap(Box::new(theirs.clone())), label, None)?;
        self.history.seal();
        self.history.mark_saved();
        self.on_disk = Some(OnDisk { fingerprint, map: theirs });
        Ok(())
    }

    /// The name shown in the title bar and tabs.
    pub fn display_name(&self) -> String {
        if let Some(name) = &self.shown_name {
            return name.clone();
        }
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| t!("document-untitled"), |n| n.to_string_lossy().into_owned())
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit as one undo step.
    pub fn apply(
        &mut self,
        command: Command,
        label: &str,
        merge_key: Option<String>,
    ) -> Result<(), EditError> {
        self.history.apply_merging(&mut self.map, command, label, merge_key)?;
        self.revision += 1;
        Ok(())
    }

    /// Takes back the last step if it is the run with `merge_key` (see [`History::retract`]).
    pub fn retract(&mut self, merge_key: &str) -> Result<bool, EditError> {
        let done = self.history.retract(&mut self.map, merge_key)?;
        self.revision += u64::from(done);
        Ok(done)
    }

    pub fn undo(&mut self) -> Result<bool, EditError> {
        let done = self.history.undo(&mut self.map)?;
        self.revision += u64::from(done);
        Ok(done)
    }

    pub fn redo(&mut self) -> Result<bool, EditError> {
        let done = self.history.redo(&mut self.map)?;
        self.revision += u64::from(done);
        Ok(done)
    }

    /// Saves to `path` (or the document's own path), atomically; `replace_read_only` replaces a
    /// read-only file too (it stays read-only).
    pub fn save_to(&mut self, path: &Path, replace_read_only: bool) -> std::io::Result<()> {
        let fingerprint = file::save_as_asked(&self.map, path, replace_read_only)?;
        self.path = Some(path.to_owned());
        self.history.mark_saved();
        self.on_disk = Some(OnDisk { fingerprint, map: self.map.clone() });
        Ok(())
    }

    /// Brings the editor's cached layout up to date with the map and `view`.
    pub fn refresh_layout(&mut self, ctx: &egui::Context, view: View) {
        self.refresh_layout_sized(ctx, view, TypeSize::Standard);
    }

    /// Brings the cached layout of one type size up to date with the map and `view`.
    pub fn refresh_layout_sized(&mut self, ctx: &egui::Context, view: View, type_size: TypeSize) {
        let revision = self.revision;
        let slot = match type_size {
            TypeSize::Standard => &mut self.layout,
            TypeSize::Large => &mut self.large_layout,
        };
        if slot.as_ref().is_none_or(|c| c.revision != revision || c.view != view) {
            let layout = crate::text::layout_map(ctx, &self.map, view, type_size);
            *slot = Some(CachedLayout { revision, view, layout });
        }
    }

    /// The map with the editor's layout, as of the last [`Document::refresh_layout`].
    pub fn map_and_layout(&self) -> (&Map, Option<&MapLayout>) {
        self.map_and_layout_sized(TypeSize::Standard)
    }

    /// The map with its layout of one type size, as of the last refresh.
    pub fn map_and_layout_sized(&self, type_size: TypeSize) -> (&Map, Option<&MapLayout>) {
        let slot = match type_size {
            TypeSize::Standard => &self.layout,
            TypeSize::Large => &self.large_layout,
        };
        (&self.map, slot.as_ref().map(|c| &c.layout))
    }

    /// The editor's canvas, with the map and its layout as of the last refresh, to draw and
    /// act on together.
    pub fn canvas_map_layout(&mut self) -> (&mut Canvas, &Map, Option<&MapLayout>) {
        (&mut self.canvas, &self.map, self.layout.as_ref().map(|c| &c.layout))
    }

    /// Brings the card asked for into view, at a zoom where it reads, once the canvas has its
    /// place and the map its layout.
    pub fn reveal_pending(&mut self) {
        if self.canvas.rect.width() <= 0.0 || self.canvas.fit_requested {
            return;
        }
        let Some(id) = self.reveal.take() else { return };
        let Some(rect) = self.layout.as_ref().and_then(|c| c.layout.card(&id)).map(|c| c.rect) else {
            return;
        };
        if self.canvas.zoom() < 0.75 {
            self.canvas.set_zoom(0.75);
        }
        self.canvas.reveal(rect);
    }

    /// Marks the document as changed although nothing was edited (recovered work).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }
}

/// The open maps, one per tab, and the one shown.
#[derive(Debug, Default)]
pub struct Documents {
    list: Vec<Document>,
    active: usize,
}

impl Documents {
    /// The map shown, if any is open.
    pub fn get(&self) -> Option<&Document> {
        self.list.get(self.active)
    }

    pub fn get_mut(&mut self) -> Option<&mut Document> {
        self.list.get_mut(self.active)
    }

    /// How many maps are open.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The open maps, in tab order.
    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        self.list.iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Document> {
        self.list.iter_mut()
    }

    /// The shown tab's place.
    pub fn active(&self) -> usize {
        self.active
    }

    /// Shows the tab at `index`, if there is one.
    pub fn select(&mut self, index: usize) {
        if index < self.list.len() {
            self.active = index;
        }
    }

    /// The tab of the map saved at `path` (the same file by any name), if it is open.
    pub fn find(&self, path: &Path) -> Option<usize> {
        let wanted = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.list.iter().position(|d| {
            d.path.as_ref().is_some_and(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()) == wanted)
        })
    }

    /// Opens `doc` in a new tab after the shown one, and shows it.
    pub fn push(&mut self, doc: Document) {
        let at = if self.list.is_empty() { 0 } else { self.active + 1 };
        self.list.insert(at, doc);
        self.active = at;
    }

    /// Closes the tab at `index`; the tab before it is shown if it was the shown one.
    pub fn remove(&mut self, index: usize) -> Option<Document> {
        if index >= self.list.len() {
            return None;
        }
        let doc = self.list.remove(index);
        if self.active > index || self.active >= self.list.len() {
            self.active = self.active.saturating_sub(1);
        }
        Some(doc)
    }

    /// The first tab with unsaved changes.
    pub fn first_dirty(&self) -> Option<usize> {
        self.list.iter().position(Document::is_dirty)
    }

    /// Puts `doc` in the shown tab, in place of the map there (the first tab when none is open).
    pub fn replace(&mut self, doc: Document) {
        match self.list.get_mut(self.active) {
            Some(shown) => *shown = doc,
            None => {
                self.list.push(doc);
                self.active = self.list.len() - 1;
            }
        }
    }
}
