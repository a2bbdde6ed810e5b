//! The content for the first frame: the preview in the content index when
//! it is current (the full content is then read straight after that
//! frame), else the content read in full, and the index written after
//! the frame for the next start.

use std::path::PathBuf;

use super::arriving::Arriving;
use super::index_file;
use crate::app::Action;
use crate::content::index::{self, Key};
use crate::content::{Layer, Library};
use crate::paths::Paths;

/// What is left to do about the content once the first frame is drawn.
pub struct ContentFollowUp {
    layers: Vec<Layer>,
    index_file: PathBuf,
    step: Step,
}

enum Step {
    /// The first frame drew the preview from the index: read the content
    /// in full, and write the index anew if it no longer holds what the
    /// content gives (an index that is wrong though its key matches).
    ReadInFull {
        key: Key,
        indexed: String,
    },
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
        .and_then(|key| index_file::read(&index_file, key, rows));
    let (library, step) = match (preview, key) {
        (Some((preview, indexed)), Some(key)) => (preview, Step::ReadInFull { key, indexed }),
        (_, Some(key)) => (Library::load(layers), Step::WriteIndex(key)),
        (_, None) => (Library::load(layers), Step::Nothing),
    };
    let follow_up = ContentFollowUp {
        layers: layers.to_vec(),
        index_file,
        step,
    };
    (library, follow_up)
}

/// The content read in full, with nothing to follow: a walkthrough and
/// the group view start on text the preview does not hold.
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
            Step::ReadInFull { key, indexed } => {
                let (layers, file) = (self.layers, self.index_file);
                arriving.start(move || {
                    let library = Library::load(&layers);
                    check_index(&file, &key, &indexed, &library);
                    vec![Action::ContentLoaded(Box::new(library))]
                });
            }
            Step::WriteIndex(key) if index::can_index(shown) => {
                let text = index::encode(&key, shown);
                let file = self.index_file;
                std::thread::spawn(move || index_file::write(&file, &text));
            }
            Step::WriteIndex(_) | Step::Nothing => {}
        }
    }
}

/// After the full read that followed a preview: the index is written
/// anew when it no longer holds what the content gives, and removed when
/// the content has errors (they must show in the next first frame).
fn check_index(file: &std::path::Path, key: &Key, indexed: &str, library: &Library) {
    if !index::can_index(library) {
        index_file::remove(file);
        return;
    }
    let fresh = index::encode(key, library);
    if fresh != indexed {
        index_file::write(file, &fresh);
    }
}
