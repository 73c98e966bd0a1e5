//! `touchline check` and `touchline lint` over maps and folders of maps.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::lint::{self, Finding, Options, Severity};
use super::rollup::{self, Filter, Kind, SortBy};
use super::{Entry, Folder};
use crate::exit::usage;
use crate::model::JourneyState;

/// How `lint` prints its findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `file:line: warning[rule]: message`, one a line.
    #[default]
    Text,
    /// One JSON document: the findings and the counts.
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request's lines.
    Github,
}

/// How far a folder is searched, for every command that reads one.
#[derive(Clone, Copy, Debug, Default, clap::Args)]
pub struct WalkArgs {
    /// Stop after looking at this many files in a folder (0: no limit); the default is 100000.
    /// A search that stops fails, since the maps further on were never read.
    #[arg(long, value_name = "N")]
    pub max_files: Option<usize>,
}

impl WalkArgs {
    pub fn walk(self) -> crate::file::folder::Walk {
        match self.max_files {
            None => crate::file::folder::Walk::default(),
            Some(0) => crate::file::folder::Walk { max_files: None },
            Some(n) => crate::file::folder::Walk { max_files: Some(n) },
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    #[arg(required_unless_present = "rules", value_name = "MAP_OR_FOLDER")]
    pub maps: Vec<PathBuf>,
    /// Print JSON (the same as `--format json`).
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 on warnings too, not only on errors.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Warn about maps whose last git commit is older than this many days.
    #[arg(long, value_name = "DAYS")]
    pub stale_days: Option<u64>,
    /// List the rules, their ids and what they ask, and exit.
    #[arg(long)]
    pub rules: bool,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// Which journeys a report keeps, by the maps' state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StateArg {
    Current,
    Future,
    DayInTheLife,
}

/// Which cards a report keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Pain,
    Opportunity,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The folder of maps (searched recursively), or maps.
    #[arg(required = true, value_name = "FOLDER_OR_MAP")]
    pub maps: Vec<PathBuf>,
    /// Where to write: `.csv` (every row) or `.pdf` (a summary, then a page per map).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// The column rows are sorted by; numbers largest first, names from A.
    #[arg(long, value_enum, default_value_t = SortBy::Votes)]
    pub sort: SortBy,
    /// Sort the other way.
    #[arg(long)]
    pub reverse: bool,
    /// Only maps with a persona of this name.
    #[arg(long, value_name = "NAME")]
    pub persona: Option<String>,
    /// Only maps of this state.
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// Only pain points, or only opportunities.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Replace a file of another kind.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub walk: WalkArgs,
}

/// `touchline report`.
pub fn run_report(args: &ReportArgs) -> ExitCode {
    use crate::export::output::{Kind as OutputKind, destination};
    let extension = args.output.extension().map(|e| e.to_string_lossy().to_lowercase());
    let kind = match extension.as_deref() {
        Some("csv") => OutputKind::Csv,
        Some("pdf") => OutputKind::Pdf,
        _ => {
            return usage(format!(
                "-o {}: a report is a .csv spreadsheet or a .pdf document",
                args.output.display()
            ));
        }
    };
    let to = match destination(&args.output, kind, args.force) {
        Ok(to) => to,
        Err(message) => return crate::exit::fail(message),
    };
    let Ok(entries) = gather(&args.maps, false, args.walk.walk()) else { return ExitCode::FAILURE };
    let root = match args.maps.as_slice() {
        [one] if one.is_dir() => one.clone(),
        _ => PathBuf::from("."),
    };
    let mut folder =
        Folder { root, entries: entries.list, found: crate::file::folder::Found::default(), in_git: false };
    if let Err(e) = folder.read_history() {
        let _ = writeln!(std::io::stderr(), "{e}; the report gives files' own times");
    }
    for entry in &folder.entries {
        if let Err(e) = &entry.map {
            let _ = writeln!(std::io::stderr(), "{e}");
        }
    }
    let filter = Filter {
        persona: args.persona.clone(),
        state: args.state.map(|s| match s {
            StateArg::Current => JourneyState::CurrentState,
            StateArg::Future => JourneyState::FutureState,
            StateArg::DayInTheLife => JourneyState::DayInTheLife,
        }),
        kind: args.kind.map(|k| match k {
            KindArg::Pain => Kind::PainPoint,
            KindArg::Opportunity => Kind::Opportunity,
        }),
    };
    let mut rows = rollup::rows(&folder, &filter);
    rollup::sort(&mut rows, args.sort, args.sort.descending_first() != args.reverse);
    let bytes = match kind {
        OutputKind::Csv => super::report::csv(&rows).map_err(|e| e.to_string()),
        _ => {
            let now = super::report::seconds(std::time::SystemTime::now());
            let subtitle = format!(
                "{} maps, {} pain points and opportunities, sorted by {}; written {}",
                folder.maps().count(),
                rows.len(),
                args.sort.label().to_lowercase(),
                lint::date(now)
            );
            super::report::pdf(&folder, &rows, &subtitle).map_err(|e| e.to_string())
        }
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return crate::exit::fail(format!("{}: {e}", args.output.display())),
    };
    if let Err(e) = to.write(&bytes) {
        return crate::exit::fail(format!("{}: cannot write: {e}", args.output.display()));
    }
    if !to.is_stdout() {
        let _ = writeln!(std::io::stderr(), "wrote {} ({} rows)", args.output.display(), rows.len());
    }
    ExitCode::SUCCESS
}

/// `touchline check`: whether maps read and what they link to exists; `--lint` adds the
/// reviewer's rules.
pub fn run_check(maps: &[PathBuf], review: bool, walk: WalkArgs) -> ExitCode {
    let Ok(entries) = gather(maps, false, walk.walk()) else { return ExitCode::FAILURE };
    let findings = lint::findings(&entries.list, Options { review, ..Options::default() });
    for finding in &findings {
        let _ = writeln!(std::io::stderr(), "{}", finding.text(review));
    }
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    if errors || !entries.complete { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// `touchline lint`.
pub fn run_lint(args: &LintArgs) -> ExitCode {
    if args.rules {
        use strum::IntoEnumIterator as _;
        for rule in lint::Rule::iter() {
            let checked_by = if rule.is_review() { "lint" } else { "check" };
            println!("{:<26} {:<7} {:<5} {}", rule.id(), rule.severity().word(), checked_by, rule.about());
        }
        return ExitCode::SUCCESS;
    }
    let format = if args.json { Format::Json } else { args.format };
    if args.json && args.format != Format::Text && args.format != Format::Json {
        return usage("--json and --format github ask for two outputs; choose one");
    }
    let entries = match gather(&args.maps, args.stale_days.is_some(), args.walk.walk()) {
        Ok(entries) => entries,
        Err(message) => return usage(message),
    };
    let now = super::report::seconds(std::time::SystemTime::now());
    let options = Options { review: true, stale_days: args.stale_days, now };
    let findings = lint::findings(&entries.list, options);
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Text => {
            for finding in &findings {
                let _ = writeln!(out, "{}", finding.text(true));
            }
        }
        Format::Github => {
            for finding in &findings {
                let _ = writeln!(out, "{}", finding.github());
            }
        }
        Format::Json => {
            let report = Report { maps: entries.list.len(), errors, warnings, findings: &findings };
            match serde_json::to_string_pretty(&report) {
                Ok(text) => {
                    let _ = writeln!(out, "{text}");
                }
                Err(e) => return crate::exit::fail(e),
            }
        }
    }
    let _ = writeln!(std::io::stderr(), "{}", tally(entries.list.len(), errors, warnings));
    if warnings > 0 && format == Format::Text {
        let _ = writeln!(
            std::io::stderr(),
            "a map silences a warning it accepts with allow: [\"rule\"], or allow: [\"rule:id\"] for one card or stage"
        );
    }
    let failed = errors > 0 || !entries.complete || (args.deny_warnings && warnings > 0);
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

#[derive(serde::Serialize)]
struct Report<'a> {
    maps: usize,
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
}

/// `12 maps: 1 error, 3 warnings`.
fn tally(maps: usize, errors: usize, warnings: usize) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: {}, {}",
        count(maps, "map", "maps"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    )
}

/// The maps named and found in the folders named.
struct Entries {
    list: Vec<Entry>,
    /// Every folder could be listed and held a map.
    complete: bool,
}

/// Reads every map `paths` name (files, and folders searched recursively), saying on standard
/// error what each folder held. With `history`, reads when each map last changed in git; `Err`
/// is a usage message when none of them is in a repository.
fn gather(paths: &[PathBuf], history: bool, walk: crate::file::folder::Walk) -> Result<Entries, String> {
    let mut list = Vec::new();
    let mut complete = true;
    let mut in_git = false;
    for path in paths {
        let mut entries = if path.is_dir() {
            let folder = Folder::open_with(path, walk);
            for problem in &folder.found.unreadable {
                complete = false;
                let _ = writeln!(std::io::stderr(), "{}", crate::exit::printable(problem));
            }
            let _ = writeln!(std::io::stderr(), "{}", crate::exit::printable(&folder.found.summary(path)));
            // Maps that were never read cannot pass.
            complete &= !folder.entries.is_empty() && folder.found.cut_short.is_none();
            folder
        } else {
            let root = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
            let entry = Entry::load(&root, path.clone());
            Folder {
                root: root.clone(),
                entries: vec![entry],
                found: crate::file::folder::Found::default(),
                in_git: false,
            }
        };
        if history {
            if entries.root.as_os_str().is_empty() {
                entries.root = PathBuf::from(".");
            }
            // A repository that does not read is a warning on each map (`stale`), not silence.
            if let Err(e) = entries.read_history() {
                let _ = writeln!(std::io::stderr(), "warning: {}", crate::exit::printable(&e.to_string()));
            }
            in_git |= entries.in_git;
        }
        list.extend(entries.entries);
    }
    if history && !in_git {
        let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(format!(
            "--stale-days reads each map's last commit, and {} is in no git repository",
            named.join(", ")
        ));
    }
    Ok(Entries { list, complete })
}
