//! New content on disk while the app runs: the user keeps their place (by
//! question id) and everything they typed.

use super::saving::sync_editors;
use super::session::Focus;
use super::{App, Effect};
use crate::content::Library;
use crate::keys::{Command, Mode, key_name};

fn question_removed() -> String {
    format!(
        "The question you were answering was taken out of the pack. Your answer is kept (see the review, {}). Press {} to write here.",
        key_name(Mode::Walkthrough, Command::OpenReview),
        key_name(Mode::Walkthrough, Command::EditAnswer)
    )
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
        .map(|q| q.id.clone());
    app.library = library;
    select_theme_again(app, selected);
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
                app.set_status(question_removed(), true);
            }
        }
    }
    Vec::new()
}
