//! The room under a full workshop's load, on loopback: 200 participants join over 2 seconds
//! (each holding their live page open), and each adds 5 notes and places 3 dots, all within 10
//! seconds, while the editor
//! presents the B2B map and draws frames as fast as it can. Reports every request's latency
//! (p50, p99, worst), the editor's frame time under the load, and checks that nothing was lost:
//! every note is a card and every dot lands on the map at the reveal.
//!
//! `cargo bench --bench room` runs it in full; `cargo test --benches` runs it with 20
//! participants as a smoke test. It stops by itself: every request has a timeout and the load
//! ends after its last participant.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed benchmark")]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, vec2};
use touchline::app::present::{Presentation, VoteOn, VoteSession};
use touchline::app::{Document, NoDialogs, TouchlineApp};
use touchline::theme::ThemeKind;

const NOTES_EACH: usize = 5;
const DOTS_EACH: usize = 3;
/// People arrive over this long (one every 10 ms for 200)...
const ARRIVALS: Duration = Duration::from_secs(2);
/// ...and spread their requests over this long after joining: all within 10 seconds.
const WINDOW: Duration = Duration::from_millis(7500);

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let people = if full { 200 } else { 20 };
    let report = run(people);
    println!(
        "room: {people} participants, {} requests, {} failed · latency p50 {:.1} ms, p99 {:.1} ms, worst {:.1} ms · \
         editor frame under load: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms ({} frames) · load took {:.1} s",
        report.requests,
        report.failed,
        report.p50,
        report.p99,
        report.worst,
        report.frame_median,
        report.frame_p95,
        report.frame_worst,
        report.frames,
        report.took,
    );
    assert_eq!(report.failed, 0, "no request may be lost");
}

struct Report {
    requests: usize,
    failed: usize,
    p50: f64,
    p99: f64,
    worst: f64,
    frame_median: f64,
    frame_p95: f64,
    frame_worst: f64,
    frames: usize,
    took: f64,
}

fn frame(ctx: &egui::Context, app: &mut TouchlineApp) {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    output.textures_delta.clear();
    ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
}

