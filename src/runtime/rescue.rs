//! After a panic: what is open is written straight to disk before the
//! program ends, the private reflection (editors included) and the group's
//! record (a note being typed as its draft). Only whether it worked is
//! told, never what it holds.

use std::panic::AssertUnwindSafe;

use crate::app::{App, SaveState};
use crate::group::GroupEffect;
use crate::store::{GroupRecord, RecordDir, Reflection};

pub struct Rescued {
    private: Option<bool>,
    group: Option<bool>,
}

impl Rescued {
    pub fn message(&self) -> String {
        let told = |what: &str, saved: Option<bool>| match saved {
            Some(true) => format!(" {what} was saved."),
            Some(false) => format!(" {what} could NOT be saved."),
            None => String::new(),
        };
        let said = format!(
            "{}{}",
            told("Your open reflection", self.private),
            told("The group's notes", self.group)
        );
        if said.is_empty() {
            "reflect stopped unexpectedly. Nothing was left unsaved.".into()
        } else {
            format!("reflect stopped unexpectedly.{said}")
        }
    }
}

pub fn everything(
    app: &mut App,
    private: Option<&RecordDir<Reflection>>,
    groups: Option<&RecordDir<GroupRecord>>,
) -> Rescued {
    Rescued {
        private: private.and_then(|records| reflection(app, records)),
        group: groups.and_then(|records| group(app, records)),
    }
}

fn reflection(app: &mut App, records: &RecordDir<Reflection>) -> Option<bool> {
    let (library, now) = (&app.library, app.now);
    let session = app
        .session
        .as_mut()
        .filter(|s| !s.read_only && s.autosave.state != SaveState::Saved)?;
    // Copying the editors may be what panicked: then the reflection as it
    // was last copied.
    let synced =
        std::panic::catch_unwind(AssertUnwindSafe(|| session.take_for_save(library, now).0));
    let reflection = synced.unwrap_or_else(|_| session.reflection.clone());
    Some(records.save(&reflection).is_ok())
}

fn group(app: &mut App, records: &RecordDir<GroupRecord>) -> Option<bool> {
    let now = app.now;
    let session = app
        .group
        .as_mut()
        .filter(|s| s.autosave.state != SaveState::Saved)?;
    let record = match session.end_now(now).pop() {
        Some(GroupEffect::Save { record, .. }) => *record,
        _ => session.record().clone(),
    };
    Some(records.save(&record).is_ok())
}
