//! Maps on disk: RON text with a format version, read defensively and written atomically.
//!
//! A file is `(format_version: N, map: (...))`. Reading never panics and never touches the file;
//! every failure names the file and, where it can, the line and column.

mod atomic;
pub mod disk;
pub mod folder;
mod migrate;
pub mod open;
pub mod recovery;

use std::fmt;
use std::path::Path;

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use crate::model::{Map, Problem};

pub use atomic::{is_char_device, is_read_only_refusal, replace_read_only, write_atomically};

/// The version this build writes.
pub const FORMAT_VERSION: u32 = 9;

/// Files larger than this are refused before they are read. The largest real maps are a few
/// hundred kilobytes; this leaves room for a hundred times that while keeping a hostile file from
/// exhausting memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a map could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: file is {size} bytes; maps larger than {limit} bytes are refused")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}:{line}:{col}: file is not UTF-8 text")]
    NotText { path: String, line: usize, col: usize },
    #[error("{path}:{line}:{col}: {message}")]
    Syntax { path: String, line: usize, col: usize, message: String },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error(
        "{path}: written in format version {found}, but this Touchline reads versions up to \
         {supported}; open it with a newer Touchline"
    )]
    NewerVersion { path: String, found: u32, supported: u32 },
    #[error("{}", Invalid(.path, .problems))]
    Invalid { path: String, problems: Vec<Problem> },
}

struct Invalid<'a>(&'a str, &'a [Problem]);

impl fmt::Display for Invalid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.1.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {problem}", self.0)?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format_version: u32,
    map: &'a Map,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentIn<M> {
    #[expect(dead_code, reason = "read by the version probe; kept so the field is allowed")]
    format_version: u32,
    map: M,
}

/// Reads only the version, skipping everything else.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

fn ron_options() -> ron::Options {
    // `implicit_some` lets optional fields read `colour: "#1f7a8c"` instead of `Some("#1f7a8c")`.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn syntax_error(path: &str, err: &ron::error::SpannedError) -> LoadError {
    let message = match &err.code {
        // RON's own advice names its API; the user needs to hear what is wrong with the file.
        ron::Error::ExceededRecursionLimit => {
            "brackets nest too deeply here; a map nests only a few levels (map, list, item)".to_owned()
        }
        code => code.to_string(),
    };
    LoadError::Syntax { path: path.to_owned(), line: err.span.start.line, col: err.span.start.col, message }
}

fn parse_ron<'a, T: Deserialize<'a>>(path: &str, text: &'a str) -> Result<T, LoadError> {
    ron_options().from_str(text).map_err(|e| syntax_error(path, &e))
}

/// Reads a map from text. `path` only names the source in messages.
pub fn parse(path: &str, text: &str) -> Result<Map, LoadError> {
    // Editors on Windows start UTF-8 files with a byte-order mark; it says nothing about the map.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    let VersionProbe { format_version } = parse_ron(path, text).map_err(|e| match e {
        // The probe's own name means nothing to a user: say what the file must start with.
        LoadError::Syntax { path, line, col, message } if message.contains("VersionProbe") => {
            LoadError::Syntax {
                path,
                line,
                col,
                message: "expected a Touchline map: `(format_version: N, map: (...))`".to_owned(),
            }
        }
        other => other,
    })?;
    let mut map = match format_version {
        FORMAT_VERSION => parse_ron::<DocumentIn<Map>>(path, text)?.map,
        v if v > FORMAT_VERSION => {
            return Err(LoadError::NewerVersion {
                path: path.to_owned(),
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        older => migrate::from_older(path, older, text)?,
    };
    let problems = map.validate();
    if !problems.is_empty() {
        return Err(LoadError::Invalid { path: path.to_owned(), problems });
    }
    map.normalize();
    Ok(map)
}

/// Reads and validates a map file.
pub fn load(path: &Path) -> Result<Map, LoadError> {
    load_fingerprinted(path).map(|(map, _)| map)
}

/// Reads and validates a map file found by walking a folder: a symbolic link that took the
/// file's place since the walk saw it is refused.
pub fn load_found(path: &Path) -> Result<Map, LoadError> {
    parse_bytes(path, &read_bytes_with(path, open::Links::DoNotFollow)?)
}

/// Reads and validates a map file, with the fingerprint of the bytes it was read from.
pub fn load_fingerprinted(path: &Path) -> Result<(Map, u64), LoadError> {
    let bytes = read_bytes(path)?;
    Ok((parse_bytes(path, &bytes)?, disk::fingerprint(&bytes)))
}

/// A map file's bytes, within the size limit.
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_with(path, open::Links::Follow)
}

fn read_bytes_with(path: &Path, links: open::Links) -> Result<Vec<u8>, LoadError> {
    let shown = path.display().to_string();
    read_limited(path, links).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io { path: shown, source },
        ReadError::TooLarge(size) => LoadError::TooLarge { path: shown, size, limit: MAX_FILE_BYTES },
        ReadError::NotAFile => LoadError::Io {
            path: shown,
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, NOT_A_FILE),
        },
    })
}

