//! Carrying out the private app's effects: opening reflections (with their
//! locks) and exporting sheets. Each outcome returns as an `Action`.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::app::{self, Action, OpenedSession, SessionAccess, SessionRequest};
use crate::content::Library;
use crate::paths::Paths;
use crate::store::{
    RecordDir, RecordLock, Reflection, StoreError, Summary, files, new_reflection_id,
};

/// The private reflections folder, and why it cannot be written if so.
#[derive(Debug, Clone)]
pub struct Reflections {
    pub records: RecordDir<Reflection>,
    pub unwritable: Option<String>,
}

impl Reflections {
    /// Opens the folder for writing; where that is refused (a read-only
    /// file system, a folder that is not the user's), opens it to read,
    /// so reflections can still be looked at.
    pub fn open(dir: PathBuf) -> Result<Self, StoreError> {
        match RecordDir::open(&dir) {
            Ok(records) => Ok(Reflections {
                records,
                unwritable: None,
            }),
            Err(e) if e.is_read_only() => Ok(Reflections {
                records: RecordDir::read_only(dir),
                unwritable: Some(e.to_string()),
            }),
            Err(e) => Err(e),
        }
    }
}

/// What a walkthrough opens from: the summaries say which reflection,
/// the full records (when read by now) or its file give the reflection.
pub struct Known<'a> {
    pub summaries: &'a [Summary],
    pub history: &'a [Reflection],
}

impl Known<'_> {
    /// The reflection the request asks to carry on, read in full.
    fn existing(
        &self,
        request: &SessionRequest,
        library: &Library,
        records: &RecordDir<Reflection>,
    ) -> Result<Option<Reflection>, StoreError> {
        let Some(summary) = app::reflection_to_open(request, self.summaries, library) else {
            return Ok(None);
        };
        match self.history.iter().find(|r| r.id == summary.id) {
            Some(full) => Ok(Some(full.clone())),
            None => records.load(&summary.id),
        }
    }
}

/// The reflection the user is working on holds this lock.
pub struct Sessions {
    pub store: Reflections,
    lock: Option<(String, RecordLock)>,
}

impl Sessions {
    pub fn new(store: Reflections) -> Self {
        Sessions { store, lock: None }
    }

    pub fn close(&mut self, id: &str) {
        if self.lock.as_ref().is_some_and(|(held, _)| held == id) {
            self.lock = None;
        }
    }

    pub fn open(
        &mut self,
        request: &SessionRequest,
        known: &Known,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Action {
        if let Some(why) = self.store.unwritable.clone() {
            return self.open_unwritable(request, known, library, now, why);
        }
        match self.lock_or_reserve(request, known, library, now) {
            Ok((reflection, resumed, lock)) => {
                let access = match lock {
                    Some(lock) => {
                        self.lock = Some((reflection.id.clone(), lock));
                        SessionAccess::Editable
                    }
                    None => SessionAccess::OpenElsewhere,
                };
                opened(reflection, resumed, request, access)
            }
            // The folder lists but cannot be written (a read-only file
            // system): from now on, reflections open read-only.
            Err(e) if e.is_read_only() => {
                self.store.unwritable = Some(e.to_string());
                self.open_unwritable(request, known, library, now, e.to_string())
            }
            Err(e) => Action::SessionFailed(format!("Could not open the reflection: {e}")),
        }
    }

    /// The reflection shown read-only, with why it cannot be written.
    fn open_unwritable(
        &self,
        request: &SessionRequest,
        known: &Known,
        library: &Library,
        now: DateTime<FixedOffset>,
        why: String,
    ) -> Action {
        let (reflection, resumed) = match known.existing(request, library, &self.store.records) {
            Ok(Some(existing)) => (existing, true),
            Ok(None) => (
                fresh(request, now, new_reflection_id(now, &request.theme)),
                false,
            ),
            Err(e) => return Action::SessionFailed(format!("Could not open the reflection: {e}")),
        };
        opened(reflection, resumed, request, SessionAccess::Unwritable(why))
    }

    /// The reflection to open and its lock (`None`: held elsewhere).
    fn lock_or_reserve(
        &self,
        request: &SessionRequest,
        known: &Known,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Result<(Reflection, bool, Option<RecordLock>), StoreError> {
        let records = &self.store.records;
        match known.existing(request, library, records)? {
            Some(existing) => {
                let lock = records.lock(&existing.id)?;
                Ok((existing, true, lock))
            }
            None => {
                let (id, lock) = records.reserve_id(&new_reflection_id(now, &request.theme))?;
                Ok((fresh(request, now, id), false, Some(lock)))
            }
        }
    }
}

fn fresh(request: &SessionRequest, now: DateTime<FixedOffset>, id: String) -> Reflection {
    Reflection::new(id, now, &request.pack, &request.theme, request.audience)
}

fn opened(
    reflection: Reflection,
    resumed: bool,
    request: &SessionRequest,
    access: SessionAccess,
) -> Action {
    Action::SessionOpened(OpenedSession {
        reflection,
        access,
        resumed,
        show_review: request.id.is_some(),
    })
}

/// Writes the supervision sheet under the exports folder (0600, atomic).
pub fn export(paths: &Paths, reflection: &Reflection, library: &Library) -> Action {
    let dir = paths.exports_dir();
    let path: PathBuf = dir.join(format!("supervision-{}.md", reflection.id));
    let markdown = crate::sheet::markdown(reflection, library);
    match files::ensure_private_dir(&dir)
        .and_then(|()| files::write_atomic(&path, markdown.as_bytes()))
    {
        Ok(()) => Action::Exported(path),
        Err(e) => Action::ExportFailed(format!("{}: {e}", path.display())),
    }
}
