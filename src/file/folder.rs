//! The maps in a folder and its subfolders: what `touchline check DIR` checks, the way a team
//! keeps its journeys in one repository.

use std::path::{Path, PathBuf};

/// Files looked at before a walk stops, unless the user raises or lifts the limit: a folder of
/// maps holds hundreds, not a whole disk.
pub const MAX_FILES: usize = 100_000;

/// Folders a walk passes over besides hidden ones (`.git`): what build tools fill with files
/// that are never a team's maps.
pub const PASSED_OVER: [&str; 2] = ["node_modules", "target"];

/// How far a walk goes.
#[derive(Clone, Copy, Debug)]
pub struct Walk {
    /// Files looked at before the walk stops; `None` looks at every one.
    pub max_files: Option<usize>,
}

impl Default for Walk {
    fn default() -> Self {
        Self { max_files: Some(MAX_FILES) }
    }
}

/// What a walk found: the maps, in path order, and what it passed over.
#[derive(Debug, Default)]
pub struct Found {
    pub maps: Vec<PathBuf>,
    /// `.ron` files that are not Touchline maps (their top level holds no `format_version` and
    /// `map`).
    pub other_ron: usize,
    /// Folders that could not be listed, as `path: why`.
    pub unreadable: Vec<String>,
    /// Folders passed over: hidden ones (other than `.git`) and [`PASSED_OVER`].
    pub passed_over: usize,
    /// The walk stopped at this many files without looking at the rest.
    pub cut_short: Option<usize>,
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
        if self.passed_over > 0 {
            let folders = if self.passed_over == 1 { "folder" } else { "folders" };
            let _ = write!(
                line,
                "; {} {folders} not searched (hidden, {})",
                self.passed_over,
                PASSED_OVER.join(", ")
            );
        }
        if let Some(limit) = self.cut_short {
            let _ = write!(
                line,
                "; stopped after {limit} files, so maps further on were not read (give --max-files N to \
                 raise the limit, or --max-files 0 to lift it)"
            );
        }
        line
    }
}

/// Every map under `folder` (see [`maps_in_with`]) with the default limit.
pub fn maps_in(folder: &Path) -> Found {
    maps_in_with(folder, Walk::default())
}

/// Every map under `folder`: `.ron` files whose top level is a Touchline map (see
/// [`names_a_map`]), found recursively. Hidden folders and [`PASSED_OVER`] are passed over and
/// symbolic links are not followed, so a walk ends and stays inside the folder asked for. A
/// `.ron` file that cannot be read is kept, so that reading it says why.
pub fn maps_in_with(folder: &Path, walk: Walk) -> Found {
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
            if let Some(limit) = walk.max_files
                && seen > limit
            {
                found.cut_short = Some(limit);
                break;
            }
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                if name == ".git" {
                } else if name.starts_with('.') || PASSED_OVER.contains(&name.as_ref()) {
                    found.passed_over += 1;
                } else {
                    folders.push(path);
                }
            } else if kind.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                if may_be_a_map(&path) {
                    found.maps.push(path);
                } else {
                    found.other_ron += 1;
                }
            }
        }
        if found.cut_short.is_some() {
            break;
        }
    }
    found.maps.sort();
    found
}

/// Whether a `.ron` file is meant as a Touchline map, or cannot be read to tell (reading it
/// again will say why). A map that then fails to read is reported by `check`; a file that never
/// was one is not.
fn may_be_a_map(path: &Path) -> bool {
    use std::io::Read as _;
    let Ok((file, _)) = super::open::open_regular(path, super::open::Links::DoNotFollow) else {
        return true;
    };
    let mut bytes = Vec::new();
    if file.take(super::MAX_FILE_BYTES).read_to_end(&mut bytes).is_err() {
        return true;
    }
    names_a_map(&bytes)
}

/// Whether RON text's top level is a struct with the fields `format_version` and `map`, in any
/// order and after any comments: read by skipping strings, comments and nested values, without
/// building anything.
pub fn names_a_map(text: &[u8]) -> bool {
    let mut scan = Scan { text, at: 0 };
    // The stack of open brackets; keys count only directly inside a top-level `(`.
    let mut open: Vec<u8> = Vec::new();
    let mut key_next = false;
    let (mut version, mut map) = (false, false);
    while let Some(c) = scan.next_token_start() {
        match c {
            b'(' | b'[' | b'{' => {
                open.push(c);
                key_next = open == b"(";
                scan.at += 1;
            }
            b')' | b']' | b'}' => {
                open.pop();
                key_next = false;
                scan.at += 1;
                if open.is_empty() && c == b')' && (version || map) {
                    break;
                }
            }
            b',' => {
                key_next = open == b"(";
                scan.at += 1;
            }
            b'"' => {
                scan.skip_string();
                key_next = false;
            }
            b'r' if matches!(scan.peek(1), Some(b'"' | b'#')) => {
                scan.skip_raw_string();
                key_next = false;
            }
            b'\'' => {
                scan.skip_char();
                key_next = false;
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                let word = scan.word();
                let (is_version, is_map) = (word == b"format_version", word == b"map");
                if key_next && scan.next_token_start() == Some(b':') {
                    version |= is_version;
                    map |= is_map;
                }
                key_next = false;
            }
            _ => {
                key_next = false;
                scan.at += 1;
            }
        }
    }
    version && map
}

