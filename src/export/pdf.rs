//! PDF: one page holding the map, made from the SVG export so both formats show the same drawing.
//! Text stays text, in the bundled fonts (embedded and subset), so it can be selected and
//! searched in every language the fonts cover.

use std::sync::Arc;

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt as _, SvgSettings};

use super::{ExportError, ExportOptions, svg};
use crate::model::Map;

/// PDF viewers refuse pages larger than 200 inches a side; bigger maps are scaled down to it.
pub const MAX_PAGE_SIDE: f32 = 14_400.0;

/// Paper sizes `--fit` accepts by name, landscape, in points.
pub const PAPER: [(&str, [u32; 2]); 3] = [("a4", [842, 595]), ("a3", [1191, 842]), ("letter", [792, 612])];

/// A map as a one-page PDF.
pub fn render_pdf(map: &Map, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let painting = super::paint_vector(map, options, None)?;
    let markup = svg::write(&painting);
    let page = page_size(painting.display);
    let metadata = Metadata::new()
        .title(map.title.clone())
        .description(map.scenario.clone())
        .creator("Touchline".to_owned());
    let metadata = if map.author.is_empty() { metadata } else { metadata.authors(vec![map.author.clone()]) };
    from_svg(&markup, page, metadata)
}

/// The page for a drawing shown at `display` points: the same, or scaled down to what PDF
/// viewers open.
pub fn page_size(display: egui::Vec2) -> egui::Vec2 {
    let largest = display.x.max(display.y);
    if largest > MAX_PAGE_SIDE { display * (MAX_PAGE_SIDE / largest) } else { display }
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    for bytes in crate::fonts::all() {
        db.load_font_data(bytes);
    }
    Arc::new(db)
}

fn from_svg(markup: &str, page: egui::Vec2, metadata: Metadata) -> Result<Vec<u8>, ExportError> {
    let options =
        usvg::Options { fontdb: fonts(), font_family: "Noto Sans".to_owned(), ..Default::default() };
    let tree = usvg::Tree::from_str(markup, &options)
        .map_err(|e| ExportError::Render(format!("the drawing could not be read back: {e}")))?;
    let size = Size::from_wh(page.x, page.y)
        .ok_or_else(|| ExportError::Options(format!("a page of {}×{} points is empty", page.x, page.y)))?;
    let mut document = Document::new();
    let mut pdf_page = document.start_page_with(PageSettings::new(size));
    let mut surface = pdf_page.surface();
    surface.draw_svg(&tree, size, SvgSettings::default());
    surface.finish();
    pdf_page.finish();
    document.set_metadata(metadata);
    document.finish().map_err(|e| ExportError::Render(format!("cannot write the PDF: {e:?}")))
}
