//! Safe file primitives: private folders and atomic writes. Nothing here
//! ever deletes or overwrites a user's file except by the final rename of
//! a complete, synced replacement.
//!
//! Every write goes through a temporary file `.NAME.tmp-PID-N` beside the
//! target, locked while it is written, so a crash leaves the old file or
//! the new one, and a leftover temporary file can be told from one that a
//! live process is still writing (see [`super::temp`]).

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};

use super::disk::{Disk, RealDisk, parent_of};
use super::temp::temp_path;

#[cfg(unix)]
const DIR_MODE: u32 = 0o700;

/// Create `path` (and parents) as a private folder (0700 on Unix), tighten it
/// if it exists with wider permissions, and add a `.gitignore` of `*`.
pub fn ensure_private_dir(path: &Path) -> io::Result<()> {
    // After the first start the folder is there: one look, no `mkdir`.
    let meta = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => meta,
        _ => {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            builder.mode(DIR_MODE);
            builder.create(path)?;
            fs::metadata(path)?
        }
    };
    restrict_dir(path, &meta)?;
    let ignore = path.join(".gitignore");
    match fs::symlink_metadata(&ignore) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => write_atomic(&ignore, b"*\n"),
        Err(e) => Err(e),
        Ok(_) => Ok(()),
    }
}

#[cfg(unix)]
fn restrict_dir(path: &Path, meta: &fs::Metadata) -> io::Result<()> {
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict_dir(_path: &Path, _meta: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

/// Replace `path` with `bytes` (0600) so that a crash leaves either the old
/// file or the new one, never a mix. On error the old file is untouched and
/// the temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_on(&RealDisk, path, bytes)
}

/// [`write_atomic`] through `disk`'s operations.
pub fn write_atomic_on(disk: &dyn Disk, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_path(path)?;
    let file = disk.create_private(&tmp)?;
    // Held until the rename: a lock nobody holds marks a leftover.
    let _ = file.try_lock();
    if let Err(e) = fill_and_replace(disk, file, &tmp, path, bytes) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    disk.sync_dir(parent_of(path))
}

/// Create `path` with `bytes` only if nothing is there yet, all at once:
/// a reader never sees half a file, and an existing file is never
/// replaced (`AlreadyExists`). Not private: for content a team shares.
pub fn create_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    create_new(path, bytes, false)
}

/// [`create_atomic`], private (0600): for what is made from private
/// records (an export of a reflection).
pub fn create_atomic_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    create_new(path, bytes, true)
}

fn create_new(path: &Path, bytes: &[u8], private: bool) -> io::Result<()> {
    let tmp = temp_path(path)?;
    let mut file = if private {
        RealDisk.create_private(&tmp)?
    } else {
        OpenOptions::new().write(true).create_new(true).open(&tmp)?
    };
    let _ = file.try_lock();
    let written = io::Write::write_all(&mut file, bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| super::aside::rename_no_clobber(&tmp, path));
    drop(file);
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    RealDisk.sync_dir(parent_of(path))
}

fn fill_and_replace(
    disk: &dyn Disk,
    mut file: File,
    tmp: &Path,
    path: &Path,
    bytes: &[u8],
) -> io::Result<()> {
    disk.write(&mut file, bytes)?;
    disk.sync(&file)?;
    disk.rename(tmp, path)
}

#[cfg(test)]
pub(crate) mod tests;