/// Reads a map from the bytes of the file at `path`.
fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Map, LoadError> {
    let shown = path.display().to_string();
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        LoadError::NotText { path: shown.clone(), line, col }
    })?;
    parse(&shown, text)
}

const NOT_A_FILE: &str = "not a regular file (a folder, pipe or device)";

/// Why a file's bytes could not be read.
pub(crate) enum ReadError {
    Io(std::io::Error),
    TooLarge(u64),
    /// A folder, pipe or device.
    NotAFile,
}

/// Reads a whole file, refusing one over the size limit even if it grows while being read.
/// A folder, pipe or device is refused without waiting (see [`open::open_regular`]), and a file
/// over the limit before it is read.
pub(crate) fn read_limited(path: &Path, links: open::Links) -> Result<Vec<u8>, ReadError> {
    let (file, metadata) = open::open_regular(path, links).map_err(|e| match e {
        open::OpenError::Io(e) => ReadError::Io(e),
        open::OpenError::NotAFile => ReadError::NotAFile,
    })?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(metadata.len()));
    }
    read_limited_from(file)
}

/// Reads a stream (an open file, standard input) whole, refusing one over the size limit even
/// if it grows while being read.
pub(crate) fn read_limited_from(stream: impl std::io::Read) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    stream.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// 1-based line and column of the end of `prefix`, counting characters.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The canonical text of a map: what `save` writes and `touchline fmt` compares against.
pub fn to_string(map: &Map) -> Result<String, ron::Error> {
    // Items (stages, cards, points...) are written one per line so that git diffs and merges
    // work line by line; the map's own fields get a line each.
    let pretty =
        ron::ser::PrettyConfig::new().depth_limit(3).indentor("    ").new_line("\n").struct_names(false);
    let mut canonical = map.clone();
    canonical.normalize();
    let doc = DocumentOut { format_version: FORMAT_VERSION, map: &canonical };
    let mut text = readable_marks(&ron_options().to_string_pretty(&doc, pretty)?);
    text.push('\n');
    Ok(text)
}

/// `text` with the escapes RON writes for combining marks (Arabic vowel signs, Thai vowels and
/// tone marks, accents typed apart) turned back into the characters, so that a map in Thai or
/// Arabic reads as written. Control characters and invisible direction marks stay escaped.
fn readable_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        if let Some(body) = escape.strip_prefix("\\u{")
            && let Some(end) = body.find('}')
            && let Some(c) = u32::from_str_radix(&body[..end], 16).ok().and_then(char::from_u32)
            && !c.is_control()
            && !invisible(c)
        {
            out.push(c);
            rest = &body[end + 1..];
            continue;
        }
        // Any other escape (`\\`, `\"`, `\n`...) is kept whole, so `\\u{...}` typed by a user
        // stays text.
        let len = escape[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
        out.push_str(&escape[..len]);
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}

/// Characters that show nothing in an editor and change how text around them reads.
pub(crate) fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Why a map was not written: its file would be larger than Touchline reads.
#[derive(Debug, thiserror::Error)]
#[error(
    "the map would be {0} bytes, and Touchline reads maps of at most {MAX_FILE_BYTES} bytes; \
     nothing was written (split the journey into maps that open one another, or bring in fewer rows)"
)]
struct TooLargeToRead(usize);

/// Writes a map atomically: the file on disk is always either the old or the new map.
pub fn save(map: &Map, path: &Path) -> std::io::Result<()> {
    save_as_asked(map, path, false).map(|_| ())
}

/// Writes a map atomically and gives the fingerprint of the bytes written; `replace_read_only`
/// also replaces a read-only file (the user said "Save anyway", or `--force`), which stays
/// read-only.
///
/// A map larger than Touchline reads back ([`MAX_FILE_BYTES`]) is refused before anything is
/// written: what is saved can always be opened again.
pub fn save_as_asked(map: &Map, path: &Path, replace_read_only: bool) -> std::io::Result<u64> {
    let text = to_string(map).map_err(std::io::Error::other)?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(std::io::ErrorKind::FileTooLarge, TooLargeToRead(text.len())));
    }
    if replace_read_only {
        atomic::replace_read_only(path, text.as_bytes())?;
    } else {
        write_atomically(path, text.as_bytes())?;
    }
    Ok(disk::fingerprint(text.as_bytes()))
}
