//! The home screen and a theme's screen: choosing a theme, a reflection,
//! an audience; starting a walkthrough or the group view.

use super::group;
use super::list::step;
use super::saving::save_if_dirty;
use super::walk::{enter_walkthrough, session_matches};
use super::{App, ConclusionFrom, Effect, HomeFocus, Screen, SessionRequest};
use crate::keys::Command;

pub(super) fn home(app: &mut App, command: Command) -> Vec<Effect> {
    let themes = app.library.themes().count();
    let reflections = app.summaries.len();
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
        (Command::OpenOverview, _) => app.show(Screen::Overview),
        (Command::Open, HomeFocus::Themes) if themes > 0 => app.show(Screen::Theme),
        (Command::Open, HomeFocus::Reflections) => return open_past_reflection(app),
        _ => {}
    }
    Vec::new()
}

fn open_past_reflection(app: &mut App) -> Vec<Effect> {
    let Some(reflection) = app.summaries.get(app.selected_reflection) else {
        return Vec::new();
    };
    let request = SessionRequest {
        pack: reflection.pack.clone(),
        theme: reflection.theme.clone(),
        audience: reflection.audience,
        resume: true,
        id: Some(reflection.id.clone()),
    };
    let mut effects = save_if_dirty(app);
    effects.push(Effect::OpenSession(request));
    effects
}

pub(super) fn theme(app: &mut App, command: Command) -> Vec<Effect> {
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
        _ if scrolls(command) => scroll(app, command),
        Command::Open if session_matches(app, &pack, &theme) => enter_walkthrough(app),
        Command::PresentToGroup | Command::Open | Command::StartNew => {
            let request = SessionRequest {
                pack,
                theme,
                audience: app.audience,
                resume: command == Command::Open,
                id: None,
            };
            let mut effects = save_if_dirty(app);
            effects.push(match command {
                Command::PresentToGroup => group::present(&request),
                _ => Effect::OpenSession(request),
            });
            return effects;
        }
        _ => {}
    }
    Vec::new()
}

/// The pack's overview: scroll it, go on to the conclusion, or back home.
pub(super) fn overview(app: &mut App, command: Command) -> Vec<Effect> {
    match command {
        Command::OpenConclusion => app.show(Screen::Conclusion {
            from: ConclusionFrom::Overview,
        }),
        Command::Back => app.screen = Screen::Home,
        other => scroll(app, other),
    }
    Vec::new()
}

/// The conclusion: scroll it, or back to where it was opened from.
pub(super) fn conclusion(app: &mut App, command: Command, from: ConclusionFrom) -> Vec<Effect> {
    match command {
        Command::Back => match from {
            ConclusionFrom::Overview => app.show(Screen::Overview),
            ConclusionFrom::Review { scroll } => app.back_to_review(scroll),
        },
        other => scroll(app, other),
    }
    Vec::new()
}

/// Up and Down move the text, never past its end (as last drawn).
pub(super) fn scroll(app: &mut App, command: Command) {
    let limits = app.scroll_limits;
    // A page keeps a row of the last in view, to read on from.
    let page = limits.page.saturating_sub(1).max(1);
    app.scroll = match command {
        Command::Down => app.scroll.saturating_add(1),
        Command::Up => app.scroll.saturating_sub(1),
        Command::PageDown => app.scroll.saturating_add(page),
        Command::PageUp => app.scroll.saturating_sub(page),
        Command::ToStart => 0,
        Command::ToEnd => limits.text,
        _ => app.scroll,
    }
    .min(limits.text);
}

/// The commands [`scroll`] takes.
pub(super) fn scrolls(command: Command) -> bool {
    matches!(
        command,
        Command::Down
            | Command::Up
            | Command::PageDown
            | Command::PageUp
            | Command::ToStart
            | Command::ToEnd
    )
}
