//! Presentation mode: the map in large type for a room, stepped through stage by stage, with
//! sticky notes, dot voting and a timer. It reads the same document as the editor and changes it
//! only through edits, so undo, the unsaved mark and autosave work as they do in the editor.

mod camera;
pub mod capture;
mod chrome;
mod overview;
pub mod room;
pub mod timer;
pub mod vote;

use egui::{Key, Modifiers, Ui, Vec2};

use super::canvas::{self, Canvas, Edit};
use super::{Document, UiCommand};
use crate::layout::View;
use crate::model::LaneId;
use crate::theme::{Theme, ThemeKind, TypeSize};

pub use camera::{DESIGN_HEIGHT, MIN_TEXT, MIN_TITLE, Shot};
pub use capture::Capture;
pub use timer::Timer;
pub use vote::{VoteOn, VoteSession};

/// A presentation in progress.
#[derive(Debug)]
pub struct Presentation {
    /// The presentation's own view of the map: its pan, zoom, selection and drags are not the
    /// editor's, so leaving finds the editor as it was.
    pub canvas: Canvas,
    /// Where the map shows on screen: the window less the strips its chrome (the progress
    /// pill, the vote's banner) keeps for itself. Nothing of the map is drawn under them.
    pub map_area: egui::Rect,
    /// How far the chrome reached last frame.
    chrome: chrome::Reach,
    pub shot: Shot,
    /// In a window of its own rather than full screen.
    pub window: bool,
    pub theme: ThemeKind,
    movement: Option<camera::Move>,
    /// The canvas size, the part of it the map goes in and the shot the view was last aimed
    /// for: a new size aims it again at once; a new part (a banner appeared) or a new shot glides
    /// it there.
    aimed_for: Option<(Vec2, egui::Rect, Shot)>,
    /// The setup or note being typed, which has the keys while it is open.
    pub dialog: Option<Dialog>,
    last_note_lane: Option<LaneId>,
    pub vote: Option<VoteSession>,
    /// The ranked results beside the map, winners ringed on it.
    pub results: bool,
    pub timer: Option<Timer>,
    /// A short message for the room, and when it appeared.
    notice: Option<(String, f64)>,
    /// When the key hints were last asked for (they show for a few seconds).
    hints_since: Option<f64>,
    /// The room participants join from their phones, while it is open.
    pub room: Option<room::RoomSide>,
    /// Where the room listens (`--room-listen`); this machine's LAN address when `None`.
    pub room_listen: Option<std::net::SocketAddr>,
    /// The room is to open this frame (J, `--room`, View → Open the room).
    pub open_room: bool,
}

/// A dialog of the presentation, one at a time.
#[derive(Debug)]
pub enum Dialog {
    /// The vote's setup, while the facilitator chooses what to vote on and how many dots.
    VoteSetup(VoteOn, u32),
    /// The timer's setup (minutes), while the facilitator chooses.
    TimerSetup(u32),
    /// A sticky note being typed.
    Capture(Capture),
}

/// What a frame of the presentation asks of the app.
#[derive(Debug, Default)]
pub struct Step {
    pub leave: bool,
    /// Editor commands pressed in the presentation (undo, redo, save).
    pub commands: Vec<UiCommand>,
}

/// The keys a presentation answers to: what presentation clickers send, and single letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentKey {
    Next,
    Previous,
    First,
    Last,
    Overview,
    Jump(usize),
    Note,
    Vote,
    Results,
    NextVoter,
    Timer,
    Contrast,
    Hints,
    Room,
    Leave,
}

/// Every key and what it does; a test rejects a key listed twice.
pub const KEYS: [(Key, PresentKey); 25] = [
    (Key::ArrowRight, PresentKey::Next),
    (Key::PageDown, PresentKey::Next),
    (Key::Space, PresentKey::Next),
    (Key::ArrowLeft, PresentKey::Previous),
    (Key::PageUp, PresentKey::Previous),
    (Key::Home, PresentKey::First),
    (Key::End, PresentKey::Last),
    (Key::O, PresentKey::Overview),
    (Key::Num1, PresentKey::Jump(0)),
    (Key::Num2, PresentKey::Jump(1)),
    (Key::Num3, PresentKey::Jump(2)),
    (Key::Num4, PresentKey::Jump(3)),
    (Key::Num5, PresentKey::Jump(4)),
    (Key::Num6, PresentKey::Jump(5)),
    (Key::Num7, PresentKey::Jump(6)),
    (Key::Num8, PresentKey::Jump(7)),
    (Key::Num9, PresentKey::Jump(8)),
    (Key::N, PresentKey::Note),
    (Key::V, PresentKey::Vote),
    (Key::R, PresentKey::Results),
    (Key::Enter, PresentKey::NextVoter),
    (Key::T, PresentKey::Timer),
    (Key::C, PresentKey::Contrast),
    (Key::H, PresentKey::Hints),
    (Key::J, PresentKey::Room),
];

