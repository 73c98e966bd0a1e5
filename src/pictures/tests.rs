#![allow(clippy::unwrap_used, reason = "a panic is a failed test")]

use std::path::Path;

use super::*;
use crate::model::{Card, LaneId, Persona, StageId};

fn write_png(path: &Path, w: u32, h: u32) {
    image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]))
        .save(path)
        .unwrap();
}

#[test]
fn a_big_picture_is_kept_as_a_thumbnail_at_halving_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.png");
    write_png(&path, 3000, 2000);
    let picture = load(&path).unwrap();
    assert_eq!(picture.original, [3000, 2000]);
    let sizes: Vec<[usize; 2]> = picture.levels.iter().map(|l| l.size).collect();
    assert_eq!(sizes, vec![[640, 427], [320, 214], [160, 107], [80, 54]]);
    // 6 megapixels on disk, well under a megapixel and a half in memory.
    assert!(picture.bytes() < 640 * 427 * 4 * 4 / 3 + 1024, "{}", picture.bytes());
}

#[test]
fn a_small_picture_keeps_its_size_and_a_jpeg_reads_like_a_png() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.jpg");
    image::RgbImage::from_pixel(120, 90, image::Rgb([200, 40, 40])).save(&path).unwrap();
    let picture = load(&path).unwrap();
    assert_eq!(picture.size(), [120, 90]);
    assert_eq!(picture.levels.len(), 2, "120 px, then 60 px");
    let pixel = picture.levels[0].pixels[45 * 120 + 60];
    assert!(pixel.r() > 180 && pixel.g() < 70, "{pixel:?}");
}

#[test]
fn a_missing_or_wrong_file_says_why() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(load(&dir.path().join("gone.png")).unwrap_err(), PictureError::NotFound);
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not a picture").unwrap();
    assert_eq!(load(&text).unwrap_err(), PictureError::Format);
    assert_eq!(probe(&text).unwrap_err(), PictureError::Format);
    let gif = dir.path().join("anim.gif");
    std::fs::write(&gif, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;").unwrap();
    assert_eq!(load(&gif).unwrap_err(), PictureError::Format);
    assert_eq!(PictureError::NotFound.to_string(), "file not found");
}

#[test]
fn a_picture_file_is_named_from_the_maps_folder_with_forward_slashes() {
    let folder = Path::new("/work/maps/shop");
    assert_eq!(
        relative_name(Some(folder), Path::new("/work/maps/shop/pictures/cup.png")),
        "pictures/cup.png"
    );
    assert_eq!(relative_name(Some(folder), Path::new("/work/shots/cup.png")), "../../shots/cup.png");
    // Nothing in common but the root: the whole path says it better.
    assert_eq!(relative_name(Some(folder), Path::new("/tmp/cup.png")), "/tmp/cup.png");
    // A map not saved yet names the file as it is.
    assert_eq!(relative_name(None, Path::new("/tmp/cup.png")), "/tmp/cup.png");
    assert_eq!(resolve(Some(folder), "pictures/cup.png"), folder.join("pictures/cup.png"));
    assert_eq!(resolve(Some(folder), "/tmp/cup.png"), Path::new("/tmp/cup.png"));
    assert_eq!(folder_of(Path::new("map.ron")), None);
    assert_eq!(folder_of(Path::new("maps/map.ron")), Some(Path::new("maps")));
}

fn map_naming(pictures: &[(&str, Option<&str>)], persona: Option<&str>) -> Map {
    let mut map = Map::blank("t");
    for (title, image) in pictures {
        let mut card = Card::new(LaneId::from("l"), StageId::from("s"), *title);
        card.image = image.map(str::to_owned);
        map.cards.push(card);
    }
    let mut person = Persona::new("Rina");
    person.image = persona.map(str::to_owned);
    map.personas.push(person);
    map
}

#[test]
fn each_picture_is_read_once_and_the_unreadable_ones_are_named_with_their_cards() {
    let dir = tempfile::tempdir().unwrap();
    write_png(&dir.path().join("a.png"), 50, 50);
    let map = map_naming(
        &[("One", Some("a.png")), ("Two", Some("a.png")), ("Three", None), ("Four", Some("gone.png"))],
        Some("face.png"),
    );
    assert_eq!(named(&map), vec!["a.png", "gone.png", "face.png"]);
    let set = Set::load(&map, Some(dir.path()), Reach::MapFolder);
    assert_eq!(set.pictures.len(), 3);
    assert!(set.pictures["a.png"].is_ok());
    let lines: Vec<String> =
        unshown(&map, |name| set.problem(name)).iter().map(ToString::to_string).collect();
    let card = map.cards[3].id.as_str();
    let persona = map.personas[0].id.as_str();
    assert_eq!(
        lines,
        vec![
            format!("card {card:?} (\"Four\"): picture \"gone.png\": file not found"),
            format!("persona {persona:?} (\"Rina\"): picture \"face.png\": file not found"),
        ]
    );
    let text =
        format!("        cards: [\n            (id: {card:?}, title: \"Four\", image: \"gone.png\"),\n");
    let unshown = unshown(&map, |name| set.problem(name));
    assert!(warning(Path::new("m.ron"), &text, &unshown[0]).starts_with("m.ron:2: warning: card"));
}

