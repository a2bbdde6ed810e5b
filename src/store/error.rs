//! The one error type of the storage layer.
//!
//! Messages name the file and say what to do. They never quote a record's
//! contents: notes are private and error text ends up on screen and in logs.

use std::io;
use std::path::{Path, PathBuf};

/// Anything that can go wrong reading or writing stored records.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused a read, write, rename or folder operation.
    /// Not a `#[source]`: the message already ends with the system's
    /// words, and `{:#}` would print them twice.
    #[error("{}", describe_io(path, error))]
    Io { path: PathBuf, error: io::Error },
    /// The file is not a readable record. `message` is a generic description
    /// that never contains text from the file.
    #[error(
        "{} is damaged: {message} at line {line}, column {column}. Your other \
         records are unaffected; keep this file and ask for help recovering it",
        path.display()
    )]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A record id that cannot safely be used as a file name.
    #[error(transparent)]
    BadId(#[from] crate::words::id::BadId),
    /// The file was written by a newer version of the app.
    #[error(
        "{} was written by a newer version of reflect (format {found}; this \
         version understands up to {supported}). Update reflect to open it; the \
         file has been left untouched",
        path.display()
    )]
    NewerFormat {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// The record's `id` field does not match its file name.
    #[error(
        "{} holds a record whose id does not match its file name. It has been \
         left untouched; rename the file or fix its `id` line",
        path.display()
    )]
    IdMismatch { path: PathBuf },
    /// Saved, the record would be larger than reading takes.
    #[error(
        "{} would be {size}, more than reflect keeps in one file (16 MB), so it \
         was not saved; take out some of the text (a large paste?) and it will save",
        path.display()
    )]
    TooLarge { path: PathBuf, size: String },
    /// A record could not be turned into TOML (a bug, not a user problem).
    #[error("could not prepare {} for saving: {message}; nothing was written", path.display())]
    Encode { path: PathBuf, message: String },
}

/// The tests' question; the app only ever shows the message.
#[cfg(test)]
impl StoreError {
    /// True when the disk (or the user's quota) is full.
    pub(crate) fn is_disk_full(&self) -> bool {
        matches!(self, StoreError::Io { error, .. }
            if matches!(error.kind(), io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded))
    }
}

impl StoreError {
    /// True when nothing can be written there: a read-only file system or
    /// a folder the user may not write to.
    pub fn is_read_only(&self) -> bool {
        matches!(self, StoreError::Io { error, .. }
            if matches!(error.kind(), io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied))
    }

    /// Wrap an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            error: source,
        }
    }
}

/// What went wrong, in words that say what to do; the operating system's
/// own message follows, whole, in brackets. No full stop at the end: the
/// message is often part of a longer sentence.
fn describe_io(path: &Path, source: &io::Error) -> String {
    let path = path.display();
    let what = match source.kind() {
        io::ErrorKind::StorageFull => {
            format!("the disk is full, so {path} could not be written; free some space")
        }
        io::ErrorKind::QuotaExceeded => {
            format!("your disk quota is used up, so {path} could not be written; free some space")
        }
        io::ErrorKind::ReadOnlyFilesystem => {
            format!("{path} is on a read-only file system, so nothing can be written there")
        }
        io::ErrorKind::PermissionDenied => format!(
            "you do not have permission to write {path}; check the folder's owner and permissions"
        ),
        io::ErrorKind::NotFound => format!("{path} or its folder is missing"),
        io::ErrorKind::NotADirectory => {
            format!(
                "{path} cannot be reached: a file stands where one of its folders should be; move that file aside"
            )
        }
        _ => format!("could not use {path}"),
    };
    format!("{what} ({source})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_says_so_and_keeps_the_os_message_whole() {
        let error = StoreError::io("/notes/r.toml", io::Error::from_raw_os_error(28));
        let text = error.to_string();
        assert!(
            text.starts_with("the disk is full, so /notes/r.toml could not be written"),
            "{text}"
        );
        assert!(
            text.contains("No space left on device (os error 28)"),
            "{text}"
        );
        assert!(
            !text.contains("permission") && !text.ends_with('.'),
            "{text}"
        );
        assert!(error.is_disk_full());
        // A tester saw the system's words twice, through anyhow's chain.
        let chained = format!("{:#}", anyhow::Error::new(error));
        assert_eq!(chained.matches("os error 28").count(), 1, "{chained}");
    }

    #[test]
    fn each_kind_has_its_own_words() {
        let cases = [
            (io::ErrorKind::ReadOnlyFilesystem, "read-only file system"),
            (io::ErrorKind::PermissionDenied, "permission"),
            (io::ErrorKind::NotFound, "missing"),
            (io::ErrorKind::QuotaExceeded, "quota"),
            (
                io::ErrorKind::NotADirectory,
                "a file stands where one of its folders",
            ),
        ];
        for (kind, words) in cases {
            let text = StoreError::io("/x", io::Error::from(kind)).to_string();
            assert!(text.contains(words), "{kind:?}: {text}");
        }
    }
}
