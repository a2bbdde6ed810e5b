//! What arrives from outside the program, on one channel: keys, pastes and
//! resizes from the terminal, and the signals that end a session.
//!
//! Closing the terminal window (SIGHUP), logging out or shutting down
//! (SIGTERM) and `kill -INT` end the app through the same path as Ctrl-Q:
//! everything open is saved, the terminal restored, and it exits.
//!
//! The terminal is read on a thread of its own. crossterm 0.29's reader
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

#[derive(Debug)]
pub enum Input {
    Terminal(Event),
    /// The terminal cannot be read any more.
    Lost(io::Error),
    /// SIGHUP, SIGTERM or SIGINT.
    EndSignal,
}

pub struct Inputs {
    events: Receiver<Input>,
}

impl Inputs {
    /// Starts the signal listener; the terminal reader starts with
    /// [`Inputs::read_terminal`], once the terminal is set up.
    pub fn start() -> io::Result<(Inputs, Sender<Input>)> {
        let (send, events) = mpsc::channel();
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
        let to_loop = send.clone();
        std::thread::spawn(move || {
            for _ in signals.forever() {
                if to_loop.send(Input::EndSignal).is_err() {
                    break;
                }
            }
        });
        Ok((Inputs { events }, send))
    }

    /// Reads the terminal on its own thread until it is gone.
    pub fn read_terminal(send: Sender<Input>) {
        std::thread::spawn(move || {
            loop {
                let input = match event::read() {
                    Ok(event) => Input::Terminal(event),
                    Err(e) => Input::Lost(e),
                };
                let lost = matches!(input, Input::Lost(_));
                if send.send(input).is_err() || lost {
                    break;
                }
            }
        });
    }

    /// The next input, waiting at most `timeout`.
    pub fn next(&self, timeout: Duration) -> Option<Input> {
        match self.events.recv_timeout(timeout) {
            Ok(input) => Some(input),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Input::Lost(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal reader stopped",
            ))),
        }
    }
}
