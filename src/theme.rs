//! Every colour and size the canvas and the export use (design tokens). Nothing else in the
//! project writes a colour literal.

use egui::Color32;

use crate::model::{Colour, LaneKind};

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeKind {
    #[default]
    Light,
    Dark,
    /// White and bright colours on black: every text at least 7:1 against what it sits on
    /// (WCAG AAA), for projectors in bright rooms and for people who need it.
    HighContrast,
}

impl ThemeKind {
    pub const ALL: [Self; 3] = [Self::Light, Self::Dark, Self::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            Self::Light => "Light",
            Self::Dark => "Dark",
            Self::HighContrast => "High contrast",
        }
    }

    /// The next theme in the cycle light → dark → high contrast.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Light => Self::Dark,
            Self::Dark => Self::HighContrast,
            Self::HighContrast => Self::Light,
        }
    }

    /// Whether the interface around the map should use egui's dark look.
    pub fn is_dark(self) -> bool {
        !matches!(self, Self::Light)
    }
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
    /// Where a card's or persona's picture is still being read, or cannot be.
    pub picture_placeholder: Color32,
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
    /// Text on flag chips and marker badges.
    pub chip_text: Color32,
    /// Dot-vote dots, and the count on them.
    pub vote: Color32,
    pub vote_text: Color32,
    /// The ring around the most voted cards.
    pub winner: Color32,
    /// Laid over the stages a presentation is not focused on.
    pub dim: Color32,
    /// Drawn around the stage a presentation is focused on (where dimming would cost contrast).
    pub focus_ring: Color32,
    /// The presenter's pointer, a soft glow a room can follow.
    pub spotlight: Color32,
    /// A sticky note being typed, and its text.
    pub note: Color32,
    pub note_ink: Color32,
    /// How much faint text (the scale's level names) keeps of its colour; 1 keeps it whole.
    pub faint: f32,
    /// How much of its lane's colour, and of its own colour, a card's fill takes.
    pub lane_tint: f32,
    pub own_tint: f32,
    /// Whether a stage's number is written in the stage's own colour (any colour a user picks),
    /// or in the palette's, which the theme vouches for.
    pub own_colour_text: bool,
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
            ThemeKind::HighContrast => Self::high_contrast(),
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
            picture_placeholder: Color32::from_rgb(0xee, 0xf0, 0xf3),
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
            chip_text: Color32::WHITE,
            vote: Color32::from_rgb(0xe0, 0x3a, 0x6e),
            vote_text: Color32::WHITE,
            winner: Color32::from_rgb(0xf2, 0xa9, 0x00),
            dim: Color32::from_rgba_unmultiplied(0xf5, 0xf6, 0xf8, 150),
            focus_ring: Color32::TRANSPARENT,
            spotlight: Color32::from_rgb(0xff, 0xb0, 0x20),
            note: Color32::from_rgb(0xff, 0xdc, 0x5e),
            note_ink: Color32::from_rgb(0x1d, 0x1d, 0x1d),
            faint: 0.75,
            lane_tint: 0.10,
            own_tint: 0.28,
            own_colour_text: true,
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
            picture_placeholder: Color32::from_rgb(0x1f, 0x23, 0x2a),
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
            chip_text: Color32::WHITE,
            vote: Color32::from_rgb(0xff, 0x5c, 0x8d),
            vote_text: Color32::WHITE,
            winner: Color32::from_rgb(0xff, 0xc8, 0x3a),
            dim: Color32::from_rgba_unmultiplied(0x17, 0x1a, 0x20, 160),
            focus_ring: Color32::TRANSPARENT,
            spotlight: Color32::from_rgb(0xff, 0xc8, 0x3a),
            note: Color32::from_rgb(0xe8, 0xc4, 0x4e),
            note_ink: Color32::from_rgb(0x1d, 0x1d, 0x1d),
            faint: 0.75,
            lane_tint: 0.10,
            own_tint: 0.28,
            own_colour_text: true,
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

    pub fn high_contrast() -> Self {
        let yellow = Color32::from_rgb(0xff, 0xd4, 0x00);
        Self {
            kind: ThemeKind::HighContrast,
            canvas: Color32::BLACK,
            grid_line: Color32::from_rgb(0x8a, 0x8a, 0x8a),
            header: Color32::BLACK,
            header_text: Color32::WHITE,
            lane_header: Color32::BLACK,
            body: Color32::BLACK,
            text: Color32::WHITE,
            muted_text: Color32::from_rgb(0xe0, 0xe0, 0xe0),
            card: Color32::from_rgb(0x14, 0x14, 0x14),
            card_border: Color32::from_rgb(0xd0, 0xd0, 0xd0),
            card_shadow: Color32::TRANSPARENT,
            picture_placeholder: Color32::from_rgb(0x30, 0x30, 0x30),
            accent: yellow,
            selection: yellow,
            selection_fill: Color32::from_rgba_unmultiplied(0xff, 0xd4, 0x00, 40),
            drop_indicator: yellow,
            link: Color32::WHITE,
            divider: Color32::WHITE,
            negative: Color32::from_rgb(0xff, 0x6b, 0x6b),
            neutral: yellow,
            positive: Color32::from_rgb(0x4a, 0xde, 0x80),
            flag_truth: Color32::from_rgb(0xc9, 0xa7, 0xff),
            flag_exit: Color32::from_rgb(0xff, 0x8a, 0x8a),
            flag_fail: Color32::from_rgb(0xff, 0xa2, 0x70),
            flag_wait: yellow,
            chip_text: Color32::BLACK,
            vote: Color32::from_rgb(0x3d, 0xd6, 0xff),
            vote_text: Color32::BLACK,
            winner: yellow,
            // Any dimming would take some text below 7:1; a ring marks the focus instead.
            dim: Color32::TRANSPARENT,
            focus_ring: yellow,
            spotlight: yellow,
            note: yellow,
            note_ink: Color32::BLACK,
            faint: 1.0,
            lane_tint: 0.08,
            own_tint: 0.12,
            own_colour_text: false,
            stage_palette: [
                Color32::from_rgb(0x7f, 0xb2, 0xff),
                Color32::from_rgb(0xc9, 0xa7, 0xff),
                Color32::from_rgb(0xff, 0xb8, 0x70),
                Color32::from_rgb(0x5e, 0xe0, 0xd2),
                Color32::from_rgb(0x8c, 0xe0, 0x8f),
                Color32::from_rgb(0xff, 0x9e, 0xc4),
            ],
            curve_palette: [
                Color32::from_rgb(0x7f, 0xb2, 0xff),
                Color32::from_rgb(0xff, 0x9a, 0x6a),
                Color32::from_rgb(0x4a, 0xde, 0x80),
                Color32::from_rgb(0xc9, 0xa7, 0xff),
                Color32::from_rgb(0x5e, 0xe0, 0xd2),
                yellow,
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
        let amount = if own.is_some() { self.own_tint } else { self.lane_tint };
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

/// How big a map's type and boxes are: the editor's everyday sizes, or the large type a room
/// reads from a projector and a slide deck reads from the back row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TypeSize {
    #[default]
    Standard,
    /// Sized for a 1920×1080 screen at 100 %: no text under 20 units, card titles at 26, and
    /// stages wide enough for one to fill most of the screen with cards side by side.
    Large,
}

impl TypeSize {
    pub fn sizes(self) -> Sizes {
        match self {
            Self::Standard => Sizes::STANDARD,
            Self::Large => Sizes::LARGE,
        }
    }
}

/// Sizes in scene units (points at 100 % zoom). The layout carries the set it was made with, so
/// painting and hit testing always agree with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    pub stage_width: f32,
    pub lane_header_width: f32,
    pub stage_header_height: f32,
    pub lane_min_height: f32,
    pub emotions_height: f32,
    pub collapsed_height: f32,
    pub cell_padding: f32,
    pub card_gap: f32,
    /// Room under the cards of a cell for the "+ Add card" button.
    pub add_card_height: f32,
    /// Cards of a cell sit side by side when the stage is at least this many widths of a card
    /// wide (large type); otherwise they stack.
    pub card_min_width: f32,
    pub card_padding: f32,
    pub card_rounding: f32,
    pub card_font: f32,
    pub card_meta_font: f32,
    pub card_meta_height: f32,
    pub header_font: f32,
    pub goal_font: f32,
    pub lane_font: f32,
    pub title_font: f32,
    pub title_height: f32,
    /// Curve point labels, the legend and the scale's level names.
    pub label_font: f32,
    /// The emoji above a curve point.
    pub emoji_font: f32,
    /// The names of the sentiment scale's levels, faint in the Emotions lane.
    pub level_font: f32,
    /// The glyph in a curve point's marker badge.
    pub marker_font: f32,
    /// Radius of a curve point.
    pub point_radius: f32,
    /// Radius of a vote dot on a card.
    pub vote_dot: f32,
}

impl Sizes {
    pub const STANDARD: Self = Self {
        stage_width: 236.0,
        lane_header_width: 176.0,
        stage_header_height: 72.0,
        lane_min_height: 76.0,
        emotions_height: 150.0,
        collapsed_height: 30.0,
        cell_padding: 10.0,
        card_gap: 8.0,
        add_card_height: 32.0,
        card_min_width: 1.0e6,
        card_padding: 9.0,
        card_rounding: 6.0,
        card_font: 13.0,
        card_meta_font: 11.0,
        card_meta_height: 18.0,
        header_font: 16.0,
        goal_font: 11.5,
        lane_font: 13.5,
        title_font: 22.0,
        title_height: 56.0,
        label_font: 11.0,
        emoji_font: 16.0,
        level_font: 10.0,
        marker_font: 9.0,
        point_radius: 6.0,
        vote_dot: 7.0,
    };

    pub const LARGE: Self = Self {
        stage_width: 1100.0,
        lane_header_width: 250.0,
        stage_header_height: 112.0,
        lane_min_height: 96.0,
        emotions_height: 230.0,
        collapsed_height: 44.0,
        cell_padding: 14.0,
        card_gap: 12.0,
        add_card_height: 12.0,
        card_min_width: 330.0,
        card_padding: 14.0,
        card_rounding: 10.0,
        card_font: 26.0,
        card_meta_font: 20.0,
        card_meta_height: 30.0,
        header_font: 32.0,
        goal_font: 20.0,
        lane_font: 24.0,
        title_font: 38.0,
        title_height: 84.0,
        label_font: 20.0,
        emoji_font: 30.0,
        level_font: 20.0,
        marker_font: 20.0,
        point_radius: 10.0,
        vote_dot: 13.0,
    };

    /// The smallest text these sizes draw.
    pub fn smallest_font(&self) -> f32 {
        [
            self.card_meta_font,
            self.goal_font,
            self.label_font,
            self.level_font,
            self.marker_font,
            self.lane_font,
            self.card_font,
        ]
        .into_iter()
        .fold(f32::INFINITY, f32::min)
    }
}

/// Below this on-screen size text is drawn as grey bars: it could not be read anyway, and
/// skipping glyph layout keeps a zoomed-out view of a big map fast.
pub const MIN_READABLE_FONT: f32 = 4.5;

impl Theme {
    /// Every text colour with the colour it is drawn on, as the map, the presentation's chrome
    /// and its dimmed neighbour stages paint them, named for messages. Tests hold the
    /// high-contrast theme to 7:1 on every pair.
    pub fn text_pairs(&self) -> Vec<(String, Color32, Color32)> {
        let mut pairs: Vec<(String, Color32, Color32)> = vec![
            ("map title".into(), self.header_text, self.canvas),
            ("scenario".into(), self.muted_text, self.canvas),
            ("stage name".into(), self.header_text, self.header),
            ("stage goal".into(), self.muted_text, self.header),
            ("journey state".into(), self.muted_text, self.header),
            ("lane title".into(), self.header_text, self.lane_header),
            ("lane kind".into(), self.muted_text, self.lane_header),
            ("curve legend".into(), self.muted_text, self.lane_header),
            ("point label".into(), self.muted_text, self.body),
            ("blueprint line label".into(), self.divider, self.body),
            ("vote count".into(), self.vote_text, self.vote),
            ("presentation line".into(), self.header_text, self.header),
            ("presentation hint".into(), self.muted_text, self.header),
            ("timer, pulsing".into(), self.accent, self.header),
            ("results card".into(), self.text, self.card),
            ("results stage".into(), self.muted_text, self.card),
            ("note being typed".into(), self.note_ink, self.note),
        ];
        for (i, colour) in self.stage_palette.iter().enumerate() {
            pairs.push((format!("stage number {}", i + 1), *colour, self.header));
        }
        for (label, flag) in [
            ("moment of truth", self.flag_truth),
            ("exit", self.flag_exit),
            ("fail", self.flag_fail),
            ("wait", self.flag_wait),
        ] {
            pairs.push((format!("{label} chip"), self.chip_text, flag));
        }
        for step in 0..=10 {
            let t = step as f32 / 10.0;
            pairs.push((format!("scale level at {t:.1}"), self.sentiment(t), self.lane_header));
            let faint = self.sentiment(t).gamma_multiply(self.faint);
            pairs.push((format!("scale name at {t:.1}"), over(faint, self.body), self.body));
        }
        // Cards of every lane kind, and cards with the lightest and darkest colours of their own.
        let owns = [
            None,
            Some(Colour::rgb(255, 255, 255)),
            Some(Colour::rgb(255, 216, 77)),
            Some(Colour::rgb(0, 0, 0)),
        ];
        for kind in LaneKind::ALL {
            for own in owns {
                let fill = self.card_fill(kind, own);
                pairs.push((format!("{} card title (own colour {own:?})", kind.label()), self.text, fill));
                pairs.push((
                    format!("{} card details (own colour {own:?})", kind.label()),
                    self.muted_text,
                    fill,
                ));
            }
        }
        // Neighbour stages under the presentation's dimming.
        let dimmed: Vec<_> = pairs
            .iter()
            .filter(|(name, ..)| {
                !name.starts_with("presentation")
                    && !name.starts_with("timer")
                    && !name.starts_with("results")
            })
            .map(|(name, fg, bg)| (format!("{name}, dimmed"), over(self.dim, *fg), over(self.dim, *bg)))
            .collect();
        pairs.extend(dimmed);
        pairs
    }
}

/// `top` (with its alpha) laid over an opaque `bottom`.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let [red, green, blue, alpha] = top.to_srgba_unmultiplied();
    let share = f32::from(alpha) / 255.0;
    let lerp = |x: u8, y: u8| (f32::from(y) + (f32::from(x) - f32::from(y)) * share).round() as u8;
    Color32::from_rgb(lerp(red, bottom.r()), lerp(green, bottom.g()), lerp(blue, bottom.b()))
}

/// The WCAG contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let s = f32::from(v) / 255.0;
            if s <= 0.040_45 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_in_high_contrast_is_at_least_7_to_1() {
        let theme = Theme::high_contrast();
        let pairs = theme.text_pairs();
        assert!(pairs.len() > 100);
        let failing: Vec<String> = pairs
            .iter()
            .map(|(name, fg, bg)| (name, contrast_ratio(*fg, *bg)))
            .filter(|(_, ratio)| *ratio < 7.0)
            .map(|(name, ratio)| format!("{name}: {ratio:.2}"))
            .collect();
        assert!(failing.is_empty(), "below 7:1: {failing:#?}");
    }

    #[test]
    fn the_ratio_matches_the_wcag_examples() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::from_rgb(0x77, 0x77, 0x77), Color32::WHITE) - 4.48).abs() < 0.02);
        assert_eq!(over(Color32::from_rgba_unmultiplied(0, 0, 0, 0), Color32::WHITE), Color32::WHITE);
    }

    #[test]
    fn the_light_theme_fails_the_check_so_the_check_can_fail() {
        let light = Theme::light();
        assert!(light.text_pairs().iter().any(|(_, fg, bg)| contrast_ratio(*fg, *bg) < 7.0));
    }
}
