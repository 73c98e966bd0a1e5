//! `touchline export`: every flag, every failure, and reference images of every template in
//! both views. Exports draw on the CPU; the one comparison with the window's renderer runs on Mesa's
//! software renderer. No display needed.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test")]

#[path = "common/readback.rs"]
mod readback;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn touchline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchline")).args(args).output().expect("runs the binary")
}

fn export(map: &str, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export", map, "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    touchline(&args)
}

fn ok(output: &Output) {
    assert!(output.status.success(), "failed: {}", String::from_utf8_lossy(&output.stderr));
}

fn size(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).unwrap()
}

#[test]
fn image_size_scales_exactly_with_scale() {
    let dir = tempfile::tempdir().unwrap();
    let mut sizes = Vec::new();
    for scale in ["1", "2", "3", "4"] {
        let out = dir.path().join(format!("x{scale}.png"));
        ok(&export("maps/ecommerce.ron", &out, &["--scale", scale]));
        sizes.push(size(&out));
    }
    let (w, h) = sizes[0];
    for (i, s) in sizes.iter().enumerate() {
        let k = i as u32 + 1;
        assert_eq!(*s, (w * k, h * k), "scale {k}");
    }
    // The default is 2.
    let out = dir.path().join("default.png");
    ok(&export("maps/ecommerce.ron", &out, &[]));
    assert_eq!(size(&out), sizes[1]);
}

#[test]
fn fit_gives_exactly_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    for (fit, expect) in [("1920x1080", (1920, 1080)), ("800x1200", (800, 1200))] {
        let out = dir.path().join(format!("{fit}.png"));
        ok(&export("maps/b2b-phone-system.ron", &out, &["--fit", fit]));
        assert_eq!(size(&out), expect);
    }
}

#[test]
fn a_stage_range_exports_only_those_stages() {
    let dir = tempfile::tempdir().unwrap();
    let (all, part, one) =
        (dir.path().join("all.png"), dir.path().join("part.png"), dir.path().join("one.png"));
    ok(&export("maps/b2b-phone-system.ron", &all, &["--scale", "1"]));
    ok(&export("maps/b2b-phone-system.ron", &part, &["--scale", "1", "--stages", "2..4"]));
    ok(&export("maps/b2b-phone-system.ron", &one, &["--scale", "1", "--stages", "8"]));
    let (wa, _) = size(&all);
    let (wp, _) = size(&part);
    let (wo, _) = size(&one);
    // Eight equal stages of 236 points: three of them are five fewer than eight.
    assert_eq!(wa - wp, 5 * 236);
    assert_eq!(wa - wo, 7 * 236);

    let out = dir.path().join("outside.png");
    let result = export("maps/b2b-phone-system.ron", &out, &["--stages", "7..9"]);
    assert_eq!(result.status.code(), Some(2), "a range the map does not have is a usage error, as 4..2 is");
    assert!(String::from_utf8_lossy(&result.stderr).contains("outside the map's stages 1..8"));
    assert!(!out.exists(), "no file is left behind");
}

#[test]
fn transparent_leaves_the_background_clear_and_theme_picks_the_colours() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, clear, dark) =
        (dir.path().join("plain.png"), dir.path().join("clear.png"), dir.path().join("dark.png"));
    ok(&export("maps/ecommerce.ron", &plain, &["--scale", "1"]));
    ok(&export("maps/ecommerce.ron", &clear, &["--scale", "1", "--transparent"]));
    ok(&export("maps/ecommerce.ron", &dark, &["--scale", "1", "--theme", "dark"]));
    let plain = image::open(plain).unwrap().to_rgba8();
    let clear = image::open(clear).unwrap().to_rgba8();
    let dark = image::open(dark).unwrap().to_rgba8();
    // The corner is outside the map: opaque, clear, or dark.
    assert_eq!(plain.get_pixel(2, 2)[3], 255);
    assert_eq!(clear.get_pixel(2, 2)[3], 0);
    let luma = |p: &image::Rgba<u8>| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]);
    assert!(luma(dark.get_pixel(2, 2)) < luma(plain.get_pixel(2, 2)) / 3);
    // Cards stay opaque in a transparent image: the middle of the first card.
    let (x, y) = (24 + 176 + 10 + 60, 24 + 56 + 72 + 10 + 10);
    assert_eq!(clear.get_pixel(x, y)[3], 255, "cards are not transparent");
    // An empty cell is clear: Advocacy, Pain points has no card.
    let transparent = clear.pixels().filter(|p| p[3] == 0).count();
    assert!(transparent > clear.pixels().len() / 10, "large parts of the image are clear");
}

