//! What the room knows and the rules it keeps: who is in, how many notes and dots each may send,
//! which typed room codes are refused. No input or output here, so every rule is tested directly.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::limits;
use super::snapshot::Snapshot;

/// A participant as the facilitator's list shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub id: u32,
    pub name: String,
    pub notes: u32,
    pub dots: u32,
}

#[derive(Debug)]
pub(super) struct Participant {
    pub id: u32,
    /// The participant's secret, which their browser sends with every request.
    pub key: [u8; 16],
    pub name: String,
    pub notes: u32,
    /// When their recent notes arrived, for the per-minute limit.
    note_times: VecDeque<Instant>,
    /// Their dots in the running vote, per card; no one else sees them before the reveal.
    pub dots: HashMap<String, u32>,
    /// Wakes their live page when something only they see changes.
    pub wake: Arc<tokio::sync::Notify>,
}

/// Typed room codes from one address.
#[derive(Debug, Default)]
struct Tries {
    wrong: u32,
    locked_until: Option<Instant>,
    /// When the last wrong code came.
    last: Option<Instant>,
}

/// Wrong codes the whole room may still take: a bucket that refills over time.
#[derive(Debug)]
struct Guesses {
    left: f64,
    at: Instant,
}

impl Guesses {
    fn full(now: Instant) -> Self {
        Self { left: limits::ROOM_WRONG_CODES_PER_MINUTE, at: now }
    }

    fn refill(&mut self, now: Instant) {
        let per_second = limits::ROOM_WRONG_CODES_PER_MINUTE / 60.0;
        let refill = now.saturating_duration_since(self.at).as_secs_f64() * per_second;
        self.left = (self.left + refill).min(limits::ROOM_WRONG_CODES_PER_MINUTE);
        self.at = self.at.max(now);
    }

    /// Seconds until the next wrong code may be read.
    fn wait(&self) -> u64 {
        ((1.0 - self.left) * 60.0 / limits::ROOM_WRONG_CODES_PER_MINUTE).ceil().max(1.0) as u64
    }
}

/// Why the room turned a participant's request down; each maps to an HTTP status and a message
/// the page shows as it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the room is full ({} people)", limits::PARTICIPANTS)]
    Full,
    #[error("give a name of 1 to {} characters", limits::NAME_CHARS)]
    Name,
    #[error("you are not in this room; join again")]
    Unknown,
    #[error("write a note of 1 to {} characters", limits::NOTE_CHARS)]
    NoteLength,
    #[error("that is {} notes in a minute; wait a moment", limits::NOTES_PER_MINUTE)]
    TooManyNotes,
    #[error("the facilitator has paused notes")]
    Paused,
    #[error("that lane or stage is not on the map")]
    NoSuchCell,
    #[error("no vote is running")]
    NoVote,
    #[error("this card is not part of the vote")]
    NotVotedOn,
    #[error("you have used all {0} of your dots")]
    NoDotsLeft(u32),
    #[error("you have no dot on this card")]
    NoDotHere,
    #[error("wrong room code; {0} tries left")]
    WrongCode(u32),
    #[error("too many wrong room codes; try again in {0} minutes")]
    Locked(u64),
    #[error("too many wrong room codes in this room just now; scan the QR code, or try again in {0} seconds")]
    Busy(u64),
    #[error("you have too many live pages open; close one")]
    TooManyPages,
}

/// A note from a participant, for the facilitator's map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub participant: u32,
    /// `None` when the facilitator hides names.
    pub author: Option<String>,
    pub lane: String,
    pub stage: String,
    pub text: String,
}

/// The live pages (event streams) open now: each participant's and each address's are few, and
/// some connections are always left for people joining.
#[derive(Debug, Default)]
pub(super) struct Streams {
    next: u64,
    open: Vec<Stream>,
}

#[derive(Debug)]
struct Stream {
    id: u64,
    key: [u8; 16],
    from: IpAddr,
    /// Closes the stream when a newer one of the same participant takes its place.
    close: Arc<tokio::sync::Notify>,
}

