//! The command line: its shape (`args`, with `examples` for the help and
//! man pages, and `generate` for man pages and completions) and the
//! subcommands that print and exit, never touching the terminal's modes.
//!
//! Not here: the interactive app (`runtime`), the content loader (`content`),
//! storage (`store`); these files only parse arguments' meaning and print.

pub mod args;
pub mod check;
pub mod examples;
pub mod export;
pub mod export_check;
pub mod export_group;
pub mod generate;
pub mod history;
pub mod list;
pub mod new;
pub mod paths;

/// Where `-o FILE` is written, or `None` (told on `err`) when it must not
/// be. A file already there is kept (exit 1, as `reflect new` does)
/// unless `--force` says to replace it: last week's sheet, or anything
/// else of the same name, is not lost to a typo. A folder, a pipe or a
/// device is never replaced, and a link is written through: the file it
/// points to is replaced, keeping its permissions, and the link stays, so
/// a sheet linked into a shared folder is the one brought up to date.
pub fn output_file(
    path: &std::path::Path,
    force: bool,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<OutputFile>> {
    let shown = path.display();
    // Not even --force replaces a folder: it would fail, or worse.
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        let example = path.join("sheet.md");
        writeln!(
            err,
            "reflect: {shown} is a folder, so nothing was written; give the file to write in it, like {}",
            example.display()
        )?;
        return Ok(None);
    }
    let Ok(there) = std::fs::symlink_metadata(path) else {
        return Ok(Some(OutputFile {
            path: path.to_owned(),
            permissions: None,
        }));
    };
    let target = match there.is_symlink() {
        true => std::fs::canonicalize(path).ok(),
        false => Some(path.to_owned()),
    };
    let plain = target.and_then(|t| Some((std::fs::metadata(&t).ok()?, t)));
    let Some((meta, target)) = plain.filter(|(meta, _)| meta.is_file()) else {
        writeln!(
            err,
            "reflect: {shown} is not a plain file (a pipe, a device, or a link to nothing), so nothing was written; name a file"
        )?;
        return Ok(None);
    };
    if !force {
        writeln!(
            err,
            "reflect: {shown} is already there, so nothing was written; name another file, or add --force to replace it"
        )?;
        return Ok(None);
    }
    if has_other_names(&meta) {
        writeln!(
            err,
            "reflect: {shown} has other names (hard links), which would not show the new text, so nothing was written; name another file"
        )?;
        return Ok(None);
    }
    Ok(Some(OutputFile {
        path: target,
        permissions: Some(meta.permissions()),
    }))
}

#[cfg(unix)]
fn has_other_names(meta: &std::fs::Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(meta) > 1
}

#[cfg(not(unix))]
fn has_other_names(_: &std::fs::Metadata) -> bool {
    false
}

/// The file an export is written to (see [`output_file`]).
pub struct OutputFile {
    pub path: std::path::PathBuf,
    /// A file replaced keeps its permissions: one shared with a team stays
    /// readable by it. A new file is private.
    permissions: Option<std::fs::Permissions>,
}

impl OutputFile {
    /// Writes `bytes` all at once (a reader never sees half a file).
    pub fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        crate::store::files::write_atomic(&self.path, bytes)?;
        match &self.permissions {
            Some(permissions) => std::fs::set_permissions(&self.path, permissions.clone()),
            None => Ok(()),
        }
    }
}
