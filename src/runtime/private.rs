//! Carrying out the private app's effects: opening reflections (with their
//! locks) and exporting sheets. Each outcome returns as an `Action`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::app::{self, Action, Exported, OpenedSession, SessionAccess, SessionRequest};
use crate::content::Library;
use crate::export::{Format, Forms, Input};
use crate::paths::Paths;
use crate::store::{
    Action as ActionItem, RecordDir, RecordLock, Reflection, Stamp, StoreError, Summary, files,
    new_reflection_id,
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
        // The leftovers of cut-short saves are removed after the first
        // frame, with the full history's reading (`history_load`).
        match RecordDir::open_leaving_leftovers(&dir) {
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
    /// A reflection open read-only here (another copy writes it), and its
    /// file as last read: shown as that copy saves it.
    following: Option<(String, Option<Stamp>)>,
}

impl Sessions {
    pub fn new(store: Reflections) -> Self {
        Sessions {
            store,
            lock: None,
            following: None,
        }
    }

    /// The reflection `id`, read again if its file changed since it was
    /// last read for this: what another copy saved, to show here.
    pub fn follow(&mut self, id: &str) -> Option<Action> {
        if let Some(writable) = self.take_over(id) {
            return Some(writable);
        }
        let stamp = self.stamp(id);
        match &mut self.following {
            Some((followed, seen)) if followed == id && *seen == stamp => return None,
            Some((followed, seen)) if followed == id => *seen = stamp,
            _ => {
                self.following = Some((id.to_owned(), stamp));
                return None;
            }
        }
        let newer = self.store.records.load(id).ok()??;
        Some(Action::ReadOnlyChanged(Box::new(newer)))
    }

    /// The reflection followed, once the copy that wrote it lets it go (a
    /// tester's stayed read-only until restarted): locked here, as its
    /// file now is.
    fn take_over(&mut self, id: &str) -> Option<Action> {
        let followed = self.following.as_ref().is_some_and(|(f, _)| f == id);
        if !followed || self.store.unwritable.is_some() {
            return None;
        }
        let lock = self.store.records.lock(id).ok()??;
        let reflection = self.store.records.load(id).ok()??;
        self.lock = Some((id.to_owned(), lock));
        self.following = None;
        Some(Action::NowWritable(Box::new(reflection)))
    }

    fn stamp(&self, id: &str) -> Option<Stamp> {
        let path = self.store.records.path_of(id).ok()?;
        std::fs::metadata(path).ok().map(|meta| Stamp::of(&meta))
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
        &mut self,
        request: &SessionRequest,
        known: &Known,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Result<(Reflection, bool, Option<RecordLock>), StoreError> {
        let records = &self.store.records;
        match known.existing(request, library, records)? {
            Some(existing) => {
                // Opened again here (from the list, say): this copy holds
                // its lock already, and a second lock would fail on it.
                let lock = match self.lock.take_if(|(id, _)| *id == existing.id) {
                    Some((_, held)) => Some(held),
                    None => records.lock(&existing.id)?,
                };
                if lock.is_some() {
                    return Ok((existing, true, lock));
                }
                // Another copy writes it: shown as that copy last saved it
                // (the history read at start may be older), and followed.
                let stamp = self.stamp(&existing.id);
                let id = existing.id.clone();
                let on_disk = self.store.records.load(&id)?.unwrap_or(existing);
                self.following = Some((id, stamp));
                Ok((on_disk, true, None))
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
    Action::SessionOpened(Box::new(OpenedSession {
        reflection,
        access,
        resumed,
        show_review: request.id.is_some(),
    }))
}

/// What an export from the app is made from, beyond the reflection.
pub struct ExportFrom<'a> {
    pub history: &'a [Reflection],
    pub library: &'a Library,
    pub forms: &'a Forms,
}

/// Renders the reflection in `format` and writes it under the exports
/// folder (0600, atomic).
pub fn export(
    paths: &Paths,
    reflection: &Reflection,
    format: Format,
    from: &ExportFrom<'_>,
) -> Action {
    let earlier = crate::carry::open_before(reflection, from.history);
    let input = Input {
        reflection,
        earlier: &earlier,
        library: from.library,
        forms: from.forms,
    };
    let rendered = crate::export::render(format, &input);
    let dir = paths.exports_dir();
    let name = format.file_name(&reflection.id);
    match files::ensure_private_dir(&dir)
        .and_then(|()| write_beside_earlier(&dir, &name, rendered.text.as_bytes()))
    {
        Ok(path) => Action::Exported(Exported {
            path,
            format,
            warnings: rendered.warnings.len(),
        }),
        Err(e) => Action::ExportFailed(format!("{}: {e}", dir.join(name).display())),
    }
}

/// Writes `name` in `dir`, never over an earlier export that differs (it
/// may hold what someone added to it since, a manager's comments say):
/// then `name-2`, `name-3`… An export the same as the file there is that
/// file.
fn write_beside_earlier(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let first = dir.join(name);
    let (stem, extension) = (first.file_stem(), first.extension());
    let stem = stem
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = extension.map(|e| format!(".{}", e.to_string_lossy()));
    for n in 1..1000 {
        let path = match n {
            1 => first.clone(),
            n => dir.join(format!("{stem}-{n}{}", extension.as_deref().unwrap_or(""))),
        };
        match std::fs::read(&path) {
            Ok(there) if there == bytes => return Ok(path),
            Ok(_) => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        match files::create_atomic_private(&path, bytes) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(
        "999 earlier exports of this reflection are there",
    ))
}

impl Sessions {
    /// Marks `action` done in earlier reflection `id`, in its own file:
    /// with its lock held (refused if another copy of reflect has it
    /// open), read fresh from disk, written atomically. Its `updated` is
    /// left as it was, so it does not become "the latest" reflection.
    pub fn mark_done(&self, id: &str, action: &ActionItem) -> Action {
        let failed =
            |why: String| Action::EarlierMarkFailed(format!("Could not mark it done: {why}"));
        if let Some(why) = &self.store.unwritable {
            return failed(format!("{why}."));
        }
        let records = &self.store.records;
        let _lock = match records.lock(id) {
            Ok(Some(lock)) => lock,
            Ok(None) => {
                return failed("that reflection is open in another copy of reflect. Mark it done there, or close it and try again.".into());
            }
            Err(e) => return failed(e.to_string()),
        };
        let mut reflection = match records.load(id) {
            Ok(Some(reflection)) => reflection,
            Ok(None) => return failed("that reflection is no longer on this machine.".into()),
            Err(e) => return failed(e.to_string()),
        };
        let Some(found) = reflection.actions.iter_mut().find(|a| **a == *action) else {
            return failed("that action has changed since; open that reflection to see it.".into());
        };
        found.done = true;
        match records.save(&reflection) {
            Ok(()) => Action::EarlierMarkedDone(Box::new(reflection)),
            Err(e) => failed(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests;
