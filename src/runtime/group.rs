//! The group view's loop on the terminal. It is handed content only: the
//! private reflections are never passed in, so they cannot be shown.

use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::Local;
use crossterm::event::Event;
use ratatui::DefaultTerminal;

use super::reload::LiveContent;
use super::signals::{Input, Inputs};
use crate::app::Action;
use crate::content::{Library, Pack, Theme};
use crate::group::{GroupAudience, GroupEffect, GroupSession, new_record};
use crate::ui::Palette;
use crate::ui::group::render;
use crate::paths::Paths;
use crate::store::{GroupRecord, RecordDir};

const TICK: Duration = Duration::from_millis(250);

pub struct GroupLaunch {
    /// The loaded content; only the pack and theme named are shown.
    pub library: Library,
    pub pack: String,
    pub theme: String,
    pub audience: GroupAudience,
    pub minutes: u32,
    pub palette: Palette,
    /// `--content` folders, for following edits while presenting.
    pub cli_dirs: Vec<std::path::PathBuf>,
}

/// Runs a group session until the facilitator ends it; true when it ended
/// because of a signal (the window closed), after saving the notes.
pub fn run(
    terminal: &mut DefaultTerminal,
    paths: &Paths,
    launch: GroupLaunch,
    inputs: &Inputs,
) -> Result<bool> {
    let records = RecordDir::<GroupRecord>::open(paths.groups_dir())?;
    let wall = Local::now().fixed_offset();
    let mut library = launch.library;
    let Some((pack, theme)) = shown(&library, &launch.pack, &launch.theme) else {
        anyhow::bail!("no theme `{}` in pack `{}`", launch.theme, launch.pack);
    };
    let mut record = new_record(pack, theme, wall);
    let (id, _lock) = records.reserve_id(&record.id)?;
    record.id = id;
    let size = terminal.size()?;
    let mut session = GroupSession::new(
        pack,
        theme,
        launch.audience,
        launch.minutes,
        record,
        (size.width, size.height),
        Instant::now(),
    );
    let _ = terminal.hide_cursor();
    let mut refused_quit = false;
    let (mut live, _) = LiveContent::start(paths, &launch.cli_dirs);
    loop {
        let turn = turn(terminal, inputs, &mut session, launch.palette, &records, &mut refused_quit);
        if !matches!(turn, Ok(Turn::Continue | Turn::Over)) {
            // The window closed, or the terminal is gone: keep the notes.
            let effects = session.end_now(Local::now().fixed_offset());
            perform(&mut session, &records, effects, &mut true);
            return turn.map(|_| true);
        }
        if matches!(turn, Ok(Turn::Over)) {
            return Ok(false);
        }
        session.tick(Instant::now());
        if let Some(Action::ContentReloaded(fresh)) = live.poll(paths, &library) {
            library = *fresh;
            follow_edits(&mut session, &library, &launch.pack, &launch.theme);
        }
    }
}

enum Turn {
    Continue,
    /// The facilitator ended the session.
    Over,
    /// A signal: the window is closing.
    Signalled,
}

/// Draws, then waits for one event and acts on it.
fn turn(
    terminal: &mut DefaultTerminal,
    inputs: &Inputs,
    session: &mut GroupSession,
    palette: Palette,
    records: &RecordDir<GroupRecord>,
    refused_quit: &mut bool,
) -> Result<Turn> {
    terminal.draw(|frame| render(session, palette, frame.area(), frame.buffer_mut()))?;
    let now = Instant::now();
    let effects = match inputs.next(TICK) {
        None => return Ok(Turn::Continue),
        Some(Input::EndSignal) => return Ok(Turn::Signalled),
        Some(Input::Lost(e)) => return Err(e.into()),
        Some(Input::Terminal(Event::Key(key))) => {
            session.handle_key(key, now, Local::now().fixed_offset())
        }
        Some(Input::Terminal(Event::Paste(text))) => {
            session.handle_paste(&text, now);
            Vec::new()
        }
        Some(Input::Terminal(Event::Resize(width, height))) => {
            session.resize(width, height);
            Vec::new()
        }
        Some(Input::Terminal(_)) => Vec::new(),
    };
    Ok(if perform(session, records, effects, refused_quit) {
        Turn::Over
    } else {
        Turn::Continue
    })
}

fn shown<'l>(library: &'l Library, pack: &str, theme: &str) -> Option<(&'l Pack, &'l Theme)> {
    let pack = library.pack(pack)?;
    Some((pack, pack.theme(theme)?))
}

/// Shows edited content in place, or the problem while the file is broken
/// (the last good content stays on screen).
fn follow_edits(session: &mut GroupSession, library: &Library, pack: &str, theme: &str) {
    if let Some((pack, theme)) = shown(library, pack, theme) {
        session.replace_content(pack, theme);
    }
    let problem = library.diagnostics.iter().find(|d| d.is_error());
    session.set_status(problem.map(|d| {
        format!(
            "Content problem, showing the last good version: {}: {}",
            d.location(),
            d.message
        )
    }));
}

/// Saves group records; returns true when the session is over. A quit
/// whose save failed is refused once, so the notes are not lost unseen.
fn perform(
    session: &mut GroupSession,
    records: &RecordDir<GroupRecord>,
    effects: Vec<GroupEffect>,
    refused: &mut bool,
) -> bool {
    let mut saved = true;
    for effect in effects {
        match effect {
            GroupEffect::Save(record) => match records.save(&record) {
                Ok(()) => session.set_status(None),
                Err(e) => {
                    saved = false;
                    session.set_status(Some(format!(
                        "Could not save the group notes: {e}. Ctrl-Q again quits without them."
                    )));
                }
            },
            GroupEffect::Quit if saved || *refused => return true,
            GroupEffect::Quit => *refused = true,
        }
    }
    false
}
