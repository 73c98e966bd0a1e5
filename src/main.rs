use std::process::ExitCode;

use clap::Parser as _;
use touchline::cli::{Cli, Command, run, unknown_command};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(code) =
        unknown_command(&args.iter().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>())
    {
        return code;
    }
    let cli = Cli::parse();
    let opens_a_window = matches!(cli.command, None | Some(Command::Present { .. }));
    if opens_a_window && let Some(code) = touchline::app::with_runtime_folder(&args) {
        return code;
    }
    match cli.command {
        Some(command) => run(command),
        None => touchline::app::run(cli.map, None),
    }
}
