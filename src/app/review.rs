//! The review: the whole reflection on one screen, and what is done from
//! it: export (in a chosen format), the hand-in details, the reflective
//! prompts, and marking earlier actions done.

use super::saving::save_if_dirty;
use super::{App, Back, ConclusionFrom, Effect, Focus, Popup, Screen, carried, details};
use crate::export::Format;
use crate::keys::{Command, Mode, key_name};

pub(super) fn command(app: &mut App, command: Command) -> Vec<Effect> {
    match app.popup {
        Some(Popup::Export) => return export_choice(app, command),
        Some(Popup::Details { selected }) => return details::command(app, command, selected),
        Some(Popup::EarlierActions { selected }) => {
            return carried::command(app, command, selected);
        }
        Some(Popup::EarlierAnswers | Popup::ConfirmDelete { .. }) | None => {}
    }
    if command != Command::Export
        && let Some(session) = app.session.as_mut()
    {
        session.marks.export_warned = false;
    }
    match command {
        _ if super::browse::scrolls(command) => super::browse::scroll(app, command),
        Command::OpenActions => {
            let from = Back::Review { scroll: app.scroll };
            app.screen = Screen::Actions { from };
        }
        Command::OpenConclusion => app.show(Screen::Conclusion {
            from: ConclusionFrom::Review { scroll: app.scroll },
        }),
        Command::OpenNotes => {
            let scroll = app.scroll;
            app.screen = Screen::Walkthrough;
            let effects = super::walk::walkthrough(app, Command::OpenNotes);
            // Esc from the notes comes back here (not when refused: read-only).
            if let Some(session) = app.session.as_mut().filter(|s| s.focus == Focus::Notes) {
                session.notes_from = Back::Review { scroll };
            }
            return effects;
        }
        Command::Back => app.screen = Screen::Walkthrough,
        Command::Export => choose_export(app),
        Command::OpenDetails => app.popup = Some(Popup::Details { selected: 0 }),
        Command::OpenEarlierActions => carried::open(app),
        Command::CyclePrompts => return cycle_prompts(app),
        _ => {}
    }
    Vec::new()
}

/// `x`: the choice of format, unless possible identifying details are
/// still marked and the user has not yet been told (then the next `x`).
fn choose_export(app: &mut App) {
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let marked: usize = session.marks.review.iter().map(|m| m.count()).sum();
    if marked > 0 && !session.marks.export_warned {
        session.marks.export_warned = true;
        let message = format!(
            "{} still marked (listed at the top). Press {} again to export anyway.",
            crate::privacy::marks::count_words(marked),
            key_name(Mode::Review, Command::Export)
        );
        app.set_status(message, true);
        return;
    }
    session.marks.export_warned = false;
    app.popup = Some(Popup::Export);
}

fn export_choice(app: &mut App, command: Command) -> Vec<Effect> {
    let format = match command {
        Command::ExportSupervision => Format::Supervision,
        Command::ExportCpd => Format::Cpd,
        Command::ExportNmc => Format::Nmc,
        Command::ExportText => Format::Text,
        Command::Back => {
            app.popup = None;
            return Vec::new();
        }
        _ => return Vec::new(),
    };
    app.popup = None;
    export(app, format)
}

/// Saves what is unsaved, then asks for the export.
pub(super) fn export(app: &mut App, format: Format) -> Vec<Effect> {
    let mut effects = save_if_dirty(app);
    if let Some(session) = &app.session {
        effects.push(Effect::Export {
            reflection: Box::new(session.reflection.clone()),
            format,
        });
    }
    effects
}

/// `p`: the next set of prompts, for this reflection.
fn cycle_prompts(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let next = crate::prompts::next_after(app.prompt_set());
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        app.set_status("This reflection is read-only here.", true);
        return Vec::new();
    };
    session.reflection.set_prompts(next);
    session.mark_edited(now);
    let message = match crate::prompts::find(next) {
        Some(set) => format!("Reflective prompts: {} (under the answer box).", set.name),
        None => "No reflective prompts under the answer box.".to_owned(),
    };
    app.set_status(message, false);
    save_if_dirty(app)
}

/// What the runtime says about an export.
pub(super) fn exported(app: &mut App, outcome: &super::Exported) {
    let name = outcome.format.name();
    let mut message = format!("{} saved to {}", capital(name), outcome.path.display());
    match outcome.warnings {
        0 => {}
        1 => message.push_str(". 1 field is longer than the form takes: see the review."),
        n => message.push_str(&format!(
            ". {n} fields are longer than the form takes: see the review."
        )),
    }
    app.set_status(message, outcome.warnings > 0);
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
