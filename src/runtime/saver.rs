//! Writing records on a thread of their own, so typing never waits for the
//! disk. Saves queued behind a slow one are merged: only the newest copy of
//! each record is written. Each outcome comes back as an `Action`.

use std::sync::mpsc::{self, Receiver, Sender};

use crate::app::Action;
use crate::store::{GroupRecord, Record, RecordDir, Reflection};

/// A record the saver can write, and how its outcome is told to the app.
pub trait Saved: Record + Send + 'static {
    fn saved(id: String, edits: u64) -> Action;
    fn failed(id: String, error: String) -> Action;
}

impl Saved for Reflection {
    fn saved(id: String, edits: u64) -> Action {
        Action::Saved { id, edits }
    }
    fn failed(id: String, error: String) -> Action {
        Action::SaveFailed { id, error }
    }
}

impl Saved for GroupRecord {
    fn saved(id: String, edits: u64) -> Action {
        Action::GroupSaved { id, edits }
    }
    fn failed(id: String, error: String) -> Action {
        Action::GroupSaveFailed { id, error }
    }
}

enum Job<T> {
    Save(Box<T>, u64),
    /// Answer once every save sent before this one is done.
    Flush(Sender<()>),
}

pub struct Saver<T> {
    jobs: Sender<Job<T>>,
    pub results: Receiver<Action>,
}

impl<T: Saved> Saver<T> {
    pub fn start(records: RecordDir<T>) -> Saver<T> {
        let (jobs, inbox) = mpsc::channel::<Job<T>>();
        let (outbox, results) = mpsc::channel();
        std::thread::spawn(move || {
            while let Ok(first) = inbox.recv() {
                let batch: Vec<Job<T>> = std::iter::once(first).chain(inbox.try_iter()).collect();
                if run_batch(&records, batch, &outbox).is_err() {
                    break;
                }
            }
        });
        Saver { jobs, results }
    }

    pub fn save(&self, record: T, edits: u64) {
        // A closed channel means the thread died; the app then shows the
        // record as still saving, and refuses to quit without it.
        let _ = self.jobs.send(Job::Save(Box::new(record), edits));
    }

    /// Waits until every save sent so far is done; their outcomes are then
    /// in `results`. It waits as long as the disk takes: ending before a
    /// save lands would lose it.
    pub fn flush(&self) {
        let (done, wait) = mpsc::channel();
        if self.jobs.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }
}

/// The app stopped listening: the saver ends.
struct Closed;

fn run_batch<T: Saved>(
    records: &RecordDir<T>,
    batch: Vec<Job<T>>,
    outbox: &Sender<Action>,
) -> Result<(), Closed> {
    let mut newest: Vec<(Box<T>, u64)> = Vec::new();
    let mut flushes = Vec::new();
    for job in batch {
        match job {
            Job::Save(record, edits) => {
                newest.retain(|(r, _)| r.id() != record.id());
                newest.push((record, edits));
            }
            Job::Flush(done) => flushes.push(done),
        }
    }
    for (record, edits) in newest {
        outbox
            .send(save_one(records, record.as_ref(), edits))
            .map_err(|_| Closed)?;
    }
    for done in flushes {
        let _ = done.send(());
    }
    Ok(())
}

fn save_one<T: Saved>(records: &RecordDir<T>, record: &T, edits: u64) -> Action {
    let id = record.id().to_owned();
    let saved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| records.save(record)));
    match saved {
        Ok(Ok(())) => T::saved(id, edits),
        Ok(Err(e)) => T::failed(id, e.to_string()),
        Err(_) => T::failed(
            id,
            "saving stopped unexpectedly (a fault in reflect)".into(),
        ),
    }
}
