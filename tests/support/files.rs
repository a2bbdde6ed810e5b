//! What is in a folder, to prove a command changed nothing: every entry's
//! kind, size, bytes (hashed) and identity (inode, modification time), so
//! a file rewritten with the same bytes shows too.

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// One entry as it was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    Folder,
    Link(PathBuf),
    File {
        len: u64,
        hash: u64,
        inode: u64,
        modified: (i64, i64),
    },
}

/// Everything under `dir` (recursively), keyed by path; links are not
/// followed. A missing folder is empty.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Seen> {
    let mut all = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return all;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).expect("metadata");
        if meta.file_type().is_symlink() {
            all.insert(
                path.clone(),
                Seen::Link(fs::read_link(&path).expect("link")),
            );
        } else if meta.is_dir() {
            all.insert(path.clone(), Seen::Folder);
            all.extend(snapshot(&path));
        } else {
            let seen = Seen::File {
                len: meta.len(),
                hash: hash_of(&path),
                inode: meta.ino(),
                modified: (meta.mtime(), meta.mtime_nsec()),
            };
            all.insert(path, seen);
        }
    }
    all
}

/// The hash of a file's bytes, read in pieces (a test file may be 100 MB).
pub fn hash_of(path: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let Ok(mut file) = fs::File::open(path) else {
        return 0;
    };
    let mut buffer = vec![0u8; 1 << 20];
    loop {
        match file.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => hasher.write(&buffer[..n]),
        }
    }
    hasher.finish()
}

/// What changed between two snapshots, one line each, for a failure message.
pub fn changes(before: &BTreeMap<PathBuf, Seen>, after: &BTreeMap<PathBuf, Seen>) -> Vec<String> {
    let mut lines = Vec::new();
    for (path, seen) in before {
        match after.get(path) {
            None => lines.push(format!("gone: {}", path.display())),
            Some(now) if now != seen => lines.push(format!("changed: {}", path.display())),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        lines.push(format!("new: {}", path.display()));
    }
    lines
}

/// Panics listing every change if `dir` is not as `before` says.
pub fn assert_unchanged(dir: &Path, before: &BTreeMap<PathBuf, Seen>, what: &str) {
    let changed = changes(before, &snapshot(dir));
    assert!(
        changed.is_empty(),
        "{what} changed files:\n{}",
        changed.join("\n")
    );
}
