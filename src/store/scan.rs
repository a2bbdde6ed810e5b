//! Loading a whole folder of records, coping with damaged files.

use std::fs::{self, DirEntry};
use std::path::{Path, PathBuf};

use super::decode::{check_id, decode};
use super::error::StoreError;
use super::files::move_aside;
use super::id::validate_id;
use super::record_dir::Record;

/// What [`load_all`] found.
#[derive(Debug)]
pub struct LoadReport<T> {
    /// Readable records, most recently updated first.
    pub records: Vec<T>,
    /// Damaged files renamed to `NAME.corrupt-STAMP` (never rewritten).
    pub moved_aside: Vec<MovedAside>,
    /// Files left where they are (unreadable, newer format, or could not be
    /// moved), with a reason that never quotes the file.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// A damaged file that was renamed out of the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedAside {
    pub original: PathBuf,
    pub moved_to: PathBuf,
    /// Where and roughly how it is damaged; never its contents.
    pub reason: String,
}

/// Load every `ID.toml` in `dir`. Other files (`.lock`, `.gitignore`, temp
/// and `.corrupt-*` files, names that are not valid ids) are ignored.
pub(crate) fn load_all<T: Record>(dir: &Path) -> Result<LoadReport<T>, StoreError> {
    let entries = fs::read_dir(dir).map_err(|e| StoreError::io(dir, e))?;
    let mut report: LoadReport<T> = LoadReport {
        records: Vec::new(),
        moved_aside: Vec::new(),
        unreadable: Vec::new(),
    };
    for entry in entries {
        match entry {
            Ok(entry) => {
                if let Some(id) = record_id(&entry) {
                    load_one(&mut report, &entry.path(), &id);
                }
            }
            Err(e) => report
                .unreadable
                .push((dir.to_path_buf(), format!("could not list the folder: {e}"))),
        }
    }
    report.records.sort_by(|a, b| {
        b.updated()
            .cmp(&a.updated())
            .then_with(|| b.id().cmp(a.id()))
    });
    Ok(report)
}

/// The id of a regular file named `ID.toml`, if it is one.
fn record_id(entry: &DirEntry) -> Option<String> {
    let name = entry.file_name();
    let id = name.to_str()?.strip_suffix(".toml")?;
    validate_id(id).ok()?;
    let is_file = fs::metadata(entry.path()).ok()?.is_file();
    is_file.then(|| id.to_string())
}

fn load_one<T: Record>(report: &mut LoadReport<T>, path: &Path, id: &str) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let reason = format!("could not read the file: {e}");
            report.unreadable.push((path.to_path_buf(), reason));
            return;
        }
    };
    match decode::<T>(path, &bytes).and_then(|r| check_id(path, id, r)) {
        Ok(record) => report.records.push(record),
        Err(StoreError::Parse {
            line,
            column,
            message,
            ..
        }) => move_damaged(
            report,
            path,
            format!("{message} at line {line}, column {column}"),
        ),
        Err(e) => report.unreadable.push((path.to_path_buf(), e.to_string())),
    }
}

fn move_damaged<T>(report: &mut LoadReport<T>, path: &Path, reason: String) {
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
    use crate::content::Audience;
    use crate::store::record_dir::RecordDir;
    use crate::store::reflection::Reflection;
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
        r.format = 2;
        dir.save(&r).unwrap();
        let path = dir.path_of("future").unwrap();
        let before = fs::read(&path).unwrap();
        match dir.load("future") {
            Err(StoreError::NewerFormat {
                found: 2,
                supported: 1,
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
