//! One triangle of an egui mesh drawn into a band of the image: which pixel centres it covers and
//! what each becomes.
//!
//! Coverage follows the GPU's rules, on a grid of 1/256 pixel with the top-left rule, so two
//! triangles sharing an edge (the halves of every rectangle) cover each pixel exactly once and a
//! translucent rectangle shows no seam. Colour follows egui-wgpu's shader: vertex colour times
//! texture in sRGB encoding, that product converted to linear light, blended premultiplied into
//! the sRGB target.

use egui::epaint::Vertex;

use super::{Band, Clip, Texture, srgb};

/// Sub-pixel positions per pixel, as GPUs snap vertices.
const SUBPIXELS: i64 = 256;
const HALF_PIXEL: i64 = SUBPIXELS / 2;

/// Vertices further off the image than this many pixels are pulled in, which keeps every edge
/// product within `i64`. Nothing the export paints is near it.
const FAR: f32 = 2_097_152.0;

/// Where the inside of a triangle's edge is, in whole sub-pixels.
#[derive(Debug)]
struct Edge {
    dx: i64,
    dy: i64,
    start: [i64; 2],
    /// The value a pixel centre's edge function must reach: 0 on a top or left edge (a centre
    /// exactly on the edge is inside), 1 on the others (it belongs to the neighbour).
    least: i64,
}

impl Edge {
    fn new(start: [i64; 2], end: [i64; 2]) -> Self {
        let (dx, dy) = (end[0] - start[0], end[1] - start[1]);
        let top_or_left = dy < 0 || (dy == 0 && dx > 0);
        Self { dx, dy, start, least: i64::from(!top_or_left) }
    }

    /// The pixel columns inside this edge on the row whose centre is at `y` sub-pixels, as an
    /// inclusive range; open ends are `i64::MIN` and `i64::MAX`.
    fn columns(&self, y: i64) -> Option<(i64, i64)> {
        // The edge function at the centre of column `c` is `at_zero - dy * SUBPIXELS * c`.
        let at_zero = self.dx * (y - self.start[1]) - self.dy * (HALF_PIXEL - self.start[0]);
        let step = self.dy * SUBPIXELS;
        match self.dy.signum() {
            0 => (at_zero >= self.least).then_some((i64::MIN, i64::MAX)),
            -1 => Some((ceil_div(self.least - at_zero, -step), i64::MAX)),
            _ => Some((i64::MIN, floor_div(at_zero - self.least, step))),
        }
    }
}

fn floor_div(a: i64, b: i64) -> i64 {
    a.div_euclid(b)
}

fn ceil_div(a: i64, b: i64) -> i64 {
    -(-a).div_euclid(b)
}

/// A value that varies linearly over the triangle: `at` at its first vertex, changing by `dx`
/// and `dy` per pixel.
#[derive(Clone, Copy, Debug)]
struct Plane {
    at: f32,
    dx: f32,
    dy: f32,
}

impl Plane {
    /// The value `x`, `y` pixels from the first vertex.
    #[inline]
    fn value(self, x: f32, y: f32) -> f32 {
        self.at + self.dx * x + self.dy * y
    }
}

/// What each covered pixel gets.
#[derive(Debug)]
enum Shade<'t> {
    /// An opaque constant colour: the pixels are simply replaced.
    Fill([u8; 4]),
    /// A constant colour blended over what is there (linear light, premultiplied).
    Blend { light: [f32; 3], alpha: f32 },
    /// Colour or texture changing across the triangle: worked out per pixel.
    Vary { color: Varying<4>, texel: Texel<'t> },
}

#[derive(Debug)]
enum Varying<const N: usize> {
    Same([f32; N]),
    Planes([Plane; N]),
}

#[derive(Debug)]
enum Texel<'t> {
    Same([f32; 4]),
    Sampled { u: Plane, v: Plane, texture: &'t Texture },
}

