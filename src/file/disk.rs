//! What is on disk under an open map: a fingerprint of the bytes last loaded or saved, a check
//! of whether the file still holds them, and a watcher that says when the file or its folder
//! changes (git and many editors save by writing a new file and renaming it over the old one).

use std::hash::{Hash as _, Hasher as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::Watcher as _;

use super::LoadError;
use crate::model::Map;

/// A fingerprint of a file's bytes.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// A file's modification time and size, or `None` when it cannot be found: cheap to compare.
pub type Stamp = Option<(Option<std::time::SystemTime>, u64)>;

pub fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).ok().map(|m| (m.modified().ok(), m.len()))
}

/// What the file holds now, compared with what we last read or wrote.
#[derive(Debug)]
pub enum Disk {
    Same,
    /// Different bytes: the map they hold (or why they cannot be read), and their fingerprint.
    Changed {
        map: Box<Result<Map, LoadError>>,
        fingerprint: u64,
    },
    /// Deleted or moved away.
    Missing,
}

/// Compares the file at `path` with the bytes fingerprinted `known`.
pub fn check(path: &Path, known: u64) -> Disk {
    let bytes = match super::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Disk::Missing;
        }
        Err(error) => return Disk::Changed { map: Box::new(Err(error)), fingerprint: 0 },
    };
    let now = fingerprint(&bytes);
    if now == known {
        return Disk::Same;
    }
    Disk::Changed { map: Box::new(super::parse_bytes(path, &bytes)), fingerprint: now }
}

/// Tells when a file may have changed.
pub struct Watcher {
    // Kept alive: dropping it stops the watching.
    _inner: notify::RecommendedWatcher,
    events: Receiver<()>,
    pub path: PathBuf,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Watcher {
    /// Watches `path` through its folder; `wake` is called from another thread on each change
    /// (the editor repaints, so it looks at once).
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (send, events) = channel();
        let name = path.file_name().map(std::ffi::OsStr::to_owned);
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let ours = event.is_ok_and(|e| e.paths.iter().any(|p| p.file_name() == name.as_deref()));
            if ours {
                let _ = send.send(());
                wake();
            }
        })?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        watcher.watch(&folder, notify::RecursiveMode::NonRecursive)?;
        Ok(Self { _inner: watcher, events, path: path.to_owned() })
    }

    /// Whether anything happened to the file since the last call.
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.events.try_recv().is_ok() {
            any = true;
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_by_another_program_is_seen_and_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        let text = crate::file::to_string(&crate::templates::load("blank").unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        let known = fingerprint(text.as_bytes());
        assert!(matches!(check(&path, known), Disk::Same));
        let watcher = Watcher::new(&path, || {}).unwrap();
        let changed = text.replace("title: \"", "title: \"Renamed ");
        std::fs::write(&path, &changed).unwrap();
        let mut seen = false;
        for _ in 0..100 {
            if watcher.changed() {
                seen = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(seen, "the watcher reports the write");
        match check(&path, known) {
            Disk::Changed { map, fingerprint: f } => {
                assert!(map.unwrap().title.starts_with("Renamed"));
                assert_eq!(f, fingerprint(changed.as_bytes()));
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(check(&path, known), Disk::Missing));
    }
}
