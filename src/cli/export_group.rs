//! `reflect export --group [--latest | ID] [-o FILE] [--force]`: a group record as
//! Markdown, on stdout or in a file.
//!
//! Only group records are read here; private reflections are exported by
//! their own command.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::content::{Layer, Library, Origin, Pack};
use crate::group::export::markdown;
use crate::paths::Paths;
use crate::store::{GroupRecord, LoadReport, RecordDir};

/// Which record: `None` means the most recently updated one.
pub fn run(
    paths: &Paths,
    layers: &[Layer],
    id: Option<&str>,
    (output, force): (Option<&Path>, bool),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let target = match output {
        Some(path) => match super::output_file(path, force, err)? {
            Some(target) => Some(target),
            None => return Ok(ExitCode::from(1)),
        },
        None => None,
    };
    let Some(record) = find_record(paths, id, err)? else {
        return Ok(ExitCode::from(1));
    };
    let library = Library::load(layers);
    let (pack, theme_title) = content_for(&library, &record, err)?;
    let text = markdown(&record, &theme_title, &pack);
    if record.draft.is_some() {
        writeln!(
            err,
            "reflect: a note being written (now, or when this session stopped) is not kept yet, so it is not in this export; keep it in the group view (once stopped, `reflect group --theme {}/{}` opens it again)",
            record.pack, record.theme
        )?;
    }
    match output.zip(target) {
        Some((path, target)) => {
            target
                .write(text.as_bytes())
                .with_context(|| format!("could not write {}", path.display()))?;
            let (id, path) = (&record.id, path.display());
            writeln!(err, "reflect: wrote group record `{id}` to {path}")?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn find_record(
    paths: &Paths,
    id: Option<&str>,
    err: &mut dyn Write,
) -> Result<Option<GroupRecord>> {
    let dir_path = paths.groups_dir();
    let dir = RecordDir::<GroupRecord>::read_only(&dir_path);
    let found = match id {
        _ if !dir_path.is_dir() => None,
        Some(id) => {
            // A name no record can have is no such record (exit 1), as
            // for a reflection, not a file that could not be read.
            let valid = crate::words::id::validate_id(id).is_ok();
            let found = if valid { dir.load(id)? } else { None };
            if found.is_none() {
                let recent = recent_ids(&dir.load_all()?);
                writeln!(
                    err,
                    "reflect: no group record `{id}`; recent ones: {recent}"
                )?;
                return Ok(None);
            }
            found
        }
        None => {
            let report = dir.load_all()?;
            warn_damaged(&report, err)?;
            report.records.into_iter().next()
        }
    };
    if found.is_none() {
        let dir = dir_path.display();
        writeln!(
            err,
            "reflect: no group records yet (they are kept in {dir})"
        )?;
    }
    Ok(found)
}

fn recent_ids(report: &LoadReport<GroupRecord>) -> String {
    let ids: Vec<&str> = report
        .records
        .iter()
        .take(5)
        .map(|r| r.id.as_str())
        .collect();
    if ids.is_empty() {
        "none".into()
    } else {
        ids.join(", ")
    }
}

/// Files that could not be read were left alone: say so, never quoting them.
fn warn_damaged(report: &LoadReport<GroupRecord>, err: &mut dyn Write) -> Result<()> {
    for (path, reason) in report.unreadable.iter().chain(&report.skipped) {
        let path = path.display();
        writeln!(err, "reflect: warning: {path} was skipped: {reason}")?;
    }
    Ok(())
}

/// The record's pack and theme title; when the pack is no longer loaded,
/// a stand-in named by its id, so the notes can still be exported.
fn content_for(
    library: &Library,
    record: &GroupRecord,
    err: &mut dyn Write,
) -> Result<(Pack, String)> {
    if let Some(pack) = library.pack(&record.pack) {
        let title = pack
            .theme(&record.theme)
            .map_or_else(|| record.theme.clone(), |t| t.title.clone());
        return Ok((pack.clone(), title));
    }
    writeln!(
        err,
        "reflect: warning: pack `{}` is not loaded; exporting without its source and licence",
        record.pack
    )?;
    let pack = Pack {
        id: record.pack.clone(),
        title: record.pack.clone(),
        origin: Origin {
            layer: "missing".into(),
            files: Vec::new(),
        },
        ..Pack::default()
    };
    Ok((pack, record.theme.clone()))
}
