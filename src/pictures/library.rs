//! The editor's pictures: read by worker threads, uploaded as textures when they arrive, looked
//! at again about once a second (by a thread of their own, which wakes the editor only when a
//! file changed) so a picture changed on disk shows up, and dropped when no card or persona
//! names them any more.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::{Picture, PictureError, Reach, Set, load, named, resolve};
use crate::file::disk::{Poll, Stamp, stamp};
use crate::model::Map;
use crate::render::pictures::{Pictures, Shown};

/// Pictures being read or read, by the name the map gives them.
pub struct Library {
    folder: Option<PathBuf>,
    /// Whether pictures outside the map's folder are read (the user agreed, for this map).
    reach: Reach,
    entries: HashMap<String, Entry>,
    shown: Pictures,
    jobs: Option<Sender<Job>>,
    done: (Sender<Done>, Receiver<Done>),
    /// Looks at the files read, and wakes the editor when one changed.
    poll: Option<Poll>,
    /// The map revision whose pictures the entries are: names are looked for only after a change.
    revision: Option<u64>,
}

impl Default for Library {
    fn default() -> Self {
        Self {
            folder: None,
            reach: Reach::MapFolder,
            entries: HashMap::new(),
            shown: Pictures::default(),
            jobs: None,
            done: channel(),
            poll: None,
            revision: None,
        }
    }
}

struct Entry {
    path: PathBuf,
    /// The file's stamp when it was last sent to be read.
    stamp: Stamp,
    loading: bool,
    /// The last picture read, kept on screen while a changed file is read again.
    picture: Option<(Picture, Vec<egui::TextureHandle>)>,
    error: Option<PictureError>,
}

impl Entry {
    /// Not read: the picture lies outside the map's folder.
    fn kept_out(&self) -> bool {
        matches!(self.error, Some(PictureError::Outside))
    }

    fn shown(&self) -> Shown {
        match (&self.picture, &self.error) {
            (Some((picture, textures)), _) => Picture::shown(&picture.levels, textures),
            (None, Some(error)) if !self.loading => Shown::Missing(error.to_string()),
            _ => Shown::Loading,
        }
    }
}

struct Job {
    name: String,
    path: PathBuf,
    stamp: Stamp,
}

struct Done {
    name: String,
    path: PathBuf,
    stamp: Stamp,
    result: Result<Picture, PictureError>,
}

impl Library {
    /// What the painter draws from.
    pub fn shown(&self) -> &Pictures {
        &self.shown
    }

    /// Why a picture cannot be shown, if it cannot.
    pub fn problem(&self, name: &str) -> Option<&PictureError> {
        self.entries.get(name).and_then(|e| e.error.as_ref())
    }

    /// Which pictures are read: from now on, all of them again.
    pub fn set_reach(&mut self, reach: Reach) {
        if self.reach != reach {
            self.reach = reach;
            self.entries.clear();
            self.revision = None;
        }
    }

    /// The pictures kept out because they lie outside the map's folder.
    pub fn outside(&self) -> Vec<&str> {
        let mut names: Vec<&str> =
            self.entries.iter().filter(|(_, e)| e.kept_out()).map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        names
    }

    /// Whether any picture is still being read.
    pub fn busy(&self) -> bool {
        self.entries.values().any(|e| e.loading)
    }

