//! Leftover temporary files. A save that was cut short (kill -9, power
//! loss) leaves `.NAME.tmp-PID-N` holding private text; at start-up they
//! are removed once nobody is writing them.
//!
//! A writer holds a lock on its temporary file until the final rename, so
//! a lock that can be taken means its writer is gone. A file younger than
//! [`MIN_AGE`] is left too: between creating the file and locking it there
//! is a moment when its (live) writer does not hold the lock yet.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::disk::file_name;

/// Marks a temporary file's name: `.NAME` + `MARK` + `PID-N`.
pub(crate) const MARK: &str = ".tmp-";
const MIN_AGE: Duration = Duration::from_secs(2);
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// `.NAME.tmp-PID-COUNTER` beside `path`.
pub(crate) fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = file_name(path)?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = OsString::from(".");
    tmp.push(name);
    tmp.push(format!("{}{}-{n}", MARK, std::process::id()));
    Ok(path.with_file_name(tmp))
}

/// True for names [`temp_path`] makes.
pub(crate) fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(MARK)
}

/// Removes every leftover temporary file in `dir` whose writer is gone;
/// returns what was removed. Anything it cannot check is left alone.
pub fn remove_leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
        .map(|e| e.path())
        .filter(|path| is_abandoned(path) && fs::remove_file(path).is_ok())
        .collect()
}

fn is_abandoned(path: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    let old = meta
        .modified()
        .ok()
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|age| age >= MIN_AGE);
    if !meta.is_file() || !old {
        return false;
    }
    let file = OpenOptions::new().read(true).write(true).open(path);
    file.is_ok_and(|file| file.try_lock().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn age(path: &Path, seconds: u64) {
        let file = File::options().write(true).open(path).unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(seconds))
            .unwrap();
    }

    #[test]
    fn removes_only_abandoned_temp_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let abandoned = dir.join(".r.toml.tmp-1-0");
        let fresh = dir.join(".r.toml.tmp-1-1");
        let held = dir.join(".r.toml.tmp-1-2");
        let record = dir.join("r.toml");
        for path in [&abandoned, &fresh, &held, &record] {
            fs::write(path, "private text").unwrap();
        }
        for path in [&abandoned, &held, &record] {
            age(path, 60);
        }
        let holder = File::options().write(true).open(&held).unwrap();
        holder.try_lock().unwrap();
        assert_eq!(remove_leftovers(dir), std::slice::from_ref(&abandoned));
        assert!(!abandoned.exists());
        assert!(fresh.exists() && held.exists() && record.exists());
        drop(holder);
        assert_eq!(remove_leftovers(dir), [held]);
    }

    #[test]
    fn a_missing_folder_is_nothing_to_do() {
        assert!(remove_leftovers(Path::new("/no/such/folder/here")).is_empty());
    }
}
