//! Styling parts of the text after the box is drawn: the textarea has no
//! way to style a range of text (short of its regex search), so the cells
//! that show the range are found through the textarea's own map from the
//! screen to the text, which knows its wrapping, wide characters and tabs,
//! from where the box was scrolled to while drawing.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::TextBox;

/// A range of one line of the whole text, and how to style it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Styled {
    pub line: usize,
    /// Bytes of the line; a range that is not on character boundaries of
    /// the line as it is now is left out.
    pub span: Range<usize>,
    pub style: Style,
}

/// A range in a line of the window, in characters.
struct InWindow {
    row: usize,
    chars: Range<usize>,
    style: Style,
}

impl TextBox {
    /// Patches `style` onto the cells showing each range, in the `area`
    /// the box was just drawn into. Only rows of the window on screen are
    /// looked at; ranges outside it are skipped.
    pub fn style_ranges(&self, buf: &mut Buffer, area: Rect, ranges: &[Styled]) {
        let in_window = self.in_window(ranges);
        if in_window.is_empty() {
            return;
        }
        let lines = self.area.lines();
        let segments = self.segments(self.view.get().top, area.height);
        for (y, segment) in (0..area.height).zip(&segments) {
            let row = segment.row;
            let here: Vec<&InWindow> = in_window.iter().filter(|r| r.row == row).collect();
            if here.is_empty() {
                continue;
            }
            let line = lines[row].as_str();
            let (start, end) = segment.chars;
            let row_area = Rect::new(area.x, area.y + y, area.width, 1);
            for (x, chars) in self.cells_of(buf, row_area, line, start..end) {
                let style = here
                    .iter()
                    .filter(|r| chars.start < r.chars.end && r.chars.start < chars.end)
                    .fold(None, |acc: Option<Style>, r| {
                        Some(acc.unwrap_or_default().patch(r.style))
                    });
                if let (Some(style), Some(cell)) = (style, buf.cell_mut((x, row_area.y))) {
                    cell.set_style(style);
                }
            }
        }
    }

    /// The ranges in the window's lines, as characters of their line.
    fn in_window(&self, ranges: &[Styled]) -> Vec<InWindow> {
        let first = self.before.len();
        let lines = self.area.lines();
        ranges
            .iter()
            .filter_map(|r| {
                let row = r.line.checked_sub(first).filter(|&row| row < lines.len())?;
                let text = lines[row].as_str();
                let start = text.get(..r.span.start)?.chars().count();
                let end = start + text.get(r.span.clone())?.chars().count();
                Some(InWindow {
                    row,
                    chars: start..end,
                    style: r.style,
                })
            })
            .collect()
    }

    /// Which characters of `line` (`chars`, as drawn on this row) each cell
    /// of `row` shows, read from the cells themselves: a cell holds a whole
    /// grapheme (one or more characters), a wide one hides the cells after
    /// it, and a tab is spaces up to the next tab stop.
    fn cells_of(
        &self,
        buf: &Buffer,
        row: Rect,
        line: &str,
        chars: Range<usize>,
    ) -> Vec<(u16, Range<usize>)> {
        let text: Vec<char> = line.chars().collect();
        let tab = usize::from(self.area.tab_length());
        let mut cells = Vec::new();
        let (mut x, mut at) = (0u16, chars.start);
        while x < row.width && at < chars.end.min(text.len()) {
            let Some(cell) = buf.cell((row.x + x, row.y)) else {
                break;
            };
            let (count, width) = if text[at] == '\t' {
                (
                    1,
                    if tab == 0 {
                        0
                    } else {
                        tab - usize::from(x) % tab
                    },
                )
            } else {
                let symbol = cell.symbol();
                (
                    symbol.chars().count().max(1),
                    crate::text::width(symbol).max(1),
                )
            };
            let width = u16::try_from(width).unwrap_or(u16::MAX);
            for dx in 0..width {
                cells.push((row.x.saturating_add(x).saturating_add(dx), at..at + count));
            }
            x = x.saturating_add(width);
            at += count;
        }
        cells
    }
}
