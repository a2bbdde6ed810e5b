//! The pack's overview (figures, summary, the statement's opening, the
//! briefing's introduction, the link to the full report) and its
//! conclusion. The Panel's words in the text styles; our labels set apart.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::figures;
use super::split::{self, Size};
use super::style::Palette;
use super::text;
use super::wrap::Wrapped;
use crate::app::App;
use crate::content::Pack;
use crate::keys::{Command, Mode, key_name};

/// Rows kept for the scrolled text when the figures are drawn big.
const TEXT_ROWS: u16 = 10;

/// Draws the overview of the selected theme's pack; returns how far its
/// text can scroll.
pub fn draw(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) -> u16 {
    let Some((pack, _)) = app.selected() else {
        return 0;
    };
    let figures = &pack.overview.figures;
    let big =
        figures::big_height(figures, area.width).filter(|&h| h + TEXT_ROWS + 2 <= area.height);
    let figures_height = big.unwrap_or(u16::try_from(figures.len()).unwrap_or(0));
    let [title, figures_area, _, body] = split::rows(
        area,
        [
            Size::Len(1),
            Size::Len(figures_height),
            Size::Len(1),
            Size::Fill,
        ],
    );
    Wrapped::cut(title_line(pack, palette)).render(title, buf);
    match big {
        Some(_) => figures::draw_big(buf, figures_area, figures, palette),
        None => Wrapped::cut(figures::rows(figures, palette)).render(figures_area, buf),
    }
    super::chrome::scrolled(
        buf,
        body,
        overview_lines(app, pack, palette),
        (app.scroll, Mode::Overview),
        palette,
    )
}

fn title_line(pack: &Pack, palette: Palette) -> Line<'static> {
    let mut line = Line::styled(pack.title.clone(), palette.title());
    if let Some(period) = &pack.overview.period {
        line.push_span(ratatui::text::Span::styled(
            format!("  ·  {period}"),
            palette.muted(),
        ));
    }
    line
}

fn overview_lines(app: &App, pack: &Pack, palette: Palette) -> Vec<Line<'static>> {
    let overview = &pack.overview;
    let mut lines = Vec::new();
    if let Some(summary) = &pack.summary {
        lines.extend(text::paragraphs(summary, palette.text()));
    }
    if let Some(url) = &pack.url {
        let lead = pack.link_text.clone().unwrap_or_default();
        lines.push(Line::styled(
            format!("{lead} {url}").trim().to_owned(),
            palette.text(),
        ));
    }
    from(
        &mut lines,
        overview.statement_from.as_deref(),
        overview.statement.as_deref(),
        palette,
    );
    from(
        &mut lines,
        overview.text_from.as_deref(),
        overview.text.as_deref(),
        palette,
    );
    themes_not_named(app, pack, &mut lines, palette);
    if pack.conclusion.is_some() {
        lines.push(Line::default());
        let key = key_name(Mode::Overview, Command::OpenConclusion);
        lines.push(Line::styled(
            format!("The Panel's conclusion: press {key}."),
            palette.label(),
        ));
    }
    lines
}

/// The pack's themes the overview's text does not name already.
fn themes_not_named(app: &App, pack: &Pack, lines: &mut Vec<Line<'static>>, palette: Palette) {
    let overview = &pack.overview;
    let said: String = [&overview.statement, &overview.text]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let unnamed: Vec<String> = app
        .library
        .themes()
        .filter(|(p, t)| p.id == pack.id && !said.contains(&t.title))
        .map(|(_, t)| t.title.clone())
        .collect();
    if !unnamed.is_empty() {
        lines.extend(text::heading("Themes", palette.label()));
        lines.extend(
            unnamed
                .iter()
                .enumerate()
                .map(|(n, t)| text::numbered(n + 1, t, palette.text())),
        );
    }
}

/// A passage under a label naming the document it is from.
fn from(
    lines: &mut Vec<Line<'static>>,
    document: Option<&str>,
    passage: Option<&str>,
    palette: Palette,
) {
    let Some(passage) = passage else {
        return;
    };
    lines.push(Line::default());
    if let Some(document) = document {
        lines.push(Line::styled(format!("From {document}:"), palette.label()));
    }
    lines.extend(text::paragraphs(passage.trim(), palette.text()));
}

/// Draws the pack's conclusion; returns how far it can scroll.
pub fn draw_conclusion(buf: &mut Buffer, area: Rect, app: &App, palette: Palette) -> u16 {
    let Some(conclusion) = app.selected().and_then(|(p, _)| p.conclusion.as_ref()) else {
        let none = "This pack has no conclusion.";
        Wrapped::cut(none).style(palette.muted()).render(area, buf);
        return 0;
    };
    let [title, _, body] = split::rows(area, [Size::Len(2), Size::Len(1), Size::Fill]);
    Wrapped::new(conclusion.title.clone(), true)
        .style(palette.title())
        .render(title, buf);
    let lines = text::paragraphs(conclusion.text.trim(), palette.text());
    super::chrome::scrolled(buf, body, lines, (app.scroll, Mode::Conclusion), palette)
}
