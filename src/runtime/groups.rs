//! Group records on disk: finding the record a draft was left in, or
//! starting one, and holding its lock while the group view is open.
//!
//! Only the groups folder is touched here: the group view never reads the
//! private reflections.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::saver::Saver;
use crate::app::{Action, GroupRequest, OpenedGroup};
use crate::content::Library;
use crate::group::new_record;
use crate::store::{GroupRecord, Record, RecordDir, RecordLock, StoreError};

pub struct Groups {
    dir: PathBuf,
    /// Opened (and the saver started) the first time a group view opens.
    open: Option<(RecordDir<GroupRecord>, Saver<GroupRecord>)>,
    lock: Option<(String, RecordLock)>,
}

impl Groups {
    pub fn new(dir: PathBuf) -> Groups {
        Groups {
            dir,
            open: None,
            lock: None,
        }
    }

    pub fn saver(&self) -> Option<&Saver<GroupRecord>> {
        self.open.as_ref().map(|(_, saver)| saver)
    }

    pub fn records(&self) -> Option<&RecordDir<GroupRecord>> {
        self.open.as_ref().map(|(records, _)| records)
    }

    /// The record for a group view of `request`: the newest on its theme
    /// that holds a draft no other copy of reflect has open, else a new one.
    pub fn open(
        &mut self,
        request: &GroupRequest,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Action {
        match self.find_or_start(request, library, now) {
            Ok((record, lock, notices)) => {
                self.lock = Some((record.id.clone(), lock));
                Action::GroupOpened(Box::new(OpenedGroup {
                    request: request.clone(),
                    record,
                    notices,
                }))
            }
            Err(why) => Action::GroupOpenFailed(why),
        }
    }

    pub fn close(&mut self, id: &str) {
        if self.lock.as_ref().is_some_and(|(held, _)| held == id) {
            self.lock = None;
        }
    }

    fn find_or_start(
        &mut self,
        request: &GroupRequest,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Result<(GroupRecord, RecordLock, Vec<String>), String> {
        let Some((pack, theme)) = library
            .pack(&request.pack)
            .and_then(|p| Some((p, p.theme(&request.theme)?)))
        else {
            return Err(format!("the theme `{}` is not loaded", request.theme));
        };
        let records = self.records_dir().map_err(|e| e.to_string())?;
        let (found, notices) = with_draft(records, request).map_err(|e| e.to_string())?;
        if let Some((record, lock)) = found {
            return Ok((record, lock, notices));
        }
        let mut record = new_record(pack, theme, now);
        let (id, lock) = records.reserve_id(&record.id).map_err(|e| e.to_string())?;
        record.id = id;
        Ok((record, lock, notices))
    }

    fn records_dir(&mut self) -> Result<&RecordDir<GroupRecord>, StoreError> {
        let (records, _) = match self.open.take() {
            Some(open) => self.open.insert(open),
            None => {
                let records = RecordDir::open(&self.dir)?;
                let saver = Saver::start(records.clone());
                self.open.insert((records, saver))
            }
        };
        Ok(records)
    }
}

/// A record found, locked for this copy of reflect.
type Locked = (GroupRecord, RecordLock);

/// The newest record on the theme with a draft, locked for us; and what
/// the facilitator is told of the folder (a damaged record moved aside).
fn with_draft(
    records: &RecordDir<GroupRecord>,
    request: &GroupRequest,
) -> Result<(Option<Locked>, Vec<String>), StoreError> {
    let report = records.load_all()?;
    let notices = super::notices::about_files(&report, GroupRecord::NOUN);
    let candidates = report
        .records
        .into_iter()
        .filter(|r| r.pack == request.pack && r.theme == request.theme && r.draft.is_some());
    for record in candidates {
        if let Some(lock) = records.lock(&record.id)? {
            return Ok((Some((record, lock)), notices));
        }
    }
    Ok((None, notices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group::GroupAudience;

    /// A tester's damaged group record was moved aside by `reflect group`
    /// with nothing said, and vanished from `reflect history`.
    #[test]
    fn a_damaged_record_moved_aside_is_told_to_the_group_view() {
        let dir = tempfile::tempdir().expect("tmp");
        let damaged = "2026-12-01-100000-child-mental-health.toml";
        std::fs::write(dir.path().join(damaged), "format = 1\nid = \"2026-12").expect("write");
        let request = GroupRequest {
            pack: "panel-2023-24".into(),
            theme: "child-mental-health".into(),
            audience: GroupAudience::Practitioner,
        };
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").expect("date");
        let library = Library::load(&[crate::content::Layer::builtin()]);
        let mut groups = Groups::new(dir.path().to_owned());
        let Action::GroupOpened(opened) = groups.open(&request, &library, now) else {
            panic!("the group view did not open");
        };
        let told = opened.notices.join(" ");
        assert!(
            told.contains("A damaged group record file was kept aside as"),
            "{told}"
        );
        assert!(told.contains(damaged), "{told}");
        assert!(!dir.path().join(damaged).exists(), "moved aside");
    }
}
