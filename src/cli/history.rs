//! `reflect history`: the reflections kept on this machine, newest first.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::content::Library;
use crate::paths::Paths;
use crate::store::{LoadReport, RecordDir, Reflection};

pub fn run(paths: &Paths, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let report = load(paths)?;
    let groups = super::history_group::group_history(paths)?;
    for warning in &groups.warnings {
        eprintln!("reflect: {warning}");
    }
    if report.records.is_empty() && groups.lines.is_empty() {
        writeln!(
            out,
            "No reflections yet. Start one with `reflect` or `reflect start --theme ID`."
        )?;
    }
    for reflection in &report.records {
        writeln!(out, "{}", line(reflection, library))?;
    }
    for group in &groups.lines {
        writeln!(out, "{group}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads every reflection without changing any file, telling (on stderr)
/// about files it could not read or skipped.
pub fn load(paths: &Paths) -> Result<LoadReport<Reflection>> {
    let report = RecordDir::<Reflection>::read_only(paths.reflections_dir()).load_all()?;
    for (path, why) in report.unreadable.iter().chain(&report.skipped) {
        eprintln!("reflect: skipped {}: {why}", path.display());
    }
    Ok(report)
}

/// `2026-11-22 14:30  Theme title  practitioner  2 answered, 1 flagged  ID`
pub fn line(reflection: &Reflection, library: &Library) -> String {
    let title = library
        .pack(&reflection.pack)
        .and_then(|p| p.theme(&reflection.theme))
        .map_or(reflection.theme.as_str(), |t| t.title.as_str());
    format!(
        "{}  {}  {}  {} answered, {} flagged  {}",
        reflection.updated.format("%Y-%m-%d %H:%M"),
        title,
        reflection.audience,
        reflection.answered_count(),
        reflection.flagged_count(),
        reflection.id
    )
}
