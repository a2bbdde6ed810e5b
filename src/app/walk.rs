//! Inside an open reflection: the walkthrough, its editors and flags;
//! opening a reflection the runtime found or started. The review and the
//! actions list are beside it (`review`, `actions`); `update` chooses.

use crossterm::event::KeyEvent;

use super::list::step;
use super::saving::save_if_dirty;
use super::session::{Focus, Session};
use super::{App, Back, Effect, OpenedSession, Popup, Screen, SessionAccess};
use crate::keys::{Command, Mode, key_name};
use crate::store::Reflection;
use crate::text_box::TextBox;
use crate::words::Audience;

pub(super) fn walkthrough(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    match command {
        Command::NextQuestion => return move_question(app, 1),
        Command::PreviousQuestion => return move_question(app, -1),
        Command::EditAnswer | Command::OpenNotes | Command::ToggleFlag if session.read_only => {
            app.set_status("This reflection is read-only here.", true)
        }
        Command::EditAnswer if session.current_question(&app.library).is_none() => {
            let said = session.no_question_here(&app.library);
            app.set_status(said, true);
        }
        Command::EditAnswer => session.set_focus(Focus::Answer),
        Command::OpenNotes => {
            session.notes_from = Back::Walkthrough;
            session.set_focus(Focus::Notes);
        }
        Command::LeaveEditor => {
            if session.taken_out.is_some() {
                // Back to the pack's questions, at the one now in its place.
                session.load_answer(&app.library, app.now);
            }
            let back = match session.focus {
                Focus::Notes => std::mem::take(&mut session.notes_from),
                _ => Back::Walkthrough,
            };
            session.set_focus(Focus::Browse);
            if let Back::Review { scroll } = back {
                app.back_to_review(scroll);
            }
            return save_if_dirty(app);
        }
        Command::ToggleFlag => return toggle_flag(app),
        Command::EarlierAnswers if session.current_question(&app.library).is_none() => {
            let said = session.no_question_here(&app.library);
            app.set_status(said, true);
        }
        Command::EarlierAnswers => app.popup = Some(Popup::EarlierAnswers),
        Command::NextLearning => session.learning_shown = session.learning_shown.wrapping_add(1),
        Command::NextMark => super::privacy::next_mark(app),
        Command::MarkFine => super::privacy::mark_fine(app),
        Command::OpenActions => {
            app.screen = Screen::Actions {
                from: Back::Walkthrough,
            }
        }
        Command::OpenReview => app.show(Screen::Review),
        Command::Undo => return edit(app, |e| e.undo()),
        Command::Redo => return edit(app, |e| e.redo()),
        Command::Back => {
            app.show(Screen::Theme);
            return save_if_dirty(app);
        }
        _ => {}
    }
    Vec::new()
}

fn move_question(app: &mut App, delta: isize) -> Vec<Effect> {
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let count = session.questions(&app.library).len();
    // Leaving a question taken out of the pack: the next is the one now in
    // its place.
    let delta = if session.taken_out.is_some() && delta > 0 {
        0
    } else {
        delta
    };
    if session.taken_out.is_some() && count == 0 {
        // Nowhere to go: the answer box stays on what is being typed.
        let said = nowhere_to_move(session);
        app.set_status(said, true);
        return Vec::new();
    }
    let last = delta > 0 && session.question + 1 >= count;
    if last {
        session.set_focus(Focus::Browse);
        app.show(Screen::Review);
        app.set_status(
            "That was the last question. Here is your whole reflection.",
            false,
        );
    } else {
        session.sync_editors(&app.library, app.now);
        let from = session.question;
        session.question = step(session.question, delta, count);
        session.load_answer(&app.library, app.now);
        if session.question != from {
            session.moved(app.now);
        }
        if session.focus == Focus::Notes {
            session.set_focus(Focus::Answer);
        }
    }
    save_if_dirty(app)
}

