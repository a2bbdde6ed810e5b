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
//! change of the window's size waits for it.
//!
//! Not here: where the index is kept or how it is written (`runtime`).

mod format;
mod key;

pub use format::{decode, encode};
pub use key::Key;

use std::hash::{Hash, Hasher};

use super::library::{Layer, Library};
use super::model::{Audience, Origin, Overview, Pack, Question, Theme};

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

/// What the home screen's first frame draws of `library`: the rest is
/// left empty. Selecting another theme takes a key, and keys wait for the
/// full read.
pub fn preview(library: &Library) -> Library {
    let mut first_theme = true;
    let packs = library
        .packs
        .iter()
        .map(|pack| {
            let themes = pack.themes.iter().map(|theme| {
                let keep_text = std::mem::take(&mut first_theme);
                preview_theme(theme, keep_text)
            });
            preview_pack(pack, themes.collect())
        })
        .collect();
    Library {
        packs,
        diagnostics: Vec::new(),
        notices: library.notices.clone(),
        unreadable: Vec::new(),
    }
}

fn preview_pack(pack: &Pack, themes: Vec<Theme>) -> Pack {
    let mut preview = bare_pack(
        pack.id.clone(),
        pack.title.clone(),
        pack.origin.layer.clone(),
    );
    preview.overview.period = pack.overview.period.clone();
    preview.short_source = pack.short_source.clone();
    preview.source = pack.source.clone();
    preview.copyright = pack.copyright.clone();
    preview.licence = pack.licence.clone();
    preview.overview.figures = pack.overview.figures.clone();
    preview.themes = themes;
    preview
}

fn preview_theme(theme: &Theme, keep_text: bool) -> Theme {
    let mut preview = bare_theme(theme.id.clone(), theme.title.clone());
    if keep_text {
        preview.summary = theme.summary.clone();
        preview.key_data = theme.key_data.clone();
    }
    preview.questions = theme
        .questions
        .iter()
        .map(|q| bare_question(q.id.clone(), q.audience))
        .collect();
    preview
}

/// A pack with only its name, title and layer: the rest is filled in by
/// what the preview keeps.
fn bare_pack(id: String, title: String, layer: String) -> Pack {
    Pack {
        id,
        title,
        summary: None,
        source: None,
        short_source: None,
        published: None,
        url: None,
        link_text: None,
        licence: None,
        copyright: None,
        prompts: None,
        overview: Overview::default(),
        themes: Vec::new(),
        conclusion: None,
        origin: Origin {
            layer,
            files: Vec::new(),
        },
    }
}

fn bare_theme(id: String, title: String) -> Theme {
    Theme {
        id,
        title,
        summary: None,
        statement: None,
        statement_heading: None,
        calls_on: None,
        key_data: Vec::new(),
        learning: Vec::new(),
        questions: Vec::new(),
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
