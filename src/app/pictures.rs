//! Pictures in the editor: the library kept in step with the open map, attaching a picture to a
//! card or a persona (dropped on the card, or chosen in the inspector), and what the window says
//! while files are dragged over it.

use std::path::Path;

use super::{Edit, TouchlineApp};
use crate::edit::Command;
use crate::model::{CardId, Map, PersonaId};

/// What a picture goes on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PictureTarget {
    Card(CardId),
    Persona(PersonaId),
}

/// What the inspector asked of pictures in a frame.
#[derive(Debug, Default)]
pub struct Requests {
    /// A picture file to choose for this.
    pub request: Option<PictureTarget>,
    /// A map file to choose for this link.
    pub link: Option<super::links::LinkTarget>,
    /// Where dropped pictures go (a persona's rows).
    pub zones: Vec<(egui::Rect, PictureTarget)>,
}

/// Whether a file looks like a picture Touchline shows, by its name.
pub fn is_picture_file(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| matches!(e.as_str(), "png" | "jpg" | "jpeg"))
}

/// The command that sets `target`'s picture to `image` (or takes it off), if the target exists
/// and the picture differs.
pub fn set_picture(map: &Map, target: &PictureTarget, image: Option<String>) -> Option<Command> {
    match target {
        PictureTarget::Card(id) => {
            let card = map.card(id)?;
            (card.image != image).then(|| Command::ReplaceCard(crate::model::Card { image, ..card.clone() }))
        }
        PictureTarget::Persona(id) => {
            let persona = map.personas.iter().find(|p| &p.id == id)?;
            (persona.image != image)
                .then(|| Command::ReplacePersona(crate::model::Persona { image, ..persona.clone() }))
        }
    }
}

/// The folder, as an absolute path, that the pictures of the map saved at `map_file` are named
/// from.
pub fn pictures_folder(map_file: &Path) -> std::path::PathBuf {
    let folder = crate::pictures::folder_of(map_file).unwrap_or(Path::new("."));
    std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf())
}

/// The commands that keep each picture naming the same file when a map whose pictures were
/// named from `from` (its folder; `None` for a map not saved yet) is saved in `to`: Save As into
/// another folder must not leave the pictures behind.
pub fn rebase_pictures(map: &Map, from: Option<&Path>, to: &Path) -> Vec<Command> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let to = absolute(to);
    let rename = |name: &str| {
        let file = absolute(&crate::pictures::resolve(from, name));
        let renamed = crate::pictures::relative_name(Some(&to), &file);
        (renamed != name).then_some(renamed)
    };
    let cards = map.cards.iter().filter_map(|card| {
        let image = rename(card.image.as_deref()?)?;
        Some(Command::ReplaceCard(crate::model::Card { image: Some(image), ..card.clone() }))
    });
    let personas = map.personas.iter().filter_map(|persona| {
        let image = rename(persona.image.as_deref()?)?;
        Some(Command::ReplacePersona(crate::model::Persona { image: Some(image), ..persona.clone() }))
    });
    cards.chain(personas).collect()
}

impl TouchlineApp {
    /// Keeps the pictures in step with the open map and its folder.
    pub(super) fn refresh_pictures(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.docs.get() else { return };
        let folder = doc.path.as_deref().and_then(crate::pictures::folder_of);
        self.pictures.update(ctx, &doc.map, doc.revision(), folder);
    }

    /// A bar over the map when it names pictures outside its own folder: they are placeholders
    /// until the user agrees to show them, once per map (remembered).
    pub(super) fn outside_pictures_bar(&mut self, ui: &mut egui::Ui) {
        let Some(doc) = self.docs.get() else { return };
        if doc.outside_pictures_dismissed || self.presentation.is_some() {
            return;
        }
        let Some(path) = doc.path.clone() else { return };
        let names = self.pictures.outside();
        if names.is_empty() {
            return;
        }
        let shown: Vec<&str> = names.iter().take(3).copied().collect();
        let more =
            if names.len() > 3 { t!("pictures-and-more", count = names.len() - 3) } else { String::new() };
        let mut choice = None;
        let fill = crate::theme::mix(ui.visuals().panel_fill, ui.visuals().warn_fg_color, 0.16);
        egui::Panel::top("pictures outside the map's folder")
            .frame(egui::Frame::side_top_panel(ui.style()).fill(fill))
            .show(ui, |ui| {
                crate::app::mirror::row_wrapped(ui, |ui| {
                    ui.strong(t!("pictures-outside"));
                    ui.label(format!("{}{more}.", shown.join(", ")));
                    ui.label(t!("pictures-not-read"));
                    if ui.button(t!("pictures-show")).on_hover_text(t!("pictures-show-hint")).clicked() {
                        choice = Some(true);
                    }
                    if ui.button(t!("pictures-not-now")).clicked() {
                        choice = Some(false);
                    }
                });
            });
        match choice {
            Some(true) => self.trust_pictures(&path),
            Some(false) => {
                if let Some(doc) = self.docs.get_mut() {
                    doc.outside_pictures_dismissed = true;
                }
            }
            None => {}
        }
    }

