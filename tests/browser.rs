//! Touchline's output in a real browser, headless Chromium driven through `chromedriver` (the W3C
//! `WebDriver` protocol, plain JSON over HTTP on loopback): the room's page at a phone's size
//! joins, adds a note and places a dot, and the test then checks the facilitator's map; an
//! exported SVG's map tags are clicked, and only a map inside the folder is followed.
//!
//! `TOUCHLINE_ROOM_SHOTS=DIR` keeps screenshots of each step there, to look at.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use egui::Key;
use egui_kittest::Harness;
use serde_json::{Value, json};
use touchline::app::TouchlineApp;

mod common;
use common::http;
use common::{editor, frames_until, map};

/// A `chromedriver` on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    address: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    /// A browser whose reader reads `lang` (its `Accept-Language`).
    fn start(width: u32, height: u32, lang: &str) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is missing: `bash scripts/test` installs chromium and chromium-driver");
        let address: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let start = Instant::now();
        while std::net::TcpStream::connect(address).is_err() {
            assert!(start.elapsed() < Duration::from_secs(20), "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
            format!("--lang={lang}"),
            format!("--accept-lang={lang}"),
        ];
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium(),
                "args": args,
                "prefs": { "intl.accept_languages": lang },
                "mobileEmulation": { "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0 } },
            },
        }}});
        let mut driver = Self { child, address, session: String::new(), _profile: profile };
        let created = driver.call("POST", "/session", &capabilities);
        created["sessionId"].as_str().expect("a WebDriver session").clone_into(&mut driver.session);
        driver
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let bytes = if method == "GET" { Vec::new() } else { body.to_string().into_bytes() };
        let reply =
            http::request(self.address, method, path, &[("Content-Type", "application/json")], &bytes);
        let value = reply.json();
        assert_eq!(reply.status, 200, "{method} {path}: {value}");
        value.get("value").cloned().unwrap_or(value)
    }

    fn session(&self, method: &str, path: &str, body: &Value) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn open(&self, url: &str) {
        self.session("POST", "/url", &json!({ "url": url }));
    }

    fn find(&self, css: &str) -> String {
        let start = Instant::now();
        loop {
            let found = self.script("return document.querySelector(arguments[0]) !== null", &[json!(css)]);
            if found == json!(true) {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "no {css} on the page");
            std::thread::sleep(Duration::from_millis(50));
        }
        let element = self.session("POST", "/element", &json!({ "using": "css selector", "value": css }));
        element.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).unwrap().to_owned()
    }

    fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css);
        self.session("POST", &format!("/element/{element}/value"), &json!({ "text": text }));
    }

    fn click(&self, css: &str) {
        let element = self.find(css);
        self.session("POST", &format!("/element/{element}/click"), &json!({}));
    }

    fn script(&self, script: &str, args: &[Value]) -> Value {
        self.session("POST", "/execute/sync", &json!({ "script": script, "args": args }))
    }

    /// Whether the page shows an alert (a script ran).
    fn alert_open(&self) -> bool {
        let path = format!("/session/{}/alert/text", self.session);
        http::request(self.address, "GET", &path, &[], b"").status == 200
    }

    fn url(&self) -> String {
        self.session("GET", "/url", &Value::Null).as_str().unwrap().to_owned()
    }

    /// Waits until `script` returns true in the page.
    fn wait_for(&self, script: &str, what: &str) {
        let start = Instant::now();
        while self.script(script, &[]) != json!(true) {
            assert!(start.elapsed() < Duration::from_secs(10), "the page never showed {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn text(&self, css: &str) -> String {
        self.script("return document.querySelector(arguments[0]).textContent", &[json!(css)])
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Keeps a screenshot when `TOUCHLINE_ROOM_SHOTS` names a folder.
    fn shot(&self, name: &str) {
        let Some(folder) = std::env::var_os("TOUCHLINE_ROOM_SHOTS") else { return };
        let png = self.session("GET", "/screenshot", &Value::Null);
        let bytes = base64::engine::general_purpose::STANDARD.decode(png.as_str().unwrap()).unwrap();
        std::fs::write(std::path::Path::new(&folder).join(format!("{name}.png")), bytes).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = http::request(self.address, "DELETE", &path, &[], b"");
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromium() -> &'static str {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .expect("Chromium is missing: `bash scripts/test` installs it")
}

/// The editor presenting `template` at its first stage with the room open on loopback.
fn room(template: &str) -> (Harness<'static, TouchlineApp>, String) {
    let mut h = editor(template);
    h.key_press(Key::F5);
    h.run_steps(5);
    h.state_mut().presentation.as_mut().unwrap().room_listen = Some("127.0.0.1:0".parse().unwrap());
    h.key_press(Key::J);
    h.run_steps(3);
    h.key_press(Key::ArrowRight);
    h.run_steps(5);
    let url = h.state().presentation.as_ref().unwrap().room.as_ref().unwrap().room.join_url();
    (h, url)
}

/// A phone joins, adds a note and places a dot; the map has both.
fn join_note_and_vote(
    template: &str,
    lang: &str,
    width: u32,
    height: u32,
    name: &str,
    note: &str,
    tag: &str,
) {
    let (mut h, url) = room(template);
    let driver = Driver::start(width, height, lang);
    driver.open(&url);
    driver.find("#name");
    driver.wait_for("return !document.getElementById('join').hidden", "the join form");
    // The page speaks its reader's language, from the editor's message files.
    let language = touchline::i18n::Language::from_code(lang).unwrap();
    let words: std::collections::HashMap<String, String> =
        touchline::i18n::page_words(language, "room-page-").into_iter().collect();
    let heading = words["room-page-join-title"].clone();
    driver.wait_for(
        &format!("return document.querySelector('#join h1').textContent === {}", json!(heading)),
        "the page in its reader's language",
    );
    assert_eq!(driver.script("return document.documentElement.lang", &[]), json!(lang));
    driver.shot(&format!("{tag}-1-join"));
    driver.type_into("#name", name);
    driver.click("#join-form button");
    driver.wait_for("return !document.getElementById('room').hidden", "the room");
    let stage = map(&h).stages[0].name.clone();
    assert_eq!(driver.text("#stage-name"), stage, "the page follows the focused stage");
    let rtl = touchline::text::direction(&map(&h).title).is_rtl();
    assert_eq!(
        driver.script("return document.documentElement.dir", &[]),
        json!(if rtl { "rtl" } else { "ltr" })
    );
    driver.shot(&format!("{tag}-2-stage"));

    driver.type_into("#note-text", note);
    driver.click("#note-send");
    frames_until(&mut h, |app| app.doc().unwrap().map.cards.iter().any(|c| c.title == note));
    let card = map(&h).cards.iter().find(|c| c.title == note).unwrap().clone();
    assert_eq!(card.author, name);
    assert_eq!(card.stage, map(&h).stages[0].id, "into the stage on screen");
    driver.wait_for(
        "return document.getElementById('note-status').textContent.includes('✓')",
        "the note added",
    );
    h.run_steps(3);
    driver.wait_for(
        &format!("return document.getElementById('lanes').textContent.includes({})", json!(note)),
        "the note among the stage's cards",
    );
    driver.shot(&format!("{tag}-3-note"));

    // A dot vote: the page lists the cards, the participant places one dot.
    h.key_press(Key::V);
    h.run_steps(3);
    h.key_press(Key::Enter);
    h.run_steps(3);
    driver.wait_for("return !document.getElementById('vote').hidden", "the vote");
    let first = driver.text("#vote-cards li .what");
    driver.click("#vote-cards li button:not(.less)");
    driver.wait_for(
        &format!(
            "return document.getElementById('vote-left').textContent === {}",
            json!(words["room-page-dots-left"].replace("{left}", "2").replace("{budget}", "3"))
        ),
        "a dot placed",
    );
    driver.script("document.getElementById('vote').scrollIntoView()", &[]);
    driver.shot(&format!("{tag}-4-vote"));
    let voted = map(&h).cards.iter().find(|c| first.starts_with(&c.title)).unwrap().clone();
    h.key_press(Key::R);
    h.run_steps(3);
    let after = map(&h).card(&voted.id).unwrap().votes;
    assert_eq!(after, voted.votes + 1, "the reveal puts the phone's dot on the card");
    driver.wait_for("return !document.getElementById('results').hidden", "the results");
    driver.script("document.getElementById('results').scrollIntoView()", &[]);
    driver.shot(&format!("{tag}-5-results"));

    // Closing the room: the page says so.
    h.state_mut().presentation.as_mut().unwrap().room = None;
    driver.wait_for("return !document.getElementById('closed').hidden", "that the room closed");
    driver.shot(&format!("{tag}-6-closed"));
}

#[test]
fn a_phone_joins_adds_a_note_and_places_a_dot() {
    join_note_and_vote("ecommerce", "en", 390, 844, "Ana", "Delivery date was unclear", "phone-en");
}

#[test]
fn an_arabic_map_gives_a_right_to_left_page() {
    join_note_and_vote("b2b-phone-system-ar", "ar", 390, 844, "سارة", "لم أجد رقم الدعم", "phone-ar");
}

#[test]
fn the_page_reads_well_on_a_laptop_too() {
    join_note_and_vote(
        "b2b-phone-system",
        "en",
        1280,
        800,
        "Jonas",
        "Pricing page hid the setup fee",
        "laptop-en",
    );
}

/// A German reader on the German map: the page speaks German.
#[test]
fn a_german_phone_gets_a_german_page() {
    join_note_and_vote(
        "b2b-phone-system-de",
        "de",
        390,
        844,
        "Jonas",
        "Die Preisseite war unklar",
        "phone-de",
    );
}

#[test]
fn an_exported_svg_follows_no_link_its_maps_author_chose() {
    use touchline::export::{ExportOptions, Format, Job};
    let dir = tempfile::tempdir().unwrap();
    let mut map = touchline::templates::load("ecommerce").unwrap();
    let hostile = ["javascript:alert(document.domain)", "https://example.invalid/phish.ron", "/etc/passwd"];
    for (card, link) in map.cards.iter_mut().zip(hostile) {
        card.opens = Some(link.to_owned());
    }
    map.stages[0].opens = Some("detail/next.ron".to_owned());
    let options = ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() };
    let none = touchline::pictures::Set::default();
    let svg = Job::new(&map, &options, &none).render().unwrap().bytes;
    std::fs::create_dir_all(dir.path().join("detail")).unwrap();
    std::fs::write(dir.path().join("journey.svg"), svg).unwrap();
    std::fs::write(dir.path().join("detail/next.svg"), r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#)
        .unwrap();

    let driver = Driver::start(1600, 1000, "en");
    let page = format!("file://{}", dir.path().join("journey.svg").display());
    driver.open(&page);
    for link in hostile {
        driver.click(&format!("[id={}]", json!(format!("opens-{link}"))));
        std::thread::sleep(Duration::from_millis(300));
        assert!(!driver.alert_open(), "{link}: a script ran");
        assert_eq!(driver.url(), page, "{link}: the click went somewhere");
    }
    // The tag of a map in the folder is a link, and the click above would have seen it.
    driver.click(r#"[id="opens-detail/next.ron"]"#);
    let start = Instant::now();
    while !driver.url().ends_with("/detail/next.svg") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the map's own link is followed: {}",
            driver.url()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
