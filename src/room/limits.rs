//! Every limit the room keeps, in one place; the README lists them.

use std::time::Duration;

/// People in one room.
pub const PARTICIPANTS: usize = 200;
/// Connections open at once (each participant's live page holds one, and a request another).
pub const CONNECTIONS: usize = 600;
/// A request's body.
pub const BODY_BYTES: usize = 8 * 1024;
/// A request's line and headers together (hyper's smallest read buffer).
pub const HEADER_BYTES: usize = 8 * 1024;
/// A request's headers must arrive within this, and its body within as long again.
pub const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// A participant's name, in characters.
pub const NAME_CHARS: usize = 40;
/// A note, in characters.
pub const NOTE_CHARS: usize = 500;
/// Notes one participant may add in a minute.
pub const NOTES_PER_MINUTE: usize = 10;
/// Requests one connection may make in a second, on average; up to this many at once.
pub const REQUESTS_PER_SECOND: f64 = 20.0;
/// Wrong room codes from one address before it is locked out.
pub const CODE_TRIES: u32 = 5;
/// How long a locked-out address waits.
pub const CODE_LOCK: Duration = Duration::from_mins(10);
/// Wrong room codes the whole room takes in a minute, from every address together (and as many
/// at once): past that, codes are turned away unread for a few seconds, so guessing from many
/// addresses takes years (see the README); a phone that scans the QR code needs no code.
pub const ROOM_WRONG_CODES_PER_MINUTE: f64 = 60.0;
/// Addresses whose wrong codes are remembered before the table is pruned of old ones.
pub const TRACKED_ADDRESSES: usize = 1024;
/// Live pages (event streams) one participant may hold; opening another closes their oldest.
pub const STREAMS_PER_KEY: usize = 2;
/// Live pages from one address, whoever holds them.
pub const STREAMS_PER_ADDRESS: usize = 8;
/// Connections kept free of live pages, for people joining and for requests.
pub const CONNECTIONS_FOR_REQUESTS: usize = 100;
/// How often a live page hears from the server when nothing changes, so proxies keep it open.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);
