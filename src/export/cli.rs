//! `touchline export`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `touchline export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export.
    pub map: PathBuf,
    /// Where to write the PNG.
    #[arg(long, short, value_name = "OUT.png")]
    pub output: PathBuf,
}

pub fn run(_args: &ExportArgs) -> ExitCode {
    eprintln!(
        "touchline: export is not available in this build yet; open the map in the editor \
         (touchline MAP) to view it"
    );
    ExitCode::from(2)
}
