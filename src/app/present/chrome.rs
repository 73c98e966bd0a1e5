//! What a presentation shows around the map: the progress line, the vote banner, the timer,
//! short notices, the key hints, the pointer's spotlight, the results list and the two small
//! setups. Text is real labels (screen readers and tests find it), sized for the room.

use egui::{
    Align2, Color32, Frame, Key, Modifiers, Order, Pos2, Rect, RichText, Stroke, Ui, Vec2, pos2, vec2,
};

use super::DESIGN_HEIGHT;
use super::timer::{self, Timer};
use super::vote::{self, VoteOn, VoteSession};
use crate::app::canvas::Edit;
use crate::model::Map;
use crate::theme::{Theme, ThemeKind};

/// What the chrome shows this frame.
pub(super) struct Info<'a> {
    pub progress: String,
    pub stage: Option<usize>,
    pub stages: usize,
    /// The map reads right to left: stage 1's bar is the rightmost.
    pub rtl: bool,
    pub vote: Option<&'a VoteSession>,
    /// The room is open: people vote on their phones.
    pub room: bool,
    pub notice: Option<&'a str>,
    pub hints: bool,
    pub timer: Option<&'a Timer>,
}

/// How big the chrome is on a screen of this height: 1 on a 1080-pixel screen.
pub(super) fn scale(rect: Rect) -> f32 {
    (rect.height() / DESIGN_HEIGHT).max(0.55)
}

/// The strip at the bottom kept free of the map for the progress pill: 10 below it, its frame
/// (24 of margins and 4 of stroke), a line of 26-point text and a line of hints (or the progress
/// bars), and a little air. A test holds the pill, the banner and the notices off the cards.
pub(super) fn strip_height(rect: Rect) -> f32 {
    104.0 * scale(rect)
}

/// The strip at the top kept free of the map while the vote banner shows: 16 above it, its
/// frame, a line of 26-point text and a line of 20-point instructions, and a little air.
pub(super) fn banner_height(rect: Rect) -> f32 {
    124.0 * scale(rect)
}

/// egui's look for panels and fields, in the presentation's theme.
pub(super) fn visuals(theme: &Theme) -> egui::Visuals {
    let mut visuals = if theme.kind.is_dark() { egui::Visuals::dark() } else { egui::Visuals::light() };
    visuals.panel_fill = theme.header;
    visuals.window_fill = theme.header;
    visuals.extreme_bg_color = theme.card;
    visuals.selection.bg_fill = theme.selection;
    if theme.kind == ThemeKind::HighContrast {
        visuals.override_text_color = Some(theme.text);
        visuals.window_stroke = Stroke::new(2.0, theme.card_border);
        visuals.selection.stroke = Stroke::new(2.0, theme.canvas);
        for w in [&mut visuals.widgets.inactive, &mut visuals.widgets.hovered, &mut visuals.widgets.active] {
            w.bg_stroke = Stroke::new(2.0, theme.card_border);
            w.fg_stroke = Stroke::new(2.0, theme.text);
        }
    }
    visuals
}

pub(super) fn style(ui: &mut Ui, theme: &Theme) {
    ui.style_mut().visuals = visuals(theme);
}

/// A panel or popup frame in the theme's colours.
fn frame(theme: &Theme, s: f32, accent: Color32) -> Frame {
    Frame::new()
        .fill(theme.header)
        .stroke(Stroke::new(2.0 * s, accent))
        .corner_radius(14.0 * s)
        .inner_margin(vec2(24.0, 12.0) * s)
}

fn text(words: impl Into<String>, size: f32, colour: Color32) -> RichText {
    RichText::new(words).size(size).color(colour)
}

/// The map's own words as a label: each paragraph in its direction (see [`crate::text`]),
/// wrapped to the room left in `ui`, named by the words as written (not as laid out).
fn map_label(ui: &mut Ui, words: &str, size: f32, colour: Color32, wrap: bool) -> egui::Response {
    let font = egui::FontId::proportional(size);
    let width = if wrap { ui.available_width().max(size) } else { f32::INFINITY };
    let galley = crate::text::layout(ui.ctx(), words, font, colour, width);
    let response = ui.label(galley);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, words));
    response
}

/// A box of labels floating over the map, pinned to a place of the screen.
/// Returns where the box is.
fn floating(
    ui: &Ui,
    id: &str,
    anchor: Align2,
    offset: Vec2,
    frame: Frame,
    theme: &Theme,
    contents: impl FnOnce(&mut Ui),
) -> Rect {
    egui::Area::new(ui.scope_id().with(id))
        .anchor(anchor, offset)
        .order(Order::Foreground)
        .interactable(false)
        .constrain_to(ui.max_rect())
        .show(ui.ctx(), |ui| {
            ui.style_mut().visuals = visuals(theme);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            frame.show(ui, contents);
        })
        .response
        .rect
}

