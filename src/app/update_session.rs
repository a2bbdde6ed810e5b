//! Updates inside an open reflection: the walkthrough, notes, actions,
//! review, and the autosave rule.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::list::step;
use super::session::{Focus, Session};
use super::{App, Effect, LineInput, Screen};
use crate::content::Library;
use crate::keys::Command;
use crate::store::Action as ActionItem;
use crate::text_box;

const QUESTION_REMOVED: &str = "The question you were answering was taken out of the pack. Your answer is kept (see the review, r). Press Enter to write here.";

pub(super) fn command(app: &mut App, command: Command) -> Vec<Effect> {
    match app.screen {
        Screen::Walkthrough => walkthrough(app, command),
        Screen::Actions => actions(app, command),
        Screen::Review => review(app, command),
        Screen::Home | Screen::Theme => Vec::new(),
    }
}

fn walkthrough(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    match command {
        Command::NextQuestion => return move_question(app, 1),
        Command::PreviousQuestion => return move_question(app, -1),
        Command::EditAnswer if session.read_only => {
            app.set_status("This reflection is read-only here.", true)
        }
        Command::EditAnswer => session.set_focus(Focus::Answer),
        Command::OpenNotes if session.read_only => {
            app.set_status("This reflection is read-only here.", true)
        }
        Command::OpenNotes => session.set_focus(Focus::Notes),
        Command::LeaveEditor => {
            session.set_focus(Focus::Browse);
            return save_if_dirty(app);
        }
        Command::ToggleFlag => return toggle_flag(app),
        Command::EarlierAnswers => app.earlier_open = true,
        Command::OpenActions => app.screen = Screen::Actions,
        Command::OpenReview => open_review(app),
        Command::Undo => return edit(app, |e| e.undo()),
        Command::Redo => return edit(app, |e| e.redo()),
        Command::Back => {
            app.screen = Screen::Theme;
            app.scroll = 0;
            return save_if_dirty(app);
        }
        _ => {}
    }
    Vec::new()
}

fn open_review(app: &mut App) {
    app.screen = Screen::Review;
    app.scroll = 0;
}

fn move_question(app: &mut App, delta: isize) -> Vec<Effect> {
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let count = session.questions(&app.library).len();
    let last = session.question + 1 >= count;
    if delta > 0 && last {
        session.set_focus(Focus::Browse);
        open_review(app);
        app.set_status(
            "That was the last question. Here is your whole reflection.",
            false,
        );
    } else {
        session.sync_editors(&app.library, app.now);
        session.question = step(session.question, delta, count);
        session.load_answer(&app.library, app.now);
        if session.focus == Focus::Notes {
            session.set_focus(Focus::Answer);
        }
    }
    save_if_dirty(app)
}

fn toggle_flag(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    let Some(question) = session.current_question(&app.library) else {
        return Vec::new();
    };
    let key = session.key(question).to_string();
    let answer = session
        .reflection
        .answer_mut_or_insert(&key, &question.text, now);
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
    edit(app, |editor| text_box::type_key(editor, key))
}

pub(super) fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(input) = app.line_input.as_mut() {
        text_box::paste(&mut input.field, text, true);
        return Vec::new();
    }
    match app.session.as_ref().map(Session::is_editing) {
        Some(true) => edit(app, |editor| text_box::paste(editor, text, false)),
        _ => Vec::new(),
    }
}

