//! Maps that open other maps: following a card's or a stage's `opens`, coming back, and the
//! titles their marks show.

use std::path::PathBuf;

use super::{Document, Edit, HeaderSelection, Selection, TouchlineApp};
use crate::edit::Command;
use crate::model::{CardId, StageId};

/// What a map chosen in the file dialog is linked from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// The card opens it.
    Card(CardId),
    /// The stage opens it.
    Stage(StageId),
    /// It is the map's other state.
    Counterpart,
}

/// The map the selected card or stage opens, as it names it.
pub fn selected_link(doc: &Document) -> Option<String> {
    match &doc.canvas.selection {
        Selection::Cards(ids) if ids.len() == 1 => {
            ids.iter().next().and_then(|id| doc.map.card(id)?.opens.clone())
        }
        Selection::Header(HeaderSelection::Stage(id)) => doc.map.stage(id)?.opens.clone(),
        _ => None,
    }
}

impl TouchlineApp {
    /// Looks up the titles of the maps the shown map opens that its marks do not know yet.
    pub(super) fn refresh_linked(&mut self) {
        let Some(doc) = self.docs.get() else { return };
        let Some(path) = doc.path.clone() else { return };
        // Every frame: only links not looked up yet are copied.
        let links: Vec<String> = doc
            .map
            .cards
            .iter()
            .filter_map(|c| c.opens.as_ref())
            .chain(doc.map.stages.iter().filter_map(|s| s.opens.as_ref()))
            .filter(|l| !doc.canvas.linked.contains_key(l.as_str()))
            .cloned()
            .collect();
        if links.is_empty() {
            return;
        }
        let mut found = Vec::with_capacity(links.len());
        for link in links {
            let target = crate::portfolio::linked_path(&path, &link);
            // The folder's list may be older than the disk: a map deleted since is missing.
            let title = if target.is_file() {
                self.workspace
                    .as_ref()
                    .and_then(|w| w.title_of(&target))
                    .or_else(|| crate::file::load(&target).ok().map(|m| m.title))
            } else {
                None
            };
            found.push((link, title));
        }
        if let Some(doc) = self.docs.get_mut() {
            doc.canvas.linked.extend(found);
        }
    }

    /// Opens the map `link` names (relative to the shown map's folder) in its tab; Back returns.
    pub fn follow_link(&mut self, link: &str) {
        let Some(from) = self.docs.get().and_then(|d| d.path.clone()) else {
            self.modals.error(t!("link-unsaved"));
            return;
        };
        let target = crate::portfolio::linked_path(&from, link);
        if !target.is_file() {
            self.modals.error(t!("link-missing", file = link.to_owned()));
            return;
        }
        self.back.push(from);
        self.open_in_tab(&target, None);
        if self.docs.get().and_then(|d| d.path.as_deref()) != Some(target.as_path()) {
            // It did not open (the error says why): there is nothing to come back from.
            self.back.pop();
        }
    }

    /// Opens, in a tab of its own, the shown map beside its counterpart (its other state): the
    /// current state above, the future below, their curves in one lane, the changes marked.
    pub fn compare_with_counterpart(&mut self) {
        let Some(doc) = self.docs.get() else { return };
        let (Some(path), Some(other)) = (doc.path.clone(), doc.map.counterpart.clone()) else { return };
        let target = crate::portfolio::linked_path(&path, &other);
        let theirs = match crate::file::load(&target) {
            Ok(map) => map,
            Err(_) if !target.is_file() => {
                self.modals.error(t!("link-missing", file = other));
                return;
            }
            Err(e) => {
                self.modals.error(e.to_string());
                return;
            }
        };
        let comparison = crate::diff::compare::compare_states(&doc.map, &theirs);
        let name = |p: &std::path::Path| {
            p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        let mut shown = Document::new(comparison.map, None);
        shown.canvas.marks = Some(comparison.marks);
        shown.shown_name = Some(t!("compare-tab", one = name(&path), other = name(&target)));
        self.docs.push(shown);
        self.reset_pictures();
    }

    /// The inspector's Choose… for a linked map: the file dialog, then the link, named from the
    /// map's folder as pictures are.
    pub(super) fn choose_requested_link(&mut self, edits: &mut Vec<Edit>) {
        let Some(target) = self.picture_input.link.take() else { return };
        let Some(file) = self.dialogs.pick_map() else { return };
        let Some(doc) = self.docs.get() else { return };
        let absolute = std::path::absolute(&file).unwrap_or(file);
        let folder = doc.path.as_deref().map(super::pictures::pictures_folder);
        let link = Some(crate::pictures::relative_name(folder.as_deref(), &absolute));
        let map = &doc.map;
        let command = match target {
            LinkTarget::Card(id) => map
                .card(&id)
                .filter(|c| c.opens != link)
                .map(|c| Command::ReplaceCard(crate::model::Card { opens: link, ..c.clone() })),
            LinkTarget::Stage(id) => map
                .stage(&id)
                .filter(|s| s.opens != link)
                .map(|s| Command::ReplaceStage(crate::model::Stage { opens: link, ..s.clone() })),
            LinkTarget::Counterpart => (map.counterpart != link).then(|| {
                let mut meta = map.meta();
                meta.counterpart = link;
                Command::SetMeta(Box::new(meta))
            }),
        };
        if let Some(command) = command {
            edits.push(Edit::apply(command, tl!("edit-link-map")));
            edits.push(Edit::Seal);
        }
    }

    /// Goes back to the map a link was followed from.
    pub fn go_back(&mut self) {
        if let Some(path) = self.back.pop() {
            self.open_in_tab(&path, None);
        }
    }

    /// The maps followed to the shown one, as titles, first first.
    pub fn breadcrumbs(&self) -> Vec<String> {
        // Every frame: the paths Back holds are the tabs' own, so they compare as they are.
        let title = |path: &PathBuf| {
            self.docs.iter().find(|d| d.path.as_ref() == Some(path)).map_or_else(
                || path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                |d| d.map.title.clone(),
            )
        };
        let mut crumbs: Vec<String> = self.back.iter().map(title).collect();
        if !crumbs.is_empty()
            && let Some(doc) = self.docs.get()
        {
            crumbs.push(doc.map.title.clone());
        }
        crumbs
    }
}
