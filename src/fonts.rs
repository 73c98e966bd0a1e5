//! The fonts Touchline draws with, shipped in `assets/fonts` and built into the binary so that
//! the canvas and an export look the same on every machine.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// (name, bytes) of each bundled font, in fallback order, ahead of egui's own.
const BUNDLED: [(&str, &[u8]); 4] = [
    ("NotoSans", include_bytes!("../assets/fonts/NotoSans-Regular.ttf")),
    ("NotoSansThai", include_bytes!("../assets/fonts/NotoSansThai-Regular.ttf")),
    ("NotoSansArabic", include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf")),
    // Colour emoji: the sentiment curve's faces should look the same everywhere, in colour.
    ("NotoColorEmoji", include_bytes!("../assets/fonts/NotoColorEmoji.ttf")),
];

/// How many of [`all`]'s fonts, from the first, are the bundled text fonts (Noto Sans, Thai,
/// Arabic); the rest are colour emoji and egui's own fonts for symbols.
pub const TEXT_FONTS: usize = 3;

/// The font definitions: Noto Sans for Latin text, with Thai and Arabic fallbacks, Noto Color
/// Emoji, and egui's own fonts last for symbols.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, bytes) in BUNDLED {
        fonts.font_data.insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let proportional = fonts.families.entry(FontFamily::Proportional).or_default();
    // Our fonts first for text; egui's defaults stay behind them for emoji and symbols.
    for (i, (name, _)) in BUNDLED.iter().enumerate() {
        proportional.insert(i, (*name).to_owned());
    }
    fonts
}

/// Every font the canvas draws with, in fallback order (the bundled ones, then egui's own), for
/// writers that embed fonts (PDF).
pub fn all() -> Vec<egui::epaint::text::Blob> {
    let definitions = definitions();
    let order = definitions.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    order.iter().filter_map(|name| definitions.font_data.get(name)).map(|data| data.font.clone()).collect()
}

/// Installs the bundled fonts into a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

#[cfg(test)]
mod tests {
    /// Every character of the templates and of the source articles (Indonesian, Arabic, Thai,
    /// German) has a glyph in the bundled fonts: no tofu on the canvas or in an export.
    #[test]
    fn templates_and_seed_languages_render_without_tofu() {
        let ctx = egui::Context::default();
        ctx.set_missing_glyph_policy(egui::epaint::text::MissingGlyphPolicy::Panic);
        super::install(&ctx);
        let mut texts: Vec<String> = crate::templates::ALL.iter().map(|t| t.text.to_owned()).collect();
        texts.push(include_str!("../tests/fixtures/languages.txt").to_owned());
        let mut missing = std::collections::BTreeSet::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.ctx().fonts_mut(|fonts| {
                for c in texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_control()) {
                    if !fonts.has_glyph(&egui::FontId::proportional(14.0), c) {
                        missing.insert(c);
                    }
                }
            });
        });
        output.textures_delta.clear();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}
