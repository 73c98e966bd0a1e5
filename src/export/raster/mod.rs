//! Draws egui's tessellated meshes into an image on the CPU, as egui-wgpu draws them on a GPU.
//!
//! Exports used to render on the GPU, which on a machine without one is Mesa's software
//! renderer: most of a 4K export went into starting it, compiling its shaders and shading every
//! pixel through the general shader. The meshes are simple — flat colours, anti-aliased by
//! egui's feathering, and textured glyphs and pictures — so drawing them directly is faster and
//! needs no graphics stack at all. The image is split into bands of rows, drawn in parallel; a
//! PNG file is compressed band by band as they are drawn, so the whole image is never in memory.

mod srgb;
mod triangle;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use egui::epaint::{ClippedPrimitive, Primitive, TextureId, textures::TextureWrapMode};
use egui::{Color32, ColorImage, TextureFilter, TexturesDelta};
use image::RgbaImage;

use triangle::Triangle;

/// The textures meshes draw from: the font atlas and the pictures an export uploaded.
#[derive(Default)]
pub struct Textures(HashMap<TextureId, Texture>);

impl Textures {
    /// Takes in the textures a frame added or changed.
    pub fn update(&mut self, delta: &TexturesDelta) {
        for (id, change) in delta.set.iter().flat_map(|(id, changes)| changes.iter().map(move |c| (id, c))) {
            let egui::ImageData::Color(image) = &change.image;
            match (change.pos, self.0.get_mut(id)) {
                (Some([left, top]), Some(existing)) => existing.patch(left, top, image),
                _ => {
                    let texture = Texture {
                        image: image.clone(),
                        nearest: change.options.magnification == TextureFilter::Nearest,
                        wrap: change.options.wrap_mode,
                    };
                    self.0.insert(*id, texture);
                }
            }
        }
    }
}

/// A texture, and how the renderer samples it.
#[derive(Debug)]
struct Texture {
    image: Arc<ColorImage>,
    nearest: bool,
    wrap: TextureWrapMode,
}

impl Texture {
    fn patch(&mut self, left: usize, top: usize, part: &ColorImage) {
        let image = Arc::make_mut(&mut self.image);
        let width = image.size[0];
        for (y, row) in part.pixels.chunks_exact(part.size[0].max(1)).enumerate() {
            let start = (top + y) * width + left;
            if let Some(target) = image.pixels.get_mut(start..start + row.len()) {
                target.copy_from_slice(row);
            }
        }
    }

    /// The texel at whole coordinates, wrapped as the texture asks.
    fn texel(&self, x: i64, y: i64) -> Color32 {
        let [width, height] = self.image.size.map(|s| s as i64);
        let wrap = |c: i64, size: i64| match self.wrap {
            TextureWrapMode::ClampToEdge => c.clamp(0, size - 1),
            TextureWrapMode::Repeat => c.rem_euclid(size),
            TextureWrapMode::MirroredRepeat => {
                let phase = c.rem_euclid(2 * size);
                phase.min(2 * size - 1 - phase)
            }
        };
        let index = wrap(y, height) * width + wrap(x, width);
        self.image.pixels.get(index as usize).copied().unwrap_or_default()
    }

    /// The colour at texture coordinates `u`, `v` (0 to 1 across), each channel from 0 to 1:
    /// the texel under it for nearest filtering, else the four around it mixed (bilinear
    /// filtering between texel centres, as egui-wgpu's predictable filtering does).
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let [width, height] = self.image.size.map(|s| s as f32);
        if self.image.pixels.is_empty() {
            return [0.0; 4];
        }
        let unit = |c: Color32| c.to_array().map(|b| f32::from(b) / 255.0);
        if self.nearest {
            return unit(self.texel((u * width).floor() as i64, (v * height).floor() as i64));
        }
        let (across, down) = (u * width - 0.5, v * height - 0.5);
        let (left, top) = (across.floor(), down.floor());
        let (right_share, lower_share) = (across - left, down - top);
        let (left, top) = (left as i64, top as i64);
        let [upper_left, upper_right, lower_left, lower_right] = [
            self.texel(left, top),
            self.texel(left + 1, top),
            self.texel(left, top + 1),
            self.texel(left + 1, top + 1),
        ]
        .map(unit);
        std::array::from_fn(|i| {
            let upper = upper_left[i] + (upper_right[i] - upper_left[i]) * right_share;
            let lower = lower_left[i] + (lower_right[i] - lower_left[i]) * right_share;
            upper + (lower - upper) * lower_share
        })
    }
}

