//! The room, from a participant's side and a hostile client's: joining, notes that land in the
//! map as undoable edits with their author, private dot votes revealed as one step, closing, the
//! token, and every limit. Everything listens on 127.0.0.1 and stops by itself.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serde_json::json;
use touchline::app::TouchlineApp;
use touchline::room::{Room, Showing, Snapshot, limits};

mod common;
use common::http::{self, Events};
use common::{editor, frames_until, map, undo};

const LOOPBACK: &str = "127.0.0.1:0";

fn loopback() -> SocketAddr {
    LOOPBACK.parse().unwrap()
}

/// A room on its own (no editor), showing the e-commerce map at its first stage.
fn bare_room() -> (Room, SocketAddr, String) {
    let map = touchline::templates::load("ecommerce").unwrap();
    let snapshot = Snapshot::of(&map, &Showing { focus: Some(0), ..Showing::default() });
    let room = Room::open(Some(loopback()), snapshot, || {}).unwrap();
    let address = room.address();
    let base = room.join_url().split_once(&address.to_string()).unwrap().1.to_owned();
    (room, address, base)
}

/// The editor presenting `template` with the room open on loopback (J).
fn presenting_with_room(template: &str) -> (Harness<'static, TouchlineApp>, SocketAddr, String) {
    let mut h = editor(template);
    h.key_press(Key::F5);
    h.run_steps(5);
    h.state_mut().presentation.as_mut().unwrap().room_listen = Some(loopback());
    h.key_press(Key::J);
    h.run_steps(3);
    let room = &h.state().presentation.as_ref().unwrap().room.as_ref().expect("J opens the room").room;
    let address = room.address();
    let base = room.join_url().split_once(&address.to_string()).unwrap().1.to_owned();
    (h, address, base)
}

fn join(address: SocketAddr, base: &str, name: &str) -> String {
    let reply = http::post(address, &format!("{base}api/join"), &json!({ "name": name }));
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.json()["key"].as_str().unwrap().to_owned()
}

#[test]
fn a_participant_joins_follows_the_stage_and_adds_a_note_that_lands_in_the_map() {
    let (mut h, address, base) = presenting_with_room("ecommerce");
    h.key_press(Key::ArrowRight);
    h.run_steps(5);

    let page = http::get(address, &base);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("room.js"), "{}", page.body);
    let policy = page.header("content-security-policy").unwrap();
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "{policy}");
    assert!(!page.body.contains("<script>"), "no inline script");
    assert_eq!(http::get(address, &format!("{base}room.js")).status, 200);

    let key = join(address, &base, "Ana <b>Putri</b>");
    let mut events = Events::open(address, &format!("{base}api/events?key={key}"));
    assert_eq!(events.status, 200);
    let first_stage = map(&h).stages[0].name.clone();
    let seen = events.until(|m| m["room"]["focus"] == json!(0));
    assert_eq!(seen["room"]["stage"]["name"], json!(first_stage));
    assert_eq!(seen["you"]["me"]["name"], json!("Ana <b>Putri</b>"), "names are kept as text");

    // The facilitator steps; the page follows.
    h.key_press(Key::ArrowRight);
    h.run_steps(5);
    let second = map(&h).stages[1].clone();
    events.until(|m| m["room"]["focus"] == json!(1));

    let lane =
        map(&h).lanes.iter().find(|l| l.kind == touchline::model::LaneKind::PainPoints).unwrap().id.clone();
    let cards_before = map(&h).cards.len();
    let note = json!({ "key": key, "lane": lane.as_str(), "stage": second.id.as_str(), "text": "The fee surprised me" });
    let reply = http::post(address, &format!("{base}api/note"), &note);
    assert_eq!(reply.status, 201, "{}", reply.body);
    frames_until(&mut h, |app| app.doc().unwrap().map.cards.len() == cards_before + 1);
    let card = map(&h).cards.iter().find(|c| c.title == "The fee surprised me").unwrap().clone();
    assert_eq!((card.lane.clone(), card.stage.clone()), (lane, second.id.clone()));
    assert_eq!(card.author, "Ana <b>Putri</b>");
    assert!(h.state().doc().unwrap().is_dirty(), "the note is an unsaved change like any other");
    // Every page hears of the new card, with its author.
    h.run_steps(2);
    events.until(|m| m["room"]["stage"]["lanes"].to_string().contains("The fee surprised me"));

    // One undo takes the note out again.
    h.key_press(Key::Escape); // the join card first
    h.run_steps(2);
    undo(&mut h);
    assert_eq!(map(&h).cards.len(), cards_before);
    assert!(!map(&h).cards.iter().any(|c| c.title == "The fee surprised me"));

    // With names hidden, the next note carries none.
    h.state().presentation.as_ref().unwrap().room.as_ref().unwrap().room.set_anonymous(true);
    let note = json!({ "key": key, "lane": note["lane"], "stage": note["stage"], "text": "Nobody said" });
    assert_eq!(http::post(address, &format!("{base}api/note"), &note).status, 201);
    frames_until(&mut h, |app| app.doc().unwrap().map.cards.iter().any(|c| c.title == "Nobody said"));
    assert!(map(&h).cards.iter().any(|c| c.title == "Nobody said" && c.author.is_empty()));
}

