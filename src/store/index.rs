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
        s.answered.join(" "),
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
    let answered = next()?
        .split(' ')
        .filter(|k| !k.is_empty())
        .map(str::to_owned)
        .collect();
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
            answered: vec!["p/t/a".into(), "p/t/b".into()],
            flagged: 1,
            stamp: Stamp {
                len: 42,
                modified_ns: 1_700_000_000_123_456_789,
            },
        }
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
