//! A theme in full: summary, key data, learning for direct practice, and
//! the reflective questions for the chosen audience.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::app::App;
use crate::content::{Audience, Pack, Theme};
use crate::keys::{Command, Mode, key_name};
use crate::store::Answer;

/// Draws the theme; returns how far its text can scroll.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) -> u16 {
    let Some((pack, theme)) = app.selected() else {
        return 0;
    };
    let [title, tabs, body] = split::rows(area, [Size::Len(1), Size::Len(1), Size::Fill]);
    Wrapped::cut(Line::styled(theme.title.clone(), palette.title())).render(title, buf);
    Wrapped::cut(audience_tabs(app.audience, palette)).render(tabs, buf);
    let lines = body_lines(app, pack, theme, palette);
    super::chrome::scrolled(buf, body, lines, (app.scroll, Mode::Theme), palette)
}

pub fn audience_tabs(current: Audience, palette: Palette) -> Line<'static> {
    let mut spans = vec![Span::styled("Questions for: ", palette.muted())];
    for audience in Audience::ALL {
        let style = if audience == current {
            palette.selected()
        } else {
            palette.muted()
        };
        spans.push(Span::styled(format!(" {} ", audience.label()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("(a to switch)", palette.muted()));
    Line::from(spans)
}

fn body_lines(app: &App, pack: &Pack, theme: &Theme, palette: Palette) -> Vec<Line<'static>> {
    let overview = &pack.overview;
    let mut lines = Vec::new();
    if let Some(summary) = &theme.summary {
        lines.extend(text::paragraphs(summary, palette.text()));
    }
    lines.extend(statement_lines(
        theme,
        overview.statement_from.as_deref(),
        palette,
    ));
    section(
        &mut lines,
        Span::styled("Key data", palette.label()),
        &theme.key_data,
        palette,
    );
    let learning = Span::styled("Learning for direct practice", palette.heading());
    section(&mut lines, learning, &theme.learning, palette);
    lines.extend(text::heading(app.audience.heading(), palette.heading()));
    if let Some(intro) = &overview.questions_intro {
        lines.extend(text::paragraphs(intro, palette.text()));
    }
    lines.extend(question_lines(app, pack, theme, palette));
    lines
}

/// What the Panel's statement said of the theme, under the statement's
/// heading for it, and what it calls for.
fn statement_lines(theme: &Theme, from: Option<&str>, palette: Palette) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if theme.statement.is_none() && theme.calls_on.is_none() {
        return lines;
    }
    lines.push(Line::default());
    let from = from.map_or("From the Panel's statement".to_owned(), |d| {
        format!("From {d}")
    });
    let mut label = vec![Span::styled(format!("{from}: "), palette.label())];
    if let Some(heading) = &theme.statement_heading {
        label.push(Span::styled(heading.clone(), palette.heading()));
    }
    lines.push(Line::from(label));
    for passage in [&theme.statement, &theme.calls_on].into_iter().flatten() {
        lines.extend(text::paragraphs(passage, palette.text()));
    }
    lines
}

fn question_lines(app: &App, pack: &Pack, theme: &Theme, palette: Palette) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, question) in theme.questions_for(app.audience).enumerate() {
        let key = format!("{}/{}/{}", pack.id, theme.id, question.id);
        let answered = app
            .session
            .as_ref()
            .and_then(|s| s.reflection.answer(&key))
            .is_some_and(Answer::is_answered);
        let style = if answered {
            palette.muted()
        } else {
            palette.text()
        };
        let mut line = text::numbered(n + 1, &question.text, style);
        if answered {
            line.spans
                .push(Span::styled("  (answered)", palette.good()));
        }
        lines.push(line);
    }
    if lines.is_empty() {
        let other = app.audience.other().plural();
        let switch = key_name(Mode::Theme, Command::ToggleAudience);
        let none =
            format!("None in the loaded content; {switch} switches to the questions for {other}.");
        lines.push(Line::styled(none, palette.muted()));
    }
    lines
}

fn section(
    lines: &mut Vec<Line<'static>>,
    title: Span<'static>,
    items: &[String],
    palette: Palette,
) {
    if items.is_empty() {
        return;
    }
    lines.push(Line::default());
    lines.push(Line::from(title));
    lines.extend(items.iter().map(|item| text::bullet(item, palette.text())));
}
