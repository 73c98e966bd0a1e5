//! The start screen (no map open) and the template picker.

use egui::{RichText, Ui};

use std::path::{Path, PathBuf};

use super::Pending;
use crate::file::recovery;
use crate::templates;

/// What the start screen or the template picker asks for.
pub(super) enum Choice {
    /// Open a folder of maps as the workspace.
    OpenFolder,
    /// Replace the open map (after the unsaved-changes question).
    Go(Pending),
    /// A template could not be read.
    Failed(String),
    /// The template picker was closed.
    Close,
}

/// The start screen: templates, Open, recent maps and recovered work waiting in
/// `recovery_folder`.
pub(super) fn screen(ui: &mut Ui, recent: &[PathBuf], recovery_folder: Option<&Path>) -> Option<Choice> {
    let mut choice = None;
    egui::CentralPanel::default().show(ui, |ui| {
        // The scroll bar at the window's edge, not beside the column.
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            // A readable column as wide as whole template cards, in the middle of the window,
            // as tall as what it holds (recovered work at the bottom scrolls into view).
            let available = ui.available_width();
            let per_row = cards_per_row(available.min(980.0));
            let width = per_row as f32 * CARD_STEP - CARD_GAP;
            ui.horizontal_top(|ui| {
                ui.add_space(((available - width) / 2.0).max(0.0));
                ui.vertical(|ui| {
                    ui.set_width(width);
                    choice = start_column(ui, recent, recovery_folder);
                    ui.add_space(24.0);
                });
            });
        });
    });
    choice
}

/// A template card's width with the gap after it, and the gap.
const CARD_STEP: f32 = 252.0;
const CARD_GAP: f32 = 8.0;

/// How many template cards fit side by side in `width`.
fn cards_per_row(width: f32) -> usize {
    ((width + CARD_GAP) / CARD_STEP).floor().max(1.0) as usize
}

fn start_column(ui: &mut Ui, recent: &[PathBuf], recovery_folder: Option<&Path>) -> Option<Choice> {
    ui.add_space(32.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("Touchline").size(34.0).strong());
        ui.label(t!("start-tagline"));
    });
    ui.add_space(24.0);
    ui.heading(t!("start-from-template"));
    ui.add_space(6.0);
    let mut choice = template_grid(ui);
    ui.add_space(16.0);
    ui.horizontal(|ui| {
        if ui.button(t!("start-open-map")).clicked() {
            choice = Some(Choice::Go(Pending::Open(None)));
        }
        let folder = ui.button(super::UiCommand::OpenFolder.label());
        if folder.on_hover_text(t!("command-open-folder-hint")).clicked() {
            choice = Some(Choice::OpenFolder);
        }
    });
    if !recent.is_empty() {
        ui.add_space(16.0);
        ui.heading(t!("start-recent"));
        for path in recent {
            if ui.link(path.display().to_string()).clicked() {
                choice = Some(Choice::Go(Pending::Open(Some(path.clone()))));
            }
        }
    }
    let waiting = recovery_folder.map(recovery::list).unwrap_or_default();
    if !waiting.is_empty() {
        ui.add_space(16.0);
        ui.heading(t!("start-recovered"));
        ui.label(t!("start-recovered-text"));
        for found in waiting {
            let name =
                found.original.as_ref().map_or_else(|| t!("start-untitled"), |p| p.display().to_string());
            crate::app::mirror::row(ui, |ui| {
                ui.label(name);
                if ui.button(t!("start-restore")).clicked() {
                    choice = Some(Choice::Go(Pending::Recover(found.file.clone())));
                }
                if ui.button(t!("start-discard")).clicked() {
                    recovery::discard(&found.file);
                }
            });
        }
    }
    choice
}