#[test]
fn the_library_reads_pictures_off_the_ui_thread_and_forgets_those_no_longer_named() {
    let dir = tempfile::tempdir().unwrap();
    write_png(&dir.path().join("a.png"), 64, 64);
    let ctx = egui::Context::default();
    let mut library = Library::default();
    let mut map = map_naming(&[("One", Some("a.png")), ("Two", Some("missing.png"))], None);
    let mut revision = 0;
    library.update(&ctx, &map, revision, Some(dir.path()));
    // Usually still loading; a worker that read the small file before `update` looked for
    // results has handed it over already (seen on a loaded machine).
    assert!(matches!(library.shown().get("a.png"), Some(Shown::Loading | Shown::Ready(_))));
    for _ in 0..500 {
        if !library.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        library.update(&ctx, &map, revision, Some(dir.path()));
    }
    assert!(matches!(library.shown().get("a.png"), Some(Shown::Ready(levels)) if levels[0].1 == [64, 64]));
    assert!(matches!(library.shown().get("missing.png"), Some(Shown::Missing(_))));
    assert_eq!(library.problem("missing.png"), Some(&PictureError::NotFound));
    // An export gets the pictures read already, and reads the rest.
    let set = library.set(&map);
    assert!(set.pictures["a.png"].is_ok() && set.pictures["missing.png"].is_err());

    map.cards.remove(0);
    revision += 1;
    library.update(&ctx, &map, revision, Some(dir.path()));
    assert!(library.shown().get("a.png").is_none());
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_named_as_a_picture_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.png");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Opening a pipe for reading would wait for a writer forever.
        assert!(matches!(load(&fifo), Err(PictureError::NotAFile)));
        assert!(matches!(probe(&fifo), Err(PictureError::NotAFile)));
    }
    assert!(matches!(load(dir.path()), Err(PictureError::NotAFile)));
}

#[test]
fn a_small_file_asking_for_gigabytes_is_refused_before_decoding() {
    // 7000×7000 pixels of 16-bit RGBA: 392 MB... and 8000×7000 is 448 MB, over the bound, in a
    // file of a few bytes (the header alone says so).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.png");
    let file = std::fs::File::create(&path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), 8000, 7000);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Sixteen);
    let mut writer = encoder.write_header().unwrap();
    // A first image-data chunk: decoders read the header up to it, and nothing past it is needed.
    writer.write_chunk(png::chunk::IDAT, &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]).unwrap();
    drop(writer);
    assert!(std::fs::metadata(&path).unwrap().len() < 1024);
    match load(&path) {
        Err(PictureError::TooMuchMemory(mb)) => assert_eq!(mb, 428),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_sixteen_bit_picture_is_shrunk_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.png");
    image::ImageBuffer::<image::Rgba<u16>, _>::from_fn(1300, 700, |x, _| {
        image::Rgba([(x * 50) as u16, 0, 65535, 65535])
    })
    .save(&path)
    .unwrap();
    let picture = load(&path).unwrap();
    assert_eq!(picture.original, [1300, 700]);
    assert_eq!(picture.levels[0].size[0], 640);
    assert_eq!(picture.levels[0].pixels[0].b(), 255);
}

#[test]
fn pictures_outside_the_maps_folder_are_read_only_when_allowed() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("maps");
    std::fs::create_dir_all(folder.join("pictures")).unwrap();
    write_png(&folder.join("pictures/in.png"), 20, 10);
    write_png(&root.path().join("private.png"), 20, 10);
    let absolute = root.path().join("private.png").display().to_string();
    for name in ["../private.png", "pictures/../../private.png", absolute.as_str()] {
        assert!(outside(Some(&folder), name), "{name}");
        assert!(matches!(read(Some(&folder), name, Reach::MapFolder), Err(PictureError::Outside)), "{name}");
        assert!(matches!(probe_named(Some(&folder), name, Reach::MapFolder), Err(PictureError::Outside)));
        assert!(read(Some(&folder), name, Reach::Anywhere).is_ok(), "{name}");
    }
    for name in ["pictures/in.png", "./pictures/in.png", "pictures/../pictures/in.png"] {
        assert!(!outside(Some(&folder), name), "{name}");
        assert!(read(Some(&folder), name, Reach::MapFolder).is_ok(), "{name}");
    }
    #[cfg(unix)]
    {
        // A link inside the folder that leads out of it is outside too.
        std::os::unix::fs::symlink(root.path().join("private.png"), folder.join("pictures/link.png"))
            .unwrap();
        assert!(outside(Some(&folder), "pictures/link.png"));
    }
}