    /// Which pictures the open map may read: all of them where the user agreed for its file.
    pub(super) fn agreed_reach(&self) -> crate::pictures::Reach {
        let path = self.docs.get().and_then(|d| d.path.as_deref());
        if path.is_some_and(|p| self.settings.outside_pictures.contains(&absolute(p))) {
            crate::pictures::Reach::Anywhere
        } else {
            crate::pictures::Reach::MapFolder
        }
    }

    /// Reads the pictures of the map at `path` wherever they lie, now and next time.
    pub(super) fn trust_pictures(&mut self, path: &Path) {
        let path = absolute(path);
        if !self.settings.outside_pictures.contains(&path) {
            self.settings.outside_pictures.push(path);
        }
        self.pictures.set_reach(crate::pictures::Reach::Anywhere);
    }

    /// Puts the picture `file` on `target`: one undo step. A file that is not a PNG or JPEG is
    /// refused with a message, and the map is left as it was.
    pub(super) fn attach_picture(&mut self, target: &PictureTarget, file: &Path, edits: &mut Vec<Edit>) {
        if !is_picture_file(file) {
            self.modals.error(t!("pictures-only-png-jpeg", path = file.display().to_string()));
            return;
        }
        let Some(doc) = self.docs.get() else { return };
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let folder = doc.path.as_deref().map(pictures_folder);
        let name = crate::pictures::relative_name(folder.as_deref(), &absolute);
        if let Some(command) = set_picture(&doc.map, target, Some(name)) {
            edits.push(Edit::apply(command, tl!("edit-add-picture")));
            edits.push(Edit::Seal);
        }
    }

    /// Files dropped on the window: a picture goes on the card or persona under the pointer
    /// (else on the one selected card); a map file opens.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context, edits: &mut Vec<Edit>) {
        let dropped: Vec<std::path::PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).collect());
        let Some(file) = dropped.first() else { return };
        let is_map = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if is_map {
            self.after_asking(super::files::Pending::Open(Some(file.clone())));
            return;
        }
        if self.docs.get().is_none() {
            self.modals.error(t!("pictures-open-map-first", path = file.display().to_string()));
            return;
        }
        match self.drop_target(ctx) {
            Some(target) => self.attach_picture(&target, file, edits),
            None => {
                self.modals.error(t!("pictures-drop-where", path = file.display().to_string()));
            }
        }
    }

    /// What a file dropped now would go on: the persona or card under the pointer, else the only
    /// card selected.
    fn drop_target(&self, ctx: &egui::Context) -> Option<PictureTarget> {
        let doc = self.docs.get()?;
        let pointer = ctx.input(|i| i.pointer.latest_pos());
        let zone = pointer.and_then(|p| self.picture_input.zones.iter().find(|(zone, _)| zone.contains(p)));
        if let Some((_, persona)) = zone {
            return Some(persona.clone());
        }
        let under = pointer.filter(|p| doc.canvas.rect.contains(*p)).and_then(|p| {
            let layout = doc.map_and_layout().1?;
            let scene = doc.canvas.screen_from_scene().inverse() * p;
            layout.card_at(scene).map(|c| c.id.clone())
        });
        let selected = || match doc.canvas.selection.card_ids().collect::<Vec<_>>().as_slice() {
            [only] => Some((*only).clone()),
            _ => None,
        };
        under.or_else(selected).map(PictureTarget::Card)
    }

    /// While files are dragged over the window: where a picture would go, said over the canvas.
    pub(super) fn drop_hint_ui(&self, ctx: &egui::Context) {
        let hovering: Vec<std::path::PathBuf> =
            ctx.input(|i| i.raw.hovered_files.iter().filter_map(|f| f.path.clone()).collect());
        let Some(file) = hovering.first() else { return };
        let text = if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
            t!("drop-open-map")
        } else if !is_picture_file(file) {
            t!("drop-only-png-jpeg")
        } else {
            match self.drop_target(ctx).zip(self.docs.get()) {
                Some((PictureTarget::Card(id), doc)) => {
                    let title = doc.map.card(&id).map_or("", |c| c.title.as_str());
                    t!("drop-on-card", title = title)
                }
                Some((PictureTarget::Persona(id), doc)) => {
                    let name = doc.map.personas.iter().find(|p| p.id == id).map_or("", |p| p.name.as_str());
                    t!("drop-on-persona", name = name)
                }
                None => t!("drop-where"),
            }
        };
        let rect = self.docs.get().map_or_else(|| ctx.content_rect(), |d| d.canvas.rect);
        egui::Area::new(egui::Id::unique("drop hint"))
            .order(egui::Order::Tooltip)
            .fixed_pos(rect.center_top() + egui::vec2(0.0, 16.0))
            .pivot(egui::Align2::CENTER_TOP)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(egui::RichText::new(text).strong());
                });
            });
    }

    /// Runs what the inspector asked for this frame.
    pub(super) fn choose_requested_picture(&mut self, edits: &mut Vec<Edit>) {
        let Some(target) = self.picture_input.request.take() else { return };
        if let Some(file) = self.dialogs.pick_picture() {
            self.attach_picture(&target, &file, edits);
        }
    }
}

/// A map's path as remembered between runs.
fn absolute(path: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()))
}
