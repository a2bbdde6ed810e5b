//! Entering and leaving the terminal's full-screen mode, and what happens
//! on a panic: the open reflection is written first, then the terminal is
//! restored, and the panic message never contains note text.

use std::io::{self, IsTerminal};
use std::sync::{Mutex, OnceLock};

use anyhow::{Result, bail};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::store::{RecordDir, Reflection};

/// The latest unsaved state of the open reflection, for the panic hook.
static RESCUE: OnceLock<Mutex<Option<(std::path::PathBuf, Reflection)>>> = OnceLock::new();

pub fn enter() -> Result<DefaultTerminal> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        bail!(
            "the app needs a terminal; for plain text try `reflect list`, `reflect history` or `reflect export`"
        );
    }
    install_rescue_hook();
    let terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableBracketedPaste)?;
    Ok(terminal)
}

pub fn leave() {
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// Keeps a copy of unsaved work where the panic hook can find it.
pub fn remember_unsaved(dir: &std::path::Path, reflection: Option<&Reflection>) {
    let cell = RESCUE.get_or_init(|| Mutex::new(None));
    if let Ok(mut slot) = cell.lock() {
        *slot = reflection.map(|r| (dir.to_path_buf(), r.clone()));
    }
}

fn install_rescue_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        rescue();
        leave();
        previous(info);
    }));
}

fn rescue() {
    let Some(cell) = RESCUE.get() else { return };
    let Ok(slot) = cell.try_lock() else { return };
    if let Some((dir, reflection)) = slot.as_ref()
        && let Ok(records) = RecordDir::<Reflection>::open(dir)
    {
        let saved = records.save(reflection).is_ok();
        eprintln!(
            "reflect stopped unexpectedly. Your open reflection {}.",
            if saved {
                "was saved"
            } else {
                "could NOT be saved"
            }
        );
    }
}
