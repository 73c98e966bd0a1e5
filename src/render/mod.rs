//! Paints a laid-out map with egui shapes. The canvas and the PNG export both call [`paint`], so
//! an exported image is exactly what the editor shows, minus selection and hover marks.
//!
//! Everything is painted in screen space through `screen_from_scene`: text is laid out at its
//! on-screen size, so it stays crisp at every zoom instead of being a scaled bitmap.

pub mod cards;
pub mod curves;
mod headers;
mod links;
pub mod pictures;

use std::collections::HashSet;

use egui::emath::TSTransform;
use egui::{FontId, Painter, Rect, Stroke};

use crate::layout::MapLayout;
use crate::model::{CardId, CurveId, LaneId, Map, StageId};
pub use cards::{link_mark, link_mark_text, paint_link_mark};
pub use headers::sticky_push;

use crate::theme::{MIN_READABLE_FONT, Theme};

/// The titles of the maps a map's cards and stages open, by the `opens` that names them
/// (`None`: the map is missing).
pub type Linked = std::collections::HashMap<String, Option<String>>;

/// What to draw besides the map itself.
#[derive(Debug, Default)]
pub struct PaintOptions<'a> {
    pub selected: Option<&'a HashSet<CardId>>,
    pub hovered: Option<&'a CardId>,
    /// Cards not drawn in their cell (they are being dragged and drawn by the canvas).
    pub lifted: Option<&'a HashSet<CardId>>,
    /// Keep the stage headers and lane headers in view while panning.
    pub sticky_headers: bool,
    pub background: Background,
    /// Draw dot-vote dots on the cards that have them.
    pub votes: bool,
    /// Cards ringed as the winners of a vote.
    pub winners: Option<&'a HashSet<CardId>>,
    /// The stage a presentation is focused on: the others are dimmed, the curve is not.
    pub focus: Option<usize>,
    /// Cards marked as added, changed or removed (a diff image).
    pub marks: Option<&'a Marks>,
    /// How many stages of the map come before the first one drawn (an export of stages 3..5
    /// numbers them 3, 4, 5, as in the map).
    pub stages_before: usize,
    /// Where each item's shapes begin, for vector exports that group them by item.
    pub groups: Option<&'a Groups>,
    /// The pictures cards and personas show; without them, each is drawn as being read.
    pub pictures: Option<&'a pictures::Pictures>,
    /// The titles of the maps cards and stages open, by the `opens` that names them; a missing
    /// map's is `None` (drawn as a placeholder). Without them, the mark names the file.
    pub linked: Option<&'a Linked>,
}

/// What a run of painted shapes draws. A vector export wraps each run in a group named after
/// the item, so people can find and restyle a card, a stage or a curve in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Group {
    Background,
    Grid,
    Levels,
    Card(CardId),
    Dividers,
    Links,
    Curve(CurveId),
    Title,
    Lane(LaneId),
    Stage(StageId),
    /// The corner where the header row meets the lane column.
    Corner,
    /// The tag of a card or stage that opens another map (the map's path as the item names
    /// it): SVG and PDF make it a link.
    MapLink(String),
    /// A presentation's dimming and focus ring.
    Focus,
}

/// The groups of one painting: each entry starts at a shape index and runs to the next entry.
#[derive(Debug, Default)]
pub struct Groups(std::cell::RefCell<Vec<(usize, Group)>>);

impl Groups {
    /// The recorded groups, in painting order.
    pub fn take(&self) -> Vec<(usize, Group)> {
        self.0.take()
    }
}

/// Marks where `group`'s shapes begin, when the painting records groups. An empty shape holds the
/// place: its index in the painter's list is where the group starts.
fn group(painter: &Painter, options: &PaintOptions<'_>, group: impl FnOnce() -> Group) {
    if let Some(groups) = options.groups {
        let at = painter.add(egui::Shape::Noop);
        groups.0.borrow_mut().push((at.0, group()));
    }
}

/// Cards to mark in a diff image.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    pub added: HashSet<CardId>,
    pub changed: HashSet<CardId>,
    /// Drawn as faded ghosts.
    pub removed: HashSet<CardId>,
}

/// How a card is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    Changed,
    Removed,
}

