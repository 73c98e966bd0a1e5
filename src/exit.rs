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

/// A line for a person's terminal or a CI log as it may be shown: control characters, bidi
/// controls and invisible marks are escaped (`\n`, `\u{202e}`), so a file name or a map's text
/// can neither start a line of its own (a forged `::error` workflow command on GitHub) nor
/// reverse what follows it.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = crate::model::hidden::is_hidden;
    if !text.chars().any(hidden) {
        return text.into();
    }
    text.chars()
        .map(|c| if hidden(c) { c.escape_default().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn nothing_printed_can_start_a_line_or_turn_the_text_around() {
        assert_eq!(super::printable("maps/ä b.ron"), "maps/ä b.ron");
        assert_eq!(super::printable("a\n::error file=x::forged"), "a\\n::error file=x::forged");
        assert_eq!(super::printable("x\u{202E}nor.ron\r"), "x\\u{202e}nor.ron\\r");
    }
}
