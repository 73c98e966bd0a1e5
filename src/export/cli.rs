//! `touchline export`: a PNG of a map, with no window and no display.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{ExportOptions, Gpu, SCALE_RANGE, render_image, write_png};
use crate::layout::View;
use crate::theme::ThemeKind;

/// Options of `touchline export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export.
    pub map: PathBuf,
    /// Where to write the PNG.
    #[arg(long, short, value_name = "OUT.png")]
    pub output: PathBuf,
    /// Which drawing of the map.
    #[arg(long, value_enum, default_value_t = ViewArg::Journey)]
    pub view: ViewArg,
    /// In the blueprint view, also show the lanes that are not blueprint lanes, grouped below.
    #[arg(long)]
    pub other_lanes: bool,
    /// Pixels per point, from 1 to 4: the image's width and height scale with it.
    #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
    pub scale: f32,
    /// The image's theme, whatever the editor uses.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    pub theme: ThemeArg,
    /// Leave everything outside cards, headers and curves transparent.
    #[arg(long)]
    pub transparent: bool,
    /// Only these stages, 1-based and inclusive: `2..4`, or `3` for one stage.
    #[arg(long, value_name = "A..B", value_parser = parse_stages)]
    pub stages: Option<(usize, usize)>,
    /// An image of exactly this size, with the map scaled to fit and centred: `1920x1080`.
    #[arg(long, value_name = "WxH", value_parser = parse_fit)]
    pub fit: Option<[u32; 2]>,
    /// The large type of presentation mode (card titles at 26 points), so slides match the room.
    #[arg(long)]
    pub large_type: bool,
    /// Draw the dots of a workshop's dot vote on the cards.
    #[arg(long)]
    pub votes: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ViewArg {
    Journey,
    Blueprint,
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

fn parse_fit(s: &str) -> Result<[u32; 2], String> {
    let (w, h) =
        s.split_once(['x', 'X', '×']).ok_or_else(|| format!("{s:?} is not a size like 1920x1080"))?;
    let w: u32 = w.trim().parse().map_err(|_| format!("{s:?} is not a size like 1920x1080"))?;
    let h: u32 = h.trim().parse().map_err(|_| format!("{s:?} is not a size like 1920x1080"))?;
    if w == 0 || h == 0 || w > 20_000 || h > 20_000 {
        return Err(format!("{s:?}: width and height must be between 1 and 20000"));
    }
    Ok([w, h])
}

impl ExportArgs {
    pub fn options(&self) -> ExportOptions {
        ExportOptions {
            view: match self.view {
                ViewArg::Journey => View::Journey,
                ViewArg::Blueprint => View::Blueprint { other_lanes: self.other_lanes },
            },
            scale: self.scale,
            theme: match self.theme {
                ThemeArg::Light => ThemeKind::Light,
                ThemeArg::Dark => ThemeKind::Dark,
                ThemeArg::HighContrast => ThemeKind::HighContrast,
            },
            transparent: self.transparent,
            stages: self.stages,
            fit: self.fit,
            large_type: self.large_type,
            votes: self.votes,
        }
    }
}

/// The image formats `export` writes, by file extension.
const FORMATS: [&str; 1] = ["png"];

pub fn run(args: &ExportArgs) -> ExitCode {
    let extension = args.output.extension().map(|e| e.to_string_lossy().to_lowercase());
    if !extension.as_deref().is_some_and(|e| FORMATS.contains(&e)) {
        return crate::cli::usage(format!(
            "{}: cannot tell the format; name the file .png (the formats export writes: PNG)",
            args.output.display()
        ));
    }
    let map = match crate::file::load(&args.map) {
        Ok(map) => map,
        Err(e) => return crate::cli::fail(e),
    };
    if let Some(parent) = args.output.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        return crate::cli::fail(format!(
            "{}: folder {} does not exist",
            args.output.display(),
            parent.display()
        ));
    }
    // The range is checked before the renderer starts, so a wrong one answers at once.
    let result = super::select_stages(&map, args.stages)
        .and_then(|_| Gpu::headless())
        .and_then(|mut gpu| render_image(&map, &args.options(), &mut gpu));
    let image = match result {
        Ok(image) => image,
        // A range or size the map cannot have is a usage error, like a malformed one.
        Err(e @ super::ExportError::Options(_)) => return crate::cli::usage(e),
        Err(e) => return crate::cli::fail(e),
    };
    match write_png(&image, &args.output) {
        Ok(()) => {
            println!("wrote {} ({}×{})", args.output.display(), image.width(), image.height());
            ExitCode::SUCCESS
        }
        Err(e) => crate::cli::fail(e),
    }
}
