//! The content index: what the home screen shows of the content, kept from
//! the last full read, so the first frame need not parse every pack again
//! (a pack of 10,000 questions takes tens of milliseconds to parse).
//!
//! It is only ever a shortcut, like the history index. It is used only
//! when its [`Key`] (each layer's files with their lengths and times, and
//! the program itself for the built-in pack) matches the files as they are
//! now, and only for content that had no errors. What it holds is a
//! *preview*: every pack with its title, period, figures and attribution,
//! every theme with its title and its questions' ids, and the first
//! theme's summary and key data (home opens on it). It draws one frame:
//! the full content is read straight after it, and every key and every
//! change of the window's size waits for it. When that full read gives
//! another index than the one used, the index is written anew (or removed,
//! when the content now has errors), so a wrong one is used once at most.
//!
//! Not here: where the index is kept or how it is written (`runtime`).

mod format;
mod key;

pub use format::{decode, encode};
pub use key::Key;

use std::hash::{Hash, Hasher};

use super::library::{Layer, Library};
use super::model::{Audience, Origin, Pack, Question, Theme};

/// The index's file name for these layers, in the cache folder: one file
/// for each set of folders the app is started with (`reflect` and
/// `reflect --content DIR` do not take turns overwriting one index).
pub fn file_name(layers: &[Layer]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    layers.hash(&mut hasher);
    format!("content-{:016x}.index", hasher.finish())
}

/// Whether `library` may be kept in the index: content with errors is
/// always read in full, so its errors are always shown.
pub fn can_index(library: &Library) -> bool {
    !library.has_errors() && library.unreadable.is_empty()
}

/// A pack with only its name, title and layer: the rest is filled in by
/// what the preview keeps.
fn bare_pack(id: String, title: String, layer: String) -> Pack {
    let origin = Origin {
        layer,
        files: Vec::new(),
    };
    Pack {
        id,
        title,
        origin,
        ..Pack::default()
    }
}

fn bare_theme(id: String, title: String) -> Theme {
    Theme {
        id,
        title,
        ..Theme::default()
    }
}

/// A question known by its id and audience: what home counts.
fn bare_question(id: String, audience: Audience) -> Question {
    Question {
        id,
        audience,
        text: String::new(),
        prompts: Vec::new(),
        learning: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
