//! CPU time of one editor frame (UI + tessellation) on the generated 1,000-card map while a card
//! is being dragged: zoomed to fit (every card visible) and at 100 %.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use egui::{Event, PointerButton, Pos2, RawInput, Rect, vec2};
use touchline::app::{Document, NoDialogs, TouchlineApp};
use touchline::generate::{Size, map};

fn main() {
    divan::main();
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        events,
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut TouchlineApp, events: Vec<Event>) -> usize {
    let mut output = ctx.run_ui(input(events), |ui| app.show(ui));
    output.textures_delta.clear();
    ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point).len()
}

/// The big map with every card titled in Arabic, so each title takes the right-to-left path, and
/// laid out right to left, as an Arabic map is.
fn arabic_map() -> touchline::model::Map {
    let titles: Vec<String> = touchline::templates::load("b2b-phone-system-ar")
        .expect("the Arabic template")
        .cards
        .into_iter()
        .map(|c| c.title)
        .collect();
    let mut map = map(Size::default());
    for (i, card) in map.cards.iter_mut().enumerate() {
        card.title = format!("{} {}", titles[i % titles.len()], i + 1);
    }
    map.direction = touchline::model::MapDirection::RightToLeft;
    map
}

/// An editor on the big map with a card picked up at the given zoom (`None`: zoomed to fit).
fn dragging(zoom: Option<f32>) -> (egui::Context, TouchlineApp, Pos2) {
    dragging_on(map(Size::default()), zoom)
}

fn dragging_on(map: touchline::model::Map, zoom: Option<f32>) -> (egui::Context, TouchlineApp, Pos2) {
    dragging_doc(Document::new(map, None), zoom)
}

fn dragging_doc(doc: Document, zoom: Option<f32>) -> (egui::Context, TouchlineApp, Pos2) {
    dragging_in(doc, zoom, None)
}

/// A drag under way; with a language, the editor speaks it and shows its inspector.
fn dragging_in(
    doc: Document,
    zoom: Option<f32>,
    language: Option<touchline::i18n::Language>,
) -> (egui::Context, TouchlineApp, Pos2) {
    let ctx = egui::Context::default();
    touchline::fonts::install(&ctx);
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.inspector_open = language.is_some();
    app.settings.language = language;
    app.set_document(doc);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    // Pictures are read off the UI thread: the drag starts once they are on screen.
    while app.pictures.busy() {
        std::thread::sleep(std::time::Duration::from_millis(20));
        frame(&ctx, &mut app, Vec::new());
    }
    if let Some(zoom) = zoom {
        app.doc_mut().unwrap().canvas.set_zoom(zoom);
        frame(&ctx, &mut app, Vec::new());
    }
    // Pick the visible card nearest the middle of the canvas.
    let t = app.doc().unwrap().canvas.screen_from_scene();
    let centre = app.doc().unwrap().canvas.rect.center();
    let doc = app.doc().expect("open");
    let layout = doc.map_and_layout().1.expect("laid out");
    let start = layout
        .cards
        .iter()
        .map(|c| (t * c.rect).center())
        .min_by(|a, b| a.distance(centre).total_cmp(&b.distance(centre)))
        .expect("cards");
    let press = Event::PointerButton {
        pos: start,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::default(),
    };
    frame(&ctx, &mut app, vec![Event::PointerMoved(start), press]);
    for step in 1..4 {
        frame(&ctx, &mut app, vec![Event::PointerMoved(start + vec2(10.0, 6.0) * step as f32)]);
    }
    assert!(app.doc().unwrap().canvas.drag.is_some(), "a card is being dragged");
    (ctx, app, start)
}

fn bench_drag(bencher: divan::Bencher, zoom: Option<f32>) {
    bench_drag_on(bencher, dragging(zoom));
}

fn bench_drag_on(bencher: divan::Bencher, (ctx, mut app, start): (egui::Context, TouchlineApp, Pos2)) {
    let mut step = 0_u32;
    bencher.bench_local(|| {
        step += 1;
        let offset = vec2((step % 40) as f32 * 7.0, (step % 23) as f32 * 5.0);
        frame(&ctx, &mut app, vec![Event::PointerMoved(start + offset + vec2(40.0, 30.0))])
    });
}

#[divan::bench]
fn drag_frame_zoomed_to_fit(bencher: divan::Bencher) {
    bench_drag(bencher, None);
}

#[divan::bench]
fn drag_frame_at_100_percent(bencher: divan::Bencher) {
    bench_drag(bencher, Some(1.0));
}

/// The drags on the big map with 300 more links, each routed around the cards.
#[divan::bench]
fn drag_frame_zoomed_to_fit_300_links(bencher: divan::Bencher) {
    let mut map = map(Size::default());
    touchline::generate::add_links(&mut map, 250, 3);
    bench_drag_on(bencher, dragging_on(map, None));
}

/// The big map with 300 links and 50 cards showing photos (1600×1200 each on disk), saved in
/// a folder of its own.
fn pictured(zoom: Option<f32>) -> (egui::Context, TouchlineApp, Pos2) {
    let folder = std::env::temp_dir().join("touchline-bench-pictures");
    std::fs::create_dir_all(&folder).unwrap();
    let mut map = map(Size::default());
    touchline::generate::add_links(&mut map, 250, 3);
    let step = map.cards.len() / 50;
    for (n, card) in map.cards.iter_mut().step_by(step).take(50).enumerate() {
        let name = format!("photo-{n}.png");
        let path = folder.join(&name);
        if !path.exists() {
            let photo = image::RgbImage::from_fn(1600, 1200, |x, y| {
                image::Rgb([(x / 7 + n as u32 * 40) as u8, (y / 5) as u8, ((x + y) / 11) as u8])
            });
            photo.save(&path).unwrap();
        }
        card.image = Some(name);
    }
    let path = folder.join("map.ron");
    touchline::file::save(&map, &path).unwrap();
    let (ctx, app, start) = dragging_doc(Document::open(&path).unwrap(), zoom);
    let shown = app.pictures.shown();
    assert_eq!(shown.0.len(), 50);
    assert!(shown.0.values().all(|s| matches!(s, touchline::render::pictures::Shown::Ready(_))));
    (ctx, app, start)
}