/// A triangle ready to draw.
#[derive(Debug)]
pub struct Triangle<'t> {
    edges: [Edge; 3],
    /// Pixel rows and columns whose centres its bounding box holds, inclusive.
    rows: (i64, i64),
    columns: (i64, i64),
    /// The pixel position the planes start from: the first vertex.
    origin: [f32; 2],
    shade: Shade<'t>,
}

fn snap(vertex: &Vertex) -> Option<[i64; 2]> {
    let snap = |v: f32| (v.clamp(-FAR, FAR) * SUBPIXELS as f32).round() as i64;
    (vertex.pos.x.is_finite() && vertex.pos.y.is_finite()).then(|| [snap(vertex.pos.x), snap(vertex.pos.y)])
}

/// The pixels (inclusive) whose centres lie between `low` and `high` sub-pixels.
fn centres_between(low: i64, high: i64) -> (i64, i64) {
    (ceil_div(low - HALF_PIXEL, SUBPIXELS), floor_div(high - HALF_PIXEL, SUBPIXELS))
}

fn unit(byte: u8) -> f32 {
    f32::from(byte) * (1.0 / 255.0)
}

impl<'t> Triangle<'t> {
    /// Sets up a triangle; `None` when it covers no area.
    pub fn new(vertices: [&Vertex; 3], texture: &'t Texture) -> Option<Self> {
        let mut points = [snap(vertices[0])?, snap(vertices[1])?, snap(vertices[2])?];
        let mut vertices = vertices;
        let area = (points[1][0] - points[0][0]) * (points[2][1] - points[0][1])
            - (points[1][1] - points[0][1]) * (points[2][0] - points[0][0]);
        if area == 0 {
            return None;
        }
        // One winding for the edge functions (egui's meshes use both).
        if area < 0 {
            points.swap(1, 2);
            vertices.swap(1, 2);
        }
        let edges = [
            Edge::new(points[0], points[1]),
            Edge::new(points[1], points[2]),
            Edge::new(points[2], points[0]),
        ];
        let low = |axis: usize| points.iter().map(|p| p[axis]).min().unwrap_or(0);
        let high = |axis: usize| points.iter().map(|p| p[axis]).max().unwrap_or(0);
        let rows = centres_between(low(1), high(1));
        let columns = centres_between(low(0), high(0));
        let origin = [vertices[0].pos.x, vertices[0].pos.y];
        let shade = Self::shade(vertices, texture);
        Some(Self { edges, rows, columns, origin, shade })
    }

