//! `reflect new [DIR]`: a commented template pack that passes `check`.
//!
//! Files are written whole or not at all and never over an existing file.
//! They are not made private: a pack is meant to be shared with a team.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::store::files::create_atomic;
use crate::text::shell_quoted;

pub const TEMPLATE: &str = include_str!("../../templates/new-pack.toml");
pub const TEMPLATE_NAME: &str = "my-team-pack.toml";

pub fn run(dir: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let path = dir.join(TEMPLATE_NAME);
    match create_atomic(&path, TEMPLATE.as_bytes()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "reflect: {} already exists; it was left as it is",
                path.display()
            );
            eprintln!("  hint: rename it, or give another folder: reflect new DIR");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
    writeln!(out, "wrote {}", path.display())?;
    writeln!(
        out,
        "edit it, then run: reflect check {}",
        shell_quoted(dir)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// `reflect new --from-builtin [DIR]`: the built-in pack's own files, to copy
/// and adapt without the source tree. Nothing is written if any of them
/// exists already, so a copy someone has edited is never overwritten.
pub fn from_builtin(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let files: Vec<(PathBuf, &str)> = crate::content::builtin_files()
        .map(|(name, text)| (dir.join(name), text))
        .collect();
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(path, _)| path)
        .filter(|path| path.exists())
        .collect();
    if !existing.is_empty() {
        for path in existing {
            writeln!(err, "reflect: {} already exists", path.display())?;
        }
        writeln!(
            err,
            "  hint: nothing was written; give another folder: reflect new --from-builtin DIR"
        )?;
        return Ok(ExitCode::from(1));
    }
    for (path, text) in &files {
        write_new(path, text)?;
        writeln!(out, "wrote {}", path.display())?;
    }
    let folder = files[0].0.parent().unwrap_or(dir);
    let builtin = crate::content::Library::load(&[crate::content::Layer::builtin()]);
    if let Some(pack) = builtin.packs.first() {
        writeln!(
            out,
            "the copy keeps the pack id `{}`: where this folder is read, it replaces the built-in pack and answers stay attached",
            pack.id
        )?;
    }
    writeln!(
        out,
        "edit it, then run: reflect check {}",
        shell_quoted(folder)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Creates `path` (and its folder) with `text`, whole or not at all;
/// never replaces a file.
fn write_new(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    create_atomic(path, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

/// `reflect new --forms [DIR]`: copies of the forms reflect fills (the CPD
/// record, the NMC reflective account), to edit when a body changes its
/// form (default: the forms folder, where reflect reads them). A copy that
/// exists already is left as it is.
pub fn forms(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let mut wrote = false;
    for (id, text) in crate::export::forms::builtin_files() {
        let path = crate::export::forms::file_of(dir, id);
        if path.exists() {
            writeln!(
                err,
                "reflect: {} already exists; it was left as it is",
                path.display()
            )?;
            continue;
        }
        write_new(&path, text)?;
        writeln!(out, "wrote {}", path.display())?;
        wrote = true;
    }
    if !wrote {
        return Ok(ExitCode::from(1));
    }
    writeln!(out, "edit them, then run: reflect check")?;
    Ok(ExitCode::SUCCESS)
}
