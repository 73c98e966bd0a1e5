//! Where everything goes: the geometry of a map for one view, in scene units (points at 100 %
//! zoom, origin at the map's top-left corner). Computed once per change of the map, then shared
//! by painting, hit testing and export.

pub mod curve;
mod journey;
pub mod labels;
pub mod links;

use std::collections::HashMap;

use egui::{Pos2, Rect};

use crate::model::{CardId, LaneId, LaneKind, PointId, StageId};
use crate::theme::Sizes;

pub use curve::{CurveGeometry, PointGeometry, monotone_samples};
pub use journey::{Measure, MetaFit, flag_short, layout, meta_fit, meta_text};
pub use labels::{Badge, badge};

/// Which drawing of the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    /// Every lane, in the map's order.
    #[default]
    Journey,
    /// A service blueprint: the blueprint lanes in blueprint order, divided by the lines of
    /// interaction, visibility and internal interaction. Other lanes follow, grouped below, when
    /// `other_lanes` is set, and are hidden otherwise.
    Blueprint { other_lanes: bool },
}

impl View {
    pub fn is_blueprint(self) -> bool {
        matches!(self, Self::Blueprint { .. })
    }
}

/// A labelled line across the map: the lines of a service blueprint.
#[derive(Clone, Debug)]
pub struct Divider {
    pub y: f32,
    pub label: String,
    /// Drawn dashed (the blueprint's lines) or solid (the start of the other lanes).
    pub dashed: bool,
}

/// A stage column.
#[derive(Clone, Debug)]
pub struct StageBox {
    pub id: StageId,
    /// Its header cell.
    pub header: Rect,
    /// Its whole column below the header, through every lane.
    pub column: Rect,
    /// How many cards sit side by side in its cells.
    pub columns: usize,
}

/// A swimlane row.
#[derive(Clone, Debug)]
pub struct LaneBox {
    pub id: LaneId,
    pub kind: LaneKind,
    pub collapsed: bool,
    /// Its title cell on the left.
    pub header: Rect,
    /// Its whole row right of the header, through every stage.
    pub row: Rect,
}

/// A card's box and what it sits in.
#[derive(Clone, Debug)]
pub struct CardBox {
    pub id: CardId,
    /// Position of the card in `map.cards` of the map this layout was made from.
    pub index: usize,
    pub rect: Rect,
    pub lane: usize,
    pub stage: usize,
    /// Height of the title text inside the card.
    pub title_height: f32,
    /// Whether the card shows its details (flags, channel, metrics) under its title.
    pub has_meta: bool,
    /// How the details are laid out, and their height.
    pub meta: MetaFit,
    /// The height of the card's picture above its title; 0 for a card without one.
    pub picture_height: f32,
    /// The height of the card's notes under its details, in a lane that shows them; else 0.
    pub notes_height: f32,
}

/// A card shows at most this many lines of its notes; the rest is in the inspector.
pub const NOTES_MAX_LINES: f32 = 6.0;

/// A card's picture is as wide as the card's text and this much of that high (16:9), whatever
/// the picture's own shape: the layout never waits for a file, and a row of cards stays even.
pub const PICTURE_HEIGHT_PER_WIDTH: f32 = 9.0 / 16.0;

/// A picture is at most this many lines of the card's text high: on a wide card (one stage on a
/// presentation's screen) it stays a picture on a card instead of filling the slide.
const PICTURE_MAX_LINES: f32 = 9.0;

/// The height of the picture on a card whose text is `inner` wide.
pub fn picture_height(inner: f32, sizes: &Sizes) -> f32 {
    (inner * PICTURE_HEIGHT_PER_WIDTH).min(sizes.card_font * PICTURE_MAX_LINES).round()
}

impl CardBox {
    /// Where the picture sits, inside the card's padding, in scene units.
    pub fn picture_rect(&self, sizes: &Sizes) -> Option<Rect> {
        (self.picture_height > 0.0).then(|| {
            let inner = self.rect.shrink(sizes.card_padding);
            // 16:9 at most, centred when the card is wider than that.
            let width = inner.width().min(self.picture_height / PICTURE_HEIGHT_PER_WIDTH);
            Rect::from_center_size(
                egui::pos2(inner.center().x, inner.top() + self.picture_height / 2.0),
                egui::vec2(width, self.picture_height),
            )
        })
    }

    /// How far the title sits below the top of the card's padding: below the picture.
    pub fn title_offset(&self, sizes: &Sizes) -> f32 {
        if self.picture_height > 0.0 { self.picture_height + sizes.card_padding * 0.75 } else { 0.0 }
    }
}