impl Streams {
    /// A new stream for the participant `key` from `from`: its id, and what closes it. A
    /// participant's newest page wins (a phone that lost its connection comes back at once);
    /// an address or the room with too many is refused.
    pub fn open(&mut self, key: [u8; 16], from: IpAddr) -> Result<(u64, Arc<tokio::sync::Notify>), Refusal> {
        let of_key: Vec<usize> = (0..self.open.len()).filter(|&i| self.open[i].key == key).collect();
        if of_key.len() >= limits::STREAMS_PER_KEY {
            let oldest = self.open.remove(of_key[0]);
            oldest.close.notify_one();
        }
        if self.open.iter().filter(|s| s.from == from).count() >= limits::STREAMS_PER_ADDRESS {
            return Err(Refusal::TooManyPages);
        }
        if self.open.len() >= limits::CONNECTIONS - limits::CONNECTIONS_FOR_REQUESTS {
            return Err(Refusal::Full);
        }
        self.next += 1;
        let close = Arc::new(tokio::sync::Notify::new());
        self.open.push(Stream { id: self.next, key, from, close: Arc::clone(&close) });
        Ok((self.next, close))
    }

    /// The stream `id` has ended.
    pub fn close(&mut self, id: u64) {
        self.open.retain(|s| s.id != id);
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.open.len()
    }
}

#[derive(Debug)]
pub(super) struct State {
    pub token: [u8; 16],
    pub code: String,
    pub participants: Vec<Participant>,
    next_id: u32,
    tries: HashMap<IpAddr, Tries>,
    /// Wrong codes the room still takes, from all addresses together.
    guesses: Guesses,
    /// What the facilitator shows, as last published, and as the pages read it (written once
    /// for every page).
    pub snapshot: Arc<Snapshot>,
    snapshot_json: Arc<str>,
    /// The vote round the participants' dots belong to.
    round: Option<u64>,
    pub paused: bool,
    pub anonymous: bool,
    /// The room has closed: pages hear so and stop.
    pub closed: bool,
    pub streams: Streams,
}

impl State {
    pub fn new(token: [u8; 16], code: String, snapshot: Snapshot) -> Self {
        Self {
            token,
            code,
            participants: Vec::new(),
            next_id: 1,
            tries: HashMap::new(),
            guesses: Guesses::full(Instant::now()),
            snapshot_json: to_json(&snapshot),
            snapshot: Arc::new(snapshot),
            round: None,
            paused: false,
            anonymous: false,
            closed: false,
            streams: Streams::default(),
        }
    }

    /// A new participant and their key.
    pub fn join(&mut self, name: &str, key: [u8; 16]) -> Result<&Participant, Refusal> {
        let name = clean_line(name);
        let chars = name.chars().count();
        if chars == 0 || chars > limits::NAME_CHARS {
            return Err(Refusal::Name);
        }
        if self.participants.len() >= limits::PARTICIPANTS {
            return Err(Refusal::Full);
        }
        let id = self.next_id;
        self.next_id += 1;
        self.participants.push(Participant {
            id,
            key,
            name,
            notes: 0,
            note_times: VecDeque::new(),
            dots: HashMap::new(),
            wake: Arc::new(tokio::sync::Notify::new()),
        });
        Ok(&self.participants[self.participants.len() - 1])
    }

    /// The participant holding `key`. Every key is compared in full, in constant time, so the
    /// time taken says nothing about how close a guess came.
    pub fn find(&self, key: &[u8]) -> Option<usize> {
        let mut found = None;
        for (i, p) in self.participants.iter().enumerate() {
            if same(&p.key, key) {
                found = Some(i);
            }
        }
        found
    }

    pub fn participant(&mut self, key: &[u8]) -> Result<&mut Participant, Refusal> {
        let i = self.find(key).ok_or(Refusal::Unknown)?;
        Ok(&mut self.participants[i])
    }

    /// Removes a participant; their key stops working and their dots are dropped.
    pub fn remove(&mut self, id: u32) -> Option<Participant> {
        let i = self.participants.iter().position(|p| p.id == id)?;
        Some(self.participants.remove(i))
    }

    pub fn summaries(&self) -> Vec<Summary> {
        self.participants
            .iter()
            .map(|p| Summary { id: p.id, name: p.name.clone(), notes: p.notes, dots: p.dots.values().sum() })
            .collect()
    }

