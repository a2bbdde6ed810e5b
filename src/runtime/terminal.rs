//! Entering and leaving the terminal's full-screen mode. Whatever ends the
//! app (a quit, a signal, a panic, a terminal that went away), the
//! terminal is left as the shell needs it.
//!
//! On a panic the hook restores the terminal first, so the message is
//! readable; the event loop then saves the open reflection (see
//! `Runner::run`). The panic message never contains note text.

use std::io::{self, BufWriter, IsTerminal};

use anyhow::{Result, bail};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};

use super::backend::FrameBackend;
use super::screen::Screen;

/// The screen is written a frame at a time: plain `Stdout` would send a
/// full frame (5 kB for home) in kilobyte pieces, a write to the terminal
/// each. Room for a full frame of home at 300x100 in one piece.
const FRAME_BYTES: usize = 64 * 1024;

pub fn enter() -> Result<Screen> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "the app needs a terminal; for plain text try `reflect list`, `reflect history` or `reflect export`"
        );
    }
    install_restoring_hook();
    let entered = enable_raw_mode()
        .and_then(|()| execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste))
        .and_then(|()| {
            let out = BufWriter::with_capacity(FRAME_BYTES, io::stdout());
            Screen::new(FrameBackend::new(out))
        });
    entered.map_err(|e| {
        leave();
        e.into()
    })
}

/// Back to the shell's normal screen. Errors are ignored: after the window
/// closed there is no terminal left to restore.
pub fn leave() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

fn install_restoring_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
