//! Writing a file so that a crash at any moment leaves either the old or the new content.

use std::io::Write as _;
use std::path::Path;

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk, then renames it over
/// `path`. Renaming within one folder is atomic, so readers never see a half-written file.
///
/// Through a symbolic link, the file it points to is replaced and the link stays. A new file
/// gets the permissions every program's new files get (0666 less the umask); a replaced file
/// keeps its own from the first byte written (so a save killed midway never leaves a copy of a
/// private map that others can read), and its owner and group where the process may set them.
/// A read-only file is not replaced (see [`replace_read_only`]). The file is replaced, not
/// rewritten: other hard links to it keep the old content. Temporary files that an interrupted
/// save of the same file left behind are removed.
///
/// Only a regular file is ever replaced: a character device (`/dev/null`, a terminal) is written
/// as a stream and stays a device; a folder, a pipe, a socket or a block device is refused. Every
/// file the program writes goes through here, so no command can forget that.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, false)
}

/// Like [`write_atomically`], and replaces a read-only file too (keeping it read-only): what
/// `--force` and the editor's "Save anyway" ask for.
pub fn replace_read_only(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write(path, bytes, true)
}

/// Why a save refused to replace a file: it is read-only.
#[derive(Debug, thiserror::Error)]
#[error("the file is read-only")]
struct ReadOnly;

/// Why a write refused a path that is not a regular file, a character device or nothing yet.
#[derive(Debug, thiserror::Error)]
enum NotAFile {
    #[error("is a folder; name the file to write")]
    Folder,
    #[error("is not a regular file (a pipe, socket or block device); not writing to it")]
    Special,
}

/// Whether a save was refused because the file is read-only; callers offer to replace it anyway.
pub fn is_read_only_refusal(error: &std::io::Error) -> bool {
    error.get_ref().is_some_and(<dyn std::error::Error + Send + Sync>::is::<ReadOnly>)
}

fn write(path: &Path, bytes: &[u8], replace_read_only: bool) -> std::io::Result<()> {
    let path = resolve_links(path);
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let existing = match std::fs::metadata(&path) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(meta) if meta.is_dir() => {
            return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, NotAFile::Folder));
        }
        Ok(meta) if is_char_device(&meta) => return stream_to_device(&path, bytes),
        Ok(_) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, NotAFile::Special)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing
        && meta.permissions().readonly()
        && !replace_read_only
    {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, ReadOnly));
    }
    let (temp_path, mut temp) = create_temp(&folder, &name, existing.as_ref())?;
    let written = (|| {
        temp.write_all(bytes)?;
        temp.sync_all()?;
        if let Some(meta) = &existing {
            keep_identity(&temp, meta)?;
        }
        drop(temp);
        std::fs::rename(&temp_path, &path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp_path);
        return Err(e);
    }
    sync_folder(&folder);
    remove_stale_temps(&folder, &name);
    Ok(())
}

/// Writes `bytes` to a character device as a stream: no create, no truncate, the device stays
/// what it is.
fn stream_to_device(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOCTTY);
    }
    let mut device = options.open(path)?;
    device.write_all(bytes)?;
    device.flush()
}

/// Whether a file is a character device (`/dev/null`, a terminal): written as a stream.
#[cfg(unix)]
pub fn is_char_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    meta.file_type().is_char_device()
}

#[cfg(not(unix))]
pub fn is_char_device(_: &std::fs::Metadata) -> bool {
    false
}

/// Where a path leads through symbolic links (to a file that may not exist yet).
fn resolve_links(path: &Path) -> std::path::PathBuf {
    let mut current = path.to_owned();
    // A bound, so a loop of links ends; the system refuses such paths anyway.
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        let Some(target) = is_link.then(|| std::fs::read_link(&current).ok()).flatten() else { break };
        current = match current.parent() {
            Some(parent) if target.is_relative() => parent.join(target),
            _ => target,
        };
    }
    current
}

/// The replaced file's permissions (exactly: the umask may have narrowed them at creation), and
/// its owner and group where the process may set them (root may; others keep their own).
fn keep_identity(temp: &std::fs::File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    temp.set_permissions(meta.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let _ = std::os::unix::fs::fchown(temp, Some(meta.uid()), Some(meta.gid()));
    }
    Ok(())
}

