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

#[cfg(test)]
mod tests {
    //! A failing disk, through the real saver and the app's update: for
    //! every step of a save that can fail, the old file stays whole, the
    //! error is on screen, the text stays in the editor, and the retry
    //! saves it once the disk has room again.

    use std::io;
    use std::sync::Arc;

    use chrono::{DateTime, Duration, FixedOffset};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::{App, OpenedSession, SessionAccess, update};
    use crate::content::{Audience, Layer, Library};
    use crate::store::disk::faulty::FaultyDisk;

    const KEY: &str = "panel-2023-24/child-mental-health/formal-diagnosis";

    fn t0() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("date")
    }

    fn opened_app() -> App {
        let library = Library::load(&[Layer::builtin()]);
        let mut app = App::new(library, Vec::new(), Audience::Practitioner, t0());
        let reflection = Reflection::new(
            "r",
            t0(),
            "panel-2023-24",
            "child-mental-health",
            Audience::Practitioner,
        );
        let opened = OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed: false,
            show_review: false,
        };
        update(&mut app, Action::SessionOpened(Box::new(opened)));
        app
    }

    /// Types `text`, lets the autosave fire at `at`, and plays the runtime.
    fn type_and_save(app: &mut App, saver: &Saver<Reflection>, text: &str, at: Duration) {
        for c in text.chars() {
            update(
                app,
                Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            );
        }
        settle(app, saver, at);
    }

    fn settle(app: &mut App, saver: &Saver<Reflection>, at: Duration) {
        for effect in update(app, Action::Tick(t0() + at)) {
            if let crate::app::Effect::Save { reflection, edits } = effect {
                saver.save(*reflection, edits);
            }
        }
        saver.flush();
        for outcome in saver.results.try_iter().collect::<Vec<_>>() {
            update(app, outcome);
        }
    }

    fn on_disk(records: &RecordDir<Reflection>) -> String {
        let saved = records.load("r").expect("readable").expect("present");
        saved
            .answer(KEY)
            .map(|a| a.text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn every_failing_step_keeps_the_text_and_the_old_file_and_saves_on_retry() {
        for k in 0..5 {
            let tmp = tempfile::tempdir().expect("tmp");
            // The first save (five steps) works; step k of the second fails.
            let disk = Arc::new(FaultyDisk::failing_at(5 + k, io::ErrorKind::StorageFull));
            let records = RecordDir::open(tmp.path())
                .expect("dir")
                .with_disk(disk.clone());
            let saver = Saver::start(records.clone());
            let mut app = opened_app();
            type_and_save(&mut app, &saver, "first", Duration::seconds(1));
            assert_eq!(on_disk(&records), "first", "step {k}");
            type_and_save(&mut app, &saver, " second", Duration::seconds(2));
            let status = app
                .status
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default();
            assert!(status.contains("the disk is full"), "step {k}: {status}");
            let expected = if k == 4 { "first second" } else { "first" };
            assert_eq!(
                on_disk(&records),
                expected,
                "step {k}: the old file is whole"
            );
            let editor = app.session.as_ref().map(|s| s.answer_editor.text());
            assert_eq!(
                editor.as_deref(),
                Some("first second"),
                "step {k}: text kept"
            );
            disk.heal();
            settle(&mut app, &saver, Duration::seconds(8));
            assert_eq!(
                on_disk(&records),
                "first second",
                "step {k}: saved on retry"
            );
            assert!(
                app.status.is_none(),
                "step {k}: the message goes once saved"
            );
        }
    }
}
