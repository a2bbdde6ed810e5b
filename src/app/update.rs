//! `update`: the only place app state changes. Pure: effects are returned
//! for the runtime to carry out, and the clock arrives as `Action::Tick`.

use crossterm::event::{KeyEvent, KeyEventKind};

use super::group;
use super::list::step;
use super::session::Session;
use super::update_session as walk;
use super::{
    Action, App, Effect, HomeFocus, OpenedSession, Quit, Screen, SessionAccess, SessionRequest,
};
use crate::autosave::SaveState;
use crate::keys::{self, Command, Context, Mode};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) if key.kind == KeyEventKind::Press => on_key(app, key),
        Action::Key(_) => Vec::new(),
        Action::Paste(text) if app.group.is_some() => {
            group::paste(app, &text);
            Vec::new()
        }
        Action::Paste(text) => walk::paste(app, &text),
        Action::Tick(now) => {
            app.now = now;
            let mut effects = walk::autosave(app);
            effects.extend(group::tick(app));
            effects
        }
        Action::ScrollLimit(limit) => {
            app.scroll_limit = limit;
            app.scroll = app.scroll.min(limit);
            Vec::new()
        }
        Action::Resize(width, height) => {
            app.size = (width, height);
            if let Some(session) = app.group.as_mut() {
                session.resize(width, height);
            }
            Vec::new()
        }
        Action::GroupOpened(opened) => group::opened(app, &opened.request, opened.record),
        Action::GroupOpenFailed(error) => group::failed(app, error),
        Action::GroupSaved { id, edits } => group::saved(app, &id, edits),
        Action::GroupSaveFailed { id, error } => {
            group::save_failed(app, &id, &error);
            Vec::new()
        }
        Action::SessionOpened(opened) => open_session(app, opened),
        Action::SessionFailed(error) => {
            app.set_status(error, true);
            Vec::new()
        }
        Action::Saved { id, edits } => saved(app, &id, edits),
        Action::SaveFailed { id, error } => save_failed(app, &id, error),
        Action::Exported(path) => {
            app.set_status(
                format!("Supervision sheet saved to {}", path.display()),
                false,
            );
            Vec::new()
        }
        Action::ExportFailed(error) => {
            app.set_status(format!("Could not export: {error}"), true);
            Vec::new()
        }
        Action::ContentReloaded(library) => {
            let effects = walk::content_reloaded(app, *library);
            group::content_reloaded(app);
            effects
        }
        Action::HistoryLoaded(history) => {
            app.history = history;
            Vec::new()
        }
        Action::SavesFinished => saves_finished(app),
        Action::Terminate => {
            app.quit = Quit::Anyway;
            let mut effects = group::on_quit(app, true);
            effects.extend(quit(app));
            effects
        }
    }
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let mode = app.mode();
    let on_question = app.group.as_ref().is_some_and(|g| g.on_question());
    let command = keys::command_for(mode, Context { on_question }, &key);
    if app.group.is_some() && mode != Mode::Help {
        return match command {
            Some(Command::Quit) => quit(app),
            command => group::key(app, key, command),
        };
    }
    if command.is_some() {
        walk::sync_editors(app);
    }
    if app.quit == Quit::Refused && !matches!(command, Some(Command::Quit)) {
        app.quit = Quit::Staying;
    }
    if command.is_some() && !matches!(mode, Mode::Editor | Mode::LineInput) {
        app.status = None;
    }
    match (command, mode) {
        (Some(Command::Quit | Command::QuitOutsideEditor), _) => quit(app),
        (Some(Command::Help), _) => {
            app.help_open = true;
            app.help_scroll = 0;
            Vec::new()
        }
        (Some(Command::Down), Mode::Help) => {
            let most = keys::help::max_scroll(app.mode_beneath_help(), app.size);
            app.help_scroll = app.help_scroll.saturating_add(1).min(most);
            Vec::new()
        }
        (Some(Command::Up), Mode::Help) => {
            app.help_scroll = app.help_scroll.saturating_sub(1);
            Vec::new()
        }
        (Some(_), Mode::Help) => {
            app.help_open = false;
            Vec::new()
        }
        (Some(Command::Back), Mode::Earlier) => {
            app.earlier_open = false;
            Vec::new()
        }
        (None, Mode::Editor) => walk::type_key(app, key),
        (None, Mode::LineInput) => walk::type_line(app, key),
        (Some(command), Mode::LineInput) => walk::line_input_done(app, command),
        (Some(command), Mode::Home) => home(app, command),
        (Some(command), Mode::Theme) => theme(app, command),
        (Some(command), _) => walk::command(app, command),
        (None, _) => Vec::new(),
    }
}

/// Saves what is open, then asks the runtime to finish saving; the
/// outcome decides whether the app ends ([`saves_finished`]).
pub(super) fn quit(app: &mut App) -> Vec<Effect> {
    app.quit = match app.quit {
        Quit::Refused | Quit::Anyway => Quit::Anyway,
        Quit::Staying | Quit::Asked => Quit::Asked,
    };
    let mut effects = if app.quit == Quit::Asked {
        group::on_quit(app, false)
    } else {
        Vec::new()
    };
    effects.extend(walk::save_if_dirty(app));
    effects.push(Effect::Quit);
    effects
}

/// A quit whose last save failed (or never reported back) is refused
/// once: the text is only in memory, and quitting would lose it unseen.
fn saves_finished(app: &mut App) -> Vec<Effect> {
    let unsaved = app
        .session
        .as_ref()
        .is_some_and(|s| s.autosave.state != SaveState::Saved && !s.read_only)
        || group::unsaved(app);
    match app.quit {
        Quit::Asked if unsaved => {
            app.quit = Quit::Refused;
            app.set_status(QUIT_REFUSED, true);
            if let Some(session) = app.group.as_mut() {
                session.set_status(Some(QUIT_REFUSED.into()));
            }
            Vec::new()
        }
        Quit::Asked | Quit::Anyway => vec![Effect::Exit],
        Quit::Staying | Quit::Refused => Vec::new(),
    }
}

