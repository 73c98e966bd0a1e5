//! Pictures in the editor, driven as a user drives it: a picture file dropped on a card, one
//! chosen in the inspector, a missing one shown as a placeholder with the reason, and removing.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use touchline::app::{Document, FileDialogs, TouchlineApp};
use touchline::render::pictures::Shown;

mod common;
use common::{harness, map, undo};

/// A file as the window system hands it over when dropped.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Dialogs whose picture picker answers with a fixed file (and Save As with another).
struct PickPicture(Option<PathBuf>);

impl FileDialogs for PickPicture {
    fn pick_map(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_map(&mut self, _suggested: &str) -> Option<PathBuf> {
        self.0.as_ref().map(|p| p.with_extension("ron"))
    }
    fn pick_picture(&mut self) -> Option<PathBuf> {
        self.0.clone()
    }
}

/// A solid-colour PNG of `w`×`h` at `path`.
fn write_png(path: &Path, w: u32, h: u32, colour: [u8; 3]) {
    image::RgbImage::from_pixel(w, h, image::Rgb(colour)).save(path).unwrap();
}

/// The e-commerce template saved at `folder/map.ron`, open in an editor with the inspector.
fn editor_in(folder: &Path, dialogs: Box<dyn FileDialogs>) -> Harness<'static, TouchlineApp> {
    let path = folder.join("map.ron");
    touchline::file::save(&touchline::templates::load("ecommerce").unwrap(), &path).unwrap();
    let mut app = TouchlineApp::new(dialogs, None);
    app.set_document(Document::open(&path).unwrap());
    harness(app)
}

/// Steps until the editor has read every picture the map names (they are read off the UI thread).
fn wait_for_pictures(h: &mut Harness<'_, TouchlineApp>) {
    for _ in 0..200 {
        h.run_steps(1);
        let names = touchline::pictures::named(map(h)).len();
        let shown = h.state().pictures.shown();
        if !h.state().pictures.busy() && shown.0.len() == names {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the pictures were not read");
}

fn card_centre(h: &Harness<'_, TouchlineApp>, title: &str) -> egui::Pos2 {
    let app = h.state();
    let doc = app.doc().unwrap();
    let card = doc.map.cards.iter().find(|c| c.title == title).unwrap();
    let placed = doc.map_and_layout().1.unwrap().card(&card.id).unwrap();
    (app.doc().unwrap().canvas.screen_from_scene() * placed.rect).center()
}

fn image_of<'h>(h: &'h Harness<'_, TouchlineApp>, title: &str) -> Option<&'h str> {
    map(h).cards.iter().find(|c| c.title == title)?.image.as_deref()
}

#[test]
fn a_picture_dropped_on_a_card_goes_on_it_and_shows_and_one_undo_takes_it_off() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("shots")).unwrap();
    write_png(&dir.path().join("shots/checkout.png"), 1600, 900, [200, 30, 30]);
    let mut h = editor_in(dir.path(), Box::new(PickPicture(None)));
    let before = map(&h).clone();
    let height = |h: &Harness<'_, TouchlineApp>| {
        let doc = h.state().doc().unwrap();
        let id = &doc.map.cards.iter().find(|c| c.title == "Checkout").unwrap().id;
        doc.map_and_layout().1.unwrap().card(id).unwrap().rect.height()
    };
    let plain_height = height(&h);

    // Dragged over the window: the hint says where the picture would go; dropped: it goes there.
    let at = card_centre(&h, "Checkout");
    h.hover_at(at);
    h.run_steps(1);
    h.input_mut()
        .hovered_files
        .push(egui::HoveredFile { path: Some(dir.path().join("shots/checkout.png")), mime: String::new() });
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Drop to put the picture on “Checkout”").is_some(),
        "{:?}",
        h.query_all_by_label_contains("Drop").map(|n| format!("{n:?}")).collect::<Vec<_>>()
    );
    h.input_mut().hovered_files.clear();
    h.input_mut().dropped_files.push(Arc::new(Dropped(dir.path().join("shots/checkout.png"))));
    h.run_steps(2);
    // Named relative to the map's folder, with `/`, so the map works on every machine.
    assert_eq!(image_of(&h, "Checkout"), Some("shots/checkout.png"));
    wait_for_pictures(&mut h);
    match h.state().pictures.shown().get("shots/checkout.png") {
        Some(Shown::Ready(levels)) => {
            assert_eq!(levels[0].1, [640, 360], "shrunk to a thumbnail's worth: {levels:?}");
        }
        other => panic!("the picture is shown: {other:?}"),
    }
    assert!(height(&h) > plain_height + 50.0, "the card grew to hold its picture");

    undo(&mut h);
    assert_eq!(map(&h), &before, "one undo takes the picture off");
}

