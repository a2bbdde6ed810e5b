//! Per-record advisory locks, so two windows never edit one record at once.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::disk::private_options;
use crate::words::id::validate_id;

/// An exclusive lock on one record, held until dropped.
///
/// It locks a separate `ID.lock` file (0600) because the record file itself
/// is replaced by rename on every save. Lock files are never removed:
/// removing them would race with another process acquiring them.
#[derive(Debug)]
#[must_use = "the lock is released as soon as it is dropped"]
pub struct RecordLock {
    _file: File,
}

impl RecordLock {
    /// Try to lock record `id` in `dir` without waiting. `Ok(None)` means
    /// someone else (another process or another handle) holds it.
    pub fn try_acquire(dir: &Path, id: &str) -> io::Result<Option<RecordLock>> {
        let path = lock_path(dir, id)?;
        let file = private_options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)?;
        Self::lock(file)
    }

    /// Lock a record id nobody has used: the lock file is created here, and
    /// `Ok(None)` means it exists already (the id is, or was, taken).
    pub fn try_create(dir: &Path, id: &str) -> io::Result<Option<RecordLock>> {
        let path = lock_path(dir, id)?;
        match private_options().write(true).create_new(true).open(&path) {
            Ok(file) => Self::lock(file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn lock(file: File) -> io::Result<Option<RecordLock>> {
        match file.try_lock() {
            Ok(()) => Ok(Some(RecordLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }
}

fn lock_path(dir: &Path, id: &str) -> io::Result<PathBuf> {
    validate_id(id).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
    Ok(dir.join(format!("{id}.lock")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    #[test]
    fn second_acquire_blocked_until_drop() {
        let tmp = TempDir::new().unwrap();
        let acquire = |id| RecordLock::try_acquire(tmp.path(), id).unwrap();
        let first = acquire("rec-1").expect("free lock must be acquired");
        assert!(acquire("rec-1").is_none());
        assert!(acquire("rec-2").is_some());
        drop(first);
        assert!(acquire("rec-1").is_some());
        assert!(
            tmp.path().join("rec-1.lock").exists(),
            "drop removes nothing"
        );
    }

    #[test]
    fn held_across_threads() {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().to_path_buf();
        let _held = RecordLock::try_acquire(&dir, "rec").unwrap().unwrap();
        let other = std::thread::spawn(move || RecordLock::try_acquire(&dir, "rec").unwrap());
        assert!(other.join().unwrap().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn lock_file_is_private() {
        use crate::store::files::tests::mode;
        let tmp = TempDir::new().unwrap();
        let _lock = RecordLock::try_acquire(tmp.path(), "rec").unwrap().unwrap();
        assert_eq!(mode(&tmp.path().join("rec.lock")), 0o600);
    }

    #[test]
    fn bad_id_rejected() {
        let tmp = TempDir::new().unwrap();
        let err = RecordLock::try_acquire(tmp.path(), "../x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