const QUIT_REFUSED: &str = "Your reflection could NOT be saved (see above). Free some space or fix the folder, or press Ctrl-Q again to quit without saving.";

fn home(app: &mut App, command: Command) -> Vec<Effect> {
    let themes = app.library.themes().count();
    let reflections = app.history.len();
    match (command, app.home_focus) {
        (Command::Down, HomeFocus::Themes) => {
            app.selected_theme = step(app.selected_theme, 1, themes)
        }
        (Command::Up, HomeFocus::Themes) => {
            app.selected_theme = step(app.selected_theme, -1, themes)
        }
        (Command::Down, HomeFocus::Reflections) => {
            app.selected_reflection = step(app.selected_reflection, 1, reflections)
        }
        (Command::Up, HomeFocus::Reflections) => {
            app.selected_reflection = step(app.selected_reflection, -1, reflections)
        }
        (Command::SwitchFocus, HomeFocus::Themes) if reflections > 0 => {
            app.home_focus = HomeFocus::Reflections
        }
        (Command::SwitchFocus, _) => app.home_focus = HomeFocus::Themes,
        (Command::Open, HomeFocus::Themes) if themes > 0 => {
            app.screen = Screen::Theme;
            app.scroll = 0;
        }
        (Command::Open, HomeFocus::Reflections) => return open_past_reflection(app),
        _ => {}
    }
    Vec::new()
}

fn open_past_reflection(app: &mut App) -> Vec<Effect> {
    let Some(reflection) = app.history.get(app.selected_reflection) else {
        return Vec::new();
    };
    let request = SessionRequest {
        pack: reflection.pack.clone(),
        theme: reflection.theme.clone(),
        audience: reflection.audience,
        resume: true,
        id: Some(reflection.id.clone()),
    };
    let mut effects = walk::save_if_dirty(app);
    effects.push(Effect::OpenSession(request));
    effects
}

fn theme(app: &mut App, command: Command) -> Vec<Effect> {
    let Some((pack, theme)) = app.selected() else {
        app.screen = Screen::Home;
        return Vec::new();
    };
    let (pack, theme) = (pack.id.clone(), theme.id.clone());
    match command {
        Command::Back => app.screen = Screen::Home,
        Command::ToggleAudience => {
            app.audience = app.audience.other();
            app.scroll = 0;
        }
        Command::Down => app.scroll = app.scroll.saturating_add(1).min(app.scroll_limit),
        Command::Up => app.scroll = app.scroll.saturating_sub(1),
        Command::Open if walk::session_matches(app, &pack, &theme) => walk::enter_walkthrough(app),
        Command::PresentToGroup => {
            let request = SessionRequest {
                pack,
                theme,
                audience: app.audience,
                resume: false,
                id: None,
            };
            let mut effects = walk::save_if_dirty(app);
            effects.push(group::present(&request));
            return effects;
        }
        Command::Open | Command::StartNew => {
            let request = SessionRequest {
                pack,
                theme,
                audience: app.audience,
                resume: command == Command::Open,
                id: None,
            };
            let mut effects = walk::save_if_dirty(app);
            effects.push(Effect::OpenSession(request));
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

fn open_session(app: &mut App, opened: OpenedSession) -> Vec<Effect> {
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
    session.question = session.first_unanswered(&app.library);
    session.load_answer(&app.library, app.now);
    app.audience = session.reflection.audience;
    if let Some(index) = app
        .library
        .themes()
        .position(|(p, t)| p.id == session.reflection.pack && t.id == session.reflection.theme)
    {
        app.selected_theme = index;
    }
    match &opened.access {
        SessionAccess::OpenElsewhere => app.set_status("This reflection is open in another copy of reflect, so it is shown read-only here. Press N on the theme screen to start a new one.", true),
        SessionAccess::Unwritable(why) => app.set_status(format!("Shown read-only: {why}."), true),
        SessionAccess::Editable => {}
    }
    if opened.access == SessionAccess::Editable && opened.resumed {
        app.set_status("Carrying on where you stopped.", false);
    }
    app.session = Some(session);
    app.scroll = 0;
    if opened.show_review {
        app.screen = Screen::Review;
    } else {
        walk::enter_walkthrough(app);
    }
    effects
}

fn saved(app: &mut App, id: &str, edits: u64) -> Vec<Effect> {
    if let Some(session) = app.session.as_mut().filter(|s| s.reflection.id == id) {
        session.autosave.saved(edits);
        if session.autosave.state == SaveState::Saved && app.quit == Quit::Refused {
            app.quit = Quit::Staying;
        }
        let copy = session.reflection.clone();
        app.history.retain(|r| r.id != copy.id);
        app.history.insert(0, copy);
        if app
            .status
            .as_ref()
            .is_some_and(|s| s.is_error && s.text.starts_with(SAVE_FAILED))
        {
            app.status = None;
        }
    }
    Vec::new()
}

const SAVE_FAILED: &str = "Could not save";

fn save_failed(app: &mut App, id: &str, error: String) -> Vec<Effect> {
    if let Some(session) = app.session.as_mut().filter(|s| s.reflection.id == id) {
        session.autosave.failed(error.clone());
    }
    app.set_status(
        format!("{SAVE_FAILED}: {error}. Your text is kept here and will be saved again shortly."),
        true,
    );
    Vec::new()
}