/// A rectangle of pixels, edges exclusive at the right and bottom.
#[derive(Clone, Copy, Debug)]
struct Clip {
    left: i64,
    top: i64,
    right: i64,
    bottom: i64,
}

impl Clip {
    /// A mesh's clip rectangle in pixels, rounded and kept within the image as a GPU scissor is.
    fn of(rect: egui::Rect, size: [u32; 2]) -> Self {
        let [width, height] = size.map(i64::from);
        let round = |v: f32, max: i64| (v.round() as i64).clamp(0, max);
        let (left, top) = (round(rect.min.x, width), round(rect.min.y, height));
        Self {
            left,
            top,
            right: round(rect.max.x, width).max(left),
            bottom: round(rect.max.y, height).max(top),
        }
    }

    fn rows(self, top: i64, bottom: i64) -> Self {
        Self { top: self.top.max(top), bottom: self.bottom.min(bottom), ..self }
    }

    fn is_empty(self) -> bool {
        self.left >= self.right || self.top >= self.bottom
    }
}

/// Some whole rows of the image, which one thread draws into.
struct Band<'a> {
    pixels: &'a mut [u8],
    width: usize,
    top: i64,
}

impl Band<'_> {
    /// The bytes of pixels `first..=last` of image row `row`, which must lie in the band.
    fn span(&mut self, row: i64, first: i64, last: i64) -> &mut [u8] {
        let start = ((row - self.top) as usize * self.width + first as usize) * 4;
        let end = start + (last - first + 1) as usize * 4;
        &mut self.pixels[start..end]
    }
}

/// What is drawn: meshes and their textures, on an image of `size` pixels cleared to `clear`.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    pub primitives: &'a [ClippedPrimitive],
    pub textures: &'a Textures,
    pub size: [u32; 2],
    pub clear: Color32,
}

/// How many threads draw bands: one per core.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8)
}

/// The fewest pixels in a band that `render_rows` hands on: about four megabytes.
const STREAMED_BAND_PIXELS: usize = 1 << 20;

/// The most bands `render_rows` splits an image into: every band looks at every triangle, so on
/// a very large image the bands grow rather than multiply.
const STREAMED_BANDS: usize = 16;