/// A new, empty temporary file beside the target: with the target's permissions when it exists
/// (never wider than the file it replaces, even for a moment), else as the platform creates new
/// files.
fn create_temp(
    folder: &Path,
    name: &str,
    replacing: Option<&std::fs::Metadata>,
) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
        // Writable by us while it is written; the exact mode is set before the rename.
        let mode = replacing.map_or(0o666, |m| (m.permissions().mode() & 0o777) | 0o200);
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = replacing;
    for attempt in 0..64_u128 {
        let nonce =
            (seed ^ (u128::from(std::process::id()) << 32)).wrapping_add(attempt * 7919) & 0xffff_ffff;
        let path = folder.join(format!(".{name}.{nonce:08x}.tmp"));
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("cannot create a temporary file"))
}

/// Temporary files of this name older than a minute: a save that was killed midway left them
/// (younger ones may belong to a save in progress elsewhere).
fn remove_stale_temps(folder: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() >= 60));
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename itself durable. Best effort: some file systems refuse to sync a folder, and
/// the data is already safely on disk by then.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("map.ron")]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails, and nothing else may change.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), "keep").unwrap();
        assert!(write_atomically(&target, b"new").is_err());
        assert_eq!(std::fs::read_to_string(target.join("inside")).unwrap(), "keep");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_refused_and_a_device_stays_a_device() {
        use std::os::unix::fs::FileTypeExt as _;
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("map.ron");
        assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
        let refused = write_atomically(&pipe, b"new").unwrap_err();
        assert!(refused.to_string().contains("not a regular file"), "{refused}");
        assert!(std::fs::metadata(&pipe).unwrap().file_type().is_fifo());
        // A device of our own (as root, which CI is): written as a stream, never replaced.
        let device = dir.path().join("null");
        let made = std::process::Command::new("mknod").arg(&device).args(["c", "1", "3"]).status();
        if made.is_ok_and(|s| s.success()) {
            write_atomically(&device, b"new").unwrap();
            assert!(std::fs::metadata(&device).unwrap().file_type().is_char_device());
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1 + usize::from(device.exists()));
    }

    #[cfg(unix)]
    #[test]
    fn through_a_link_the_target_changes_and_the_link_stays() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink("real.ron", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_private_file_is_never_readable_by_others_and_a_read_only_one_is_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.ron");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        // The temporary file is created as the save would create it, before a byte is written.
        let meta = std::fs::metadata(&path).unwrap();
        let (temp_path, temp) = create_temp(dir.path(), "private.ron", Some(&meta)).unwrap();
        drop(temp);
        let mode = std::fs::metadata(&temp_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o077, 0, "a temporary copy of a private map is private: {mode:o}");
        std::fs::remove_file(&temp_path).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);

        let locked = dir.path().join("locked.ron");
        std::fs::write(&locked, "keep").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
        let refused = write_atomically(&locked, b"new").unwrap_err();
        assert!(is_read_only_refusal(&refused), "{refused}");
        assert_eq!(std::fs::read_to_string(&locked).unwrap(), "keep");
        replace_read_only(&locked, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&locked).unwrap(), "new");
        assert_eq!(std::fs::metadata(&locked).unwrap().permissions().mode() & 0o777, 0o444);
    }

    #[test]
    fn a_save_removes_what_a_killed_save_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        let stale = dir.path().join(".map.ron.0badf00d.tmp");
        let file = std::fs::File::create(&stale).unwrap();
        let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
        file.set_modified(an_hour_ago).unwrap();
        let fresh = dir.path().join(".map.ron.12345678.tmp");
        std::fs::write(&fresh, "a save in progress elsewhere").unwrap();
        let other = dir.path().join(".other.ron.0badf00d.tmp");
        std::fs::File::create(&other).unwrap().set_modified(an_hour_ago).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert!(!stale.exists());
        assert!(fresh.exists() && other.exists(), "only this file's stale temporaries go");
    }
}
