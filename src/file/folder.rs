//! The maps in a folder and its subfolders: what `touchline check DIR` checks, the way a team
//! keeps its journeys in one repository.

use std::path::{Path, PathBuf};

/// Files looked at before a walk stops: a folder of maps holds hundreds, not a whole disk.
pub const MAX_FILES: usize = 100_000;

/// What a walk found: the maps, in path order, and what it passed over.
#[derive(Debug, Default)]
pub struct Found {
    pub maps: Vec<PathBuf>,
    /// `.ron` files that are not Touchline maps (they hold no `format_version`).
    pub other_ron: usize,
    /// Folders that could not be listed, as `path: why`.
    pub unreadable: Vec<String>,
    /// The walk stopped at [`MAX_FILES`].
    pub cut_short: bool,
}

impl Found {
    /// One line saying what was found in `folder`.
    pub fn summary(&self, folder: &Path) -> String {
        use std::fmt::Write as _;
        let maps = match self.maps.len() {
            0 => "no maps".to_owned(),
            1 => "1 map".to_owned(),
            n => format!("{n} maps"),
        };
        let mut line = format!("{}: {maps}", folder.display());
        if self.other_ron > 0 {
            let files = if self.other_ron == 1 { "file" } else { "files" };
            let _ = write!(line, " ({} other .ron {files} passed over)", self.other_ron);
        }
        if self.cut_short {
            let _ = write!(line, "; stopped after {MAX_FILES} files");
        }
        line
    }
}

/// Every map under `folder`: `.ron` files that hold a `format_version`, found recursively.
/// Hidden folders (`.git`) are passed over and symbolic links are not followed, so a walk ends
/// and stays inside the folder asked for.
pub fn maps_in(folder: &Path) -> Found {
    let mut found = Found::default();
    let mut folders = vec![folder.to_path_buf()];
    let mut seen = 0_usize;
    while let Some(dir) = folders.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                found.unreadable.push(format!("{}: cannot list the folder: {e}", dir.display()));
                continue;
            }
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > MAX_FILES {
                found.cut_short = true;
                break;
            }
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() && !hidden {
                folders.push(path);
            } else if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                if looks_like_a_map(&path) {
                    found.maps.push(path);
                } else {
                    found.other_ron += 1;
                }
            }
        }
        if found.cut_short {
            break;
        }
    }
    found.maps.sort();
    found
}

/// Whether a `.ron` file is meant as a Touchline map: its start names a `format_version`. A map
/// that then fails to read is reported by `check`; a file that never was one is not.
fn looks_like_a_map(path: &Path) -> bool {
    use std::io::Read as _;
    let mut start = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut start));
    read.is_ok() && String::from_utf8_lossy(&start).contains("format_version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_walk_finds_maps_in_subfolders_and_passes_over_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("detail/deeper")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        let map = "(\n    format_version: 8,\n    map: (),\n)\n";
        std::fs::write(root.join("a.ron"), map).unwrap();
        std::fs::write(root.join("detail/deeper/b.RON"), map).unwrap();
        std::fs::write(root.join(".git/c.ron"), map).unwrap();
        std::fs::write(root.join("settings.ron"), "(theme: Dark)").unwrap();
        std::fs::write(root.join("notes.txt"), "format_version").unwrap();
        let found = maps_in(root);
        assert_eq!(found.maps, [root.join("a.ron"), root.join("detail/deeper/b.RON")]);
        assert_eq!(found.other_ron, 1);
        assert!(found.unreadable.is_empty() && !found.cut_short);
        let summary = found.summary(root);
        assert!(summary.ends_with(": 2 maps (1 other .ron file passed over)"), "{summary}");
        assert!(maps_in(&root.join("detail/deeper")).summary(root).ends_with(": 1 map"));
    }
}
