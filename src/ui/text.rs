//! Small helpers that turn content into styled lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Multi-line text as lines (each source line its own `Line`).
pub fn paragraphs(text: &str, style: Style) -> Vec<Line<'static>> {
    text.split('\n')
        .map(|l| Line::styled(crate::text_box::tabs_as_spaces(l).into_owned(), style))
        .collect()
}

/// A bulleted item; wrapping is left to the `Paragraph`.
pub fn bullet(text: &str, style: Style) -> Line<'static> {
    Line::from(vec![
        Span::styled("• ", style),
        Span::styled(text.replace('\n', " "), style),
    ])
}

pub fn numbered(n: usize, text: &str, style: Style) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{n}. "), style),
        Span::styled(text.replace('\n', " "), style),
    ])
}

pub fn heading(text: &str, style: Style) -> Vec<Line<'static>> {
    vec![Line::default(), Line::styled(text.to_owned(), style)]
}

/// Cuts text to `width` terminal cells (wide characters take two),
/// marking the cut with `…`.
pub fn fit(text: &str, width: usize) -> String {
    crate::text::truncate(&text.replace('\n', " "), width)
}

/// Rows `lines` take when word-wrapped to `width`, counted by ratatui's
/// own wrapping, so a box sized with it never cuts its last row.
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    u16::try_from(super::wrap::rows(lines, width.max(1), false, usize::MAX)).unwrap_or(u16::MAX)
}

/// `wrapped_height`, but no more than `most`: where a box has a limit,
/// the text past it is not wrapped just to be counted.
pub fn wrapped_height_at_most(lines: &[Line<'_>], width: u16, most: u16) -> u16 {
    let rows = super::wrap::rows(lines, width.max(1), false, usize::from(most));
    u16::try_from(rows).unwrap_or(u16::MAX).min(most)
}