impl Marks {
    pub fn of(&self, id: &CardId) -> Option<Mark> {
        if self.added.contains(id) {
            Some(Mark::Added)
        } else if self.changed.contains(id) {
            Some(Mark::Changed)
        } else if self.removed.contains(id) {
            Some(Mark::Removed)
        } else {
            None
        }
    }
}

/// How the area behind the map is painted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Background {
    /// The canvas colour around the grid, the body colour inside it.
    #[default]
    Paint,
    /// The target was cleared to the body colour already: paint only around the grid. (Clearing
    /// is free; painting a full-screen layer is not, on a software renderer.)
    AroundBody,
    /// Leave it transparent.
    None,
}

/// Text in scene units, turned into an on-screen font.
pub(crate) fn font(scene_size: f32, zoom: f32) -> FontId {
    FontId::proportional(scene_size * zoom)
}

/// Text at `pos` (placed by `anchor`); with a `plate`, on a rounded backing of that colour, so
/// text that otherwise sits on the background stays readable on a transparent export laid on a
/// slide of any colour.
pub(crate) fn text_on(
    painter: &Painter,
    pos: egui::Pos2,
    anchor: egui::Align2,
    text: &str,
    font: FontId,
    colour: egui::Color32,
    plate: Option<egui::Color32>,
) -> Rect {
    let galley = crate::text::no_wrap(painter.ctx(), text, font, colour);
    let rect = anchor.anchor_size(pos, galley.size());
    if let Some(plate) = plate {
        let pad = (galley.size().y * 0.18).max(1.0);
        painter.rect_filled(rect.expand2(egui::vec2(pad * 1.5, pad * 0.5)), pad * 1.5, plate);
    }
    painter.galley(rect.min, galley, colour);
    rect
}

/// Whether text of this scene size is big enough on screen to lay out and read.
pub fn readable(scene_size: f32, zoom: f32) -> bool {
    scene_size * zoom >= MIN_READABLE_FONT
}

/// Paints the whole map. `painter`'s clip rect is the visible area; anything outside is skipped.
pub fn paint(
    painter: &Painter,
    map: &Map,
    layout: &MapLayout,
    theme: &Theme,
    screen_from_scene: TSTransform,
    options: &PaintOptions<'_>,
) {
    let view = painter.clip_rect();
    let visible = screen_from_scene.inverse() * view;

    if options.background != Background::None {
        group(painter, options, || Group::Background);
        let body = options.background == Background::Paint;
        background(painter, view, screen_from_scene * body_rect(layout), theme, body);
    }
    group(painter, options, || Group::Grid);
    grid(painter, layout, theme, screen_from_scene);
    let plates = options.background == Background::None;
    group(painter, options, || Group::Levels);
    curves::paint_levels(painter, map, layout, theme, screen_from_scene, visible, plates);
    cards::paint_cards(painter, map, layout, theme, screen_from_scene, visible, options);
    group(painter, options, || Group::Dividers);
    dividers(painter, layout, theme, screen_from_scene);
    group(painter, options, || Group::Links);
    links::paint_links(painter, map, layout, theme, screen_from_scene);
    if let Some(focus) = options.focus {
        // Under the curves: the room follows the mood across the neighbours too.
        group(painter, options, || Group::Focus);
        let columns = layout.stages.iter().map(|s| s.column);
        dim_others(painter, columns, focus, theme, screen_from_scene, egui::Vec2::ZERO);
    }
    curves::paint_curves(painter, map, layout, theme, screen_from_scene, plates, options);
    headers::paint(painter, map, layout, theme, screen_from_scene, options);
    if let Some(focus) = options.focus {
        group(painter, options, || Group::Focus);
        let push = if options.sticky_headers {
            headers::sticky_push(layout, screen_from_scene, view)
        } else {
            egui::Vec2::ZERO
        };
        let push = egui::vec2(0.0, push.y);
        let header_cells = layout.stages.iter().map(|s| s.header);
        dim_others(painter, header_cells, focus, theme, screen_from_scene, push);
        if let Some(stage) = layout.stages.get(focus)
            && theme.focus_ring != egui::Color32::TRANSPARENT
        {
            let ring = Rect::from_min_max(stage.header.min, stage.column.max)
                .translate(push / screen_from_scene.scaling);
            let stroke = Stroke::new((4.0 * screen_from_scene.scaling).clamp(2.0, 6.0), theme.focus_ring);
            painter.rect_stroke(screen_from_scene * ring, 0.0, stroke, egui::StrokeKind::Inside);
        }
    }
}

