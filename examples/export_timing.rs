//! Where the time of a 4K export goes (not part of the project's tests).
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a measuring tool")]
use std::time::Instant;
use touchline::export::{ExportOptions, Gpu, image_size, render_image, write_png};
fn main() {
    let map = touchline::generate::map(touchline::generate::Size::default());
    let options = ExportOptions { fit: Some([3840, 2160]), ..ExportOptions::default() };
    let mut gpu = Gpu::headless().unwrap();
    empty(&mut gpu);
    empty(&mut gpu);
    for _ in 0..3 {
        let t = Instant::now();
        let _ = image_size(&map, &options).unwrap();
        let layout = t.elapsed();
        let t = Instant::now();
        let image = render_image(&map, &options, &mut gpu).unwrap();
        let render = t.elapsed();
        let t = Instant::now();
        write_png(&image, std::path::Path::new("/tmp/timing.png")).unwrap();
        println!("layout-only {layout:?}  render {render:?}  png {:?}", t.elapsed());
    }
}
#[allow(dead_code)]
fn empty(gpu: &mut Gpu) {
    let t = Instant::now();
    let _ = gpu.render(&[], [3840, 2160], egui::Color32::WHITE).unwrap();
    println!("empty 4K render+readback {:?}", t.elapsed());
}
