//! The content for the first frame: the preview in the content index when
//! it is current (the full content is then read straight after that
//! frame), else the content read in full, and the index written after
//! the frame for the next start.

use std::fs;
use std::path::{Path, PathBuf};

use super::arriving::Arriving;
use crate::app::Action;
use crate::content::index::{self, Key};
use crate::content::{Layer, Library};
use crate::paths::Paths;

/// Larger than the index of any real content (10,000 questions make
/// about 250 kB); a bigger file is not read.
const MAX_INDEX_BYTES: u64 = 8 * 1024 * 1024;

/// What is left to do about the content once the first frame is drawn.
pub struct ContentFollowUp {
    layers: Vec<Layer>,
    index_file: PathBuf,
    step: Step,
}

enum Step {
    /// The first frame drew the preview: read the content in full.
    ReadInFull,
    /// The content was read in full from files with this key, and the
    /// index did not match them: write it anew.
    WriteIndex(Key),
    Nothing,
}

/// The library for the first frame on a screen of `rows`, and what
/// follows it.
pub fn for_first_frame(paths: &Paths, layers: &[Layer], rows: usize) -> (Library, ContentFollowUp) {
    let index_file = paths.cache_dir().join(index::file_name(layers));
    let key = Key::of(layers);
    let preview = key
        .as_ref()
        .and_then(|key| read_index(&index_file, key, rows));
    let (library, step) = match (preview, key) {
        (Some(preview), _) => (preview, Step::ReadInFull),
        (None, Some(key)) => (Library::load(layers), Step::WriteIndex(key)),
        (None, None) => (Library::load(layers), Step::Nothing),
    };
    let follow_up = ContentFollowUp {
        layers: layers.to_vec(),
        index_file,
        step,
    };
    (library, follow_up)
}

/// The content read in full, with nothing to follow (a walkthrough or
/// the group view starts straight away on content home does not show).
pub fn read_in_full(layers: &[Layer]) -> (Library, ContentFollowUp) {
    let follow_up = ContentFollowUp {
        layers: Vec::new(),
        index_file: PathBuf::new(),
        step: Step::Nothing,
    };
    (Library::load(layers), follow_up)
}

impl ContentFollowUp {
    /// Starts it; `shown` is the library the first frame drew. The full
    /// read is waited for by every key (it is a job in `arriving`); the
    /// index is written on a thread of its own, which nothing waits for.
    pub fn start(self, shown: &Library, arriving: &mut Arriving) {
        match self.step {
            Step::ReadInFull => {
                let layers = self.layers;
                arriving.start(move || {
                    let library = Library::load(&layers);
                    vec![Action::ContentLoaded(Box::new(library))]
                });
            }
            Step::WriteIndex(key) if index::can_index(shown) => {
                let text = index::encode(&key, &index::preview(shown));
                let file = self.index_file;
                std::thread::spawn(move || write_index(&file, &text));
            }
            Step::WriteIndex(_) | Step::Nothing => {}
        }
    }
}

fn read_index(file: &Path, key: &Key, rows: usize) -> Option<Library> {
    let size = fs::metadata(file).ok()?.len();
    if size > MAX_INDEX_BYTES {
        return None;
    }
    index::decode(&fs::read_to_string(file).ok()?, key, rows)
}

/// A shortcut only, so not synced to disk, and a failure changes nothing
/// but the next start's speed. Written whole under another name, then
/// renamed, so a reader never sees half of it.
fn write_index(file: &Path, text: &str) {
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
}
