//! Group records for `reflect history`: one line each, newest first.
//!
//! Reads only the group records folder, and only what a line needs; notes
//! are counted, never printed.

use anyhow::Result;

use crate::paths::Paths;
use crate::store::{GroupRecord, RecordDir};

/// What `reflect history` prints for group sessions.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GroupHistory {
    /// `2026-11-22 14:30  group  child-mental-health  3 notes  ID`.
    pub lines: Vec<String>,
    /// Damaged files that were moved aside or skipped, for stderr.
    pub warnings: Vec<String>,
}

/// Group records as history lines (see [`group_history`] for warnings).
pub fn group_history_lines(paths: &Paths) -> Result<Vec<String>> {
    Ok(group_history(paths)?.lines)
}

/// Group records as history lines, with warnings about damaged files.
/// Nothing is changed: no folder yet means no records, and it is not
/// created; a damaged file is named, not moved.
pub fn group_history(paths: &Paths) -> Result<GroupHistory> {
    let report = RecordDir::<GroupRecord>::read_only(paths.groups_dir()).load_all()?;
    let lines = report.records.iter().map(line).collect();
    let warnings = report
        .unreadable
        .iter()
        .chain(&report.skipped)
        .map(|(path, reason)| format!("{} was skipped: {reason}", path.display()))
        .collect();
    Ok(GroupHistory { lines, warnings })
}

fn line(record: &GroupRecord) -> String {
    let notes = match record.notes.len() {
        1 => "1 note".to_string(),
        n => format!("{n} notes"),
    };
    format!(
        "{}  group  {}  {notes}  {}",
        record.started.format("%Y-%m-%d %H:%M"),
        record.theme,
        record.id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn lines_newest_first_and_no_folder_means_none() {
        let tmp = tempfile::tempdir().unwrap();
        let paths = Paths::at(tmp.path());
        assert!(group_history_lines(&paths).unwrap().is_empty());
        assert!(!paths.groups_dir().exists(), "not created by looking");
        let dir = RecordDir::<GroupRecord>::open(paths.groups_dir()).unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let mut old = GroupRecord::new("g-old", at("2026-01-05T09:00:00Z"), "p", "theme-a");
        old.add_note("title", "T", "secret words", at("2026-01-05T09:10:00Z"));
        let new = GroupRecord::new("g-new", at("2026-02-01T10:30:00Z"), "p", "theme-b");
        dir.save(&old).unwrap();
        dir.save(&new).unwrap();
        std::fs::write(dir.dir().join("broken.toml"), "not = [valid").unwrap();
        let history = group_history(&paths).unwrap();
        assert_eq!(
            history.lines,
            [
                "2026-02-01 10:30  group  theme-b  0 notes  g-new",
                "2026-01-05 09:00  group  theme-a  1 note  g-old",
            ]
        );
        assert_eq!(history.warnings.len(), 1);
        assert!(!history.lines.concat().contains("secret"));
    }
}
