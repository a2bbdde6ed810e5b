//! The file operations a save is made of, behind a small trait, so tests
//! can make any one of them fail (a full disk half way through a write, a
//! rename refused) and check that nothing is lost when it does.
//!
//! The real disk is [`RealDisk`]; every save in the app goes through
//! [`Disk`], so what the tests break is exactly what the app does.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;

#[cfg(unix)]
const FILE_MODE: u32 = 0o600;

/// One save's steps, in the order `files::write_atomic_on` takes them.
pub trait Disk: Send + Sync + fmt::Debug {
    /// Create `path` for writing, owner-only (0600), failing if anything is
    /// there already (never reuse or follow a file or link).
    fn create_private(&self, path: &Path) -> io::Result<File> {
        private_options().write(true).create_new(true).open(path)
    }

    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Make a rename in folder `dir` durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        sync_dir(dir)
    }
}

/// Options that create files readable by the owner only (0600 on Unix).
pub(crate) fn private_options() -> OpenOptions {
    #[allow(unused_mut)]
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    options.mode(FILE_MODE);
    options
}

/// The folder `path` is in (`.` for a bare name).
pub(crate) fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

pub(crate) fn file_name(path: &Path) -> io::Result<&std::ffi::OsStr> {
    path.file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))
}

/// The file system as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealDisk;

impl Disk for RealDisk {}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
pub(crate) mod faulty {
    //! A disk whose k-th operation fails, for fault-injection tests.

    use super::*;
    use std::sync::Mutex;

    /// Fails operation number `fail_at` (counting from 0, across every
    /// save made through it) with `kind`; a failing write first writes half
    /// its bytes, as a disk that fills up does.
    #[derive(Debug)]
    pub struct FaultyDisk {
        state: Mutex<(usize, Option<usize>)>,
        kind: io::ErrorKind,
    }

    impl FaultyDisk {
        pub fn failing_at(fail_at: usize, kind: io::ErrorKind) -> Self {
            FaultyDisk {
                state: Mutex::new((0, Some(fail_at))),
                kind,
            }
        }

        /// Stop failing (the disk has room again).
        pub fn heal(&self) {
            if let Ok(mut state) = self.state.lock() {
                state.1 = None;
            }
        }

        fn step(&self) -> io::Result<()> {
            let mut state = self
                .state
                .lock()
                .map_err(|_| io::Error::other("poisoned"))?;
            let n = state.0;
            state.0 += 1;
            if state.1 == Some(n) {
                return Err(io::Error::from(self.kind));
            }
            Ok(())
        }
    }

    impl Disk for FaultyDisk {
        fn create_private(&self, path: &Path) -> io::Result<File> {
            self.step()?;
            RealDisk.create_private(path)
        }

        fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
            if let Err(e) = self.step() {
                file.write_all(&bytes[..bytes.len() / 2])?;
                return Err(e);
            }
            RealDisk.write(file, bytes)
        }

        fn sync(&self, file: &File) -> io::Result<()> {
            self.step()?;
            RealDisk.sync(file)
        }

        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.step()?;
            RealDisk.rename(from, to)
        }

        fn sync_dir(&self, dir: &Path) -> io::Result<()> {
            self.step()?;
            RealDisk.sync_dir(dir)
        }
    }
}
