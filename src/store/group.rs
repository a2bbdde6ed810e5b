//! A group session record: the points a facilitator's group agreed on.
//! It holds no one's private answers.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::record::Record;

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
    /// A note being written and not yet kept: saved as it is typed, so it
    /// survives a crash and comes back next time; never exported as agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<GroupNote>,
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
            draft: None,
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

    /// A draft with no words in it is no draft.
    pub fn set_draft(&mut self, draft: Option<GroupNote>, now: DateTime<FixedOffset>) {
        let draft = draft.filter(|d| !d.text.trim().is_empty());
        if draft != self.draft {
            self.draft = draft;
            self.updated = now;
        }
    }
}

impl Record for GroupRecord {
    const FORMAT: u32 = GROUP_FORMAT_VERSION;
    const NOUN: &'static str = "group record";
    const SET_ASIDE_WHEN: &'static str = "when a group view next opens";
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
        assert!(!text.contains("draft"), "no draft, no draft table");
        let mut drafted = g.clone();
        let note = GroupNote {
            slide: "summary".into(),
            slide_title: "What the group agreed".into(),
            text: "half a thought".into(),
            added: t1,
        };
        drafted.set_draft(Some(note), t1);
        let text = toml::to_string_pretty(&drafted).unwrap();
        assert!(text.contains("[draft]"), "{text}");
        assert_eq!(toml::from_str::<GroupRecord>(&text).unwrap(), drafted);
    }
}