/// The editor commands that work while presenting.
const EDITOR_COMMANDS: [UiCommand; 3] = [UiCommand::Undo, UiCommand::Redo, UiCommand::Save];

impl Presentation {
    /// A presentation starting at the overview, or at a stage (0-based) if given.
    pub fn new(window: bool, theme: ThemeKind, stage: Option<usize>) -> Self {
        let mut canvas = Canvas::default();
        canvas.fit_requested = false;
        Self {
            canvas,
            map_area: egui::Rect::NOTHING,
            chrome: chrome::Reach::default(),
            shot: stage.map_or(Shot::Overview, Shot::Stage),
            window,
            theme,
            movement: None,
            aimed_for: None,
            dialog: None,
            last_note_lane: None,
            vote: None,
            results: false,
            timer: None,
            notice: None,
            hints_since: None,
            room: None,
            room_listen: None,
            open_room: false,
        }
    }

    /// "Stage 3 of 8 · Evaluate vendors", or the overview's line; with the room's code and
    /// head count while the room is open and its card hidden.
    pub fn progress(&self, map: &crate::model::Map) -> String {
        let line = self.stage_line(map);
        match &self.room {
            Some(room) if !room.card_shown => crate::i18n::join(&[line, room.line()], " · "),
            _ => line,
        }
    }

    fn stage_line(&self, map: &crate::model::Map) -> String {
        match self.shot {
            Shot::Overview => t!("present-overview-line", count = map.stages.len()),
            Shot::Stage(i) => {
                let name = map.stages.get(i).map_or("", |s| s.name.as_str());
                t!("present-stage-line", number = i + 1, count = map.stages.len(), name = name)
            }
        }
    }

