//! The room, as the presentation runs it: the join card (QR code, short address, room code, the
//! people in the room), the notes that arrive turned into edits, the room's dots added at the
//! reveal, and what participants' pages see published whenever it changes.

use std::net::SocketAddr;

use egui::{Color32, Frame, RichText, Stroke, Ui};

use super::capture::NOTE_COLOUR;
use super::vote::VoteSession;
use crate::app::canvas::Edit;
use crate::edit::Command;
use crate::model::{Card, CardId, LaneId, Map, StageId};
use crate::room::snapshot::Voting;
use crate::room::{Note, Room, Showing, Snapshot};
use crate::theme::Theme;

/// An open room and what the presentation keeps about it.
pub struct RoomSide {
    pub room: Room,
    /// The join card shows beside the map (J shows and hides it).
    pub card_shown: bool,
    qr: Option<egui::TextureHandle>,
    /// What was published last, to publish only changes.
    published: Option<Published>,
    /// Votes counted so far, and the one running now.
    rounds: u64,
    voting: Option<u64>,
    /// Notes that came from the room, newest last: the card, who wrote it, its text.
    pub recent: Vec<(CardId, String, String)>,
}

impl std::fmt::Debug for RoomSide {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomSide")
            .field("room", &self.room)
            .field("card_shown", &self.card_shown)
            .finish_non_exhaustive()
    }
}

/// What a snapshot was made from.
#[derive(Clone, Debug, PartialEq)]
struct Published {
    revision: u64,
    focus: Option<usize>,
    voting: Option<u64>,
    results: bool,
    timer_left: Option<u32>,
    capture_lane: Option<LaneId>,
}

/// What the presentation shows this frame, for the room.
pub(super) struct Now<'a> {
    pub map: &'a Map,
    pub revision: u64,
    pub focus: Option<usize>,
    pub vote: Option<&'a VoteSession>,
    pub results: bool,
    pub timer_left: Option<u32>,
    pub capture_lane: Option<&'a LaneId>,
}

/// What the facilitator asked for in the join card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CardAction {
    Close,
    Hide,
}

impl RoomSide {
    /// Opens a room on `listen` (or the LAN address) showing `map` at the overview.
    pub fn open(
        ctx: &egui::Context,
        listen: Option<SocketAddr>,
        map: &Map,
    ) -> Result<Self, crate::room::RoomError> {
        let ctx = ctx.clone();
        let snapshot = Snapshot::of(map, &Showing::default());
        let room = Room::open(listen, snapshot, move || ctx.request_repaint())?;
        Ok(Self {
            room,
            card_shown: true,
            qr: None,
            published: None,
            rounds: 0,
            voting: None,
            recent: Vec::new(),
        })
    }

    /// Publishes what changed, and brings in what the room sent: its notes as edits, and its
    /// dots as one step once a vote has ended.
    pub(super) fn frame(&mut self, now: &Now<'_>, edits: &mut Vec<Edit>) {
        self.notes_to_edits(now.map, self.room.notes(), edits);
        match (now.vote.is_some(), self.voting) {
            (true, None) => {
                self.rounds += 1;
                self.voting = Some(self.rounds);
            }
            (false, Some(_)) => {
                self.voting = None;
                self.reveal(now.map, edits);
            }
            _ => {}
        }
        let published = Published {
            revision: now.revision,
            focus: now.focus,
            voting: self.voting,
            results: now.results,
            timer_left: now.timer_left,
            capture_lane: now.capture_lane.cloned(),
        };
        if self.published.as_ref() == Some(&published) {
            return;
        }
        let on = now.vote.map(|v| v.on.key()).unwrap_or_default();
        let voting = now.vote.zip(self.voting).map(|(vote, round)| Voting {
            round,
            on,
            budget: vote.dots_per_person,
            lanes: crate::model::LaneKind::ALL.into_iter().filter(|k| vote.on.accepts(*k)).collect(),
        });
        let showing = Showing {
            focus: now.focus,
            capture_lane: now.capture_lane.map(LaneId::as_str),
            vote: voting,
            results: now.results,
            timer_left: now.timer_left,
        };
        self.room.publish(Snapshot::of(now.map, &showing));
        self.published = Some(published);
    }

