//! Where a presentation looks: the whole map, or one stage filling most of the screen, and the
//! smooth move between the two.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::layout::MapLayout;

/// The screen height the large type is sized for: at this height one scene unit is one pixel.
pub const DESIGN_HEIGHT: f32 = 1080.0;

/// Card titles are never drawn smaller than this on a 1080-pixel-high screen when a stage is
/// focused, and no text smaller than [`MIN_TEXT`]: the room reads them from the back.
pub const MIN_TITLE: f32 = 24.0;
pub const MIN_TEXT: f32 = 18.0;

/// How long a move between stages takes, in seconds.
pub const MOVE_SECONDS: f64 = 0.45;

/// At most this share of the width right of the lane headers goes to the focused stage, so its
/// neighbours stay in sight.
const FOCUS_SHARE: f32 = 0.74;

/// What a presentation shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shot {
    /// The whole map, fitted.
    Overview,
    /// One stage, by its place in the layout.
    Stage(usize),
}

/// The view of the whole map: fitted into `area` (in canvas coordinates, origin at the
/// canvas's top-left), centred, never blown up past 1.5 times the design size.
pub fn overview(layout: &MapLayout, area: Rect, screen_height: f32) -> TSTransform {
    let bounds = layout.bounds.expand(24.0);
    let scale = screen_height / DESIGN_HEIGHT;
    let zoom = (area.width() / bounds.width()).min(area.height() / bounds.height()).min(1.5 * scale);
    centred(bounds, area, zoom.max(0.01))
}

/// The view of one stage (`screen_height` is the whole canvas's, which sets the type size): its column fills most of the width right of the lane headers and the
/// map's full height fits in `area` when it can. When the whole height would only fit at a size
/// the room cannot read, the zoom stays readable and the view starts at the top (the presenter
/// scrolls for the rest).
pub fn focus(layout: &MapLayout, stage: usize, area: Rect, screen_height: f32) -> TSTransform {
    let Some(column) =
        layout.stages.get(stage).map(|s| Rect::from_x_y_ranges(s.header.x_range(), layout.bounds.y_range()))
    else {
        return overview(layout, area, screen_height);
    };
    let scale = screen_height / DESIGN_HEIGHT;
    // From the stage headers down: the map's title is for the overview.
    let bounds = Rect::from_min_max(pos2(layout.bounds.left(), layout.header_row.top()), layout.bounds.max)
        .expand2(vec2(0.0, 8.0));
    let sizes = &layout.sizes;
    let readable = scale * (MIN_TITLE / sizes.card_font).max(MIN_TEXT / sizes.smallest_font());
    let headers = sizes.lane_header_width;
    let wide = area.width() * FOCUS_SHARE / (column.width() + headers * (1.0 - FOCUS_SHARE));
    let zoom = (area.height() / bounds.height()).min(wide).max(readable);
    // The column's centre goes to the middle of what the lane headers leave free (at the left,
    // or at the right in a map laid out right to left).
    let (free_left, free_right) = if layout.rtl {
        (area.left(), area.right() - headers * zoom)
    } else {
        (area.left() + headers * zoom, area.right())
    };
    let x = f32::midpoint(free_left, free_right) - column.center().x * zoom;
    let fits = bounds.height() * zoom <= area.height();
    let y = if fits { area.center().y - bounds.center().y * zoom } else { area.top() - bounds.top() * zoom };
    TSTransform::new(vec2(x, y), zoom)
}

fn centred(bounds: Rect, area: Rect, zoom: f32) -> TSTransform {
    TSTransform::new(area.center().to_vec2() - bounds.center().to_vec2() * zoom, zoom)
}

/// A move from one view to another, eased, with the zoom changing evenly in scale and the
/// point at the middle of the screen gliding in a straight line.
#[derive(Clone, Copy, Debug)]
pub struct Move {
    from: TSTransform,
    to: TSTransform,
    start: f64,
}

impl Move {
    pub fn new(from: TSTransform, to: TSTransform, start: f64) -> Self {
        Self { from, to, start }
    }

    /// Whether the move is over at time `now`.
    pub fn done(&self, now: f64) -> bool {
        now - self.start >= MOVE_SECONDS
    }