/// The geometry of a whole map.
#[derive(Clone, Debug)]
pub struct MapLayout {
    pub view: View,
    /// The sizes everything was laid out with; painting reads its fonts from here.
    pub sizes: Sizes,
    /// The strip with the map's title above everything else.
    pub title: Rect,
    /// The scenario goes under the title, both wrapped to the map's width, instead of beside it:
    /// a map too narrow for both on one line (a stage exported alone).
    pub title_stacked: bool,
    /// The row of stage headers, including the empty corner above the lane headers.
    pub header_row: Rect,
    /// The column of lane headers, including the corner.
    pub lane_column: Rect,
    pub stages: Vec<StageBox>,
    pub lanes: Vec<LaneBox>,
    pub cards: Vec<CardBox>,
    /// For each cell (lane in view order × stage), the range of `cards` that sit in it.
    cells: Vec<std::ops::Range<usize>>,
    pub curves: Vec<CurveGeometry>,
    pub dividers: Vec<Divider>,
    /// Every link whose two cards are shown, routed around the cards.
    pub links: Vec<links::RoutedLink>,
    /// The whole map.
    pub bounds: Rect,
    /// Laid out right to left: stage 1 at the right, lane headers at the right edge.
    pub rtl: bool,
    card_lookup: HashMap<CardId, usize>,
    point_lookup: HashMap<PointId, (usize, usize)>,
}

impl Default for MapLayout {
    fn default() -> Self {
        Self {
            view: View::default(),
            sizes: Sizes::STANDARD,
            title: Rect::NOTHING,
            title_stacked: false,
            header_row: Rect::NOTHING,
            lane_column: Rect::NOTHING,
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            cells: Vec::new(),
            curves: Vec::new(),
            dividers: Vec::new(),
            links: Vec::new(),
            bounds: Rect::NOTHING,
            rtl: false,
            card_lookup: HashMap::new(),
            point_lookup: HashMap::new(),
        }
    }
}

impl MapLayout {
    pub fn card(&self, id: &CardId) -> Option<&CardBox> {
        self.card_lookup.get(id).map(|&i| &self.cards[i])
    }

    pub fn point(&self, id: &PointId) -> Option<&PointGeometry> {
        self.point_lookup.get(id).map(|&(c, p)| &self.curves[c].points[p])
    }

    /// The cards of one cell, top to bottom.
    pub fn cell_cards(&self, lane: usize, stage: usize) -> &[CardBox] {
        let range = self.cells.get(lane * self.stages.len() + stage).cloned().unwrap_or(0..0);
        &self.cards[range]
    }