    /// Checks a note against the limits and the map; the note for the facilitator.
    pub fn note(
        &mut self,
        key: &[u8],
        lane: &str,
        stage: &str,
        text: &str,
        now: Instant,
    ) -> Result<Note, Refusal> {
        if self.paused {
            return Err(Refusal::Paused);
        }
        let snapshot = Arc::clone(&self.snapshot);
        let anonymous = self.anonymous;
        let participant = self.participant(key)?;
        // A note keeps its lines, and nothing that would hide or turn text around.
        let text = crate::model::hidden::without_hidden(text, true);
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 || chars > limits::NOTE_CHARS {
            return Err(Refusal::NoteLength);
        }
        if !snapshot.note_lanes.iter().any(|l| l.id == lane) || !snapshot.stages.iter().any(|s| s.id == stage)
        {
            return Err(Refusal::NoSuchCell);
        }
        while participant.note_times.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_mins(1))
        {
            participant.note_times.pop_front();
        }
        if participant.note_times.len() >= limits::NOTES_PER_MINUTE {
            return Err(Refusal::TooManyNotes);
        }
        participant.note_times.push_back(now);
        participant.notes += 1;
        Ok(Note {
            participant: participant.id,
            author: (!anonymous).then(|| participant.name.clone()),
            lane: lane.to_owned(),
            stage: stage.to_owned(),
            text: text.to_owned(),
        })
    }

    /// Places (or takes back) one of the participant's dots on `card`.
    pub fn dot(&mut self, key: &[u8], card: &str, take_back: bool) -> Result<(), Refusal> {
        let snapshot = Arc::clone(&self.snapshot);
        let vote = snapshot.vote.as_ref().ok_or(Refusal::NoVote)?;
        let participant = self.participant(key)?;
        if !vote.cards.iter().any(|c| c.id == card) {
            return Err(Refusal::NotVotedOn);
        }
        if take_back {
            let mine = participant.dots.get_mut(card).filter(|n| **n > 0).ok_or(Refusal::NoDotHere)?;
            *mine -= 1;
            if *mine == 0 {
                participant.dots.remove(card);
            }
        } else {
            if participant.dots.values().sum::<u32>() >= vote.budget {
                return Err(Refusal::NoDotsLeft(vote.budget));
            }
            *participant.dots.entry(card.to_owned()).or_insert(0) += 1;
        }
        Ok(())
    }

    /// A new picture of the presentation. A new vote round starts everyone with no dots.
    pub fn publish(&mut self, snapshot: Snapshot) {
        let round = snapshot.vote.as_ref().map(|v| v.round);
        if round.is_some() && round != self.round {
            for p in &mut self.participants {
                p.dots.clear();
            }
        }
        if round.is_some() {
            self.round = round;
        }
        self.snapshot_json = to_json(&snapshot);
        self.snapshot = Arc::new(snapshot);
    }

    pub fn snapshot_json(&self) -> Arc<str> {
        Arc::clone(&self.snapshot_json)
    }

    /// Every participant's dots, added up per card, and cleared: the reveal.
    pub fn take_dots(&mut self) -> HashMap<String, u32> {
        let mut totals = HashMap::new();
        for p in &mut self.participants {
            for (card, n) in p.dots.drain() {
                *totals.entry(card).or_insert(0) += n;
            }
        }
        totals
    }

    /// Whether `code` is the room's code, as typed from `from`. A few wrong tries lock the
    /// address out for a while; the lock holds even for the right code. When the whole room has
    /// had its fill of wrong codes, codes are turned away unread for a few seconds.
    pub fn try_code(&mut self, from: IpAddr, code: &str, now: Instant) -> Result<(), Refusal> {
        self.guesses.refill(now);
        if self.guesses.left < 1.0 {
            return Err(Refusal::Busy(self.guesses.wait()));
        }
        if self.tries.len() >= limits::TRACKED_ADDRESSES && !self.tries.contains_key(&from) {
            // Only addresses still locked, or with a wrong code in the last while, are kept.
            self.tries.retain(|_, t| {
                t.locked_until.is_some_and(|until| now < until)
                    || t.last.is_some_and(|last| now.saturating_duration_since(last) < limits::CODE_LOCK)
            });
        }
        let tries = self.tries.entry(from).or_default();
        if let Some(until) = tries.locked_until {
            if now < until {
                return Err(Refusal::Locked(until.duration_since(now).as_secs().div_ceil(60).max(1)));
            }
            *tries = Tries::default();
        }
        let typed: String = code.trim().chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if typed.len() == self.code.len() && same(typed.to_ascii_uppercase().as_bytes(), self.code.as_bytes())
        {
            tries.wrong = 0;
            return Ok(());
        }
        tries.wrong += 1;
        tries.last = Some(now);
        self.guesses.left -= 1.0;
        if tries.wrong >= limits::CODE_TRIES {
            tries.locked_until = Some(now + limits::CODE_LOCK);
            return Err(Refusal::Locked(limits::CODE_LOCK.as_secs() / 60));
        }
        Err(Refusal::WrongCode(limits::CODE_TRIES - tries.wrong))
    }

    /// The dots a participant has placed in the running vote.
    pub fn dots_of(&self, i: usize) -> &HashMap<String, u32> {
        &self.participants[i].dots
    }

    /// Who is in, for tests.
    #[cfg(test)]
    pub fn ids(&self) -> std::collections::HashSet<u32> {
        self.participants.iter().map(|p| p.id).collect()
    }
}

