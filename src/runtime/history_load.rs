//! The earlier reflections in full, read on a thread of their own once the
//! first frame is drawn (that frame needs only their summaries). First the
//! leftovers of cut-short saves are removed; the index is brought up to
//! date on the way, so the next start reads less.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::notices;
use crate::app::Action;
use crate::store::{RecordDir, Reflection};

pub struct HistoryLoad {
    arriving: Option<Receiver<Vec<Action>>>,
}

impl HistoryLoad {
    /// `tell_files`: what is wrong with single files was not told at
    /// start-up (the first frame came from the index alone), so tell it now.
    pub fn start(records: &RecordDir<Reflection>, tell_files: bool) -> HistoryLoad {
        let records = records.clone();
        let (send, arriving) = mpsc::channel();
        std::thread::spawn(move || {
            records.remove_leftovers();
            let actions = match records.load_all_and_index() {
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
            let _ = send.send(actions);
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