#[test]
fn errors_exit_1_or_2_with_a_message_and_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.png");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, map: (title: ").unwrap();

    let r = export(broken.to_str().unwrap(), &out, &[]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&r.stderr).contains("broken.ron:1:"),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );

    let r = export("maps/missing.ron", &out, &[]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("maps/missing.ron: cannot read"));

    let nowhere = dir.path().join("no/such/folder/out.png");
    let r = export("maps/ecommerce.ron", &nowhere, &[]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("does not exist"));

    for bad in [
        &["--scale", "9"][..],
        &["--scale", "x"],
        &["--fit", "0x100"],
        &["--fit", "big"],
        &["--stages", "0..2"],
        &["--stages", "4..2"],
        &["--view", "sideways"],
        &["--theme", "pink"],
    ] {
        let r = export("maps/ecommerce.ron", &out, bad);
        assert_eq!(r.status.code(), Some(2), "{bad:?}");
    }
    assert!(!out.exists(), "failed exports leave nothing behind");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the broken map is in the folder");
}

#[test]
fn an_output_that_cannot_be_written_is_reported_and_leaves_nothing_behind() {
    // A folder where the image should go: refused before anything is drawn (a rename onto it
    // would fail even for root, which ignores permission bits).
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("taken.png");
    std::fs::create_dir(&taken).unwrap();
    let r = export("maps/ecommerce.ron", &taken, &["--scale", "1"]);
    assert_eq!(r.status.code(), Some(1));
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("taken.png: is a folder"), "{err}");
    assert!(taken.is_dir(), "the folder is untouched");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["taken.png"], "no temporary file is left behind");
}

/// Compares with a checked-in image; `UPDATE_REFERENCE=1` writes new references instead.
fn compare_with_reference(actual: &Path, name: &str) {
    let reference = PathBuf::from("tests/reference").join(format!("{name}.png"));
    if std::env::var_os("UPDATE_REFERENCE").is_some()
        || !reference.exists() && std::env::var_os("CI").is_none()
    {
        std::fs::copy(actual, &reference).unwrap();
        return;
    }
    let a = image::open(actual).unwrap().to_rgba8();
    let b = image::open(&reference).unwrap_or_else(|e| panic!("{}: {e}", reference.display())).to_rgba8();
    assert_eq!(a.dimensions(), b.dimensions(), "{name}: size differs from the reference");
    let differing = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0.iter()).any(|(x, y)| x.abs_diff(*y) > 24))
        .count();
    let share = differing as f64 / f64::from(a.width() * a.height());
    if share > 0.003 {
        let kept = std::env::temp_dir().join(format!("{name}.actual.png"));
        std::fs::copy(actual, &kept).unwrap();
        panic!(
            "{name}: {:.2} % of pixels differ from {} (this render: {})",
            share * 100.0,
            reference.display(),
            kept.display()
        );
    }
}

#[test]
fn every_template_matches_its_reference_image_in_both_views() {
    let dir = tempfile::tempdir().unwrap();
    for template in [
        "blank",
        "ecommerce",
        "b2b-phone-system",
        "coffee-shop-blueprint",
        "saas-onboarding",
        "b2b-phone-system-ar",
        "customer-care-th",
    ] {
        for view in ["journey", "blueprint"] {
            let name = format!("{template}-{view}");
            let out = dir.path().join(format!("{name}.png"));
            let mut extra = vec!["--scale", "1", "--view", view];
            if view == "blueprint" {
                extra.push("--other-lanes");
            }
            ok(&export(&format!("maps/{template}.ron"), &out, &extra));
            compare_with_reference(&out, &name);
        }
    }
    // A blueprint laid out right to left: its lines labelled beside the lane headers, at the right.
    let out = dir.path().join("coffee-shop-blueprint-rtl.png");
    let extra = ["--scale", "1", "--view", "blueprint", "--direction", "rtl"];
    ok(&export("maps/coffee-shop-blueprint.ron", &out, &extra));
    compare_with_reference(&out, "coffee-shop-blueprint-rtl");
    // Pictures on cards and a persona's avatar, in both views.
    for view in ["journey", "blueprint"] {
        let name = format!("coffee-shop-pictures-{view}");
        let out = dir.path().join(format!("{name}.png"));
        ok(&export("maps/examples/coffee-shop/coffee-shop.ron", &out, &["--scale", "1", "--view", view]));
        compare_with_reference(&out, &name);
    }
}

#[path = "common/gpu.rs"]
mod gpu;

