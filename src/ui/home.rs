//! Home: the themes with their key data and progress, the latest
//! reflections, and the reminder to keep notes free of identifying details.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::style::Palette;
use super::text;
use crate::app::{App, HomeFocus};
use crate::content::{Pack, Theme};
use crate::store::{Answer, Reflection};

pub const PRIVACY_BANNER: &str = "Private to you, kept on this computer. Do not write names or anything that could identify a child or family.";

pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let figures_line = figures_line(app, palette);
    let figures_height =
        text::wrapped_height(std::slice::from_ref(&figures_line), area.width).min(4);
    let [banner, figures, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(figures_height),
        Constraint::Fill(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(PRIVACY_BANNER)
            .style(palette.warning())
            .wrap(Wrap { trim: true }),
        banner,
    );
    frame.render_widget(
        Paragraph::new(figures_line).wrap(Wrap { trim: true }),
        figures,
    );
    let recent_height = (app.history.len().min(6) as u16 + 2).max(3);
    let [themes_area, recent] = if rest.width >= 100 {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(recent_height)]).areas(rest)
    };
    let [list, detail] =
        Layout::vertical([Constraint::Length(themes_height(app)), Constraint::Fill(1)])
            .areas(themes_area);
    draw_themes(frame, list, app, palette);
    draw_key_data(frame, detail, app, palette);
    draw_recent(frame, recent, app, palette);
}

fn themes_height(app: &App) -> u16 {
    app.library.themes().count() as u16 * 2 + 2
}

/// The pack's headline figures: "485 children affected by …".
fn figures_line(app: &App, palette: Palette) -> Line<'static> {
    let Some(pack) = app.selected().map(|(p, _)| p) else {
        return Line::raw("No content loaded: see `reflect check`.");
    };
    let mut spans = vec![Span::styled(format!("{}  ", pack.title), palette.title())];
    for figure in &pack.overview.figures {
        spans.push(Span::styled(figure.value.clone(), palette.figure()));
        spans.push(Span::styled(
            format!(" {}  ", figure.label),
            palette.muted(),
        ));
    }
    if let Some(period) = &pack.overview.period {
        spans.push(Span::styled(format!("({period})"), palette.muted()));
    }
    Line::from(spans)
}

fn draw_themes(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let width = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = app
        .library
        .themes()
        .map(|(pack, theme)| {
            let progress = progress(app, pack, theme);
            let title = Line::styled(text::fit(&theme.title, width), palette.heading());
            ListItem::new(vec![
                title,
                Line::styled(text::fit(&progress, width), palette.muted()),
            ])
        })
        .collect();
    let focused = app.home_focus == HomeFocus::Themes;
    let block = panel(" Themes ", focused, palette);
    let list = List::new(items).block(block).highlight_style(if focused {
        palette.selected()
    } else {
        palette.heading()
    });
    let mut state = ListState::default().with_selected(Some(app.selected_theme));
    frame.render_stateful_widget(list, area, &mut state);
}

/// "2 of 4 practitioner questions answered in your latest reflection".
fn progress(app: &App, pack: &Pack, theme: &Theme) -> String {
    let audience = app.audience;
    let total = theme.questions_for(audience).count();
    let latest = app
        .history
        .iter()
        .find(|r| r.pack == pack.id && r.theme == theme.id && r.audience == audience);
    let answered = latest.map_or(0, |r| {
        theme
            .questions_for(audience)
            .filter(|q| {
                r.answer(&format!("{}/{}/{}", pack.id, theme.id, q.id))
                    .is_some_and(Answer::is_answered)
            })
            .count()
    });
    format!(
        "  {answered} of {total} {} questions answered",
        audience.key()
    )
}

fn draw_key_data(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let Some((_, theme)) = app.selected() else {
        return;
    };
    let mut lines: Vec<Line> = theme
        .key_data
        .iter()
        .map(|d| text::bullet(d, palette.text()))
        .collect();
    if lines.is_empty() {
        lines = theme.summary.iter().map(|s| Line::raw(s.clone())).collect();
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .title(" Key data ")
        .border_style(palette.border());
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_recent(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let focused = app.home_focus == HomeFocus::Reflections;
    let block = panel(" Your reflections ", focused, palette);
    if app.history.is_empty() {
        let hint = "None yet. Choose a theme and press Enter to begin.";
        frame.render_widget(
            Paragraph::new(hint)
                .style(palette.muted())
                .block(block)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let width = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = app
        .history
        .iter()
        .map(|r| ListItem::new(text::fit(&reflection_line(app, r), width)))
        .collect();
    let list = List::new(items).block(block).highlight_style(if focused {
        palette.selected()
    } else {
        palette.text()
    });
    let mut state = ListState::default().with_selected(focused.then_some(app.selected_reflection));
    frame.render_stateful_widget(list, area, &mut state);
}

fn reflection_line(app: &App, reflection: &Reflection) -> String {
    let title = app
        .library
        .pack(&reflection.pack)
        .and_then(|p| p.theme(&reflection.theme))
        .map_or(reflection.theme.as_str(), |t| t.title.as_str());
    format!(
        "{}  {} answered, {} flagged  {}",
        reflection.updated.format("%d %b %Y"),
        reflection.answered_count(),
        reflection.flagged_count(),
        title,
    )
}

fn panel(title: &'static str, focused: bool, palette: Palette) -> Block<'static> {
    let style = if focused {
        palette.focused_border()
    } else {
        palette.border()
    };
    Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(style)
}
