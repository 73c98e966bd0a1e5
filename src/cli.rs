//! The command line: `touchline [MAP]` opens the editor; subcommands work headlessly.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::exit::{fail, usage};
use crate::file::{self, LoadError};
use crate::model::Map;
use crate::templates;

#[derive(Debug, Parser)]
#[command(
    name = "touchline",
    version,
    about = "Customer journey maps and service blueprints: edit, check, format and export them.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// A map to open in the editor. Without one, the start screen offers the templates.
    pub map: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate maps; print every problem as `file:line:col: message` or `file: item: message`.
    /// A folder checks every map in it and its subfolders (a team's repository of maps), and
    /// the maps they link to.
    Check {
        #[arg(required = true, value_name = "MAP_OR_FOLDER")]
        maps: Vec<PathBuf>,
        /// Apply the reviewer's rules too, as `touchline lint` does.
        #[arg(long)]
        lint: bool,
        #[command(flatten)]
        walk: crate::portfolio::cli::WalkArgs,
    },
    /// Check maps and apply the rules a reviewer would (owners, evidence, curve points,
    /// duplicates, stale maps); `--format github` annotates a pull request.
    Lint(crate::portfolio::cli::LintArgs),
    /// Every pain point and opportunity of a folder's maps, as a spreadsheet (`-o report.csv`)
    /// or a PDF (`-o report.pdf`: a summary, then a page per map).
    Report(crate::portfolio::cli::ReportArgs),
    /// Rewrite maps in canonical form (like rustfmt), atomically.
    Fmt {
        /// Change nothing; list the maps that are not in canonical form and exit 1 if any.
        #[arg(long)]
        check: bool,
        #[arg(required = true, value_name = "MAP")]
        maps: Vec<PathBuf>,
    },
    /// Print a summary of a map: title and counts of its parts.
    Info {
        map: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a new map, blank or from a template.
    New {
        /// Template to start from (see `touchline templates`).
        #[arg(long, short, default_value = "blank", value_name = "NAME")]
        template: String,
        /// Where to write the map.
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        /// Overwrite the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the templates `touchline new --template` accepts.
    Templates,
    /// Export a map as an image (PNG, SVG, PDF) or its data (CSV, Mermaid journey).
    Export(crate::export::cli::ExportArgs),
    /// Make a map from a CSV/TSV touchpoint inventory or a Mermaid journey.
    Import(crate::data::cli::ImportArgs),
    /// List what changed between two maps, item by item; exit 1 when they differ.
    Diff(crate::diff::cli::DiffArgs),
    /// Merge two maps descended from a common one, by ids and fields (a git merge driver).
    Merge(crate::diff::cli::MergeArgs),
    /// Print a map as one readable line per item (git's textconv for `git diff` and `git log -p`).
    Show { map: PathBuf },
    /// Present a map to a room: full screen, large type, stage by stage (Esc leaves).
    Present {
        map: PathBuf,
        /// Start at this stage (1-based) instead of the overview.
        #[arg(long, value_name = "N")]
        stage: Option<usize>,
        /// Present in a window of its own beside the editor, to share only that window.
        #[arg(long)]
        window: bool,
        /// Open the room at once: participants join from their phones (J shows the join card).
        #[arg(long)]
        room: bool,
        /// Where the room listens (default: this machine's LAN address, port 7311).
        #[arg(long, value_name = "ADDR:PORT")]
        room_listen: Option<std::net::SocketAddr>,
    },
}

/// Runs a headless subcommand and returns the process's exit code.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { maps, lint, walk } => crate::portfolio::cli::run_check(&maps, lint, walk),
        Command::Lint(args) => crate::portfolio::cli::run_lint(&args),
        Command::Report(args) => crate::portfolio::cli::run_report(&args),
        Command::Fmt { check, maps } => fmt(&maps, check),
        Command::Info { map, json } => info(&map, json),
        Command::New { template, output, force } => new(&template, &output, force),
        Command::Templates => {
            for t in templates::ALL {
                println!("{:<24} {:<11} {}", t.name, t.language_english(), t.description);
            }
            ExitCode::SUCCESS
        }
        Command::Export(args) => crate::export::cli::run(&args),
        Command::Import(args) => crate::data::cli::run(&args),
        Command::Present { map, stage, window, room, room_listen } => {
            let request = crate::app::PresentRequest {
                window,
                stage,
                room: room || room_listen.is_some(),
                room_listen,
            };
            present(&map, request)
        }
        Command::Diff(args) => crate::diff::cli::run_diff(&args),
        Command::Merge(args) => crate::diff::cli::run_merge(&args),
        Command::Show { map } => crate::diff::cli::run_show(&map),
    }
}

/// A first word that is neither a command nor a map (`touchline expotr map.ron`): the message
/// names it and the command it is closest to, instead of clap's clash between a command and MAP.
pub fn unknown_command(args: &[String]) -> Option<ExitCode> {
    use clap::CommandFactory as _;
    let word = args.get(1)?;
    let command = Cli::command();
    // clap answers `help` and `help COMMAND` itself; it is not among the listed subcommands.
    let names: Vec<String> =
        command.get_subcommands().map(|c| c.get_name().to_owned()).chain(["help".to_owned()]).collect();
    let looks_like_a_map = word.contains(['.', '/', '\\']) || Path::new(word).exists();
    if word.starts_with('-') || names.iter().any(|n| n == word) || looks_like_a_map {
        return None;
    }
    let closest = names.iter().map(|n| (distance(word, n), n)).min().filter(|(d, _)| *d <= 2);
    let hint = closest.map_or_else(
        || format!(" (commands: {})", names.join(", ")),
        |(_, name)| format!(" (did you mean '{name}'?)"),
    );
    Some(usage(format!("unknown command '{word}'{hint}; a map to open ends in .ron")))
}

