//! The inspector's picture rows: a card's thumbnail and a persona's avatar, with buttons to
//! choose, replace or remove the picture, and why a picture cannot be shown.

use egui::{Color32, Ui, vec2};

use super::super::pictures::{PictureTarget, set_picture};
use crate::app::Edit;
use crate::model::Map;
use crate::render::pictures::{paint_avatar, paint_picture};
use crate::theme::Theme;

/// What the picture rows read and where they ask for a file dialog.
pub(in crate::app) struct Pictures<'a> {
    pub library: &'a crate::pictures::Library,
    /// A target to choose a picture file for, with the file dialog.
    pub request: &'a mut Option<PictureTarget>,
    pub theme: &'a Theme,
    /// Where on screen a dropped picture file goes on a persona, filled in this frame.
    pub zones: &'a mut Vec<(egui::Rect, PictureTarget)>,
    /// An item to choose a linked map for, with the file dialog.
    pub link: &'a mut Option<crate::app::links::LinkTarget>,
}

impl Pictures<'_> {
    /// A card's picture: its thumbnail as the card shows it, and the buttons.
    pub fn card_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        image: Option<&str>,
        target: &PictureTarget,
        edits: &mut Vec<Edit>,
    ) {
        let label = super::heading(ui, &t!("inspector-picture"));
        if let Some(name) = image {
            let width = ui.available_width().min(260.0);
            let (rect, response) = ui.allocate_exact_size(
                vec2(width, (width * crate::layout::PICTURE_HEIGHT_PER_WIDTH).round()),
                egui::Sense::hover(),
            );
            let shown = self.library.shown().get(name);
            paint_picture(ui.painter(), rect, egui::CornerRadius::same(4), name, shown, self.theme, 1.0);
            response.labelled_by(label).on_hover_text(name);
        }
        self.buttons(ui, map, image, target, edits);
        if image.is_none() {
            ui.weak(t!("inspector-picture-drop"));
        }
    }

    /// A persona's picture, as the round avatar the map's legend shows.
    pub fn persona_ui(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        image: Option<&str>,
        ring: Color32,
        target: &PictureTarget,
        edits: &mut Vec<Edit>,
    ) {
        crate::app::mirror::row(ui, |ui| {
            if image.is_some() {
                self.avatar(ui, image, ring, 24.0);
            }
            ui.vertical(|ui| self.buttons(ui, map, image, target, edits));
        });
    }

    /// Marks `rect` as taking a dropped picture for `target`.
    pub fn drop_zone(&mut self, rect: egui::Rect, target: PictureTarget) {
        if rect.is_positive() {
            self.zones.push((rect, target));
        }
    }

    /// A round avatar of `radius`; nothing for a persona without a picture.
    pub fn avatar(&self, ui: &mut Ui, image: Option<&str>, ring: Color32, radius: f32) {
        let Some(name) = image else { return };
        let (rect, response) = ui.allocate_exact_size(vec2(2.0 * radius, 2.0 * radius), egui::Sense::hover());
        paint_avatar(ui.painter(), rect.center(), radius, self.library.shown().get(name), ring, self.theme);
        response.on_hover_text(name);
    }

    fn buttons(
        &mut self,
        ui: &mut Ui,
        map: &Map,
        image: Option<&str>,
        target: &PictureTarget,
        edits: &mut Vec<Edit>,
    ) {
        if let Some(problem) = image.and_then(|name| self.library.problem(name)) {
            ui.colored_label(self.theme.negative, format!("{}: {problem}", image.unwrap_or_default()));
        } else if let Some(name) = image {
            ui.weak(name);
        }
        crate::app::mirror::row(ui, |ui| {
            let choose = if image.is_some() {
                t!("inspector-replace-picture")
            } else {
                t!("inspector-choose-picture")
            };
            if ui.button(choose).on_hover_text(t!("inspector-picture-hint")).clicked() {
                *self.request = Some(target.clone());
            }
            if image.is_some()
                && ui
                    .button(t!("inspector-remove-picture"))
                    .on_hover_text(t!("inspector-remove-picture-hint"))
                    .clicked()
                && let Some(command) = set_picture(map, target, None)
            {
                edits.push(Edit::apply(command, t!("inspector-remove-picture")));
                edits.push(Edit::Seal);
            }
        });
    }
}