/// Where the chrome is: how far down from the top the banner reaches and how far up from the
/// bottom the pill does (0 where there is none), with a little air; the map keeps clear of both.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Reach {
    pub top: f32,
    pub bottom: f32,
}

pub(super) fn paint(ui: &Ui, rect: Rect, theme: &Theme, info: &Info<'_>, now: f64) -> Reach {
    let s = scale(rect);
    // Areas anchor to the whole window; a presentation in part of one (tests, an embedded
    // window) is offset to its own rectangle.
    let screen = ui.ctx().content_rect();
    let bottom = rect.bottom() - screen.bottom();
    let top = rect.top() - screen.top();
    let right = rect.right() - screen.right();
    let centre_x = rect.center().x - screen.center().x;

    let mut reach = Reach::default();
    // One box for each kind of content: a centred box keeps the widest width it ever had, so
    // the hints' long line must not leave the progress pill wide after them.
    let kind = match (info.notice.is_some(), info.hints) {
        (false, false) => "progress",
        (true, false) => "progress with a notice",
        (_, true) => "progress with hints",
    };
    let pill = floating(
        ui,
        kind,
        Align2::CENTER_BOTTOM,
        vec2(centre_x, bottom - 10.0 * s),
        frame(theme, s, theme.card_border),
        theme,
        |ui| {
            // Everything said at the bottom says it inside the pill, in the strip the map keeps
            // free: a notice for a few seconds in place of where you are, the key hints in place
            // of the progress bars.
            ui.vertical_centered(|ui| {
                match info.notice {
                    Some(notice) => map_label(ui, notice, 26.0 * s, theme.accent, false),
                    None => map_label(ui, &info.progress, 26.0 * s, theme.header_text, false),
                };
                if info.hints {
                    let hints = t!("present-hints");
                    ui.label(text(hints, 18.0 * s, theme.muted_text));
                } else {
                    progress_dots(ui, info, theme, s);
                }
            });
        },
    );
    reach.bottom = rect.bottom() - pill.top() + 8.0 * s;
    if let Some(vote) = info.vote {
        let banner = floating(
            ui,
            "vote",
            Align2::CENTER_TOP,
            vec2(centre_x, top + 16.0 * s),
            frame(theme, s, theme.vote),
            theme,
            |ui| {
                ui.vertical_centered(|ui| {
                    let on = vote.on.subject();
                    let (headline, keys) = if info.room {
                        (
                            t!("present-vote-phones", subject = on, dots = vote.dots_per_person),
                            t!("present-vote-phones-hint"),
                        )
                    } else {
                        (
                            t!(
                                "present-vote-voter",
                                subject = on,
                                voter = vote.voter,
                                left = vote.dots_left(),
                                dots = vote.dots_per_person
                            ),
                            t!("present-vote-hint"),
                        )
                    };
                    ui.label(text(headline, 26.0 * s, theme.header_text).strong());
                    ui.label(text(keys, 20.0 * s, theme.muted_text));
                });
            },
        );
        reach.top = banner.bottom() - rect.top() + 8.0 * s;
    }
    if let Some(timer) = info.timer {
        let pulse = timer.pulse(now);
        let up = timer.remaining(now) <= 0.0;
        let colour = if timer.pulsing(now) { theme.accent } else { theme.header_text };
        let ring = if timer.pulsing(now) { theme.accent } else { theme.card_border };
        let frame = frame(theme, s, ring).stroke(Stroke::new((2.0 + 4.0 * pulse) * s, ring));
        floating(
            ui,
            "timer",
            Align2::RIGHT_TOP,
            vec2(right - 24.0 * s, top + 24.0 * s),
            frame,
            theme,
            |ui| {
                let words = if up { t!("present-times-up") } else { timer.text(now) };
                let label = ui.label(text(words, (48.0 + 8.0 * pulse) * s, colour).strong());
                let bar = Rect::from_min_size(
                    label.rect.left_bottom() + vec2(0.0, 4.0 * s),
                    vec2(label.rect.width() * timer.share_left(now), 4.0 * s),
                );
                ui.painter().rect_filled(bar, 2.0 * s, colour);
                ui.add_space(8.0 * s);
            },
        );
    }
    spotlight(ui, rect, theme, s);
    reach
}