impl Frame<'_> {
    /// Draws the whole image, with premultiplied alpha as a GPU leaves it.
    pub fn render(self) -> RgbaImage {
        self.render_on(threads())
    }

    fn render_on(self, threads: usize) -> RgbaImage {
        srgb::warm_up();
        let (width, height) = (self.size[0] as usize, self.size[1] as usize);
        // Zeroed memory comes fresh from the system; each band clears its own rows, so the cost
        // of first touching a large image's pages is shared by the threads.
        let mut pixels = vec![0; width * height * 4];
        // A few bands per thread, so one crowded stretch of the map does not leave a thread idle.
        let band_rows = height.div_ceil(threads * 4).max(16);
        let bands = Mutex::new(pixels.chunks_mut((band_rows * width * 4).max(1)).enumerate());
        let draw_bands = || {
            loop {
                let next = bands.lock().unwrap_or_else(PoisonError::into_inner).next();
                let Some((index, rows)) = next else { break };
                self.draw_rows(rows, index * band_rows);
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(draw_bands);
            }
            draw_bands();
        });
        RgbaImage::from_raw(self.size[0], self.size[1], pixels).unwrap_or_default()
    }

    /// Draws the image band by band and hands each band's rows, top to bottom, to `take`. Only
    /// one band per thread is in memory at a time, and its memory is reused: a 4K image costs a
    /// few megabytes, the largest one allowed about twenty a thread.
    pub fn render_rows<E>(self, mut take: impl FnMut(&mut [u8]) -> Result<(), E>) -> Result<(), E> {
        let pixels = self.size[0] as usize * self.size[1] as usize;
        self.render_rows_on(threads(), (pixels / STREAMED_BANDS).max(STREAMED_BAND_PIXELS), &mut take)
    }

    fn render_rows_on<E>(
        self,
        threads: usize,
        band_pixels: usize,
        take: &mut impl FnMut(&mut [u8]) -> Result<(), E>,
    ) -> Result<(), E> {
        srgb::warm_up();
        let (width, height) = (self.size[0] as usize, self.size[1] as usize);
        if width == 0 || height == 0 {
            return Ok(());
        }
        let band_rows = (band_pixels / width).max(1);
        let mut buffers = vec![Vec::new(); threads];
        for first in (0..height).step_by(band_rows * threads) {
            std::thread::scope(|scope| {
                for (index, buffer) in buffers.iter_mut().enumerate() {
                    let top = first + index * band_rows;
                    buffer.resize(band_rows.min(height.saturating_sub(top)) * width * 4, 0);
                    if !buffer.is_empty() {
                        scope.spawn(move || self.draw_rows(buffer, top));
                    }
                }
            });
            for buffer in buffers.iter_mut().filter(|b| !b.is_empty()) {
                take(buffer)?;
            }
        }
        Ok(())
    }

    /// Clears and draws the image rows from `top` on that `pixels` holds.
    fn draw_rows(self, pixels: &mut [u8], top: usize) {
        for pixel in pixels.chunks_exact_mut(4) {
            pixel.copy_from_slice(&self.clear.to_array());
        }
        let width = self.size[0] as usize;
        let rows = (pixels.len() / (width * 4).max(1)) as i64;
        let top = top as i64;
        let mut band = Band { pixels, width, top };
        for primitive in self.primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else { continue };
            let clip = Clip::of(primitive.clip_rect, self.size).rows(top, top + rows);
            let Some(texture) = self.textures.0.get(&mesh.texture_id) else { continue };
            if !clip.is_empty() {
                draw_mesh(&mut band, &clip, mesh, texture);
            }
        }
    }
}

fn draw_mesh(band: &mut Band<'_>, clip: &Clip, mesh: &egui::Mesh, texture: &Texture) {
    let (clip_top, clip_bottom) = (clip.top as f32 - 1.0, clip.bottom as f32 + 1.0);
    for corners in mesh.indices.chunks_exact(3) {
        let vertex = |i: u32| mesh.vertices.get(i as usize);
        let (Some(a), Some(b), Some(c)) = (vertex(corners[0]), vertex(corners[1]), vertex(corners[2])) else {
            continue;
        };
        // Most triangles lie in other bands: a cheap look at their heights first.
        let (low, high) = (a.pos.y.min(b.pos.y).min(c.pos.y), a.pos.y.max(b.pos.y).max(c.pos.y));
        if high < clip_top || low > clip_bottom {
            continue;
        }
        if let Some(triangle) = Triangle::new([a, b, c], texture)
            && triangle.touches(clip)
        {
            triangle.draw(band, clip);
        }
    }
}

#[cfg(test)]
mod tests {
    use egui::epaint::{Mesh, Vertex};
    use egui::{Pos2, Rect, pos2};

    use super::*;

    fn white_texture() -> Textures {
        let mut textures = Textures::default();
        let mut delta = TexturesDelta::default();
        let white = ColorImage::new([4, 4], vec![Color32::WHITE; 16]);
        delta.push(TextureId::default(), egui::epaint::ImageDelta::full(white, egui::TextureOptions::LINEAR));
        textures.update(&delta);
        delta.clear();
        textures
    }

    fn quad(rect: Rect, color: Color32) -> Mesh {
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(rect, color);
        mesh
    }

