//! `touchline report`: a folder's roll-up for people who never open the editor, as a
//! spreadsheet (every pain point and opportunity, one row each) or a PDF (a summary of the maps,
//! the roll-up's top rows, then one page per map).

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use super::Folder;
use super::rollup::{Kind, Row};
use crate::export::{ExportError, ExportOptions, Format, Pages, pdf};

/// The spreadsheet's columns, in order.
pub const CSV_COLUMNS: [&str; 14] = [
    "Map",
    "File",
    "State",
    "Stage",
    "Kind",
    "Title",
    "Owner",
    "Votes",
    "Reported by %",
    "Drop-off %",
    "Evidence",
    "Priority",
    "Effort",
    "Card id",
];

/// Every row as CSV, with a header line. A map's words come from its author: cells a
/// spreadsheet would run as formulas are written as text.
pub fn csv(rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS)?;
    let number = |n: Option<f32>| n.map(|n| n.to_string()).unwrap_or_default();
    for r in rows {
        let cells = [
            r.map.as_str(),
            r.file.as_str(),
            r.state.label(),
            r.stage.as_str(),
            r.kind.label(),
            r.title.as_str(),
            r.owner.as_str(),
            &r.votes.to_string(),
            &number(r.reported),
            &number(r.drop_off),
            r.evidence.map_or("", |e| e.label()),
            r.priority.map_or("", |p| p.label()),
            r.effort.map_or("", |e| e.label()),
            r.card.as_str(),
        ];
        out.write_record(cells.iter().map(|c| crate::data::csv::guarded(c).into_owned()))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A4 landscape, in points.
const PAGE: Vec2 = vec2(842.0, 595.0);
const MARGIN: f32 = 36.0;
const ROW: f32 = 17.0;
const TEXT: f32 = 9.0;
/// The roll-up's rows the summary shows, in the order asked for (one page of them); the
/// spreadsheet has them all.
pub const TOP_ROWS: usize = 25;

const INK: Color32 = Color32::from_rgb(0x1f, 0x29, 0x37);
const MUTED: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);
const RULE: Color32 = Color32::from_rgb(0xd1, 0xd5, 0xdb);
const BAND: Color32 = Color32::from_rgb(0xf3, 0xf4, 0xf6);

/// One column of a table: its heading, share of the width, and whether it holds numbers
/// (aligned right).
struct Column {
    heading: &'static str,
    share: f32,
    number: bool,
}

const fn column(heading: &'static str, share: f32, number: bool) -> Column {
    Column { heading, share, number }
}

/// The PDF: a title, a table of the maps, the roll-up's first [`TOP_ROWS`] rows, then every
/// map that reads on a page of its own, at its own size (its text at the size it is drawn). `subtitle` says which folder and when.
pub fn pdf(folder: &Folder, rows: &[Row], subtitle: &str) -> Result<Vec<u8>, ExportError> {
    let pages = Pages::default();
    let maps_table: Vec<Vec<String>> = folder
        .entries
        .iter()
        .map(|entry| match &entry.map {
            Ok(map) => {
                let count =
                    |kind: Kind| rows.iter().filter(|r| r.file == entry.name && r.kind == kind).count();
                let changed = entry
                    .commit
                    .as_ref()
                    .map(|c| format!("{} {}", super::lint::date(c.seconds), c.author))
                    .or_else(|| entry.modified.map(|m| super::lint::date(seconds(m))))
                    .unwrap_or_default();
                vec![
                    map.title.clone(),
                    entry.name.clone(),
                    map.state.label().to_owned(),
                    map.stages.len().to_string(),
                    map.cards.len().to_string(),
                    count(Kind::PainPoint).to_string(),
                    count(Kind::Opportunity).to_string(),
                    map.cards.iter().map(|c| u64::from(c.votes)).sum::<u64>().to_string(),
                    changed,
                ]
            }
            Err(e) => vec![entry.name.clone(), entry.name.clone(), format!("does not read: {e}")],
        })
        .collect();
    let maps_columns = [
        column("Map", 0.27, false),
        column("File", 0.2, false),
        column("State", 0.1, false),
        column("Stages", 0.06, true),
        column("Cards", 0.06, true),
        column("Pain points", 0.08, true),
        column("Opportunities", 0.09, true),
        column("Votes", 0.05, true),
        column("Last change", 0.09, false),
    ];
    let top: Vec<Vec<String>> = rows
        .iter()
        .take(TOP_ROWS)
        .map(|r| {
            let percent = |n: Option<f32>| n.map(|n| format!("{n}%")).unwrap_or_default();
            vec![
                r.kind.label().to_owned(),
                r.title.clone(),
                r.map.clone(),
                r.stage.clone(),
                r.owner.clone(),
                r.votes.to_string(),
                percent(r.reported),
                percent(r.drop_off),
            ]
        })
        .collect();
    let top_columns = [
        column("Kind", 0.09, false),
        column("Title", 0.31, false),
        column("Map", 0.19, false),
        column("Stage", 0.11, false),
        column("Owner", 0.1, false),
        column("Votes", 0.05, true),
        column("Reported by", 0.08, true),
        column("Drop-off", 0.07, true),
    ];
    let mut paintings = Vec::new();
    let title = format!("Journey portfolio: {}", folder_name(folder));
    let top_title = format!("Pain points and opportunities: the first {} of {}", top.len(), rows.len());
    let sections = [("Maps", &maps_columns[..], &maps_table), (top_title.as_str(), &top_columns[..], &top)];
    let mut header = Some((title.as_str(), subtitle));
    for (heading, columns, cells) in sections {
        let mut start = 0;
        loop {
            let mut shown = 0;
            let painting = pages.page(PAGE, &title, |painter| {
                shown = table_page(painter, header.take(), heading, columns, &cells[start..]);
            });
            paintings.push(painting);
            start += shown.max(1);
            if start >= cells.len() {
                break;
            }
        }
    }
    // Each map is painted when its page is written, so the report never holds them all.
    let maps = folder.maps().map(|(entry, map)| {
        let folder_of_map = crate::pictures::folder_of(&entry.path);
        let pictures = crate::pictures::Set::load(map, folder_of_map, crate::pictures::Reach::MapFolder);
        let options = ExportOptions { format: Format::Pdf, scale: 1.0, ..ExportOptions::default() };
        crate::export::paint_vector(map, &options, None, &pictures)
    });
    let about = pdf::About { title, description: subtitle.to_owned(), author: String::new() };
    pdf::write_pages(paintings.into_iter().map(Ok).chain(maps), &about)
}

