//! When each map last changed in the git repository its folder is in, and by whom: the newest
//! commit on `HEAD`'s first-parent line whose tree differs from its parent's at the map's path.
//!
//! Only the object database is read (no worktree status, no network). Trees are compared as git
//! compares them: a subtree whose id is the same on both sides is not opened, so a walk costs
//! the folders that changed, not the size of the repository.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::ObjectId;

/// Commits looked at before the walk gives up on the files it has not placed yet: a folder of
/// maps older than this many commits is not stale by any measure a team uses.
pub const MAX_COMMITS: usize = 20_000;

/// The newest commit that changed a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastCommit {
    /// Seconds since 1970 (the commit's author time).
    pub seconds: i64,
    pub author: String,
    /// The first line of the commit's message.
    pub summary: String,
}

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{folder}: cannot read the git history: {why}")]
pub struct GitError {
    pub folder: String,
    pub why: String,
}

/// What the history says of a folder's files.
#[derive(Debug, Default)]
pub struct History {
    /// The newest commit that changed each file; a file no commit holds (new, untracked) has
    /// none.
    pub commits: HashMap<PathBuf, LastCommit>,
    /// Files whose last commit is not known: the walk stopped at [`MAX_COMMITS`] before it
    /// reached them.
    pub not_known: HashSet<PathBuf>,
}

/// The newest commit that changed each of `files` (paths under `folder`). `Ok(None)` when the
/// folder is in no git repository; a repository that cannot be read (a broken `.git/HEAD`) is
/// an error, never taken for no repository.
pub fn last_commits(folder: &Path, files: &[PathBuf]) -> Result<Option<History>, GitError> {
    let fail = |why: String| GitError { folder: folder.display().to_string(), why };
    let repo = match gix::discover(folder) {
        Ok(repo) => repo,
        Err(e) if has_git_folder(folder) => return Err(fail(format!("the repository does not open: {e}"))),
        Err(_) => return Ok(None),
    };
    let Some(workdir) = repo.workdir() else { return Ok(None) };
    let workdir = workdir.canonicalize().map_err(|e| fail(e.to_string()))?;
    // Each file by its path in the repository's trees: relative to the worktree, with `/`.
    let mut wanted: HashMap<String, PathBuf> = HashMap::new();
    for file in files {
        let Ok(full) = file.canonicalize() else { continue };
        let Ok(inside) = full.strip_prefix(&workdir) else { continue };
        let parts: Vec<String> =
            inside.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        wanted.insert(parts.join("/"), file.clone());
    }
    let folders: HashSet<String> = wanted
        .keys()
        .flat_map(|path| path.match_indices('/').map(|(at, _)| path[..at].to_owned()).collect::<Vec<_>>())
        .collect();
    let mut found = HashMap::new();
    let head = repo.head().map_err(|e| fail(format!("HEAD does not read: {e}")))?;
    let Some(head) = head.id().map(gix::Id::detach) else {
        // A repository with no commit yet: nothing is committed.
        return Ok(Some(History::default()));
    };
    let mut open = Trees { repo: &repo, wanted: &wanted, folders: &folders, changed: Vec::new() };
    let mut next = Some(head);
    let mut walked = 0;
    while let Some(id) = next {
        if found.len() == wanted.len() || walked == MAX_COMMITS {
            break;
        }
        walked += 1;
        let commit = repo.find_commit(id).map_err(|e| fail(e.to_string()))?;
        let parent = commit.parent_ids().next().map(gix::Id::detach);
        let tree = commit.tree_id().map_err(|e| fail(e.to_string()))?.detach();
        let parent_tree = match parent {
            Some(p) => {
                Some(repo.find_commit(p).and_then(|c| c.tree_id()).map_err(|e| fail(e.to_string()))?.detach())
            }
            None => None,
        };
        open.changed.clear();
        open.compare(Some(tree), parent_tree, "").map_err(fail)?;
        if !open.changed.is_empty() {
            let author = commit.author().map_err(|e| fail(e.to_string()))?;
            let seconds = author.time().map(|t| t.seconds).unwrap_or_default();
            let name = author.name.to_string();
            let message = commit.message_raw_sloppy().to_string();
            let summary = message.lines().next().unwrap_or_default().trim().to_owned();
            for path in open.changed.drain(..) {
                if let Some(file) = wanted.get(&path) {
                    found.entry(file.clone()).or_insert_with(|| LastCommit {
                        seconds,
                        author: name.clone(),
                        summary: summary.clone(),
                    });
                }
            }
        }
        next = parent;
    }
    let not_known = if next.is_some() && walked == MAX_COMMITS {
        wanted.values().filter(|f| !found.contains_key(*f)).cloned().collect()
    } else {
        HashSet::new()
    };
    Ok(Some(History { commits: found, not_known }))
}

/// Whether `folder` or a folder above it holds a `.git`: a repository is meant to be there.
fn has_git_folder(folder: &Path) -> bool {
    let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
    folder.ancestors().any(|f| f.join(".git").exists())
}

/// Compares two trees, opening only the folders that lead to wanted files.
struct Trees<'a> {
    repo: &'a gix::Repository,
    wanted: &'a HashMap<String, PathBuf>,
    folders: &'a HashSet<String>,
    changed: Vec<String>,
}

impl Trees<'_> {
    fn entries(&self, tree: Option<ObjectId>) -> Result<HashMap<String, (bool, ObjectId)>, String> {
        let Some(id) = tree else { return Ok(HashMap::new()) };
        let object = self.repo.find_object(id).map_err(|e| e.to_string())?;
        let tree = object.try_into_tree().map_err(|e| e.to_string())?;
        let decoded = tree.decode().map_err(|e| e.to_string())?;
        Ok(decoded
            .entries
            .iter()
            .map(|e| (e.filename.to_string(), (e.mode.is_tree(), e.oid.to_owned())))
            .collect())
    }

    fn compare(&mut self, new: Option<ObjectId>, old: Option<ObjectId>, prefix: &str) -> Result<(), String> {
        if new == old {
            return Ok(());
        }
        let (new, old) = (self.entries(new)?, self.entries(old)?);
        let names: HashSet<&String> = new.keys().chain(old.keys()).collect();
        for name in names {
            let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}/{name}") };
            let (a, b) = (new.get(name), old.get(name));
            if a.map(|e| e.1) == b.map(|e| e.1) {
                continue;
            }
            let is_tree = |e: Option<&(bool, ObjectId)>| e.is_some_and(|e| e.0);
            if self.folders.contains(&path) {
                let tree_of = |e: Option<&(bool, ObjectId)>| e.filter(|e| e.0).map(|e| e.1);
                self.compare(tree_of(a), tree_of(b), &path)?;
            } else if self.wanted.contains_key(&path) && !is_tree(a) {
                self.changed.push(path);
            }
        }
        Ok(())
    }
}
