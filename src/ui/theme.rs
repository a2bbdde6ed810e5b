//! A theme in full: summary, key data, learning for direct practice, and
//! the reflective questions for the chosen audience.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::style::Palette;
use super::text;
use crate::app::App;
use crate::content::{Audience, Pack, Theme, attribution};
use crate::store::Answer;

/// Draws the theme; returns how far its text can scroll.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: Palette) -> u16 {
    let Some((pack, theme)) = app.selected() else {
        return 0;
    };
    let [title, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(theme.title.clone(), palette.title())),
        title,
    );
    frame.render_widget(Paragraph::new(audience_tabs(app.audience, palette)), tabs);
    let lines = body_lines(app, pack, theme, palette);
    super::chrome::scrolled(frame, body, lines, app.scroll, palette)
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
    let mut lines = Vec::new();
    if let Some(summary) = &theme.summary {
        lines.extend(text::paragraphs(summary, palette.text()));
    }
    section(&mut lines, "Key data", &theme.key_data, palette);
    section(
        &mut lines,
        "Learning for direct practice",
        &theme.learning,
        palette,
    );
    lines.extend(text::heading(app.audience.heading(), palette.heading()));
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
    if let Some(calls_on) = &theme.calls_on {
        lines.extend(text::heading("What the Panel calls for", palette.heading()));
        lines.extend(text::paragraphs(calls_on, palette.text()));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        attribution::source_line(pack),
        palette.muted(),
    ));
    lines
}

fn section(lines: &mut Vec<Line<'static>>, title: &str, items: &[String], palette: Palette) {
    if items.is_empty() {
        return;
    }
    lines.extend(text::heading(title, palette.heading()));
    lines.extend(items.iter().map(|item| text::bullet(item, palette.text())));
}