    /// The cards inside or touching a scene rectangle, found cell by cell, so a view of a small
    /// part of a big map costs only what it shows.
    pub fn visible_cards(&self, visible: Rect) -> impl Iterator<Item = &CardBox> + '_ {
        let lanes =
            self.lanes.iter().enumerate().filter(move |(_, l)| l.row.y_range().intersects(visible.y_range()));
        lanes.flat_map(move |(lane, _)| {
            self.stages
                .iter()
                .enumerate()
                .filter(move |(_, s)| s.column.x_range().intersects(visible.x_range()))
                .flat_map(move |(stage, _)| self.cell_cards(lane, stage))
                .filter(move |c| c.rect.intersects(visible))
        })
    }

    /// The card under a scene position.
    pub fn card_at(&self, pos: Pos2) -> Option<&CardBox> {
        let (lane, stage) = self.cell_at(pos)?;
        self.cell_cards(lane, stage).iter().find(|c| c.rect.contains(pos))
    }

    pub fn stage_at_x(&self, x: f32) -> Option<usize> {
        self.stages.iter().position(|s| s.column.x_range().contains(x))
    }

    pub fn lane_at_y(&self, y: f32) -> Option<usize> {
        self.lanes.iter().position(|l| l.row.y_range().contains(y))
    }

    /// The cell (lane, stage) under a scene position, if any.
    pub fn cell_at(&self, pos: Pos2) -> Option<(usize, usize)> {
        Some((self.lane_at_y(pos.y)?, self.stage_at_x(pos.x)?))
    }

    /// The rectangle of one cell.
    pub fn cell_rect(&self, lane: usize, stage: usize) -> Rect {
        Rect::from_x_y_ranges(self.stages[stage].column.x_range(), self.lanes[lane].row.y_range())
    }

    /// Where a card dropped at scene position `pos` would go in a cell: its index among the
    /// cell's cards (not counting `moving` ones) and the line, in scene units, where the drop
    /// indicator goes: across the cell between stacked cards, upright between cards side by side.
    pub fn drop_slot(
        &self,
        lane: usize,
        stage: usize,
        pos: Pos2,
        moving: &dyn Fn(&CardId) -> bool,
    ) -> (usize, [Pos2; 2]) {
        let cell = self.cell_rect(lane, stage);
        let (pad, gap) = (self.sizes.cell_padding, self.sizes.card_gap);
        let across = |y: f32| [egui::pos2(cell.left() + pad, y), egui::pos2(cell.right() - pad, y)];
        let upright = |x: f32, r: Rect| [egui::pos2(x, r.top()), egui::pos2(x, r.bottom())];
        let side_by_side = self.stages.get(stage).is_some_and(|s| s.columns > 1);
        let mut index = 0;
        let mut indicator = across(cell.top() + pad / 2.0);
        for card in self.cell_cards(lane, stage) {
            if moving(&card.id) {
                continue;
            }
            let r = card.rect;
            // Side by side, cards read in the map's direction.
            let (ahead, leading, trailing) = if self.rtl {
                (pos.x > r.center().x, r.right() + gap / 2.0, r.left() - gap / 2.0)
            } else {
                (pos.x < r.center().x, r.left() - gap / 2.0, r.right() + gap / 2.0)
            };
            let before = if side_by_side {
                pos.y < r.top() || (pos.y <= r.bottom() && ahead)
            } else {
                pos.y < r.center().y
            };
            if before {
                let line = if side_by_side { upright(leading, r) } else { across(r.top() - gap / 2.0) };
                return (index, line);
            }
            index += 1;
            indicator = if side_by_side { upright(trailing, r) } else { across(r.bottom() + gap / 2.0) };
        }
        (index, indicator)
    }

    /// The height in a cell below its last card, where a new card would start.
    pub fn free_top(&self, lane: usize, stage: usize) -> f32 {
        let cell = self.cell_rect(lane, stage);
        self.cell_cards(lane, stage)
            .iter()
            .map(|c| c.rect.bottom() + self.sizes.card_gap)
            .fold(cell.top() + self.sizes.cell_padding, f32::max)
    }

    /// Where the next card added to a cell will sit, in scene units: a new row under its last
    /// card, across the cell, one line of text high.
    pub fn next_slot(&self, lane: usize, stage: usize) -> Rect {
        let cell = self.cell_rect(lane, stage);
        let s = &self.sizes;
        let top = self.free_top(lane, stage);
        let height = 2.0 * s.card_padding + s.card_font * 1.3;
        Rect::from_min_max(
            egui::pos2(cell.left() + s.cell_padding, top),
            egui::pos2(cell.right() - s.cell_padding, top + height),
        )
    }

    /// Turns the layout right to left: every place mirrored across the map's width, so stage 1
    /// is at the right, lane headers at the right edge, cards side by side from the right, the
    /// curve and the links running leftwards. Sizes and text stay as they are.
    pub(crate) fn mirror(&mut self) {
        let right = self.bounds.right() + self.bounds.left();
        let x = |x: f32| right - x;
        let pos = |p: Pos2| egui::pos2(x(p.x), p.y);
        let rect = |r: Rect| Rect::from_x_y_ranges(x(r.right())..=x(r.left()), r.y_range());
        self.title = rect(self.title);
        self.header_row = rect(self.header_row);
        self.lane_column = rect(self.lane_column);
        for stage in &mut self.stages {
            stage.header = rect(stage.header);
            stage.column = rect(stage.column);
        }
        for lane in &mut self.lanes {
            lane.header = rect(lane.header);
            lane.row = rect(lane.row);
        }
        for card in &mut self.cards {
            card.rect = rect(card.rect);
        }
        for curve in &mut self.curves {
            for point in &mut curve.points {
                point.pos = pos(point.pos);
                point.badge = point.badge.map(|(at, badge)| (pos(at), badge));
                point.emoji = point.emoji.map(rect);
                point.label = point.label.map(rect);
            }
        }
        for link in &mut self.links {
            for point in &mut link.points {
                *point = pos(*point);
            }
        }
        self.rtl = !self.rtl;
    }

    /// Cards by id: the curves need it to put a point at its card.
    fn index_cards(&mut self) {
        self.card_lookup = self.cards.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    }

    fn index(&mut self) {
        self.index_cards();
        self.point_lookup = self
            .curves
            .iter()
            .enumerate()
            .flat_map(|(c, curve)| {
                curve.points.iter().enumerate().map(move |(p, pt)| (pt.id.clone(), (c, p)))
            })
            .collect();
    }
}
