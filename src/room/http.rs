//! The room's HTTP/1.1 server: hyper on a single-threaded tokio runtime, one task per connection.
//! Every request is treated as hostile: the token is checked first (404 without it), then the
//! connection's request rate, the method, the body's size, time and JSON, and the room's rules.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full, Limited, combinators::BoxBody};
use hyper::body::{Body, Frame, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Deserialize;

use super::state::Refusal;
use super::{Shared, limits, page};

pub(super) type Reply = Response<BoxBody<Bytes, Infallible>>;

/// Accepts connections until the room is closed; then tells every page and stops.
pub(super) async fn serve(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                if shared.connections.fetch_add(1, Ordering::AcqRel) >= limits::CONNECTIONS {
                    // Full: the connection is closed at once.
                    shared.connections.fetch_sub(1, Ordering::AcqRel);
                    continue;
                }
                tokio::spawn(connection(stream, peer, Arc::clone(&shared)));
            }
            _ = stop.changed() => break,
        }
    }
    drop(listener);
    // Live pages hear that the room closed before the runtime, and every connection, ends.
    shared.state().closed = true;
    shared.bump();
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
}

/// Counts a connection for as long as it is open.
struct Counted(Arc<Shared>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.connections.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Requests one connection may still make: a bucket that refills over time.
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, now: Instant) -> bool {
        let refill = now.duration_since(self.at).as_secs_f64() * limits::REQUESTS_PER_SECOND;
        self.tokens = (self.tokens + refill).min(limits::REQUESTS_PER_SECOND);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

async fn connection(stream: tokio::net::TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let _counted = Counted(Arc::clone(&shared));
    let bucket = Arc::new(Mutex::new(Bucket { tokens: limits::REQUESTS_PER_SECOND, at: Instant::now() }));
    let service = hyper::service::service_fn(move |request| {
        let shared = Arc::clone(&shared);
        let bucket = Arc::clone(&bucket);
        async move {
            let allowed = bucket.lock().is_ok_and(|mut b| b.take(Instant::now()));
            if !allowed {
                return Ok::<_, Infallible>(error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too many requests; slow down",
                ));
            }
            Ok(route(&shared, peer, request).await)
        }
    });
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits::READ_TIMEOUT)
        .max_header_size(limits::HEADER_BYTES)
        .max_headers(64);
    // A connection that breaks off or times out just ends; there is no one to tell.
    let _ = http.serve_connection(TokioIo::new(stream), service).await;
}

/// Where a request goes.
async fn route(shared: &Arc<Shared>, peer: SocketAddr, request: Request<Incoming>) -> Reply {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    let accept_language = accept_language(&request);
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let first = parts.next().unwrap_or_default();
    let rest = parts.next();
    // The short address: the code form, its style sheet, and the form's answer.
    match (first, rest) {
        ("", None) => return only(&method, &Method::GET, || page::code_form(None, &accept_language)),
        ("room.css", None) => return only(&method, &Method::GET, page::style),
        ("join", None) => {
            if method != Method::POST {
                return not_allowed("POST");
            }
            return typed_code(shared, peer, request).await;
        }
        _ => {}
    }
    if !has_token(shared, first) {
        return not_found();
    }
    match rest {
        None => redirect(&format!("/{first}/")),
        Some("") => only(&method, &Method::GET, page::index),
        Some("room.js") => only(&method, &Method::GET, page::script),
        Some("room.css") => only(&method, &Method::GET, page::style),
        Some("words.json") => only(&method, &Method::GET, || page::words(&accept_language)),
        Some("api/events") if method == Method::GET => {
            events(shared, peer, request.uri().query().unwrap_or_default())
        }
        Some("api/join" | "api/note" | "api/dot" | "api/leave") if method != Method::POST => {
            not_allowed("POST")
        }
        Some("api/events") => not_allowed("GET"),
        Some("api/join") => api(shared, request, join).await,
        Some("api/note") => api(shared, request, note).await,
        Some("api/dot") => api(shared, request, dot).await,
        Some("api/leave") => api(shared, request, leave).await,
        Some(_) => not_found(),
    }
}

