//! The earlier reflections in full, read on a thread of their own once the
//! first frame is drawn (that frame needs only their summaries). First the
//! leftovers of cut-short saves are removed; the index is brought up to
//! date on the way, so the next start reads less.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::notices;
use crate::app::Action;
use crate::export::Forms;
use crate::paths::Paths;
use crate::store::{RecordDir, Reflection};

pub struct HistoryLoad {
    arriving: Option<Receiver<Vec<Action>>>,
}

impl HistoryLoad {
    /// `tell_files`: what is wrong with single files was not told at
    /// start-up (the first frame came from the index alone), so tell it now.
    pub fn start(records: &RecordDir<Reflection>, paths: &Paths, tell_files: bool) -> HistoryLoad {
        let records = records.clone();
        let paths = paths.clone();
        let (send, arriving) = mpsc::channel();
        std::thread::spawn(move || {
            let mut forms = forms(&paths);
            records.remove_leftovers();
            let loaded = match records.load_all_and_index() {
                Ok(report) => {
                    let told = tell_files.then(|| notices::about_files(&report));
                    let told = told.into_iter().flatten().map(Action::Notice);
                    told.chain([Action::HistoryLoaded(report.records)])
                        .collect()
                }
                Err(e) => vec![Action::Notice(format!(
                    "Your earlier answers could not be read in full: {e}."
                ))],
            };
            forms.extend(loaded);
            let _ = send.send(forms);
        });
        HistoryLoad {
            arriving: Some(arriving),
        }
    }

    /// The history, if it has arrived since last asked.
    pub fn arrived(&mut self) -> Option<Vec<Action>> {
        let receiver = self.arriving.as_ref()?;
        match receiver.try_recv() {
            Ok(action) => self.done(Some(action)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => self.done(None),
        }
    }

    /// Waits for the history: every key acts on the whole of it, so a key
    /// pressed in the first moments waits the rest of that moment.
    pub fn wait(&mut self) -> Option<Vec<Action>> {
        let action = self.arriving.as_ref()?.recv().ok();
        self.done(action)
    }

    fn done(&mut self, action: Option<Vec<Action>>) -> Option<Vec<Action>> {
        self.arriving = None;
        action
    }
}

/// The forms, with a copy in the forms folder where a good one is there,
/// and a word about each copy that is not.
fn forms(paths: &Paths) -> Vec<Action> {
    let (forms, problems) = Forms::load(paths);
    let told = problems.iter().filter(|d| d.is_error()).map(|d| {
        Action::Notice(format!(
            "{} has problems, so the built-in form is used; see reflect check",
            d.path.display()
        ))
    });
    told.chain([Action::FormsLoaded(Box::new(forms))]).collect()
}