/// An export draws egui's meshes on the CPU; the editor's canvas draws the same meshes with
/// egui-wgpu. Both must give the same image up to rounding: flat colours, feathered edges,
/// text, pictures, translucency, and transparent backgrounds.
#[test]
fn the_export_draws_what_the_window_renderer_draws() {
    use touchline::export::{ExportOptions, paint_image};
    use touchline::layout::View;
    use touchline::theme::ThemeKind;
    let mut gpu = gpu::Gpu::headless().unwrap();
    let blueprint = View::Blueprint { other_lanes: true };
    let cases = [
        ("maps/ecommerce.ron", ExportOptions { scale: 1.0, ..ExportOptions::default() }),
        (
            "maps/examples/coffee-shop/coffee-shop.ron",
            ExportOptions { view: blueprint, theme: ThemeKind::Dark, ..ExportOptions::default() },
        ),
        (
            "maps/b2b-phone-system-ar.ron",
            ExportOptions { scale: 1.5, transparent: true, ..ExportOptions::default() },
        ),
        (
            "maps/customer-care-th.ron",
            ExportOptions { fit: Some([1280, 720]), large_type: true, ..ExportOptions::default() },
        ),
    ];
    for (path, options) in cases {
        let map = touchline::file::load(Path::new(path)).unwrap();
        let folder = Path::new(path).parent().unwrap();
        let pictures =
            touchline::pictures::Set::load(&map, Some(folder), touchline::pictures::Reach::MapFolder);
        let painted = paint_image(&map, &options, None, &pictures).unwrap();
        let textures = painted.textures();
        let drawn = painted.frame(&textures).render();
        gpu.set_textures(&painted.textures);
        let rendered = gpu.render(&painted.primitives, painted.size, painted.clear).unwrap();
        assert_eq!(drawn.dimensions(), rendered.dimensions());
        let mut worst = 0;
        let mut differing = 0;
        for (a, b) in drawn.pixels().zip(rendered.pixels()) {
            let difference = a.0.iter().zip(b.0.iter()).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0);
            worst = worst.max(difference);
            differing += usize::from(difference > 0);
        }
        let pixels = (drawn.width() * drawn.height()) as usize;
        assert!(worst <= 4, "{path} {options:?}: a channel differs by {worst}");
        assert!(differing < pixels / 20, "{path} {options:?}: {differing} of {pixels} pixels differ");
        assert!(rendered.pixels().any(|p| p.0 != painted.clear.to_array()), "{path}: something is drawn");
    }
}

#[test]
fn large_type_makes_a_stage_a_readable_slide_and_votes_show_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let standard = dir.path().join("standard.png");
    let large = dir.path().join("large.png");
    ok(&export("maps/ecommerce.ron", &standard, &["--stages", "3", "--scale", "1"]));
    ok(&export("maps/ecommerce.ron", &large, &["--stages", "3", "--scale", "1", "--large-type"]));
    let (w, _) = size(&standard);
    let (wl, _) = size(&large);
    assert!(wl > 3 * w, "a large-type stage is a slide wide: {wl} vs {w}");

    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace(r#"title: "Checkout","#, r#"title: "Checkout", votes: 9,"#);
    let voted = dir.path().join("voted.ron");
    std::fs::write(&voted, text).unwrap();
    let plain = dir.path().join("plain.png");
    let dotted = dir.path().join("dotted.png");
    ok(&export(voted.to_str().unwrap(), &plain, &["--stages", "3", "--scale", "1"]));
    ok(&export("maps/ecommerce.ron", &standard, &["--stages", "3", "--scale", "1"]));
    ok(&export(voted.to_str().unwrap(), &dotted, &["--stages", "3", "--scale", "1", "--votes"]));
    let read = |p: &Path| image::open(p).unwrap().to_rgba8();
    assert_eq!(read(&plain), read(&standard), "without --votes the dots stay out of the image");
    let differing = read(&dotted).pixels().zip(read(&plain).pixels()).filter(|(a, b)| a != b).count();
    assert!(differing > 100, "--votes draws the dots ({differing} pixels changed)");
}

#[test]
fn high_contrast_is_an_export_theme() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hc.png");
    ok(&export("maps/ecommerce.ron", &out, &["--theme", "high-contrast", "--scale", "1"]));
    let image = image::open(&out).unwrap().to_rgba8();
    // The background is black.
    assert_eq!(image.get_pixel(2, 2).0, [0, 0, 0, 255]);
}

#[test]
fn an_extension_export_cannot_write_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["slide.jpg", "slide.webp", "slide"] {
        let out = dir.path().join(name);
        let r = export("maps/ecommerce.ron", &out, &[]);
        assert_eq!(r.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&r.stderr).contains("name the file .png"), "{name}");
        assert!(!out.exists(), "{name}");
    }
}

#[test]
fn an_export_without_a_desktop_session_prints_nothing_but_what_it_wrote() {
    // Cron jobs, CI and ssh sessions have no XDG_RUNTIME_DIR and no display.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quiet.png");
    let r = Command::new(env!("CARGO_BIN_EXE_touchline"))
        .args(["export", "maps/blank.ron", "-o", out.to_str().unwrap(), "--scale", "1"])
        .env_remove("XDG_RUNTIME_DIR")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    ok(&r);
    assert_eq!(String::from_utf8_lossy(&r.stderr), "", "no warnings on stderr");
    assert!(String::from_utf8_lossy(&r.stdout).starts_with("wrote "));
}