    /// Brings the library up to date with `map` at `revision` (any number that changes when the
    /// map does), whose pictures are relative to `folder`: starts reading pictures newly named
    /// and files that changed, takes in pictures read, forgets the ones no longer named.
    pub fn update(&mut self, ctx: &egui::Context, map: &Map, revision: u64, folder: Option<&Path>) {
        if self.folder.as_deref() != folder {
            // Saved somewhere else: the same names may be other files.
            self.entries.clear();
            self.folder = folder.map(Path::to_path_buf);
            self.revision = None;
        }
        let mut changed = false;
        if self.revision != Some(revision) {
            self.revision = Some(revision);
            let names = named(map);
            if self.entries.len() != names.len() || names.iter().any(|n| !self.entries.contains_key(*n)) {
                self.entries.retain(|name, _| names.contains(&name.as_str()));
                for name in names {
                    if !self.entries.contains_key(name) {
                        let path = resolve(folder, name);
                        if super::kept_out(folder, name, self.reach) {
                            // Not read at all: not even its size and time.
                            let error = Some(PictureError::Outside);
                            let entry = Entry { stamp: None, path, loading: false, picture: None, error };
                            self.entries.insert(name.to_owned(), entry);
                            continue;
                        }
                        let entry =
                            Entry { stamp: stamp(&path), path, loading: true, picture: None, error: None };
                        self.entries.insert(name.to_owned(), entry);
                        self.send(ctx, name);
                    }
                }
                changed = true;
            }
        }
        while let Ok(done) = self.done.1.try_recv() {
            let Some(entry) = self.entries.get_mut(&done.name) else { continue };
            if entry.path != done.path || entry.stamp != done.stamp {
                continue; // A newer read is on its way.
            }
            entry.loading = false;
            match done.result {
                Ok(picture) => {
                    let (_, textures) = picture.upload(ctx, &done.name);
                    entry.picture = Some((picture, textures));
                    entry.error = None;
                }
                Err(error) => {
                    entry.picture = None;
                    entry.error = Some(error);
                }
            }
            changed = true;
        }
        if self.poll.as_ref().is_some_and(Poll::changed) {
            let mut again = Vec::new();
            for (name, entry) in &mut self.entries {
                if entry.kept_out() {
                    continue;
                }
                let now_stamp = stamp(&entry.path);
                if !entry.loading && now_stamp != entry.stamp {
                    entry.stamp = now_stamp;
                    entry.loading = true;
                    again.push(name.clone());
                }
            }
            if !again.is_empty() {
                self.watch_files(ctx);
            }
            for name in again {
                self.send(ctx, &name);
            }
        }
        if changed {
            self.shown = Pictures(self.entries.iter().map(|(n, e)| (n.clone(), e.shown())).collect());
            self.watch_files(ctx);
        }
    }

    /// Tells the poll thread which files to look at: those read (not those kept out), with their
    /// size and time when they were read.
    fn watch_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<(PathBuf, Stamp)> =
            self.entries.values().filter(|e| !e.kept_out()).map(|e| (e.path.clone(), e.stamp)).collect();
        match &self.poll {
            _ if paths.is_empty() => self.poll = None,
            Some(poll) => poll.watch(paths),
            None => {
                let wake = ctx.clone();
                self.poll = Some(Poll::start(paths, move || wake.request_repaint()));
            }
        }
    }

    /// Every picture `map` names, for an export: those read already as they are, the others read
    /// now.
    pub fn set(&self, map: &Map) -> Set {
        let mut set = Set::default();
        let mut unread = Vec::new();
        for name in named(map) {
            match self.entries.get(name) {
                Some(Entry { picture: Some((picture, _)), loading: false, .. }) => {
                    set.pictures.insert(name.to_owned(), Ok(picture.clone()));
                }
                _ => unread.push(name),
            }
        }
        set.pictures.extend(Set::load_names(&unread, self.folder.as_deref(), self.reach).pictures);
        set
    }

    /// Asks a worker to read the picture of the entry `name`.
    fn send(&mut self, ctx: &egui::Context, name: &str) {
        let Some(entry) = self.entries.get(name) else { return };
        let job = Job { name: name.to_owned(), path: entry.path.clone(), stamp: entry.stamp };
        let jobs = self.jobs.get_or_insert_with(|| start_workers(ctx, &self.done.0));
        if jobs.send(job).is_err() {
            self.jobs = None;
        }
    }
}

/// Threads that read pictures, two at most so a map of big photos does not hold many decoded
/// photos in memory at once; they end when the library is dropped.
fn start_workers(ctx: &egui::Context, done: &Sender<Done>) -> Sender<Job> {
    let (jobs, queue) = channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for i in 0..2 {
        let queue = Arc::clone(&queue);
        let done = done.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name(format!("pictures {i}")).spawn(move || {
            loop {
                let job = match queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => break,
                };
                let Ok(job) = job else { break };
                let result = load(&job.path);
                let finished = Done { name: job.name, path: job.path, stamp: job.stamp, result };
                if done.send(finished).is_err() {
                    break;
                }
                ctx.request_repaint();
            }
        });
        if spawned.is_err() {
            break;
        }
    }
    jobs
}
