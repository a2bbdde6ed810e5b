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

/// `-o FILE` names a file that is already there: it is kept (exit 1, as
/// `reflect new` does) unless `--force` says to replace it. Last week's
/// sheet, or anything else of the same name, is not lost to a typo. A
/// folder is never replaced.
pub fn refuse_existing(
    path: &std::path::Path,
    force: bool,
    err: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    // Not even --force replaces a folder: it would fail, or worse.
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        writeln!(
            err,
            "reflect: {} is a folder, so nothing was written; give the file to write in it, like {}",
            path.display(),
            path.join("sheet.md").display()
        )?;
        return Ok(true);
    }
    if force || std::fs::symlink_metadata(path).is_err() {
        return Ok(false);
    }
    writeln!(
        err,
        "reflect: {} is already there, so nothing was written; name another file, or add --force to replace it",
        path.display()
    )?;
    Ok(true)
}
