//! `touchline diff`, `touchline merge` and `touchline show`: maps in git.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::merge::merge;
use super::{all_items, diff, map_fields};
use crate::exit::USAGE;
use crate::file;
use crate::model::Map;

/// Options of `touchline diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older map.
    pub old: PathBuf,
    /// The newer map.
    pub new: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also write an image (PNG or SVG) of the newer map with the changes marked: added green,
    /// changed amber, removed as red ghosts where they were.
    #[arg(long, short, value_name = "DIFF.png|svg")]
    pub output: Option<PathBuf>,
}

/// Options of `touchline merge`.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A); the result is written here unless `-o` is given.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the result.
    #[arg(long, short, value_name = "OUT.ron")]
    pub output: Option<PathBuf>,
}

fn load_or_usage(path: &Path) -> Result<Map, ExitCode> {
    file::load(path).map_err(|e| {
        let _ = writeln!(std::io::stderr(), "{e}");
        ExitCode::from(USAGE)
    })
}

/// Exit 0 when the maps are equal, 1 when they differ, 2 when one cannot be read (as `diff`).
pub fn run_diff(args: &DiffArgs) -> ExitCode {
    let (old, new) = match (load_or_usage(&args.old), load_or_usage(&args.new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    if let Some(out) = &args.output
        && !matches!(
            crate::export::Format::from_path(out),
            Some(crate::export::Format::Png | crate::export::Format::Svg)
        )
    {
        return crate::exit::usage(format!(
            "{}: diff images are PNG or SVG; name it .png or .svg",
            out.display()
        ));
    }
    let changes = diff(&old, &new);
    if args.json {
        match serde_json::to_string_pretty(&changes) {
            Ok(text) => println!("{text}"),
            Err(e) => return crate::exit::fail(e),
        }
    } else {
        print!("{}", changes.to_text());
    }
    if let Some(out) = &args.output
        && let Err(e) = super::image::write(&old, &new, &changes, out, crate::pictures::folder_of(&args.new))
    {
        return crate::exit::fail(e);
    }
    if changes.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Exit 0 on a clean merge, 1 with conflicts (the result is written all the same), 2 when a
/// version cannot be read (nothing is written).
pub fn run_merge(args: &MergeArgs) -> ExitCode {
    let maps = [&args.base, &args.ours, &args.theirs].map(|p| load_or_usage(p));
    let [Ok(base), Ok(ours), Ok(theirs)] = maps else {
        return maps.into_iter().find_map(Result::err).unwrap_or(ExitCode::from(USAGE));
    };
    let merged = merge(&base, &ours, &theirs);
    let out = args.output.as_ref().unwrap_or(&args.ours);
    if let Err(e) = file::save(&merged.map, out) {
        return crate::exit::fail(format!("{}: cannot write: {e}", out.display()));
    }
    let mut stderr = std::io::stderr();
    for conflict in &merged.conflicts {
        let _ = writeln!(stderr, "{}: {conflict}", args.ours.display());
    }
    if merged.conflicts.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// One readable line per item, in the file's order: what git's `textconv` shows, so that
/// `git diff` and `git log -p` read as changes to cards, stages and lanes.
pub fn listing(map: &Map) -> String {
    let mut out = String::new();
    for (key, value) in map_fields(map) {
        let _ = writeln!(out, "{}", super::shown_safely(&format!("map {key}: {value}")));
    }
    for items in all_items(map) {
        for id in &items.order {
            let fields = &items.fields[id];
            let mut line = format!("{} {id}", items.kind);
            let name = super::name_of(fields);
            if !name.is_empty() {
                let _ = write!(line, " {name:?}");
            }
            if items.kind == "card" {
                let _ = write!(line, " in {}", super::cell_name(map, fields));
            }
            let rest: Vec<String> = fields
                .iter()
                .filter(|(k, _)| !["id", "name", "title", "lane", "stage"].contains(&k.as_str()))
                .map(|(k, v)| format!("{k}: {v}"))
                .collect();
            if !rest.is_empty() {
                line.push_str(" · ");
                line.push_str(&rest.join(" · "));
            }
            out.push_str(&super::shown_safely(&line));
            out.push('\n');
        }
    }
    out
}

pub fn run_show(path: &Path) -> ExitCode {
    match file::load(path) {
        Ok(map) => {
            print!("{}", listing(&map));
            ExitCode::SUCCESS
        }
        Err(e) => crate::exit::fail(e),
    }
}
