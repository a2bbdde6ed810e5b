//! When the open reflection is saved and what its save outcomes do: the
//! autosave rule itself is `crate::autosave`.

use super::{App, Effect};

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

pub(super) fn saved(app: &mut App, id: &str, edits: u64) {
    let Some(session) = app.session.as_mut().filter(|s| s.reflection.id == id) else {
        return;
    };
    session.autosave.saved(edits);
    let copy = session.reflection.clone();
    super::history::saved(app, copy);
    app.status
        .take_if(|s| s.is_error && s.text.starts_with(SAVE_FAILED));
}

const SAVE_FAILED: &str = "Could not save";

pub(super) fn save_failed(app: &mut App, id: &str, error: String) {
    if let Some(session) = app.session.as_mut().filter(|s| s.reflection.id == id) {
        session.autosave.failed(error.clone());
    }
    app.set_status(
        format!("{SAVE_FAILED}: {error}. Your text is kept here and will be saved again shortly."),
        true,
    );
}

/// Brings the reflection up to date with its editors (see
/// [`Session::sync_editors`]).
pub(super) fn sync_editors(app: &mut App) {
    if let Some(session) = app.session.as_mut() {
        session.sync_editors(&app.library, app.now);
    }
}