/// The request's `Accept-Language` header, or nothing (the page then speaks English).
fn accept_language<B>(request: &Request<B>) -> String {
    request
        .headers()
        .get(hyper::header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Whether `segment` is the room's token; compared in constant time.
fn has_token(shared: &Shared, segment: &str) -> bool {
    let Some(token) = super::unhex::<16>(segment) else { return false };
    super::state::same(&token, &shared.state().token)
}

/// The short address's form: a right code is sent on to the full address.
async fn typed_code(shared: &Shared, peer: SocketAddr, request: Request<Incoming>) -> Reply {
    let accept_language = accept_language(&request);
    let body = match read_body(request).await {
        Ok(body) => body,
        Err(reply) => return *reply,
    };
    let typed = form_value(&body, "code").unwrap_or_default();
    let answer = {
        let mut state = shared.state();
        state.try_code(peer.ip(), &typed, Instant::now()).map(|()| super::hex(&state.token))
    };
    match answer {
        Ok(token) => redirect(&format!("/{token}/")),
        Err(refusal) => {
            let status = if matches!(refusal, Refusal::Locked(_) | Refusal::Busy(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::FORBIDDEN
            };
            let mut reply = page::code_form(Some(&refusal.to_string()), &accept_language);
            *reply.status_mut() = status;
            reply
        }
    }
}

/// One field of an `application/x-www-form-urlencoded` body.
fn form_value(body: &[u8], name: &str) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        (key == name).then(|| value.replace('+', " ").chars().filter(char::is_ascii_alphanumeric).collect())
    })
}

/// A request's body, whole, within the size and time limits.
async fn read_body(request: Request<Incoming>) -> Result<Bytes, Box<Reply>> {
    let limited = Limited::new(request.into_body(), limits::BODY_BYTES);
    match tokio::time::timeout(limits::READ_TIMEOUT, limited.collect()).await {
        Err(_) => Err(Box::new(error(StatusCode::REQUEST_TIMEOUT, "the request's body came too slowly"))),
        Ok(Err(_)) => Err(Box::new(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("a request's body may hold at most {} bytes", limits::BODY_BYTES),
        ))),
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
    }
}

