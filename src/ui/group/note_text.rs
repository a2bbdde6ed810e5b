//! The note's text inside its box: wrapped, scrolled to the cursor, with
//! the cursor drawn as a reverse-video cell (the view draws into a buffer,
//! so it cannot place the terminal's own cursor).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::ops::Range;

use crate::group::input::NoteInput;
use crate::ui::style::Room;
use crate::group::text::width;
use super::widgets::put;

const PLACEHOLDER: &str = " Type what the group agreed, then Enter";

pub fn draw(
    buf: &mut Buffer,
    inner: Rect,
    input: &NoteInput,
    ranges: &[Range<usize>],
    palette: Room,
) {
    if inner.width == 0 || inner.height == 0 || ranges.is_empty() {
        return;
    }
    let text = input.text();
    if text.is_empty() {
        put(buf, inner, inner.y, PLACEHOLDER, palette.muted(), false);
    }
    let line = cursor_line(ranges, input.cursor());
    let rows = usize::from(inner.height);
    let first = line.saturating_sub(rows - 1);
    for (row, range) in (inner.y..inner.bottom()).zip(&ranges[first..]) {
        put(
            buf,
            inner,
            row,
            text.get(range.clone()).unwrap_or_default(),
            palette.base(),
            false,
        );
    }
    let hidden_below = first + rows < ranges.len();
    more_signs(buf, inner, first > 0, hidden_below, palette);
    let column = cursor_column(text, &ranges[line], input.cursor());
    let x = inner.x
        + u16::try_from(column)
            .unwrap_or(u16::MAX)
            .min(inner.width - 1);
    let y = inner.y + u16::try_from(line - first).unwrap_or(0);
    if let Some(cell) = buf.cell_mut(Position::new(x, y)) {
        cell.set_style(palette.bar());
    }
}

/// The wrapped line the cursor is on: the last one starting at or before it.
fn cursor_line(ranges: &[Range<usize>], cursor: usize) -> usize {
    ranges.iter().rposition(|r| r.start <= cursor).unwrap_or(0)
}

fn cursor_column(text: &str, range: &Range<usize>, cursor: usize) -> usize {
    let start = range.start.min(text.len());
    let cursor = cursor.clamp(start, text.len());
    text.get(start..cursor).map_or(0, width)
}

/// "…" just left of the text (in the box's padding) on the first or last
/// row when wrapped lines are scrolled out of view.
fn more_signs(buf: &mut Buffer, inner: Rect, above: bool, below: bool, palette: Room) {
    let Some(x) = inner.x.checked_sub(1) else {
        return;
    };
    let rows = [(above, inner.y), (below, inner.bottom() - 1)];
    for (hidden, y) in rows {
        if hidden && let Some(cell) = buf.cell_mut(Position::new(x, y)) {
            cell.set_symbol("…").set_style(palette.bold());
        }
    }
}
