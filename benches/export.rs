//! Exporting the generated 1,000-card map at 3840×2160 on the software renderer, end to end:
//! layout, painting, tessellation, rendering, read-back and PNG encoding.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a panic is a failed test or benchmark")]

use touchline::export::{ExportOptions, Gpu, render_image};
use touchline::generate::{Size, map};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5)]
fn export_1000_cards_at_3840x2160(bencher: divan::Bencher) {
    let map = map(Size::default());
    let mut gpu = Gpu::headless().expect("a renderer");
    let options = ExportOptions { fit: Some([3840, 2160]), ..ExportOptions::default() };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.png");
    bencher.bench_local(|| {
        let image = render_image(&map, &options, &mut gpu).expect("renders");
        touchline::export::write_png(&image, &path).expect("writes");
    });
}
