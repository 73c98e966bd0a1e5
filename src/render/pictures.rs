//! Pictures as the painter has them, and how a card's thumbnail and a persona's avatar are drawn
//! — or, for a file that is missing or still being read, their placeholder.

use std::collections::HashMap;

use egui::{Align2, Color32, CornerRadius, Painter, Pos2, Rect, Stroke, StrokeKind, TextureId, pos2, vec2};

use crate::theme::Theme;

/// A picture ready to paint, or why it is not.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// Textures of the picture at halving sizes, largest first, with their sizes in pixels.
    Ready(Vec<(TextureId, [usize; 2])>),
    /// Being read: drawn as an empty frame, so nothing jumps when it arrives.
    Loading,
    /// Cannot be shown: drawn as a placeholder with the file's name; the reason goes in tooltips
    /// and `touchline check`.
    Missing(String),
}

/// The pictures a painting can draw, by the path the map names them with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pictures(pub HashMap<String, Shown>);

impl Pictures {
    pub fn get(&self, name: &str) -> Option<&Shown> {
        self.0.get(name)
    }
}

/// The part of a `size`d picture that fills a box of `target`'s proportions, centred: the
/// picture covers the box and its overflow is cut, as a photo in a frame is.
pub fn cover_uv(size: [usize; 2], target: egui::Vec2) -> Rect {
    let (w, h) = (size[0].max(1) as f32, size[1].max(1) as f32);
    if target.x <= 0.0 || target.y <= 0.0 {
        return Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0));
    }
    let picture = w / h;
    let frame = target.x / target.y;
    let part = if picture > frame { vec2(frame / picture, 1.0) } else { vec2(1.0, picture / frame) };
    Rect::from_center_size(pos2(0.5, 0.5), part)
}

/// The smallest texture that is at least as wide as the box it fills (in pixels), else the
/// largest: a texture shrunk more than twice by the GPU shimmers.
fn level_for(
    levels: &[(TextureId, [usize; 2])],
    rect: Rect,
    pixels_per_point: f32,
) -> Option<(TextureId, [usize; 2])> {
    let need = rect.width().max(rect.height()) * pixels_per_point;
    levels
        .iter()
        .rev()
        .find(|(_, size)| size[0].max(size[1]) as f32 >= need)
        .or_else(|| levels.first())
        .copied()
}

/// Paints a picture filling `rect` with rounded corners, or its placeholder.
pub fn paint_picture(
    painter: &Painter,
    rect: Rect,
    rounding: CornerRadius,
    name: &str,
    shown: Option<&Shown>,
    theme: &Theme,
    zoom: f32,
) {
    match shown {
        Some(Shown::Ready(levels)) => fill(painter, rect, rounding, levels),
        Some(Shown::Loading) | None => {
            painter.rect_filled(rect, rounding, theme.picture_placeholder);
        }
        Some(Shown::Missing(why)) => {
            // A picture kept out on purpose is not missing: the frame says which it is.
            let outside = *why == crate::pictures::PictureError::Outside.to_string();
            let note = if outside { "outside the map's folder" } else { "missing picture" };
            placeholder(painter, rect, rounding, name, note, theme, zoom);
        }
    }
}

/// Fills `rect` with the picture, cropped to cover it, from the level that suits its size.
fn fill(painter: &Painter, rect: Rect, rounding: CornerRadius, levels: &[(TextureId, [usize; 2])]) {
    if let Some((texture, size)) = level_for(levels, rect, painter.pixels_per_point()) {
        let shape = egui::epaint::RectShape::filled(rect, rounding, Color32::WHITE)
            .with_texture(texture, cover_uv(size, rect.size()));
        painter.add(shape);
    }
}

