//! `touchline import`: a CSV/TSV inventory or a Mermaid journey as a new map.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{DataFormat, ImportError, import};

/// Options of `touchline import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file to read: `.csv`, `.tsv`, `.mmd`, or `.md` holding a mermaid journey.
    pub input: PathBuf,
    /// Where to write the map.
    #[arg(long, short, value_name = "MAP.ron")]
    pub output: PathBuf,
    /// Overwrite the map if it exists.
    #[arg(long)]
    pub force: bool,
    /// The input's format, when its name does not say it.
    #[arg(long, value_enum)]
    pub from: Option<FromArg>,
    /// Which column holds which field, ahead of the guessing: `stage=Phase,title=Step`.
    #[arg(long, value_name = "FIELD=COLUMN,...", value_parser = parse_columns)]
    pub columns: Option<Vec<(String, String)>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FromArg {
    Csv,
    Tsv,
    Mermaid,
}

fn parse_columns(s: &str) -> Result<Vec<(String, String)>, String> {
    s.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|pair| {
            let (field, column) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not FIELD=COLUMN, like title=Step"))?;
            Ok((field.trim().to_owned(), column.trim().to_owned()))
        })
        .collect()
}

pub fn run(args: &ImportArgs) -> ExitCode {
    let shown = args.input.display().to_string();
    let format = match args.from {
        Some(FromArg::Csv) => DataFormat::Csv,
        Some(FromArg::Tsv) => DataFormat::Tsv,
        Some(FromArg::Mermaid) => DataFormat::Mermaid,
        None => match DataFormat::from_path(&args.input) {
            Some(format) => format,
            None => {
                return crate::cli::usage(format!(
                    "{shown}: cannot tell the format; name the file .csv, .tsv, .mmd or .md, or give \
                     --from csv|tsv|mermaid"
                ));
            }
        },
    };
    if args.output.exists() && !args.force {
        return crate::cli::fail(format!(
            "{} already exists; pass --force to overwrite it",
            args.output.display()
        ));
    }
    if let Some(folder) = args.output.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return crate::cli::fail(format!(
            "{}: folder {} does not exist",
            args.output.display(),
            folder.display()
        ));
    }
    let bytes = match std::fs::read(&args.input) {
        Ok(bytes) => bytes,
        Err(e) => return crate::cli::fail(format!("{shown}: cannot read: {e}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
            return crate::cli::fail(format!(
                "{shown}:{line}: not UTF-8 text (byte {at}); save it as UTF-8 (in Excel: CSV UTF-8)"
            ));
        }
    };
    let title =
        args.input.file_stem().map(|s| s.to_string_lossy().replace(['-', '_'], " ")).unwrap_or_default();
    let columns = args.columns.clone().unwrap_or_default();
    match import(&text, format, &title, &columns) {
        Ok(imported) => {
            for warning in &imported.warnings {
                eprintln!("{}", located(&shown, warning));
            }
            match crate::file::save(&imported.map, &args.output) {
                Ok(()) => {
                    println!(
                        "wrote {} ({} stages, {} lanes, {} cards)",
                        args.output.display(),
                        imported.map.stages.len(),
                        imported.map.lanes.len(),
                        imported.map.cards.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => crate::cli::fail(format!("{}: cannot write: {e}", args.output.display())),
            }
        }
        Err(ImportError { problems }) => {
            for problem in &problems {
                eprintln!("{}", located(&shown, problem));
            }
            ExitCode::FAILURE
        }
    }
}

/// `file:line: message`, or `file: message` for the whole file.
fn located(file: &str, note: &super::Note) -> String {
    if note.line == 0 {
        format!("{file}: {}", note.message)
    } else {
        format!("{file}:{}: {}", note.line, note.message)
    }
}
