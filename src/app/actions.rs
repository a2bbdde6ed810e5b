//! The actions list and the one-line input that adds an action and its
//! due date.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;

use super::list::step;
use super::saving::save_if_dirty;
use super::{App, Back, Effect, LineInput, LinePurpose, Popup, Screen};
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
        Command::Back => match app.screen {
            Screen::Actions {
                from: Back::Review { scroll },
            } => app.back_to_review(scroll),
            _ => app.screen = Screen::Walkthrough,
        },
        _ if session.read_only => app.set_status("This reflection is read-only here.", true),
        Command::AddAction => {
            let input = LineInput::new("New action", LinePurpose::NewAction(None));
            app.line_input = Some(input);
        }
        Command::ToggleDone if count > 0 => {
            let action = &mut session.reflection.actions[app.selected_action.min(count - 1)];
            action.done = !action.done;
            session.mark_edited(now);
        }
        Command::DeleteAction if count > 0 => {
            let index = app.selected_action.min(count - 1);
            app.popup = Some(Popup::ConfirmDelete { index });
        }
        _ => {}
    }
    save_if_dirty(app)
}

/// Y (or Delete) deletes the action asked about; any other key keeps it.
pub(super) fn confirm_delete(app: &mut App, command: Command) -> Vec<Effect> {
    let now = app.now;
    let Some(Popup::ConfirmDelete { index }) = app.popup.take() else {
        return Vec::new();
    };
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    let count = session.reflection.actions.len();
    if command != Command::Confirm || index >= count {
        let delete = key_name(Mode::ConfirmDelete, Command::Confirm);
        app.set_status(
            format!("The action is kept ({delete}, a capital, deletes it)."),
            false,
        );
        return Vec::new();
    }
    session.reflection.actions.remove(index);
    app.selected_action = step(app.selected_action, 0, count - 1);
    session.mark_edited(now);
    app.set_status("Action deleted.", false);
    save_if_dirty(app)
}

/// A key typed into the one-line input (an action's text or due date).
pub(super) fn type_line(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(input) = app.line_input.as_mut() else {
        return Vec::new();
    };
    // Enter is "keep" (bound), so the field stays one line.
    input.field.type_key(key);
    line_changed(app);
    Vec::new()
}

/// The one-line input's text changed (typed or pasted): a new action's
/// words go into the list as they are, to be saved like an answer.
pub(super) fn line_changed(app: &mut App) {
    let Some(input) = app.line_input.as_mut() else {
        return;
    };
    let LinePurpose::NewAction(draft) = input.purpose else {
        return;
    };
    let text = input.text().trim().to_owned();
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return;
    };
    let actions = &mut session.reflection.actions;
    let draft = match draft.filter(|&i| i < actions.len()) {
        Some(i) if text.is_empty() => {
            actions.remove(i);
            None
        }
        Some(i) => {
            actions[i].text = text;
            Some(i)
        }
        None if text.is_empty() => return,
        None => {
            actions.push(ActionItem {
                text,
                due: None,
                done: false,
            });
            Some(actions.len() - 1)
        }
    };
    input.purpose = LinePurpose::NewAction(draft);
    app.selected_action = draft.unwrap_or(app.selected_action);
    session.mark_edited(now);
}

/// Enter or Esc in the one-line input.
pub(super) fn line_input_done(app: &mut App, command: Command) -> Vec<Effect> {
    let Some(input) = app.line_input.take() else {
        return Vec::new();
    };
    // A complaint about what was typed goes with it.
    app.status.take_if(|s| s.text == NOT_A_DATE);
    let cancelled = command == Command::Back;
    match input.purpose {
        LinePurpose::Detail(_) if cancelled => Vec::new(),
        LinePurpose::Detail(detail) => super::details::set_text(app, detail, &input.text()),
        LinePurpose::NewAction(None) => Vec::new(),
        // A stray Esc threw a tester's typed action away, and the keys
        // after it acted on the list: it is kept, as Esc at the date does.
        LinePurpose::NewAction(Some(_)) if cancelled => {
            app.set_status("Action kept, with no due date.", false);
            save_if_dirty(app)
        }
        LinePurpose::NewAction(Some(index)) => {
            let prompt = format!(
                "Due date (YYYY-MM-DD), or {} for none; the action is kept",
                key_name(Mode::DueDate, Command::Confirm)
            );
            app.line_input = Some(LineInput::new(&prompt, LinePurpose::DueDate(index)));
            save_if_dirty(app)
        }
        LinePurpose::DueDate(_) if cancelled => {
            app.set_status("Action kept, with no due date.", false);
            Vec::new()
        }
        LinePurpose::DueDate(index) => set_due_date(app, index, input),
    }
}

/// Quitting (or the window closing) with text in the one-line input
/// keeps it, as Enter would: the action (already in the list), with its
/// due date when what was typed reads as one, or the hand-in detail.
/// Only Esc drops it.
pub(super) fn keep_line_input(app: &mut App) -> Vec<Effect> {
    let Some(input) = app.line_input.take() else {
        return Vec::new();
    };
    match input.purpose {
        LinePurpose::Detail(detail) => super::details::set_text(app, detail, &input.text()),
        LinePurpose::NewAction(_) => Vec::new(),
        LinePurpose::DueDate(index) => match due_date(input.text().trim()) {
            Some(due) => change_action(app, index, |a| a.due = Some(due)),
            None => Vec::new(),
        },
    }
}

const NOT_A_DATE: &str = "That is not a date like 2026-12-31; try again, or leave it empty.";

fn due_date(typed: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok()
}

fn set_due_date(app: &mut App, index: usize, input: LineInput) -> Vec<Effect> {
    let typed = input.text();
    let typed = typed.trim();
    match due_date(typed) {
        Some(due) => change_action(app, index, |a| a.due = Some(due)),
        None if typed.is_empty() => Vec::new(),
        None => {
            app.set_status(NOT_A_DATE, true);
            app.line_input = Some(input);
            Vec::new()
        }
    }
}

fn change_action(app: &mut App, index: usize, change: impl FnOnce(&mut ActionItem)) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.session.as_mut().filter(|s| !s.read_only) else {
        return Vec::new();
    };
    let Some(action) = session.reflection.actions.get_mut(index) else {
        return Vec::new();
    };
    change(action);
    session.mark_edited(now);
    save_if_dirty(app)
}
