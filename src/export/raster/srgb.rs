//! Conversions between sRGB-encoded values and linear light, by table: the rasteriser converts
//! every blended pixel, and `powf` per pixel would cost more than the rest of the blend.
//!
//! egui's colours and textures are sRGB-encoded ("gamma") and premultiplied; the window's
//! renderer multiplies them in that space, converts the product to linear light, and blends into
//! an sRGB target in linear light. These tables let the rasteriser do the same.

use std::sync::LazyLock;

/// Entries of the linear-to-byte table: fine enough that the darkest byte steps (1/3294 of
/// linear light apart) are each several entries wide.
const ENCODE_STEPS: usize = 1 << 14;

/// Entries of the encoded-to-linear table for fractional inputs, interpolated between.
const DECODE_STEPS: usize = 1 << 10;

struct Tables {
    /// Linear light of each byte value.
    byte_to_linear: [f32; 256],
    /// Linear light at `i / DECODE_STEPS` of encoded value, with one more entry to interpolate to.
    fraction_to_linear: Vec<f32>,
    /// The byte nearest to the encoding of `i / (ENCODE_STEPS - 1)` of linear light.
    linear_to_byte: Vec<u8>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut byte_to_linear = [0.0; 256];
    for (byte, linear) in byte_to_linear.iter_mut().enumerate() {
        *linear = linear_from_encoded(byte as f32 / 255.0);
    }
    let fraction_to_linear = (0..=DECODE_STEPS + 1)
        .map(|i| linear_from_encoded((i as f32 / DECODE_STEPS as f32).min(1.0)))
        .collect();
    let linear_to_byte = (0..ENCODE_STEPS)
        .map(|i| {
            let encoded = encoded_from_linear(i as f32 / (ENCODE_STEPS - 1) as f32);
            (encoded * 255.0).round().clamp(0.0, 255.0) as u8
        })
        .collect();
    Tables { byte_to_linear, fraction_to_linear, linear_to_byte }
});

/// The sRGB transfer function, as the renderer's shader writes it.
fn linear_from_encoded(encoded: f32) -> f32 {
    if encoded < 0.04045 { encoded / 12.92 } else { ((encoded + 0.055) / 1.055).powf(2.4) }
}

fn encoded_from_linear(linear: f32) -> f32 {
    if linear < 0.003_130_8 { linear * 12.92 } else { 1.055 * linear.powf(1.0 / 2.4) - 0.055 }
}

/// Builds the tables now rather than inside the first band a thread renders.
pub fn warm_up() {
    LazyLock::force(&TABLES);
}

/// Linear light of a stored byte.
#[inline]
pub fn byte_to_linear(byte: u8) -> f32 {
    TABLES.byte_to_linear[usize::from(byte)]
}

/// Linear light of an encoded value from 0 to 1.
#[inline]
pub fn to_linear(encoded: f32) -> f32 {
    let position = encoded.clamp(0.0, 1.0) * DECODE_STEPS as f32;
    let index = position as usize;
    let fraction = position - index as f32;
    let table = &TABLES.fraction_to_linear;
    table[index] + (table[index + 1] - table[index]) * fraction
}

/// The stored byte for linear light from 0 to 1 (clamped, as a render target clamps).
#[inline]
pub fn to_byte(linear: f32) -> u8 {
    let index = (linear.clamp(0.0, 1.0) * (ENCODE_STEPS - 1) as f32 + 0.5) as usize;
    TABLES.linear_to_byte[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blending nothing over a pixel must leave it as it was: each byte survives the round trip.
    #[test]
    fn every_byte_survives_decoding_and_encoding() {
        for byte in 0..=255u8 {
            assert_eq!(to_byte(byte_to_linear(byte)), byte);
        }
    }

    #[test]
    fn tables_agree_with_the_transfer_function() {
        let mut exact_bytes = 0;
        for i in 0..=1000 {
            let encoded = i as f32 / 1000.0;
            let exact = linear_from_encoded(encoded);
            assert!((to_linear(encoded) - exact).abs() < 2e-5, "{encoded}");
            // Within one step where the exact byte is halfway between two.
            let byte = (encoded_from_linear(exact) * 255.0).round() as u8;
            assert!(to_byte(exact).abs_diff(byte) <= 1, "{encoded}");
            exact_bytes += usize::from(to_byte(exact) == byte);
        }
        assert!(exact_bytes > 990, "only {exact_bytes} of 1001 exact");
        assert!((to_linear(0.5) - 0.214_041).abs() < 1e-5, "mid grey is about a fifth of the light");
    }
}
