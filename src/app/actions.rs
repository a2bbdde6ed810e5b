//! The actions list and the one-line input that adds an action and its
//! due date.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::list::step;
use super::saving::save_if_dirty;
use super::{App, Effect, LineInput, Screen};
use crate::keys::{Command, Mode, key_name};
use crate::store::Action as ActionItem;

pub(super) fn actions(app: &mut App, command: Command) -> Vec<Effect> {
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
    input.field.type_key(key);
    Vec::new()
}

/// Enter or Esc in the one-line input.
pub(super) fn line_input_done(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(mut input) = app.line_input.take() else {
        return Vec::new();
    };
    if command == Command::Back {
        // Cancelled: a complaint about what was typed goes with it.
        app.status.take_if(|s| s.text == NOT_A_DATE);
        return Vec::new();
    }
    if let Some(detail) = input.detail {
        return super::details::set_text(app, detail, &input.text());
    }
    match input.pending_text.take() {
        None if input.field.is_blank() => {}
        None => {
            let text = input.text().trim().to_owned();
            let prompt = format!(
                "Due date (YYYY-MM-DD), or {} for none",
                key_name(Mode::LineInput, Command::Confirm)
            );
            app.line_input = Some(LineInput::new(&prompt, Some(text)));
        }
        Some(text) => return add_action(app, text, input),
    }
    Vec::new()
}

/// Quitting (or the window closing) with text in the one-line input
/// keeps it, as Enter would: the action, with its due date when what was
/// typed reads as one, or the hand-in detail. Only Esc drops it.
pub(super) fn keep_line_input(app: &mut App) -> Vec<Effect> {
    let Some(mut input) = app.line_input.take() else {
        return Vec::new();
    };
    if let Some(detail) = input.detail {
        return super::details::set_text(app, detail, &input.text());
    }
    let typed = input.text().trim().to_owned();
    match input.pending_text.take() {
        Some(text) => push_action(app, text, due_date(&typed)),
        None if typed.is_empty() => Vec::new(),
        None => push_action(app, typed, None),
    }
}

const NOT_A_DATE: &str = "That is not a date like 2026-12-31; try again, or leave it empty.";

fn due_date(typed: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok()
}

fn add_action(app: &mut App, text: String, input: LineInput) -> Vec<Effect> {
    let typed = input.text();
    let typed = typed.trim();
    let due = due_date(typed);
    if due.is_none() && !typed.is_empty() {
        app.set_status(NOT_A_DATE, true);
        app.line_input = Some(LineInput {
            pending_text: Some(text),
            ..input
        });
        return Vec::new();
    }
    push_action(app, text, due)
}

fn push_action(app: &mut App, text: String, due: Option<NaiveDate>) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
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