/// Edit distance between two words (insertions, deletions, substitutions, swaps of neighbours).
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// `request.stage` is 1-based here, as typed.
fn present(path: &Path, request: crate::app::PresentRequest) -> ExitCode {
    let stage = request.stage;
    let map = match file::load(path) {
        Ok(map) => map,
        Err(e) => return fail_load(&e),
    };
    let count = map.stages.len();
    if let Some(n) = stage
        && (n == 0 || n > count)
    {
        let choice = if count == 0 { "it has no stages".to_owned() } else { format!("choose 1 to {count}") };
        return usage(format!("--stage {n}: {} has {count} stages; {choice}", path.display()));
    }
    let request = crate::app::PresentRequest { stage: stage.map(|n| n - 1), ..request };
    crate::app::run(Some(path.to_owned()), Some(request))
}

fn fmt(maps: &[PathBuf], check_only: bool) -> ExitCode {
    let mut ok = true;
    for path in maps {
        let map = match file::load(path) {
            Ok(map) => map,
            Err(e) => {
                ok = false;
                let _ = writeln!(std::io::stderr(), "{e}");
                continue;
            }
        };
        let canonical = match file::to_string(&map) {
            Ok(text) => text,
            Err(e) => {
                ok = false;
                let _ = writeln!(std::io::stderr(), "{}: cannot format: {e}", path.display());
                continue;
            }
        };
        let current = std::fs::read(path).unwrap_or_default();
        if current == canonical.as_bytes() {
            continue;
        }
        if check_only {
            ok = false;
            println!("{}", path.display());
        } else if let Err(e) = file::write_atomically(path, canonical.as_bytes()) {
            ok = false;
            let _ = writeln!(std::io::stderr(), "{}: cannot write: {e}", path.display());
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The numbers `touchline info` reports.
#[derive(Debug, serde::Serialize)]
pub struct Summary {
    pub title: String,
    pub stages: usize,
    pub lanes: usize,
    pub cards: usize,
    pub personas: usize,
    pub curves: usize,
    pub points: usize,
    pub links: usize,
    /// Dot-vote dots on all cards.
    pub votes: u64,
    /// Cards per lane kind, for every kind of lane in the map.
    pub lane_kinds: BTreeMap<&'static str, usize>,
}

impl Summary {
    pub fn of(map: &Map) -> Self {
        let mut lane_kinds = BTreeMap::new();
        for lane in &map.lanes {
            let cards = map.cards.iter().filter(|c| c.lane == lane.id).count();
            *lane_kinds.entry(lane.kind.key()).or_insert(0) += cards;
        }
        Self {
            title: map.title.clone(),
            stages: map.stages.len(),
            lanes: map.lanes.len(),
            cards: map.cards.len(),
            personas: map.personas.len(),
            curves: map.curves.len(),
            points: map.points.len(),
            links: map.links.len(),
            votes: map.cards.iter().map(|c| u64::from(c.votes)).sum(),
            lane_kinds,
        }
    }
}

fn info(path: &Path, json: bool) -> ExitCode {
    let map = match file::load(path) {
        Ok(map) => map,
        Err(e) => return fail_load(&e),
    };
    let s = Summary::of(&map);
    if json {
        match serde_json::to_string_pretty(&s) {
            Ok(text) => println!("{text}"),
            Err(e) => return fail(e),
        }
    } else {
        println!("{}", s.title);
        for (name, n) in [
            ("stages", s.stages),
            ("lanes", s.lanes),
            ("cards", s.cards),
            ("personas", s.personas),
            ("curves", s.curves),
            ("points", s.points),
            ("links", s.links),
            ("votes", s.votes as usize),
        ] {
            println!("  {name:<10} {n}");
        }
        println!("  cards per lane kind:");
        for (kind, n) in &s.lane_kinds {
            println!("    {kind:<18} {n}");
        }
    }
    ExitCode::SUCCESS
}

fn fail_load(e: &LoadError) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "{e}");
    ExitCode::FAILURE
}

fn new(template: &str, output: &Path, force: bool) -> ExitCode {
    let Some(t) = templates::find(template) else {
        let names: Vec<&str> = templates::ALL.iter().map(|t| t.name).collect();
        return fail(format!("no template named {template:?}; choose one of: {}", names.join(", ")));
    };
    if output.exists() && !force {
        return fail(format!("{} already exists; pass --force to overwrite it", output.display()));
    }
    if let Some(folder) = output.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return fail(format!("{}: folder {} does not exist", output.display(), folder.display()));
    }
    let map = match t.map() {
        Ok(map) => map,
        Err(e) => return fail_load(&e),
    };
    match file::save_as_asked(&map, output, force) {
        Ok(_) => {
            println!("wrote {} (from template {})", output.display(), t.name);
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("{}: cannot write: {e}", output.display())),
    }
}
