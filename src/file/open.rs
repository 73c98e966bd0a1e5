//! Opening a file to read it without ever blocking: a name looked at a moment ago may hold a
//! pipe by the time it is opened (`mkfifo` in a pull request, a swap between the look and the
//! open), and opening a pipe to read waits for a writer for ever. So the file is opened first,
//! without waiting (`O_NONBLOCK`), and its type is checked on what was opened (`fstat`), never
//! on the name. Maps, pictures, imports and linked maps are all read through here.

use std::fs::{File, Metadata};
use std::path::Path;

/// Whether a symbolic link as the path's last part is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// A path the user named: a map kept as a link to another folder is theirs to open.
    Follow,
    /// A file found by walking a folder, which the walk saw as a regular file: a link that
    /// replaced it since is refused.
    DoNotFollow,
}

/// Why a file could not be opened to read.
#[derive(Debug)]
pub enum OpenError {
    Io(std::io::Error),
    /// A folder, pipe, socket or device.
    NotAFile,
}

impl From<OpenError> for std::io::Error {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::Io(e) => e,
            OpenError::NotAFile => Self::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file (a folder, pipe, socket or device)",
            ),
        }
    }
}

/// Opens `path` to read, with what it is: only a regular file, opened without blocking.
pub fn open_regular(path: &Path, links: Links) -> Result<(File, Metadata), OpenError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        let nofollow = if links == Links::DoNotFollow { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow);
    }
    #[cfg(not(unix))]
    let _ = links;
    let file = options.open(path).map_err(|e| {
        // O_NOFOLLOW on a link fails with ELOOP: the file was swapped for a link.
        #[cfg(unix)]
        if links == Links::DoNotFollow && e.raw_os_error() == Some(libc::ELOOP) {
            return OpenError::NotAFile;
        }
        OpenError::Io(e)
    })?;
    let metadata = file.metadata().map_err(OpenError::Io)?;
    if !metadata.is_file() {
        return Err(OpenError::NotAFile);
    }
    Ok((file, metadata))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_a_folder_and_a_swapped_in_link_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("map.ron");
        assert!(std::process::Command::new("mkfifo").arg(&pipe).status().unwrap().success());
        // With no writer, a blocking open would never return.
        assert!(matches!(open_regular(&pipe, Links::Follow), Err(OpenError::NotAFile)));
        assert!(matches!(open_regular(dir.path(), Links::Follow), Err(OpenError::NotAFile)));

        let real = dir.path().join("real.ron");
        std::fs::write(&real, "(format_version: 9)").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(open_regular(&link, Links::Follow).is_ok());
        assert!(matches!(open_regular(&link, Links::DoNotFollow), Err(OpenError::NotAFile)));
        let (_, meta) = open_regular(&real, Links::DoNotFollow).unwrap();
        assert_eq!(meta.len(), 19);
    }
}
