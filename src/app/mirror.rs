//! The interface mirrored for a right-to-left language: side panels change sides, rows run from
//! the right, columns hold to the right edge and text fields start at the right. egui lays every
//! `Ui` out left to right unless told otherwise; these helpers tell it, in one place, from the
//! UI thread's language ([`crate::i18n::is_rtl`]). The canvas is not mirrored by the interface's
//! language (a map reads in its own direction), nor are its pan and keys.

use egui::{Align, InnerResponse, Layout, Rect, Ui};

/// The side a panel that stands at the end of a row (the inspector) takes: the right, or in a
/// mirrored interface the left.
pub fn end_panel(id_salt: &'static str) -> egui::Panel {
    if crate::i18n::is_rtl() { egui::Panel::left(id_salt) } else { egui::Panel::right(id_salt) }
}

/// A row of widgets from the reading side: `ui.horizontal`, mirrored.
pub fn row<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if crate::i18n::is_rtl() { row_from_the_right(ui, false, add) } else { ui.horizontal(add) }
}

/// A row that wraps onto more rows: `ui.horizontal_wrapped`, mirrored.
pub fn row_wrapped<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    if crate::i18n::is_rtl() { row_from_the_right(ui, true, add) } else { ui.horizontal_wrapped(add) }
}

/// What `ui.horizontal` does, starting at the right: as wide as there is room, one widget high.
fn row_from_the_right<R>(ui: &mut Ui, wrap: bool, add: impl FnOnce(&mut Ui) -> R) -> InnerResponse<R> {
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, Layout::right_to_left(Align::Center).with_main_wrap(wrap), add)
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

/// A check box whose box stands on the reading side: egui's own, or in a mirrored interface
/// the text first and the box at the right.
pub fn checkbox(ui: &mut Ui, checked: &mut bool, text: impl Into<egui::WidgetText>) -> egui::Response {
    if !crate::i18n::is_rtl() {
        return ui.checkbox(checked, text);
    }
    let mut response = choice_ui(ui, *checked, text.into(), Mark::Check);
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    response
}

/// A radio button whose circle stands on the reading side.
pub fn radio(ui: &mut Ui, selected: bool, text: impl Into<egui::WidgetText>) -> egui::Response {
    if crate::i18n::is_rtl() {
        choice_ui(ui, selected, text.into(), Mark::Radio)
    } else {
        ui.radio(selected, text)
    }
}

/// A radio button that sets `current` to `alternative` when chosen.
pub fn radio_value<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    alternative: V,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    let mut response = radio(ui, *current == alternative, text);
    if response.clicked() && *current != alternative {
        *current = alternative;
        response.mark_changed();
    }
    response
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Check,
    Radio,
}

/// A check box or radio button laid out from the right: its text, then its box or circle at the
/// right end, drawn with the same sizes and colours as egui's.
fn choice_ui(ui: &mut Ui, on: bool, text: egui::WidgetText, mark: Mark) -> egui::Response {
    let (icon, inner, gap) =
        (ui.spacing().icon_width, ui.spacing().icon_width_inner, ui.spacing().icon_spacing);
    let galley =
        text.into_galley(ui, None, (ui.available_width() - icon - gap).max(0.0), egui::TextStyle::Button);
    let height = galley.size().y.max(ui.spacing().interact_size.y);
    let size = egui::vec2(galley.size().x + gap + icon, height);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let role = if mark == Mark::Check {
        egui::accesskit::Role::CheckBox
    } else {
        egui::accesskit::Role::RadioButton
    };
    response.widget_info(|| egui::WidgetInfo::selected(role, ui.is_enabled(), on, galley.text()));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let centre = egui::pos2(rect.right() - icon / 2.0, rect.center().y);
        let big = Rect::from_center_size(centre, egui::Vec2::splat(icon));
        let small = Rect::from_center_size(centre, egui::Vec2::splat(inner));
        let painter = ui.painter();
        match mark {
            Mark::Check => {
                painter.rect(
                    big.expand(visuals.expansion),
                    // A box, not the rounder corners of buttons.
                    2.0,
                    visuals.bg_fill,
                    visuals.bg_stroke,
                    egui::StrokeKind::Inside,
                );
                if on {
                    let points = vec![
                        egui::pos2(small.left(), small.center().y),
                        egui::pos2(small.center().x, small.bottom()),
                        egui::pos2(small.right(), small.top()),
                    ];
                    painter.add(egui::Shape::line(points, visuals.fg_stroke));
                }
            }
            Mark::Radio => {
                painter.circle(
                    centre,
                    big.width() / 2.0 + visuals.expansion,
                    visuals.bg_fill,
                    visuals.bg_stroke,
                );
                if on {
                    painter.circle_filled(centre, small.width() / 3.0, visuals.fg_stroke.color);
                }
            }
        }
        let text_at = egui::pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
        painter.galley(text_at, galley, visuals.text_color());
    }
    response
}