fn nowhere_to_move(session: &Session) -> String {
    format!(
        "This theme has no questions for {} now: your answer stays here. {} leaves it.",
        session.reflection.audience.plural(),
        key_name(Mode::Editor, Command::LeaveEditor)
    )
}

fn toggle_flag(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    let Some(question) = session.current_question(&app.library) else {
        return Vec::new();
    };
    let (key, wording) = (session.key(question).to_string(), question.text.clone());
    let answer = session.reflection.answer_mut_or_insert(&key, &wording, now);
    answer.flagged = !answer.flagged;
    let flagged = answer.flagged;
    session.mark_edited(now);
    app.set_status(
        if flagged {
            "Flagged to discuss in supervision."
        } else {
            "Flag removed."
        },
        false,
    );
    save_if_dirty(app)
}

/// A key typed into the answer or notes editor. A character goes in as
/// typed whatever modifiers came with it (AltGr arrives as Ctrl+Alt on
/// Windows, and the editor would drop it).
pub(super) fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    edit(app, |editor| editor.type_key(key))
}

pub(super) fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(input) = app.line_input.as_mut() {
        input.field.paste(text, true);
        super::actions::line_changed(app);
        return Vec::new();
    }
    let (editing, read_only) = app
        .session
        .as_ref()
        .map_or((false, false), |s| (s.is_editing(), s.read_only));
    match (editing, read_only) {
        (true, _) => return edit(app, |editor| editor.paste(text, false)),
        (false, true) => app.set_status(
            "This reflection is read-only here: nothing was pasted.",
            true,
        ),
        (false, false) => app.set_status(crate::text_box::NOTHING_TAKES_A_PASTE, false),
    }
    Vec::new()
}

/// Applies a change to the focused editor and records it in the reflection.
fn edit(app: &mut App, change: impl FnOnce(&mut TextBox) -> bool) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    let changed = match session.focus {
        Focus::Answer => change(&mut session.answer_editor),
        Focus::Notes => change(&mut session.notes_editor),
        Focus::Browse => false,
    };
    if changed {
        session.mark_typed(now);
    }
    Vec::new()
}

pub(super) fn session_matches(app: &App, pack: &str, theme: &str) -> bool {
    app.session.as_ref().is_some_and(|s| {
        let r = &s.reflection;
        r.pack == pack && r.theme == theme && r.audience == app.audience
    })
}

pub(super) fn enter_walkthrough(app: &mut App) {
    app.screen = Screen::Walkthrough;
    if let Some(session) = app.session.as_mut()
        && !session.read_only
        && session.current_question(&app.library).is_some()
    {
        session.set_focus(Focus::Answer);
    }
}

pub(super) fn open_session(app: &mut App, opened: OpenedSession) -> Vec<Effect> {
    if app.session.as_ref().is_some_and(|s| s.holds_unsaved_text()) {
        return keep_unsaved_open(app, &opened);
    }
    let mut effects = Vec::new();
    if let Some(old) = app.session.take()
        && old.reflection.id != opened.reflection.id
    {
        effects.push(Effect::CloseSession {
            id: old.reflection.id,
        });
    }
    let read_only = opened.access != SessionAccess::Editable;
    let mut session = Session::new(opened.reflection, read_only);
    session.question = session.carry_on_at(&app.library);
    session.load_answer(&app.library, app.now);
    app.audience = session.reflection.audience;
    if let Some(index) = app
        .library
        .themes()
        .position(|(p, t)| p.id == session.reflection.pack && t.id == session.reflection.theme)
    {
        app.selected_theme = index;
    }
    let how = (opened.resumed, opened.show_review);
    let said = opened_status(app, &opened.access, how, &session.reflection);
    if let Some((text, is_error)) = said {
        app.set_status(text, is_error);
    }
    app.session = Some(session);
    app.scroll = 0;
    app.popup = None;
    if opened.show_review {
        app.screen = Screen::Review;
    } else {
        enter_walkthrough(app);
    }
    effects
}

