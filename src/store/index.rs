//! The history index: `reflections/.index`, one line per reflection with
//! its [`Summary`] and the length and time of the file it was read from.
//!
//! It holds ids, dates and counts, never a word of an answer, and is only
//! ever a shortcut: a line whose file has changed since (or a line that
//! cannot be read) is ignored and the file read instead, and a missing or
//! damaged index just means reading every file once. It is written with
//! the same atomic, private write as the records.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::DateTime;

use super::files::write_atomic;
use super::summary::{Stamp, Summary};
use crate::words::Audience;

/// The index's file name in the reflections folder.
pub const INDEX_NAME: &str = ".index";
const HEADER: &str = "reflect history index 1";

pub fn path(dir: &Path) -> PathBuf {
    dir.join(INDEX_NAME)
}

/// The summaries the index holds, by id; empty when it is missing or from
/// another version.
pub fn read(dir: &Path) -> HashMap<String, Summary> {
    let Ok(text) = fs::read_to_string(path(dir)) else {
        return HashMap::new();
    };
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return HashMap::new();
    }
    lines
        .filter_map(parse_line)
        .map(|s| (s.id.clone(), s))
        .collect()
}

/// The first screen's part of the index, read without looking at a
/// single record file: how many reflections it lists, and the summaries of
/// the newest `newest` and of the latest on each theme for each audience.
pub struct Head {
    pub total: usize,
    pub summaries: Vec<Summary>,
}

/// `None` when there is no index or a line of it cannot be read.
pub fn read_head(dir: &Path, newest: usize) -> Option<Head> {
    let text = fs::read_to_string(path(dir)).ok()?;
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return None;
    }
    let mut latest_of: Vec<(&str, &str, &str)> = Vec::new();
    let mut summaries = Vec::new();
    let mut total = 0;
    // The index is written newest first: the first line of a theme and
    // audience is its latest reflection.
    for line in lines {
        total += 1;
        let mut fields = line.split('\t').skip(4);
        let group = (fields.next()?, fields.next()?, fields.next()?);
        let first_of_group = !latest_of.contains(&group);
        if first_of_group {
            latest_of.push(group);
        }
        if first_of_group || summaries.len() < newest {
            summaries.push(parse_line(line)?);
        }
    }
    summaries.sort_by_key(|s: &Summary| std::cmp::Reverse(s.updated));
    Some(Head { total, summaries })
}

/// Writes the index for `summaries`, unless it already says exactly that.
pub fn write(dir: &Path, summaries: &[Summary]) -> std::io::Result<()> {
    let mut text = String::from(HEADER);
    text.push('\n');
    for summary in summaries {
        text.push_str(&line(summary));
        text.push('\n');
    }
    if fs::read_to_string(path(dir)).is_ok_and(|old| old == text) {
        return Ok(());
    }
    write_atomic(&path(dir), text.as_bytes())
}

fn line(s: &Summary) -> String {
    [
        s.id.clone(),
        s.stamp.len.to_string(),
        s.stamp.modified_ns.to_string(),
        s.updated.to_rfc3339(),
        s.pack.clone(),
        s.theme.clone(),
        s.audience.key().to_owned(),
        s.flagged.to_string(),
        s.answered.clone(),
    ]
    .join("\t")
}

fn parse_line(line: &str) -> Option<Summary> {
    let mut fields = line.split('\t');
    let mut next = || fields.next();
    let id = next()?.to_owned();
    crate::words::id::validate_id(&id).ok()?;
    let stamp = Stamp {
        len: next()?.parse().ok()?,
        modified_ns: next()?.parse().ok()?,
    };
    let updated = DateTime::parse_from_rfc3339(next()?).ok()?;
    let (pack, theme) = (next()?.to_owned(), next()?.to_owned());
    let audience = Audience::from_key(next()?)?;
    let flagged = next()?.parse().ok()?;
    let answered = next()?.to_owned();
    Some(Summary {
        id,
        updated,
        pack,
        theme,
        audience,
        answered,
        flagged,
        stamp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(id: &str) -> Summary {
        Summary {
            id: id.into(),
            updated: DateTime::parse_from_rfc3339("2026-11-22T10:00:00+01:00").expect("date"),
            pack: "p".into(),
            theme: "t".into(),
            audience: Audience::Leader,
            answered: "p/t/a p/t/b".into(),
            flagged: 1,
            stamp: Stamp {
                len: 42,
                modified_ns: 1_700_000_000_123_456_789,
            },
        }
    }

    #[test]
    fn the_head_holds_the_newest_and_the_latest_of_each_theme() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut all: Vec<Summary> = (0..10).map(|n| summary(&format!("n{n}"))).collect();
        all[9].theme = "other".into();
        write(tmp.path(), &all).expect("write");
        let head = read_head(tmp.path(), 3).expect("head");
        assert_eq!(head.total, 10);
        let ids: Vec<&str> = head.summaries.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["n0", "n1", "n2", "n9"]);
        fs::write(path(tmp.path()), format!("{HEADER}\nnot a line\n")).expect("write");
        assert!(
            read_head(tmp.path(), 3).is_none(),
            "a bad line: read the files"
        );
    }

    #[test]
    fn round_trips_and_ignores_what_it_cannot_read() {
        let tmp = tempfile::tempdir().expect("tmp");
        write(tmp.path(), &[summary("one"), summary("two")]).expect("write");
        let read_back = read(tmp.path());
        assert_eq!(read_back.get("one"), Some(&summary("one")));
        assert_eq!(read_back.len(), 2);
        let text = fs::read_to_string(path(tmp.path())).expect("read");
        fs::write(path(tmp.path()), format!("{text}garbage\tline\n../x\t1\n")).expect("write");
        assert_eq!(read(tmp.path()).len(), 2, "bad lines are left out");
        fs::write(path(tmp.path()), "another version\n").expect("write");
        assert!(read(tmp.path()).is_empty());
    }
}
