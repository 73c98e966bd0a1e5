//! How a command ends: its message on stderr and its exit code. Shared by the command line and
//! each subcommand's own module (`export::cli`, `data::cli`, `diff::cli`), which the command
//! line calls: they report through here rather than through it.

use std::io::Write as _;
use std::process::ExitCode;

/// Exit code of a usage error (a wrong flag or value), as clap uses.
pub const USAGE: u8 = 2;

/// Prints a usage error (a wrong command, flag or value) and returns exit code 2.
pub fn usage(message: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "touchline: {message}");
    ExitCode::from(USAGE)
}

/// Prints an error the way every subcommand does, and returns exit code 1.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "touchline: {message}");
    ExitCode::FAILURE
}
