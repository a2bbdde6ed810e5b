//! The one place the app's effects are carried out: saves, opening and
//! closing reflections and group records, exports, quitting.

use std::collections::VecDeque;

use super::super::now;
use super::super::private;
use super::{Flow, Runner};
use crate::app::{Action, App, Effect};

impl Runner<'_> {
    /// Carries out effects; `Flow::Exit` when the app should end.
    pub(super) fn perform(
        &mut self,
        app: &mut App,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> Flow {
        for effect in effects {
            match effect {
                Effect::Exit => return Flow::Exit,
                Effect::Quit => self.finish_saving(queue),
                Effect::OpenGroup(request) => {
                    queue.push_back(self.groups.open(&request, &app.library, now()));
                }
                Effect::SaveGroup { record, edits } => {
                    if let Some(saver) = self.groups.saver() {
                        saver.save(*record, edits);
                    }
                }
                Effect::CloseGroup { id } => self.groups.close(&id),
                private_effect => self.perform_private(app, private_effect, queue),
            }
        }
        Flow::Continue
    }

    fn perform_private(&mut self, app: &App, effect: Effect, queue: &mut VecDeque<Action>) {
        let Some(private) = self.private.as_mut() else {
            return;
        };
        match effect {
            Effect::Save { reflection, edits } => private.saver().save(*reflection, edits),
            Effect::OpenSession(request) => {
                // The app learns how the open reflection's last save went
                // before it hears of the next one, and keeps the open one
                // if that save failed (a wait only when a save is running).
                if let Some(saver) = private.saver.as_ref() {
                    saver.flush();
                    queue.extend(saver.results.try_iter());
                }
                let known = private::Known {
                    summaries: &app.summaries,
                    history: &app.history,
                };
                queue.push_back(private.sessions.open(&request, &known, &app.library, now()));
            }
            Effect::CloseSession { id } => private.sessions.close(&id),
            Effect::Export { reflection, format } => {
                let from = private::ExportFrom {
                    history: &app.history,
                    library: &app.library,
                    forms: app.forms(),
                };
                queue.push_back(private::export(self.paths, &reflection, format, &from));
            }
            Effect::MarkEarlierDone { id, action } => {
                queue.push_back(private.sessions.mark_done(&id, &action));
            }
            _ => {}
        }
    }
}
