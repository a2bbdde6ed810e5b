//! `update`: the only place app state changes. Pure: effects are returned
//! for the runtime to carry out, and the clock arrives as `Action::Tick`.
//! What each action does lives beside its screen: `browse`, `walk`,
//! `actions`, `saving`, `quit`, `reload`, `group`.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::{
    Action, App, Effect, Mode, Quit, Screen, actions, browse, carried, group, privacy, quit,
    reload, review, saving, walk,
};
use crate::keys::{self, Command};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // A key's turn does only what the key asks: the check's waiting work
    // is done when the clock says it is due (the runtime wakes for it).
    let by_clock = matches!(action, Action::Tick(_));
    let effects = act(app, action);
    privacy::settle(app, by_clock);
    reload::settle(app);
    effects
}

fn act(app: &mut App, action: Action) -> Vec<Effect> {
    if let Action::Paste(text) = &action
        && text.len() <= MAX_PASTE_BYTES
    {
        // A paste taken: an earlier one's refusal no longer applies.
        forget_refusal(app);
    }
    match action {
        Action::Key(key) if key.kind == KeyEventKind::Press => return on_key(app, key),
        Action::Key(_) => {}
        Action::Paste(text) if text.len() > MAX_PASTE_BYTES => refuse_paste(app, &text),
        Action::Paste(text) if app.group.is_some() => return group::paste(app, &text),
        // Unseen, a paste lands only where text is being written.
        Action::Paste(_) if app.window_too_small() && !app.mode().takes_text() => {}
        Action::Paste(text) => return walk::paste(app, &text),
        Action::Tick(now) => {
            app.now = now;
            let mut effects = saving::autosave(app);
            effects.extend(group::tick(app));
            return effects;
        }
        Action::ScrollLimit(_) | Action::Resize(..) => return screen_measured(app, &action),
        Action::GroupOpened(_)
        | Action::GroupOpenFailed(_)
        | Action::GroupSaved { .. }
        | Action::GroupSaveFailed { .. } => {
            let effects = group::outcome(app, action);
            quit::saved_since_refusal(app);
            return effects;
        }
        Action::ContentReloaded(library) => {
            app.identifying.content_changed();
            let effects = reload::content_reloaded(app, *library);
            if let Some(session) = app.session.as_mut() {
                session.marks.rerun();
            }
            group::content_reloaded(app);
            return effects;
        }
        Action::ContentLoaded(library) => app.library = *library,
        Action::Notice(notice) => app.notices.push(notice),
        Action::FormsLoaded(forms) => app.forms = Some(*forms),
        Action::HistoryLoaded(history) => super::history::loaded(app, history),
        Action::SavesFinished => return quit::saves_finished(app),
        Action::Terminate => return quit::terminate(app),
        Action::SessionOpened(_)
        | Action::SessionFailed(_)
        | Action::Saved { .. }
        | Action::SaveFailed { .. }
        | Action::Exported(_)
        | Action::ExportFailed(_)
        | Action::EarlierMarkedDone(_)
        | Action::EarlierMarkFailed(_)
        | Action::ReadOnlyChanged(_)
        | Action::NowWritable(_) => return runtime_outcome(app, action),
    }
    Vec::new()
}

