//! `touchline import`: a CSV/TSV inventory or a Mermaid journey as a new map.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{DataFormat, located, read_file};

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
    /// Keep the lanes in the order the file first names them (by default they come in the
    /// usual order of their kinds: actions, touchpoints, ..., emotions, pain points,
    /// opportunities).
    #[arg(long)]
    pub keep_order: bool,
    /// The map's title (by default a `# title` line at the top of the file, a Mermaid `title`,
    /// else the file's name).
    #[arg(long)]
    pub title: Option<String>,
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
    let asked = args.from.map(|f| match f {
        FromArg::Csv => DataFormat::Csv,
        FromArg::Tsv => DataFormat::Tsv,
        FromArg::Mermaid => DataFormat::Mermaid,
    });
    let format = match DataFormat::for_file(&args.input, asked) {
        Ok(format) => format,
        Err(message) => return crate::exit::usage(message),
    };
    if args.output.exists() && !args.force {
        return crate::exit::fail(format!(
            "{} already exists; pass --force to overwrite it",
            args.output.display()
        ));
    }
    if let Some(folder) = args.output.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
        return crate::exit::fail(format!(
            "{}: folder {} does not exist",
            args.output.display(),
            folder.display()
        ));
    }
    let columns = args.columns.clone().unwrap_or_default();
    let mut imported = match read_file(&args.input, format, &columns) {
        Ok(imported) => imported,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            return ExitCode::FAILURE;
        }
    };
    if args.keep_order {
        imported.keep_order();
    }
    if let Some(title) = args.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        title.clone_into(&mut imported.map.title);
    }
    let shown = args.input.display().to_string();
    for warning in &imported.warnings {
        eprintln!("{}", located(&shown, warning));
    }
    match crate::file::save_as_asked(&imported.map, &args.output, args.force) {
        Ok(_) => {
            println!(
                "wrote {} ({} stages, {} lanes, {} cards)",
                args.output.display(),
                imported.map.stages.len(),
                imported.map.lanes.len(),
                imported.map.cards.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => crate::exit::fail(format!("{}: cannot write: {e}", args.output.display())),
    }
}
