//! Loading a whole folder of records, coping with damaged files and with
//! whatever else is in the folder, and saying what was skipped and why.

use std::fs::{self, DirEntry};
use std::io;
use std::path::{Path, PathBuf};

use std::collections::HashMap;

use super::aside::move_aside;
use super::decode::{check_id, decode};
use super::error::StoreError;
use super::index::INDEX_NAME;
use super::lock::RecordLock;
use super::record::{Access, Record};
use super::summary::Stamp;
use super::temp::is_temp_name;
use crate::words::id::validate_id;

/// What [`load_all`] found.
#[derive(Debug)]
pub struct LoadReport<T> {
    /// Readable records, most recently updated first.
    pub records: Vec<T>,
    /// Damaged files renamed to `NAME.corrupt-STAMP` (never rewritten).
    pub moved_aside: Vec<MovedAside>,
    /// Record files left where they are (damaged, newer format, too large,
    /// in use elsewhere), with a reason that never quotes the file.
    pub unreadable: Vec<(PathBuf, String)>,
    /// Other things in the folder that are not records: odd names, links,
    /// folders. The app's own files (locks, `.gitignore`, files already
    /// moved aside) are not listed.
    pub skipped: Vec<(PathBuf, String)>,
    /// Each record file's length and time, taken before it was read.
    pub stamps: HashMap<String, Stamp>,
}

impl<T> LoadReport<T> {
    pub(crate) fn empty() -> Self {
        LoadReport {
            records: Vec::new(),
            moved_aside: Vec::new(),
            unreadable: Vec::new(),
            skipped: Vec::new(),
            stamps: HashMap::new(),
        }
    }
}

/// A damaged file that was renamed out of the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedAside {
    pub original: PathBuf,
    pub moved_to: PathBuf,
    /// Where and roughly how it is damaged; never its contents.
    pub reason: String,
}

/// What one folder entry is.
pub(crate) enum Entry {
    Record(String, Stamp),
    /// The app's own bookkeeping: nothing to say.
    Own,
    Skipped(String),
    Unreadable(String),
}

/// Load every `ID.toml` in `dir`; a missing folder holds no records.
pub(crate) fn load_all<T: Record>(dir: &Path, access: Access) -> Result<LoadReport<T>, StoreError> {
    load_with(dir, access, |report, path, id, stamp| {
        report.stamps.insert(id.to_owned(), stamp);
        load_one(report, dir, path, id, access);
    })
}

/// Goes through the folder, sorting each entry into `report`; record files
/// are handed to `record` (with their id and stamp). Newest first.
pub(crate) fn load_with<T: HasUpdated>(
    dir: &Path,
    access: Access,
    mut record: impl FnMut(&mut LoadReport<T>, &Path, &str, Stamp),
) -> Result<LoadReport<T>, StoreError> {
    let mut report = LoadReport::empty();
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound && access == Access::Read => {
            return Ok(report);
        }
        Err(e) => return Err(StoreError::io(dir, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let reason = format!("could not list the folder: {e}");
                report.unreadable.push((dir.to_path_buf(), reason));
                continue;
            }
        };
        match classify(&entry) {
            Entry::Record(id, stamp) => record(&mut report, &entry.path(), &id, stamp),
            Entry::Own => {}
            Entry::Skipped(why) => report.skipped.push((entry.path(), why)),
            Entry::Unreadable(why) => report.unreadable.push((entry.path(), why)),
        }
    }
    report
        .records
        .sort_by(|a, b| b.when().cmp(&a.when()).then_with(|| b.key().cmp(a.key())));
    Ok(report)
}

/// What newest-first sorting needs of a loaded thing.
pub(crate) trait HasUpdated {
    fn when(&self) -> chrono::DateTime<chrono::FixedOffset>;
    fn key(&self) -> &str;
}

impl<T: Record> HasUpdated for T {
    fn when(&self) -> chrono::DateTime<chrono::FixedOffset> {
        self.updated()
    }
    fn key(&self) -> &str {
        self.id()
    }
}

