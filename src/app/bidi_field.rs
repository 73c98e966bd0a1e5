//! A text field for text that holds right-to-left words, or that wraps over lines in a script
//! without spaces between words (Thai). egui's own field keeps its caret and selection in
//! logical order on a row drawn left to right, so in Arabic the caret lands away from where the
//! next letter appears and arrows jump; and it wraps Thai inside words. This field draws the text as the canvas
//! does (`text::edit_layout`) and moves its caret on screen: the caret sits where the next
//! character will appear, Left and Right move one character on screen, Home and End go to the
//! start and end of the row in reading order, Shift extends the selection, Backspace deletes
//! the character before the caret, Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo typing, a
//! double click selects a word and a triple click everything.

use egui::{Event, Key, Response, Sense, Ui, Widget};

use crate::text::{EditLayout, edit_layout};

/// The field's own undo while typing: the text and caret before each change, and those undone.
#[derive(Clone, Debug, Default)]
struct Typing {
    undo: Vec<(String, Caret)>,
    redo: Vec<(String, Caret)>,
}

impl Typing {
    /// Steps kept; older ones are dropped.
    const DEPTH: usize = 200;

    fn record(&mut self, text: &str, caret: Caret) {
        if self.undo.len() == Self::DEPTH {
            self.undo.remove(0);
        }
        self.undo.push((text.to_owned(), caret));
        self.redo.clear();
    }

    /// Undoes (or redoes) one step; returns whether the text changed.
    fn step(&mut self, text: &mut String, caret: &mut Caret, redo: bool) -> bool {
        let (from, to) =
            if redo { (&mut self.redo, &mut self.undo) } else { (&mut self.undo, &mut self.redo) };
        let Some((before, at)) = from.pop() else { return false };
        to.push((std::mem::replace(text, before), *caret));
        *caret = at;
        true
    }
}

/// The caret and the selection's other end, as character indices.
#[derive(Clone, Copy, Debug, Default)]
struct Caret {
    at: usize,
    anchor: usize,
}

/// Whether `text` needs this field rather than egui's: right-to-left words anywhere, or, where
/// the text wraps over lines, words of a script written without spaces.
pub fn needed_for(text: &str, multiline: bool) -> bool {
    crate::text::has_rtl(text) || (multiline && crate::text::has_unspaced_words(text))
}

pub struct BidiField<'t> {
    text: &'t mut String,
    font: egui::FontId,
    width: f32,
    multiline: bool,
}

impl<'t> BidiField<'t> {
    pub fn new(text: &'t mut String, font: egui::FontId, width: f32, multiline: bool) -> Self {
        Self { text, font, width, multiline }
    }
}

fn byte_of(text: &str, index: usize) -> usize {
    text.char_indices().nth(index).map_or(text.len(), |(b, _)| b)
}

impl Caret {
    fn range(self) -> (usize, usize) {
        (self.at.min(self.anchor), self.at.max(self.anchor))
    }

    fn move_to(&mut self, at: usize, extend: bool) {
        self.at = at;
        if !extend {
            self.anchor = at;
        }
    }

    /// Replaces the selection with `insert`; returns whether the text changed.
    fn replace(&mut self, text: &mut String, insert: &str) -> bool {
        let (from, to) = self.range();
        if from == to && insert.is_empty() {
            return false;
        }
        let (a, b) = (byte_of(text, from), byte_of(text, to));
        text.replace_range(a..b, insert);
        self.move_to(from + insert.chars().count(), false);
        true
    }
}

