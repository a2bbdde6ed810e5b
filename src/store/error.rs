//! The one error type of the storage layer.
//!
//! Messages name the file and say what to do. They never quote a record's
//! contents: notes are private and error text ends up on screen and in logs.

use std::io;
use std::path::PathBuf;

/// Anything that can go wrong reading or writing stored records.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system refused a read, write, rename or folder operation.
    #[error(
        "could not use {}: {source}. Check that the folder exists and that you \
         have permission to read and write it.",
        path.display()
    )]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The file is not a readable record. `message` is a generic description
    /// that never contains text from the file.
    #[error(
        "{} is damaged: {message} at line {line}, column {column}. Your other \
         records are unaffected; keep this file and ask for help recovering it.",
        path.display()
    )]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A record id that cannot safely be used as a file name.
    #[error(
        "{id:?} is not a valid record id: ids use only lowercase letters a-z, \
         digits and '-', and are at most {max} characters.",
        max = super::id::MAX_ID_LEN
    )]
    BadId { id: String },
    /// The file was written by a newer version of the app.
    #[error(
        "{} was written by a newer version of reflect (format {found}; this \
         version understands up to {supported}). Update reflect to open it; the \
         file has been left untouched.",
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
         left untouched; rename the file or fix its `id` line.",
        path.display()
    )]
    IdMismatch { path: PathBuf },
    /// A record could not be turned into TOML (a bug, not a user problem).
    #[error("could not prepare {} for saving: {message}. Nothing was written.", path.display())]
    Encode { path: PathBuf, message: String },
}

impl StoreError {
    /// Wrap an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        StoreError::Io {
            path: path.into(),
            source,
        }
    }
}
