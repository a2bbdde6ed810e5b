//! The history index: `reflections/.index`, one line per reflection with
//! its [`Summary`] and the length and time of the file it was read from.
//! After its header come the count, the line of the latest reflection on
//! each theme for each audience, `--`, then every line, newest first: the
//! home screen's first frame reads only the start of it.
//!
//! It holds ids, dates and counts, never a word of an answer, and is only
//! ever a shortcut: a line whose file has changed since (or a line that
//! cannot be read) is ignored and the file read instead, and a missing or
//! damaged index just means reading every file once. It is written with
//! the same atomic, private write as the records.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::DateTime;

use super::files::write_atomic;
use super::summary::{Stamp, Summary};
use crate::words::Audience;

/// The index's file name in the reflections folder.
pub const INDEX_NAME: &str = ".index";
const HEADER: &str = "reflect history index 2";
/// Between the latest on each theme and the list of every one.
const SEPARATOR: &str = "--";

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
        .skip_while(|l| *l != SEPARATOR)
        .skip(1)
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

/// How much of the index the first screen reads, most times: the count,
/// the latest on each theme and the newest hundred or so.
const HEAD_BYTES: u64 = 64 * 1024;

/// `None` when there is no index or the part read cannot be.
pub fn read_head(dir: &Path, newest: usize) -> Option<Head> {
    let mut start = Vec::new();
    let file = fs::File::open(path(dir)).ok()?;
    file.take(HEAD_BYTES).read_to_end(&mut start).ok()?;
    let whole = (start.len() as u64) < HEAD_BYTES;
    // Only whole lines: the chunk may end inside one.
    let end = if whole {
        start.len()
    } else {
        start.iter().rposition(|b| *b == b'\n')? + 1
    };
    match head_of(std::str::from_utf8(&start[..end]).ok()?, newest) {
        Some(head) => Some(head),
        None if whole => None,
        None => head_of(&fs::read_to_string(path(dir)).ok()?, newest),
    }
}

/// The head from the index's first lines; `None` when they are not enough
/// (or cannot be read).
fn head_of(text: &str, newest: usize) -> Option<Head> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return None;
    }
    let total: usize = lines.next()?.parse().ok()?;
    let mut summaries = Vec::new();
    let mut separated = false;
    for line in lines.by_ref() {
        if line == SEPARATOR {
            separated = true;
            break;
        }
        summaries.push(parse_line(line)?);
    }
    let latest = summaries.len();
    let want = newest.min(total);
    let mut read = 0;
    for line in lines.take(want) {
        read += 1;
        let summary = parse_line(line)?;
        if !summaries[..latest].iter().any(|s| s.id == summary.id) {
            summaries.push(summary);
        }
    }
    if !separated || read < want {
        return None;
    }
    summaries.sort_by_key(|s: &Summary| std::cmp::Reverse(s.updated));
    Some(Head { total, summaries })
}

/// Writes the index for `summaries` (newest first), unless it already
/// says exactly that: the count, the latest on each theme for each
/// audience, then every one.
pub fn write(dir: &Path, summaries: &[Summary]) -> std::io::Result<()> {
    let mut text = format!("{HEADER}\n{}\n", summaries.len());
    let mut groups: Vec<(&str, &str, Audience)> = Vec::new();
    for summary in summaries {
        let group = (
            summary.pack.as_str(),
            summary.theme.as_str(),
            summary.audience,
        );
        if !groups.contains(&group) {
            groups.push(group);
            text.push_str(&line(summary));
            text.push('\n');
        }
    }
    text.push_str(SEPARATOR);
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
        let all = newest_first(10);
        write(tmp.path(), &all).expect("write");
        let head = read_head(tmp.path(), 3).expect("head");
        assert_eq!(head.total, 10);
        let ids: Vec<&str> = head.summaries.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["n0", "n1", "n2", "n9"]);
        assert_eq!(read(tmp.path()).len(), 10, "every one is there too");
        fs::write(path(tmp.path()), format!("{HEADER}\n1\nnot a line\n")).expect("write");
        assert!(
            read_head(tmp.path(), 3).is_none(),
            "a bad line: read the files"
        );
        fs::write(path(tmp.path()), "reflect history index 1\n").expect("write");
        assert!(read_head(tmp.path(), 3).is_none(), "an older index");
    }

    /// `n0` newest; the last is on a theme of its own.
    fn newest_first(count: usize) -> Vec<Summary> {
        let mut all: Vec<Summary> = (0..count)
            .map(|n| {
                let mut s = summary(&format!("n{n}"));
                s.updated -= chrono::Duration::minutes(n as i64);
                s
            })
            .collect();
        all[count - 1].theme = "other".into();
        all
    }

    /// A long index is read only as far as the first screen needs, unless
    /// that is further than its first part.
    #[test]
    fn a_long_index_is_read_as_far_as_needed() {
        let tmp = tempfile::tempdir().expect("tmp");
        let all = newest_first(2000);
        write(tmp.path(), &all).expect("write");
        assert!(fs::metadata(path(tmp.path())).expect("index").len() > HEAD_BYTES);
        let head = read_head(tmp.path(), 30).expect("head");
        assert_eq!(head.total, 2000);
        assert_eq!(head.summaries.len(), 31, "30 newest and the other theme's");
        assert_eq!(head.summaries[30].id, "n1999");
        let deep = read_head(tmp.path(), 1500).expect("head");
        assert_eq!(deep.summaries.len(), 1501, "read on past the first part");
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
