//! Work started once the first frame is drawn (so that frame waits for
//! none of it): the earlier reflections in full, the content in full when
//! the first frame drew its preview, the forms. Each job runs on a thread
//! of its own and hands back actions.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use super::signals::Input;
use crate::app::Action;

#[derive(Default)]
pub struct Arriving {
    jobs: Vec<Receiver<Vec<Action>>>,
    /// Told when a job has finished, so the loop does not sleep on it.
    wake: Option<Sender<Input>>,
}

impl Arriving {
    pub fn wake_with(&mut self, wake: Sender<Input>) {
        self.wake = Some(wake);
    }

    pub fn start(&mut self, job: impl FnOnce() -> Vec<Action> + Send + 'static) {
        let (send, arriving) = mpsc::channel();
        let wake = self.wake.clone();
        std::thread::spawn(move || {
            let _ = send.send(job());
            if let Some(wake) = wake {
                let _ = wake.send(Input::Arrived);
            }
        });
        self.jobs.push(arriving);
    }

    /// Whether some job has not handed back its actions yet.
    pub fn pending(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// The actions of every job that has finished since last asked.
    pub fn arrived(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        self.jobs.retain(|job| match job.try_recv() {
            Ok(arrived) => {
                actions.extend(arrived);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        actions
    }

    /// Waits for every job: each key acts on the whole history and the
    /// whole content, so a key pressed in the first moments waits the
    /// rest of that moment.
    pub fn wait(&mut self) -> Vec<Action> {
        self.jobs
            .drain(..)
            .filter_map(|job| job.recv().ok())
            .flatten()
            .collect()
    }
}
