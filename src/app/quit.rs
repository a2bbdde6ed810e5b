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
    let unsaved =
        app.session.as_ref().is_some_and(|s| s.holds_unsaved_text()) || group::unsaved(app);
    match app.quit {
        Quit::Asked if unsaved => {
            app.quit = Quit::Refused;
            app.set_status(quit_refused(), true);
            if let Some(session) = app.group.as_mut() {
                session.set_status(Some(quit_refused()));
            }
            Vec::new()
        }
        Quit::Asked | Quit::Anyway => vec![Effect::Exit],
        Quit::Staying | Quit::Refused => Vec::new(),
    }
}

fn quit_refused() -> String {
    format!(
        "Your reflection could NOT be saved (see above). Free some space or fix the folder, or press {} again to quit without saving.",
        key_name(Mode::Walkthrough, Command::Quit)
    )
}

/// The window is closing or the session ends (a signal): everything is
/// saved, a group note being typed as its draft, and the app ends.
pub(super) fn terminate(app: &mut App) -> Vec<Effect> {
    app.quit = Quit::Anyway;
    let mut effects = group::on_quit(app, true);
    effects.extend(quit(app));
    effects
}
