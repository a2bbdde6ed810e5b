//! Entering and leaving the terminal's full-screen mode. Whatever ends the
//! app (a quit, a signal, a panic, a terminal that went away), the
//! terminal is left as the shell needs it.
//!
//! On a panic the hook restores the terminal first, so the message is
//! readable; the event loop then saves the open reflection (see
//! `Runner::run`). The panic message never contains note text.

use std::io::{self, IsTerminal};

use anyhow::{Result, bail};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

pub fn enter() -> Result<DefaultTerminal> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "the app needs a terminal; for plain text try `reflect list`, `reflect history` or `reflect export`"
        );
    }
    install_restoring_hook();
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    Ok(terminal)
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