#[test]
fn a_transparent_export_keeps_its_title_and_curve_labels_readable_on_any_slide() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("clear.png");
    ok(&export("maps/ecommerce.ron", &out, &["--transparent", "--scale", "1"]));
    let image = image::open(&out).unwrap().to_rgba8();
    // The title sits on a plate of the header colour, not on the clear background.
    let (mut opaque, mut all) = (0, 0);
    for y in 44..58 {
        for x in 32..300 {
            all += 1;
            opaque += u32::from(image.get_pixel(x, y).0[3] == 255);
        }
    }
    assert!(opaque * 100 >= all * 95, "{opaque} of {all} title pixels are opaque");
    // Outside the grid the image stays clear.
    assert_eq!(image.get_pixel(2, 2).0[3], 0);
}

/// The text of every `<text>` inside the element with this id, words joined by single spaces.
fn text_of_group(doc: &roxmltree::Document<'_>, id: &str) -> Option<String> {
    let group = doc.descendants().find(|n| n.attribute("id") == Some(id))?;
    let words: Vec<&str> = group
        .descendants()
        .filter(|n| n.is_text() && n.ancestors().any(|a| a.has_tag_name("text")))
        .flat_map(|n| n.text().unwrap_or_default().split_whitespace())
        .collect();
    Some(words.join(" "))
}

#[test]
fn every_template_exports_an_svg_with_each_card_title_as_text_in_the_cards_group() {
    use touchline::export::{ExportOptions, Format, Job};
    use touchline::layout::View;
    for template in touchline::templates::ALL {
        let map = touchline::templates::load(template.name).unwrap();
        for view in [View::Journey, View::Blueprint { other_lanes: true }] {
            let options = ExportOptions { format: Format::Svg, view, scale: 1.0, ..ExportOptions::default() };
            let none = touchline::pictures::Set::default();
            let svg = String::from_utf8(Job::new(&map, &options, &none).render().unwrap().bytes).unwrap();
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{} {view:?}: not well-formed: {e}", template.name));
            assert_eq!(doc.root_element().tag_name().name(), "svg");
            assert!(
                svg.contains(&format!("<title>{}</title>", map.title.replace('&', "&amp;"))),
                "{}: the map's title names the drawing",
                template.name
            );
            // No bitmaps but the colour emoji's own pictures, each defined once.
            let images: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("image")).collect();
            assert!(
                images.iter().all(|i| i.attribute("id").is_some_and(|id| id.starts_with('e'))),
                "{}: only emoji are bitmaps",
                template.name
            );
            for card in &map.cards {
                let Some(text) = text_of_group(&doc, &format!("card-{}", card.id.as_str())) else {
                    // Only the blueprint view with other lanes is sure to show every lane.
                    assert!(
                        !view.is_blueprint(),
                        "{}: card {} has no group",
                        template.name,
                        card.id.as_str()
                    );
                    continue;
                };
                // Rows are separate text lines, and Thai wraps between letters (it has no spaces
                // between words): compared without spaces, in reading order.
                let squeezed = |s: &str| s.split_whitespace().collect::<String>();
                assert!(
                    squeezed(&text).contains(&squeezed(&card.title)),
                    "{}: card {:?} reads {text:?}",
                    template.name,
                    card.title
                );
            }
            for stage in &map.stages {
                let text = text_of_group(&doc, &format!("stage-{}", stage.id.as_str())).unwrap();
                assert!(
                    text.contains(&stage.name),
                    "{}: stage {:?} reads {text:?}",
                    template.name,
                    stage.name
                );
            }
        }
    }
}

#[test]
fn an_svg_of_some_stages_keeps_their_numbers_and_fit_sets_the_shown_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("part.svg");
    ok(&export("maps/ecommerce.ron", &out, &["--stages", "2..3", "--fit", "1920x1080"]));
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let root = doc.root_element();
    assert_eq!((root.attribute("width"), root.attribute("height")), (Some("1920"), Some("1080")));
    let map = touchline::file::load(Path::new("maps/ecommerce.ron")).unwrap();
    assert_eq!(
        text_of_group(&doc, &format!("stage-{}", map.stages[1].id.as_str())).unwrap().split(' ').next(),
        Some("2")
    );
    assert!(
        text_of_group(&doc, &format!("stage-{}", map.stages[0].id.as_str())).is_none(),
        "stage 1 is left out"
    );
}

/// A fontconfig that sees no fonts at all: a machine without the editor's fonts (and without any
/// other), so whatever an SVG shows it carries itself.
fn no_fonts(dir: &Path) -> PathBuf {
    let none = dir.join("no-fonts").join("none");
    std::fs::create_dir_all(&none).unwrap();
    readback::fontconfig_seeing(&dir.join("no-fonts"), &none)
}

