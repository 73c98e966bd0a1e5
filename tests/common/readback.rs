//! Helpers for tests that read exports back with other programs: a fontconfig that sees only
//! the fonts a test gives it, and a comparison of two renderings that forgives anti-aliasing.

use std::path::{Path, PathBuf};

/// A fontconfig file (in `dir`) that sees only the fonts in `fonts`, an existing folder, which
/// may be empty: a machine without the editor's fonts, or with only some of them.
pub fn fontconfig_seeing(dir: &Path, fonts: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            r#"<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<dir>{}</dir><cachedir>{}</cachedir></fontconfig>"#,
            fonts.display(),
            dir.join("cache").display()
        ),
    )
    .unwrap();
    conf
}

/// The share of 4×4 blocks whose average colour differs by more than `tolerance` in a channel:
/// glyph edges anti-aliased by two rasterisers differ pixel by pixel but not block by block.
pub fn differing_blocks(one: &image::RgbaImage, other: &image::RgbaImage, tolerance: u8) -> f64 {
    assert_eq!(one.dimensions(), other.dimensions());
    let (columns, rows) = (one.width() / 4, one.height() / 4);
    let average = |img: &image::RgbaImage, bx: u32, by: u32| {
        let mut sum = [0u32; 4];
        for y in by * 4..by * 4 + 4 {
            for x in bx * 4..bx * 4 + 4 {
                for (s, v) in sum.iter_mut().zip(img.get_pixel(x, y).0) {
                    *s += u32::from(v);
                }
            }
        }
        sum.map(|s| (s / 16) as u8)
    };
    let mut differing = 0;
    for by in 0..rows {
        for bx in 0..columns {
            let (p, q) = (average(one, bx, by), average(other, bx, by));
            differing += u32::from(p.iter().zip(q).any(|(x, y)| x.abs_diff(y) > tolerance));
        }
    }
    f64::from(differing) / f64::from(columns * rows)
}
