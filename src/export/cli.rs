//! `touchline export`: a PNG, SVG or PDF of a map, with no window and no display.

use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{Destination, Kind, destination};
use super::{ExportOptions, Format, SCALE_RANGE};
use crate::data::DataFormat;
use crate::layout::View;
use crate::theme::ThemeKind;

/// Options of `touchline export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export.
    pub map: PathBuf,
    /// Where to write the image: `.png`, `.svg` or `.pdf` (or `.csv`, `.mmd`); `-` writes to
    /// standard output (name the format with --format).
    #[arg(long, short, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace an existing file that holds something else than this kind of export (a map is
    /// never replaced).
    #[arg(long)]
    pub force: bool,
    /// The format, when the file name does not say it.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Which drawing of the map.
    #[arg(long, value_enum, default_value_t = ViewArg::Journey)]
    pub view: ViewArg,
    /// In the blueprint view, also show the lanes that are not blueprint lanes, grouped below.
    #[arg(long)]
    pub other_lanes: bool,
    /// From 1 to 4: pixels per point of a PNG (default 2), or the size an SVG or PDF is shown at
    /// (default 1, the map's own size).
    #[arg(long, value_parser = parse_scale)]
    pub scale: Option<f32>,
    /// The image's theme, whatever the editor uses.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Leave everything outside cards, headers and curves transparent.
    #[arg(long)]
    pub transparent: bool,
    /// Only these stages, 1-based and inclusive: `2..4`, or `3` for one stage.
    #[arg(long, value_name = "A..B", value_parser = parse_stages)]
    pub stages: Option<(usize, usize)>,
    /// An image of exactly this size, with the map scaled to fit and centred: `1920x1080`; for a
    /// PDF also a landscape paper size: `a4`, `a3` or `letter`.
    #[arg(long, value_name = "WxH", value_parser = parse_fit)]
    pub fit: Option<Fit>,
    /// The large type of presentation mode (card titles at 26 points), so slides match the room.
    #[arg(long)]
    pub large_type: bool,
    /// Draw the dots of a workshop's dot vote on the cards.
    #[arg(long)]
    pub votes: bool,
    /// How an SVG carries its text: `outlines` (the default) looks the same in every viewer, the
    /// words selectable but not editable; `embedded` is editable text with the fonts inside the
    /// file (browsers and Inkscape read them); `system` names the fonts and embeds nothing, for
    /// Figma or Illustrator on a machine that has them.
    #[arg(long, value_enum, value_name = "MODE")]
    pub svg_text: Option<SvgTextArg>,
    /// Lay the map out this way for this export, whatever the map says: `rtl` puts stage 1 at
    /// the right, `ltr` at the left.
    #[arg(long, value_enum)]
    pub direction: Option<DirectionArg>,
    /// Draw the map beside its other state: this map and the one named here, one above the
    /// other, stages aligned, both sentiment curves in one Emotions lane, the future's changes
    /// marked (the current state goes on top, whichever is named first).
    #[arg(long, value_name = "OTHER_MAP")]
    pub compare: Option<PathBuf>,
    /// Also read pictures the map names outside its own folder (absolute paths, `../..`): by
    /// default they are drawn as placeholders, so a map from someone else cannot put your other
    /// files into the export.
    #[arg(long)]
    pub allow_outside_pictures: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Png,
    Svg,
    Pdf,
    /// A slide deck (PowerPoint, Keynote, Google Slides, LibreOffice Impress).
    Pptx,
    /// The cards as a spreadsheet, one row per card (what `touchline import` reads back).
    Csv,
    /// A Mermaid `journey` diagram, for a README.
    Mermaid,
}