impl Widget for BidiField<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let Self { text, font, width, multiline } = self;
        let colour = ui.visuals().text_color();
        let margin = egui::vec2(4.0, 2.0);
        let inner_width = (width - 2.0 * margin.x).max(font.size);
        let wrap = if multiline { inner_width } else { f32::INFINITY };
        let layout = edit_layout(ui.ctx(), text, font.clone(), colour, wrap);
        let rows = if multiline { layout.rows.len().max(2) } else { 1 };
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let height = (layout.galley.size().y).max(rows as f32 * row_height) + 2.0 * margin.y;
        let (rect, mut response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click_and_drag());
        let id = response.id;
        // A field shown for the first time has its caret at the end, ready to add to the text.
        let mut caret: Caret =
            ui.data(|d| d.get_temp(id)).unwrap_or(Caret { at: layout.chars, anchor: layout.chars });
        caret.at = caret.at.min(layout.chars);
        caret.anchor = caret.anchor.min(layout.chars);
        // The galley's origin: a right-to-left galley spans the wrap width, a single line is
        // placed at its start edge.
        let single_rtl = !multiline && layout.rows.first().is_some_and(|r| r.right_to_left);
        let origin = |layout: &EditLayout| {
            let inner = rect.shrink2(margin);
            if single_rtl {
                egui::pos2(inner.right() - layout.galley.size().x, inner.top())
            } else {
                inner.min
            }
        };

        if response.clicked() || response.drag_started() {
            response.request_focus();
        }
        let mut typing: Typing = ui.data(|d| d.get_temp(id.with("typing"))).unwrap_or_default();
        if let Some(pointer) = response.interact_pointer_pos() {
            let at = layout.index_at(pointer - origin(&layout).to_vec2());
            let extend = response.dragged() && !response.drag_started() || ui.input(|i| i.modifiers.shift);
            caret.move_to(at, extend);
        }

        let mut changed = false;
        let mut layout = layout;
        if response.has_focus() {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: false,
                    },
                );
            });
            let events = ui.input(|i| i.events.clone());
            for event in events {
                let (before, at) = (text.clone(), caret);
                let undoing =
                    matches!(&event, Event::Key { key: Key::Z | Key::Y, modifiers, .. } if modifiers.command);
                let edited = match event {
                    Event::Key { key: Key::Z, pressed: true, modifiers, .. } if modifiers.command => {
                        typing.step(text, &mut caret, modifiers.shift)
                    }
                    Event::Key { key: Key::Y, pressed: true, modifiers, .. } if modifiers.command => {
                        typing.step(text, &mut caret, true)
                    }
                    Event::Text(typed) => {
                        let typed: String = typed.chars().filter(|c| multiline || *c != '\n').collect();
                        caret.replace(text, &typed)
                    }
                    Event::Paste(pasted) => {
                        let pasted = if multiline { pasted } else { pasted.replace('\n', " ") };
                        caret.replace(text, &pasted)
                    }
                    Event::Copy | Event::Cut => {
                        let (from, to) = caret.range();
                        if from < to {
                            let selected: String = text.chars().skip(from).take(to - from).collect();
                            ui.ctx().copy_text(selected);
                        }
                        matches!(event, Event::Cut) && caret.replace(text, "")
                    }
                    Event::Key { key, pressed: true, modifiers, .. } => {
                        key_press(key, modifiers, multiline, text, &mut caret, &layout)
                    }
                    _ => false,
                };
                if edited {
                    if !undoing {
                        typing.record(&before, at);
                    }
                    changed = true;
                    layout = edit_layout(ui.ctx(), text, font.clone(), colour, wrap);
                }
            }
        }
        if response.double_clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            // A double click selects the word under it.
            let at = layout.index_at(pointer - origin(&layout).to_vec2());
            let chars: Vec<char> = text.chars().collect();
            let word = |c: &char| !c.is_whitespace();
            let start = (0..at).rev().take_while(|&i| chars.get(i).is_some_and(word)).last().unwrap_or(at);
            let end = (at..chars.len())
                .take_while(|&i| chars.get(i).is_some_and(word))
                .last()
                .map_or(at, |i| i + 1);
            caret = Caret { at: end, anchor: start };
        }
        if response.triple_clicked() {
            // A triple click selects the whole text.
            caret = Caret { at: layout.chars, anchor: 0 };
        }
        if changed {
            response.mark_changed();
        }
        ui.data_mut(|d| {
            d.insert_temp(id, caret);
            d.insert_temp(id.with("typing"), typing);
        });

        if ui.is_rect_visible(rect) {
            let visuals = ui.style().interact(&response);
            let painter = ui.painter_at(rect.expand(2.0));
            painter.rect(
                rect,
                visuals.corner_radius,
                ui.visuals().extreme_bg_color,
                if response.has_focus() { ui.visuals().selection.stroke } else { visuals.bg_stroke },
                egui::StrokeKind::Inside,
            );
            let origin = origin(&layout);
            let (from, to) = caret.range();
            for selected in layout.selection(from, to) {
                painter.rect_filled(
                    selected.translate(origin.to_vec2()),
                    0.0,
                    ui.visuals().selection.bg_fill,
                );
            }
            painter.galley(origin, layout.galley.clone(), colour);
            if response.has_focus() {
                let (row, x) = layout.caret(caret.at);
                let (y0, y1) =
                    layout.rows.get(row).map_or((0.0, row_height), |r| (r.rect.top(), r.rect.bottom()));
                let top = origin + egui::vec2(x, y0);
                let bottom = origin + egui::vec2(x, y1);
                painter.line_segment([top, bottom], ui.visuals().text_cursor.stroke);
            }
        }
        let value = text.clone();
        response.widget_info(|| egui::WidgetInfo::text_edit(true, value.clone(), value.clone(), ""));
        response
    }
}