fn to_json(snapshot: &Snapshot) -> Arc<str> {
    // Plain strings, numbers and lists: writing them cannot fail.
    serde_json::to_string(snapshot).unwrap_or_else(|_| "{}".to_owned()).into()
}

/// Compares two secrets in time that depends only on their lengths.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// One line of text: control characters and line breaks out, spaces trimmed.
/// A name as the room keeps it: one line, without characters that would hide or turn text
/// around on the presenter's screen.
fn clean_line(text: &str) -> String {
    crate::model::hidden::without_hidden(text, false).trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::snapshot::{CardView, LaneRef, StageRef, VoteView};

    fn room() -> State {
        let snapshot = Snapshot {
            title: "Map".into(),
            stages: vec![StageRef { id: "s-1".into(), name: "Discover".into() }],
            note_lanes: vec![LaneRef { id: "l-1".into(), name: "Pain points".into() }],
            ..Snapshot::default()
        };
        State::new([7; 16], "K7M2QX".into(), snapshot)
    }

    fn voting(state: &mut State, round: u64, budget: u32) {
        let mut snapshot = (*state.snapshot).clone();
        snapshot.vote = Some(VoteView {
            round,
            on: "Pain points".into(),
            budget,
            cards: vec![
                CardView { id: "c-a".into(), title: "A".into(), ..CardView::default() },
                CardView { id: "c-b".into(), title: "B".into(), ..CardView::default() },
            ],
        });
        state.publish(snapshot);
    }

    #[test]
    fn names_are_one_line_of_limited_length_and_the_room_has_a_size() {
        let mut state = room();
        assert_eq!(state.join("  \n ", [1; 16]).unwrap_err(), Refusal::Name);
        assert_eq!(state.join(&"x".repeat(limits::NAME_CHARS + 1), [1; 16]).unwrap_err(), Refusal::Name);
        assert_eq!(state.join("Ana\u{7}\n", [1; 16]).unwrap().name, "Ana");
        for i in 1..limits::PARTICIPANTS {
            let mut key = [0; 16];
            key[..8].copy_from_slice(&(i as u64).to_le_bytes());
            key[15] = 1;
            state.join("Someone", key).unwrap();
        }
        assert_eq!(state.join("One too many", [2; 16]).unwrap_err(), Refusal::Full);
    }

    #[test]
    fn notes_keep_their_limits_and_hide_names_when_asked() {
        let mut state = room();
        state.join("Ana", [1; 16]).unwrap();
        let now = Instant::now();
        assert_eq!(state.note(&[9; 16], "l-1", "s-1", "hi", now).unwrap_err(), Refusal::Unknown);
        assert_eq!(state.note(&[1; 16], "l-1", "s-1", "   ", now).unwrap_err(), Refusal::NoteLength);
        let long = "ก".repeat(limits::NOTE_CHARS + 1);
        assert_eq!(state.note(&[1; 16], "l-1", "s-1", &long, now).unwrap_err(), Refusal::NoteLength);
        assert_eq!(state.note(&[1; 16], "l-9", "s-1", "hi", now).unwrap_err(), Refusal::NoSuchCell);
        let note = state.note(&[1; 16], "l-1", "s-1", " Queue too long ", now).unwrap();
        assert_eq!((note.author.as_deref(), note.text.as_str()), (Some("Ana"), "Queue too long"));
        state.anonymous = true;
        assert_eq!(state.note(&[1; 16], "l-1", "s-1", "again", now).unwrap().author, None);
        for _ in 2..limits::NOTES_PER_MINUTE {
            state.note(&[1; 16], "l-1", "s-1", "more", now).unwrap();
        }
        assert_eq!(state.note(&[1; 16], "l-1", "s-1", "one more", now).unwrap_err(), Refusal::TooManyNotes);
        let later = now + Duration::from_secs(61);
        assert!(state.note(&[1; 16], "l-1", "s-1", "a minute on", later).is_ok());
        state.paused = true;
        assert_eq!(state.note(&[1; 16], "l-1", "s-1", "paused", later).unwrap_err(), Refusal::Paused);
        assert_eq!(state.summaries()[0].notes, limits::NOTES_PER_MINUTE as u32 + 1);
    }

    #[test]
    fn dots_keep_to_the_budget_and_stay_private_until_taken() {
        let mut state = room();
        state.join("Ana", [1; 16]).unwrap();
        state.join("Budi", [2; 16]).unwrap();
        assert_eq!(state.dot(&[1; 16], "c-a", false), Err(Refusal::NoVote));
        voting(&mut state, 1, 2);
        assert_eq!(state.dot(&[1; 16], "c-x", false), Err(Refusal::NotVotedOn));
        state.dot(&[1; 16], "c-a", false).unwrap();
        state.dot(&[1; 16], "c-a", false).unwrap();
        assert_eq!(state.dot(&[1; 16], "c-b", false), Err(Refusal::NoDotsLeft(2)));
        assert_eq!(state.dot(&[2; 16], "c-a", true), Err(Refusal::NoDotHere), "Budi cannot take Ana's dot");
        state.dot(&[1; 16], "c-a", true).unwrap();
        state.dot(&[1; 16], "c-b", false).unwrap();
        state.dot(&[2; 16], "c-b", false).unwrap();
        assert_eq!(state.dots_of(1).get("c-a"), None, "each sees only their own");
        // The same round published again (a stage step) keeps the dots.
        voting(&mut state, 1, 2);
        let totals = state.take_dots();
        assert_eq!(totals, HashMap::from([("c-a".to_owned(), 1), ("c-b".to_owned(), 2)]));
        assert!(state.take_dots().is_empty());
        state.dot(&[1; 16], "c-a", false).unwrap();
        voting(&mut state, 2, 2);
        assert!(state.take_dots().is_empty(), "a new vote starts with no dots");
    }

    #[test]
    fn a_removed_participant_is_gone_with_their_key() {
        let mut state = room();
        let id = state.join("Ana", [1; 16]).unwrap().id;
        state.join("Budi", [2; 16]).unwrap();
        assert!(state.remove(id).is_some());
        assert_eq!(state.ids().len(), 1);
        assert!(state.find(&[1; 16]).is_none());
        assert!(state.find(&[2; 16]).is_some());
    }

    #[test]
    fn wrong_codes_lock_the_address_for_a_while() {
        let mut state = room();
        let now = Instant::now();
        let here: IpAddr = [127, 0, 0, 1].into();
        let there: IpAddr = [127, 0, 0, 2].into();
        assert_eq!(state.try_code(here, "k7m-2qx", now), Ok(()), "case and a dash do not matter");
        for left in (1..limits::CODE_TRIES).rev() {
            assert_eq!(state.try_code(here, "AAAAAA", now), Err(Refusal::WrongCode(left)));
        }
        assert!(matches!(state.try_code(here, "AAAAAA", now), Err(Refusal::Locked(_))));
        assert!(
            matches!(state.try_code(here, "K7M2QX", now), Err(Refusal::Locked(_))),
            "locked even when right"
        );
        assert_eq!(state.try_code(there, "K7M2QX", now), Ok(()), "another address is not locked");
        assert_eq!(state.try_code(here, "K7M2QX", now + limits::CODE_LOCK), Ok(()));
    }

    #[test]
    fn guessing_from_many_addresses_is_slowed_for_the_whole_room_and_the_table_stays_small() {
        let mut state = room();
        let now = Instant::now();
        let address = |i: u32| IpAddr::from(std::net::Ipv4Addr::from(0x7f00_0000 + i));
        let mut read = 0;
        let mut busy = 0;
        for i in 0..2_000 {
            match state.try_code(address(i), "AAAAAA", now) {
                Err(Refusal::WrongCode(_)) => read += 1,
                Err(Refusal::Busy(seconds)) => {
                    assert!((1..=2).contains(&seconds), "{seconds}");
                    busy += 1;
                }
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(read, limits::ROOM_WRONG_CODES_PER_MINUTE as usize, "only a minute's worth is read");
        assert_eq!(busy, 2_000 - read);
        // Later, the room reads codes again: an honest late-comer gets in.
        let later = now + Duration::from_secs(2);
        assert_eq!(state.try_code(address(5_000), "K7M2QX", later), Ok(()));
        // Over a long attack, addresses whose tries are old are forgotten.
        let mut at = later;
        for i in 0..20_000 {
            at += Duration::from_secs(1);
            let _ = state.try_code(address(10_000 + i), "AAAAAA", at);
        }
        assert!(state.tries.len() <= limits::TRACKED_ADDRESSES + 1, "{}", state.tries.len());
    }

    #[test]
    fn names_and_notes_lose_what_would_hide_or_turn_text_around() {
        let mut state = room();
        let name = state.join("Ana\u{202E}lirpA\u{FFFE}", [1; 16]).unwrap().name.clone();
        assert_eq!(name, "AnalirpA");
        let note = state
            .note(&[1; 16], "l-1", "s-1", "Kasse\u{2066} zu\r\nlangsam\u{0007}", Instant::now())
            .unwrap();
        assert_eq!(note.text, "Kasse zu\nlangsam");
        assert!(state.join("\u{202E}\u{2066}", [2; 16]).is_err(), "nothing left is no name");
        let mut ids = crate::model::IdMaker::default();
        let id = ids.make("c-", "a\u{FFFE}b\u{202E}c");
        assert!(!id.contains(['\u{FFFE}', '\u{202E}']), "{id:?}");
    }

    #[test]
    fn a_participants_newest_pages_win_and_no_one_holds_the_room() {
        let mut streams = Streams::default();
        let here: IpAddr = [10, 0, 0, 7].into();
        let (first, closes_first) = streams.open([1; 16], here).unwrap();
        streams.open([1; 16], here).unwrap();
        let (_, closes_third) = streams.open([1; 16], here).unwrap();
        assert_eq!(streams.len(), limits::STREAMS_PER_KEY, "the oldest page made room");
        // The first page's task is told to end (a permit is stored for it).
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut told = std::pin::pin!(closes_first.notified());
        assert!(told.as_mut().poll(&mut cx).is_ready());
        let mut not_told = std::pin::pin!(closes_third.notified());
        assert!(not_told.as_mut().poll(&mut cx).is_pending());
        streams.close(first);
        for n in 2..limits::STREAMS_PER_ADDRESS as u8 {
            streams.open([n; 16], here).unwrap();
        }
        assert_eq!(streams.open([99; 16], here).unwrap_err(), Refusal::TooManyPages);
        // Other addresses fill the room up to what is kept for joining.
        let mut n = 0_u32;
        let refused = loop {
            n += 1;
            let from = IpAddr::from(std::net::Ipv4Addr::from(0x0a01_0000 + n));
            let key: [u8; 16] = [n.to_le_bytes(), [0; 4], [0; 4], [0; 4]].concat().try_into().unwrap();
            if let Err(e) = streams.open(key, from) {
                break e;
            }
        };
        assert_eq!(refused, Refusal::Full);
        assert_eq!(streams.len(), limits::CONNECTIONS - limits::CONNECTIONS_FOR_REQUESTS);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