/// `--fit`: a size in pixels (points for a PDF), or a paper size by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Size([u32; 2]),
    Paper(&'static str, [u32; 2]),
    /// A slide deck's ratio: `16:9` or `4:3`.
    Ratio([u32; 2]),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SvgTextArg {
    Outlines,
    Embedded,
    System,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ViewArg {
    Journey,
    Blueprint,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DirectionArg {
    Ltr,
    Rtl,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
    HighContrast,
}

fn parse_scale(s: &str) -> Result<f32, String> {
    let scale: f32 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if SCALE_RANGE.contains(&scale) { Ok(scale) } else { Err(format!("{scale} is outside 1..4")) }
}

fn parse_stages(s: &str) -> Result<(usize, usize), String> {
    let number =
        |t: &str| t.trim().parse::<usize>().map_err(|_| format!("{s:?} is not a stage range like 2..4"));
    let (a, b) = match s.split_once("..") {
        Some((a, b)) => (number(a)?, number(b.trim_start_matches('='))?),
        None => {
            let n = number(s)?;
            (n, n)
        }
    };
    if a == 0 || a > b {
        return Err(format!("{s:?}: stages count from 1 and the range must not be reversed"));
    }
    Ok((a, b))
}

fn parse_fit(s: &str) -> Result<Fit, String> {
    let name = s.trim().to_lowercase();
    match name.as_str() {
        "16:9" => return Ok(Fit::Ratio([16, 9])),
        "4:3" => return Ok(Fit::Ratio(super::deck::STANDARD_RATIO)),
        _ => {}
    }
    if let Some((name, size)) = super::pdf::PAPER.into_iter().find(|(n, _)| *n == name) {
        return Ok(Fit::Paper(name, size));
    }
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("{s:?} is not a size like 1920x1080 or a paper size (a4, a3, letter)"))?;
    let w: u32 = w.trim().parse().map_err(|_| format!("{s:?} is not a size like 1920x1080"))?;
    let h: u32 = h.trim().parse().map_err(|_| format!("{s:?} is not a size like 1920x1080"))?;
    if w == 0 || h == 0 || w > 20_000 || h > 20_000 {
        return Err(format!("{s:?}: width and height must be between 1 and 20000"));
    }
    Ok(Fit::Size([w, h]))
}

impl ExportArgs {
    /// The format asked for: `--format`, else the file's extension.
    pub fn format(&self) -> Result<Format, String> {
        let named = Format::from_path(&self.output);
        let asked = self.format.and_then(|f| match f {
            FormatArg::Png => Some(Format::Png),
            FormatArg::Svg => Some(Format::Svg),
            FormatArg::Pdf => Some(Format::Pdf),
            FormatArg::Pptx => Some(Format::Slides),
            FormatArg::Csv | FormatArg::Mermaid => None,
        });
        let shown = self.output.display();
        match (asked, named) {
            (Some(asked), _) => Ok(asked),
            (None, Some(named)) => Ok(named),
            (None, None) => Err(format!(
                "{shown}: cannot tell the format; name the file .png, .svg, .pdf, .pptx, .csv or .mmd, or \
                 give --format png|svg|pdf|pptx|csv|mermaid"
            )),
        }
    }

    pub fn options(&self, format: Format) -> ExportOptions {
        ExportOptions {
            format,
            view: match self.view {
                ViewArg::Journey => View::Journey,
                ViewArg::Blueprint => View::Blueprint { other_lanes: self.other_lanes },
            },
            scale: self.scale.unwrap_or(format.default_scale()),
            theme: match self.theme {
                ThemeArg::Light => ThemeKind::Light,
                ThemeArg::Dark => ThemeKind::Dark,
                ThemeArg::HighContrast => ThemeKind::HighContrast,
            },
            transparent: self.transparent,
            stages: self.stages,
            fit: self.fit.and_then(|fit| match fit {
                Fit::Size(size) | Fit::Paper(_, size) => Some(size),
                // A deck is 16:9 unless asked for 4:3.
                Fit::Ratio(ratio) => (ratio == super::deck::STANDARD_RATIO).then_some(ratio),
            }),
            large_type: self.large_type,
            votes: self.votes,
            svg_text: match self.svg_text {
                None | Some(SvgTextArg::Outlines) => super::svg::SvgText::Outlines,
                Some(SvgTextArg::Embedded) => super::svg::SvgText::Embedded,
                Some(SvgTextArg::System) => super::svg::SvgText::System,
            },
        }
    }
}

/// The data format asked for, if any: `--format csv|mermaid`, else a `.csv`, `.tsv` or `.mmd` name.
fn data_format(args: &ExportArgs) -> Option<DataFormat> {
    match args.format {
        Some(FormatArg::Csv) => Some(DataFormat::Csv),
        Some(FormatArg::Mermaid) => Some(DataFormat::Mermaid),
        Some(_) => None,
        None => {
            let extension = args.output.extension()?.to_string_lossy().to_lowercase();
            DataFormat::from_path(&args.output).filter(|_| extension != "md" && extension != "markdown")
        }
    }
}

/// The pictures of `map` (the other state of a comparison), read from its own `folder`, each
/// named in the map and in the set by where it is, so that a picture of the same name beside
/// the first map is not taken for it.
fn theirs_pictures(
    map: &mut crate::model::Map,
    folder: Option<&std::path::Path>,
    reach: crate::pictures::Reach,
) -> crate::pictures::Set {
    let read = crate::pictures::Set::load(map, folder, reach);
    let placed = |name: &str| crate::pictures::resolve(folder, name).display().to_string();
    let names = map.cards.iter_mut().filter_map(|c| c.image.as_mut());
    for name in names.chain(map.personas.iter_mut().filter_map(|p| p.image.as_mut())) {
        *name = placed(name);
    }
    crate::pictures::Set { pictures: read.pictures.into_iter().map(|(name, p)| (placed(&name), p)).collect() }
}

/// Writes the map's data: its cards as CSV/TSV, or its journey as Mermaid.
fn export_data(args: &ExportArgs, format: DataFormat, to: &Destination) -> ExitCode {
    let map = match crate::file::load(&args.map) {
        Ok(map) => map,
        Err(e) => return crate::exit::fail(e),
    };
    let text = match format {
        DataFormat::Csv => crate::data::csv::write(&map, b','),
        DataFormat::Tsv => crate::data::csv::write(&map, b'\t'),
        DataFormat::Mermaid => Ok(crate::data::mermaid::write(&map)),
    };
    let text = match text {
        Ok(text) => text,
        Err(source) => {
            return crate::exit::fail(super::ExportError::Write {
                path: args.output.display().to_string(),
                source,
            });
        }
    };
    match deliver(text.as_bytes(), to, args) {
        Ok(()) => {
            let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            let what = if format == DataFormat::Mermaid {
                count(crate::data::mermaid::task_count(&map), "task", "tasks")
            } else {
                count(map.cards.len(), "card", "cards")
            };
            wrote(args, to, &what);
            let left_out = crate::data::left_out(&map, format);
            if !left_out.is_empty() {
                eprintln!("note: {} has no place for {}", format.name(), left_out.join(", "));
            }
            ExitCode::SUCCESS
        }
        Err(e) => crate::exit::fail(e),
    }
}

fn deliver(bytes: &[u8], to: &Destination, args: &ExportArgs) -> Result<(), super::ExportError> {
    to.write(bytes)
        .map_err(|source| super::ExportError::Write { path: args.output.display().to_string(), source })
}

/// Says what was written, unless the export itself went to standard output.
fn wrote(args: &ExportArgs, to: &Destination, what: &str) {
    if !to.is_stdout() {
        println!("wrote {} ({what})", args.output.display());
    }
}

pub fn run(args: &ExportArgs) -> ExitCode {
    if let Some(parent) = args.output.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return crate::exit::fail(format!(
            "{}: folder {} does not exist",
            args.output.display(),
            parent.display()
        ));
    }
    if let Some(format) = data_format(args) {
        let kind = if format == DataFormat::Mermaid { Kind::Mermaid } else { Kind::Csv };
        return match destination(&args.output, kind, args.force) {
            Ok(to) => export_data(args, format, &to),
            Err(message) => crate::exit::fail(message),
        };
    }
    let format = match args.format() {
        Ok(format) => format,
        Err(message) => return crate::exit::usage(message),
    };
    let kind = match format {
        Format::Png => Kind::Png,
        Format::Svg => Kind::Svg,
        Format::Pdf => Kind::Pdf,
        Format::Slides => Kind::Slides,
    };
    let to = match destination(&args.output, kind, args.force) {
        Ok(to) => to,
        Err(message) => return crate::exit::fail(message),
    };
    if let Some(Fit::Paper(name, _)) = args.fit
        && format != Format::Pdf
    {
        return crate::exit::usage(format!(
            "--fit {name} is a paper size, for PDF; give the {} a size in pixels like 1920x1080",
            format.label()
        ));
    }
    match (args.fit, format) {
        (Some(Fit::Ratio(_)), Format::Slides) | (None, _) => {}
        (Some(Fit::Ratio([w, h])), _) => {
            return crate::exit::usage(format!(
                "--fit {w}:{h} is a slide deck's ratio; give the {} a size like 1920x1080",
                format.label()
            ));
        }
        (Some(_), Format::Slides) => {
            return crate::exit::usage("a slide deck takes --fit 16:9 (the default) or --fit 4:3");
        }
        (Some(_), _) => {}
    }
    if args.svg_text.is_some() && format != Format::Svg {
        return crate::exit::usage(format!(
            "--svg-text is for SVG exports; a {} carries its text its own way",
            format.label()
        ));
    }
    let mut map = match crate::file::load(&args.map) {
        Ok(map) => map,
        Err(e) => return crate::exit::fail(e),
    };
    let mut marks = None;
    let reach = if args.allow_outside_pictures {
        crate::pictures::Reach::Anywhere
    } else {
        crate::pictures::Reach::MapFolder
    };
    // The other state's pictures, read from its own folder.
    let mut other_pictures = None;
    if let Some(other_path) = &args.compare {
        if format == Format::Slides {
            return crate::exit::usage("--compare draws one picture: export it as PNG, SVG or PDF");
        }
        let mut other = match crate::file::load(other_path) {
            Ok(other) => other,
            Err(e) => return crate::exit::fail(e),
        };
        let folder = crate::pictures::folder_of(other_path);
        if folder != crate::pictures::folder_of(&args.map) {
            other_pictures = Some(theirs_pictures(&mut other, folder, reach));
        }
        let comparison = crate::diff::compare::compare_states(&map, &other);
        map = comparison.map;
        marks = Some(comparison.marks);
    }
    match args.direction {
        Some(DirectionArg::Ltr) => map.direction = crate::model::MapDirection::LeftToRight,
        Some(DirectionArg::Rtl) => map.direction = crate::model::MapDirection::RightToLeft,
        None => {}
    }
    let options = args.options(format);
    // The pictures of the stages exported: a wrong range is reported by the export itself.
    let shown = super::select_stages(&map, options.stages).unwrap_or_default();
    let mut pictures = crate::pictures::Set::load(&shown, crate::pictures::folder_of(&args.map), reach);
    if let Some(theirs) = other_pictures {
        pictures.pictures.extend(theirs.pictures);
    }
    let unshown = crate::pictures::unshown(&shown, |name| pictures.problem(name));
    for warning in crate::pictures::warnings(&args.map, &unshown) {
        eprintln!("{warning}");
    }
    let job = super::Job { map: &map, options: &options, marks: marks.as_ref(), pictures: &pictures };
    let written = job.render().and_then(|rendered| {
        deliver(&rendered.bytes, &to, args)?;
        Ok(rendered.summary)
    });
    match written {
        Ok(what) => {
            wrote(args, &to, &what);
            ExitCode::SUCCESS
        }
        // A range or size the map cannot have is a usage error, like a malformed one.
        Err(e) if e.is_options() => crate::exit::usage(e),
        Err(e) => crate::exit::fail(e),
    }
}