/// Renders an SVG with `rsvg-convert` at `width` pixels, on a machine without fonts.
fn rsvg(svg: &Path, png: &Path, width: u32) {
    let out = Command::new("rsvg-convert")
        .env("FONTCONFIG_FILE", no_fonts(svg.parent().unwrap()))
        .args(["-w", &width.to_string(), "-o"])
        .arg(png)
        .arg(svg)
        .output()
        .expect("rsvg-convert runs (scripts/test installs librsvg2-bin)");
    assert!(out.status.success(), "rsvg-convert: {}", String::from_utf8_lossy(&out.stderr));
}

/// Renders an SVG in headless Chromium at its own size (`width`×`height`), on a machine without
/// fonts.
fn chromium(svg: &Path, png: &Path, [width, height]: [u32; 2]) {
    let dir = svg.parent().unwrap();
    let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("chromium is missing: `bash scripts/test` installs it");
    let out = Command::new(browser)
        .env("FONTCONFIG_FILE", no_fonts(dir))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", dir.join("chromium-profile").display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", svg.display()))
        .output()
        .expect("chromium runs");
    assert!(png.exists(), "chromium wrote no screenshot: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_svg_renders_like_the_png_of_the_same_map() {
    let dir = tempfile::tempdir().unwrap();
    for (template, extra) in [
        ("ecommerce", &["--theme", "light"][..]),
        ("coffee-shop-blueprint", &["--view", "blueprint", "--other-lanes", "--theme", "dark"][..]),
        ("saas-onboarding", &["--theme", "high-contrast"][..]),
        // Right-to-left rows are written as text in reading order, laid out by the renderer.
        ("b2b-phone-system-ar", &["--theme", "light"][..]),
        ("customer-care-th", &["--view", "blueprint", "--other-lanes", "--theme", "dark"][..]),
        // Pictures, embedded in the SVG, cropped and rounded as in the PNG.
        ("examples/coffee-shop/coffee-shop", &["--theme", "light"][..]),
    ] {
        let file = template.replace('/', "-");
        let (png, svg, drawn) = (
            dir.path().join(format!("{file}.png")),
            dir.path().join(format!("{file}.svg")),
            dir.path().join(format!("{file}.svg.png")),
        );
        let map = format!("maps/{template}.ron");
        ok(&export(&map, &png, &[&["--scale", "1"], extra].concat()));
        ok(&export(&map, &svg, extra));
        let reference = image::open(&png).unwrap().to_rgba8();
        rsvg(&svg, &drawn, reference.width());
        let drawn_image = image::open(&drawn).unwrap().to_rgba8();
        let share = readback::differing_blocks(&reference, &drawn_image, 40);
        assert!(share < 0.01, "{template}: {:.2} % of blocks differ from the PNG", share * 100.0);
    }
}

