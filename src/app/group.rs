//! The group view inside the app: keys, pastes, ticks and save outcomes
//! reach the [`GroupSession`], and what it asks for (saves, the end of the
//! session) becomes the app's effects.
//!
//! The session is built from the theme's public content and the group's
//! record (see [`opened`]); nothing private goes in.

use crossterm::event::KeyEvent;

use super::{Action, App, Effect, GroupRequest, OpenedGroup, Quit, Screen, SessionRequest};
use crate::group::{GroupAudience, GroupEffect, GroupSession};
use crate::keys::Command;
use crate::store::GroupRecord;
use crate::words::Audience;

/// `g` on a theme: present it, for the audience on screen.
pub(super) fn present(request: &SessionRequest) -> Effect {
    let audience = match request.audience {
        Audience::Practitioner => GroupAudience::Practitioner,
        Audience::Leader => GroupAudience::Leader,
    };
    Effect::OpenGroup(GroupRequest {
        pack: request.pack.clone(),
        theme: request.theme.clone(),
        audience,
    })
}

/// The runtime found or started the group's record: the view opens.
fn opened_view(app: &mut App, request: &GroupRequest, record: GroupRecord) -> Vec<Effect> {
    let Some(pack) = app.library.pack(&request.pack) else {
        return failed(app, format!("the pack `{}` is not loaded", request.pack));
    };
    let Some(theme) = pack.theme(&request.theme) else {
        return failed(app, format!("the theme `{}` is not loaded", request.theme));
    };
    let session = GroupSession::new(
        pack,
        theme,
        request.audience,
        app.group_minutes,
        record,
        app.size,
        app.now,
    );
    app.group = Some(session);
    app.help = None;
    app.popup = None;
    Vec::new()
}

fn failed(app: &mut App, error: String) -> Vec<Effect> {
    app.set_status(format!("Could not open the group view: {error}"), true);
    if app.group_only {
        return end_group_only(app);
    }
    Vec::new()
}

/// A key while the group view is on screen (help and quitting aside),
/// with the command the key table gave it.
pub(super) fn key(app: &mut App, key: KeyEvent, command: Option<Command>) -> Vec<Effect> {
    let Some(session) = app.group.as_mut() else {
        return Vec::new();
    };
    let mode = session.mode().key_mode();
    let now = app.now;
    match command {
        Some(Command::Help) => app.help = Some(0),
        Some(command) => {
            let effects = session.command(command, now);
            return follow(app, effects);
        }
        None if mode.takes_text() => session.type_key(key, now),
        None if mode == crate::keys::Mode::ConfirmDiscard => session.keep_writing(key, now),
        None => {}
    }
    Vec::new()
}

pub(super) fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let now = app.now;
    if let Some(session) = app.group.as_mut() {
        session.paste(text, now);
    }
    Vec::new()
}

/// What the runtime reports about the group's record.
pub(super) fn outcome(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::GroupOpened(opened) => {
            let OpenedGroup {
                request,
                record,
                notices,
            } = *opened;
            let effects = opened_view(app, &request, record);
            // Told briefly on the shared screen (no folder names on a
            // projector), in full on the home screen afterwards.
            if let Some(session) = app.group.as_mut().filter(|_| !notices.is_empty()) {
                session.tell_files_set_aside();
            }
            app.notices.extend(notices);
            effects
        }
        Action::GroupOpenFailed(error) => failed(app, error),
        Action::GroupSaved { id, edits } => saved(app, &id, edits),
        Action::GroupSaveFailed { id, error } => {
            save_failed(app, &id, &error);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub(super) fn tick(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let effects = app.group.as_mut().map(|s| s.tick(now)).unwrap_or_default();
    follow(app, effects)
}

fn saved(app: &mut App, id: &str, edits: u64) -> Vec<Effect> {
    let session = app.group.as_mut().filter(|s| s.record().id == id);
    let effects = session.map(|s| s.saved(edits)).unwrap_or_default();
    follow(app, effects)
}

fn save_failed(app: &mut App, id: &str, error: &str) {
    if let Some(session) = app.group.as_mut().filter(|s| s.record().id == id) {
        session.save_failed(error);
    }
}

/// Quitting or closing the window with the group view open: the record is
/// saved (a note being typed kept as a note on a quit, as a draft on a
/// closed window).
pub(super) fn on_quit(app: &mut App, closing: bool) -> Vec<Effect> {
    let now = app.now;
    let Some(session) = app.group.as_mut() else {
        return Vec::new();
    };
    let effects = if closing {
        session.end_now(now)
    } else {
        session.command(Command::Quit, now)
    };
    effects.into_iter().filter_map(save_effect).collect()
}

/// The group's record is not safely on disk yet.
pub(super) fn unsaved(app: &App) -> bool {
    app.group
        .as_ref()
        .is_some_and(|s| s.autosave.state != crate::autosave::SaveState::Saved)
}

/// The session's effects as the app's: saves go to the runtime; the end
/// of the session closes the view (or, for `reflect group`, the app).
fn follow(app: &mut App, effects: Vec<GroupEffect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for effect in effects {
        match effect {
            GroupEffect::End => out.extend(close(app)),
            other => out.extend(save_effect(other)),
        }
    }
    out
}

fn save_effect(effect: GroupEffect) -> Option<Effect> {
    match effect {
        GroupEffect::Save { record, edits } => Some(Effect::SaveGroup { record, edits }),
        GroupEffect::End => None,
    }
}

fn close(app: &mut App) -> Vec<Effect> {
    if app.group_only {
        return end_group_only(app);
    }
    let Some(session) = app.group.take() else {
        return Vec::new();
    };
    app.help = None;
    app.screen = Screen::Theme;
    vec![Effect::CloseGroup {
        id: session.record().id.clone(),
    }]
}

/// New content on disk: the same place in the deck with the edited words;
/// while a file is broken, the last good content stays and the problem is
/// shown.
pub(super) fn content_reloaded(app: &mut App) {
    let Some(session) = app.group.as_mut() else {
        return;
    };
    let (pack, theme) = (
        session.record().pack.clone(),
        session.record().theme.clone(),
    );
    if let Some(pack) = app.library.pack(&pack)
        && let Some(theme) = pack.theme(&theme)
    {
        session.replace_content(pack, theme);
    }
    let problem = app.library.diagnostics.iter().find(|d| d.is_error());
    let showing = session
        .status()
        .is_some_and(|s| s.starts_with(CONTENT_PROBLEM));
    match problem {
        Some(d) => session.set_status(Some(format!(
            "{CONTENT_PROBLEM}: {}: {}",
            d.location(),
            d.message
        ))),
        None if showing => session.set_status(None),
        None => {}
    }
}

const CONTENT_PROBLEM: &str = "Content problem, showing the last good version";

/// `reflect group` ends with its session: there is nothing private open,
/// and the group's record is saved (or its save refused the ending).
fn end_group_only(app: &mut App) -> Vec<Effect> {
    app.quit = Quit::Asked;
    vec![Effect::Quit]
}
