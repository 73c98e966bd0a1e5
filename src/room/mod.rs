//! The room: a small web server inside Touchline that participants join from their phones while
//! the map is presented. They follow the focused stage, add sticky notes and place dot votes;
//! their notes come to the UI thread as [`Note`]s, which the app turns into the same edit
//! commands as the editor's, and their dots stay private here until the facilitator reveals them
//! ([`Room::take_dots`]).
//!
//! The server runs on a thread of its own (a single-threaded tokio runtime serving HTTP/1.1 with
//! hyper) and holds nothing of the map but the [`Snapshot`] the presentation publishes: the
//! texts on screen. Every request is checked against the room's secret token (a request without
//! it gets 404) and the [`limits`].

mod http;
pub mod limits;
mod page;
pub mod snapshot;
mod state;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, mpsc};

pub use snapshot::{Showing, Snapshot};
pub use state::{Note, Refusal, Summary};

/// The port a room listens on unless told otherwise (the next free one if taken).
pub const DEFAULT_PORT: u16 = 7311;

/// Why a room did not open.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("cannot listen on {address}: {source}")]
    Listen { address: SocketAddr, source: std::io::Error },
    #[error("cannot start the room's server: {0}")]
    Start(std::io::Error),
    #[error("cannot make the room's secret token: {0}")]
    Random(getrandom::Error),
}

/// What the server thread and the UI thread share.
pub(crate) struct Shared {
    state: Mutex<State>,
    /// Bumped whenever what the pages show changes; each live page waits on it.
    changed: tokio::sync::watch::Sender<u64>,
    notes: Mutex<mpsc::Sender<Note>>,
    /// Asks the UI for a frame (a note or a participant arrived).
    wake_ui: Box<dyn Fn() + Send + Sync>,
    connections: AtomicUsize,
}

use state::State;

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind; the room goes on with it.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn bump(&self) {
        self.changed.send_modify(|n| *n = n.wrapping_add(1));
    }
}

/// An open room. Dropping it closes the room: the server stops, every page hears that the room
/// is closed, and its token and code never work again.
pub struct Room {
    address: SocketAddr,
    token: String,
    code: String,
    shared: Arc<Shared>,
    notes: mpsc::Receiver<Note>,
    stop: tokio::sync::watch::Sender<bool>,
}

