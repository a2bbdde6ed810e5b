//! Drawing. Every function here takes the state by shared reference and
//! changes nothing; `view` is the only entry point.
//!
//! Not here: state changes (`app::update`), key meanings (`keys`): footers
//! and help read the key tables.

mod actions;
#[cfg(test)]
mod cells;
mod chrome;
mod editor;
mod figures;
mod footer;
pub mod group;
mod handin;
mod help;
mod home;
mod listed;
mod marks;
mod outline;
mod overview;
mod prompts;
mod review;
mod split;
mod style;
mod text;
mod theme;
mod walkthrough;
mod wrap;

use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;
use split::Size;
use wrap::Wrapped;

use crate::app::{App, Popup, Screen, ScrollLimits};
pub use style::Palette;

/// Draws the app; returns how far its text and help can scroll.
pub fn view(app: &App, buf: &mut Buffer, palette: Palette) -> ScrollLimits {
    let mut drawn = ScrollLimits {
        text: 0,
        help: 0,
        page: 1,
        fit_editors: false,
    };
    // The group view is given the group's session and nothing else.
    if let Some(session) = &app.group {
        let help = app.help;
        drawn.help = group::render(session, palette, help, buf.area, buf);
        return drawn;
    }
    let area = buf.area;
    buf.set_style(area, palette.screen());
    if crate::app::too_small(area.width, area.height) {
        let message = if app.mode().takes_text() {
            "Window too small to show reflect. What you type is still kept; make it larger to see it."
        } else {
            "Window too small for reflect. Make it larger to go on; nothing is lost."
        };
        let message = Wrapped::new(message, true);
        message.render(area, buf);
        return drawn;
    }
    let status_height = chrome::status_height(app, area);
    let source = chrome::source_line(app, palette);
    let [body, source_area, status, footer] = split::rows(
        area,
        [
            Size::Fill,
            Size::Len(chrome::source_height(&source, area)),
            Size::Len(status_height),
            Size::Len(footer::height(
                app.mode(),
                chrome::key_context(app),
                area.width,
            )),
        ],
    );
    drawn.text = screen(buf, body, app, palette);
    drawn.page = body.height.max(1);
    Wrapped::new(source, true).render(source_area, buf);
    if app.popup == Some(Popup::EarlierAnswers) {
        walkthrough::draw_earlier(buf, body, app, palette);
    }
    chrome::status(buf, status, app, palette);
    chrome::footer(buf, footer, app, palette);
    if app.help.is_some() {
        drawn.help = chrome::help(buf, app, palette);
    }
    drawn.fit_editors = app
        .session
        .as_ref()
        .is_some_and(|s| s.answer_editor.is_short_of_rows() || s.notes_editor.is_short_of_rows());
    drawn
}

/// The screen itself; returns how far its text can scroll.
fn screen(buf: &mut Buffer, body: ratatui::layout::Rect, app: &App, palette: Palette) -> u16 {
    match app.screen {
        Screen::Home => home::draw(buf, body, app, palette),
        Screen::Overview => return overview::draw(buf, body, app, palette),
        Screen::Conclusion { .. } => return overview::draw_conclusion(buf, body, app, palette),
        Screen::Theme => return theme::draw(buf, body, app, palette),
        Screen::Walkthrough => walkthrough::draw(buf, body, app, palette),
        Screen::Actions { .. } => actions::draw(buf, body, app, palette),
        Screen::Review => return review::draw(buf, body, app, palette),
    }
    0
}