/// Which language the template grid shows (`None`: all), kept while the app runs.
fn language_filter_ui(ui: &mut Ui) -> Option<&'static str> {
    let id = egui::Id::unique("template language");
    let mut chosen: Option<&'static str> = ui.data(|d| d.get_temp(id)).flatten();
    crate::app::mirror::row_wrapped(ui, |ui| {
        ui.label(t!("start-template-language"));
        if ui.selectable_label(chosen.is_none(), t!("start-all-languages")).clicked() {
            chosen = None;
        }
        for (code, own, english) in templates::LANGUAGES {
            let name = language_name(code).unwrap_or_else(|| (*english).to_owned());
            let label = if *own == name { (*own).to_owned() } else { format!("{own} · {name}") };
            let response = ui.selectable_label(chosen == Some(*code), label);
            if response.clicked() {
                chosen = Some(*code);
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, chosen));
    chosen
}

/// A template's description in the editor's language.
fn description(template: &templates::Template) -> String {
    match template.name {
        "blank" => t!("template-blank"),
        "ecommerce" => t!("template-ecommerce"),
        "ecommerce-future" => t!("template-ecommerce-future"),
        "b2b-phone-system" => t!("template-b2b-phone-system"),
        "coffee-shop-blueprint" => t!("template-coffee-shop-blueprint"),
        "saas-onboarding" => t!("template-saas-onboarding"),
        "b2b-phone-system-id" => t!("template-b2b-phone-system-id"),
        "six-steps-id" => t!("template-six-steps-id"),
        "b2b-phone-system-ar" => t!("template-b2b-phone-system-ar"),
        "b2b-phone-system-de" => t!("template-b2b-phone-system-de"),
        "customer-care-th" => t!("template-customer-care-th"),
        _ => template.description.to_owned(),
    }
}

/// A language's name in the editor's language, by its code.
fn language_name(code: &str) -> Option<String> {
    Some(match code {
        "en" => t!("language-english"),
        "id" => t!("language-indonesian"),
        "ar" => t!("language-arabic"),
        "de" => t!("language-german"),
        "th" => t!("language-thai"),
        _ => return None,
    })
}

fn template_grid(ui: &mut Ui) -> Option<Choice> {
    let mut chosen = None;
    let language = language_filter_ui(ui);
    ui.add_space(6.0);
    let shown: Vec<&templates::Template> =
        templates::ALL.iter().filter(|t| language.is_none_or(|code| t.language == code)).collect();
    let per_row = cards_per_row(ui.available_width());
    for row in shown.chunks(per_row) {
        // Cards of a row share their top; most are the same height, a longer text grows its card.
        ui.horizontal_top(|ui| {
            for t in row {
                let frame = egui::Frame::group(ui.style()).inner_margin(12.0);
                let response = frame
                    .show(ui, |ui| {
                        ui.set_width(220.0);
                        ui.set_min_height(122.0);
                        ui.vertical(|ui| {
                            crate::app::mirror::row(ui, |ui| {
                                ui.label(RichText::new(t.language_name()).small().weak());
                            });
                            // The template's own title, in its language and direction.
                            let title = crate::text::layout(
                                ui.ctx(),
                                t.title,
                                egui::FontId::proportional(15.0),
                                ui.visuals().strong_text_color(),
                                ui.available_width(),
                            );
                            ui.label(title);
                            ui.add(egui::Label::new(RichText::new(description(t)).weak()).wrap());
                        });
                    })
                    .response
                    .interact(egui::Sense::click());
                let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        t!("start-template-access", name = t.name),
                    )
                });
                if response.clicked() {
                    chosen = Some(*t);
                }
            }
        });
    }
    chosen.map(|t| match t.map() {
        Ok(map) => Choice::Go(Pending::New(Box::new(map))),
        Err(e) => Choice::Failed(e.to_string()),
    })
}

/// File → New: the templates in a window.
pub(super) fn template_picker(ctx: &egui::Context) -> Option<Choice> {
    let mut open = true;
    let mut choice = None;
    // As wide as whole rows of cards fit in the window, and no taller than the window: the
    // templates scroll inside it.
    let screen = ctx.content_rect();
    let per_row = cards_per_row((screen.width() - 96.0).min(980.0));
    let width = per_row as f32 * CARD_STEP - CARD_GAP;
    egui::Window::new(t!("start-new-map"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .open(&mut open)
        .show(ctx, |ui| {
            // Room for the scroll bar beside the cards.
            ui.set_width(width + 14.0);
            ui.label(t!("start-from-template-colon"));
            egui::ScrollArea::vertical().max_height((screen.height() - 160.0).max(200.0)).show(ui, |ui| {
                ui.set_width(width);
                choice = template_grid(ui);
            });
        });
    if open { choice } else { Some(Choice::Close) }
}
