//! The group view's loop on the terminal. It is handed content only: the
//! private reflections are never passed in, so they cannot be shown.

use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::Local;
use crossterm::event::{self, Event};
use ratatui::DefaultTerminal;

use crate::content::{Pack, Theme};
use crate::group::{GroupAudience, GroupEffect, GroupSession, new_record, render};
use crate::paths::Paths;
use crate::store::{GroupRecord, RecordDir};

const TICK: Duration = Duration::from_millis(250);

pub struct GroupLaunch<'c> {
    pub pack: &'c Pack,
    pub theme: &'c Theme,
    pub audience: GroupAudience,
    pub minutes: u32,
    pub no_color: bool,
}

/// Runs a group session until the facilitator ends it.
pub fn run(terminal: &mut DefaultTerminal, paths: &Paths, launch: GroupLaunch<'_>) -> Result<()> {
    let records = RecordDir::<GroupRecord>::open(paths.groups_dir())?;
    let wall = Local::now().fixed_offset();
    let mut record = new_record(launch.pack, launch.theme, wall);
    record.id = records.fresh_id(&record.id)?;
    let size = terminal.size()?;
    let mut session = GroupSession::new(
        launch.pack,
        launch.theme,
        launch.audience,
        launch.minutes,
        record,
        (size.width, size.height),
        Instant::now(),
    )
    .with_no_color(launch.no_color);
    let _ = terminal.hide_cursor();
    let mut refused_quit = false;
    loop {
        terminal.draw(|frame| render(&session, frame.area(), frame.buffer_mut()))?;
        let now = Instant::now();
        if event::poll(TICK)? {
            let effects = match event::read()? {
                Event::Key(key) => session.handle_key(key, now, Local::now().fixed_offset()),
                Event::Paste(text) => {
                    session.handle_paste(&text, now);
                    Vec::new()
                }
                Event::Resize(width, height) => {
                    session.resize(width, height);
                    Vec::new()
                }
                _ => Vec::new(),
            };
            if perform(&mut session, &records, effects, &mut refused_quit) {
                return Ok(());
            }
        }
        session.tick(Instant::now());
    }
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