fn classify(entry: &DirEntry) -> Entry {
    let name = entry.file_name();
    let Some(name) = name.to_str() else {
        return Entry::Skipped("its name is not a record name".into());
    };
    if name == ".gitignore"
        || name == INDEX_NAME
        || is_temp_name(name)
        || name.contains(".corrupt-")
    {
        return Entry::Own;
    }
    if name
        .strip_suffix(".lock")
        .is_some_and(|id| validate_id(id).is_ok())
    {
        return Entry::Own;
    }
    let Some(id) = name
        .strip_suffix(".toml")
        .filter(|id| validate_id(id).is_ok())
    else {
        return Entry::Skipped(
            "not a record: record names are lowercase letters, digits and '-', then .toml".into(),
        );
    };
    // Not traversing a link, and from the open folder: no path walk.
    match entry.metadata() {
        Err(e) => Entry::Unreadable(format!("could not look at it: {e}")),
        Ok(meta) => by_kind(id, &meta),
    }
}

/// A record-named entry: a record only if a plain file of a record's size.
fn by_kind(id: &str, meta: &fs::Metadata) -> Entry {
    if meta.file_type().is_symlink() {
        Entry::Skipped("it is a link, and records are plain files, so it was left alone".into())
    } else if meta.is_dir() {
        Entry::Skipped("it is a folder, not a record".into())
    } else if !meta.is_file() {
        Entry::Skipped("it is not a plain file".into())
    } else if meta.len() > super::decode::MAX_RECORD_BYTES {
        Entry::Unreadable(format!(
            "it is {} MB, far larger than any record, so it was not read and was left as it is",
            meta.len() / (1024 * 1024)
        ))
    } else {
        Entry::Record(id.to_string(), Stamp::of(meta))
    }
}

pub(crate) fn load_one<T: Record>(
    report: &mut LoadReport<T>,
    dir: &Path,
    path: &Path,
    id: &str,
    access: Access,
) {
    let reason = match read_record::<T>(path, id) {
        Ok(record) => return report.records.push(record),
        Err(Damage::Parse(reason)) => reason,
        Err(Damage::Other(reason)) => return report.unreadable.push((path.to_path_buf(), reason)),
    };
    match access {
        Access::Write => move_damaged(report, dir, path, id, reason),
        Access::Read => report.unreadable.push((
            path.to_path_buf(),
            format!(
                "damaged: {reason}; left as it is (the app moves it aside {})",
                T::SET_ASIDE_WHEN
            ),
        )),
    }
}

enum Damage {
    /// Not a readable record: it may be moved aside.
    Parse(String),
    /// Readable but not for us (newer format, wrong id), or not readable
    /// at all: left where it is.
    Other(String),
}

fn read_record<T: Record>(path: &Path, id: &str) -> Result<T, Damage> {
    let bytes =
        fs::read(path).map_err(|e| Damage::Other(format!("could not read the file: {e}")))?;
    match decode::<T>(path, &bytes).and_then(|r| check_id(path, id, r)) {
        Ok(record) => Ok(record),
        Err(StoreError::Parse {
            line,
            column,
            message,
            ..
        }) => Err(Damage::Parse(format!(
            "{message} at line {line}, column {column}"
        ))),
        Err(e) => Err(Damage::Other(e.to_string())),
    }
}

/// Moves a damaged record aside, holding its lock so that no other copy of
/// the app is writing it meanwhile; read again under the lock, a file that
/// was being replaced as it was first read is loaded, not moved.
fn move_damaged<T: Record>(
    report: &mut LoadReport<T>,
    dir: &Path,
    path: &Path,
    id: &str,
    reason: String,
) {
    let _lock = match RecordLock::try_acquire(dir, id) {
        Ok(Some(lock)) => lock,
        Ok(None) => {
            let why = format!(
                "damaged: {reason}; another copy of reflect has it open, so it was left as it is"
            );
            return report.unreadable.push((path.to_path_buf(), why));
        }
        Err(e) => {
            let why = format!("damaged: {reason}; it could not be locked to move it aside ({e})");
            return report.unreadable.push((path.to_path_buf(), why));
        }
    };
    let reason = match read_record::<T>(path, id) {
        Ok(record) => return report.records.push(record),
        Err(Damage::Other(why)) => return report.unreadable.push((path.to_path_buf(), why)),
        Err(Damage::Parse(reason)) => reason,
    };
    match move_aside(path) {
        Ok(moved_to) => report.moved_aside.push(MovedAside {
            original: path.to_path_buf(),
            moved_to,
            reason,
        }),
        Err(e) => {
            let reason = format!("{reason}; could not move it aside: {e}");
            report.unreadable.push((path.to_path_buf(), reason));
        }
    }
}

#[cfg(test)]
mod tests;
