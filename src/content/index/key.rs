//! What the content was read from, cheap to take again: each layer's name
//! and place, and every file in it with its length, time of last write
//! and (on Unix) time of last change; for the built-in pack, the program's
//! own file (a new build is a new pack).

use std::fmt::Write;
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::content::library::{Layer, LayerSource};
use crate::content::source;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    /// The key of the layers as they are on disk now; `None` when
    /// something cannot be looked at (then the content is read in full,
    /// which reports why).
    pub fn of(layers: &[Layer]) -> Option<Key> {
        let mut key = String::new();
        for layer in layers {
            let _ = writeln!(key, "layer {}", layer.label);
            match &layer.source {
                LayerSource::Builtin => {
                    let exe = std::env::current_exe().ok()?;
                    let _ = writeln!(key, "builtin {}", env!("CARGO_PKG_VERSION"));
                    file_line(&mut key, &exe)?;
                }
                LayerSource::Folder { path, required } => {
                    folder_lines(&mut key, path, *required)?;
                }
            }
        }
        Some(Key(key))
    }

    /// A key as the index holds it (the unit tests make their own).
    #[cfg(test)]
    pub(crate) fn from_text(text: String) -> Key {
        Key(text)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A folder's TOML files, as `Library::load` finds them; a folder that is
/// not there (and need not be) is a line of its own.
fn folder_lines(key: &mut String, path: &Path, required: bool) -> Option<()> {
    let _ = writeln!(key, "folder {} {}", required, path.display());
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() => return file_line(key, path),
        Ok(_) => {}
        // A required folder that is missing is an error: never indexed.
        Err(_) => return (!required).then(|| key.push_str("missing\n")),
    }
    for file in source::toml_files_in(path).ok()? {
        file_line(key, &file)?;
    }
    Some(())
}

fn file_line(key: &mut String, path: &Path) -> Option<()> {
    let meta = fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    let _ = writeln!(
        key,
        "file {} {} {} {}",
        path.display(),
        meta.len(),
        modified.as_nanos(),
        changed(&meta)
    );
    Some(())
}

/// When the file's inode last changed: a copy that keeps the time
/// (`cp -p`, `rsync -a`, an archive) or a `chmod` changes this, though
/// not the time of the last write.
#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> String {
    use std::os::unix::fs::MetadataExt;
    format!("{}.{}", meta.ctime(), meta.ctime_nsec())
}

#[cfg(not(unix))]
fn changed(_: &fs::Metadata) -> String {
    String::new()
}