#[test]
fn the_join_card_shows_a_qr_code_that_decodes_to_the_address() {
    let mut app = TouchlineApp::new(Box::new(touchline::app::NoDialogs), None);
    app.set_document(touchline::app::Document::new(touchline::templates::load("ecommerce").unwrap(), None));
    let mut presentation = touchline::app::Presentation::new(false, touchline::theme::ThemeKind::Light, None);
    presentation.room_listen = Some(loopback());
    presentation.open_room = true;
    app.presentation = Some(presentation);
    let mut h = Harness::builder()
        .with_size((1600.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(touchline::fonts::install)
        .wgpu()
        .build_ui_state(|ui, app: &mut TouchlineApp| app.show(ui), app);
    h.run_steps(10);
    let room = &h.state().presentation.as_ref().unwrap().room.as_ref().expect("the room opened").room;
    let (url, code, short) = (room.join_url(), room.code().to_owned(), room.short_url());
    h.get_by_label(&code);
    h.get_by_label(&short);
    h.get_by_label("No one in the room yet");
    let image = h.render().expect("a rendered frame");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("join-card.png");
    image.save(&path).unwrap();
    let out = std::process::Command::new("zbarimg")
        .args(["--quiet", "--raw"])
        .arg(&path)
        .output()
        .expect("zbarimg is missing: `bash scripts/test` installs zbar-tools");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), url, "the QR code carries the full address");

    // People joining show on the card.
    let address = h.state().presentation.as_ref().unwrap().room.as_ref().unwrap().room.address();
    let base = url.split_once(&address.to_string()).unwrap().1.to_owned();
    join(address, &base, "Ana");
    h.run_steps(3);
    h.get_by_label("1 person in the room");
    h.get_by_label("Ana");
}

#[test]
fn dots_stay_private_until_the_reveal_which_adds_them_as_one_step() {
    let (mut h, address, base) = presenting_with_room("ecommerce");
    let ana = join(address, &base, "Ana");
    let budi = join(address, &base, "Budi");
    let mut budis_page = Events::open(address, &format!("{base}api/events?key={budi}"));

    // V, then Enter: a vote on pain points, three dots each.
    h.key_press(Key::V);
    h.run_steps(3);
    h.key_press(Key::Enter);
    h.run_steps(3);
    let vote = budis_page.until(|m| !m["room"]["vote"].is_null());
    assert_eq!(vote["room"]["vote"]["budget"], json!(3));
    let card = vote["room"]["vote"]["cards"][0]["id"].as_str().unwrap().to_owned();
    let other = vote["room"]["vote"]["cards"][1]["id"].as_str().unwrap().to_owned();
    let not_voted_on = map(&h).cards.iter().find(|c| c.title == "Checkout").unwrap().id.clone();

    let dot = |key: &str, card: &str, take_back: bool| {
        http::post(
            address,
            &format!("{base}api/dot"),
            &json!({ "key": key, "card": card, "take_back": take_back }),
        )
    };
    assert_eq!(dot(&ana, not_voted_on.as_str(), false).status, 422, "only the cards voted on");
    for left in [2, 1, 0] {
        let reply = dot(&ana, &card, false);
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.json()["left"], json!(left));
    }
    let refused = dot(&ana, &other, false);
    assert_eq!(refused.status, 409, "the server keeps the budget");
    assert!(refused.json()["error"].as_str().unwrap().contains("all 3"), "{}", refused.body);
    assert_eq!(dot(&budi, &card, true).status, 409, "Budi cannot take back Ana's dot");
    assert_eq!(dot(&budi, &other, false).status, 200);

    // Nobody else sees Ana's dots: not Budi's page, not the shared screen.
    let budis_view = budis_page.until(|m| m["you"]["me"]["left"] == json!(2));
    assert_eq!(budis_view["you"]["me"]["dots"], json!({ other.clone(): 1 }));
    assert!(!budis_view.to_string().contains("\"votes\""), "no totals before the reveal");
    h.run_steps(3);
    let votes_on = |h: &Harness<'_, TouchlineApp>, id: &str| {
        map(h).cards.iter().find(|c| c.id.as_str() == id).unwrap().votes
    };
    let before = (votes_on(&h, &card), votes_on(&h, &other));

    // R reveals: the dots land on the cards as one step, and the pages show the ranking.
    h.key_press(Key::R);
    h.run_steps(3);
    assert_eq!((votes_on(&h, &card), votes_on(&h, &other)), (before.0 + 3, before.1 + 1));
    let results = budis_page.until(|m| !m["room"]["results"].is_null());
    assert!(results["room"]["vote"].is_null(), "the vote is over");
    let participants = h.state().presentation.as_ref().unwrap().room.as_ref().unwrap().room.participants();
    assert!(participants.iter().all(|p| p.dots == 0), "the dots were handed over");
    h.key_press(Key::R);
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(2);
    undo(&mut h);
    assert_eq!((votes_on(&h, &card), votes_on(&h, &other)), before, "one undo takes every room dot back");
}