    fn draw(meshes: Vec<Mesh>, clip: Rect, size: [u32; 2], threads: usize) -> RgbaImage {
        let primitives: Vec<ClippedPrimitive> = meshes
            .into_iter()
            .map(|mesh| ClippedPrimitive { clip_rect: clip, primitive: Primitive::Mesh(mesh) })
            .collect();
        let textures = white_texture();
        Frame { primitives: &primitives, textures: &textures, size, clear: Color32::BLACK }.render_on(threads)
    }

    fn everywhere() -> Rect {
        Rect::from_min_max(pos2(-1e4, -1e4), pos2(1e4, 1e4))
    }

    /// The byte egui-wgpu stores for a premultiplied, gamma-encoded colour `over` blended onto
    /// the byte `under`, worked out with the transfer functions rather than the tables.
    fn expected(over: u8, alpha: u8, under: u8) -> u8 {
        let linear = |e: f32| if e < 0.04045 { e / 12.92 } else { ((e + 0.055) / 1.055).powf(2.4) };
        let encoded = |l: f32| if l < 0.003_130_8 { l * 12.92 } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
        let (over, alpha, under) =
            (f32::from(over) / 255.0, f32::from(alpha) / 255.0, f32::from(under) / 255.0);
        (encoded(linear(over) + linear(under) * (1.0 - alpha)) * 255.0).round() as u8
    }

    #[test]
    fn translucent_colour_blends_in_linear_light_as_the_window_does() {
        let grey = Color32::from_rgba_premultiplied(128, 128, 128, 128);
        let right = Rect::from_min_max(pos2(4.0, 0.0), pos2(8.0, 4.0));
        let whole = Rect::from_min_max(pos2(0.0, 0.0), pos2(8.0, 4.0));
        let image = draw(vec![quad(right, Color32::WHITE), quad(whole, grey)], everywhere(), [8, 4], 1);
        let over_black = expected(128, 128, 0);
        let over_white = expected(128, 128, 255);
        assert_eq!(image.get_pixel(1, 1).0, [over_black, over_black, over_black, 255]);
        assert_eq!(image.get_pixel(6, 1).0, [over_white, over_white, over_white, 255]);
        // Linear light: half-covering grey over white is lighter than the average of the bytes.
        assert!(over_white > 200, "{over_white}");
    }

