//! Moving a damaged file out of the way: renamed, never rewritten, never
//! deleted, and never over another file.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::disk::{Disk, RealDisk, file_name, parent_of};

/// Most `.corrupt-STAMP-N` names tried before giving up.
const MAX_ASIDE: u32 = 1000;

/// Rename an unreadable file to `NAME.corrupt-YYYYMMDD-HHMMSS` (then `-2`,
/// `-3`, ... if taken) and return the new path. Never deletes or overwrites.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    move_aside_stamped(path, &stamp)
}

pub(crate) fn move_aside_stamped(path: &Path, stamp: &str) -> io::Result<PathBuf> {
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
                let _ = RealDisk.sync_dir(parent_of(path));
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
///
/// A hard link is made first (it fails if `to` exists, atomically), then
/// `from` removed. Where the file system has no hard links, it checks and
/// then renames: callers hold the record's lock, so no other copy of
/// reflect can be moving the same file at the same time.
pub(crate) fn rename_no_clobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from).inspect_err(|_| {
            // Undo: the content is still at `from`.
            let _ = fs::remove_file(to);
        }),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(e),
        Err(_) => {
            if fs::symlink_metadata(to).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(from, to)
        }
    }
}