impl std::fmt::Debug for Room {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Room")
            .field("address", &self.address)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl Room {
    /// Opens a room on `listen` (or this machine's LAN address), showing `snapshot` until the
    /// presentation publishes another. `wake_ui` is called from the server's thread when notes
    /// or people arrive.
    pub fn open(
        listen: Option<SocketAddr>,
        snapshot: Snapshot,
        wake_ui: impl Fn() + Send + Sync + 'static,
    ) -> Result<Self, RoomError> {
        let listener = bind(listen)?;
        let address = listener.local_addr().map_err(RoomError::Start)?;
        let mut token = [0u8; 16];
        getrandom::fill(&mut token).map_err(RoomError::Random)?;
        let code = room_code()?;
        let (notes_in, notes) = mpsc::channel();
        let shared = Arc::new(Shared {
            state: Mutex::new(State::new(token, code.clone(), snapshot)),
            changed: tokio::sync::watch::channel(0).0,
            notes: Mutex::new(notes_in),
            wake_ui: Box::new(wake_ui),
            connections: AtomicUsize::new(0),
        });
        let (stop, stopped) = tokio::sync::watch::channel(false);
        listener.set_nonblocking(true).map_err(RoomError::Start)?;
        let runtime =
            tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(RoomError::Start)?;
        let server = Arc::clone(&shared);
        std::thread::Builder::new()
            .name("touchline-room".into())
            .spawn(move || runtime.block_on(http::serve(listener, server, stopped)))
            .map_err(RoomError::Start)?;
        Ok(Self { address, token: hex(&token), code, shared, notes, stop })
    }

    /// The address to scan: the full one, with the secret token.
    pub fn join_url(&self) -> String {
        format!("http://{}/{}/", self.address, self.token)
    }

    /// The short address to type (then the room code).
    pub fn short_url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The six-character room code typed at the short address.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Shows participants a new picture of the presentation (only when it changed).
    pub fn publish(&self, snapshot: Snapshot) {
        let mut state = self.shared.state();
        if *state.snapshot == snapshot {
            return;
        }
        state.publish(snapshot);
        drop(state);
        self.shared.bump();
    }

    /// The notes that arrived since the last call, oldest first.
    pub fn notes(&self) -> Vec<Note> {
        self.notes.try_iter().collect()
    }

    /// Every participant's dots, added up per card id, and cleared: the reveal.
    pub fn take_dots(&self) -> Vec<(String, u32)> {
        let mut totals: Vec<(String, u32)> = self.shared.state().take_dots().into_iter().collect();
        totals.sort();
        self.shared.bump();
        totals
    }

    pub fn participants(&self) -> Vec<Summary> {
        self.shared.state().summaries()
    }

    /// How many people are in the room.
    pub fn people(&self) -> usize {
        self.shared.state().participants.len()
    }

    /// Removes a participant: their page hears so and their key stops working.
    pub fn remove(&self, id: u32) {
        if let Some(gone) = self.shared.state().remove(id) {
            gone.wake.notify_one();
        }
        self.shared.bump();
    }

    pub fn paused(&self) -> bool {
        self.shared.state().paused
    }

    /// Pauses or resumes notes from the room.
    pub fn set_paused(&self, paused: bool) {
        self.shared.state().paused = paused;
        self.shared.bump();
    }

    pub fn anonymous(&self) -> bool {
        self.shared.state().anonymous
    }

    /// Hides (or shows) the names on notes that arrive from now on.
    pub fn set_anonymous(&self, anonymous: bool) {
        self.shared.state().anonymous = anonymous;
        self.shared.bump();
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.stop.send_replace(true);
    }
}

/// The listener: on `listen`, or on this machine's LAN address at the default port (or the
/// next free one).
fn bind(listen: Option<SocketAddr>) -> Result<std::net::TcpListener, RoomError> {
    if let Some(address) = listen {
        return std::net::TcpListener::bind(address).map_err(|source| RoomError::Listen { address, source });
    }
    let ip = lan_address();
    let mut last = None;
    for port in DEFAULT_PORT..DEFAULT_PORT + 20 {
        let address = SocketAddr::new(ip, port);
        match std::net::TcpListener::bind(address) {
            Ok(listener) => return Ok(listener),
            Err(source) => last = Some(RoomError::Listen { address, source }),
        }
    }
    let address = SocketAddr::new(ip, 0);
    std::net::TcpListener::bind(address)
        .map_err(|source| last.unwrap_or(RoomError::Listen { address, source }))
}

/// The address people in the same room reach this machine at: its first private IPv4 address
/// (a home or office network), else any other non-loopback IPv4 address, else loopback (then
/// only this machine can join, which the join card says).
pub fn lan_address() -> IpAddr {
    let addresses: Vec<Ipv4Addr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| match i.ip() {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        })
        .collect();
    let private = addresses.iter().find(|a| a.is_private());
    private.or(addresses.first()).map_or(IpAddr::V4(Ipv4Addr::LOCALHOST), |a| IpAddr::V4(*a))
}

/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
fn room_code() -> Result<String, RoomError> {
    const ALPHABET: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).map_err(RoomError::Random)?;
    Ok(bytes.iter().map(|b| char::from(ALPHABET[usize::from(b % 31)])).collect())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]])
        .map(char::from)
        .collect()
}

/// The bytes of a lowercase hex string, if it is one of exactly `N` bytes.
fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_goes_both_ways_and_refuses_the_wrong_length() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(unhex::<4>(&hex(&bytes)), Some(bytes));
        assert_eq!(unhex::<4>("00ab"), None);
        assert_eq!(unhex::<2>("zzzz"), None);
        assert_eq!(unhex::<2>("é1a"), None);
        assert_eq!(unhex::<2>("00AB"), None, "one spelling only");
    }

    #[test]
    fn room_codes_are_six_unambiguous_characters() {
        for _ in 0..50 {
            let code = room_code().unwrap();
            assert_eq!(code.len(), 6);
            assert!(code.chars().all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c)));
            assert!(!code.contains(['0', 'O', '1', 'I', 'L']));
        }
    }
}
