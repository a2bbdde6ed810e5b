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
use crate::store::Summary;

pub const PRIVACY_BANNER: &str = "Private to you, kept on this computer. Do not write names or anything that could identify a child or family.";

/// Rows the selected theme's key data keeps, at least, before the figures
/// give way (they are one key away, on the overview).
const KEY_DATA_ROWS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let figures = app
        .selected()
        .map(|(p, _)| p.overview.figures.as_slice())
        .unwrap_or(&[]);
    let recent_height = (app.summaries.len().min(6) as u16 + 2).max(3);
    let items = theme_items(app, theme_list_width(area), palette);
    let list_height = items.iter().map(|i| i.height() as u16).sum::<u16>() + 2;
    let beside = if area.width >= 100 { 0 } else { recent_height };
    let others = 3 + list_height + beside + KEY_DATA_ROWS;
    let wanted = u16::try_from(figures.len()).unwrap_or(0);
    let figures_height = if others + wanted <= area.height {
        wanted
    } else {
        0
    };
    let [banner, heading, figures_area, rest] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
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
    frame.render_widget(Paragraph::new(heading_line(app, palette)), heading);
    frame.render_widget(
        Paragraph::new(super::figures::rows(figures, palette)),
        figures_area,
    );
    let [themes_area, recent] = if rest.width >= 100 {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(recent_height)]).areas(rest)
    };
    let [list, detail] =
        Layout::vertical([Constraint::Length(list_height), Constraint::Fill(1)]).areas(themes_area);
    draw_themes(frame, list, app, items, palette);
    draw_key_data(frame, detail, app, palette);
    draw_recent(frame, recent, app, palette);
}

/// Text columns inside the themes box (the same split as `draw` makes).
fn theme_list_width(area: Rect) -> u16 {
    let themes = if area.width >= 100 {
        area.width * 60 / 100
    } else {
        area.width
    };
    themes.saturating_sub(2)
}

/// The pack's title and period.
fn heading_line(app: &App, palette: Palette) -> Line<'static> {
    let Some(pack) = app.selected().map(|(p, _)| p) else {
        return Line::raw("No content loaded: see `reflect check`.");
    };
    let mut spans = vec![Span::styled(pack.title.clone(), palette.title())];
    if let Some(period) = &pack.overview.period {
        spans.push(Span::styled(format!("  ·  {period}"), palette.muted()));
    }
    Line::from(spans)
}

/// Each theme: its title wrapped (never cut in the middle of a word), then
/// how far the latest reflection on it got.
fn theme_items(app: &App, width: u16, palette: Palette) -> Vec<ListItem<'static>> {
    let width = usize::from(width).max(1);
    app.library
        .themes()
        .map(|(pack, theme)| {
            let mut lines: Vec<Line> = crate::text::wrap(&theme.title, width)
                .into_iter()
                .map(|l| Line::styled(l, palette.heading()))
                .collect();
            lines.push(Line::styled(
                text::fit(&progress(app, pack, theme), width),
                palette.muted(),
            ));
            ListItem::new(lines)
        })
        .collect()
}

fn draw_themes(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    items: Vec<ListItem<'static>>,
    palette: Palette,
) {
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
        .summaries
        .iter()
        .find(|r| r.pack == pack.id && r.theme == theme.id && r.audience == audience);
    let answered = latest.map_or(0, |r| {
        theme
            .questions_for(audience)
            .filter(|q| r.answers(&format!("{}/{}/{}", pack.id, theme.id, q.id)))
            .count()
    });
    format!(
        "  {answered} of {total} {} questions answered",
        audience.key()
    )
}

/// The selected theme's key data (its summary when it has none); when it
/// does not fit, the last row says that more follows, and where.
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
        .title(Span::styled(" Key data ", palette.label()))
        .border_style(palette.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let needed = text::wrapped_height(&lines, inner.width);
    if needed <= inner.height {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    let [shown, more] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), shown);
    let sign = "… more: Enter opens the theme";
    frame.render_widget(Paragraph::new(Line::styled(sign, palette.label())), more);
}

fn draw_recent(frame: &mut Frame, area: Rect, app: &App, palette: Palette) {
    let focused = app.home_focus == HomeFocus::Reflections;
    let total = app.summaries.len();
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let title = if total > rows {
        format!(" Your reflections ({total}) ")
    } else {
        " Your reflections ".to_string()
    };
    let block = panel(title, focused, palette);
    if total == 0 {
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
    // Only the rows that show are made: a history of thousands costs a
    // frame no more than one of six.
    let selected = focused.then_some(app.selected_reflection.min(total - 1));
    let first = selected.map_or(0, |s| s.saturating_sub(rows - 1));
    let width = area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = app.summaries[first..]
        .iter()
        .take(rows)
        .map(|r| ListItem::new(text::fit(&reflection_line(app, r), width)))
        .collect();
    let list = List::new(items).block(block).highlight_style(if focused {
        palette.selected()
    } else {
        palette.text()
    });
    let mut state = ListState::default().with_selected(selected.map(|s| s - first));
    frame.render_stateful_widget(list, area, &mut state);
}

fn reflection_line(app: &App, reflection: &Summary) -> String {
    let title = app
        .library
        .pack(&reflection.pack)
        .and_then(|p| p.theme(&reflection.theme))
        .map_or(reflection.theme.as_str(), |t| t.title.as_str());
    format!(
        "{}  {} answered, {} flagged  {}",
        reflection.updated.format("%d %b %Y"),
        reflection.answered_count(),
        reflection.flagged,
        title,
    )
}

fn panel(title: impl Into<String>, focused: bool, palette: Palette) -> Block<'static> {
    let style = if focused {
        palette.focused_border()
    } else {
        palette.border()
    };
    Block::default()
        .borders(Borders::ALL)
        .title(title.into())
        .border_style(style)
}

#[cfg(test)]
mod tests {
    use crate::app::{App, HomeFocus};
    use crate::content::{Audience, Layer, Library};
    use crate::store::{Reflection, Stamp, Summary};
    use crate::ui::{Palette, view};
    use chrono::{DateTime, Duration};
    use ratatui::{Terminal, backend::TestBackend};

    fn many(count: i64) -> Vec<Summary> {
        let start = DateTime::parse_from_rfc3339("2020-01-01T09:00:00Z").expect("date");
        (0..count)
            .rev()
            .map(|n| {
                let at = start + Duration::days(n);
                let r = Reflection::new(
                    format!("r{n}"),
                    at,
                    "panel-2023-24",
                    "child-mental-health",
                    Audience::Practitioner,
                );
                Summary::of(&r, Stamp::default())
            })
            .collect()
    }

    fn screen(app: &App) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| {
                view(app, frame, Palette::new(false));
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        buffer.content.iter().map(|c| c.symbol()).collect()
    }

    /// A long history shows a window of it with the selection in it, and
    /// says how many there are.
    #[test]
    fn a_long_history_shows_the_selected_reflection_and_the_count() {
        let library = Library::load(&[Layer::builtin()]);
        let summaries = many(1000);
        let now = summaries[0].updated;
        let mut app = App::with_summaries(library, summaries, Audience::Practitioner, now);
        app.home_focus = HomeFocus::Reflections;
        app.selected_reflection = 500;
        let shown = screen(&app);
        let date = app.summaries[500].updated.format("%d %b %Y").to_string();
        assert!(
            shown.contains(&date),
            "the selected reflection is on screen"
        );
        assert!(shown.contains("Your reflections (1000)"));
        let newest = app.summaries[0].updated.format("%d %b %Y").to_string();
        assert!(
            !shown.contains(&newest),
            "the window moved to the selection"
        );
    }
}
