//! Parsed files of one content folder, put together into packs.
//!
//! This is where problems that span files are found: two main files with
//! the same pack id, a `part_of` that names no pack, a theme id used twice.

use std::collections::HashMap;
use std::path::PathBuf;

use super::diagnostic::Diagnostic;
use super::model::{Origin, Pack, Theme};
use super::parse::{FileRole, PackHeader, ParsedFile, ParsedTheme};
use super::reader::Position;
use super::suggest;

/// Builds the packs of one layer, in the order their main files were found.
pub fn assemble(layer: &str, files: Vec<ParsedFile>) -> (Vec<Pack>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut builders: Vec<PackBuilder> = Vec::new();
    let mut parts = Vec::new();
    for file in files {
        match file.role {
            FileRole::Main(header) => {
                let id = &header.pack.id;
                if let Some(first) = builders.iter().find(|b| &b.header.pack.id == id) {
                    diagnostics.push(duplicate_pack(&file.path, &header, &first.files[0]));
                    continue;
                }
                builders.push(PackBuilder::new(*header, file.path, file.themes));
            }
            FileRole::PartOf { pack, at } => parts.push((pack, at, file.path, file.themes)),
        }
    }
    for (pack, at, path, themes) in parts {
        match builders.iter_mut().find(|b| b.header.pack.id == pack) {
            Some(builder) => builder.add(path, themes),
            None => diagnostics.push(unknown_pack(&path, &pack, at, &builders)),
        }
    }
    let packs = builders
        .into_iter()
        .map(|b| b.build(layer, &mut diagnostics))
        .collect();
    (packs, diagnostics)
}

struct PackBuilder {
    header: PackHeader,
    files: Vec<PathBuf>,
    themes: Vec<(PathBuf, ParsedTheme)>,
}

impl PackBuilder {
    fn new(header: PackHeader, path: PathBuf, themes: Vec<ParsedTheme>) -> Self {
        let mut builder = PackBuilder {
            header,
            files: Vec::new(),
            themes: Vec::new(),
        };
        builder.add(path, themes);
        builder
    }

    fn add(&mut self, path: PathBuf, themes: Vec<ParsedTheme>) {
        self.themes
            .extend(themes.into_iter().map(|t| (path.clone(), t)));
        self.files.push(path);
    }

    fn build(self, layer: &str, diagnostics: &mut Vec<Diagnostic>) -> Pack {
        let themes = unique_themes(self.themes, diagnostics);
        Pack {
            themes,
            origin: Origin {
                layer: layer.to_owned(),
                files: self.files,
            },
            ..self.header.pack
        }
    }
}

fn unique_themes(
    themes: Vec<(PathBuf, ParsedTheme)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Theme> {
    let mut seen: HashMap<String, (PathBuf, Position)> = HashMap::new();
    let mut unique = Vec::new();
    for (path, parsed) in themes {
        let id = parsed.theme.id.clone();
        if let Some((first_path, first)) = seen.get(&id) {
            let mut d = Diagnostic::error(&path, format!("duplicate theme id `{id}` in this pack"));
            (d.line, d.column) = (parsed.id_at.line, parsed.id_at.column);
            let where_ = format!("{}:{}:{}", first_path.display(), first.line, first.column);
            diagnostics.push(d.hint(format!(
                "the first is at {where_}; theme ids must be unique in a pack"
            )));
            continue;
        }
        seen.insert(id, (path, parsed.id_at));
        unique.push(parsed.theme);
    }
    unique
}

fn duplicate_pack(
    path: &std::path::Path,
    header: &PackHeader,
    first: &std::path::Path,
) -> Diagnostic {
    let mut d = Diagnostic::error(
        path,
        format!("pack id `{}` is used twice in this folder", header.pack.id),
    );
    (d.line, d.column) = (header.id_at.line, header.id_at.column);
    d.hint(format!("it is also the id of {}", first.display()))
        .hint("give one of them another id; this file is left out")
}

fn unknown_pack(
    path: &std::path::Path,
    pack: &str,
    at: Position,
    builders: &[PackBuilder],
) -> Diagnostic {
    let mut d = Diagnostic::error(
        path,
        format!("`part_of` names pack `{pack}`, which is not in this folder"),
    );
    (d.line, d.column) = (at.line, at.column);
    let known: Vec<&str> = builders.iter().map(|b| b.header.pack.id.as_str()).collect();
    match suggest::closest(pack, &known) {
        Some(close) => d.hint(format!("did you mean `{close}`?")),
        None if known.is_empty() => {
            d.hint("a pack's main file (with `[pack]`) must be in the same folder")
        }
        None => d.hint(format!("packs in this folder: {}", known.join(", "))),
    }
}