    /// Each note as a card in its cell, sticky-note yellow, signed unless names are hidden:
    /// one undoable step each, as the facilitator's own notes are.
    fn notes_to_edits(&mut self, map: &Map, notes: Vec<Note>, edits: &mut Vec<Edit>) {
        let mut ids = crate::model::IdMaker::for_map(map);
        for note in notes {
            let (lane, stage) = (LaneId(note.lane), StageId(note.stage));
            if map.lane(&lane).is_none() || map.stage(&stage).is_none() {
                continue;
            }
            let mut card = Card::new(lane, stage, note.text);
            card.id = CardId(ids.make("c-", &card.title));
            card.colour = Some(NOTE_COLOUR);
            card.author = note.author.clone().unwrap_or_default();
            let who = note.author.unwrap_or_else(|| tl!("room-someone"));
            self.recent.push((card.id.clone(), who.clone(), card.title.clone()));
            edits.push(Edit::apply(
                Command::InsertCard { index: usize::MAX, card },
                tl!("edit-room-note", name = who.as_str()),
            ));
            edits.push(Edit::Seal);
        }
    }

    /// The room's dots onto the cards, as one step.
    fn reveal(&mut self, map: &Map, edits: &mut Vec<Edit>) {
        let commands: Vec<Command> = self
            .room
            .take_dots()
            .into_iter()
            .filter_map(|(id, dots)| {
                let mut card = map.card(&CardId(id))?.clone();
                card.votes += dots;
                Some(Command::ReplaceCard(card))
            })
            .collect();
        if !commands.is_empty() {
            edits.push(Edit::apply(Command::Batch(commands), tl!("edit-room-dots")));
            edits.push(Edit::Seal);
        }
    }

    /// "Room K7M2QX · 12 people", for the progress line while the card is hidden.
    pub fn line(&self) -> String {
        t!("room-line", code = self.room.code(), people = people_logical(self.room.people()))
    }