/// A row of short bars, one per stage, the current one lit.
fn progress_dots(ui: &mut Ui, info: &Info<'_>, theme: &Theme, s: f32) {
    let (stage, stages) = (info.stage, info.stages);
    if stages == 0 {
        return;
    }
    let (w, h, gap) = (22.0 * s, 5.0 * s, 6.0 * s);
    let width = stages as f32 * w + (stages - 1) as f32 * gap;
    let (rect, _) = ui.allocate_exact_size(vec2(width, h + 4.0 * s), egui::Sense::hover());
    for k in 0..stages {
        let place = if info.rtl { stages - 1 - k } else { k };
        let bar = Rect::from_min_size(
            pos2(rect.left() + place as f32 * (w + gap), rect.top() + 2.0 * s),
            vec2(w, h),
        );
        let lit = stage.is_none_or(|i| i == k);
        let colour = if lit { theme.stage_palette[k % theme.stage_palette.len()] } else { theme.grid_line };
        ui.painter().rect_filled(bar, h / 2.0, colour);
    }
}

/// A soft glow under the pointer, large enough to follow on a shared screen (which often hides
/// the cursor itself).
fn spotlight(ui: &Ui, rect: Rect, theme: &Theme, s: f32) {
    let Some(pointer) = ui.ctx().pointer_hover_pos().filter(|p| rect.contains(*p)) else { return };
    let painter = ui.ctx().layer_painter(egui::LayerId::new(Order::Tooltip, ui.scope_id().with("spotlight")));
    let radius = 56.0 * s;
    glow(&painter, pointer, radius, theme.spotlight);
    painter.circle_stroke(pointer, 20.0 * s, Stroke::new(3.0 * s, theme.spotlight.gamma_multiply(0.9)));
}