/// A JSON call: the content type, the body and its JSON are checked before `handler` sees it.
async fn api<T: for<'de> Deserialize<'de>>(
    shared: &Shared,
    request: Request<Incoming>,
    handler: fn(&Shared, &T) -> Reply,
) -> Reply {
    let json = request.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"))
    });
    if !json {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send JSON (Content-Type: application/json)");
    }
    let body = match read_body(request).await {
        Ok(body) => body,
        Err(reply) => return *reply,
    };
    match serde_json::from_slice::<T>(&body) {
        Ok(value) => handler(shared, &value),
        Err(e) => error(StatusCode::BAD_REQUEST, &format!("malformed request: {e}")),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteBody {
    key: String,
    lane: String,
    stage: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DotBody {
    key: String,
    card: String,
    #[serde(default)]
    take_back: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaveBody {
    key: String,
}

fn join(shared: &Shared, body: &JoinBody) -> Reply {
    let mut key = [0u8; 16];
    if getrandom::fill(&mut key).is_err() {
        return error(StatusCode::SERVICE_UNAVAILABLE, "the room cannot make a key now; try again");
    }
    let joined = shared.state().join(&body.name, key).map(|p| p.name.clone());
    match joined {
        Ok(name) => {
            (shared.wake_ui)();
            json(StatusCode::CREATED, &serde_json::json!({ "key": super::hex(&key), "name": name }))
        }
        Err(refusal) => refused(&refusal),
    }
}

fn note(shared: &Shared, body: &NoteBody) -> Reply {
    let Some(key) = super::unhex::<16>(&body.key) else { return refused(&Refusal::Unknown) };
    let note = shared.state().note(&key, &body.lane, &body.stage, &body.text, Instant::now());
    match note {
        Ok(note) => {
            let sent = shared.notes.lock().is_ok_and(|tx| tx.send(note).is_ok());
            if !sent {
                return error(StatusCode::SERVICE_UNAVAILABLE, "the room is closing");
            }
            (shared.wake_ui)();
            json(StatusCode::CREATED, &serde_json::json!({ "ok": true }))
        }
        Err(refusal) => refused(&refusal),
    }
}

fn dot(shared: &Shared, body: &DotBody) -> Reply {
    let Some(key) = super::unhex::<16>(&body.key) else { return refused(&Refusal::Unknown) };
    let mut state = shared.state();
    match state.dot(&key, &body.card, body.take_back) {
        Ok(()) => {
            let Some(i) = state.find(&key) else { return refused(&Refusal::Unknown) };
            let mine = mine(&state, i);
            state.participants[i].wake.notify_one();
            drop(state);
            (shared.wake_ui)();
            json(StatusCode::OK, &mine)
        }
        Err(refusal) => refused(&refusal),
    }
}

fn leave(shared: &Shared, body: &LeaveBody) -> Reply {
    let Some(key) = super::unhex::<16>(&body.key) else { return refused(&Refusal::Unknown) };
    let mut state = shared.state();
    let Some(i) = state.find(&key) else { return refused(&Refusal::Unknown) };
    let id = state.participants[i].id;
    state.remove(id);
    drop(state);
    (shared.wake_ui)();
    json(StatusCode::OK, &serde_json::json!({ "ok": true }))
}

/// What only this participant sees: their name and their dots.
fn mine(state: &super::State, i: usize) -> serde_json::Value {
    let p = &state.participants[i];
    let used: u32 = p.dots.values().sum();
    let budget = state.snapshot.vote.as_ref().map_or(0, |v| v.budget);
    serde_json::json!({ "name": p.name, "dots": state.dots_of(i), "left": budget.saturating_sub(used) })
}

/// The live page's stream: the room as it is now, then again at every change (server-sent
/// events), a comment now and then to keep it open, and a last word when the room closes or the
/// participant is removed.
fn events(shared: &Arc<Shared>, peer: SocketAddr, query: &str) -> Reply {
    let key = query.split('&').find_map(|pair| pair.strip_prefix("key=")).and_then(super::unhex::<16>);
    let Some(key) = key else { return refused(&Refusal::Unknown) };
    let opened = {
        let mut state = shared.state();
        match state.find(&key).map(|i| Arc::clone(&state.participants[i].wake)) {
            None => Err(Refusal::Unknown),
            Some(wake) => state.streams.open(key, peer.ip()).map(|(id, close)| (wake, id, close)),
        }
    };
    let (wake, id, close) = match opened {
        Ok(opened) => opened,
        Err(refusal) => return refused(&refusal),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(8);
    let mut changed = shared.changed.subscribe();
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        // However the stream ends, it leaves the table of open streams.
        let _open = OpenStream(Arc::clone(&shared), id);
        let mut last = String::new();
        loop {
            let (message, last_word) = {
                let state = shared.state();
                match state.find(&key) {
                    _ if state.closed => (r#"{"closed":true}"#.to_owned(), true),
                    None => (r#"{"removed":true}"#.to_owned(), true),
                    Some(i) => {
                        let room = state.snapshot_json();
                        let me = mine(&state, i);
                        let extra = serde_json::json!({ "paused": state.paused, "me": me });
                        (format!(r#"{{"room":{room},"you":{extra}}}"#), false)
                    }
                }
            };
            if message != last {
                if tx.send(Bytes::from(format!("data: {message}\n\n"))).await.is_err() {
                    return;
                }
                last = message;
            }
            if last_word {
                return;
            }
            tokio::select! {
                _ = changed.changed() => {}
                () = wake.notified() => {}
                () = tokio::time::sleep(limits::KEEP_ALIVE) => {
                    if tx.send(Bytes::from_static(b": still here\n\n")).await.is_err() {
                        return;
                    }
                }
                () = tx.closed() => return,
                // A newer page of the same participant took this one's place.
                () = close.notified() => return,
            }
        }
    });
    let mut reply = Response::new(EventStream(rx).boxed());
    let headers = reply.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream; charset=utf-8"));
    secure(headers);
    reply
}

/// An open event stream, in the room's table until it is dropped.
struct OpenStream(Arc<Shared>, u64);

impl Drop for OpenStream {
    fn drop(&mut self) {
        self.0.state().streams.close(self.1);
    }
}

/// A body that sends what the stream's task hands it, as it comes.
struct EventStream(tokio::sync::mpsc::Receiver<Bytes>);

impl Body for EventStream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.0.poll_recv(cx).map(|chunk| chunk.map(|bytes| Ok(Frame::data(bytes))))
    }
}

/// Headers every answer carries: no caching (the address holds a secret), no referrer (it
/// would carry the token elsewhere), no sniffing, no framing, and scripts and styles from this
/// server alone.
pub(super) fn secure(headers: &mut hyper::HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
}

pub(super) fn reply(status: StatusCode, kind: &'static str, body: impl Into<Bytes>) -> Reply {
    let mut reply = Response::new(Full::new(body.into()).boxed());
    *reply.status_mut() = status;
    reply.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    secure(reply.headers_mut());
    reply
}

fn json(status: StatusCode, value: &serde_json::Value) -> Reply {
    reply(status, "application/json", value.to_string())
}

fn error(status: StatusCode, message: &str) -> Reply {
    json(status, &serde_json::json!({ "error": message }))
}

fn refused(refusal: &Refusal) -> Reply {
    let status = match refusal {
        Refusal::Full => StatusCode::SERVICE_UNAVAILABLE,
        Refusal::Name | Refusal::NoteLength | Refusal::NoSuchCell | Refusal::NotVotedOn => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Refusal::TooManyNotes | Refusal::Locked(_) | Refusal::Busy(_) | Refusal::TooManyPages => {
            StatusCode::TOO_MANY_REQUESTS
        }
        Refusal::Paused | Refusal::NoVote | Refusal::NoDotsLeft(_) | Refusal::NoDotHere => {
            StatusCode::CONFLICT
        }
        Refusal::Unknown | Refusal::WrongCode(_) => StatusCode::FORBIDDEN,
    };
    error(status, &refusal.to_string())
}

/// The same answer for every address that is not the room's, whatever was asked.
fn not_found() -> Reply {
    reply(StatusCode::NOT_FOUND, "text/plain; charset=utf-8", "Not found")
}

fn not_allowed(allow: &'static str) -> Reply {
    let mut reply = error(StatusCode::METHOD_NOT_ALLOWED, &format!("use {allow}"));
    reply.headers_mut().insert(header::ALLOW, HeaderValue::from_static(allow));
    reply
}

fn only(method: &Method, allowed: &Method, answer: impl FnOnce() -> Reply) -> Reply {
    if method == allowed {
        answer()
    } else if allowed == Method::GET && method == Method::HEAD {
        let mut reply = answer();
        *reply.body_mut() = Full::new(Bytes::new()).boxed();
        reply
    } else {
        not_allowed(if *allowed == Method::GET { "GET" } else { "POST" })
    }
}

fn redirect(to: &str) -> Reply {
    let mut reply = reply(StatusCode::SEE_OTHER, "text/plain; charset=utf-8", "");
    if let Ok(location) = HeaderValue::from_str(to) {
        reply.headers_mut().insert(header::LOCATION, location);
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_may_burst_then_keeps_to_its_rate() {
        let start = Instant::now();
        let mut bucket = Bucket { tokens: limits::REQUESTS_PER_SECOND, at: start };
        let burst = (0..100).filter(|_| bucket.take(start)).count();
        assert_eq!(burst, limits::REQUESTS_PER_SECOND as usize);
        assert!(bucket.take(start + std::time::Duration::from_millis(100)), "refilled a little");
    }

    #[test]
    fn the_code_form_reads_only_letters_and_digits() {
        assert_eq!(form_value(b"code=k7m-2qx", "code").as_deref(), Some("k7m2qx"));
        assert_eq!(form_value(b"x=1&code=AB+CD", "code").as_deref(), Some("ABCD"));
        assert_eq!(form_value(b"\xff", "code"), None);
    }
}
