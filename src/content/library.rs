//! All loaded content: the layers, read in order, later packs replacing
//! earlier ones with the same id.

use std::path::{Path, PathBuf};

use super::assemble::assemble;
use super::builtin;
use super::diagnostic::{self, Diagnostic};
use super::model::{Pack, Theme};
use super::parse::{ParsedFile, parse_file};
use super::source::{self, SourceFile, Unreadable};

/// Where one layer of content comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LayerSource {
    Builtin,
    /// A folder; `required` folders (named on the command line) must exist.
    Folder {
        path: PathBuf,
        required: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Layer {
    /// How the layer is named in messages: "built-in", "your content folder".
    pub label: String,
    pub source: LayerSource,
}

impl Layer {
    pub fn builtin() -> Self {
        Layer {
            label: "built-in".into(),
            source: LayerSource::Builtin,
        }
    }

    pub fn folder(label: impl Into<String>, path: impl Into<PathBuf>, required: bool) -> Self {
        let path = path.into();
        Layer {
            label: label.into(),
            source: LayerSource::Folder { path, required },
        }
    }
}

/// The content the app works with, and everything worth telling about it.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub packs: Vec<Pack>,
    pub diagnostics: Vec<Diagnostic>,
    /// Things that are not wrong but worth knowing ("replaces the built-in pack").
    pub notices: Vec<String>,
    /// Folders or files that could not be read at all.
    pub unreadable: Vec<Unreadable>,
    /// Packs kept as they were last read well, because their files now
    /// have errors (see [`super::reload`]).
    pub held_back: Vec<String>,
}

impl Library {
    pub fn load(layers: &[Layer]) -> Library {
        let mut library = Library::default();
        for layer in layers {
            let (files, mut diagnostics) = read_layer(layer, &mut library.unreadable);
            let parsed = parse_all(files, &mut diagnostics);
            let (packs, more) = assemble(&layer.label, parsed);
            diagnostics.extend(more);
            library.diagnostics.extend(diagnostics);
            for pack in packs {
                library.add_pack(pack);
            }
        }
        diagnostic::sort(&mut library.diagnostics);
        library.note_shared_theme_ids();
        library
    }

    /// Packs with a theme of the same id: said once (not a notice each at
    /// every start), with how `--theme` tells them apart (a bare id would
    /// find the first).
    fn note_shared_theme_ids(&mut self) {
        let mut first_in: std::collections::HashMap<&str, &str> = Default::default();
        let mut shared = Vec::new();
        for (pack, theme) in self.themes() {
            if let Some(first) = first_in.insert(&theme.id, &pack.id) {
                shared.push(format!("`{}` (`{first}`, `{}`)", theme.id, pack.id));
            }
        }
        if !shared.is_empty() {
            let note = format!(
                "themes in more than one pack: {}; --theme names one as PACK/THEME",
                shared.join(", ")
            );
            self.notices.push(note);
        }
    }

    /// Checks individual files or folders, each as its own layer.
    pub fn check_paths(paths: &[PathBuf]) -> Library {
        let layers: Vec<Layer> = paths
            .iter()
            .map(|p| Layer::folder(p.display().to_string(), p, true))
            .collect();
        Library::load(&layers)
    }

    fn add_pack(&mut self, pack: Pack) {
        match self.packs.iter_mut().find(|p| p.id == pack.id) {
            Some(existing) => {
                self.notices.push(format!(
                    "pack `{}` from {} replaces the one from {}",
                    pack.id, pack.origin.layer, existing.origin.layer
                ));
                *existing = pack;
            }
            None => self.packs.push(pack),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn pack(&self, id: &str) -> Option<&Pack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The first pack with a theme of this id, and the theme.
    /// The theme `id`, or `pack/theme` where two packs have a theme of
    /// the same id; a bare id finds it in the first pack that has it.
    pub fn find_theme(&self, id: &str) -> Option<(&Pack, &Theme)> {
        if let Some((pack, theme)) = id.split_once('/') {
            let pack = self.pack(pack)?;
            return pack.theme(theme).map(|t| (pack, t));
        }
        self.packs.iter().find_map(|p| p.theme(id).map(|t| (p, t)))
    }

    /// Each theme as `--theme` names it: its id, or `pack/theme` when
    /// another pack has a theme of the same id.
    pub fn theme_names(&self) -> Vec<String> {
        let shared = |id: &str| self.themes().filter(|(_, t)| t.id == id).count() > 1;
        self.themes()
            .map(|(p, t)| match shared(&t.id) {
                true => format!("{}/{}", p.id, t.id),
                false => t.id.clone(),
            })
            .collect()
    }

    pub fn themes(&self) -> impl Iterator<Item = (&Pack, &Theme)> {
        self.packs
            .iter()
            .flat_map(|p| p.themes.iter().map(move |t| (p, t)))
    }
}

fn read_layer(
    layer: &Layer,
    unreadable: &mut Vec<Unreadable>,
) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    match &layer.source {
        LayerSource::Builtin => {
            let read = builtin::files()
                .map(|(path, text)| source::from_bytes(&path, text.as_bytes().to_vec()));
            split(read)
        }
        LayerSource::Folder { path, required } => match folder_files(path) {
            Ok(paths) => split(paths.iter().map(|p| source::read_file(p))),
            Err(problem) => {
                if *required || path.exists() {
                    unreadable.push(problem);
                }
                (Vec::new(), Vec::new())
            }
        },
    }
}

/// A folder's TOML files, or the path itself when it names one file.
fn folder_files(path: &Path) -> Result<Vec<PathBuf>, Unreadable> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    source::toml_files_in(path)
}

fn split(
    read: impl Iterator<Item = Result<SourceFile, Diagnostic>>,
) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for result in read {
        match result {
            Ok(file) => files.push(file),
            Err(d) => diagnostics.push(d),
        }
    }
    (files, diagnostics)
}

fn parse_all(files: Vec<SourceFile>, diagnostics: &mut Vec<Diagnostic>) -> Vec<ParsedFile> {
    let mut parsed = Vec::new();
    for file in files {
        let (result, found) = parse_file(&file.path, &file.text);
        // A file with errors is left out whole, so half a theme never shows.
        let has_errors = found.iter().any(Diagnostic::is_error);
        diagnostics.extend(found);
        if let (Some(p), false) = (result, has_errors) {
            parsed.push(p);
        }
    }
    parsed
}
