//! Home: the themes with their key data and progress, the latest
//! reflections, and the reminder to keep notes free of identifying details.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Borders, Widget};

use super::listed::Listed;
use super::outline::Outline;
use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::app::{App, HomeFocus};
use crate::content::{Figure, Pack, Theme};
use crate::keys::{Command, Mode, key_name};
use crate::store::Summary;

pub const PRIVACY_BANNER: &str = "Private to you, kept on this computer. Do not write names or anything that could identify a child or family.";

/// Rows the selected theme's key data keeps, at least, before the figures
/// give way (they are one key away, on the overview).
const KEY_DATA_ROWS: u16 = 6;

/// On a wide window, the themes and the reflections side by side.
const THEMES_BESIDE_RECENT: [Size; 2] = [Size::Percent(60), Size::Fill];

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let figures = app
        .selected()
        .map(|(p, _)| p.overview.figures.as_slice())
        .unwrap_or(&[]);
    // In a short window your reflections give way first, then the pack's
    // heading, so that the themes box (3 rows with its lines) keeps a
    // theme in sight: Enter opens it.
    let top_rows = if area.height >= 3 + 3 { 3 } else { 2 };
    let recent_height = if area.height >= top_rows + 3 + 3 {
        (app.summaries.len().min(6) as u16 + 2)
            .min(area.height.saturating_sub(3 + 3))
            .max(3)
    } else {
        0
    };
    let beside = if area.width >= 100 { 0 } else { recent_height };
    let list_rows = area
        .height
        .saturating_sub(top_rows + beside + 2 + KEY_DATA_ROWS / 2);
    let shown = visible_themes(app, theme_list_width(area), list_rows, palette);
    let list_height = shown.rows + 2;
    // The figures give way first: they are one key away, on the overview.
    let others = top_rows + list_height + beside + KEY_DATA_ROWS;
    let wanted = u16::try_from(figures.len()).unwrap_or(0);
    let figures_height = if others + wanted <= area.height {
        wanted
    } else {
        0
    };
    let [top, rest] = split::rows(area, [Size::Len(top_rows + figures_height), Size::Fill]);
    draw_top(buf, top, app, figures, palette);
    if recent_height == 0 && rest.width < 100 && app.home_focus == HomeFocus::Reflections {
        // Too short for both boxes: the one the keys move in is shown.
        return draw_recent(buf, rest, app, palette);
    }
    let [themes_area, recent] = if rest.width >= 100 {
        split::columns(rest, THEMES_BESIDE_RECENT)
    } else {
        split::rows(rest, [Size::Fill, Size::Len(recent_height)])
    };
    let [list, detail] = split::rows(themes_area, [Size::Len(list_height), Size::Fill]);
    draw_themes(buf, list, app, shown, palette);
    draw_key_data(buf, detail, app, palette);
    draw_recent(buf, recent, app, palette);
}

/// The reminder, the pack's title and period, and its figures.
fn draw_top(buf: &mut Buffer, area: Rect, app: &App, figures: &[Figure], palette: Palette) {
    let [banner, heading, figures_area] =
        split::rows(area, [Size::Len(2), Size::Len(1), Size::Fill]);
    // The text is styled, not the area: a colour on a blank cell shows
    // nothing, and the blank cells then need not be sent at all.
    Wrapped::new(Text::styled(PRIVACY_BANNER, palette.warning()), true).render(banner, buf);
    Wrapped::cut(heading_line(app, palette)).render(heading, buf);
    Wrapped::cut(super::figures::rows(figures, palette)).render(figures_area, buf);
}