/// Lays the theme's dimming colour over every rectangle but the `focus`-th.
fn dim_others(
    painter: &Painter,
    rects: impl Iterator<Item = Rect>,
    focus: usize,
    theme: &Theme,
    screen_from_scene: TSTransform,
    offset: egui::Vec2,
) {
    for (index, rect) in rects.enumerate() {
        let rect = (screen_from_scene * rect).translate(offset);
        if index != focus && painter.clip_rect().intersects(rect) {
            painter.rect_filled(rect, 0.0, theme.dim);
        }
    }
}

/// The grid's area below the stage headers, where the cells are.
fn body_rect(layout: &MapLayout) -> Rect {
    Rect::from_min_max(layout.header_row.left_bottom(), layout.bounds.max)
}

/// The canvas colour around the grid and the body colour inside it, each pixel painted once:
/// on a software renderer every full-screen layer costs real time.
fn background(painter: &Painter, view: Rect, body: Rect, theme: &Theme, paint_body: bool) {
    let inside = body.intersect(view);
    if inside.is_positive() {
        if paint_body {
            painter.rect_filled(inside, 0.0, theme.body);
        }
        let around = [
            Rect::from_min_max(view.min, egui::pos2(view.max.x, inside.min.y)),
            Rect::from_min_max(egui::pos2(view.min.x, inside.max.y), view.max),
            Rect::from_min_max(egui::pos2(view.min.x, inside.min.y), egui::pos2(inside.min.x, inside.max.y)),
            Rect::from_min_max(egui::pos2(inside.max.x, inside.min.y), egui::pos2(view.max.x, inside.max.y)),
        ];
        for rect in around.into_iter().filter(Rect::is_positive) {
            painter.rect_filled(rect, 0.0, theme.canvas);
        }
    } else {
        painter.rect_filled(view, 0.0, theme.canvas);
    }
}

/// Lane and stage separators.
fn grid(painter: &Painter, layout: &MapLayout, theme: &Theme, screen_from_scene: TSTransform) {
    let bounds = screen_from_scene * layout.bounds;
    let body = screen_from_scene * body_rect(layout);
    let line = Stroke::new(1.0, theme.grid_line);
    for lane in &layout.lanes {
        let y = (screen_from_scene * lane.row.left_bottom()).y;
        painter.hline(bounds.x_range(), y, line);
    }
    for stage in &layout.stages {
        let x = (screen_from_scene * stage.column.right_top()).x;
        painter.vline(x, body.y_range(), line);
    }
}

/// The blueprint's labelled lines, full width.
fn dividers(painter: &Painter, layout: &MapLayout, theme: &Theme, screen_from_scene: TSTransform) {
    let zoom = screen_from_scene.scaling;
    let bounds = screen_from_scene * layout.bounds;
    // From the lane headers to the far edge; the label next to the headers.
    let column = screen_from_scene * layout.lane_column;
    let (left, right) =
        if layout.rtl { (bounds.left(), column.left()) } else { (column.right(), bounds.right()) };
    for divider in &layout.dividers {
        let y = (screen_from_scene * egui::pos2(0.0, divider.y)).y;
        let stroke = Stroke::new((2.0 * zoom).clamp(1.0, 4.0), theme.divider);
        if divider.dashed {
            let dash = 8.0 * zoom;
            painter.add(egui::Shape::dashed_line(
                &[egui::pos2(left, y), egui::pos2(right, y)],
                stroke,
                dash,
                dash * 0.6,
            ));
        } else {
            painter.hline(left..=right, y, stroke);
        }
        if readable(layout.sizes.goal_font, zoom) {
            let text = crate::text::no_wrap(
                painter.ctx(),
                &divider.label.to_uppercase(),
                font(layout.sizes.goal_font, zoom),
                theme.divider,
            );
            let x = if layout.rtl { right - 8.0 * zoom - text.size().x } else { left + 8.0 * zoom };
            let pos = egui::pos2(x, y - text.size().y / 2.0);
            let backing = egui::Rect::from_min_size(pos, text.size()).expand2(egui::vec2(6.0, 1.0) * zoom);
            painter.rect_filled(backing, 3.0 * zoom, theme.body);
            painter.galley(pos, text, theme.divider);
        }
    }
}
