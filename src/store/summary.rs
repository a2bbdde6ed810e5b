//! What the first screen needs to know of a reflection, without its text:
//! when it was changed, what it is on, which questions it answers, how many
//! it flags. Kept for every reflection in a small index beside them
//! (`store::index`), so the app can draw at once however long the history.

use std::fs::Metadata;
use std::time::UNIX_EPOCH;

use chrono::{DateTime, FixedOffset};

use super::reflection::Reflection;
use crate::words::Audience;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub updated: DateTime<FixedOffset>,
    pub pack: String,
    pub theme: String,
    pub audience: Audience,
    /// The keys (`pack/theme/question`) of the questions it answers,
    /// separated by spaces (keys never hold one): one string, not one per
    /// question, as thousands of these are read before the first frame.
    pub answered: String,
    pub flagged: usize,
    /// The file this was read from, as it was then: when either differs
    /// now, the file is read again.
    pub stamp: Stamp,
}

/// A file's length and modification time, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: u128,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Stamp {
            len: meta.len(),
            modified_ns,
        }
    }
}

impl Summary {
    pub fn of(reflection: &Reflection, stamp: Stamp) -> Summary {
        Summary {
            id: reflection.id.clone(),
            updated: reflection.updated,
            pack: reflection.pack.clone(),
            theme: reflection.theme.clone(),
            audience: reflection.audience,
            answered: reflection
                .answers
                .iter()
                .filter(|a| a.is_answered())
                .map(|a| a.question.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            flagged: reflection.flagged_count(),
            stamp,
        }
    }

    pub fn answers(&self, key: &str) -> bool {
        self.answered_keys().any(|k| k == key)
    }

    pub fn answered_count(&self) -> usize {
        self.answered_keys().count()
    }

    pub fn answered_keys(&self) -> impl Iterator<Item = &str> {
        self.answered.split(' ').filter(|k| !k.is_empty())
    }
}