/// The screen's size, or how far its text scrolls, as last drawn.
fn screen_measured(app: &mut App, action: &Action) -> Vec<Effect> {
    match *action {
        Action::ScrollLimit(limits) => {
            app.scroll_limits = limits;
            if let Some(session) = app.session.as_mut().filter(|_| limits.fit_editors) {
                session.answer_editor.fit_to_box();
                session.notes_editor.fit_to_box();
            }
            app.scroll = app.scroll.min(limits.text);
            app.help = app.help.map(|s| s.min(limits.help));
        }
        Action::Resize(width, height) => {
            app.size = (width, height);
            if let Some(session) = app.group.as_mut() {
                session.resize(width, height);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// What the runtime reports about the private reflection's files.
fn runtime_outcome(app: &mut App, outcome: Action) -> Vec<Effect> {
    match outcome {
        Action::SessionOpened(opened) => return walk::open_session(app, *opened),
        Action::Saved { id, edits } => {
            saving::saved(app, &id, edits);
            quit::saved_since_refusal(app);
        }
        Action::SaveFailed { id, error } => saving::save_failed(app, &id, error),
        Action::SessionFailed(error) => app.set_status(error, true),
        Action::Exported(outcome) => review::exported(app, &outcome),
        Action::ExportFailed(error) => app.set_status(format!("Could not export: {error}"), true),
        Action::EarlierMarkedDone(reflection) => carried::marked(app, *reflection),
        Action::EarlierMarkFailed(error) => app.set_status(error, true),
        Action::ReadOnlyChanged(reflection) => walk::read_only_changed(app, *reflection),
        Action::NowWritable(reflection) => walk::now_writable(app, *reflection),
        _ => {}
    }
    Vec::new()
}

/// The largest paste taken: far more than any answer, far less than a
/// reflection file can hold (a file too large to read back would hide
/// the whole reflection).
const MAX_PASTE_BYTES: usize = 1024 * 1024;

/// A refused paste's message goes.
fn forget_refusal(app: &mut App) {
    let refused = |text: &str| text.starts_with(PASTE_REFUSED);
    app.status.take_if(|s| refused(&s.text));
    if let Some(group) = app.group.as_mut()
        && group.status().is_some_and(refused)
    {
        group.set_status(None);
    }
}

const PASTE_REFUSED: &str = "That paste is";

fn refuse_paste(app: &mut App, text: &str) {
    let size = crate::text::megabytes(text.len());
    let message = format!(
        "{PASTE_REFUSED} {size}, more than reflect takes at once (1 MB), so nothing was pasted. Keep it in a document of its own, or paste the part you need."
    );
    match app.group.as_mut() {
        Some(group) => group.set_status(Some(message)),
        None => app.set_status(message, true),
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let mode = app.mode();
    let context = app
        .group
        .as_ref()
        .map(|g| g.key_context())
        .unwrap_or_default();
    let command = keys::command_for(mode, context, &key);
    if app.group.is_some() && mode != Mode::Help {
        return match command {
            Some(Command::Quit) => quit::quit(app),
            command => group::key(app, key, command),
        };
    }
    let quits = matches!(command, Some(Command::Quit | Command::QuitOutsideEditor));
    // The group view draws at any size; the private screens need room.
    // Below it, commands wait (unseen, one could delete an action), but
    // typing goes on into the text being written: a tester's was lost.
    let typing = command.is_none() && mode.takes_text();
    if app.group.is_none() && app.window_too_small() && !quits && !typing {
        return Vec::new();
    }
    if let Some(command) = command {
        before_command(app, command, mode);
    }
    match (command, mode) {
        (Some(Command::Quit | Command::QuitOutsideEditor), _) => quit::quit(app),
        (Some(Command::Help), _) => {
            app.help = Some(0);
            Vec::new()
        }
        (Some(command), Mode::Help) => help(app, command),
        (Some(Command::Back), Mode::Earlier) => {
            app.popup = None;
            Vec::new()
        }
        (None, Mode::Editor) => walk::type_key(app, key),
        (None, Mode::LineInput | Mode::DueDate) => actions::type_line(app, key),
        (Some(command), Mode::LineInput | Mode::DueDate) => actions::line_input_done(app, command),
        (Some(command), Mode::Home) => browse::home(app, command),
        (Some(command), Mode::Overview) => browse::overview(app, command),
        (Some(command), Mode::Conclusion) => match app.screen {
            Screen::Conclusion { from } => browse::conclusion(app, command, from),
            _ => Vec::new(),
        },
        (Some(command), Mode::Theme) => browse::theme(app, command),
        (Some(command), Mode::ConfirmDelete) => actions::confirm_delete(app, command),
        (Some(command), _) => in_reflection(app, command),
        (None, _) => Vec::new(),
    }
}

/// A command on one of the screens inside an open reflection.
fn in_reflection(app: &mut App, command: Command) -> Vec<Effect> {
    match app.screen {
        Screen::Walkthrough => walk::walkthrough(app, command),
        Screen::Actions { .. } => actions::actions(app, command),
        Screen::Review => review::command(app, command),
        Screen::Home | Screen::Theme | Screen::Overview | Screen::Conclusion { .. } => Vec::new(),
    }
}

/// Any command: the editors' text is brought into the reflection, a quit
/// that was refused is forgotten (unless this is the second quit), and the
/// last message goes (except while typing, where it may be about the text).
fn before_command(app: &mut App, command: Command, mode: Mode) {
    saving::sync_editors(app);
    if app.quit == Quit::Refused && command != Command::Quit {
        app.quit = Quit::Staying;
    }
    if !matches!(mode, Mode::Editor | Mode::LineInput | Mode::DueDate) {
        // A start-up notice on screen gives way to the next; the last stays.
        let notice_shown = app.status.is_none() && !app.library.has_errors();
        if notice_shown && app.notices.len() > 1 {
            app.notices.remove(0);
        }
        app.status = None;
    }
}

/// Help scrolls, as far as its text goes; any other key closes it.
fn help(app: &mut App, command: Command) -> Vec<Effect> {
    app.help = match command {
        Command::Down => {
            let most = app.scroll_limits.help;
            app.help.map(|s| s.saturating_add(1).min(most))
        }
        Command::Up => app.help.map(|s| s.saturating_sub(1)),
        _ => None,
    };
    Vec::new()
}