#[test]
fn a_dropped_file_that_is_not_a_picture_changes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let mut h = editor_in(dir.path(), Box::new(PickPicture(None)));
    let before = map(&h).clone();
    h.hover_at(card_centre(&h, "Checkout"));
    h.run_steps(1);
    h.input_mut().dropped_files.push(Arc::new(Dropped(dir.path().join("notes.txt"))));
    h.run_steps(2);
    assert_eq!(map(&h), &before);
    let error = h.state().modals.errors().next().map(str::to_owned).unwrap_or_default();
    assert!(error.contains("notes.txt") && error.contains("PNG and JPEG"), "{error}");
}

#[test]
fn a_missing_picture_shows_its_name_and_why_and_the_inspector_chooses_and_removes_pictures() {
    let dir = tempfile::tempdir().unwrap();
    write_png(&dir.path().join("counter.png"), 300, 300, [30, 120, 200]);
    let mut h = editor_in(dir.path(), Box::new(PickPicture(Some(dir.path().join("counter.png")))));
    h.state_mut().settings.inspector_open = true;
    // A card naming a file that is not there.
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    h.get_by_label("Choose picture…").click();
    h.run_steps(3);
    assert_eq!(image_of(&h, "Checkout"), Some("counter.png"));
    std::fs::remove_file(dir.path().join("counter.png")).unwrap();
    // Taken off and put back, the picture is read again: now it is missing.
    undo(&mut h);
    h.get_by_label("Choose picture…").click();
    h.run_steps(3);
    wait_for_pictures(&mut h);
    assert!(
        matches!(h.state().pictures.shown().get("counter.png"), Some(Shown::Missing(why)) if why.contains("not found")),
        "{:?}",
        h.state().pictures.shown()
    );
    // The inspector names the file and why it is not shown, and so does the placeholder when
    // hovered.
    assert_eq!(h.query_all_by_label_contains("counter.png: file not found").count(), 1);
    let placeholder = {
        let app = h.state();
        let doc = app.doc().unwrap();
        let layout = doc.map_and_layout().1.unwrap();
        let card = doc.map.cards.iter().find(|c| c.title == "Checkout").unwrap();
        let frame = layout.card(&card.id).unwrap().picture_rect(&layout.sizes).unwrap();
        (app.doc().unwrap().canvas.screen_from_scene() * frame).center()
    };
    h.hover_at(placeholder);
    h.run_steps(60);
    assert!(
        h.query_all_by_label_contains("counter.png: file not found").count() > 1,
        "a tooltip says it too"
    );
    h.get_by_label("Remove picture").click();
    h.run_steps(2);
    assert_eq!(image_of(&h, "Checkout"), None);
}

#[test]
fn a_picture_changed_on_disk_shows_up_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shot.png");
    write_png(&file, 400, 200, [10, 10, 10]);
    let mut h = editor_in(dir.path(), Box::new(PickPicture(Some(file.clone()))));
    h.state_mut().settings.inspector_open = true;
    h.get_by_label("Checkout").click();
    h.run_steps(2);
    h.get_by_label("Choose picture…").click();
    h.run_steps(3);
    wait_for_pictures(&mut h);
    let size = |h: &Harness<'_, TouchlineApp>| match h.state().pictures.shown().get("shot.png") {
        Some(Shown::Ready(levels)) => levels[0].1,
        other => panic!("{other:?}"),
    };
    assert_eq!(size(&h), [400, 200]);
    write_png(&file, 300, 300, [10, 200, 10]);
    // The editor looks at its pictures' files about once a second.
    for _ in 0..150 {
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(10));
        if !h.state().pictures.busy() && size(&h) == [300, 300] {
            return;
        }
    }
    panic!("the changed picture did not show up: {:?}", size(&h));
}

