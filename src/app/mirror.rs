//! The interface mirrored for a right-to-left language: side panels change sides, rows run from
//! the right, columns hold to the right edge and text fields start at the right. egui lays every
//! `Ui` out left to right unless told otherwise; these helpers tell it, in one place, from the
//! UI thread's language ([`crate::i18n::is_rtl`]). The canvas is not mirrored by the interface's
//! language (a map reads in its own direction), nor are its pan and keys.

use egui::{Align, InnerResponse, Layout, Ui};

/// The side a panel that stands at the end of a row (the inspector) takes: the right, or in a
/// mirrored interface the left.
pub fn end_panel(id_salt: &'static str) -> egui::Panel {
    if crate::i18n::is_rtl() { egui::Panel::left(id_salt) } else { egui::Panel::right(id_salt) }
}

/// A row of widgets from the reading side: `ui.horizontal`, mirrored.
pub fn row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if crate::i18n::is_rtl() {
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), add)
    } else {
        ui.horizontal(add)
    }
}

/// A row that wraps onto more rows: `ui.horizontal_wrapped`, mirrored.
pub fn row_wrapped<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if crate::i18n::is_rtl() {
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, Layout::right_to_left(Align::Center).with_main_wrap(true), add)
    } else {
        ui.horizontal_wrapped(add)
    }
}

/// A column whose widgets hold to the reading side: the left, or in a mirrored interface the
/// right (wrapped labels then align their rows to the right too).
pub fn column<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let align = if crate::i18n::is_rtl() { Align::Max } else { Align::Min };
    ui.with_layout(Layout::top_down(align), add)
}

/// What stands at the far end of a row (the status bar's hint): at the right, or in a mirrored
/// interface at the left.
pub fn far_end<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let layout = if crate::i18n::is_rtl() {
        Layout::left_to_right(Align::Center)
    } else {
        Layout::right_to_left(Align::Center)
    };
    ui.with_layout(layout, add)
}

/// Where a text field's text starts.
pub fn text_align() -> egui::Align2 {
    if crate::i18n::is_rtl() { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP }
}

/// A grid, which egui lays out left to right only: in a mirrored interface it keeps a
/// left-to-right column of its own (in the right-aligned column it would spread the panel).
pub fn grid<R>(ui: &mut Ui, grid: egui::Grid, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.with_layout(Layout::top_down(Align::Min), |ui| grid.show(ui, add).inner).inner
}
