//! Every colour and size the canvas and the export use (design tokens). Nothing else in the
//! project writes a colour literal.

use egui::Color32;

use crate::model::{Colour, LaneKind};

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
}

/// Colours for one theme.
#[derive(Clone, Debug)]
pub struct Theme {
    pub kind: ThemeKind,
    pub canvas: Color32,
    pub grid_line: Color32,
    pub header: Color32,
    pub header_text: Color32,
    pub lane_header: Color32,
    /// Behind the cells of the grid.
    pub body: Color32,
    pub text: Color32,
    pub muted_text: Color32,
    pub card: Color32,
    pub card_border: Color32,
    pub card_shadow: Color32,
    pub accent: Color32,
    pub selection: Color32,
    pub selection_fill: Color32,
    pub drop_indicator: Color32,
    pub link: Color32,
    /// The lines of a service blueprint.
    pub divider: Color32,
    pub negative: Color32,
    pub neutral: Color32,
    pub positive: Color32,
    pub flag_truth: Color32,
    pub flag_exit: Color32,
    pub flag_fail: Color32,
    pub flag_wait: Color32,
    /// Stage colours used when a stage has none of its own, in order.
    pub stage_palette: [Color32; 6],
    /// Curve colours used when a curve has none of its own, in order.
    pub curve_palette: [Color32; 6],
}

impl Theme {
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Light => Self::light(),
            ThemeKind::Dark => Self::dark(),
        }
    }

    pub fn light() -> Self {
        Self {
            kind: ThemeKind::Light,
            canvas: Color32::from_rgb(0xf5, 0xf6, 0xf8),
            grid_line: Color32::from_rgb(0xe1, 0xe4, 0xea),
            header: Color32::from_rgb(0xff, 0xff, 0xff),
            header_text: Color32::from_rgb(0x1d, 0x23, 0x2e),
            lane_header: Color32::from_rgb(0xec, 0xee, 0xf2),
            body: Color32::from_rgb(0xfb, 0xfb, 0xfc),
            text: Color32::from_rgb(0x22, 0x27, 0x30),
            muted_text: Color32::from_rgb(0x68, 0x70, 0x7d),
            card: Color32::WHITE,
            card_border: Color32::from_rgb(0xd5, 0xd9, 0xe0),
            card_shadow: Color32::from_black_alpha(18),
            accent: Color32::from_rgb(0x2f, 0x6f, 0xe0),
            selection: Color32::from_rgb(0x2f, 0x6f, 0xe0),
            selection_fill: Color32::from_rgba_unmultiplied(0x2f, 0x6f, 0xe0, 28),
            drop_indicator: Color32::from_rgb(0x2f, 0x6f, 0xe0),
            link: Color32::from_rgb(0x5a, 0x63, 0x72),
            divider: Color32::from_rgb(0x4a, 0x55, 0x68),
            negative: Color32::from_rgb(0xd6, 0x45, 0x45),
            neutral: Color32::from_rgb(0xd9, 0xa4, 0x1e),
            positive: Color32::from_rgb(0x2e, 0x9e, 0x5b),
            flag_truth: Color32::from_rgb(0x7b, 0x4f, 0xd6),
            flag_exit: Color32::from_rgb(0xd6, 0x45, 0x45),
            flag_fail: Color32::from_rgb(0xc2, 0x3b, 0x22),
            flag_wait: Color32::from_rgb(0xd9, 0x8a, 0x1e),
            stage_palette: [
                Color32::from_rgb(0x5b, 0x8d, 0xef),
                Color32::from_rgb(0x8e, 0x6c, 0xd8),
                Color32::from_rgb(0xe0, 0x8a, 0x3c),
                Color32::from_rgb(0x2f, 0xa3, 0x9a),
                Color32::from_rgb(0x4c, 0xaf, 0x50),
                Color32::from_rgb(0xd8, 0x5b, 0x8a),
            ],
            curve_palette: [
                Color32::from_rgb(0x3b, 0x6f, 0xd8),
                Color32::from_rgb(0xd8, 0x61, 0x3b),
                Color32::from_rgb(0x2e, 0x9e, 0x5b),
                Color32::from_rgb(0x8e, 0x4f, 0xc8),
                Color32::from_rgb(0x1b, 0x9a, 0xaa),
                Color32::from_rgb(0xb0, 0x8a, 0x12),
            ],
        }
    }

    pub fn dark() -> Self {
        Self {
            kind: ThemeKind::Dark,
            canvas: Color32::from_rgb(0x17, 0x1a, 0x20),
            grid_line: Color32::from_rgb(0x2c, 0x31, 0x3a),
            header: Color32::from_rgb(0x21, 0x25, 0x2d),
            header_text: Color32::from_rgb(0xe8, 0xeb, 0xf0),
            lane_header: Color32::from_rgb(0x1e, 0x22, 0x29),
            body: Color32::from_rgb(0x1b, 0x1f, 0x26),
            text: Color32::from_rgb(0xe3, 0xe6, 0xec),
            muted_text: Color32::from_rgb(0x9a, 0xa2, 0xaf),
            card: Color32::from_rgb(0x26, 0x2b, 0x34),
            card_border: Color32::from_rgb(0x3a, 0x40, 0x4b),
            card_shadow: Color32::from_black_alpha(60),
            accent: Color32::from_rgb(0x6b, 0x9b, 0xff),
            selection: Color32::from_rgb(0x6b, 0x9b, 0xff),
            selection_fill: Color32::from_rgba_unmultiplied(0x6b, 0x9b, 0xff, 36),
            drop_indicator: Color32::from_rgb(0x6b, 0x9b, 0xff),
            link: Color32::from_rgb(0xa8, 0xb0, 0xbd),
            divider: Color32::from_rgb(0xb4, 0xbd, 0xcc),
            negative: Color32::from_rgb(0xf0, 0x6a, 0x6a),
            neutral: Color32::from_rgb(0xe8, 0xb8, 0x3a),
            positive: Color32::from_rgb(0x4c, 0xc3, 0x7d),
            flag_truth: Color32::from_rgb(0xa6, 0x86, 0xf0),
            flag_exit: Color32::from_rgb(0xf0, 0x6a, 0x6a),
            flag_fail: Color32::from_rgb(0xf0, 0x7a, 0x5a),
            flag_wait: Color32::from_rgb(0xf0, 0xaa, 0x4a),
            stage_palette: [
                Color32::from_rgb(0x6b, 0x9b, 0xff),
                Color32::from_rgb(0xa6, 0x86, 0xf0),
                Color32::from_rgb(0xf0, 0xa0, 0x5a),
                Color32::from_rgb(0x4a, 0xc0, 0xb5),
                Color32::from_rgb(0x6c, 0xc8, 0x70),
                Color32::from_rgb(0xf0, 0x7a, 0xa6),
            ],
            curve_palette: [
                Color32::from_rgb(0x7a, 0xa5, 0xff),
                Color32::from_rgb(0xff, 0x8a, 0x62),
                Color32::from_rgb(0x5c, 0xd0, 0x8a),
                Color32::from_rgb(0xb8, 0x8a, 0xf0),
                Color32::from_rgb(0x4a, 0xc8, 0xd8),
                Color32::from_rgb(0xe0, 0xc0, 0x4a),
            ],
        }
    }

    /// The accent of a lane kind: the tint of its cards and the mark in its header.
    pub fn lane_accent(&self, kind: LaneKind) -> Color32 {
        let (r, g, b) = match kind {
            LaneKind::Actions | LaneKind::CustomerActions => (0x3b, 0x82, 0xf6),
            LaneKind::Touchpoints | LaneKind::Frontstage => (0x0e, 0xa5, 0xa5),
            LaneKind::Channels => (0x06, 0x96, 0xc7),
            LaneKind::Thoughts | LaneKind::Questions => (0xea, 0xb3, 0x08),
            LaneKind::Motivations => (0x84, 0xcc, 0x16),
            LaneKind::Obstacles | LaneKind::PainPoints => (0xef, 0x44, 0x44),
            LaneKind::Emotions => (0xf5, 0x9e, 0x0b),
            LaneKind::Opportunities => (0x22, 0xc5, 0x5e),
            LaneKind::Metrics => (0x8b, 0x5c, 0xf6),
            LaneKind::Owners => (0x64, 0x74, 0x8b),
            LaneKind::PhysicalEvidence => (0xa1, 0x62, 0x07),
            LaneKind::Backstage => (0x6d, 0x28, 0xd9),
            LaneKind::SupportProcesses => (0x47, 0x55, 0x69),
            LaneKind::Custom => (0x94, 0xa3, 0xb8),
        };
        Color32::from_rgb(r, g, b)
    }

    /// The fill of a card: the card colour with a hint of its lane's (or its own) colour.
    pub fn card_fill(&self, lane: LaneKind, own: Option<Colour>) -> Color32 {
        let tint = own.map_or_else(|| self.lane_accent(lane), to_color32);
        let amount = if own.is_some() { 0.28 } else { 0.10 };
        mix(self.card, tint, amount)
    }

    /// A sentiment value's colour: red at the bottom of the scale, amber in the middle, green
    /// at the top. `t` is the value's place on the scale, from 0 to 1.
    pub fn sentiment(&self, t: f32) -> Color32 {
        let t = t.clamp(0.0, 1.0);
        if t < 0.5 {
            mix(self.negative, self.neutral, t * 2.0)
        } else {
            mix(self.neutral, self.positive, (t - 0.5) * 2.0)
        }
    }
}

