//! What arrives from outside the program, on one channel: keys, pastes and
//! resizes from the terminal, and the signals that end a session.
//!
//! Closing the terminal window (SIGHUP), logging out or shutting down
//! (SIGTERM) and `kill -INT` end the app through the same path as Ctrl-Q:
//! everything open is saved, the terminal restored, and it exits.
//!
//! Both start once the first frame is drawn. The terminal is read on a
//! thread of its own. crossterm 0.29's reader
//! never returns once the terminal is gone (it retries a read that keeps
//! answering "end of file", crossterm issue #793), so the event loop must
//! not wait inside it: it waits on this channel, where the hang-up signal
//! arrives whatever the reader is doing.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// How long a batch of keys coming in together waits for one more: far
/// longer than the terminal's reader takes between two keys of a paste,
/// far shorter than between two keys a person types.
const PASTE_GAP: Duration = Duration::from_millis(5);

#[derive(Debug)]
pub enum Input {
    Terminal(Event),
    /// What the terminal's reader found in one look: the keys of a paste
    /// typed in come in together, so none is taken before the rest.
    Together(Vec<Event>),
    /// The terminal cannot be read any more.
    Lost(io::Error),
    /// SIGHUP, SIGTERM or SIGINT.
    EndSignal,
    /// Work started after the first frame has finished (see `Arriving`).
    Arrived,
}

pub struct Inputs {
    events: Receiver<Input>,
    /// The rest of the last `Together`.
    pending: std::cell::RefCell<std::collections::VecDeque<Input>>,
    waker: Sender<Input>,
}

impl Inputs {
    /// Starts listening: to the end signals, and to the terminal (which
    /// must be set up). If the signals cannot be caught, says why: the app
    /// still works, but a closed window ends it without a last save.
    pub fn start() -> (Inputs, Option<String>) {
        let (send, events) = mpsc::channel();
        let problem = listen_for_signals(send.clone())
            .err()
            .map(|e| format!("Closing the window may lose what was typed in the last second: {e}"));
        read_terminal(send.clone());
        (
            Inputs {
                events,
                pending: Default::default(),
                waker: send,
            },
            problem,
        )
    }

    /// What other threads send `Input::Arrived` through.
    pub fn waker(&self) -> Sender<Input> {
        self.waker.clone()
    }

    /// An input that has already arrived, without waiting.
    pub fn ready(&self) -> Option<Input> {
        self.next(Duration::ZERO)
    }

    /// `first` and the inputs that came in with it, up to `most`, and
    /// whether `most` cut them off. While keys that `may_be_pasted` keep
    /// coming in faster than anyone types (a paste typed in), it waits
    /// `PASTE_GAP` for the next before calling the batch done: the
    /// terminal's reader hands a paste over a key at a time, and a paste
    /// split in two would make its second half keys.
    pub fn batch(
        &self,
        first: Input,
        most: usize,
        may_be_pasted: impl Fn(&Input) -> bool,
    ) -> (Vec<Input>, bool) {
        let mut batch = vec![first];
        while batch.len() < most {
            let Some(last) = batch.last() else { break };
            if matches!(last, Input::EndSignal | Input::Lost(_)) {
                return (batch, false);
            }
            let typing_fast = batch.len() > 1 && may_be_pasted(last);
            let next = match self.ready() {
                None if typing_fast => self.next(PASTE_GAP),
                next => next,
            };
            match next {
                Some(input) => batch.push(input),
                None => return (batch, false),
            }
        }
        (batch, true)
    }

    /// The next input, waiting at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Option<Input> {
        if let Some(input) = self.pending.borrow_mut().pop_front() {
            return Some(input);
        }
        match self.events.recv_timeout(timeout) {
            Ok(Input::Together(events)) => {
                let mut pending = self.pending.borrow_mut();
                pending.extend(events.into_iter().map(Input::Terminal));
                pending.pop_front()
            }
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Lost(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal reader stopped",
            ))),
        }
    }
}

fn listen_for_signals(send: Sender<Input>) -> io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if send.send(Input::EndSignal).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Reads the terminal on its own thread until it is gone. What one look
/// finds is sent together (see `Input::Together`).
fn read_terminal(send: Sender<Input>) {
    std::thread::spawn(move || {
        loop {
            let (input, lost) = read_together();
            if send.send(input).is_err() {
                break;
            }
            if let Some(lost) = lost {
                let _ = send.send(Input::Lost(lost));
                break;
            }
        }
    });
}

/// The most events sent together: a long paste goes in several sends.
const MOST_TOGETHER: usize = 1024;

/// The next event and every one already read with it; and the error that
/// ended the reading, if one did.
fn read_together() -> (Input, Option<io::Error>) {
    let first = match event::read() {
        Ok(event) => event,
        Err(e) => return (Input::Lost(e), None),
    };
    let mut together = vec![first];
    while together.len() < MOST_TOGETHER && matches!(event::poll(Duration::ZERO), Ok(true)) {
        match event::read() {
            Ok(event) => together.push(event),
            Err(e) => return (Input::Together(together), Some(e)),
        }
    }
    match together.len() {
        1 => (Input::Terminal(together.remove(0)), None),
        _ => (Input::Together(together), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    /// A tester's six-key paste was now and then split: the loop took its
    /// first key before the reader had passed on the rest. What the reader
    /// found together is handed over one at a time, all of it ready.
    #[test]
    fn what_came_together_is_all_ready_at_once() {
        let (send, events) = mpsc::channel();
        let inputs = Inputs {
            events,
            pending: Default::default(),
            waker: send.clone(),
        };
        send.send(Input::Together("abcde\t".chars().map(key).collect()))
            .unwrap();
        let first = inputs.next(Duration::ZERO).unwrap();
        let (batch, cut_off) = inputs.batch(first, 100, |_| false);
        assert_eq!(batch.len(), 6);
        assert!(!cut_off);
        assert!(
            batch
                .iter()
                .all(|i| matches!(i, Input::Terminal(Event::Key(_))))
        );
        assert!(inputs.ready().is_none());
    }
}