    /// The view at time `now`; `centre` is the middle of the canvas.
    pub fn at(&self, now: f64, centre: Pos2) -> TSTransform {
        let t = ((now - self.start) / MOVE_SECONDS).clamp(0.0, 1.0) as f32;
        let e = t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
        if e >= 1.0 {
            return self.to;
        }
        let look = |v: TSTransform| v.inverse() * centre;
        let (a, b) = (look(self.from), look(self.to));
        let middle = a + (b - a) * e;
        let zoom = (self.from.scaling.ln() + (self.to.scaling.ln() - self.from.scaling.ln()) * e).exp();
        TSTransform::new(centre.to_vec2() - middle.to_vec2() * zoom, zoom)
    }
}

/// The area of a canvas the map goes in: all of it but a strip at the top for a banner and one
/// at the bottom for the progress line, in canvas coordinates.
pub fn stage_area(canvas_size: Vec2, top_strip: f32, bottom_strip: f32) -> Rect {
    let bottom = (canvas_size.y - bottom_strip).max(top_strip + 1.0);
    Rect::from_min_max(pos2(0.0, top_strip), pos2(canvas_size.x, bottom))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{View, layout};
    use crate::theme::Sizes;

    fn measure(text: &str, font: f32, wrap: f32) -> egui::Vec2 {
        let width = text.chars().count() as f32 * font * 0.5;
        let per_line = (wrap / (font * 0.5)).clamp(1.0, 1e9) as usize;
        let lines = text.chars().count().div_ceil(per_line).max(1);
        egui::vec2(width.min(wrap), lines as f32 * font * 1.25)
    }

    fn large(template: &str) -> MapLayout {
        let map = crate::templates::load(template).unwrap();
        layout(&map, View::Journey, Sizes::LARGE, &mut measure)
    }

    #[test]
    fn a_focused_stage_is_readable_from_the_back_and_fills_most_of_a_1080p_screen() {
        let area = stage_area(vec2(1920.0, 1080.0), 0.0, 72.0);
        for template in ["ecommerce", "b2b-phone-system", "coffee-shop-blueprint", "saas-onboarding", "blank"]
        {
            let out = large(template);
            for stage in 0..out.stages.len() {
                let view = focus(&out, stage, area, 1080.0);
                let zoom = view.scaling;
                assert!(
                    out.sizes.card_font * zoom >= MIN_TITLE - 1e-3,
                    "{template} stage {stage}: titles at {}",
                    out.sizes.card_font * zoom
                );
                assert!(
                    out.sizes.smallest_font() * zoom >= MIN_TEXT - 1e-3,
                    "{template}: small text too small"
                );
                let column = view * out.stages[stage].header;
                assert!(
                    column.width() >= 0.5 * area.width(),
                    "{template} stage {stage} is only {} wide",
                    column.width()
                );
                assert!(
                    column.left() >= out.sizes.lane_header_width * zoom - 1.0
                        && column.right() <= area.right() + 1.0
                );
            }
        }
    }

    #[test]
    fn the_overview_shows_the_whole_map() {
        let out = large("b2b-phone-system");
        let area = stage_area(vec2(1280.0, 720.0), 0.0, 48.0);
        let view = overview(&out, area, 720.0);
        let shown = view * out.bounds;
        assert!(area.expand(0.5).contains_rect(shown), "{shown:?} outside {area:?}");
    }

    #[test]
    fn a_move_starts_where_it_was_ends_at_its_target_and_keeps_zooming_evenly() {
        let from = TSTransform::new(vec2(10.0, 20.0), 0.25);
        let to = TSTransform::new(vec2(-900.0, 40.0), 1.0);
        let centre = pos2(960.0, 540.0);
        let step = Move::new(from, to, 2.0);
        let start = step.at(2.0, centre);
        assert!(
            (start.scaling - 0.25).abs() < 1e-4 && (start.translation - from.translation).length() < 0.01
        );
        assert_eq!(step.at(2.0 + MOVE_SECONDS, centre), to);
        assert!(step.done(2.0 + MOVE_SECONDS) && !step.done(2.1));
        let mut last = 0.0;
        for k in 0..=20 {
            let zoom = step.at(2.0 + MOVE_SECONDS * f64::from(k) / 20.0, centre).scaling;
            assert!(zoom >= last, "zoom never goes back");
            last = zoom;
        }
    }
}
