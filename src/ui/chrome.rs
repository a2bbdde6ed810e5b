//! The parts around every screen: the footer of keys, the status line, the
//! help overlay. All key text comes from the key tables in `keys`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Borders, Paragraph, Widget};

use super::outline::Outline;
use super::split::{self, Size};
use super::style::Palette;
use super::wrap::Wrapped;
use crate::app::{App, SaveState};
use crate::keys::{self, Mode};

pub fn footer(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let line = super::footer::line(app.mode(), key_context(app), palette);
    Wrapped::new(line, true).render(area, buf);
}

/// What the footer's keys depend on, beyond the mode.
pub fn key_context(app: &App) -> keys::Context {
    keys::Context {
        read_only: app.session.as_ref().is_some_and(|s| s.read_only),
        ..keys::Context::default()
    }
}

/// Rows the status line needs to show its message whole (a long OS error
/// or file path wraps), up to a third of the screen; none when it has
/// nothing to say.
pub fn status_height(app: &App, area: Rect) -> u16 {
    let line = status_line(app, Palette::new(false));
    if line.spans.is_empty() {
        return 0;
    }
    let most = (area.height / 3).max(1);
    super::text::wrapped_height_at_most(std::slice::from_ref(&line), area.width, most).max(1)
}

pub fn status(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let line = status_line(app, palette);
    Wrapped::new(line, false).render(area, buf);
}

/// The one message shown: what just happened, else a content problem,
/// else the first start-up notice.
fn status_line(app: &App, palette: Palette) -> Line<'static> {
    if let Some(status) = &app.status {
        let style = if status.is_error {
            palette.error()
        } else {
            palette.good()
        };
        Line::styled(status.text.clone(), style)
    } else if let Some(problem) = content_problem(app) {
        Line::styled(problem, palette.error())
    } else if let Some(notice) = app.notices.first() {
        let text = match app.notices.len() {
            1 => notice.clone(),
            // The counter counts what is left: each key takes one away.
            n => format!("{notice} ({} more: the next on the next key)", n - 1),
        };
        Line::styled(text, palette.warning())
    } else {
        Line::default()
    }
}

/// The quiet line naming where the Panel's words come from, under every
/// screen: the pack of the reflection open, else of the selected theme.
pub fn source_line(app: &App, palette: Palette) -> Line<'static> {
    let pack = app
        .session
        .as_ref()
        .and_then(|s| app.library.pack(&s.reflection.pack))
        .or_else(|| app.selected().map(|(p, _)| p));
    pack.map(|p| Line::styled(crate::content::attribution::quiet_line(p), palette.muted()))
        .unwrap_or_default()
}

/// Rows the quiet line takes: what it needs, up to two, and none on a
/// screen too short to spare them.
pub fn source_height(line: &Line<'_>, area: Rect) -> u16 {
    if area.height < 16 || line.spans.is_empty() {
        return 0;
    }
    super::text::wrapped_height_at_most(std::slice::from_ref(line), area.width, 2)
}

/// "Saved 14:02" and friends, for the walkthrough's header.
pub fn save_label(save: &SaveState, app: &App) -> (String, bool) {
    match save {
        SaveState::Saved => match app.session.as_ref().map(|s| &s.reflection) {
            // Nothing is on disk until something is written.
            Some(r) if r.answers.is_empty() && r.notes.is_empty() && r.actions.is_empty() => {
                ("nothing written yet".into(), false)
            }
            Some(r) => (format!("saved {}", r.updated.format("%H:%M")), false),
            None => ("saved".into(), false),
        },
        SaveState::Unsaved => ("not saved yet".into(), false),
        SaveState::Saving => ("saving…".into(), false),
        SaveState::Failed(_) => ("NOT SAVED: retrying".into(), true),
    }
}

/// The help overlay over the private app's screens; returns how far it
/// can scroll.
pub fn help(buf: &mut Buffer, app: &App, palette: Palette) -> u16 {
    let style = super::help::HelpStyle {
        text: palette.text(),
        heading: palette.heading(),
        border: palette.focused_border(),
    };
    let mode = app.mode_beneath_help();
    let full = buf.area;
    let footer = super::footer::height(app.mode(), key_context(app), full.width).min(full.height);
    let screen = Rect::new(full.x, full.y, full.width, full.height - footer);
    super::help::draw(buf, screen, mode, app.help.unwrap_or(0), style)
}

/// A bordered box drawn over the screen beneath it.
pub fn popup(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    palette: Palette,
) {
    super::help::clear(area, buf, palette.text());
    let outline = Outline::new(Borders::ALL)
        .title(title.to_owned())
        .border_style(palette.focused_border());
    Wrapped::new(lines, false)
        .outline(outline)
        .render(area, buf);
}

/// The first content error, shown until the file is fixed (the last good
/// content stays on screen meanwhile).
fn content_problem(app: &App) -> Option<String> {
    let errors: Vec<_> = app
        .library
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    let first = errors.first()?;
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" (and {} more: {})", n - 1, check_command(&errors)),
    };
    // At start-up a broken pack is left out; only a reload keeps the last
    // good version of one on screen.
    let lead = if app.library.held_back.is_empty() {
        "Content problem"
    } else {
        "Content problem, showing the last good version"
    };
    Some(format!(
        "{lead}: {}: {}{more}",
        first.location(),
        first.message
    ))
}

/// The command that lists them all: `reflect check` with the files they
/// are in (a plain `reflect check` leaves out `--content` folders).
fn check_command(errors: &[&crate::content::Diagnostic]) -> String {
    let mut files: Vec<&std::path::Path> = Vec::new();
    for error in errors {
        if !files.contains(&error.path.as_path()) {
            files.push(&error.path);
        }
    }
    let quoted = files.iter().map(|path| crate::text::shell_quoted(path));
    std::iter::once("reflect check".to_string())
        .chain(quoted)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A long text in `area`, scrolled by `scroll` rows but never past its end,
/// with a last row saying when more is below, and the keys of the screen's
/// `mode` that scroll it. Returns how far it can scroll, for the update to
/// keep its scroll in range.
pub fn scrolled(
    buf: &mut Buffer,
    area: Rect,
    lines: Vec<Line<'static>>,
    (scroll, mode): (u16, Mode),
    palette: Palette,
) -> u16 {
    let total = super::text::wrapped_height(&lines, area.width);
    if total <= area.height {
        Wrapped::new(lines, false).render(area, buf);
        return 0;
    }
    let [text_area, hint_area] = split::rows(area, [Size::Fill, Size::Len(1)]);
    let last = total.saturating_sub(text_area.height);
    let scroll = scroll.min(last);
    Wrapped::new(lines, false)
        .scroll(scroll)
        .render(text_area, buf);
    let hint = if scroll >= last {
        format!(
            "end · {} to scroll back",
            keys::key_label(mode, keys::Command::Up)
        )
    } else {
        format!(
            "↓ more below · {} to scroll",
            keys::key_label(mode, keys::Command::Down)
        )
    };
    Paragraph::new(Line::styled(hint, palette.muted()))
        .alignment(ratatui::layout::Alignment::Right)
        .render(hint_area, buf);
    last
}
