//! A private folder of `ID.toml` records of one type.

use std::fs;
use std::io;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::decode::{check_id, decode, encode};
use super::disk::{Disk, RealDisk};
use super::error::StoreError;
use super::files::{ensure_private_dir, write_atomic_on};
use super::lock::RecordLock;
use super::record::{Access, Record};
use super::scan::{LoadReport, load_all};
use super::temp::remove_leftovers;
use crate::words::id::{MAX_ID_LEN, validate_id};

/// Most `-N` suffixes [`RecordDir::reserve_id`] tries.
const MAX_SUFFIX: u32 = 1000;

/// A private folder holding records of type `T`, one `ID.toml` each.
#[derive(Debug, Clone)]
pub struct RecordDir<T> {
    dir: PathBuf,
    access: Access,
    disk: Arc<dyn Disk>,
    _records: PhantomData<fn() -> T>,
}

impl<T: Record> RecordDir<T> {
    /// Open (creating if needed) the private folder `dir` for writing, and
    /// remove what cut-short saves left behind.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let records = Self::open_leaving_leftovers(dir)?;
        records.remove_leftovers();
        Ok(records)
    }

    /// Like `open`, leaving what cut-short saves left behind for
    /// `remove_leftovers` later (it reads the whole folder, and the first
    /// frame does not wait for that).
    pub fn open_leaving_leftovers(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let dir = dir.into();
        ensure_private_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
        Ok(Self::new(dir, Access::Write))
    }

    /// Removes temporary files no live save owns any more.
    pub fn remove_leftovers(&self) {
        if self.access == Access::Write {
            remove_leftovers(&self.dir);
        }
    }

    /// Look at `dir` without changing anything; a missing folder holds no
    /// records and is not created.
    pub fn read_only(dir: impl Into<PathBuf>) -> Self {
        Self::new(dir.into(), Access::Read)
    }

    fn new(dir: PathBuf, access: Access) -> Self {
        RecordDir {
            dir,
            access,
            disk: Arc::new(RealDisk),
            _records: PhantomData,
        }
    }

    /// The same folder, written through `disk` (fault-injection tests).
    #[cfg(test)]
    pub(crate) fn with_disk(mut self, disk: Arc<dyn Disk>) -> Self {
        self.disk = disk;
        self
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn access(&self) -> Access {
        self.access
    }

    /// `DIR/ID.toml`, after checking that `id` is a safe file name.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        validate_id(id)?;
        Ok(self.dir.join(format!("{id}.toml")))
    }

    /// Every readable record, newest first, with what was skipped and why.
    /// With [`Access::Write`], damaged files are moved aside. Fails only if
    /// the folder exists but cannot be listed.
    pub fn load_all(&self) -> Result<LoadReport<T>, StoreError> {
        load_all(&self.dir, self.access)
    }

    /// The record `id`, or `None` if there is no such file. A damaged file
    /// is reported as an error and left where it is.
    pub fn load(&self, id: &str) -> Result<Option<T>, StoreError> {
        let path = self.path_of(id)?;
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        let record = decode::<T>(&path, &bytes)?;
        check_id(&path, id, record).map(Some)
    }

    /// Write `record` to `ID.toml` atomically (0600).
    pub fn save(&self, record: &T) -> Result<(), StoreError> {
        let path = self.path_of(record.id())?;
        let text = encode(&path, record)?;
        write_atomic_on(self.disk.as_ref(), &path, text.as_bytes())
            .map_err(|e| StoreError::io(&path, e))
    }

    /// Try to lock record `id` for editing; `None` if someone else holds it.
    pub fn lock(&self, id: &str) -> Result<Option<RecordLock>, StoreError> {
        let path = self.path_of(id)?;
        RecordLock::try_acquire(&self.dir, id).map_err(|e| StoreError::io(path, e))
    }

    /// A new record id, `base` or else `base-2`, `base-3`, ..., locked for
    /// the caller. An id is taken by creating its lock file, which either
    /// succeeds or fails at once, so two copies of the app starting in the
    /// same second never get the same id.
    pub fn reserve_id(&self, base: &str) -> Result<(String, RecordLock), StoreError> {
        validate_id(base)?;
        for n in 1..=MAX_SUFFIX {
            let id = if n == 1 {
                base.to_string()
            } else {
                format!("{}-{n}", truncate(base, MAX_ID_LEN - 5))
            };
            let path = self.path_of(&id)?;
            match fs::symlink_metadata(&path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::io(path, e)),
                Ok(_) => continue,
            }
            match RecordLock::try_create(&self.dir, &id) {
                Ok(Some(lock)) => return Ok((id, lock)),
                Ok(None) => continue,
                Err(e) => return Err(StoreError::io(path, e)),
            }
        }
        Err(StoreError::BadId(crate::words::id::BadId {
            id: base.to_string(),
        }))
    }
}

