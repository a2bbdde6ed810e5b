//! Carrying out effects: opening reflections (with their locks), saving in
//! the background, exporting sheets. Each outcome returns as an `Action`.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use chrono::{DateTime, FixedOffset};

use crate::app::{Action, OpenedSession, SessionRequest};
use crate::content::Library;
use crate::paths::Paths;
use crate::store::{RecordDir, RecordLock, Reflection, files, new_reflection_id};

/// Writes reflections on its own thread so typing never waits for the disk.
pub struct Saver {
    jobs: Option<Sender<(Reflection, u64)>>,
    pub results: Receiver<Action>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    pub fn start(records: RecordDir<Reflection>) -> Saver {
        let (jobs, inbox) = mpsc::channel::<(Reflection, u64)>();
        let (outbox, results) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            for (reflection, edits) in inbox {
                let id = reflection.id.clone();
                let result = match records.save(&reflection) {
                    Ok(()) => Action::Saved { id, edits },
                    Err(e) => Action::SaveFailed {
                        id,
                        error: e.to_string(),
                    },
                };
                if outbox.send(result).is_err() {
                    break;
                }
            }
        });
        Saver {
            jobs: Some(jobs),
            results,
            thread: Some(thread),
        }
    }

    pub fn save(&self, reflection: Reflection, edits: u64) {
        if let Some(jobs) = &self.jobs {
            // A closed channel means the thread died; the app shows the
            // reflection as unsaved and the panic hook has a copy.
            let _ = jobs.send((reflection, edits));
        }
    }

    /// Waits for every queued save to finish, returning their outcomes.
    pub fn finish(&mut self) -> Vec<Action> {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.results.try_iter().collect()
    }
}

/// The reflection the user is working on holds this lock.
pub struct Sessions {
    pub records: RecordDir<Reflection>,
    lock: Option<(String, RecordLock)>,
}

impl Sessions {
    pub fn new(records: RecordDir<Reflection>) -> Self {
        Sessions {
            records,
            lock: None,
        }
    }

    pub fn close(&mut self, id: &str) {
        if self.lock.as_ref().is_some_and(|(held, _)| held == id) {
            self.lock = None;
        }
    }

    pub fn open(
        &mut self,
        request: &SessionRequest,
        history: &[Reflection],
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> Action {
        let (reflection, resumed) = match self.find(request, history, library) {
            Some(existing) => (existing, true),
            None => match self
                .records
                .fresh_id(&new_reflection_id(now, &request.theme))
            {
                Ok(id) => (
                    Reflection::new(id, now, &request.pack, &request.theme, request.audience),
                    false,
                ),
                Err(e) => {
                    return Action::SessionFailed(format!("Could not start a reflection: {e}"));
                }
            },
        };
        let read_only = match self.records.lock(&reflection.id) {
            Ok(Some(lock)) => {
                self.lock = Some((reflection.id.clone(), lock));
                false
            }
            Ok(None) => true,
            Err(e) => return Action::SessionFailed(format!("Could not open the reflection: {e}")),
        };
        Action::SessionOpened(OpenedSession {
            reflection,
            read_only,
            resumed,
            show_review: request.id.is_some(),
        })
    }

    /// The reflection asked for, or the latest unfinished one on the theme.
    fn find(
        &self,
        request: &SessionRequest,
        history: &[Reflection],
        library: &Library,
    ) -> Option<Reflection> {
        if let Some(id) = &request.id {
            return history.iter().find(|r| &r.id == id).cloned();
        }
        if !request.resume {
            return None;
        }
        let total = library
            .pack(&request.pack)?
            .theme(&request.theme)?
            .questions_for(request.audience)
            .count();
        history
            .iter()
            .filter(|r| {
                r.pack == request.pack && r.theme == request.theme && r.audience == request.audience
            })
            .max_by_key(|r| r.updated)
            .filter(|r| r.answered_count() < total)
            .cloned()
    }
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