/// A key pressed in the field; returns whether the text changed.
fn key_press(
    key: Key,
    modifiers: egui::Modifiers,
    multiline: bool,
    text: &mut String,
    caret: &mut Caret,
    layout: &EditLayout,
) -> bool {
    let extend = modifiers.shift;
    match key {
        Key::ArrowLeft | Key::ArrowRight => {
            let (from, to) = caret.range();
            if from != to && !extend {
                // A selection collapses to its edge on the side of the arrow.
                let (left, right) = {
                    let (a, b) = (layout.caret(from).1, layout.caret(to).1);
                    if a <= b { (from, to) } else { (to, from) }
                };
                caret.move_to(if key == Key::ArrowLeft { left } else { right }, false);
            } else {
                caret.move_to(layout.step(caret.at, key == Key::ArrowRight), extend);
            }
            false
        }
        Key::ArrowUp | Key::ArrowDown => {
            caret.move_to(layout.vertical(caret.at, key == Key::ArrowDown), extend);
            false
        }
        Key::Home => {
            let target = if modifiers.command { 0 } else { layout.row_bounds(caret.at).0 };
            caret.move_to(target, extend);
            false
        }
        Key::End => {
            let target = if modifiers.command { layout.chars } else { layout.row_bounds(caret.at).1 };
            caret.move_to(target, extend);
            false
        }
        Key::A if modifiers.command => {
            caret.anchor = 0;
            caret.at = layout.chars;
            false
        }
        Key::Backspace => {
            if caret.at == caret.anchor {
                caret.anchor = caret.at.saturating_sub(1);
            }
            caret.replace(text, "")
        }
        Key::Delete => {
            if caret.at == caret.anchor {
                caret.anchor = (caret.at + 1).min(layout.chars);
            }
            caret.replace(text, "")
        }
        Key::Enter if multiline && modifiers.shift => caret.replace(text, "\n"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thai_over_several_lines_and_any_right_to_left_text_take_this_field() {
        let thai = "ลูกค้าติดต่อผ่านแชทในแอปก่อนแล้วจึงโทรหาศูนย์บริการ";
        assert!(super::needed_for(thai, true), "Thai notes wrap between words");
        assert!(!super::needed_for(thai, false), "one line does not wrap");
        assert!(super::needed_for("قراءة التقييمات", false));
        assert!(!super::needed_for("Checkout", true));
    }
}