#[test]
fn save_as_into_another_folder_keeps_the_pictures_with_the_map() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("shop/pictures")).unwrap();
    std::fs::create_dir_all(dir.path().join("copies/2026")).unwrap();
    write_png(&dir.path().join("shop/pictures/cup.png"), 100, 100, [1, 2, 3]);
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap().replacen(
        "title: \"Checkout\"",
        "title: \"Checkout\", image: \"pictures/cup.png\"",
        1,
    );
    std::fs::write(dir.path().join("shop/map.ron"), text).unwrap();
    // Save As answers with copies/2026/copy.ron.
    let mut app =
        TouchlineApp::new(Box::new(PickPicture(Some(dir.path().join("copies/2026/copy.png")))), None);
    app.set_document(Document::open(&dir.path().join("shop/map.ron")).unwrap());
    let mut h = harness(app);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S);
    h.run_steps(3);
    let saved = touchline::file::load(&dir.path().join("copies/2026/copy.ron")).unwrap();
    let image = saved.cards.iter().find(|c| c.title == "Checkout").unwrap().image.clone().unwrap();
    assert_eq!(image, "../../shop/pictures/cup.png");
    wait_for_pictures(&mut h);
    assert!(matches!(h.state().pictures.shown().get(image.as_str()), Some(Shown::Ready(_))));
    // The original map still names its picture as before.
    let original = touchline::file::load(&dir.path().join("shop/map.ron")).unwrap();
    assert!(original.cards.iter().any(|c| c.image.as_deref() == Some("pictures/cup.png")));
}

#[test]
fn a_picture_dropped_on_a_persona_in_the_inspector_becomes_their_avatar() {
    let dir = tempfile::tempdir().unwrap();
    write_png(&dir.path().join("rina.jpg"), 200, 200, [240, 180, 40]);
    let mut h = editor_in(dir.path(), Box::new(PickPicture(None)));
    h.state_mut().settings.inspector_open = true;
    h.run_steps(2);
    // The persona row comes before the curve of the same name.
    let at = h.get_all_by_label("Rina").next().unwrap().rect().center();
    h.hover_at(at);
    h.run_steps(1);
    h.input_mut()
        .hovered_files
        .push(egui::HoveredFile { path: Some(dir.path().join("rina.jpg")), mime: String::new() });
    h.run_steps(2);
    assert!(h.query_by_label_contains("Drop to make the picture Rina’s").is_some());
    h.input_mut().hovered_files.clear();
    h.input_mut().dropped_files.push(Arc::new(Dropped(dir.path().join("rina.jpg"))));
    h.run_steps(2);
    let persona = map(&h).personas.iter().find(|p| p.name == "Rina").unwrap();
    assert_eq!(persona.image.as_deref(), Some("rina.jpg"));
    assert!(map(&h).cards.iter().all(|c| c.image.is_none()), "no card took it");
}

#[test]
fn a_map_file_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = editor_in(dir.path(), Box::new(PickPicture(None)));
    let other = dir.path().join("other.ron");
    let mut blueprint = touchline::templates::load("coffee-shop-blueprint").unwrap();
    blueprint.cards[0].image = Some("front.png".to_owned());
    write_png(&dir.path().join("front.png"), 64, 36, [9, 9, 9]);
    touchline::file::save(&blueprint, &other).unwrap();
    h.input_mut().dropped_files.push(Arc::new(Dropped(other.clone())));
    h.run_steps(2);
    let doc = h.state().doc().unwrap();
    assert_eq!(doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(doc.map.title, blueprint.title);
    // The pictures are the new map's.
    wait_for_pictures(&mut h);
    assert!(matches!(h.state().pictures.shown().get("front.png"), Some(Shown::Ready(_))));
}
