//! Small helpers that turn content into styled lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Multi-line text as lines (each source line its own `Line`).
pub fn paragraphs(text: &str, style: Style) -> Vec<Line<'static>> {
    text.split('\n')
        .map(|l| Line::styled(l.to_owned(), style))
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

/// Cuts text to `width` characters, marking the cut with `…`.
pub fn fit(text: &str, width: usize) -> String {
    let text = text.replace('\n', " ");
    if text.chars().count() <= width {
        return text;
    }
    let cut: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Rows `lines` take when word-wrapped to `width` (close to ratatui's wrap).
pub fn wrapped_height(lines: &[Line<'_>], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = lines
        .iter()
        .map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            wrapped_rows(&text, width)
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

fn wrapped_rows(text: &str, width: usize) -> usize {
    let mut rows = 1;
    let mut used = 0;
    // Non-breaking spaces hold words together, as in ratatui's wrapping.
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        let w = Span::raw(word).width();
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = 0;
        }
        used += if used == 0 { w } else { w + 1 };
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}
