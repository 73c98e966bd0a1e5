//! Autosaved copies of unsaved work, offered back after a crash.
//!
//! While a map has unsaved changes the editor writes it to a recovery file every few seconds; a
//! clean save or an explicit discard removes that file. Recovery files live in the user's state
//! folder, never beside the map, so they never show up in a team's git repository.

use std::hash::{Hash as _, Hasher as _};
use std::path::{Path, PathBuf};

use super::{FORMAT_VERSION, LoadError, parse, write_atomically};
use crate::model::Map;

const HEADER: &str = "// touchline recovery of: ";

/// A recovery file found on disk.
#[derive(Debug)]
pub struct Recovered {
    /// The recovery file itself.
    pub file: PathBuf,
    /// The map it is a copy of, if that map had been saved before.
    pub original: Option<PathBuf>,
    pub modified: Option<std::time::SystemTime>,
}

/// The folder recovery files go in: `$TOUCHLINE_RECOVERY_DIR`, else the platform's state folder.
pub fn folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("TOUCHLINE_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    let state = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))?;
    Some(state.join("touchline").join("recovery"))
}

/// The recovery file for a map (or for an untitled map, keyed by `session`).
pub fn file_for(folder: &Path, original: Option<&Path>, session: u64) -> PathBuf {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    match original {
        Some(path) => path.hash(&mut hasher),
        None => session.hash(&mut hasher),
    }
    folder.join(format!("{:016x}.ron", hasher.finish()))
}

/// Writes the recovery copy of `map`.
pub fn write(file: &Path, original: Option<&Path>, map: &Map) -> std::io::Result<()> {
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let body = super::to_string(map).map_err(std::io::Error::other)?;
    let origin = original.map(|p| p.display().to_string()).unwrap_or_default();
    let text = format!("{HEADER}{origin}\n// format_version {FORMAT_VERSION}\n{body}");
    write_atomically(file, text.as_bytes())
}

/// The recovery files waiting in `folder`, newest first.
pub fn list(folder: &Path) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut found: Vec<Recovered> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|file| {
            let original = std::fs::read_to_string(&file).ok().and_then(|text| {
                let first = text.lines().next()?.strip_prefix(HEADER)?.trim().to_owned();
                (!first.is_empty()).then(|| PathBuf::from(first))
            });
            let modified = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
            Recovered { file, original, modified }
        })
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.modified));
    found
}

/// Reads a recovery file back.
pub fn read(file: &Path) -> Result<Map, LoadError> {
    let text = std::fs::read_to_string(file)
        .map_err(|source| LoadError::Io { path: file.display().to_string(), source })?;
    parse(&file.display().to_string(), &text)
}

/// Removes a recovery file once its work is saved or discarded.
pub fn discard(file: &Path) {
    // Missing is fine: nothing was autosaved yet.
    let _ = std::fs::remove_file(file);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_lists_reads_and_discards() {
        let dir = tempfile::tempdir().unwrap();
        let original = Path::new("/maps/shop.ron");
        let file = file_for(dir.path(), Some(original), 0);
        let map = Map::blank("Recovered work");
        write(&file, Some(original), &map).unwrap();

        let found = list(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].original.as_deref(), Some(original));
        assert_eq!(read(&found[0].file).unwrap().title, "Recovered work");

        discard(&file);
        assert!(list(dir.path()).is_empty());
    }
}
