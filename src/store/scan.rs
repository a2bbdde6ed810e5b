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

/// Larger than any reflection could be (a 5,000-line answer is about
/// 0.3 MB): such a file is not read at all, and left where it is.
const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;

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
    match fs::symlink_metadata(entry.path()) {
        Err(e) => Entry::Unreadable(format!("could not look at it: {e}")),
        Ok(meta) if meta.file_type().is_symlink() => {
            Entry::Skipped("it is a link, and records are plain files, so it was left alone".into())
        }
        Ok(meta) if meta.is_dir() => Entry::Skipped("it is a folder, not a record".into()),
        Ok(meta) if !meta.is_file() => Entry::Skipped("it is not a plain file".into()),
        Ok(meta) if meta.len() > MAX_RECORD_BYTES => Entry::Unreadable(format!(
            "it is {} MB, far larger than any record, so it was not read and was left as it is",
            meta.len() / (1024 * 1024)
        )),
        Ok(meta) => Entry::Record(id.to_string(), Stamp::of(&meta)),
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
            format!("damaged: {reason}; left as it is (the app moves it aside when it starts)"),
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
mod tests {
    use super::*;
    use crate::store::record_dir::RecordDir;
    use crate::store::reflection::Reflection;
    use crate::words::Audience;
    use chrono::DateTime;
    use tempfile::TempDir;

    const SECRET: &str = "SECRETMARKER";

    fn reflection(id: &str, updated: &str) -> Reflection {
        let t = DateTime::parse_from_rfc3339(updated).unwrap();
        Reflection::new(id, t, "p", "t", Audience::Practitioner)
    }

    fn setup() -> (TempDir, RecordDir<Reflection>) {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::open(tmp.path().join("r")).unwrap();
        (tmp, dir)
    }

    #[test]
    fn newest_first_and_junk_ignored() {
        let (_tmp, dir) = setup();
        dir.save(&reflection("old", "2026-01-01T00:00:00Z"))
            .unwrap();
        dir.save(&reflection("new", "2026-06-01T00:00:00+02:00"))
            .unwrap();
        let _lock = dir.lock("old").unwrap().unwrap();
        for junk in [
            ".new.toml.tmp-1-0",
            "x.toml.corrupt-20260101-000000",
            "Bad Name.toml",
        ] {
            fs::write(dir.dir().join(junk), "garbage [").unwrap();
        }
        fs::create_dir(dir.dir().join("sub.toml")).unwrap();
        let report = dir.load_all().unwrap();
        let ids: Vec<&str> = report.records.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["new", "old"]);
        assert!(report.moved_aside.is_empty() && report.unreadable.is_empty());
        let mut skipped: Vec<String> = report
            .skipped
            .iter()
            .map(|(p, why)| format!("{}: {why}", p.file_name().unwrap().to_string_lossy()))
            .collect();
        skipped.sort();
        assert_eq!(skipped.len(), 2, "{skipped:?}");
        assert!(
            skipped[0].starts_with("Bad Name.toml: not a record"),
            "{skipped:?}"
        );
        assert!(
            skipped[1].starts_with("sub.toml: it is a folder"),
            "{skipped:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_named_and_left_alone() {
        let (tmp, dir) = setup();
        let outside = tmp.path().join("outside.toml");
        dir.save(&reflection("real", "2026-01-01T00:00:00Z"))
            .unwrap();
        fs::copy(dir.path_of("real").unwrap(), &outside).unwrap();
        std::os::unix::fs::symlink(&outside, dir.dir().join("linked.toml")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("gone"), dir.dir().join("dangling.toml"))
            .unwrap();
        let report = dir.load_all().unwrap();
        assert_eq!(report.records.len(), 1);
        assert_eq!(report.skipped.len(), 2);
        assert!(report.skipped.iter().all(|(_, why)| why.contains("link")));
        assert!(dir.dir().join("dangling.toml").symlink_metadata().is_ok());
        assert!(outside.exists());
    }

    #[test]
    fn a_huge_file_is_not_read_and_not_moved() {
        let (_tmp, dir) = setup();
        let huge = dir.path_of("huge").unwrap();
        fs::File::create(&huge)
            .unwrap()
            .set_len(100 * 1024 * 1024)
            .unwrap();
        let report = dir.load_all().unwrap();
        assert!(report.records.is_empty() && report.moved_aside.is_empty());
        assert_eq!(report.unreadable.len(), 1);
        assert!(
            report.unreadable[0].1.contains("100 MB"),
            "{:?}",
            report.unreadable
        );
        assert_eq!(fs::metadata(&huge).unwrap().len(), 100 * 1024 * 1024);
    }

    /// Another copy of the app holds the damaged record's lock: it may be
    /// replacing the file right now, so it is not moved.
    #[test]
    fn a_damaged_file_in_use_elsewhere_is_left_where_it_is() {
        let (_tmp, dir) = setup();
        let bad = dir.path_of("busy").unwrap();
        fs::write(&bad, "format = [").unwrap();
        let _held = dir.lock("busy").unwrap().unwrap();
        let report = dir.load_all().unwrap();
        assert!(report.moved_aside.is_empty());
        assert!(
            report.unreadable[0].1.contains("another copy"),
            "{:?}",
            report.unreadable
        );
        assert_eq!(fs::read_to_string(&bad).unwrap(), "format = [");
    }

    #[test]
    fn reading_only_moves_nothing() {
        let (_tmp, dir) = setup();
        let bad = dir.path_of("bad").unwrap();
        fs::write(&bad, "format = [").unwrap();
        let report = RecordDir::<Reflection>::read_only(dir.dir())
            .load_all()
            .unwrap();
        assert!(report.moved_aside.is_empty());
        assert!(
            report.unreadable[0].1.starts_with("damaged: "),
            "{:?}",
            report.unreadable
        );
        assert_eq!(fs::read_to_string(&bad).unwrap(), "format = [");
    }

    #[test]
    fn corrupt_file_moved_aside_byte_for_byte() {
        let (_tmp, dir) = setup();
        dir.save(&reflection("good", "2026-01-01T00:00:00Z"))
            .unwrap();
        let bad = dir.path_of("bad").unwrap();
        let bytes = b"format = 1\nnotes = \"unterminated\r\n\xff\x00".to_vec();
        fs::write(&bad, &bytes).unwrap();
        let report = dir.load_all().unwrap();
        assert_eq!(report.records.len(), 1);
        assert_eq!(report.moved_aside.len(), 1);
        let moved = &report.moved_aside[0];
        assert_eq!(moved.original, bad);
        assert!(!bad.exists());
        assert_eq!(fs::read(&moved.moved_to).unwrap(), bytes);
        assert_eq!(moved.reason, "not valid UTF-8 text at line 3, column 1");
        let again = dir.load_all().unwrap();
        assert_eq!((again.records.len(), again.moved_aside.len()), (1, 0));
    }

    #[test]
    fn reasons_never_contain_file_contents() {
        let (_tmp, dir) = setup();
        let base = toml::to_string(&reflection("x", "2026-01-01T00:00:00Z")).unwrap();
        let cases = [
            format!("notes = \"{SECRET}"),
            format!("{SECRET} = oops"),
            format!("notes = {SECRET}"),
            base.replace("format = 1", &format!("format = \"{SECRET}\"")),
            base.replace("practitioner", SECRET),
            base.replace("pack = \"p\"", &format!("pack = [\"{SECRET}\"]")),
            base.replace("2026-01-01T00:00:00Z", SECRET),
            format!("{base}notes = \"{SECRET}\"\nnotes = \"{SECRET}\"\n"),
            format!("{base}[[answer]]\nquestion = \"{SECRET}\"\n"),
            format!("{SECRET}\u{0}\u{ff}"),
        ];
        let mut bodies: Vec<Vec<u8>> = cases.iter().map(|c| c.clone().into_bytes()).collect();
        bodies.push([SECRET.as_bytes(), b"\xff\xfe"].concat());
        for (i, body) in bodies.iter().enumerate() {
            let id = format!("c{i}");
            let path = dir.path_of(&id).unwrap();
            fs::write(&path, body).unwrap();
            let err = dir.load(&id).unwrap_err().to_string();
            assert!(!err.contains(SECRET), "case {i}: {err}");
            assert!(
                matches!(dir.load(&id), Err(StoreError::Parse { .. })),
                "case {i}"
            );
        }
        let report = dir.load_all().unwrap();
        assert_eq!(report.moved_aside.len(), bodies.len());
        for m in &report.moved_aside {
            assert!(!m.reason.contains(SECRET), "{}", m.reason);
            assert!(m.reason.contains("line "), "{}", m.reason);
        }
        assert!(report.unreadable.iter().all(|(_, r)| !r.contains(SECRET)));
    }

    #[test]
    fn newer_format_refused_and_left_alone() {
        let (_tmp, dir) = setup();
        let mut r = reflection("future", "2026-01-01T00:00:00Z");
        r.format = 3;
        dir.save(&r).unwrap();
        let path = dir.path_of("future").unwrap();
        let before = fs::read(&path).unwrap();
        match dir.load("future") {
            Err(StoreError::NewerFormat {
                found: 3,
                supported: 2,
                ..
            }) => {}
            other => panic!("expected NewerFormat, got {other:?}"),
        }
        let report = dir.load_all().unwrap();
        assert!(report.records.is_empty() && report.moved_aside.is_empty());
        assert_eq!(report.unreadable.len(), 1);
        assert!(report.unreadable[0].1.contains("newer version"));
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn mismatched_id_left_alone() {
        let (_tmp, dir) = setup();
        dir.save(&reflection("one", "2026-01-01T00:00:00Z"))
            .unwrap();
        fs::rename(dir.path_of("one").unwrap(), dir.path_of("two").unwrap()).unwrap();
        assert!(matches!(
            dir.load("two"),
            Err(StoreError::IdMismatch { .. })
        ));
        let report = dir.load_all().unwrap();
        assert_eq!((report.records.len(), report.unreadable.len()), (0, 1));
        assert!(dir.path_of("two").unwrap().exists());
    }
}
