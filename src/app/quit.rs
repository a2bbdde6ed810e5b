//! Quitting: what is open is saved first; a quit whose save failed (or
//! never reported back) is refused once, so text is never lost unseen;
//! a closed window ends the app whatever happens.

use super::saving::save_if_dirty;
use super::{App, Effect, Quit};
use super::{actions, group};
use crate::keys::{Command, Mode, key_name};

/// Saves what is open, then asks the runtime to finish saving; the
/// outcome decides whether the app ends ([`saves_finished`]).
pub(super) fn quit(app: &mut App) -> Vec<Effect> {
    app.quit = match app.quit {
        Quit::Refused | Quit::Anyway => Quit::Anyway,
        Quit::Staying | Quit::Asked => Quit::Asked,
    };
    let mut effects = actions::keep_line_input(app);
    if app.quit == Quit::Asked {
        effects.extend(group::on_quit(app, false));
    }
    effects.extend(save_if_dirty(app));
    effects.push(Effect::Quit);
    effects
}

/// A quit whose last save failed (or never reported back) is refused
/// once: the text is only in memory, and quitting would lose it unseen.
pub(super) fn saves_finished(app: &mut App) -> Vec<Effect> {
    match (app.quit, app.unsaved()) {
        (Quit::Asked, Some((what, why))) => {
            app.quit = Quit::Refused;
            let refused = quit_refused(what, &why);
            app.set_status(refused.clone(), true);
            if let Some(session) = app.group.as_mut() {
                session.set_status(Some(refused));
            }
            Vec::new()
        }
        (Quit::Asked | Quit::Anyway, _) => vec![Effect::Exit],
        (Quit::Staying | Quit::Refused, _) => Vec::new(),
    }
}

/// How a refused quit's message ends: it goes once all is saved.
const REFUSED_END: &str = "again to quit without saving.";

/// What was not saved and why, in the message itself: the failure it
/// replaces on the status line is no longer there to point at.
fn quit_refused(what: &str, why: &str) -> String {
    let mut what = what.to_owned();
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!(
        "{what} could NOT be saved{why}. Free some space or fix the folder, or press {} {REFUSED_END}",
        key_name(Mode::Walkthrough, Command::Quit)
    )
}

/// A save landed: once nothing is left unsaved, a refused quit is
/// forgotten, and so is its message (it said the opposite of the truth).
pub(super) fn saved_since_refusal(app: &mut App) {
    if app.unsaved().is_some() {
        return;
    }
    if app.quit == Quit::Refused {
        app.quit = Quit::Staying;
    }
    app.status.take_if(|s| s.text.ends_with(REFUSED_END));
    if let Some(group) = app.group.as_mut()
        && group.status().is_some_and(|s| s.ends_with(REFUSED_END))
    {
        group.set_status(None);
    }
}

impl App {
    /// What is not saved yet, if anything ("your reflection", "the
    /// group's notes"), and why its last save failed (": the disk is
    /// full"), if it did.
    fn unsaved(&self) -> Option<(&'static str, String)> {
        let (what, autosave) = match (&self.session, &self.group) {
            (Some(session), _) if session.holds_unsaved_text() => {
                ("your reflection", &session.autosave)
            }
            (_, Some(group)) if group::unsaved(self) => ("the group's notes", &group.autosave),
            _ => return None,
        };
        let why = (autosave.last_failure.as_ref()).map_or_else(String::new, |e| format!(": {e}"));
        Some((what, why))
    }

    /// Once the app has ended: what it ended without saving, and why (a
    /// quit pressed twice after a failed save, a window closed while the
    /// disk was full), to say when the terminal is given back.
    pub fn left_unsaved(&self) -> Option<String> {
        let (what, why) = self.unsaved()?;
        Some(format!("the last changes to {what} were NOT saved{why}"))
    }
}

/// The window is closing or the session ends (a signal): everything is
/// saved, a group note being typed as its draft, and the app ends.
pub(super) fn terminate(app: &mut App) -> Vec<Effect> {
    app.quit = Quit::Anyway;
    let mut effects = group::on_quit(app, true);
    effects.extend(quit(app));
    effects
}
