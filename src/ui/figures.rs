//! A pack's headline figures, laid out as figures: each number with its
//! label (the Panel's words) under or beside it, in big digits when there
//! is room, as on the group's title slide.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::split::{self, Size};
use super::style::Palette;
use crate::content::Figure;

/// Rows of big digits (quadrant pixels: 8x8 glyphs in 4x4 cells).
const BIG_ROWS: u16 = 4;
/// Cells across a big digit.
const BIG_CELLS: u16 = 4;

/// One row per figure: the number, right-aligned in a column, then its
/// label.
pub fn rows(figures: &[Figure], palette: Palette) -> Vec<Line<'static>> {
    let width = widest(figures);
    figures
        .iter()
        .map(|f| {
            Line::from(vec![
                Span::styled(format!("{:>width$}  ", f.value), palette.figure()),
                Span::styled(f.label.clone(), palette.text()),
            ])
        })
        .collect()
}

/// Characters in the longest number.
fn widest(figures: &[Figure]) -> usize {
    let values = figures.iter().map(|f| f.value.chars().count());
    values.max().unwrap_or(0)
}

/// Rows the big layout needs across `width`: digits, then labels wrapped
/// under each; `None` when big digits do not fit side by side.
pub fn big_height(figures: &[Figure], width: u16) -> Option<u16> {
    let count = u16::try_from(figures.len()).ok().filter(|&n| n > 0)?;
    let column = width / count;
    let digits = u16::try_from(widest(figures))
        .ok()?
        .saturating_mul(BIG_CELLS);
    if column < digits.max(16) + 2 {
        return None;
    }
    let labels = figures
        .iter()
        .map(|f| crate::text::wrap(&f.label, usize::from(column - 2)).len())
        .max()
        .unwrap_or(1);
    Some(BIG_ROWS + u16::try_from(labels).unwrap_or(u16::MAX))
}

/// The figures side by side, in big digits, each label under its number.
pub fn draw_big(buf: &mut Buffer, area: Rect, figures: &[Figure], palette: Palette) {
    let columns = split::even_columns(area, figures.len());
    for (figure, column) in figures.iter().zip(columns) {
        let [digits, label] = split::rows(column, [Size::Len(BIG_ROWS), Size::Fill]);
        let big = BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(palette.figure())
            .alignment(Alignment::Center)
            .lines(vec![Line::raw(figure.value.clone())])
            .build();
        big.render(digits, buf);
        Paragraph::new(figure.label.clone())
            .style(palette.text())
            .centered()
            .wrap(Wrap { trim: true })
            .render(label, buf);
    }
}