/// The drags on the big map with 300 links and 50 pictures on cards.
#[divan::bench]
fn drag_frame_zoomed_to_fit_300_links_50_pictures(bencher: divan::Bencher) {
    bench_drag_on(bencher, pictured(None));
}

#[divan::bench]
fn drag_frame_at_100_percent_300_links_50_pictures(bencher: divan::Bencher) {
    bench_drag_on(bencher, pictured(Some(1.0)));
}

/// Routing 300 links on the big map (part of laying it out after a change).
#[divan::bench]
fn route_300_links(bencher: divan::Bencher) {
    let mut map = map(Size::default());
    touchline::generate::add_links(&mut map, 250, 3);
    let ctx = egui::Context::default();
    touchline::fonts::install(&ctx);
    let mut output = ctx.run_ui(input(Vec::new()), |_| {});
    output.textures_delta.clear();
    let layout = touchline::text::layout_map(
        &ctx,
        &map,
        touchline::layout::View::Journey,
        touchline::theme::TypeSize::Standard,
    );
    assert_eq!(layout.links.len(), 300);
    bencher.bench_local(|| touchline::layout::links::route(&map, &layout).len());
}

/// The same drags with every card in Arabic: rows put in visual order and aligned right.
#[divan::bench]
fn drag_frame_zoomed_to_fit_arabic(bencher: divan::Bencher) {
    bench_drag_on(bencher, dragging_on(arabic_map(), None));
}

#[divan::bench]
fn drag_frame_at_100_percent_arabic(bencher: divan::Bencher) {
    bench_drag_on(bencher, dragging_on(arabic_map(), Some(1.0)));
}

/// The Arabic drag in the editor speaking Arabic: every menu, inspector and status bar text from
/// the message files, put in visual order, in the mirrored interface.
#[divan::bench]
fn drag_frame_zoomed_to_fit_arabic_interface(bencher: divan::Bencher) {
    let arabic = Some(touchline::i18n::Language::Arabic);
    bench_drag_on(bencher, dragging_in(Document::new(arabic_map(), None), None, arabic));
}

#[divan::bench(sample_count = 10)]
fn open_and_show_first_frame(bencher: divan::Bencher) {
    let text = touchline::file::to_string(&map(Size::default())).expect("serializes");
    bencher.bench_local(|| {
        let ctx = egui::Context::default();
        touchline::fonts::install(&ctx);
        let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
        let map = touchline::file::parse("big.ron", &text).expect("valid");
        app.set_document(Document::new(map, None));
        frame(&ctx, &mut app, Vec::new())
    });
}

fn key(key: egui::Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::default(),
    }
}

/// One frame of presentation mode on the big map while the view glides between stages: every
/// 20 frames the next (or previous) stage is asked for, so every measured frame is mid-move.
#[divan::bench]
fn present_step_frame(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    touchline::fonts::install(&ctx);
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.set_document(Document::new(map(Size::default()), None));
    app.presentation =
        Some(touchline::app::Presentation::new(false, touchline::theme::ThemeKind::Light, None));
    let mut time = 0.0;
    let mut timed = |app: &mut TouchlineApp, events: Vec<Event>| {
        time += 1.0 / 60.0;
        let mut raw = input(events);
        raw.time = Some(time);
        let mut output = ctx.run_ui(raw, |ui| app.show(ui));
        output.textures_delta.clear();
        ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point).len()
    };
    for _ in 0..3 {
        timed(&mut app, vec![key(egui::Key::ArrowRight)]);
    }
    let mut frame_number = 0_u32;
    bencher.bench_local(|| {
        frame_number += 1;
        let events = match frame_number % 40 {
            0 => vec![key(egui::Key::ArrowLeft)],
            20 => vec![key(egui::Key::ArrowRight)],
            _ => Vec::new(),
        };
        timed(&mut app, events)
    });
}

/// The editor noticing that the big map's file changed on disk (git pull): read, parse, reload
/// as one undo step, and the next frame laid out and painted.
#[divan::bench(sample_count = 20)]
fn reload_after_change_on_disk(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let original = map(Size::default());
    let mut changed = original.clone();
    changed.cards[0].title.push_str(" (pulled)");
    let versions = [
        touchline::file::to_string(&changed).expect("serializes"),
        touchline::file::to_string(&original).expect("serializes"),
    ];
    std::fs::write(&path, &versions[1]).expect("written");
    let ctx = egui::Context::default();
    touchline::fonts::install(&ctx);
    let mut app = TouchlineApp::new(Box::new(NoDialogs), None);
    app.settings.inspector_open = false;
    app.set_document(Document::open(&path).expect("opens"));
    frame(&ctx, &mut app, Vec::new());
    let mut next = 0;
    bencher
        .with_inputs(|| {
            std::fs::write(&path, &versions[next % 2]).expect("written");
            next += 1;
        })
        .bench_local_values(|()| {
            app.look_at_disk();
            frame(&ctx, &mut app, Vec::new())
        });
}
