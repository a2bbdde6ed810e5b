//! The earlier reflections in full, read on a thread of their own once the
//! first frame is drawn (that frame needs only their summaries). The index
//! is brought up to date on the way, so the next start reads less.

use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::app::Action;
use crate::store::{RecordDir, Reflection};

pub struct HistoryLoad {
    arriving: Option<Receiver<Action>>,
}

impl HistoryLoad {
    pub fn start(records: &RecordDir<Reflection>) -> HistoryLoad {
        let records = records.clone();
        let (send, arriving) = mpsc::channel();
        std::thread::spawn(move || {
            // Problems with single files were told at start-up, from the
            // summaries' reading of the same folder.
            let action = match records.load_all_and_index() {
                Ok(report) => Action::HistoryLoaded(report.records),
                Err(e) => Action::Notice(format!(
                    "Your earlier answers could not be read in full: {e}."
                )),
            };
            let _ = send.send(action);
        });
        HistoryLoad {
            arriving: Some(arriving),
        }
    }

    /// The history, if it has arrived since last asked.
    pub fn arrived(&mut self) -> Option<Action> {
        let receiver = self.arriving.as_ref()?;
        match receiver.try_recv() {
            Ok(action) => self.done(Some(action)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => self.done(None),
        }
    }

    /// Waits for the history: every key acts on the whole of it, so a key
    /// pressed in the first moments waits the rest of that moment.
    pub fn wait(&mut self) -> Option<Action> {
        let action = self.arriving.as_ref()?.recv().ok();
        self.done(action)
    }

    fn done(&mut self, action: Option<Action>) -> Option<Action> {
        self.arriving = None;
        action
    }
}