fn folder_name(folder: &Folder) -> String {
    let absolute = folder.root.canonicalize().unwrap_or_else(|_| folder.root.clone());
    absolute.file_name().map_or_else(|| absolute.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Seconds since 1970 of a file time.
pub fn seconds(time: std::time::SystemTime) -> i64 {
    time.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Draws a page of a table: the document's title on the first page, the section's heading, the
/// column headings and as many rows as fit. Returns how many rows it drew.
fn table_page(
    painter: &egui::Painter,
    header: Option<(&str, &str)>,
    heading: &str,
    columns: &[Column],
    cells: &[Vec<String>],
) -> usize {
    let ctx = painter.ctx();
    let width = PAGE.x - 2.0 * MARGIN;
    let mut y = MARGIN;
    if let Some((title, subtitle)) = header {
        crate::text::paint(
            painter,
            pos2(MARGIN, y),
            Align2::LEFT_TOP,
            title,
            FontId::proportional(20.0),
            INK,
        );
        y += 28.0;
        crate::text::paint(
            painter,
            pos2(MARGIN, y),
            Align2::LEFT_TOP,
            subtitle,
            FontId::proportional(10.0),
            MUTED,
        );
        y += 28.0;
    }
    crate::text::paint(painter, pos2(MARGIN, y), Align2::LEFT_TOP, heading, FontId::proportional(13.0), INK);
    y += 22.0;
    let lefts: Vec<f32> = columns
        .iter()
        .scan(MARGIN, |x, c| {
            let left = *x;
            *x += c.share * width;
            Some(left)
        })
        .collect();
    let cell = |painter: &egui::Painter, y: f32, i: usize, text: &str, colour: Color32| {
        let c = &columns[i];
        let room = c.share * width - 8.0;
        let text = fitted(ctx, text, room);
        let (at, align) = if c.number {
            (pos2(lefts[i] + c.share * width - 4.0, y + ROW / 2.0), Align2::RIGHT_CENTER)
        } else {
            (pos2(lefts[i] + 4.0, y + ROW / 2.0), Align2::LEFT_CENTER)
        };
        crate::text::paint(painter, at, align, &text, FontId::proportional(TEXT), colour);
    };
    for (i, c) in columns.iter().enumerate() {
        cell(painter, y, i, c.heading, MUTED);
    }
    y += ROW;
    painter.line_segment([pos2(MARGIN, y), pos2(MARGIN + width, y)], Stroke::new(1.0, RULE));
    let rows_fit = ((PAGE.y - MARGIN - y) / ROW).floor().max(1.0) as usize;
    let shown = cells.len().min(rows_fit);
    for (n, row) in cells[..shown].iter().enumerate() {
        if n % 2 == 1 {
            painter.rect_filled(Rect::from_min_size(Pos2::new(MARGIN, y), vec2(width, ROW)), 0.0, BAND);
        }
        for (i, text) in row.iter().enumerate().take(columns.len()) {
            cell(painter, y, i, text, INK);
        }
        y += ROW;
    }
    shown
}

/// `text` on one line, cut with `…` to fit `room` points.
fn fitted(ctx: &egui::Context, text: &str, room: f32) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let font = FontId::proportional(TEXT);
    let mut shown = one_line.clone();
    for _ in 0..4 {
        let width = crate::text::no_wrap(ctx, &shown, font.clone(), INK).size().x;
        if width <= room {
            return shown;
        }
        let chars = shown.trim_end_matches('…').chars().count();
        let keep =
            ((chars as f32 * room / width).floor() as usize).saturating_sub(1).min(chars.saturating_sub(1));
        shown = one_line.chars().take(keep).collect::<String>().trim_end().to_owned() + "…";
    }
    shown
}