/// A cursor over RON text.
struct Scan<'t> {
    text: &'t [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.text.get(self.at + ahead).copied()
    }

    /// Skips spaces and comments; the byte a token starts with.
    fn next_token_start(&mut self) -> Option<u8> {
        loop {
            let c = self.peek(0)?;
            if c.is_ascii_whitespace() {
                self.at += 1;
            } else if c == b'/' && self.peek(1) == Some(b'/') {
                while self.peek(0).is_some_and(|c| c != b'\n') {
                    self.at += 1;
                }
            } else if c == b'/' && self.peek(1) == Some(b'*') {
                // Block comments nest in RON.
                let mut depth = 0_usize;
                while let Some(c) = self.peek(0) {
                    if c == b'/' && self.peek(1) == Some(b'*') {
                        depth += 1;
                        self.at += 2;
                    } else if c == b'*' && self.peek(1) == Some(b'/') {
                        depth -= 1;
                        self.at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        self.at += 1;
                    }
                }
            } else {
                return Some(c);
            }
        }
    }

    fn skip_string(&mut self) {
        self.at += 1;
        while let Some(c) = self.peek(0) {
            self.at += if c == b'\\' { 2 } else { 1 };
            if c == b'"' {
                return;
            }
        }
    }

    /// `r"…"` or `r#"…"#` with any number of `#`.
    fn skip_raw_string(&mut self) {
        self.at += 1;
        let mut hashes = 0;
        while self.peek(0) == Some(b'#') {
            hashes += 1;
            self.at += 1;
        }
        if self.peek(0) != Some(b'"') {
            return;
        }
        self.at += 1;
        while let Some(c) = self.peek(0) {
            self.at += 1;
            if c == b'"' && (0..hashes).all(|i| self.peek(i) == Some(b'#')) {
                self.at += hashes;
                return;
            }
        }
    }

    fn skip_char(&mut self) {
        self.at += 1;
        while let Some(c) = self.peek(0) {
            self.at += if c == b'\\' { 2 } else { 1 };
            if c == b'\'' || c == b'\n' {
                return;
            }
        }
    }

    fn word(&mut self) -> &[u8] {
        let start = self.at;
        while self.peek(0).is_some_and(|c| c == b'_' || c.is_ascii_alphanumeric()) {
            self.at += 1;
        }
        &self.text[start..self.at]
    }
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
        assert!(found.unreadable.is_empty() && found.cut_short.is_none());
        let summary = found.summary(root);
        assert!(summary.ends_with(": 2 maps (1 other .ron file passed over)"), "{summary}");
        assert!(maps_in(&root.join("detail/deeper")).summary(root).ends_with(": 1 map"));
    }

    #[test]
    fn a_map_is_told_by_its_top_level_fields_wherever_they_are() {
        let licence = format!("// {}\n", "Licensed to the team. ".repeat(400));
        for text in [
            "(format_version: 9, map: (title: \"A\"))".to_owned(),
            format!("{licence}(\n    format_version: 9,\n    map: (),\n)"),
            "/* a /* nested */ note */ (map: (title: \"format_version\"), format_version: 9)".to_owned(),
            "#![enable(implicit_some)]\n(map: (notes: r#\"a \") \"#), format_version: 9)".to_owned(),
            "DocumentIn(format_version:9,map:())".to_owned(),
        ] {
            assert!(names_a_map(text.as_bytes()), "{text}");
        }
        for text in [
            "(theme: Dark)",
            "(title: \"format_version: 9, map: ()\")",
            "// format_version: 9, map: ()\n(theme: Dark)",
            "(settings: (format_version: 9, map: ()))",
            "[(format_version: 9, map: ())]",
            "(format_version: 9)",
            "(c: 'm', map_x: 1, format_versions: 2)",
        ] {
            assert!(!names_a_map(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn a_walk_passes_over_build_folders_and_stops_only_where_told() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let map = "(\n    format_version: 9,\n    map: (),\n)\n";
        for folder in ["node_modules/pkg", "target/debug", ".cache", "maps"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
            std::fs::write(root.join(folder).join("m.ron"), map).unwrap();
        }
        for i in 0..5 {
            std::fs::write(root.join(format!("extra-{i}.txt")), "").unwrap();
        }
        let found = maps_in(root);
        assert_eq!(found.maps, [root.join("maps/m.ron")]);
        assert_eq!(found.passed_over, 3);
        assert!(found.summary(root).contains("3 folders not searched (hidden, node_modules, target)"));
        let cut = maps_in_with(root, Walk { max_files: Some(3) });
        assert_eq!(cut.cut_short, Some(3));
        assert!(cut.summary(root).contains("--max-files"), "{}", cut.summary(root));
        assert!(maps_in_with(root, Walk { max_files: None }).cut_short.is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_ron_file_that_cannot_be_read_is_kept_to_be_reported() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked.ron");
        std::fs::write(&locked, "(format_version: 9, map: ())").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads it anyway; either way it is among the maps.
        assert_eq!(maps_in(dir.path()).maps, [locked]);
    }
}