/// A frame where a picture should be, naming its file, so a missing screenshot is noticed and
/// can be found again.
fn placeholder(
    painter: &Painter,
    rect: Rect,
    rounding: CornerRadius,
    name: &str,
    note: &str,
    theme: &Theme,
    zoom: f32,
) {
    painter.rect(
        rect,
        rounding,
        theme.picture_placeholder,
        Stroke::new(1.0, theme.card_border),
        StrokeKind::Inside,
    );
    let size = (10.0 * zoom).min(rect.height() / 3.0);
    if size < crate::theme::MIN_READABLE_FONT {
        return;
    }
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let font = egui::FontId::proportional(size);
    let galley =
        painter.layout(file.to_owned(), font.clone(), theme.muted_text, (rect.width() - 8.0 * zoom).max(1.0));
    let below = painter.layout_no_wrap(note.to_owned(), font, theme.negative);
    let height = galley.size().y + below.size().y;
    let top = rect.center().y - height / 2.0;
    if height <= rect.height() {
        painter.galley(pos2(rect.center().x - galley.size().x / 2.0, top), galley, theme.muted_text);
        painter.galley(
            pos2(rect.center().x - below.size().x / 2.0, top + height - below.size().y),
            below,
            theme.negative,
        );
    } else {
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "?",
            egui::FontId::proportional(size),
            theme.negative,
        );
    }
}

/// A persona's round picture, ringed in their curve's colour; a missing picture leaves the ring
/// around an empty disc.
pub fn paint_avatar(
    painter: &Painter,
    centre: Pos2,
    radius: f32,
    shown: Option<&Shown>,
    ring: Color32,
    theme: &Theme,
) {
    let rect = Rect::from_center_size(centre, vec2(2.0 * radius, 2.0 * radius));
    let round = CornerRadius::same(radius.round().clamp(0.0, 255.0) as u8);
    match shown {
        Some(Shown::Ready(levels)) => fill(painter, rect, round, levels),
        Some(Shown::Missing(_)) => {
            painter.circle_filled(centre, radius, theme.picture_placeholder);
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                "?",
                egui::FontId::proportional(radius),
                theme.negative,
            );
        }
        _ => {
            painter.circle_filled(centre, radius, theme.picture_placeholder);
        }
    }
    painter.circle_stroke(centre, radius, Stroke::new((radius / 6.0).clamp(1.0, 3.0), ring));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_picture_is_cut_at_its_sides_and_a_tall_one_at_top_and_bottom() {
        let wide = cover_uv([400, 100], vec2(160.0, 90.0));
        assert!((wide.height() - 1.0).abs() < 1e-6);
        assert!((wide.width() - (16.0 / 9.0) / 4.0).abs() < 1e-4, "{wide:?}");
        assert!((wide.center().x - 0.5).abs() < 1e-6);
        let tall = cover_uv([100, 400], vec2(160.0, 90.0));
        assert!((tall.width() - 1.0).abs() < 1e-6);
        assert!((tall.height() - 0.25 / (16.0 / 9.0)).abs() < 1e-4, "{tall:?}");
        let same = cover_uv([1600, 900], vec2(160.0, 90.0));
        assert!((same.width() - 1.0).abs() < 1e-4 && (same.height() - 1.0).abs() < 1e-4);
    }

    #[test]
    fn the_level_drawn_is_the_smallest_that_still_covers_the_box() {
        let levels = [
            (TextureId::User(1), [640, 360]),
            (TextureId::User(2), [320, 180]),
            (TextureId::User(3), [160, 90]),
        ];
        let pick = |width: f32, ppp: f32| {
            level_for(&levels, Rect::from_min_size(Pos2::ZERO, vec2(width, width / 2.0)), ppp).map(|l| l.0)
        };
        assert_eq!(pick(100.0, 1.0), Some(TextureId::User(3)));
        assert_eq!(pick(200.0, 1.0), Some(TextureId::User(2)));
        assert_eq!(pick(200.0, 2.0), Some(TextureId::User(1)));
        assert_eq!(pick(2000.0, 1.0), Some(TextureId::User(1)), "past the largest, the largest");
    }
}