/// The default SVG carries its glyphs: on a machine with no fonts at all, librsvg and Chromium
/// draw every template as the PNG export shows it, in both views, light and dark.
#[test]
fn every_template_as_svg_looks_like_its_png_in_rsvg_and_chromium_without_any_fonts() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for template in touchline::templates::ALL {
        for (view, theme) in
            [("journey", "light"), ("journey", "dark"), ("blueprint", "light"), ("blueprint", "dark")]
        {
            let name = format!("{}-{view}-{theme}", template.name);
            let map = format!("maps/{}.ron", template.name);
            let extra = ["--view", view, "--theme", theme];
            let (png, svg) = (dir.path().join(format!("{name}.png")), dir.path().join(format!("{name}.svg")));
            ok(&export(&map, &png, &[&["--scale", "1"], &extra[..]].concat()));
            ok(&export(&map, &svg, &extra));
            let reference = image::open(&png).unwrap().to_rgba8();
            let (by_rsvg, by_chromium) = (
                dir.path().join(format!("{name}.rsvg.png")),
                dir.path().join(format!("{name}.chromium.png")),
            );
            rsvg(&svg, &by_rsvg, reference.width());
            chromium(&svg, &by_chromium, [reference.width(), reference.height()]);
            for (renderer, drawn) in [("rsvg", by_rsvg), ("chromium", by_chromium)] {
                let drawn = image::open(&drawn).unwrap().to_rgba8();
                let share = readback::differing_blocks(&reference, &drawn, 40);
                if share >= 0.01 {
                    failures.push(format!("{name} in {renderer}: {:.2} % of blocks differ", share * 100.0));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `--svg-text`: outlines with the words invisible on top (the default), editable text with the
/// fonts embedded, or text naming the fonts and carrying nothing.
#[test]
fn svg_text_modes_carry_outlines_embedded_fonts_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let map = "maps/b2b-phone-system-ar.ron";
    let mut files = Vec::new();
    for mode in ["outlines", "embedded", "system"] {
        let svg = dir.path().join(format!("{mode}.svg"));
        ok(&export(map, &svg, &["--svg-text", mode]));
        files.push(std::fs::read_to_string(&svg).unwrap());
    }
    let [outlines, embedded, system] = [&files[0], &files[1], &files[2]];
    let title = "البحث عن نظام هاتف عمل جديد";
    for (mode, text) in [("outlines", outlines), ("embedded", embedded), ("system", system)] {
        assert!(text.contains(&format!(">{title}</text>")), "{mode}: the title is text in reading order");
    }
    assert!(outlines.contains("<use xlink:href=\"#g") && outlines.contains(r#"<g opacity="0">"#));
    assert!(!outlines.contains("@font-face"));
    assert!(
        embedded.contains("@font-face{font-family:'Touchline") && !embedded.contains(r#"<g opacity="0">"#)
    );
    assert!(!system.contains("@font-face") && !system.contains("<use") && !system.contains("opacity=\"0\""));
    assert!(system.len() < outlines.len() && outlines.len() < embedded.len());

    // The mode is for SVG only.
    let out = export("maps/ecommerce.ron", &dir.path().join("a.png"), &["--svg-text", "system"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--svg-text is for SVG"));
}

#[test]
fn a_changed_colour_is_caught_by_the_svg_comparison() {
    // The comparison above would pass anything if it could not see a real difference.
    let dir = tempfile::tempdir().unwrap();
    let (png, svg, drawn) =
        (dir.path().join("a.png"), dir.path().join("a.svg"), dir.path().join("a.svg.png"));
    ok(&export("maps/ecommerce.ron", &png, &["--scale", "1"]));
    ok(&export("maps/ecommerce.ron", &svg, &[]));
    let markup = std::fs::read_to_string(&svg).unwrap();
    // Recolour the cards of one lane kind: a few percent of the drawing.
    std::fs::write(&svg, markup.replace("fill=\"#e7f6f6\"", "fill=\"#ff00ff\"")).unwrap();
    let reference = image::open(&png).unwrap().to_rgba8();
    rsvg(&svg, &drawn, reference.width());
    let share = readback::differing_blocks(&reference, &image::open(&drawn).unwrap().to_rgba8(), 40);
    assert!(share > 0.01, "only {:.2} % of blocks differ", share * 100.0);
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (scripts/test installs poppler-utils): {e}"));
    assert!(out.status.success(), "{program}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_pdf_is_one_page_with_fonts_embedded_and_text_in_every_seed_language() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("maps/ecommerce.ron")
        .unwrap()
        .replace("Notices worn soles after a long run", "ลูกค้าติดต่อศูนย์บริการผ่านแชท")
        .replace("Compares three models and reads reviews", "يقارن العميل بين أنظمة الهاتف")
        .replace("Asks live chat about wide fit", "Kunde vergleicht Telefonanlagen")
        .replace(
            "        title: \"Online shop: from first ad to loyal fan\"",
            "        author: \"Tim Riset\",\n        title: \"Perjalanan pelanggan toko daring\"",
        );
    let map = dir.path().join("languages.ron");
    std::fs::write(&map, text).unwrap();
    let pdf = dir.path().join("map.pdf");
    ok(&export(map.to_str().unwrap(), &pdf, &[]));
    let pdf = pdf.to_str().unwrap();
    let info = run("pdfinfo", &[pdf]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("Title:           Perjalanan pelanggan toko daring"), "{info}");
    assert!(info.contains("Author:          Tim Riset"), "{info}");
    let fonts = run("pdffonts", &[pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "Latin, Thai and Arabic fonts: {fonts}");
    for row in &rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object generation: "emb" is fifth from the end.
        assert_eq!(columns[columns.len() - 5], "yes", "every font is embedded: {row}");
    }
    for family in ["NotoSans-Regular", "NotoSansThai-Regular", "NotoSansArabic-Regular"] {
        assert!(fonts.contains(family), "{family} is embedded: {fonts}");
    }
    let words = run("pdftotext", &[pdf, "-"]);
    for phrase in [
        "Perjalanan pelanggan toko daring",
        "ลูกค้าติดต่อศูนย์บริการผ่านแชท",
        "يقارن العميل بين",
        // German wraps onto two lines in its card; each line is whole.
        "Kunde vergleicht",
        "Telefonanlagen",
        "Scrolls past a shoe ad",
    ] {
        assert!(words.contains(phrase), "{phrase:?} is extractable text:\n{words}");
    }
}

#[test]
fn latin_words_in_an_arabic_line_of_a_pdf_read_forwards() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("ar.pdf");
    ok(&export("maps/b2b-phone-system-ar.ron", &pdf, &["--stages", "2"]));
    let words = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        words.contains("Capterra"),
        "the card \"... G2 و Capterra\" keeps its English name forwards:\n{words}"
    );
    assert!(!words.contains("arretpaC"));
}

#[test]
fn a_pdf_page_is_the_map_or_the_paper_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, a4) = (dir.path().join("whole.pdf"), dir.path().join("a4.pdf"));
    ok(&export("maps/ecommerce.ron", &whole, &[]));
    ok(&export("maps/ecommerce.ron", &a4, &["--fit", "a4"]));
    let png = dir.path().join("whole.png");
    ok(&export("maps/ecommerce.ron", &png, &["--scale", "1"]));
    let (w, h) = size(&png);
    assert!(run("pdfinfo", &[whole.to_str().unwrap()]).contains(&format!("Page size:       {w} x {h} pts")));
    assert!(run("pdfinfo", &[a4.to_str().unwrap()]).contains("Page size:       842 x 595 pts"));
    // Paper sizes are for PDF; a PNG refuses one and writes nothing.
    let refused = dir.path().join("a4.png");
    let r = export("maps/ecommerce.ron", &refused, &["--fit", "a4"]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("paper size, for PDF"));
    assert!(!refused.exists());
}

#[test]
fn format_names_the_format_when_the_file_name_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drawing.xml");
    let r = export("maps/blank.ron", &out, &["--format", "svg"]);
    ok(&r);
    assert_eq!(String::from_utf8_lossy(&r.stderr), "", "nothing on stderr");
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg xmlns"));
    let pdf = dir.path().join("doc.bin");
    ok(&export("maps/blank.ron", &pdf, &["--format", "pdf"]));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

/// A copy of the e-commerce map in `dir` whose Checkout card shows `picture` (a file name in
/// `dir`, which may not exist).
fn map_with_picture(dir: &Path, picture: &str) -> PathBuf {
    let text = std::fs::read_to_string("maps/ecommerce.ron").unwrap().replacen(
        "title: \"Checkout\"",
        &format!("title: \"Checkout\", image: {picture:?}"),
        1,
    );
    let path = dir.join("map.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// Pixels of exactly this colour.
/// The pictures an SVG shows, less the colour emoji's glyph pictures (defined once, with an id).
fn pictures_in<'a, 'i>(doc: &'a roxmltree::Document<'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    doc.descendants().filter(|n| n.has_tag_name("image") && n.attribute("id").is_none()).collect()
}

fn count_colour(image: &image::RgbaImage, colour: [u8; 3]) -> usize {
    image.pixels().filter(|p| p.0[..3] == colour).count()
}

#[test]
fn a_cards_picture_is_in_every_export_format() {
    let dir = tempfile::tempdir().unwrap();
    image::RgbImage::from_pixel(1200, 800, image::Rgb([250, 10, 10]))
        .save(dir.path().join("red.png"))
        .unwrap();
    let map = map_with_picture(dir.path(), "red.png");
    let map = map.to_str().unwrap();

    // PNG: the thumbnail is a block of the picture's colour, cropped to the card's 16:9 frame.
    let png = dir.path().join("map.png");
    let out = export(map, &png, &["--scale", "1"]);
    ok(&out);
    assert!(
        out.stderr.is_empty(),
        "no warning for a picture that is there: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let red = count_colour(&image::open(&png).unwrap().to_rgba8(), [250, 10, 10]);
    assert!(red > 150 * 80, "the picture is drawn: {red} pixels");
    let plain = dir.path().join("plain.png");
    ok(&export("maps/ecommerce.ron", &plain, &["--scale", "1"]));
    assert_eq!(count_colour(&image::open(&plain).unwrap().to_rgba8(), [250, 10, 10]), 0);

    // SVG: an <image> with the picture's pixels in it, inside the card's group, clipped round.
    let svg = dir.path().join("map.svg");
    ok(&export(map, &svg, &[]));
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let images = pictures_in(&doc);
    assert_eq!(images.len(), 1, "one picture, embedded once");
    let card =
        images[0].ancestors().find(|n| n.attribute("class") == Some("card")).expect("in the card's group");
    assert_eq!(card.attribute("id"), Some("card-c-checkout"));
    assert!(images[0].attribute("clip-path").is_some());
    let href = images[0].attribute(("http://www.w3.org/1999/xlink", "href")).unwrap();
    let data = href.strip_prefix("data:image/jpeg;base64,").expect("an opaque picture is a JPEG");
    let bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data).unwrap();
    let embedded = image::load_from_memory(&bytes).unwrap().to_rgb8();
    assert_eq!(embedded.dimensions(), (640, 427), "kept at a thumbnail's size");
    let middle = embedded.get_pixel(320, 213).0;
    assert!(middle[0] > 230 && middle[1] < 40, "{middle:?}");

    // PDF: one image on the page.
    let pdf = dir.path().join("map.pdf");
    ok(&export(map, &pdf, &[]));
    let list = run("pdfimages", &["-list", pdf.to_str().unwrap()]);
    let rows: Vec<&str> = list.lines().skip(2).filter(|l| l.contains("image")).collect();
    assert_eq!(rows.len(), 1, "{list}");
    assert!(rows[0].contains("640") && rows[0].contains("427"), "{list}");
}

#[test]
fn a_missing_picture_is_a_placeholder_and_a_warning_naming_the_card_never_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let map = map_with_picture(dir.path(), "shots/gone.png");
    let map = map.to_str().unwrap();
    for format in ["png", "svg", "pdf"] {
        let out_file = dir.path().join(format!("map.{format}"));
        let out = export(map, &out_file, &[]);
        ok(&out);
        let warning = String::from_utf8_lossy(&out.stderr);
        assert!(
            warning.contains("map.ron:")
                && warning.contains(
                    "warning: card \"c-checkout\" (\"Checkout\"): picture \"shots/gone.png\": file not found"
                ),
            "{format}: {warning}"
        );
        assert!(out_file.exists());
    }
    // The placeholder names the file, so the SVG says which picture to put back.
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.contains(">gone.png<") && svg.contains(">missing picture<"), "the placeholder is drawn");
    assert!(pictures_in(&roxmltree::Document::parse(&svg).unwrap()).is_empty());

    let check = touchline(&["check", map]);
    assert!(check.status.success(), "a missing picture is only a warning");
    let warning = String::from_utf8_lossy(&check.stderr);
    let line =
        std::fs::read_to_string(map).unwrap().lines().position(|l| l.contains("gone.png")).unwrap() + 1;
    assert!(warning.starts_with(&format!("{map}:{line}: warning: card \"c-checkout\"")), "{warning}");
    assert_eq!(warning.lines().count(), 1, "{warning}");
}

/// The fill colours drawn in an SVG group, by the group's id.
fn fills_in_group(svg: &str, id: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let group =
        doc.descendants().find(|n| n.attribute("id") == Some(id)).unwrap_or_else(|| panic!("{id} drawn"));
    group
        .descendants()
        .filter_map(|n| n.attribute("fill"))
        .filter(|f| f.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_stage_keeps_its_colour_in_a_partial_export() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, part) = (dir.path().join("whole.svg"), dir.path().join("part.svg"));
    ok(&export("maps/b2b-phone-system.ron", &whole, &[]));
    ok(&export("maps/b2b-phone-system.ron", &part, &["--stages", "3", "--large-type", "--votes"]));
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let (whole, part) =
        (fills_in_group(&read(&whole), "stage-s-evaluate"), fills_in_group(&read(&part), "stage-s-evaluate"));
    assert!(whole.len() >= 2, "{whole:?}");
    assert_eq!(part, whole, "the header of Evaluate vendors is drawn in the same colours");
}

mod map_links {
    use proptest::prelude::*;
    use touchline::export::{ExportOptions, Format, Job};

    /// What an attacker writes into `opens`: a scheme, a climb, an absolute or UNC start, or
    /// percent-escapes, before anything at all, sometimes ending in `.ron`.
    fn hostile_opens() -> impl Strategy<Value = String> {
        let start = prop::sample::select(vec![
            "",
            "javascript:",
            "JAVASCRIPT:",
            " javascript:",
            "data:",
            "file:///",
            "https://",
            "//",
            "/",
            "\\\\",
            "\\",
            "../",
            "a/../../",
            "./",
            "%2e%2e/",
            "C:",
            "\u{202E}",
            "\t",
        ]);
        let end = prop::sample::select(vec!["", ".ron", ".RON", "/", "#x.ron", "?.ron"]);
        (start, "\\PC{0,16}", end).prop_map(|(s, middle, e)| format!("{s}{middle}{e}"))
    }

    /// Whether `href` names a file inside the exported map's folder, read as a browser would.
    fn stays_inside(href: &str) -> bool {
        !href.is_empty()
            && !href.contains([':', '\\', '?', '#'])
            && !href.starts_with('/')
            && href.split('/').all(|part| !part.is_empty() && !matches!(part, "." | ".."))
            && href.split('/').all(|part| !part.to_ascii_lowercase().starts_with("%2e%2e"))
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 48,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20_261_207),
            ..ProptestConfig::default()
        })]

        /// No `opens` a map's author writes makes an SVG link leave the map's folder.
        #[test]
        fn no_export_links_outside_the_maps_folder(links in prop::collection::vec(hostile_opens(), 1..4)) {
            let mut map = touchline::templates::load("ecommerce").unwrap();
            for (card, link) in map.cards.iter_mut().zip(&links) {
                card.opens = Some(link.clone());
            }
            map.stages[0].opens = links.last().cloned();
            let options = ExportOptions { format: Format::Svg, scale: 1.0, ..ExportOptions::default() };
            let none = touchline::pictures::Set::default();
            let svg = String::from_utf8(Job::new(&map, &options, &none).render().unwrap().bytes).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            for a in doc.descendants().filter(|n| n.has_tag_name("a")) {
                let href = a.attribute("href").unwrap_or_default();
                prop_assert!(stays_inside(href), "{href:?} from {links:?}");
                prop_assert!(std::path::Path::new(href).extension().is_some_and(|e| e == "svg"), "{href:?}");
            }
        }
    }
}
