//! What is on disk under an open map: a fingerprint of the bytes last loaded or saved, a check
//! of whether the file still holds them, and a watcher that says when the file or its folder
//! changes (git and many editors save by writing a new file and renaming it over the old one).

use std::hash::{Hash as _, Hasher as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

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

/// Time between looks at files' size and time.
const POLL_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// A thread that looks at some files' size and time about once a second and wakes the editor
/// when one differs from what it was told (or last saw): a stat a second is free, reading and
/// hashing the files is not, and an idle editor paints no frame.
pub struct Poll {
    files: Arc<Mutex<Vec<(PathBuf, Stamp)>>>,
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl std::fmt::Debug for Poll {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Poll").finish_non_exhaustive()
    }
}

impl Poll {
    /// Starts looking at `files` (each with its size and time when it was read); `wake` is
    /// called from the thread on a change.
    pub fn start(files: Vec<(PathBuf, Stamp)>, wake: impl Fn() + Send + 'static) -> Self {
        let poll = Self {
            files: Arc::new(Mutex::new(files)),
            changed: Arc::new(AtomicBool::new(false)),
            stop: Arc::new(AtomicBool::new(false)),
        };
        let (files, changed, stop) =
            (Arc::clone(&poll.files), Arc::clone(&poll.changed), Arc::clone(&poll.stop));
        let _ = std::thread::Builder::new().name("file poll".into()).spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(POLL_EVERY);
                let Ok(mut files) = files.lock() else { break };
                let mut any = false;
                for (path, seen) in files.iter_mut() {
                    let now = stamp(path);
                    if now != *seen {
                        *seen = now;
                        any = true;
                    }
                }
                drop(files);
                if any {
                    changed.store(true, Ordering::Relaxed);
                    wake();
                }
            }
        });
        poll
    }

    /// Looks at these files from now on, each with its size and time when it was read.
    pub fn watch(&self, files: Vec<(PathBuf, Stamp)>) {
        if let Ok(mut watched) = self.files.lock() {
            *watched = files;
        }
    }

    /// Whether a file changed since the last call.
    pub fn changed(&self) -> bool {
        self.changed.swap(false, Ordering::Relaxed)
    }
}

impl Drop for Poll {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Tells when a file may have changed: from the system's notifications about its folder, and
/// from a look at its size and time every second on a thread of its own, so the editor itself
/// wakes only when something changed (an idle editor paints no frame).
pub struct Watcher {
    // Kept alive: dropping it stops the watching. None where the system refused to watch (too
    // many watches): the poll alone then finds changes, within a second.
    _inner: Option<notify::RecommendedWatcher>,
    events: Receiver<()>,
    /// For file systems that do not signal changes (some network folders).
    poll: Poll,
    pub path: PathBuf,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Watcher {
    /// Watches `path` through its folder; `wake` is called from another thread on each change
    /// (the editor repaints, so it looks at once). Reading the file is no change: the editor's
    /// own look at it must not wake it again.
    pub fn new(path: &Path, wake: impl Fn() + Send + Sync + 'static) -> Self {
        let (send, events) = channel();
        let wake = Arc::new(wake);
        let name = path.file_name().map(std::ffi::OsStr::to_owned);
        let notify_wake = Arc::clone(&wake);
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let ours = event.is_ok_and(|e| {
                !matches!(e.kind, notify::EventKind::Access(_))
                    && e.paths.iter().any(|p| p.file_name() == name.as_deref())
            });
            if ours {
                let _ = send.send(());
                notify_wake();
            }
        })
        .and_then(|mut w| w.watch(&folder, notify::RecursiveMode::NonRecursive).map(|()| w))
        .ok();
        let poll = Poll::start(vec![(path.to_owned(), stamp(path))], move || wake());
        Self { _inner: watcher, events, poll, path: path.to_owned() }
    }

    /// Whether anything happened to the file since the last call.
    pub fn changed(&self) -> bool {
        let mut any = self.poll.changed();
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
        let watcher = Watcher::new(&path, || {});
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
        // Reading the file is not a change: a look at it must not set off another look.
        while watcher.changed() {}
        for _ in 0..3 {
            let _ = check(&path, known);
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(!watcher.changed(), "reading the file is not reported as a change");
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