#[test]
fn closing_the_room_tells_every_page_and_its_token_stops_working() {
    let (room, address, base) = bare_room();
    let key = join(address, &base, "Ana");
    let mut page = Events::open(address, &format!("{base}api/events?key={key}"));
    page.next().unwrap();
    drop(room);
    assert_eq!(page.until(|m| m.get("closed").is_some()), json!({ "closed": true }));
    assert!(page.next().is_none(), "the stream ends");
    let start = Instant::now();
    loop {
        match TcpStream::connect(address) {
            Err(_) => break,
            Ok(_) if start.elapsed() > Duration::from_secs(5) => panic!("the room still listens"),
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    // A new room has a new token and code: the old ones never work again.
    let (second, address, new_base) = bare_room();
    assert_ne!(base, new_base);
    assert_eq!(http::get(address, &base).status, 404);
    drop(second);
}

#[test]
fn a_request_without_the_right_token_gets_404_and_learns_nothing() {
    let (_room, address, base) = bare_room();
    let token = base.trim_matches('/');
    let mut wrong = token.to_owned().into_bytes();
    wrong[5] = if wrong[5] == b'a' { b'b' } else { b'a' };
    let wrong = String::from_utf8(wrong).unwrap();
    let paths = [
        format!("/{wrong}/"),
        format!("/{wrong}/room.js"),
        format!("/{wrong}/api/events?key=00"),
        format!("/{}/", &token[..30]),
        format!("/{token}0/"),
        format!("/{}/", token.to_uppercase()),
        "/api/join".to_owned(),
        "/room.js".to_owned(),
        "/../../etc/passwd".to_owned(),
        "/maps/ecommerce.ron".to_owned(),
    ];
    for path in &paths {
        let reply = http::get(address, path);
        assert_eq!((reply.status, reply.body.as_str()), (404, "Not found"), "{path}");
    }
    let reply = http::post(address, &format!("/{wrong}/api/join"), &json!({ "name": "Eve" }));
    assert_eq!((reply.status, reply.body.as_str()), (404, "Not found"));
    assert_eq!(http::get(address, &base).status, 200);
}

#[test]
fn the_room_code_sends_on_to_the_full_address_and_wrong_codes_lock_out() {
    let (room, address, base) = bare_room();
    let form = |code: &str| {
        http::request(
            address,
            "POST",
            "/join",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            format!("code={code}").as_bytes(),
        )
    };
    let page = http::get(address, "/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Room code"));
    let right = form(&room.code().to_lowercase());
    assert_eq!(right.status, 303);
    assert_eq!(right.header("location"), Some(base.as_str()));
    for left in (1..limits::CODE_TRIES).rev() {
        let wrong = form("AAAAAA");
        assert_eq!(wrong.status, 403);
        assert!(wrong.body.contains(&format!("{left} tries left")), "{}", wrong.body);
    }
    let locked = form("AAAAAA");
    assert_eq!(locked.status, 429);
    assert!(locked.body.contains("try again in 10 minutes"), "{}", locked.body);
    assert_eq!(form(room.code()).status, 429, "the lock holds for the right code too");
    let hostile = form("%3Cscript%3E");
    assert!(!hostile.body.contains("<script>"));
}

#[test]
fn every_limit_is_answered_with_a_clear_status() {
    let (room, address, base) = bare_room();
    let api = |name: &str| format!("{base}api/{name}");
    let key = join(address, &base, "Ana");
    let lane = room_lane();
    let stage = touchline::templates::load("ecommerce").unwrap().stages[0].id.as_str().to_owned();
    let stage = stage.as_str();

    let too_big = json!({ "name": "x".repeat(limits::BODY_BYTES) });
    assert_eq!(http::post(address, &api("join"), &too_big).status, 413);
    let broken =
        http::request(address, "POST", &api("join"), &[("Content-Type", "application/json")], b"{\"name\": ");
    assert_eq!(broken.status, 400);
    assert!(broken.json()["error"].as_str().unwrap().starts_with("malformed request"));
    let not_utf8 = http::request(
        address,
        "POST",
        &api("join"),
        &[("Content-Type", "application/json")],
        b"{\"name\": \"\xff\xfe\"}",
    );
    assert_eq!(not_utf8.status, 400);
    let extra = http::post(address, &api("join"), &json!({ "name": "Eve", "admin": true }));
    assert_eq!(extra.status, 400, "unknown fields are refused");
    let form = http::request(address, "POST", &api("join"), &[("Content-Type", "text/plain")], b"name=Eve");
    assert_eq!(form.status, 415);
    let method = http::get(address, &api("note"));
    assert_eq!((method.status, method.header("allow")), (405, Some("POST")));
    assert_eq!(http::request(address, "DELETE", &base, &[], b"").status, 405);

    let long_name = http::post(address, &api("join"), &json!({ "name": "x".repeat(limits::NAME_CHARS + 1) }));
    assert_eq!(long_name.status, 422);
    let note = |text: &str| {
        http::post(address, &api("note"), &json!({ "key": key, "lane": lane, "stage": stage, "text": text }))
    };
    assert_eq!(note(&"ย".repeat(limits::NOTE_CHARS + 1)).status, 422);
    assert_eq!(
        http::post(
            address,
            &api("note"),
            &json!({ "key": "00", "lane": lane, "stage": stage, "text": "hi" })
        )
        .status,
        403,
        "a wrong participant key"
    );
    let bad_cell = http::post(
        address,
        &api("note"),
        &json!({ "key": key, "lane": "l-x", "stage": stage, "text": "hi" }),
    );
    assert_eq!(bad_cell.status, 422);
    for i in 0..limits::NOTES_PER_MINUTE {
        assert_eq!(note(&format!("note {i}")).status, 201);
    }
    let flood = note("one more");
    assert_eq!(flood.status, 429);
    assert!(flood.json()["error"].as_str().unwrap().contains("in a minute"));
    assert_eq!(room.notes().len(), limits::NOTES_PER_MINUTE, "only the accepted notes reach the facilitator");
    room.set_paused(true);
    let other = join(address, &base, "Budi");
    let paused = http::post(
        address,
        &api("note"),
        &json!({ "key": other, "lane": lane, "stage": stage, "text": "hi" }),
    );
    assert_eq!(paused.status, 409);
    room.set_paused(false);

    // A huge header is refused before it is read whole.
    let huge = "x".repeat(limits::HEADER_BYTES + 100);
    let reply = http::request(address, "GET", &base, &[("X-Filler", &huge)], b"");
    assert_eq!(reply.status, 431);

    // Many requests on one connection, faster than the rate: the extra ones get 429.
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let burst = 2 * limits::REQUESTS_PER_SECOND as usize;
    let mut requests = Vec::new();
    for i in 0..burst {
        requests.extend(http::encode(address, "GET", &format!("{base}room.css"), &[], b"", i + 1 == burst));
    }
    stream.write_all(&requests).unwrap();
    let mut answers = Vec::new();
    let _ = stream.read_to_end(&mut answers);
    let answers = String::from_utf8_lossy(&answers);
    let limited = answers.matches("HTTP/1.1 429").count();
    let served = answers.matches("HTTP/1.1 200").count();
    assert!(
        limited > 0 && served >= limits::REQUESTS_PER_SECOND as usize - 1,
        "{served} served, {limited} limited"
    );
}

fn room_lane() -> String {
    let map = touchline::templates::load("ecommerce").unwrap();
    map.lanes
        .iter()
        .find(|l| l.kind == touchline::model::LaneKind::PainPoints)
        .unwrap()
        .id
        .as_str()
        .to_owned()
}

#[test]
fn the_room_holds_at_most_its_size() {
    let (_room, address, base) = bare_room();
    for i in 0..limits::PARTICIPANTS {
        join(address, &base, &format!("Person {i}"));
    }
    let full = http::post(address, &format!("{base}api/join"), &json!({ "name": "One more" }));
    assert_eq!(full.status, 503);
    assert!(full.json()["error"].as_str().unwrap().contains("full"));
}

#[test]
fn slow_and_surplus_connections_are_cut_off() {
    let (_room, address, base) = bare_room();
    // Headers that never finish: the server hangs up after its read timeout.
    let mut slow = TcpStream::connect(address).unwrap();
    slow.write_all(format!("GET {base} HTTP/1.1\r\nHost: ro").as_bytes()).unwrap();
    slow.set_read_timeout(Some(limits::READ_TIMEOUT * 3)).unwrap();
    let start = Instant::now();
    let mut buffer = Vec::new();
    let _ = slow.read_to_end(&mut buffer);
    assert!(start.elapsed() < limits::READ_TIMEOUT * 2, "cut off after {:?}", start.elapsed());
    assert!(!String::from_utf8_lossy(&buffer).contains("200 OK"));

    // Connections past the limit are closed at once; the room still serves once they go.
    let held: Vec<TcpStream> =
        (0..limits::CONNECTIONS).map(|_| TcpStream::connect(address).unwrap()).collect();
    let start = Instant::now();
    let mut surplus = TcpStream::connect(address).unwrap();
    surplus.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let _ = surplus.write_all(format!("GET {base} HTTP/1.1\r\nHost: room\r\n\r\n").as_bytes());
    let mut buffer = Vec::new();
    let _ = surplus.read_to_end(&mut buffer);
    assert!(buffer.is_empty(), "the surplus connection was served");
    assert!(start.elapsed() < Duration::from_secs(3), "the surplus connection was left hanging");
    drop(held);
    let start = Instant::now();
    while http::get(address, &base).status != 200 {
        assert!(start.elapsed() < Duration::from_secs(5), "the room did not recover");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_inspector_names_who_wrote_a_note_and_can_take_the_name_off() {
    let mut map = touchline::templates::load("ecommerce").unwrap();
    let index = map.cards.iter().position(|c| c.title == "Checkout").unwrap();
    map.cards[index].author = "Ana".to_owned();
    let mut h = common::editor_with(map, Box::new(touchline::app::NoDialogs), true);
    h.get_by_label("Checkout").click();
    h.run_steps(3);
    h.get_by_label("Added in the room by Ana");
    h.get_by_label("Remove name").click();
    h.run_steps(3);
    assert_eq!(common::map(&h).cards[index].author, "");
    assert!(h.query_by_label("Added in the room by Ana").is_none());
    undo(&mut h);
    assert_eq!(common::map(&h).cards[index].author, "Ana", "one undo brings the name back");
}

#[test]
fn one_participant_holding_many_live_pages_locks_no_one_out() {
    let (_room, address, base) = bare_room();
    let greedy = join(address, &base, "Greedy");
    let events = format!("{base}api/events?key={greedy}");
    // Forty pages with one key: each new one closes the oldest, so only the newest stay open.
    let mut held: Vec<Events> = (0..40).map(|_| Events::open(address, &events)).collect();
    assert!(held.iter().all(|e| e.status == 200));
    let newest = held.pop().unwrap();
    let mut open = 1;
    for mut page in held {
        // A page that made room for a newer one ends; an open one waits for news.
        if !page.ended(Duration::from_millis(300)) {
            open += 1;
        }
    }
    drop(newest);
    assert_eq!(open, limits::STREAMS_PER_KEY, "pages of one key that stayed open");

    // Other phones still join and follow the room.
    for i in 0..5 {
        let key = join(address, &base, &format!("Late {i}"));
        let mut page = Events::open(address, &format!("{base}api/events?key={key}"));
        assert_eq!(page.status, 200);
        assert!(page.next().is_some_and(|m| m.get("room").is_some()));
    }
}