/// Text columns inside the themes box (the same split as `draw` makes).
fn theme_list_width(area: Rect) -> u16 {
    let themes = if area.width >= 100 {
        split::columns(area, THEMES_BESIDE_RECENT)[0].width
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

/// The themes that fit in `rows`, the selected one among them: only these
/// are wrapped and counted, so a pack of 500 themes costs a frame what
/// one of five does.
struct ShownThemes {
    first: usize,
    total: usize,
    items: Vec<Text<'static>>,
    rows: u16,
}

fn visible_themes(app: &App, width: u16, rows: u16, palette: Palette) -> ShownThemes {
    let themes: Vec<(&Pack, &Theme)> = app.library.themes().collect();
    let total = themes.len();
    let item = |i: usize| theme_item(app, themes[i], width, palette);
    if total == 0 {
        return ShownThemes {
            first: 0,
            total,
            items: Vec::new(),
            rows: 0,
        };
    }
    let selected = app.selected_theme.min(total - 1);
    // Back from the selection while the items fit (so it is at the bottom
    // when the list has scrolled), then on from it while they fit.
    // A window too short for the selected theme still shows its first
    // rows, rather than an empty box.
    let mut items = vec![item(selected)];
    items[0].lines.truncate(usize::from(rows.max(1)));
    let mut used = height(&items[0]);
    let mut first = selected;
    while let Some(before) = first.checked_sub(1).map(item) {
        if used + height(&before) > rows {
            break;
        }
        used += height(&before);
        items.insert(0, before);
        first -= 1;
    }
    let after = (selected + 1..total).map(item).take_while(|next| {
        let fits = used < rows;
        used += height(next);
        fits
    });
    items.extend(after.collect::<Vec<_>>());
    ShownThemes {
        first,
        total,
        items,
        rows: used.min(rows.max(1)),
    }
}

fn height(item: &Text) -> u16 {
    u16::try_from(item.height()).unwrap_or(u16::MAX)
}

/// A theme: its title wrapped (never cut in the middle of a word), then
/// how far the latest reflection on it got.
fn theme_item(
    app: &App,
    (pack, theme): (&Pack, &Theme),
    width: u16,
    palette: Palette,
) -> Text<'static> {
    let width = usize::from(width).max(1);
    let mut lines: Vec<Line> = crate::text::wrap(&theme.title, width)
        .into_iter()
        .map(|l| Line::styled(l, palette.heading()))
        .collect();
    lines.push(Line::styled(
        text::fit(&progress(app, pack, theme), width),
        palette.muted(),
    ));
    Text::from(lines)
}

fn draw_themes(buf: &mut Buffer, area: Rect, app: &App, shown: ShownThemes, palette: Palette) {
    let focused = app.home_focus == HomeFocus::Themes;
    let title = if shown.items.len() < shown.total {
        format!(" Themes ({}) ", shown.total)
    } else {
        " Themes ".to_string()
    };
    let outline = panel(title, panel_style(focused, palette));
    let selected = app.selected_theme.saturating_sub(shown.first);
    let highlight = if focused {
        palette.selected()
    } else {
        palette.heading()
    };
    (&outline).render(area, buf);
    let list = Listed::new(shown.items, Some(selected), highlight);
    list.render(outline.inner(area), buf);
}

/// "2 of 4 practitioner questions answered in your latest reflection".
fn progress(app: &App, pack: &Pack, theme: &Theme) -> String {
    let audience = app.audience;
    let total = theme.questions_for(audience).count();
    if total == 0 {
        return format!("  no questions for {}", audience.plural());
    }
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
fn draw_key_data(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    // A heading with no row under it says nothing.
    let Some((_, theme)) = app.selected().filter(|_| area.height >= 2) else {
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
    let outline = Outline::new(Borders::TOP)
        .title(Span::styled(" Key data ", palette.label()))
        .border_style(palette.border());
    let inner = outline.inner(area);
    (&outline).render(area, buf);
    if Wrapped::new(lines, true).render_all(inner, buf) {
        return;
    }
    // The rows above are what a box one row shorter shows: only the last
    // gives way to the sign.
    let [_, more] = split::rows(inner, [Size::Fill, Size::Len(1)]);
    super::help::clear(more, buf, palette.screen());
    let sign = format!(
        "… more: {} opens the theme",
        key_name(Mode::Home, Command::Open)
    );
    Wrapped::cut(Line::styled(sign, palette.label())).render(more, buf);
}

fn draw_recent(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) {
    let focused = app.home_focus == HomeFocus::Reflections;
    let total = app.history_count.unwrap_or(app.summaries.len());
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let title = if total > rows {
        format!(" Your reflections ({total}) ")
    } else {
        " Your reflections ".to_string()
    };
    if app.summaries.is_empty() {
        let hint = format!(
            "None yet. Choose a theme and press {} to begin.",
            key_name(Mode::Home, Command::Open)
        );
        // Greyed, box and all, as a muted area would be, but the blank
        // cells inside keep no colour (which would show nothing) and are
        // not sent: 600 bytes of a first frame.
        let muted = palette.muted();
        let outline = panel(title, muted.patch(panel_style(focused, palette)));
        let hint = Wrapped::new(Text::styled(hint, muted), true);
        return hint.outline(outline).render(area, buf);
    }
    let outline = panel(title, panel_style(focused, palette));
    // Only the rows that show are made: a history of thousands costs a
    // frame no more than one of six.
    let selected = focused.then_some(app.selected_reflection.min(app.summaries.len() - 1));
    let first = selected.map_or(0, |s| s.saturating_sub(rows - 1));
    let width = area.width.saturating_sub(4) as usize;
    let items: Vec<Text> = app.summaries[first..]
        .iter()
        .take(rows)
        .map(|r| Text::from(text::fit(&reflection_line(app, r), width)))
        .collect();
    let highlight = if focused {
        palette.selected()
    } else {
        palette.text()
    };
    (&outline).render(area, buf);
    let list = Listed::new(items, selected.map(|s| s - first), highlight);
    list.render(outline.inner(area), buf);
}

fn reflection_line(app: &App, reflection: &Summary) -> String {
    let title = crate::sheet::theme_title(&app.library, &reflection.pack, &reflection.theme);
    format!(
        "{}  {} answered, {} flagged  {}",
        reflection.updated.format("%d %b %Y"),
        reflection.answered_count(),
        reflection.flagged,
        title,
    )
}

fn panel(title: impl Into<String>, style: Style) -> Outline<'static> {
    Outline::new(Borders::ALL)
        .title(title.into())
        .border_style(style)
}

fn panel_style(focused: bool, palette: Palette) -> Style {
    if focused {
        palette.focused_border()
    } else {
        palette.border()
    }
}

#[cfg(test)]
mod tests;