    /// The join card beside the map: the QR code to scan, the address and code to type, who is
    /// in (with their notes and dots, and a way to take them out), pausing and hiding names,
    /// the room's latest notes (each can be removed) and closing the room.
    pub(super) fn card_ui(
        &mut self,
        ui: &mut Ui,
        theme: &Theme,
        edits: &mut Vec<Edit>,
    ) -> Option<CardAction> {
        let s = super::chrome::scale(ui.max_rect());
        let text = |words: &str, size: f32| RichText::new(words).size(size * s).color(theme.header_text);
        let muted = |words: &str, size: f32| RichText::new(words).size(size * s).color(theme.muted_text);
        let url = self.room.join_url();
        let qr = self.qr.get_or_insert_with(|| qr_texture(ui.ctx(), &url)).clone();
        let mut action = None;
        crate::app::mirror::end_panel("room join card")
            .resizable(false)
            .exact_size(520.0 * s)
            .frame(
                Frame::new()
                    .fill(theme.header)
                    .inner_margin(24.0 * s)
                    .stroke(Stroke::new(1.0, theme.card_border)),
            )
            .show(ui, |ui| {
                super::chrome::large_type(ui, s);
                egui::ScrollArea::vertical().show(ui, |ui| {
                    crate::app::mirror::column(ui, |ui| {
                        ui.label(text(&t!("room-join"), 34.0).strong());
                        ui.label(muted(&t!("room-scan"), 20.0));
                        ui.add_space(10.0 * s);
                        let side = (ui.available_width()).min(400.0 * s);
                        ui.vertical_centered(|ui| {
                            let image = egui::Image::new((qr.id(), egui::vec2(side, side)))
                                .corner_radius(8.0 * s)
                                .alt_text(t!("room-qr", url = url.as_str()));
                            ui.add(image);
                        });
                        ui.add_space(10.0 * s);
                        ui.label(muted(&t!("room-or-open"), 20.0));
                        ui.label(text(&self.room.short_url(), 28.0).strong().monospace());
                        crate::app::mirror::row(ui, |ui| {
                            ui.label(muted(&t!("room-type-code"), 20.0));
                            ui.label(text(self.room.code(), 34.0).strong().monospace().color(theme.accent));
                        });
                        if self.room.address().ip().is_loopback() {
                            ui.label(muted(&t!("room-loopback"), 18.0));
                        }
                        ui.add_space(14.0 * s);
                        let people_here = self.room.participants();
                        ui.label(text(&people(people_here.len()), 26.0).strong());
                        let mut paused = self.room.paused();
                        if crate::app::mirror::checkbox(ui, &mut paused, text(&t!("room-pause"), 20.0))
                            .changed()
                        {
                            self.room.set_paused(paused);
                        }
                        let mut anonymous = self.room.anonymous();
                        if crate::app::mirror::checkbox(ui, &mut anonymous, text(&t!("room-anonymous"), 20.0))
                            .changed()
                        {
                            self.room.set_anonymous(anonymous);
                        }
                        ui.add_space(8.0 * s);
                        for person in &people_here {
                            crate::app::mirror::row(ui, |ui| {
                                let dots = t!("present-dots", count = person.dots);
                                let notes = t!("room-notes", count = person.notes);
                                let remove = ui
                                    .button(text("×", 20.0))
                                    .on_hover_text(t!("room-remove-person", name = person.name.as_str()));
                                if remove.clicked() {
                                    self.room.remove(person.id);
                                }
                                ui.label(text(&person.name, 20.0));
                                ui.label(muted(&crate::i18n::join(&[notes, dots], " · "), 18.0));
                            });
                        }
                        if !self.recent.is_empty() {
                            ui.add_space(12.0 * s);
                            ui.label(text(&t!("room-latest"), 22.0).strong());
                            let mut gone = None;
                            for (i, (id, who, title)) in self.recent.iter().enumerate().rev().take(6) {
                                crate::app::mirror::row(ui, |ui| {
                                    let remove =
                                        ui.button(text("×", 20.0)).on_hover_text(t!("room-remove-note-hint"));
                                    if remove.clicked() {
                                        edits.push(Edit::apply(
                                            Command::RemoveCard(id.clone()),
                                            t!("room-remove-note"),
                                        ));
                                        edits.push(Edit::Seal);
                                        gone = Some(i);
                                    }
                                    ui.label(
                                        RichText::new(format!("{title} — {who}"))
                                            .size(18.0 * s)
                                            .color(theme.header_text),
                                    );
                                });
                            }
                            if let Some(i) = gone {
                                self.recent.remove(i);
                            }
                        }
                        ui.add_space(16.0 * s);
                        crate::app::mirror::row(ui, |ui| {
                            if ui.button(text(&t!("room-hide-card"), 20.0)).clicked() {
                                action = Some(CardAction::Hide);
                            }
                            let close =
                                egui::Button::new(text(&t!("room-close"), 20.0).color(Color32::WHITE))
                                    .fill(theme.negative);
                            if ui.add(close).clicked() {
                                action = Some(CardAction::Close);
                            }
                        });
                    });
                });
            });
        action
    }
}

fn people(n: usize) -> String {
    if n == 0 { t!("room-nobody") } else { t!("room-people", count = n) }
}

/// [`people`] in logical order, to go inside another message.
fn people_logical(n: usize) -> String {
    if n == 0 { tl!("room-nobody") } else { tl!("room-people", count = n) }
}

/// The QR code of `url` as a texture, one texel per module with a four-module quiet zone, drawn
/// with nearest sampling so it stays sharp at any size.
fn qr_texture(ctx: &egui::Context, url: &str) -> egui::TextureHandle {
    let image = match qrcode::QrCode::new(url.as_bytes()) {
        Ok(code) => {
            let width = code.width();
            let quiet = 4;
            let side = width + 2 * quiet;
            let colours = code.to_colors();
            let mut pixels = vec![Color32::WHITE; side * side];
            for (i, colour) in colours.iter().enumerate() {
                if *colour == qrcode::Color::Dark {
                    pixels[(i / width + quiet) * side + i % width + quiet] = Color32::BLACK;
                }
            }
            egui::ColorImage::new([side, side], pixels)
        }
        // An address too long for a QR code cannot happen (ours are under 60 characters); a
        // blank square says so without failing the presentation.
        Err(_) => egui::ColorImage::new([1, 1], vec![Color32::WHITE]),
    };
    ctx.load_texture("room qr code", image, egui::TextureOptions::NEAREST)
}
