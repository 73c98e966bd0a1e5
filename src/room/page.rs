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

/// The page's words in the language its reader's browser asks for (`Accept-Language`), with
/// that language's code: `{"lang":"de","words":{"room-page-join":"Beitreten",...}}`.
pub(super) fn words(accept_language: &str) -> Reply {
    let language = crate::i18n::from_accept_language(accept_language).unwrap_or_default();
    let words: serde_json::Map<String, serde_json::Value> = crate::i18n::page_words(language, "room-page-")
        .into_iter()
        .map(|(id, text)| (id, serde_json::Value::String(text)))
        .collect();
    let body = serde_json::json!({ "lang": language.code(), "words": words }).to_string();
    reply(StatusCode::OK, "application/json", body)
}

/// The form for the room code, in its reader's language, with a message about the last try (our
/// own words, escaped all the same).
pub(super) fn code_form(message: Option<&str>, accept_language: &str) -> Reply {
    let language = crate::i18n::from_accept_language(accept_language).unwrap_or_default();
    let mut page = CODE.replace("{lang}", language.code());
    for (id, text) in crate::i18n::page_words(language, "room-page-code-") {
        page = page.replace(&format!("{{{id}}}"), &escape(&text));
    }
    let page = page.replace("{message}", &escape(message.unwrap_or_default()));
    reply(StatusCode::OK, "text/html; charset=utf-8", page)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
