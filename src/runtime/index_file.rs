//! The content index on disk, in the cache folder: read only when it is a
//! plain file of a sane size, written whole under another name and then
//! renamed (so a reader never sees half of it), and never more than a few
//! of them kept, one per set of content folders.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::content::Library;
use crate::content::index::{self, Key};

/// Larger than the index of any real content (10,000 questions make about
/// 100 kB); a bigger file is not read.
const MAX_INDEX_BYTES: u64 = 8 * 1024 * 1024;
/// Indexes kept, the most recently written: one per set of folders the
/// app is started with, so `reflect --content` with a new folder each day
/// does not fill the cache.
const KEPT: usize = 8;

/// The preview, when `file` holds a whole index of the files `key` names,
/// and the index's text.
pub fn read(file: &Path, key: &Key, rows: usize) -> Option<(Library, String)> {
    let meta = fs::metadata(file).ok()?;
    // Not a pipe or a device: opening one could wait forever.
    if !meta.is_file() || meta.len() > MAX_INDEX_BYTES {
        return None;
    }
    // Room for the whole file: `take` hides its length from the read,
    // which would otherwise grow from 32 bytes, a system call a doubling.
    let mut text = String::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    fs::File::open(file)
        .ok()?
        .take(MAX_INDEX_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    let preview = index::decode(&text, key, rows)?;
    Some((preview, text))
}

/// A shortcut only, so not synced to disk, and a failure changes nothing
/// but the next start's speed.
pub fn write(file: &Path, text: &str) {
    let Some(folder) = file.parent() else {
        return;
    };
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let temp = folder.join(format!(".{name}.{}", std::process::id()));
    let written = fs::create_dir_all(folder)
        .and_then(|()| fs::write(&temp, text))
        .and_then(|()| fs::rename(&temp, file));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    remove_oldest(folder);
}

/// The index of content that now has errors: the next start reads the
/// content in full, and shows the errors in its first frame.
pub fn remove(file: &Path) {
    let _ = fs::remove_file(file);
}

fn remove_oldest(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let mut indexes: Vec<_> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".index"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    indexes.sort_by_key(|(written, _)| std::cmp::Reverse(*written));
    for (_, old) in indexes.into_iter().skip(KEPT) {
        let _ = fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key::from_text("k".into())
    }

    #[test]
    fn what_is_not_a_whole_plain_index_is_not_read() {
        let folder = tempfile::tempdir().expect("temp");
        let file = folder.path().join("content-1.index");
        assert!(read(&file, &key(), 30).is_none(), "missing");
        fs::create_dir(&file).expect("mkdir");
        assert!(read(&file, &key(), 30).is_none(), "a folder");
        fs::remove_dir(&file).expect("rmdir");
        let fifo = std::process::Command::new("mkfifo").arg(&file).status();
        if fifo.is_ok_and(|s| s.success()) {
            // Opening a pipe nobody writes to would wait for ever.
            assert!(read(&file, &key(), 30).is_none(), "a pipe");
            fs::remove_file(&file).expect("rm");
        }
        let library = Library::load(&[crate::content::Layer::builtin()]);
        write(&file, &index::encode(&key(), &library));
        assert!(read(&file, &key(), 30).is_some(), "a whole index");
        let other = Key::from_text("other".into());
        assert!(read(&file, &other, 30).is_none(), "another key");
    }

    #[test]
    fn only_the_most_recent_indexes_are_kept() {
        let folder = tempfile::tempdir().expect("temp");
        for i in 0..KEPT + 3 {
            write(&folder.path().join(format!("content-{i}.index")), "x");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        fs::write(folder.path().join("notes.txt"), "not an index").expect("write");
        let mut left: Vec<String> = fs::read_dir(folder.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left.len(), KEPT + 1, "{left:?}");
        assert!(left.contains(&"notes.txt".to_owned()));
        assert!(!left.contains(&"content-0.index".to_owned()), "{left:?}");
        assert!(left.contains(&format!("content-{}.index", KEPT + 2)));
    }
}