fn run(people: usize) -> Report {
    let map = touchline::templates::load("b2b-phone-system").unwrap();
    let cards_before = map.cards.len();
    let ctx = egui::Context::default();
    touchline::fonts::install(&ctx);
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.set_document(Document::new(map, None));
    let mut presentation = Presentation::new(false, ThemeKind::Light, Some(0));
    presentation.room_listen = Some("127.0.0.1:0".parse().unwrap());
    presentation.open_room = true;
    presentation.vote = Some(VoteSession::new(VoteOn::AllCards, DOTS_EACH as u32));
    app.presentation = Some(presentation);
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    let side = app.presentation.as_mut().unwrap().room.as_mut().expect("the room opened");
    side.card_shown = false;
    let address = side.room.address();
    let base = side.room.join_url().split_once(&address.to_string()).unwrap().1.to_owned();
    let doc = app.doc().unwrap();
    let lanes: Vec<String> = doc
        .map
        .lanes
        .iter()
        .filter(|l| l.kind != touchline::model::LaneKind::Emotions)
        .map(|l| l.id.as_str().to_owned())
        .collect();
    let stages: Vec<String> = doc.map.stages.iter().map(|s| s.id.as_str().to_owned()).collect();
    let cards: Vec<String> = doc.map.cards.iter().map(|c| c.id.as_str().to_owned()).collect();

    let (done_tx, done) = mpsc::channel::<Vec<Result<Duration, String>>>();
    let start = Instant::now();
    for person in 0..people {
        let (base, lanes, stages, cards, done_tx) =
            (base.clone(), lanes.clone(), stages.clone(), cards.clone(), done_tx.clone());
        std::thread::spawn(move || {
            let results = participant(address, &base, (person, people), &lanes, &stages, &cards);
            let _ = done_tx.send(results);
        });
    }
    drop(done_tx);

    let mut frames = Vec::new();
    let mut results = Vec::new();
    let mut finished = 0;
    while finished < people {
        let t = Instant::now();
        frame(&ctx, &mut app);
        frames.push(t.elapsed().as_secs_f64() * 1000.0);
        while let Ok(batch) = done.try_recv() {
            results.extend(batch);
            finished += 1;
        }
        assert!(start.elapsed() < Duration::from_mins(1), "the load did not finish in a minute");
        // The editor draws at most at the display's rate; here it draws as often as it can,
        // which is harder on it.
        std::thread::sleep(Duration::from_millis(1));
    }
    let took = start.elapsed().as_secs_f64();
    // The last notes in, then the reveal.
    for _ in 0..5 {
        frame(&ctx, &mut app);
    }
    app.presentation.as_mut().unwrap().vote = None;
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let map = &app.doc().unwrap().map;
    let failed = results.iter().filter(|r| r.is_err()).count();
    if let Some(Err(first)) = results.iter().find(|r| r.is_err()) {
        eprintln!("first failure: {first}");
    }
    assert_eq!(map.cards.len(), cards_before + people * NOTES_EACH, "every note is a card");
    let dots: u32 = map.cards.iter().map(|c| c.votes).sum();
    assert_eq!(dots as usize, people * DOTS_EACH, "every dot is on the map");

    let mut latencies: Vec<f64> =
        results.iter().filter_map(|r| r.as_ref().ok()).map(|d| d.as_secs_f64() * 1000.0).collect();
    latencies.sort_by(f64::total_cmp);
    frames.sort_by(f64::total_cmp);
    let at = |v: &[f64], q: f64| v.get(((v.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    Report {
        requests: results.len(),
        failed,
        p50: at(&latencies, 0.5),
        p99: at(&latencies, 0.99),
        worst: latencies.last().copied().unwrap_or(0.0),
        frame_median: at(&frames, 0.5),
        frame_p95: at(&frames, 0.95),
        frame_worst: frames.last().copied().unwrap_or(0.0),
        frames: frames.len(),
        took,
    }
}

/// One participant: joins, keeps the live page open, adds notes and places dots spread over
/// the window. Returns each request's latency or what went wrong.
fn participant(
    address: SocketAddr,
    base: &str,
    (person, people): (usize, usize),
    lanes: &[String],
    stages: &[String],
    cards: &[String],
) -> Vec<Result<Duration, String>> {
    let mut results = Vec::new();
    std::thread::sleep(ARRIVALS * person as u32 / people as u32);
    let (joined, latency) =
        post(address, &format!("{base}api/join"), &format!(r#"{{"name":"Person {person}"}}"#));
    results.push(latency);
    let Some(key) = joined.and_then(|body| {
        let value: serde_json::Value = serde_json::from_str(&body).ok()?;
        value["key"].as_str().map(str::to_owned)
    }) else {
        return results;
    };
    let page = live_page(address, &format!("{base}api/events?key={key}"));
    let steps = NOTES_EACH + DOTS_EACH;
    let pause = WINDOW / steps as u32;
    // Participants start at different moments, as people do.
    std::thread::sleep(pause * (person % 7) as u32 / 7);
    for step in 0..steps {
        let (path, body) = if step % 2 == 0 && step / 2 < NOTES_EACH || step >= 2 * DOTS_EACH {
            let lane = &lanes[(person + step) % lanes.len()];
            let stage = &stages[(person * 3 + step) % stages.len()];
            let text = format!("Note {step} from person {person}");
            let body = serde_json::json!({ "key": key, "lane": lane, "stage": stage, "text": text });
            (format!("{base}api/note"), body.to_string())
        } else {
            let card = &cards[(person * 7 + step) % cards.len()];
            (format!("{base}api/dot"), serde_json::json!({ "key": key, "card": card }).to_string())
        };
        results.push(post(address, &path, &body).1);
        std::thread::sleep(pause);
    }
    drop(page);
    results
}

/// A JSON POST: the body of a 2xx answer, and the latency (or what went wrong).
fn post(address: SocketAddr, path: &str, body: &str) -> (Option<String>, Result<Duration, String>) {
    let start = Instant::now();
    let answer = (|| -> Result<(u16, String), String> {
        let mut stream = TcpStream::connect(address).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).map_err(|e| e.to_string())?;
        let request = format!(
            "POST {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        let mut reply = String::new();
        stream.read_to_string(&mut reply).map_err(|e| e.to_string())?;
        let status = reply.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = reply.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
        Ok((status, body))
    })();
    let latency = start.elapsed();
    match answer {
        Ok((status, body)) if (200..300).contains(&status) => (Some(body), Ok(latency)),
        Ok((status, body)) => (None, Err(format!("{status}: {body}"))),
        Err(e) => (None, Err(e)),
    }
}

/// The participant's live page: read in a thread of its own until the room closes it.
fn live_page(address: SocketAddr, path: &str) -> Option<TcpStream> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream.write_all(format!("GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").as_bytes()).ok()?;
    let reader = stream.try_clone().ok()?;
    reader.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    std::thread::spawn(move || {
        let mut lines = BufReader::new(reader);
        let mut line = String::new();
        while lines.read_line(&mut line).is_ok_and(|n| n > 0) {
            line.clear();
        }
    });
    Some(stream)
}
