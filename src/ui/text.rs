//! Small helpers that turn content into styled lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Multi-line text as lines (each source line its own `Line`).
pub fn paragraphs(text: &str, style: Style) -> Vec<Line<'static>> {
    text.split('\n')
        .map(|l| Line::styled(tabs_as_spaces(l).into_owned(), style))
        .collect()
}

/// The columns between tab stops, as the answer box shows them.
const TAB_STOP: usize = 4;

/// `line` with each tab made the spaces to the next tab stop, as the
/// answer box draws it: a tab is drawn as nothing by ratatui, and a
/// tester's "Strengths:\tgood" read "Strengths:good" in the review.
pub fn tabs_as_spaces(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\t') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + TAB_STOP);
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let spaces = TAB_STOP - column % TAB_STOP;
            out.extend(std::iter::repeat_n(' ', spaces));
            column += spaces;
        } else {
            out.push(c);
            column += crate::text::width(c.encode_utf8(&mut [0; 4]));
        }
    }
    std::borrow::Cow::Owned(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_are_spaces_to_the_next_stop() {
        assert_eq!(tabs_as_spaces("Strengths:\tgood"), "Strengths:  good");
        assert_eq!(tabs_as_spaces("\ta\t\tb"), "    a       b");
        assert_eq!(
            tabs_as_spaces("界\tx"),
            "界  x",
            "a wide character is two columns"
        );
        assert!(matches!(
            tabs_as_spaces("none"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