/// The reflection open read-only here, as the copy that writes it has
/// since saved it: shown in its place, at the same question.
pub(super) fn read_only_changed(app: &mut App, newer: Reflection) {
    let open_here = |s: &&mut Session| s.read_only && s.reflection.id == newer.id;
    let Some(session) = app.session.as_mut().filter(open_here) else {
        return;
    };
    session.show_newer(newer.clone(), &app.library, app.now);
    super::history::saved(app, newer);
}

/// The copy that wrote the reflection open read-only here has let it go,
/// and this copy holds it now: it can be written here, as its file is.
pub(super) fn now_writable(app: &mut App, reflection: Reflection) {
    let open_here = |s: &&mut Session| s.read_only && s.reflection.id == reflection.id;
    let Some(session) = app.session.as_mut().filter(open_here) else {
        return;
    };
    session.show_newer(reflection.clone(), &app.library, app.now);
    session.read_only = false;
    session.load_answer(&app.library, app.now);
    super::history::saved(app, reflection);
    app.set_status(
        "The other copy of reflect has let this reflection go: you can write in it here now.",
        false,
    );
}

/// What the status line says as a reflection opens (and whether it is
/// a warning): read-only and why, carrying on, or a new one beside an
/// earlier one.
fn opened_status(
    app: &App,
    access: &SessionAccess,
    (resumed, to_review): (bool, bool),
    reflection: &Reflection,
) -> Option<(String, bool)> {
    match access {
        // Opened from the list, to be read first: not "carrying on".
        SessionAccess::Editable if to_review => None,
        SessionAccess::OpenElsewhere => Some((
            format!(
                "This reflection is open in another copy of reflect, so it is shown read-only here. Press {} on the theme screen to start a new one.",
                key_name(Mode::Theme, Command::StartNew)
            ),
            true,
        )),
        SessionAccess::Unwritable(why) => Some((format!("Shown read-only: {why}."), true)),
        SessionAccess::Editable if resumed => {
            Some(("Carrying on where you stopped.".into(), false))
        }
        SessionAccess::Editable => earlier_kept(app, reflection).map(|said| (said, false)),
    }
}

/// A new reflection beside an earlier one on the same theme (every
/// question of that one answered, or N pressed): where the earlier one is,
/// so "carry on" starting afresh is not a surprise.
fn earlier_kept(app: &App, new: &Reflection) -> Option<String> {
    let same = |id: &str, pack: &str, theme: &str, audience: Audience| {
        id != new.id && pack == new.pack && theme == new.theme && audience == new.audience
    };
    let loaded = app.history.iter();
    let loaded = loaded.filter(|r| same(&r.id, &r.pack, &r.theme, r.audience));
    let listed = app.summaries.iter();
    let listed = listed.filter(|s| same(&s.id, &s.pack, &s.theme, s.audience));
    let last = loaded
        .map(|r| r.updated)
        .chain(listed.map(|s| s.updated))
        .max()?;
    Some(format!(
        "A new reflection. Your last on this theme, {}, is in Your reflections.",
        last.format("%-d %b %Y")
    ))
}

/// The reflection open could not be saved (the runtime waited for its
/// last save before opening another): it stays open, and the one just
/// opened is closed again, so its text is not lost unseen.
fn keep_unsaved_open(app: &mut App, opened: &OpenedSession) -> Vec<Effect> {
    let why = (app.session.as_ref())
        .and_then(|s| s.autosave.last_failure.as_ref())
        .map_or_else(String::new, |e| format!(": {e}"));
    let asked = (app.library.pack(&opened.reflection.pack))
        .and_then(|p| p.theme(&opened.reflection.theme))
        .map_or_else(
            || "the reflection asked for".to_owned(),
            |t| format!("\"{}\"", t.title),
        );
    app.set_status(
        format!("Your reflection could NOT be saved{why}. It stays open, and {asked} was not opened; free some space or fix the folder, then try again."),
        true,
    );
    match &app.session {
        Some(open) if open.reflection.id == opened.reflection.id => Vec::new(),
        _ => vec![Effect::CloseSession {
            id: opened.reflection.id.clone(),
        }],
    }
}
