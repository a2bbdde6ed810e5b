//! A group session record: the points a facilitator's group agreed on.
//! It holds no one's private answers.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::record_dir::Record;

/// Newest group record file format this version reads and writes.
pub const GROUP_FORMAT_VERSION: u32 = 1;

/// One group session on a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRecord {
    pub format: u32,
    pub id: String,
    pub started: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    pub pack: String,
    pub theme: String,
    #[serde(default, rename = "note")]
    pub notes: Vec<GroupNote>,
}

/// A point agreed while a slide was shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupNote {
    /// Which slide, e.g. `"question:formal-diagnosis"`.
    pub slide: String,
    pub slide_title: String,
    pub text: String,
    pub added: DateTime<FixedOffset>,
}

impl GroupRecord {
    /// A new group record with no notes, started at `now`.
    pub fn new(
        id: impl Into<String>,
        now: DateTime<FixedOffset>,
        pack: impl Into<String>,
        theme: impl Into<String>,
    ) -> Self {
        GroupRecord {
            format: GROUP_FORMAT_VERSION,
            id: id.into(),
            started: now,
            updated: now,
            pack: pack.into(),
            theme: theme.into(),
            notes: Vec::new(),
        }
    }

    /// Append a note and mark the record updated at `now`.
    pub fn add_note(
        &mut self,
        slide: impl Into<String>,
        slide_title: impl Into<String>,
        text: impl Into<String>,
        now: DateTime<FixedOffset>,
    ) {
        self.notes.push(GroupNote {
            slide: slide.into(),
            slide_title: slide_title.into(),
            text: text.into(),
            added: now,
        });
        self.updated = now;
    }
}

impl Record for GroupRecord {
    const FORMAT: u32 = GROUP_FORMAT_VERSION;
    fn format(&self) -> u32 {
        self.format
    }

    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> DateTime<FixedOffset> {
        self.updated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_notes_as_tables() {
        let t0 = DateTime::parse_from_rfc3339("2026-11-22T14:30:12+00:00").unwrap();
        let t1 = DateTime::parse_from_rfc3339("2026-11-22T15:00:00+00:00").unwrap();
        let mut g = GroupRecord::new("g-1", t0, "pack", "theme");
        g.add_note(
            "question:formal-diagnosis",
            "Formal diagnosis",
            "We agreed:\n- \"a\"",
            t1,
        );
        assert_eq!(g.updated, t1);
        let text = toml::to_string_pretty(&g).unwrap();
        assert!(text.contains("[[note]]"), "{text}");
        let back: GroupRecord = toml::from_str(&text).unwrap();
        assert_eq!(back, g);
    }
}