/// `id` cut to at most `max` bytes (ids are ASCII).
fn truncate(id: &str, max: usize) -> &str {
    id.get(..max).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::files::tests::names;
    use crate::store::group::GroupRecord;
    use crate::store::reflection::{Action, Reflection};
    use crate::words::Audience;
    use chrono::{DateTime, FixedOffset};
    use tempfile::TempDir;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn sample(id: &str) -> Reflection {
        let now = at("2026-11-22T14:30:12.123456789+05:30");
        let mut r = Reflection::new(id, now, "nspcc", "child-mental-health", Audience::Leader);
        r.notes = "Supervision on Tuesday.".into();
        let a = r.answer_mut_or_insert("nspcc/cmh/q1", "How do you…?", now);
        a.text = "We listen.\nThen act.".into();
        a.flagged = true;
        r.actions.push(Action {
            text: "Call school".into(),
            due: None,
            done: false,
        });
        r.actions.push(Action {
            text: "Review plan".into(),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            done: true,
        });
        r
    }

    #[test]
    fn round_trip_and_no_temp_files() {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::<Reflection>::open(tmp.path().join("reflections")).unwrap();
        let r = sample("2026-11-22-143012-cmh");
        dir.save(&r).unwrap();
        dir.save(&r).unwrap();
        assert_eq!(dir.load(&r.id).unwrap(), Some(r.clone()));
        assert_eq!(dir.load("missing").unwrap(), None);
        assert_eq!(
            names(dir.dir()),
            [".gitignore", "2026-11-22-143012-cmh.toml"]
        );
    }

    #[test]
    fn unicode_round_trips_exactly() {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::<Reflection>::open(tmp.path()).unwrap();
        let mut r = sample("u");
        let texts = [
            "👩🏽‍⚕️ nurse, e\u{301} vs \u{e9}, \u{200d}\u{fe0f}",
            "مرحبا بالعالم\nשלום עולם \u{202b}mixed\u{202c} end",
            "quotes \" ' ''' \"\"\" \"\"\"\" and \\ \\\\ \\n \\u0041",
            "windows\r\nline\r\nendings\r\n\r\nlone\rcr\ttab \u{7f}\u{0}\u{1b}[31m",
            "",
            "   leading and trailing spaces   \n\n",
        ];
        for (i, t) in texts.iter().enumerate() {
            let a = r.answer_mut_or_insert(&format!("p/t/q{i}"), t, r.updated);
            a.text = (*t).to_string();
        }
        r.notes = texts.concat();
        r.theme = texts[1].into();
        dir.save(&r).unwrap();
        let first = fs::read(dir.path_of("u").unwrap()).unwrap();
        let back = dir.load("u").unwrap().unwrap();
        assert_eq!(back, r);
        for (i, t) in texts.iter().enumerate() {
            assert_eq!(
                back.answer(&format!("p/t/q{i}")).unwrap().text.as_bytes(),
                t.as_bytes()
            );
        }
        dir.save(&back).unwrap();
        assert_eq!(
            fs::read(dir.path_of("u").unwrap()).unwrap(),
            first,
            "stable bytes"
        );
    }

    #[cfg(unix)]
    #[test]
    fn folder_and_files_are_private() {
        use crate::store::files::tests::mode;
        use std::os::unix::fs::PermissionsExt;
        let tmp = TempDir::new().unwrap();
        let path = tmp.path().join("notes");
        fs::create_dir(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o777)).unwrap();
        let dir = RecordDir::<Reflection>::open(&path).unwrap();
        dir.save(&sample("p")).unwrap();
        assert_eq!(mode(&path), 0o700);
        assert_eq!(mode(&dir.path_of("p").unwrap()), 0o600);
        assert_eq!(fs::read_to_string(path.join(".gitignore")).unwrap(), "*\n");
    }

    #[test]
    fn bad_ids_never_touch_disk() {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::<Reflection>::open(tmp.path().join("d")).unwrap();
        for id in ["../escape", "", "A", "a.b", "a/b"] {
            assert!(matches!(dir.save(&sample(id)), Err(StoreError::BadId(_))));
            assert!(matches!(dir.load(id), Err(StoreError::BadId(_))));
            assert!(matches!(dir.lock(id), Err(StoreError::BadId(_))));
        }
        assert_eq!(names(dir.dir()), [".gitignore"]);
        assert_eq!(names(tmp.path()), ["d"]);
    }

    #[test]
    fn lock_and_reserve_id() {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::<GroupRecord>::open(tmp.path()).unwrap();
        let held = dir.lock("g").unwrap().unwrap();
        assert!(dir.lock("g").unwrap().is_none());
        drop(held);
        assert!(dir.lock("g").unwrap().is_some());
        let (id, _first) = dir.reserve_id("h").unwrap();
        assert_eq!(id, "h");
        dir.save(&GroupRecord::new("s", at("2026-01-01T00:00:00Z"), "p", "t"))
            .unwrap();
        assert_eq!(dir.reserve_id("s").unwrap().0, "s-2");
        let long = "a".repeat(MAX_ID_LEN);
        fs::write(dir.path_of(&long).unwrap(), "").unwrap();
        assert!(validate_id(&dir.reserve_id(&long).unwrap().0).is_ok());
    }

    /// Two copies of the app starting in the same second: each reserves
    /// the id before anything is saved, so they never share one.
    #[test]
    fn two_reservations_in_the_same_second_differ() {
        let tmp = TempDir::new().unwrap();
        let a = RecordDir::<Reflection>::open(tmp.path()).unwrap();
        let b = RecordDir::<Reflection>::open(tmp.path()).unwrap();
        let threads: Vec<_> = [a, b]
            .into_iter()
            .map(|dir| std::thread::spawn(move || dir.reserve_id("2026-01-01-120000-t").unwrap()))
            .collect();
        let mut ids: Vec<String> = threads.into_iter().map(|t| t.join().unwrap().0).collect();
        ids.sort();
        assert_eq!(ids, ["2026-01-01-120000-t", "2026-01-01-120000-t-2"]);
    }

    #[test]
    fn read_only_creates_nothing() {
        let tmp = TempDir::new().unwrap();
        let missing = tmp.path().join("reflections");
        let dir = RecordDir::<Reflection>::read_only(&missing);
        let report = dir.load_all().unwrap();
        assert!(report.records.is_empty());
        assert!(!missing.exists());
    }

    /// The k-th operation of a save fails: the error says what happened,
    /// the old record is whole, and the next save through the healed
    /// disk writes the new one.
    #[test]
    fn a_failing_step_of_a_save_keeps_the_old_record() {
        use crate::store::disk::faulty::FaultyDisk;
        for k in 0..5 {
            let tmp = TempDir::new().unwrap();
            let disk = Arc::new(FaultyDisk::failing_at(k, io::ErrorKind::StorageFull));
            let dir = RecordDir::<Reflection>::open(tmp.path())
                .unwrap()
                .with_disk(disk.clone());
            let old = sample("r");
            let mut new = old.clone();
            new.notes = "more words".into();
            disk.heal();
            dir.save(&old).unwrap();
            let disk = Arc::new(FaultyDisk::failing_at(k, io::ErrorKind::StorageFull));
            let dir = dir.with_disk(disk.clone());
            let error = dir.save(&new).unwrap_err();
            assert!(error.is_disk_full(), "step {k}: {error}");
            let back = dir.load("r").unwrap().unwrap();
            assert!(back == old || (k == 4 && back == new), "step {k}");
            disk.heal();
            dir.save(&new).unwrap();
            assert_eq!(dir.load("r").unwrap().unwrap(), new);
            assert_eq!(names(dir.dir()), [".gitignore", "r.toml"], "step {k}");
        }
    }
}
