use std::process::ExitCode;

use clap::Parser as _;
use touchline::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => touchline::app::run(cli.map, None),
    }
}
