//! The tab bar: one tab per open map, with its unsaved mark, and the path of linked maps
//! followed to the shown one.

use egui::{RichText, Ui};

use super::Documents;

/// What was clicked in the tab bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Select(usize),
    Close(usize),
    Back,
}

pub fn bar(ui: &mut Ui, docs: &Documents, crumbs: &[String]) -> Option<Action> {
    let mut action = None;
    egui::Panel::top("tabs").show(ui, |ui| {
        super::mirror::row_wrapped(ui, |ui| {
            for (i, doc) in docs.iter().enumerate() {
                let shown = i == docs.active();
                let dirty = if doc.is_dirty() { "• " } else { "" };
                let label = format!("{dirty}{}", doc.display_name());
                let response = ui.selectable_label(shown, label).on_hover_text(doc.map.title.clone());
                if response.clicked() {
                    action = Some(Action::Select(i));
                }
                if response.middle_clicked() {
                    action = Some(Action::Close(i));
                }
                let close = ui.small_button("×").on_hover_text(super::UiCommand::CloseTab.label());
                if close.clicked() {
                    action = Some(Action::Close(i));
                }
                ui.separator();
            }
        });
        if crumbs.len() > 1 {
            super::mirror::row(ui, |ui| {
                if ui.button(format!("⏴ {}", t!("command-go-back"))).clicked() {
                    action = Some(Action::Back);
                }
                ui.label(RichText::new(crumbs.join("  ›  ")).weak());
            });
        }
    });
    action
}
