//! `reflect history`: the reflections and group sessions kept on this
//! machine, newest first. Reads only; notes are counted, never printed.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::content::Library;
use crate::paths::Paths;
use crate::store::{GroupRecord, LoadReport, Record, RecordDir, Reflection};

pub fn run(paths: &Paths, library: &Library, out: &mut dyn Write) -> Result<ExitCode> {
    let report = load(paths)?;
    let groups = read_only::<GroupRecord>(&paths.groups_dir())?;
    if report.records.is_empty() && groups.records.is_empty() {
        writeln!(
            out,
            "No reflections yet. Start one with `reflect` or `reflect start --theme ID`."
        )?;
    }
    for reflection in &report.records {
        writeln!(out, "{}", line(reflection, library))?;
    }
    for group in &groups.records {
        writeln!(out, "{}", group_line(group))?;
    }
    // As every command does: 2 when something could not be read, so a
    // script does not take a partial list for the whole.
    if report.unreadable.is_empty() && groups.unreadable.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::from(2))
    }
}

/// Loads every reflection without changing any file, telling (on stderr)
/// about files it could not read or skipped.
pub fn load(paths: &Paths) -> Result<LoadReport<Reflection>> {
    read_only(&paths.reflections_dir())
}

/// Every record in `dir`, changing nothing: no folder yet means no
/// records, and it is not created; a damaged file is named, not moved.
fn read_only<T: Record>(dir: &Path) -> Result<LoadReport<T>> {
    let report = RecordDir::<T>::read_only(dir).load_all()?;
    for (path, why) in report.unreadable.iter().chain(&report.skipped) {
        eprintln!("reflect: skipped {}: {why}", path.display());
    }
    Ok(report)
}

/// `2026-11-22 14:30  Theme title  practitioner  2 answered, 1 flagged  ID`
pub fn line(reflection: &Reflection, library: &Library) -> String {
    let title = crate::sheet::theme_title(library, &reflection.pack, &reflection.theme);
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

/// `2026-11-22 14:30  group  child-mental-health  3 notes  ID`
fn group_line(record: &GroupRecord) -> String {
    // A note left being written is not in the record's notes (nor in its
    // export) until the group view opens it again and it is kept.
    let unkept = if record.draft.is_some() {
        " (+1 not kept)"
    } else {
        ""
    };
    format!(
        "{}  group  {}  {}{unkept}  {}",
        record.started.format("%Y-%m-%d %H:%M"),
        record.theme,
        super::check::plural(record.notes.len(), "note"),
        record.id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn group_lines_newest_first_and_no_folder_means_none() {
        let tmp = tempfile::tempdir().unwrap();
        let paths = Paths::at(tmp.path());
        let groups = |paths: &Paths| read_only::<GroupRecord>(&paths.groups_dir()).unwrap();
        assert!(groups(&paths).records.is_empty());
        assert!(!paths.groups_dir().exists(), "not created by looking");
        let dir = RecordDir::<GroupRecord>::open(paths.groups_dir()).unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let mut old = GroupRecord::new("g-old", at("2026-01-05T09:00:00Z"), "p", "theme-a");
        old.add_note("title", "T", "secret words", at("2026-01-05T09:10:00Z"));
        let mut new = GroupRecord::new("g-new", at("2026-02-01T10:30:00Z"), "p", "theme-b");
        let being_written = crate::store::GroupNote {
            slide: "title".into(),
            slide_title: "T".into(),
            text: "half a point".into(),
            added: at("2026-02-01T10:40:00Z"),
        };
        new.set_draft(Some(being_written), at("2026-02-01T10:41:00Z"));
        dir.save(&old).unwrap();
        dir.save(&new).unwrap();
        std::fs::write(dir.dir().join("broken.toml"), "not = [valid").unwrap();
        let report = groups(&paths);
        let lines: Vec<String> = report.records.iter().map(group_line).collect();
        assert_eq!(
            lines,
            [
                "2026-02-01 10:30  group  theme-b  0 notes (+1 not kept)  g-new",
                "2026-01-05 09:00  group  theme-a  1 note  g-old",
            ]
        );
        assert_eq!(report.unreadable.len() + report.skipped.len(), 1);
        assert!(!lines.concat().contains("secret"));
    }
}
