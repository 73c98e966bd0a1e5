use std::process::ExitCode;

use clap::Parser as _;
use touchline::cli::{Cli, run, unknown_command};

fn main() -> ExitCode {
    if let Some(code) = unknown_command(&std::env::args().collect::<Vec<_>>()) {
        return code;
    }
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => touchline::app::run(cli.map, None),
    }
}
