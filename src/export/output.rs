//! Where an export goes, checked before anything is drawn: a new file, an earlier export of the
//! same kind (replaced atomically), or a stream (`-`, `/dev/stdout`, any character device).
//! Never a map, a folder, a pipe or socket that would hang or be replaced by a regular file, and
//! never a file of another kind unless `--force` says so.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

/// The kinds of file an export writes, as far as their first bytes tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Png,
    Svg,
    Pdf,
    Slides,
    Csv,
    Mermaid,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Self::Png => "a PNG image",
            Self::Svg => "an SVG drawing",
            Self::Pdf => "a PDF document",
            Self::Slides => "a slide deck",
            Self::Csv => "a spreadsheet",
            Self::Mermaid => "a Mermaid diagram",
        }
    }
}

/// Where the bytes go.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination {
    /// A regular file, new or replaced atomically.
    File(PathBuf),
    /// Standard output (`-`, `/dev/stdout`).
    Stdout,
    /// A character device written as a stream (`/dev/null`, a terminal).
    Device(PathBuf),
}

impl Destination {
    /// Whether the export's bytes go to standard output, where no other line may go.
    pub fn is_stdout(&self) -> bool {
        matches!(self, Self::Stdout)
    }

    /// Writes `bytes` there: atomically to a file, as a stream otherwise (the one write path,
    /// [`crate::file::write_atomically`], streams to a device).
    pub fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Self::File(path) | Self::Device(path) => crate::file::write_atomically(path, bytes),
            Self::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                out.flush()
            }
        }
    }
}

/// Where an export of `kind` to `path` may go, or why not.
pub fn destination(path: &Path, kind: Kind, force: bool) -> Result<Destination, String> {
    let shown = path.display();
    // Standard output by name: a terminal, a pipe or a file, whatever the shell made of it.
    if [Path::new("-"), Path::new("/dev/stdout"), Path::new("/dev/fd/1")].contains(&path) {
        return Ok(Destination::Stdout);
    }
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Destination::File(path.to_owned())),
        Err(e) => return Err(format!("{shown}: cannot look at it: {e}")),
    };
    if metadata.is_dir() {
        return Err(format!("{shown}: is a folder; name the file to write"));
    }
    if !metadata.is_file() {
        return if crate::file::is_char_device(&metadata) {
            Ok(Destination::Device(path.to_owned()))
        } else {
            Err(format!("{shown}: is not a regular file (a pipe, socket or block device); not writing to it"))
        };
    }
    let head = head_of(path).map_err(|e| format!("{shown}: cannot read it: {e}"))?;
    if looks_like_map(path, &head) {
        return Err(format!("{shown}: is a map; an export never replaces one (choose another name)"));
    }
    if force || head.is_empty() || sniff(&head) == Some(kind) {
        return Ok(Destination::File(path.to_owned()));
    }
    let what = sniff(&head).map_or("a file that is no export", Kind::name);
    Err(format!("{shown}: already holds {what}, and this writes {}; give --force to replace it", kind.name()))
}

/// The first bytes of a regular file, enough to tell what it is.
fn head_of(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    let (file, _) = crate::file::open::open_regular(path, crate::file::open::Links::Follow)?;
    file.take(4096).read_to_end(&mut head)?;
    Ok(head)
}

fn looks_like_map(path: &Path, head: &[u8]) -> bool {
    let ron = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    ron || String::from_utf8_lossy(head).contains("format_version")
}

/// What an earlier export's first bytes say it is.
fn sniff(head: &[u8]) -> Option<Kind> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Png);
    }
    if head.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    // A zip package holding a presentation.
    if head.starts_with(b"PK\x03\x04") && head.windows(19).any(|w| w == b"[Content_Types].xml") {
        return Some(Kind::Slides);
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("<?xml") || text.starts_with("<svg") {
        return Some(Kind::Svg);
    }
    if text.starts_with("journey") || text.starts_with("```mermaid") {
        return Some(Kind::Mermaid);
    }
    // A map's spreadsheet starts with its stage column, a folder's report with the map's.
    let first = text.lines().next().unwrap_or("").to_lowercase();
    ["stage,", "stage\t", "map,file,"].iter().any(|start| first.starts_with(start)).then_some(Kind::Csv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_new_files_streams_and_earlier_exports_of_the_same_kind_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("a.png");
        assert_eq!(destination(&png, Kind::Png, false), Ok(Destination::File(png.clone())));
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert_eq!(destination(&png, Kind::Png, false), Ok(Destination::File(png.clone())));
        let refused = destination(&png, Kind::Svg, false).unwrap_err();
        assert!(refused.contains("already holds a PNG image") && refused.contains("--force"), "{refused}");
        assert_eq!(destination(&png, Kind::Svg, true), Ok(Destination::File(png.clone())));

        let map = dir.path().join("shop.ron");
        std::fs::write(&map, "(format_version: 6, map: (title: \"x\"))").unwrap();
        for force in [false, true] {
            assert!(destination(&map, Kind::Svg, force).unwrap_err().contains("is a map"));
        }
        let disguised = dir.path().join("shop.svg");
        std::fs::write(&disguised, "(\n    format_version: 6,\n)").unwrap();
        assert!(destination(&disguised, Kind::Svg, true).unwrap_err().contains("is a map"));

        assert!(destination(dir.path(), Kind::Png, false).unwrap_err().contains("is a folder"));
        assert_eq!(destination(Path::new("-"), Kind::Png, false), Ok(Destination::Stdout));
        let null = Path::new("/dev/null");
        if null.exists() {
            assert_eq!(destination(null, Kind::Png, false), Ok(Destination::Device(null.to_owned())));
            Destination::Device(null.to_owned()).write(b"nothing").unwrap();
            assert!(std::fs::metadata(null).map(|m| !m.is_file()).unwrap(), "/dev/null stays a device");
        }
    }
}