    fn shade(vertices: [&Vertex; 3], texture: &'t Texture) -> Shade<'t> {
        let color = if vertices[1].color == vertices[0].color && vertices[2].color == vertices[0].color {
            Varying::Same(vertices[0].color.to_array().map(unit))
        } else {
            let value = |v: &Vertex, channel: usize| unit(v.color.to_array()[channel]);
            Varying::Planes(std::array::from_fn(|c| plane(vertices, |v| value(v, c))))
        };
        let texel = if vertices[1].uv == vertices[0].uv && vertices[2].uv == vertices[0].uv {
            Texel::Same(texture.sample(vertices[0].uv.x, vertices[0].uv.y))
        } else {
            Texel::Sampled { u: plane(vertices, |v| v.uv.x), v: plane(vertices, |v| v.uv.y), texture }
        };
        match (color, texel) {
            (Varying::Same(color), Texel::Same(texel)) => {
                let product: [f32; 4] = std::array::from_fn(|c| color[c] * texel[c]);
                if product[3] >= 1.0 {
                    let byte = |c: usize| (product[c].clamp(0.0, 1.0) * 255.0).round() as u8;
                    Shade::Fill([byte(0), byte(1), byte(2), 255])
                } else {
                    Shade::Blend {
                        light: std::array::from_fn(|c| srgb::to_linear(product[c])),
                        alpha: product[3],
                    }
                }
            }
            (color, texel) => Shade::Vary { color, texel },
        }
    }

    /// Whether any of the triangle's pixels are in `clip`.
    pub fn touches(&self, clip: &Clip) -> bool {
        self.rows.0 < clip.bottom
            && self.rows.1 >= clip.top
            && self.columns.0 < clip.right
            && self.columns.1 >= clip.left
    }

    /// Draws the triangle's pixels inside `clip` (which lies within `band`).
    pub fn draw(&self, band: &mut Band<'_>, clip: &Clip) {
        let first_row = self.rows.0.max(clip.top);
        let last_row = self.rows.1.min(clip.bottom - 1);
        for row in first_row..=last_row {
            let centre = row * SUBPIXELS + HALF_PIXEL;
            let mut first = self.columns.0.max(clip.left);
            let mut last = self.columns.1.min(clip.right - 1);
            for edge in &self.edges {
                let Some((from, to)) = edge.columns(centre) else {
                    last = first - 1;
                    break;
                };
                first = first.max(from);
                last = last.min(to);
            }
            if first <= last {
                let span = band.span(row, first, last);
                self.shade_span(span, row, first);
            }
        }
    }

    fn shade_span(&self, span: &mut [u8], row: i64, first: i64) {
        match &self.shade {
            Shade::Fill(color) => {
                for pixel in span.chunks_exact_mut(4) {
                    pixel.copy_from_slice(color);
                }
            }
            Shade::Blend { light, alpha } => {
                for pixel in span.chunks_exact_mut(4) {
                    blend(pixel, *light, *alpha);
                }
            }
            Shade::Vary { color, texel } => {
                let x = first as f32 + 0.5 - self.origin[0];
                let y = row as f32 + 0.5 - self.origin[1];
                for (i, pixel) in span.chunks_exact_mut(4).enumerate() {
                    let x = x + i as f32;
                    let color = match color {
                        Varying::Same(color) => *color,
                        Varying::Planes([red, green, blue, alpha]) => {
                            [red.value(x, y), green.value(x, y), blue.value(x, y), alpha.value(x, y)]
                        }
                    };
                    let texel = match texel {
                        Texel::Same(texel) => *texel,
                        Texel::Sampled { u: across, v: down, texture } => {
                            texture.sample(across.value(x, y), down.value(x, y))
                        }
                    };
                    let alpha = color[3] * texel[3];
                    let product = [color[0] * texel[0], color[1] * texel[1], color[2] * texel[2]];
                    if alpha <= 0.0 && product.iter().all(|&c| c <= 0.0) {
                        // Nothing over the pixel: it stays exactly as it is.
                        continue;
                    }
                    let light = [
                        srgb::to_linear(product[0]),
                        srgb::to_linear(product[1]),
                        srgb::to_linear(product[2]),
                    ];
                    blend(pixel, light, alpha);
                }
            }
        }
    }
}

/// A value given at the three vertices, as a plane over the triangle from the first vertex.
fn plane(vertices: [&Vertex; 3], value: impl Fn(&Vertex) -> f32) -> Plane {
    let [a, b, c] = vertices;
    let (abx, aby) = (b.pos.x - a.pos.x, b.pos.y - a.pos.y);
    let (acx, acy) = (c.pos.x - a.pos.x, c.pos.y - a.pos.y);
    let determinant = abx * acy - acx * aby;
    let (ab, ac) = (value(b) - value(a), value(c) - value(a));
    if determinant == 0.0 {
        return Plane { at: value(a), dx: 0.0, dy: 0.0 };
    }
    Plane { at: value(a), dx: (ab * acy - ac * aby) / determinant, dy: (ac * abx - ab * acx) / determinant }
}

/// Premultiplied "over" in linear light, as the renderer's blend state does on an sRGB target:
/// colour `src + dst × (1 − α)`, alpha `α × (1 − dst α) + dst α`.
#[inline]
fn blend(pixel: &mut [u8], light: [f32; 3], alpha: f32) {
    let keep = 1.0 - alpha;
    for c in 0..3 {
        pixel[c] = srgb::to_byte(light[c] + srgb::byte_to_linear(pixel[c]) * keep);
    }
    // Over an opaque pixel (anything on a background) the alpha stays opaque.
    if pixel[3] != u8::MAX {
        let below = unit(pixel[3]);
        pixel[3] = ((alpha * (1.0 - below) + below).clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    }
}