    /// One frame of the presentation in `ui`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        view: View,
        pictures: &crate::render::pictures::Pictures,
        edits: &mut Vec<Edit>,
    ) -> Step {
        let ctx = ui.ctx().clone();
        let now = ui.input(|i| i.time);
        self.hints_since.get_or_insert(now);
        let theme = Theme::new(self.theme);
        chrome::style(ui, &theme);
        doc.refresh_layout_sized(&ctx, view, TypeSize::Large);
        let mut step = Step::default();
        let revision = doc.revision();
        let (map, Some(layout)) = doc.map_and_layout_sized(TypeSize::Large) else { return step };
        let stages = layout.stages.len();
        if let Shot::Stage(i) = self.shot
            && i >= stages
        {
            self.shot = if stages == 0 { Shot::Overview } else { Shot::Stage(stages - 1) };
        }
        if let Some(vote) = &mut self.vote {
            vote.reconcile(map);
        }

        self.room_ui(ui, map, revision, &theme, now, edits);
        if self.results {
            chrome::results_panel(ui, map, &theme, edits);
        }
        // The open dialog takes the keys it needs before the presentation's own keys.
        self.dialog_ui(ui, map, layout, &theme, now, edits);
        edits.extend(canvas::cancel_drag_on_escape(&mut self.canvas, ui));
        step.commands = super::commands::pressed_among(&ctx, &EDITOR_COMMANDS);
        if self.dialog.is_none() && !ctx.egui_wants_keyboard_input() {
            for key in pressed(ui) {
                step.leave |= self.on_key(key, map, layout, now);
            }
        }

        // Aim the camera: a move in progress, a new canvas size, or a new shot.
        let rect = ui.available_rect_before_wrap();
        // The strips the chrome keeps: as planned, or as much as it took last frame (text in
        // another font or language can be taller than planned).
        let banner = if self.vote.is_some() { chrome::banner_height(rect).max(self.chrome.top) } else { 0.0 };
        let strip = chrome::strip_height(rect).max(self.chrome.bottom);
        let area = camera::stage_area(rect.size(), banner, strip);
        let target = match self.shot {
            Shot::Overview => camera::overview(layout, area, rect.height()),
            Shot::Stage(i) => camera::focus(layout, i, area, rect.height()),
        };
        let aim = (rect.size(), area, self.shot);
        match self.aimed_for.replace(aim) {
            Some(before) if before == aim => {}
            Some((size, ..)) if size == rect.size() => {
                self.movement = Some(camera::Move::new(self.canvas.view, target, now));
            }
            _ => {
                self.movement = None;
                self.canvas.view = target;
            }
        }
        if let Some(movement) = self.movement {
            self.canvas.view = movement.at(now, area.center());
            if movement.done(now) {
                self.movement = None;
            } else {
                ctx.request_repaint();
            }
        }

        let winners = self.results.then(|| vote::winners(map));
        let mode = canvas::Mode::Present {
            focus: match self.shot {
                Shot::Overview => None,
                Shot::Stage(i) => Some(i),
            },
            voting: self.vote.is_some(),
            winners: winners.as_ref(),
        };
        self.map_area = area.translate(rect.min.to_vec2());
        let clip = self.map_area;
        // The strips the map keeps clear of are the canvas's colour, as the map's margins are.
        ui.painter().rect_filled(rect, 0.0, theme.canvas);
        // The overview is a slide, unless the room votes on the whole map, sees its results
        // there, or a note is being placed on it.
        let slide = self.shot == Shot::Overview
            && self.vote.is_none()
            && !self.results
            && !matches!(self.dialog, Some(Dialog::Capture(_)));
        let canvas = &mut self.canvas;
        let out = if slide {
            overview::slide(ui, map, layout, &theme, clip, chrome::scale(rect));
            canvas::CanvasOutput::default()
        } else {
            ui.scope(|ui| {
                // A stage taller than the screen at readable size runs on below the strip; it is
                // cut there, not drawn under the pill (scroll to see the rest).
                ui.set_clip_rect(clip.intersect(ui.clip_rect()));
                canvas.ui(ui, map, layout, &theme, pictures, mode)
            })
            .inner
        };
        edits.extend(out.edits);
        if let Some((lane, stage)) = out.note_request
            && let (Some(lane), Some(stage)) = (layout.lanes.get(lane), layout.stages.get(stage))
            && lane.kind != crate::model::LaneKind::Emotions
        {
            self.dialog = Some(Dialog::Capture(Capture::new(lane.id.clone(), stage.id.clone())));
        }
        if let (Some(vote), Some((card, take_back))) = (&mut self.vote, out.vote_click) {
            let result = if take_back { vote.remove(map, &card) } else { vote.add(map, &card) };
            match result {
                Ok(command) => {
                    let label = if take_back { tl!("edit-take-dot") } else { tl!("edit-add-dot") };
                    edits.push(Edit::apply(command, label));
                    edits.push(Edit::Seal);
                }
                Err(refusal) => self.notice = Some((refusal.message(vote.voter), now)),
            }
        }

        let info = chrome::Info {
            progress: self.progress(map),
            stage: match self.shot {
                Shot::Overview => None,
                Shot::Stage(i) => Some(i),
            },
            stages,
            rtl: map.direction.is_rtl(),
            vote: self.vote.as_ref(),
            room: self.room.is_some(),
            notice: self.notice.as_ref().filter(|(_, at)| now - at < 3.0).map(|(text, _)| text.as_str()),
            hints: self.hints_since.is_some_and(|at| now - at < 6.0),
            timer: self.timer.as_ref(),
        };
        self.chrome = chrome::paint(ui, rect, &theme, &info, now);
        if self.timer.is_some() || info.notice.is_some() || info.hints {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        step
    }

    /// Opens the room when asked, brings in what it sent, tells it what is shown, and draws
    /// its join card.
    fn room_ui(
        &mut self,
        ui: &mut Ui,
        map: &crate::model::Map,
        revision: u64,
        theme: &Theme,
        now: f64,
        edits: &mut Vec<Edit>,
    ) {
        if std::mem::take(&mut self.open_room) && self.room.is_none() {
            match room::RoomSide::open(ui.ctx(), self.room_listen, map) {
                Ok(side) => self.room = Some(side),
                Err(e) => self.notice = Some((t!("present-room-failed", error = e.to_string()), now)),
            }
        }
        let Some(side) = &mut self.room else { return };
        let showing = room::Now {
            map,
            revision,
            focus: match self.shot {
                Shot::Overview => None,
                Shot::Stage(i) => Some(i),
            },
            vote: self.vote.as_ref(),
            results: self.results,
            timer_left: self.timer.as_ref().map(|t| t.remaining(now).max(0.0).ceil() as u32),
            capture_lane: self.last_note_lane.as_ref(),
        };
        side.frame(&showing, edits);
        if side.card_shown {
            match side.card_ui(ui, theme, edits) {
                Some(room::CardAction::Close) => {
                    self.room = None;
                    self.notice = Some((t!("present-room-closed"), now));
                }
                Some(room::CardAction::Hide) => side.card_shown = false,
                None => {}
            }
        }
    }

    /// The open dialog, and what its answer does.
    fn dialog_ui(
        &mut self,
        ui: &mut Ui,
        map: &crate::model::Map,
        layout: &crate::layout::MapLayout,
        theme: &Theme,
        now: f64,
        edits: &mut Vec<Edit>,
    ) {
        let ctx = ui.ctx().clone();
        let done = match &mut self.dialog {
            None => false,
            Some(Dialog::VoteSetup(on, dots)) => {
                let mut setup = (*on, *dots);
                let answer = chrome::vote_setup_ui(&ctx, &mut setup);
                (*on, *dots) = setup;
                if answer == Some(true) {
                    self.vote = Some(VoteSession::new(setup.0, setup.1));
                    self.canvas.clear_selection();
                }
                answer.is_some()
            }
            Some(Dialog::TimerSetup(minutes)) => {
                let answer = chrome::timer_setup_ui(&ctx, minutes);
                if answer == Some(true) {
                    self.timer = Some(Timer::start(*minutes, now));
                }
                answer.is_some()
            }
            Some(Dialog::Capture(capture)) => {
                let typing = capture::ui(capture, ui, &self.canvas, map, layout, theme, edits);
                if typing != capture::Typing::Going {
                    self.last_note_lane = Some(capture.lane.clone());
                }
                typing == capture::Typing::Stop
            }
        };
        if done {
            self.dialog = None;
        }
    }

    /// Acts on one key; returns whether it asks to leave the presentation.
    fn on_key(
        &mut self,
        key: PresentKey,
        map: &crate::model::Map,
        layout: &crate::layout::MapLayout,
        now: f64,
    ) -> bool {
        let stages = layout.stages.len();
        let shot = self.shot;
        let next = match (key, shot) {
            (PresentKey::Next, Shot::Overview) | (PresentKey::First, _) if stages > 0 => Shot::Stage(0),
            (PresentKey::Next, Shot::Stage(i)) => Shot::Stage((i + 1).min(stages.saturating_sub(1))),
            (PresentKey::Previous, Shot::Stage(0)) | (PresentKey::Overview, _) => Shot::Overview,
            (PresentKey::Previous, Shot::Stage(i)) => Shot::Stage(i - 1),
            (PresentKey::Last, _) if stages > 0 => Shot::Stage(stages - 1),
            (PresentKey::Jump(i), _) if i < stages => Shot::Stage(i),
            _ => shot,
        };
        self.shot = next;
        match key {
            PresentKey::Note => {
                let stage = match self.shot {
                    Shot::Stage(i) => Some(i),
                    Shot::Overview => None,
                };
                match Capture::place(&self.canvas, map, layout, stage, self.last_note_lane.as_ref()) {
                    Some((lane, stage)) => self.dialog = Some(Dialog::Capture(Capture::new(lane, stage))),
                    None => self.notice = Some((t!("present-no-note-lane"), now)),
                }
            }
            PresentKey::Vote => {
                if self.vote.take().is_none() {
                    self.dialog = Some(Dialog::VoteSetup(VoteOn::PainPoints, vote::DEFAULT_DOTS));
                } else {
                    self.notice = Some((t!("present-vote-ended"), now));
                }
            }
            // With the room in, R also ends a running vote: its dots are revealed at once.
            PresentKey::Results if self.room.is_some() && self.vote.is_some() => {
                self.vote = None;
                self.results = true;
            }
            PresentKey::Results => self.results = !self.results,
            PresentKey::Room => match &mut self.room {
                None => self.open_room = true,
                Some(side) => side.card_shown = !side.card_shown,
            },
            PresentKey::NextVoter => {
                if let Some(vote) = &mut self.vote {
                    vote.next_voter();
                    self.notice = Some((t!("present-voter-turn", voter = vote.voter), now));
                }
            }
            // T stops a running timer, and otherwise sets one up.
            PresentKey::Timer if self.timer.take().is_none() => {
                self.dialog = Some(Dialog::TimerSetup(timer::DEFAULT_MINUTES));
            }
            PresentKey::Contrast => self.theme = self.theme.next(),
            PresentKey::Hints => self.hints_since = Some(now),
            // Esc backs out one level at a time: the join card, the vote, the results, then the
            // presentation (which closes the room).
            PresentKey::Leave if self.room.as_ref().is_some_and(|r| r.card_shown) => {
                if let Some(side) = &mut self.room {
                    side.card_shown = false;
                }
            }
            PresentKey::Leave if self.vote.take().is_some() => {
                self.notice = Some((t!("present-vote-ended"), now));
            }
            PresentKey::Leave if self.results => self.results = false,
            PresentKey::Leave => return true,
            _ => {}
        }
        false
    }
}

/// The presentation keys pressed this frame, consumed.
fn pressed(ui: &Ui) -> Vec<PresentKey> {
    ui.input_mut(|input| {
        let mut keys: Vec<PresentKey> = KEYS
            .iter()
            .filter(|(key, _)| input.consume_key(Modifiers::NONE, *key))
            .map(|(_, k)| *k)
            .collect();
        if input.consume_key(Modifiers::NONE, Key::Escape) {
            keys.push(PresentKey::Leave);
        }
        keys
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_does_two_things() {
        let mut seen = std::collections::HashSet::new();
        for (key, _) in KEYS {
            assert!(seen.insert(key), "{key:?} is listed twice");
        }
        assert!(!seen.contains(&Key::Escape), "Esc is handled on its own, after everything it closes");
    }
}
