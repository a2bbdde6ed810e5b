//! The open actions of earlier reflections, in the review: marked done
//! there, which the runtime writes into the earlier reflection's own file
//! (if no other copy of reflect has it open).

use super::{App, Effect, Popup};
use crate::carry::Carried;
use crate::keys::Command;
use crate::store::Reflection;

impl App {
    /// The open actions of reflections started before the one open, for
    /// its sheet and review. Read from the full earlier records in
    /// `history`: the one place to change if they come from elsewhere.
    pub fn carried_actions(&self) -> Vec<Carried<'_>> {
        match &self.session {
            Some(session) => crate::carry::open_before(&session.reflection, &self.history),
            None => Vec::new(),
        }
    }
}

pub(super) fn open(app: &mut App) {
    if app.carried_actions().is_empty() {
        app.set_status("No open actions from earlier reflections.", false);
    } else {
        app.popup = Some(Popup::EarlierActions { selected: 0 });
    }
}

/// A key in the list of earlier actions.
pub(super) fn command(app: &mut App, command: Command, selected: usize) -> Vec<Effect> {
    let carried = app.carried_actions();
    let count = carried.len();
    let moved = |delta: isize| super::list::step(selected, delta, count);
    match command {
        Command::Down => app.popup = Some(Popup::EarlierActions { selected: moved(1) }),
        Command::Up => {
            app.popup = Some(Popup::EarlierActions {
                selected: moved(-1),
            })
        }
        Command::Back => app.popup = None,
        Command::ToggleDone => {
            if let Some(chosen) = carried.get(selected.min(count.saturating_sub(1))) {
                return vec![Effect::MarkEarlierDone {
                    id: chosen.from.id.clone(),
                    action: chosen.action.clone(),
                }];
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The earlier reflection as written with the action done: it replaces
/// the copy in `history`, so the action leaves the list.
pub(super) fn marked(app: &mut App, reflection: Reflection) {
    let when = reflection.started.format("%-d %B %Y").to_string();
    match app.history.iter_mut().find(|r| r.id == reflection.id) {
        Some(slot) => *slot = reflection,
        None => app.history.push(reflection),
    }
    app.set_status(format!("Marked done in your reflection of {when}."), false);
    let left = app.carried_actions().len();
    app.popup = match app.popup {
        Some(Popup::EarlierActions { .. }) if left == 0 => None,
        Some(Popup::EarlierActions { selected }) => Some(Popup::EarlierActions {
            selected: selected.min(left - 1),
        }),
        other => other,
    };
}
