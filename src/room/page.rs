//! The participant's page and the short address's code form: plain HTML, CSS and JavaScript
//! built into the binary (no build step, nothing fetched from elsewhere).

use bytes::Bytes;
use hyper::StatusCode;

use super::http::{Reply, reply};

const INDEX: &str = include_str!("page/index.html");
const CODE: &str = include_str!("page/code.html");
const SCRIPT: &str = include_str!("page/room.js");
const STYLE: &str = include_str!("page/room.css");

pub(super) fn index() -> Reply {
    reply(StatusCode::OK, "text/html; charset=utf-8", Bytes::from_static(INDEX.as_bytes()))
}

pub(super) fn script() -> Reply {
    reply(StatusCode::OK, "text/javascript; charset=utf-8", Bytes::from_static(SCRIPT.as_bytes()))
}

pub(super) fn style() -> Reply {
    reply(StatusCode::OK, "text/css; charset=utf-8", Bytes::from_static(STYLE.as_bytes()))
}

/// The form for the room code, with a message about the last try (our own words, escaped all
/// the same).
pub(super) fn code_form(message: Option<&str>) -> Reply {
    let page = CODE.replace("{message}", &escape(message.unwrap_or_default()));
    reply(StatusCode::OK, "text/html; charset=utf-8", page)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