pub fn to_color32(c: Colour) -> Color32 {
    Color32::from_rgb(c.r, c.g, c.b)
}

/// `a` moved a fraction `t` towards `b`.
pub fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let lerp = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        lerp(a.r(), b.r()),
        lerp(a.g(), b.g()),
        lerp(a.b(), b.b()),
        lerp(a.a(), b.a()),
    )
}

/// Sizes in scene units (points at 100 % zoom).
pub mod size {
    pub const STAGE_WIDTH: f32 = 236.0;
    pub const LANE_HEADER_WIDTH: f32 = 176.0;
    pub const STAGE_HEADER_HEIGHT: f32 = 72.0;
    pub const LANE_MIN_HEIGHT: f32 = 76.0;
    pub const EMOTIONS_HEIGHT: f32 = 150.0;
    pub const COLLAPSED_HEIGHT: f32 = 30.0;
    pub const CELL_PADDING: f32 = 10.0;
    pub const CARD_GAP: f32 = 8.0;
    /// Room under the cards of a cell for the "+ Add card" button.
    pub const ADD_CARD_HEIGHT: f32 = 32.0;
    pub const CARD_PADDING: f32 = 9.0;
    pub const CARD_ROUNDING: f32 = 6.0;
    pub const CARD_FONT: f32 = 13.0;
    pub const CARD_META_FONT: f32 = 11.0;
    pub const CARD_META_HEIGHT: f32 = 18.0;
    pub const HEADER_FONT: f32 = 16.0;
    pub const GOAL_FONT: f32 = 11.5;
    pub const LANE_FONT: f32 = 13.5;
    pub const TITLE_FONT: f32 = 22.0;
    pub const TITLE_HEIGHT: f32 = 56.0;
    /// Below this on-screen size text is drawn as grey bars: it could not be read anyway, and
    /// skipping glyph layout keeps a zoomed-out view of a big map fast.
    pub const MIN_READABLE_FONT: f32 = 4.5;
}
