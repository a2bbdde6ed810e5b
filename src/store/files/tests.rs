//! Tests of private folders, atomic writes and moving aside.

use super::*;
use crate::store::aside::{move_aside, move_aside_stamped};
use crate::store::disk::faulty::FaultyDisk;
use tempfile::TempDir;

/// The names in `dir`, sorted (for the other store tests too).
pub(crate) fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
pub(crate) fn mode(path: &Path) -> u32 {
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
fn moved_aside_file_keeps_its_bytes_and_never_overwrites() {
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
    assert!(move_aside(&tmp.path().join("nope.toml")).is_err());
}

/// A save is five operations (create, write, sync, rename, sync folder).
/// Whichever one fails, the old file is whole, no temporary file is left,
/// and the same save through a healed disk succeeds.
#[test]
fn a_failure_at_any_step_keeps_the_old_file_whole() {
    for kind in [io::ErrorKind::StorageFull, io::ErrorKind::PermissionDenied] {
        for k in 0..5 {
            let tmp = TempDir::new().unwrap();
            let file = tmp.path().join("r.toml");
            write_atomic(&file, b"old complete text").unwrap();
            let disk = FaultyDisk::failing_at(k, kind);
            let result = write_atomic_on(&disk, &file, b"new complete text");
            assert_eq!(result.unwrap_err().kind(), kind, "step {k}");
            let on_disk = fs::read(&file).unwrap();
            // After the rename (step 4 failing is the folder sync) the new
            // file is in place, whole; before it, the old one is.
            let expected: &[u8] = if k == 4 {
                b"new complete text"
            } else {
                b"old complete text"
            };
            assert_eq!(on_disk, expected, "step {k}");
            assert_eq!(names(tmp.path()), ["r.toml"], "step {k}");
            disk.heal();
            write_atomic_on(&disk, &file, b"new complete text").unwrap();
            assert_eq!(fs::read(&file).unwrap(), b"new complete text");
        }
    }
}

#[test]
fn create_atomic_never_replaces() {
    let tmp = TempDir::new().unwrap();
    let file = tmp.path().join("pack.toml");
    create_atomic(&file, b"first").unwrap();
    let again = create_atomic(&file, b"second").unwrap_err();
    assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&file).unwrap(), b"first");
    assert_eq!(names(tmp.path()), ["pack.toml"]);
}
