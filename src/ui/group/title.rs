//! The title slide with the report's figures in big digits, when the screen
//! has room; otherwise the view falls back to the plain title slide, which
//! carries the same words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tui_big_text::PixelSize;

use super::widgets::{put, put_big, put_lines};
use crate::group::deck::DeckContent;
use crate::group::layout::{big_rows, big_width, text_column};
use crate::group::paginate::{TextLine, Tone};
use crate::group::slides::Slide;
use crate::text::{clean, wrap};
use crate::ui::style::Room;

const GAP: u16 = 2;
const SIZES: [PixelSize; 3] = [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant];

/// How the big title slide is laid out on a body.
struct Plan {
    heading: Vec<TextLine>,
    labels: Vec<Vec<String>>,
    /// Width of each figure's column.
    cell: u16,
    size: PixelSize,
    /// Rows used from the heading to the credit.
    rows: u16,
}

/// Draw the big title slide in `body`; false (drawing nothing) when it
/// would not fit.
pub fn render_big(
    content: &DeckContent,
    slide: &Slide,
    body: Rect,
    buf: &mut Buffer,
    palette: Room,
) -> bool {
    let Some(plan) = plan(content, slide, body) else {
        return false;
    };
    let column = text_column(body);
    let mut y = body.y + (body.height - plan.rows) / 2;
    let heading_area = Rect::new(column.x, y, column.width, body.bottom() - y);
    put_lines(buf, heading_area, &plan.heading, palette);
    y += u16::try_from(plan.heading.len()).unwrap_or(0) + 1;
    for (i, (figure, label)) in content.figures.iter().zip(&plan.labels).enumerate() {
        let x = body.x + u16::try_from(i).unwrap_or(0) * (plan.cell + GAP);
        let digits = Rect::new(x, y, plan.cell, big_rows(plan.size, 1));
        put_big(buf, digits, &figure.value, plan.size, palette.accent());
        let label_area = Rect::new(
            x,
            digits.bottom(),
            plan.cell,
            body.bottom() - digits.bottom(),
        );
        for (row, line) in (label_area.y..).zip(label) {
            put(buf, label_area, row, line, palette.base(), true);
        }
    }
    let credit = credit_lines(content, usize::from(column.width));
    let top = body
        .bottom()
        .saturating_sub(u16::try_from(credit.len()).unwrap_or(0));
    for (row, line) in (top..body.bottom()).zip(&credit) {
        put(buf, column, row, line, palette.muted(), true);
    }
    true
}

/// The quiet source line, wrapped (three rows at most).
fn credit_lines(content: &DeckContent, width: usize) -> Vec<String> {
    let mut lines = content
        .credit
        .as_deref()
        .map(|c| wrap(&clean(c, false), width))
        .unwrap_or_default();
    lines.truncate(3);
    lines
}

/// The biggest digits with which the figures sit side by side and
/// everything fits, or `None`.
fn plan(content: &DeckContent, slide: &Slide, body: Rect) -> Option<Plan> {
    let count = u16::try_from(content.figures.len()).ok()?;
    if slide.pages != 1 || count == 0 || count > 6 {
        return None;
    }
    let heading = heading_lines(content, usize::from(text_column(body).width));
    let cell = body.width.saturating_sub(GAP * (count - 1)) / count;
    let labels: Vec<Vec<String>> = content
        .figures
        .iter()
        .map(|f| wrap(&clean(&f.label, false), usize::from(cell)))
        .collect();
    let label_rows = labels.iter().map(Vec::len).max().unwrap_or(0);
    let credit_rows = credit_lines(content, usize::from(text_column(body).width)).len();
    // Heading, a blank line, digits, labels, a blank line and the credit.
    let fixed = u16::try_from(heading.len() + 1 + label_rows + 1 + credit_rows).ok()?;
    let size = SIZES.into_iter().find(|&s| {
        let across = content
            .figures
            .iter()
            .all(|f| figure_width(s, &f.value) <= cell);
        across && fixed.saturating_add(big_rows(s, 1)) < body.height
    })?;
    let rows = fixed + big_rows(size, 1);
    Some(Plan {
        heading,
        labels,
        cell,
        size,
        rows,
    })
}

fn figure_width(size: PixelSize, value: &str) -> u16 {
    big_width(
        size,
        u16::try_from(value.chars().count()).unwrap_or(u16::MAX),
    )
}

/// Theme title, then the report and its period.
fn heading_lines(content: &DeckContent, width: usize) -> Vec<TextLine> {
    let mut lines: Vec<TextLine> = wrap(&clean(&content.theme_title, false), width)
        .into_iter()
        .map(|l| TextLine::new(l, Tone::Title, true))
        .collect();
    lines.push(TextLine::blank());
    let about = [Some(&content.pack_title), content.period.as_ref()];
    for text in about.into_iter().flatten() {
        for l in wrap(&clean(text, false), width) {
            lines.push(TextLine::new(l, Tone::Body, true));
        }
    }
    lines
}
