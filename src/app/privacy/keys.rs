//! What the check's keys do: Ctrl-G to the next mark, Ctrl-O to say the
//! one at the cursor is fine.

use super::*;
use crate::keys::{Command, Mode, key_name};

/// Brings the marks up to date before a key acts on them.
fn freshen(app: &mut App) {
    if let Some(session) = app.session.as_mut()
        && (session.marks.typed_at.is_some() || session.marks.rerun)
    {
        run(session, &mut app.identifying, &app.library, app.now);
    }
}

const OFF: &str = "The identifying-details check is off (identifying_check in config.toml).";

/// Ctrl-G: the cursor goes to the next mark after it, round to the first.
pub(in crate::app) fn next_mark(app: &mut App) {
    if !app.identifying.enabled {
        return app.set_status(OFF, false);
    }
    freshen(app);
    let Some(session) = app.session.as_mut() else {
        return;
    };
    let cursor = editor(session).cursor();
    let starts: Vec<(usize, usize)> = session
        .marks
        .items
        .iter()
        .map(|m| (m.line, char_range(editor(session), m).0))
        .collect();
    let Some(index) = starts
        .iter()
        .position(|&start| start > cursor)
        .or((!starts.is_empty()).then_some(0))
    else {
        return app.set_status("Nothing here is marked as possibly identifying.", false);
    };
    let (line, col) = starts[index];
    editor_mut(session).move_cursor_to(line, col);
    let kind = session.marks.items[index].kind;
    let message = format!(
        "{} of {}: {}. Change it, or press {} if it is fine.",
        index + 1,
        starts.len(),
        kind.one(),
        key_name(Mode::Editor, Command::MarkFine)
    );
    app.set_status(message, false);
}

/// Ctrl-O: the mark at the cursor is fine; remembered with this answer
/// (or the notes), so it is not marked again while it is there.
pub(in crate::app) fn mark_fine(app: &mut App) {
    if !app.identifying.enabled {
        return app.set_status(OFF, false);
    }
    freshen(app);
    let Some(session) = app.session.as_mut() else {
        return;
    };
    if session.read_only {
        return app.set_status("This reflection is read-only here.", true);
    }
    let Some(mark) = session
        .marks
        .at(editor(session).cursor(), editor(session))
        .cloned()
    else {
        let hint = format!(
            "The cursor is not on a marked detail: {} goes to the next one.",
            key_name(Mode::Editor, Command::NextMark)
        );
        return app.set_status(hint, false);
    };
    remember_fine(session, &mark, &app.library, app.now);
    run(session, &mut app.identifying, &app.library, app.now);
    let left = session.marks.items.len();
    let place = match session.marks.shown {
        Shown::Answer => "this answer",
        Shown::Notes => "your notes",
    };
    let message = format!(
        "Marked as fine: {} in {place} is not marked again. {left} still marked here.",
        mark.kind.one()
    );
    app.set_status(message, false);
}

/// Keeps a fine mark with the answer on screen (or the notes).
fn remember_fine(session: &mut Session, mark: &Mark, library: &Library, now: Moment) {
    session.sync_editors(library, now);
    let fine = marks::fine(mark.kind, &mark.text);
    match session.marks.shown {
        Shown::Notes => session.reflection.notes_fine.push(fine),
        Shown::Answer => {
            let Some(question) = session.current_question(library) else {
                return;
            };
            let (key, wording) = (session.key(question).to_string(), question.text.clone());
            let answer = session.reflection.answer_mut_or_insert(&key, &wording, now);
            answer.fine.push(fine);
        }
    }
    session.mark_edited(now);
    session.marks.review_stale = true;
}
