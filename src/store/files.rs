//! Safe file primitives: private folders, atomic writes, and moving damaged
//! files aside. Nothing here ever deletes or overwrites a user's file except
//! by the final rename of a complete, synced replacement.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

#[cfg(unix)]
const DIR_MODE: u32 = 0o700;
#[cfg(unix)]
const FILE_MODE: u32 = 0o600;
/// Most `.corrupt-STAMP-N` names tried before giving up.
const MAX_ASIDE: u32 = 1000;
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Create `path` (and parents) as a private folder (0700 on Unix), tighten it
/// if it exists with wider permissions, and add a `.gitignore` of `*`.
pub fn ensure_private_dir(path: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(path)?;
    restrict_dir(path)?;
    let ignore = path.join(".gitignore");
    match fs::symlink_metadata(&ignore) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => write_atomic(&ignore, b"*\n"),
        Err(e) => Err(e),
        Ok(_) => Ok(()),
    }
}

#[cfg(unix)]
fn restrict_dir(path: &Path) -> io::Result<()> {
    let mode = fs::metadata(path)?.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict_dir(_path: &Path) -> io::Result<()> {
    Ok(())
}

/// Options that create files readable by the owner only (0600 on Unix).
pub(crate) fn private_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options
}

/// Replace `path` with `bytes` so that a crash leaves either the old file or
/// the new one, never a mix. On error the old file is untouched and the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path)?;
    write_via(path, &tmp, bytes)
}

/// `.NAME.tmp-PID-COUNTER` beside `path`.
fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let name = file_name(path)?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".tmp-{}-{n}", std::process::id()));
    Ok(path.with_file_name(tmp))
}

fn write_via(path: &Path, tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    // create_new: never reuse or follow anything already at `tmp`.
    let file = private_options().write(true).create_new(true).open(tmp)?;
    if let Err(e) = fill_and_replace(file, tmp, path, bytes) {
        let _ = fs::remove_file(tmp);
        return Err(e);
    }
    sync_parent(path)
}

fn fill_and_replace(mut file: File, tmp: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    fs::rename(tmp, path)
}

/// Make a rename in `path`'s folder durable.
#[cfg(unix)]
fn sync_parent(path: &Path) -> io::Result<()> {
    File::open(parent_of(path))?.sync_all()
}

#[cfg(not(unix))]
fn sync_parent(_path: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> io::Result<&std::ffi::OsStr> {
    path.file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))
}

/// Rename an unreadable file to `NAME.corrupt-YYYYMMDD-HHMMSS` (then `-2`,
/// `-3`, ... if taken) and return the new path. Never deletes or overwrites.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    move_aside_stamped(path, &stamp)
}

fn move_aside_stamped(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    let name = file_name(path)?;
    for n in 1..=MAX_ASIDE {
        let mut aside = name.to_os_string();
        aside.push(format!(".corrupt-{stamp}"));
        if n > 1 {
            aside.push(format!("-{n}"));
        }
        let dest = path.with_file_name(aside);
        match rename_no_clobber(path, &dest) {
            Ok(()) => {
                let _ = sync_parent(path);
                return Ok(dest);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many moved-aside copies already exist",
    ))
}

/// Rename `from` to `to`, failing with `AlreadyExists` rather than replacing.
fn rename_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).inspect_err(|_| {
            // Undo: the content is still at `from`.
            let _ = fs::remove_file(to);
        }),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            // No hard links here (some file systems): check, then rename.
            if fs::symlink_metadata(to).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(from, to)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tempfile::TempDir;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn private_dir_created_with_gitignore() {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().join("a/b/notes");
        ensure_private_dir(&dir).unwrap();
        assert_eq!(fs::read_to_string(dir.join(".gitignore")).unwrap(), "*\n");
        #[cfg(unix)]
        {
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&dir.join(".gitignore")), 0o600);
        }
        ensure_private_dir(&dir).unwrap();
        assert_eq!(names(&dir), [".gitignore"]);
    }

    #[test]
    fn existing_gitignore_kept() {
        let tmp = TempDir::new().unwrap();
        fs::write(tmp.path().join(".gitignore"), "mine\n").unwrap();
        ensure_private_dir(tmp.path()).unwrap();
        assert_eq!(
            fs::read_to_string(tmp.path().join(".gitignore")).unwrap(),
            "mine\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn wide_dir_is_tightened() {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().join("wide");
        fs::create_dir(&dir).unwrap();
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o777)).unwrap();
        assert_eq!(mode(&dir), 0o777);
        ensure_private_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let tmp = TempDir::new().unwrap();
        let file = tmp.path().join("r.toml");
        write_atomic(&file, b"one").unwrap();
        write_atomic(&file, b"two").unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"two");
        assert_eq!(names(tmp.path()), ["r.toml"]);
        #[cfg(unix)]
        assert_eq!(mode(&file), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn replaced_wide_file_becomes_private() {
        let tmp = TempDir::new().unwrap();
        let file = tmp.path().join("r.toml");
        fs::write(&file, "old").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o666)).unwrap();
        write_atomic(&file, b"new").unwrap();
        assert_eq!(mode(&file), 0o600);
    }

    #[test]
    fn failed_rename_removes_temp() {
        let tmp = TempDir::new().unwrap();
        let target = tmp.path().join("r.toml");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), "keep").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(names(tmp.path()), ["r.toml"]);
        assert_eq!(fs::read_to_string(target.join("inside")).unwrap(), "keep");
    }

    #[test]
    fn failed_temp_create_keeps_old_file() {
        let tmp = TempDir::new().unwrap();
        let target = tmp.path().join("r.toml");
        fs::write(&target, "old").unwrap();
        let blocker = temp_path(&target).unwrap();
        fs::create_dir(&blocker).unwrap();
        assert!(write_via(&target, &blocker, b"new").is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert!(blocker.is_dir(), "must not remove what it did not create");
        assert_eq!(names(tmp.path()).len(), 2);
    }

    #[test]
    fn move_aside_never_overwrites() {
        let tmp = TempDir::new().unwrap();
        let file = tmp.path().join("r.toml");
        let bytes = b"bad \xff\x00 data\r\n".to_vec();
        fs::write(&file, &bytes).unwrap();
        let first = move_aside_stamped(&file, "20260101-000000").unwrap();
        assert!(!file.exists());
        assert_eq!(fs::read(&first).unwrap(), bytes);
        assert!(first.ends_with("r.toml.corrupt-20260101-000000"));
        fs::write(&file, "second").unwrap();
        let second = move_aside_stamped(&file, "20260101-000000").unwrap();
        assert!(second.ends_with("r.toml.corrupt-20260101-000000-2"));
        assert_eq!(fs::read(&first).unwrap(), bytes);
        assert_eq!(fs::read_to_string(&second).unwrap(), "second");
        fs::write(&file, "third").unwrap();
        let third = move_aside(&file).unwrap();
        assert_eq!(fs::read_to_string(third).unwrap(), "third");
    }

    #[test]
    fn move_aside_missing_file_errors() {
        let tmp = TempDir::new().unwrap();
        assert!(move_aside(&tmp.path().join("nope.toml")).is_err());
        assert!(names(tmp.path()).is_empty());
    }
}