/// Applies a change to the focused editor and records it in the reflection.
fn edit(
    app: &mut App,
    change: impl FnOnce(&mut ratatui_textarea::TextArea<'static>) -> bool,
) -> Vec<Effect> {
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

fn actions(app: &mut App, command: Command) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let count = session.reflection.actions.len();
    match command {
        Command::Down => app.selected_action = step(app.selected_action, 1, count),
        Command::Up => app.selected_action = step(app.selected_action, -1, count),
        Command::Back => app.screen = Screen::Walkthrough,
        _ if session.read_only => app.set_status("This reflection is read-only here.", true),
        Command::AddAction => {
            app.line_input = Some(LineInput::new("New action", None));
        }
        Command::ToggleDone if count > 0 => {
            let action = &mut session.reflection.actions[app.selected_action.min(count - 1)];
            action.done = !action.done;
            session.mark_edited(now);
        }
        Command::DeleteAction if count > 0 => {
            session
                .reflection
                .actions
                .remove(app.selected_action.min(count - 1));
            app.selected_action = step(app.selected_action, 0, count - 1);
            session.mark_edited(now);
        }
        _ => {}
    }
    save_if_dirty(app)
}

/// A key typed into the one-line input (an action's text or due date).
pub(super) fn type_line(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = app.line_input.as_mut() else {
        return Vec::new();
    };
    // Enter is "keep" (bound), so the field stays one line.
    text_box::type_key(&mut input.field, key);
    Vec::new()
}

/// Enter or Esc in the one-line input.
pub(super) fn line_input_done(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(mut input) = app.line_input.take() else {
        return Vec::new();
    };
    if command == Command::Back {
        return Vec::new();
    }
    match input.pending_text.take() {
        None if text_box::is_blank(&input.field) => {}
        None => {
            let text = input.text().trim().to_owned();
            app.line_input = Some(LineInput::new(
                "Due date (YYYY-MM-DD), or Enter for none",
                Some(text),
            ));
        }
        Some(text) => return add_action(app, text, input),
    }
    Vec::new()
}

fn add_action(app: &mut App, text: String, input: LineInput) -> Vec<Effect> {
    let typed = input.text();
    let due = typed.trim();
    let due = if due.is_empty() {
        None
    } else {
        NaiveDate::parse_from_str(due, "%Y-%m-%d").ok()
    };
    if due.is_none() && !typed.trim().is_empty() {
        app.set_status(
            "That is not a date like 2026-12-31; try again, or leave it empty.",
            true,
        );
        app.line_input = Some(LineInput {
            pending_text: Some(text),
            ..input
        });
        return Vec::new();
    }
    let now = app.now;
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    session.reflection.actions.push(ActionItem {
        text,
        due,
        done: false,
    });
    app.selected_action = session.reflection.actions.len() - 1;
    session.mark_edited(now);
    save_if_dirty(app)
}

fn review(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::Down => app.scroll = app.scroll.saturating_add(1).min(app.scroll_limit),
        Command::Up => app.scroll = app.scroll.saturating_sub(1),
        Command::OpenActions => app.screen = Screen::Actions,
        Command::OpenNotes => {
            app.screen = Screen::Walkthrough;
            return walkthrough(app, Command::OpenNotes);
        }
        Command::Back => app.screen = Screen::Walkthrough,
        Command::Export => {
            let mut effects = save_if_dirty(app);
            if let Some(session) = &app.session {
                effects.push(Effect::Export(Box::new(session.reflection.clone())));
            }
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// Saves now if anything is unsaved (moving between questions, leaving, quitting).
pub(super) fn save_if_dirty(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app
        .session
        .as_mut()
        .filter(|s| s.is_dirty() && !s.read_only)
    else {
        return Vec::new();
    };
    let (reflection, edits) = session.take_for_save(&app.library, now);
    vec![Effect::Save {
        reflection: Box::new(reflection),
        edits,
    }]
}

/// On every tick: save when the autosave rule says so (see `autosave`).
pub(super) fn autosave(app: &mut App) -> Vec<Effect> {
    match save_due(app) {
        Some(due) if app.now >= due => save_if_dirty(app),
        _ => Vec::new(),
    }
}

/// When the next save should start, if one is waiting: the runtime wakes
/// then, so a save is never late for want of a tick.
pub fn save_due(app: &App) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    let session = app.session.as_ref().filter(|s| !s.read_only)?;
    session.autosave.due()
}

/// Brings the reflection up to date with its editors (see
/// [`Session::sync_editors`]).
pub(super) fn sync_editors(app: &mut App) {
    if let Some(session) = app.session.as_mut() {
        session.sync_editors(&app.library, app.now);
    }
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
    {
        session.set_focus(Focus::Answer);
    }
}

/// New content on disk: keep the user's place (by question id) and their text.
pub(super) fn content_reloaded(app: &mut App, library: Library) -> Vec<Effect> {
    sync_editors(app);
    let selected = app.selected().map(|(p, t)| (p.id.clone(), t.id.clone()));
    let current = app
        .session
        .as_ref()
        .and_then(|s| s.current_question(&app.library))
        .map(|q| q.id.clone());
    app.library = library;
    let themes = app.library.themes().count();
    let same_theme = selected.and_then(|(pack, theme)| {
        app.library
            .themes()
            .position(|(p, t)| p.id == pack && t.id == theme)
    });
    app.selected_theme = same_theme
        .unwrap_or(app.selected_theme)
        .min(themes.saturating_sub(1));
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let questions = session.questions(&app.library);
    match current.and_then(|id| questions.iter().position(|q| q.id == id)) {
        // Same question: the editor (and anything half typed) stays as it is.
        Some(index) => session.question = index,
        // The question is gone: what was typed is already stored under its
        // id (kept, shown as "no longer in this pack"); show the new current.
        // Typing on would land in another question's answer unseen, so the
        // editor is left and the user told.
        None => {
            let was_editing = session.focus == Focus::Answer;
            session.question = session.question.min(questions.len().saturating_sub(1));
            session.load_answer(&app.library, app.now);
            if was_editing {
                session.set_focus(Focus::Browse);
                app.set_status(QUESTION_REMOVED, true);
            }
        }
    }
    Vec::new()
}