/// A disc fading from the centre out.
fn glow(painter: &egui::Painter, centre: Pos2, radius: f32, colour: Color32) {
    let mut mesh = egui::epaint::Mesh::default();
    let steps = 48;
    let rings = [(0.0, 0.34), (0.45, 0.22), (1.0, 0.0)];
    for (r, alpha) in rings {
        for k in 0..steps {
            let a = k as f32 / steps as f32 * std::f32::consts::TAU;
            mesh.colored_vertex(centre + vec2(a.cos(), a.sin()) * radius * r, colour.gamma_multiply(alpha));
        }
    }
    let steps = steps as u32;
    for ring in 0..2 {
        for k in 0..steps {
            let (a, b) = (ring * steps + k, ring * steps + (k + 1) % steps);
            let (c, d) = (a + steps, b + steps);
            mesh.add_triangle(a, b, c);
            mesh.add_triangle(b, d, c);
        }
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// The ranked cards beside the map, with the button that clears the vote.
pub(super) fn results_panel(ui: &mut Ui, map: &Map, theme: &Theme, edits: &mut Vec<Edit>) {
    let s = scale(ui.max_rect());
    let ranked = vote::ranking(map);
    let winners = vote::winners(map);
    crate::app::mirror::end_panel("vote results")
        .resizable(false)
        .exact_size(460.0 * s)
        .frame(
            Frame::new()
                .fill(theme.header)
                .inner_margin(20.0 * s)
                .stroke(Stroke::new(1.0, theme.card_border)),
        )
        .show(ui, |ui| {
            crate::app::mirror::column(ui, |ui| {
                ui.label(
                    text(t!("present-results", count = vote::total(map)), 30.0 * s, theme.header_text)
                        .strong(),
                );
                ui.add_space(10.0 * s);
                if ranked.is_empty() {
                    ui.label(text(t!("present-no-dots"), 20.0 * s, theme.muted_text));
                }
                egui::ScrollArea::vertical().max_height(ui.available_height() - 70.0 * s).show(ui, |ui| {
                    let mut rank = 0;
                    let mut last = None;
                    for (position, (id, votes)) in ranked.iter().enumerate() {
                        if last != Some(*votes) {
                            rank = position + 1;
                            last = Some(*votes);
                        }
                        let Some(card) = map.card(id) else { continue };
                        let stage = map.stage(&card.stage).map_or("", |s| s.name.as_str());
                        let accent = if winners.contains(id) { theme.winner } else { theme.card_border };
                        Frame::new()
                            .fill(theme.card)
                            .stroke(Stroke::new(2.0 * s, accent))
                            .corner_radius(8.0 * s)
                            .inner_margin(10.0 * s)
                            .show(ui, |ui| {
                                ui.set_width(ui.available_width());
                                crate::app::mirror::row(ui, |ui| {
                                    ui.label(text(format!("{rank}."), 24.0 * s, theme.text).strong());
                                    let dots = t!("present-dots", count = *votes);
                                    ui.label(text(dots, 24.0 * s, theme.text).strong());
                                });
                                map_label(ui, &card.title, 22.0 * s, theme.text, true);
                                map_label(ui, stage, 20.0 * s, theme.muted_text, true);
                            });
                        ui.add_space(6.0 * s);
                    }
                });
                ui.add_space(10.0 * s);
                let clear = ui.add_enabled(
                    !ranked.is_empty(),
                    egui::Button::new(text(tl!("edit-clear-votes"), 20.0 * s, theme.text)),
                );
                if clear.clicked()
                    && let Some(command) = vote::clear(map)
                {
                    edits.push(Edit::apply(command, tl!("edit-clear-votes")));
                }
            });
        });
}

/// A centred box that takes Enter (yes) and Esc (no), in the presentation's large type: the
/// room reads it too (nothing under 18 pixels on a 1080-pixel screen).
fn setup_box(ctx: &egui::Context, id: &str, contents: impl FnOnce(&mut Ui) -> bool) -> Option<bool> {
    let (enter, escape) = ctx.input_mut(|i| {
        (i.consume_key(Modifiers::NONE, Key::Enter), i.consume_key(Modifiers::NONE, Key::Escape))
    });
    let s = scale(ctx.content_rect());
    let mut start = false;
    egui::Area::new(egui::Id::unique(id))
        .anchor(Align2::CENTER_CENTER, Vec2::ZERO)
        .order(Order::Foreground)
        .show(ctx, |ui| {
            large_type(ui, s);
            Frame::window(ui.style()).inner_margin(28.0 * s).show(ui, |ui| {
                start = contents(ui);
            });
        });
    if start || enter {
        Some(true)
    } else if escape {
        Some(false)
    } else {
        None
    }
}

/// Chooses what is voted on and the dots each person has. `Some(true)` starts the vote.
pub(super) fn vote_setup_ui(ctx: &egui::Context, setup: &mut (VoteOn, u32)) -> Option<bool> {
    let up_down = arrows(ctx);
    setup.1 = (setup.1 as i32 + up_down).clamp(1, vote::MAX_DOTS as i32) as u32;
    setup_box(ctx, "vote setup", |ui| {
        ui.heading(t!("present-dot-vote"));
        ui.label(t!("present-vote-question"));
        for on in VoteOn::ALL {
            crate::app::mirror::radio_value(ui, &mut setup.0, on, on.label());
        }
        ui.add_space(6.0);
        crate::app::mirror::row(ui, |ui| {
            let label = ui.label(t!("present-dots-per-person"));
            ui.add(egui::DragValue::new(&mut setup.1).range(1..=vote::MAX_DOTS)).labelled_by(label.id);
        });
        ui.add_space(6.0);
        crate::app::mirror::row(ui, |ui| {
            let start = ui.button(t!("present-start-vote")).clicked();
            ui.weak(t!("present-vote-keys"));
            start
        })
        .inner
    })
}

/// Chooses the timer's minutes. `Some(true)` starts it.
pub(super) fn timer_setup_ui(ctx: &egui::Context, minutes: &mut u32) -> Option<bool> {
    let up_down = arrows(ctx);
    *minutes = (*minutes as i32 + up_down).clamp(*timer::MINUTES.start() as i32, *timer::MINUTES.end() as i32)
        as u32;
    setup_box(ctx, "timer setup", |ui| {
        ui.heading(t!("present-timer"));
        crate::app::mirror::row(ui, |ui| {
            let label = ui.label(t!("present-minutes"));
            ui.add(egui::DragValue::new(minutes).range(timer::MINUTES)).labelled_by(label.id);
        });
        ui.add_space(6.0);
        crate::app::mirror::row(ui, |ui| {
            let start = ui.button(t!("present-start-timer")).clicked();
            ui.weak(t!("present-timer-keys"));
            start
        })
        .inner
    })
}

/// Every text style of `ui` at the presentation's sizes: headings 34, the rest 22 (small 18),
/// scaled to the screen.
pub(super) fn large_type(ui: &mut Ui, s: f32) {
    use egui::TextStyle;
    let style = ui.style_mut();
    for (text_style, font) in &mut style.text_styles {
        font.size = s * match text_style {
            TextStyle::Heading => 34.0,
            TextStyle::Small => 18.0,
            _ => 22.0,
        };
    }
    style.spacing.interact_size = vec2(48.0, 40.0) * s;
    style.spacing.item_spacing = vec2(12.0, 10.0) * s;
    style.spacing.icon_width = 24.0 * s;
    style.spacing.button_padding = vec2(14.0, 8.0) * s;
}

/// +1 for each Up arrow pressed, −1 for each Down arrow, consumed.
fn arrows(ctx: &egui::Context) -> i32 {
    ctx.input_mut(|i| {
        let mut n = 0;
        while i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            n += 1;
        }
        while i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            n -= 1;
        }
        n
    })
}
