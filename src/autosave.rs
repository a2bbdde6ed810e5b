//! The one autosave rule, for private answers and group notes alike.
//!
//! A save starts after half a second of quiet, or once the oldest edit no
//! save has taken is a second old, whichever comes first: however steadily
//! someone types, nothing typed waits long in memory alone. vim's swap file
//! (every 200 characters or 4 s of quiet) was the anchor. A failed save is
//! tried again every five seconds, the text kept meanwhile.
//!
//! Pure: the clock is passed in, and saving itself is the runtime's job.

use chrono::{DateTime, Duration, FixedOffset};

type Moment = DateTime<FixedOffset>;

/// A pause in typing this long saves at once.
const AFTER_QUIET: Duration = Duration::milliseconds(500);
/// No edit waits longer than this for a save to start (well inside the
/// promise of 2 s, leaving room for a slow disk).
const AT_MOST_AFTER: Duration = Duration::milliseconds(1000);
const RETRY_FAILED: Duration = Duration::seconds(5);

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    #[default]
    Saved,
    /// Changed since the last save; a save will follow shortly.
    Unsaved,
    Saving,
    /// The last save failed; the text is kept in memory and retried.
    Failed(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Autosave {
    pub state: SaveState,
    /// Counts edits, so a save that finishes after more typing leaves the
    /// state `Unsaved`.
    pub edits: u64,
    pub last_edit: Option<Moment>,
    /// When the oldest edit no save has taken yet was made.
    pub unsaved_since: Option<Moment>,
    pub last_attempt: Option<Moment>,
    /// Why the last save failed, until one reaches the disk.
    pub last_failure: Option<String>,
}

impl Autosave {
    pub fn edited(&mut self, now: Moment) {
        self.edits += 1;
        self.last_edit = Some(now);
        self.unsaved_since.get_or_insert(now);
        self.state = SaveState::Unsaved;
    }

    /// Changed and not (successfully) saved yet.
    pub fn is_dirty(&self) -> bool {
        matches!(self.state, SaveState::Unsaved | SaveState::Failed(_))
    }

    /// When the next save should start, if one is waiting (it may be in
    /// the past: then now).
    pub fn due(&self) -> Option<Moment> {
        match &self.state {
            SaveState::Unsaved => {
                let quiet = self.last_edit.map(after_quiet);
                let longest = self.unsaved_since.map(|t| t + AT_MOST_AFTER);
                quiet.into_iter().chain(longest).min().or(Some(long_ago()))
            }
            SaveState::Failed(_) => Some(
                self.last_attempt
                    .map_or_else(long_ago, |t| t + RETRY_FAILED),
            ),
            SaveState::Saving | SaveState::Saved => None,
        }
    }

    /// A save of everything so far is starting; returns the edit count it
    /// carries, for [`Autosave::saved`].
    pub fn started(&mut self, now: Moment) -> u64 {
        self.unsaved_since = None;
        self.state = SaveState::Saving;
        self.last_attempt = Some(now);
        self.edits
    }

    /// A save that carried `edits` reached the disk.
    pub fn saved(&mut self, edits: u64) {
        self.last_failure = None;
        if self.edits == edits {
            self.state = SaveState::Saved;
        } else if self.state == SaveState::Saving {
            self.state = SaveState::Unsaved;
        }
    }

    pub fn failed(&mut self, error: String) {
        self.last_failure = Some(error.clone());
        self.state = SaveState::Failed(error);
    }
}

/// The pause after an edit at `last_edit` that starts a save (and the
/// identifying-details check: the same idle moment, off the keystroke path).
pub fn after_quiet(last_edit: Moment) -> Moment {
    last_edit + AFTER_QUIET
}

/// Before any clock reading: "due now".
fn long_ago() -> Moment {
    DateTime::<chrono::Utc>::MIN_UTC.fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(ms: i64) -> Moment {
        let t0 = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("date");
        t0 + Duration::milliseconds(ms)
    }

    #[test]
    fn quiet_saves_soon_and_steady_typing_saves_within_a_second() {
        let mut save = Autosave::default();
        assert_eq!(save.due(), None);
        save.edited(at(0));
        assert_eq!(save.due(), Some(at(500)));
        for ms in (100..=900).step_by(100) {
            save.edited(at(ms));
        }
        assert_eq!(save.due(), Some(at(1000)), "the oldest edit decides");
        let edits = save.started(at(1000));
        assert_eq!(save.due(), None, "one save at a time");
        save.edited(at(1100));
        save.saved(edits);
        assert_eq!(save.state, SaveState::Unsaved, "typed while saving");
        assert_eq!(save.due(), Some(at(1600)));
    }

    #[test]
    fn a_failed_save_is_tried_again_after_five_seconds() {
        let mut save = Autosave::default();
        save.edited(at(0));
        save.started(at(500));
        save.failed("the disk is full".into());
        assert!(save.is_dirty());
        assert_eq!(save.due(), Some(at(5500)));
        let edits = save.started(at(5500));
        save.saved(edits);
        assert_eq!(save.state, SaveState::Saved);
        assert!(!save.is_dirty());
    }
}
