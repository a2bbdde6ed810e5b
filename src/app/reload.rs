//! New content on disk while the app runs: the user keeps their place (by
//! question id) and everything they typed.

use super::saving::sync_editors;
use super::session::Focus;
use super::{App, Effect};
use crate::content::Library;
use crate::keys::{Command, Mode, key_name};

fn question_removed() -> String {
    format!(
        "This question was taken out of the pack. What you write here is kept with it; {} goes back to the pack's questions.",
        key_name(Mode::Editor, Command::LeaveEditor),
    )
}

/// Once the question taken out is left (or put back), saying so would
/// only hide what comes next (a content problem, say).
pub(super) fn settle(app: &mut App) {
    let taken_out = app.session.as_ref().is_some_and(|s| s.taken_out.is_some());
    if !taken_out && app.status.as_ref().is_some_and(|s| s.is_error) {
        app.status.take_if(|s| s.text == question_removed());
    }
}

/// The theme selected before, where the new content still has it.
fn select_theme_again(app: &mut App, selected: Option<(String, String)>) {
    let themes = app.library.themes().count();
    let same_theme = selected.and_then(|(pack, theme)| {
        app.library
            .themes()
            .position(|(p, t)| p.id == pack && t.id == theme)
    });
    app.selected_theme = same_theme
        .unwrap_or(app.selected_theme)
        .min(themes.saturating_sub(1));
}

/// New content on disk: keep the user's place (by question id) and their text.
pub(super) fn content_reloaded(app: &mut App, library: Library) -> Vec<Effect> {
    sync_editors(app);
    let selected = app.selected().map(|(p, t)| (p.id.clone(), t.id.clone()));
    let current = app
        .session
        .as_ref()
        .and_then(|s| s.current_question(&app.library))
        .cloned();
    app.library = library;
    select_theme_again(app, selected);
    let Some(session) = app.session.as_mut() else {
        return Vec::new();
    };
    let questions = session.questions(&app.library);
    let position = current
        .as_ref()
        .and_then(|current| questions.iter().position(|q| q.id == current.id));
    match (position, current) {
        // Same question (or one taken out, back again): the editor, and
        // anything half typed, stays as it is.
        (Some(index), _) => {
            session.question = index;
            session.taken_out = None;
        }
        // The question being answered is gone. Someone typing on must not
        // find their words run as commands, nor land in another question's
        // answer: the box stays on the question taken out, whose answer is
        // kept under its id (the review shows it "no longer in this pack").
        (None, Some(mut question)) if session.focus == Focus::Answer => {
            session.question = session.question.min(questions.len().saturating_sub(1));
            // Its links to learning were numbers into the old pack's list,
            // which the edit may have changed: the theme's learning shows.
            question.learning.clear();
            session.taken_out = Some(question);
            app.set_status(question_removed(), true);
        }
        // Not being written in: the question now in its place is shown.
        (None, _) => {
            session.question = session.question.min(questions.len().saturating_sub(1));
            session.load_answer(&app.library, app.now);
        }
    }
    Vec::new()
}
