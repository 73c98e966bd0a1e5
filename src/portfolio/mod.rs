//! A folder of maps as one portfolio: every map under a folder, read together, with what a team
//! asks of them all: where each one links (`opens`, `counterpart`), when it last changed (the
//! file, and git), the review rules (`lint`), every pain point and opportunity in one table
//! (`rollup`), and search across every map.
//!
//! Nothing here knows egui: the workspace window, `touchline lint` and `touchline report` share
//! it.

pub mod cli;
pub mod git;
pub mod lint;
pub mod report;
pub mod rollup;
pub mod search;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::file::LoadError;
use crate::file::folder::{self, Found};
use crate::model::Map;

/// One map file of a folder.
#[derive(Debug)]
pub struct Entry {
    /// The file, as found under the folder (the folder's path joined with the file's).
    pub path: PathBuf,
    /// The file's path inside the folder, with `/`: how lists and reports name it.
    pub name: String,
    /// The map, or why it could not be read.
    pub map: Result<Map, LoadError>,
    /// When the file was last written.
    pub modified: Option<SystemTime>,
    /// The newest commit that changed the file, when the folder is in a git repository and the
    /// history has been read ([`Folder::read_history`]).
    pub commit: Option<git::LastCommit>,
    /// Why the file's last commit is not known though the folder is in a repository (the
    /// history was cut short, or the repository does not read).
    pub commit_not_known: Option<String>,
}

impl Entry {
    /// A map the user named (a link to it is followed).
    pub(crate) fn load(root: &Path, path: PathBuf) -> Self {
        let map = crate::file::load(&path);
        Self::with(root, path, map)
    }

    /// A map a folder walk found as a regular file: a link that took its place since is refused.
    pub(crate) fn found(root: &Path, path: PathBuf) -> Self {
        let map = crate::file::load_found(&path);
        Self::with(root, path, map)
    }

    fn with(root: &Path, path: PathBuf, map: Result<Map, LoadError>) -> Self {
        let name = path.strip_prefix(root).map_or_else(
            |_| path.display().to_string(),
            |inside| {
                inside.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
            },
        );
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        Self { path, name, map, modified, commit: None, commit_not_known: None }
    }

    /// The map's title, or the file's name when it could not be read.
    pub fn title(&self) -> &str {
        match &self.map {
            Ok(map) => &map.title,
            Err(_) => &self.name,
        }
    }
}

/// Every map under a folder, read.
#[derive(Debug)]
pub struct Folder {
    pub root: PathBuf,
    /// In path order.
    pub entries: Vec<Entry>,
    /// What the walk passed over.
    pub found: Found,
    /// Whether the folder is in a git repository (known once the history was read).
    pub in_git: bool,
}

impl Folder {
    /// Finds and reads every map under `root`, on as many threads as the machine has cores.
    pub fn open(root: &Path) -> Self {
        Self::open_with(root, folder::Walk::default())
    }

    /// [`Folder::open`], walking as far as `walk` says.
    pub fn open_with(root: &Path, walk: folder::Walk) -> Self {
        let mut found = folder::maps_in_with(root, walk);
        let paths = std::mem::take(&mut found.maps);
        let entries = read_all(root, paths);
        found.maps = entries.iter().map(|e| e.path.clone()).collect();
        Self { root: root.to_path_buf(), entries, found, in_git: false }
    }

    /// Reads when each map last changed in git. A folder in no repository keeps no commits; in
    /// a repository that does not read, every map's last commit is not known (and the error
    /// says why).
    pub fn read_history(&mut self) -> Result<(), git::GitError> {
        let paths: Vec<PathBuf> = self.entries.iter().map(|e| e.path.clone()).collect();
        let mut history = match git::last_commits(&self.root, &paths) {
            Ok(Some(history)) => history,
            Ok(None) => return Ok(()),
            Err(e) => {
                self.in_git = true;
                for entry in &mut self.entries {
                    entry.commit_not_known = Some(format!("the repository does not read ({})", e.why));
                }
                return Err(e);
            }
        };
        self.in_git = true;
        for entry in &mut self.entries {
            entry.commit = history.commits.remove(&entry.path);
            if history.not_known.contains(&entry.path) {
                entry.commit_not_known = Some(format!(
                    "the history was read back {} commits without reaching it",
                    git::MAX_COMMITS
                ));
            }
        }
        Ok(())
    }

    /// The maps that could be read, with their entries.
    pub fn maps(&self) -> impl Iterator<Item = (&Entry, &Map)> {
        self.entries.iter().filter_map(|e| Some((e, e.map.as_ref().ok()?)))
    }
}

/// The file another map's `opens` or `counterpart` names: relative to the folder of the map
/// that names it, as pictures are.
pub fn linked_path(map_file: &Path, link: &str) -> PathBuf {
    crate::pictures::folder_of(map_file).map_or_else(|| PathBuf::from(link), |folder| folder.join(link))
}

fn read_all(root: &Path, paths: Vec<PathBuf>) -> Vec<Entry> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 8);
    if threads == 1 || paths.len() < 8 {
        return paths.into_iter().map(|p| Entry::found(root, p)).collect();
    }
    let share = paths.len().div_ceil(threads);
    let mut parts: Vec<Vec<PathBuf>> = Vec::new();
    let mut rest = paths;
    while !rest.is_empty() {
        let tail = rest.split_off(share.min(rest.len()));
        parts.push(std::mem::replace(&mut rest, tail));
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || part.into_iter().map(|p| Entry::found(root, p)).collect::<Vec<_>>())
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    })
}