    /// The two triangles of a translucent rectangle meet on its diagonal: every pixel is blended
    /// exactly once, so the rectangle is one flat colour with no seam.
    #[test]
    fn a_translucent_rectangle_has_no_seam_on_its_diagonal() {
        let color = Color32::from_rgba_premultiplied(60, 20, 10, 100);
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(32.0, 32.0));
        let image = draw(vec![quad(rect, color)], everywhere(), [32, 32], 1);
        let first = image.get_pixel(0, 0).0;
        assert_ne!(first, [0, 0, 0, 255]);
        assert!(image.pixels().all(|p| p.0 == first), "one flat colour");
    }

    /// Rectangles side by side at fractional positions cover each pixel centre once: no gap, no
    /// pixel drawn twice.
    #[test]
    fn neighbouring_rectangles_cover_each_pixel_once() {
        let color = Color32::from_rgba_premultiplied(40, 40, 40, 40);
        let edges = [0.0, 2.5, 3.5, 7.25, 7.75, 16.0];
        let meshes = edges
            .windows(2)
            .flat_map(|x| {
                edges
                    .windows(2)
                    .map(move |y| quad(Rect::from_min_max(pos2(x[0], y[0]), pos2(x[1], y[1])), color))
            })
            .collect();
        let image = draw(meshes, everywhere(), [16, 16], 1);
        let first = image.get_pixel(0, 0).0;
        assert!(image.pixels().all(|p| p.0 == first), "every pixel blended once");
    }

    #[test]
    fn the_clip_rectangle_bounds_what_is_drawn() {
        let clip = Rect::from_min_max(pos2(2.4, 3.0), pos2(6.6, 5.0));
        let image = draw(
            vec![quad(Rect::from_min_max(Pos2::ZERO, pos2(10.0, 10.0)), Color32::RED)],
            clip,
            [10, 10],
            1,
        );
        for (x, y, pixel) in image.enumerate_pixels() {
            // Rounded to whole pixels, as a GPU's scissor: columns 2..7, rows 3..5.
            let inside = (2..7).contains(&x) && (3..5).contains(&y);
            assert_eq!(pixel.0 == [255, 0, 0, 255], inside, "({x}, {y})");
        }
    }

    #[test]
    fn bands_drawn_in_parallel_make_the_same_image_as_one_pass() {
        let meshes = || {
            (0..40)
                .map(|i| {
                    let at = pos2(i as f32 * 3.3, i as f32 * 4.7);
                    let vertices = vec![
                        Vertex {
                            pos: at,
                            uv: Pos2::ZERO,
                            color: Color32::from_rgba_premultiplied(90, 0, 0, 90),
                        },
                        Vertex { pos: at + egui::vec2(80.0, 30.0), uv: Pos2::ZERO, color: Color32::BLUE },
                        Vertex {
                            pos: at + egui::vec2(10.0, 150.0),
                            uv: Pos2::ZERO,
                            color: Color32::TRANSPARENT,
                        },
                    ];
                    Mesh { vertices, indices: vec![0, 1, 2], ..Mesh::default() }
                })
                .collect::<Vec<_>>()
        };
        let one = draw(meshes(), everywhere(), [200, 300], 1);
        let many = draw(meshes(), everywhere(), [200, 300], 4);
        assert!(one.pixels().filter(|p| p.0 != [0, 0, 0, 255]).count() > 10_000, "the triangles are drawn");
        assert!(one == many, "bands change nothing");
        // Streamed in bands of seven rows by three threads (the last group only partly filled):
        // the same rows, in order.
        let primitives: Vec<ClippedPrimitive> = meshes()
            .into_iter()
            .map(|mesh| ClippedPrimitive { clip_rect: everywhere(), primitive: Primitive::Mesh(mesh) })
            .collect();
        let textures = white_texture();
        let frame =
            Frame { primitives: &primitives, textures: &textures, size: [200, 300], clear: Color32::BLACK };
        let mut streamed = Vec::new();
        let mut bands = 0;
        let mut take = |rows: &mut [u8]| {
            bands += 1;
            streamed.extend_from_slice(rows);
            Ok::<_, ()>(())
        };
        frame.render_rows_on(3, 200 * 7, &mut take).unwrap();
        assert_eq!(bands, 300_usize.div_ceil(7));
        assert!(streamed == one.into_raw(), "streamed rows make the same image");
    }

    #[test]
    fn textures_are_sampled_between_texel_centres() {
        let mut textures = Textures::default();
        let mut delta = TexturesDelta::default();
        let image = ColorImage::new([2, 1], vec![Color32::BLACK, Color32::WHITE]);
        delta.push(TextureId::default(), egui::epaint::ImageDelta::full(image, egui::TextureOptions::LINEAR));
        textures.update(&delta);
        delta.clear();
        let texture = &textures.0[&TextureId::default()];
        let close = |a: [f32; 4], b: [f32; 4]| a.iter().zip(b).all(|(a, b)| (a - b).abs() < 1e-6);
        assert!(close(texture.sample(0.25, 0.5), [0.0, 0.0, 0.0, 1.0]), "the first texel's centre");
        assert!(close(texture.sample(0.5, 0.5), [0.5, 0.5, 0.5, 1.0]), "halfway between the centres");
        assert!(close(texture.sample(1.5, 0.5), [1.0; 4]), "clamped past the edge");
        // A patch replaces part of the texture.
        let mut patch = TexturesDelta::default();
        let red = ColorImage::new([1, 1], vec![Color32::RED]);
        patch.push(
            TextureId::default(),
            egui::epaint::ImageDelta::partial([1, 0], red, egui::TextureOptions::LINEAR),
        );
        textures.update(&patch);
        patch.clear();
        assert!(close(textures.0[&TextureId::default()].sample(0.75, 0.5), [1.0, 0.0, 0.0, 1.0]));
    }
}
