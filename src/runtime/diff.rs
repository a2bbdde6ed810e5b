//! Which cells of a frame to send: those that differ from the frame the
//! terminal shows, by ratatui's own rule (`Buffer::diff`), cell for cell.
//!
//! Why not ratatui's: it works out each cell's display width before it
//! compares the cell, and compares through a call per cell. At 300x100
//! that was about 4M instructions a frame, more than drawing the frame.
//! Here a cell whose text is one byte is known to be one column wide, and
//! the comparison is inlined. `tests.rs` holds the result to ratatui's over
//! random frames, wide characters and emoji included.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

#[cfg(test)]
mod tests;

/// What a cleared screen shows in every cell.
static BLANK: Cell = Cell::EMPTY;

/// Modifiers that show on a blank cell (ratatui's list).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The cells of `next` to write over `shown`, in reading order, with their
/// places. `None`, or a frame of another size, stands for a cleared screen
/// (a resize clears it).
pub fn changes<'a>(shown: Option<&'a Buffer>, next: &'a Buffer) -> Changes<'a> {
    let shown = shown.filter(|shown| shown.area == next.area);
    let len = shown.map_or(next.content.len(), |shown| {
        shown.content.len().min(next.content.len())
    });
    Changes {
        shown: shown.map(|buffer| buffer.content.as_slice()),
        next: &next.content,
        len,
        area: next.area,
        pos: 0,
        trailing: None,
    }
}

pub struct Changes<'a> {
    shown: Option<&'a [Cell]>,
    next: &'a [Cell],
    /// The cells compared: both frames hold them.
    len: usize,
    area: Rect,
    pos: usize,
    trailing: Option<Trailing>,
}

/// Cells after a wide character still to be sent: every one (`force`)
/// when the character it replaced left its style on them, otherwise those
/// whose text changed.
struct Trailing {
    next_index: usize,
    end: usize,
    force: bool,
}

impl<'a> Changes<'a> {
    fn shown(&self, index: usize) -> &'a Cell {
        self.shown.map_or(&BLANK, |cells| &cells[index])
    }

    fn place(&self, index: usize) -> (u16, u16, &'a Cell) {
        let width = usize::from(self.area.width);
        let x = index % width + usize::from(self.area.x);
        let y = index / width + usize::from(self.area.y);
        let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        (clamp(x), clamp(y), &self.next[index])
    }

    /// The next of the trailing cells to send, if any is left.
    fn next_trailing(&mut self, len: usize) -> Option<(u16, u16, &'a Cell)> {
        let mut trailing = self.trailing.take()?;
        while trailing.next_index < trailing.end {
            let j = trailing.next_index;
            let width = width_of(&self.next[j]).max(1);
            trailing.next_index += width;
            trailing.end = trailing.end.max(trailing.next_index).min(len);
            let text_changed = self.shown(j).symbol() != self.next[j].symbol();
            if !is_skip(&self.next[j]) && (trailing.force || text_changed) {
                self.trailing = Some(trailing);
                return Some(self.place(j));
            }
        }
        self.pos = trailing.end;
        None
    }

    /// A changed cell at `i`: notes the trailing cells a wide character
    /// makes, or skips the columns it covers.
    fn changed(&mut self, i: usize, len: usize) -> (u16, u16, &'a Cell) {
        let current = &self.next[i];
        let previous = self.shown(i);
        let width = width_of(current);
        // Some terminals leave the column after an emoji with VS16 as it was.
        let vs16 = width > 1 && current.symbol().contains('\u{FE0F}');
        if vs16 {
            let end = (i + width).min(len);
            self.trailing = Some(Trailing {
                next_index: i + 1,
                end,
                force: false,
            });
        } else if width > 1 {
            self.pos += width - 1;
        } else if (previous.bg != Color::Reset || previous.modifier.intersects(VISIBLE_ON_BLANK))
            && width_of(previous) > width
        {
            // Bounded here, not in ratatui: a wide character in the last
            // cell (no widget draws one) would take it past the frame.
            self.trailing = Some(Trailing {
                next_index: i + 1,
                end: (i + width_of(previous)).min(len),
                force: true,
            });
        }
        self.place(i)
    }
}

impl<'a> Iterator for Changes<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.len;
        if self.trailing.is_some()
            && let Some(cell) = self.next_trailing(len)
        {
            return Some(cell);
        }
        while self.pos < len {
            let i = self.pos;
            self.pos += 1;
            let current = &self.next[i];
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self.pos.saturating_add(usize::from(width.get() - 1));
                    if !same(current, self.shown(i)) {
                        return Some(self.place(i));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let always = current.diff_option == CellDiffOption::AlwaysUpdate;
                    if always || !same(current, self.shown(i)) {
                        return Some(self.changed(i, len));
                    }
                    // A wide character covers the columns after it.
                    self.pos += width_of(current).saturating_sub(1);
                }
            }
        }
        None
    }
}

/// `Cell::cell_width`, without its call for a one-byte text or a line of
/// a box (one column each): a box's border was a third of the table
/// lookups on home's first frame.
#[inline(always)]
fn width_of(cell: &Cell) -> usize {
    if let CellDiffOption::ForcedWidth(width) = cell.diff_option {
        return usize::from(width.get());
    }
    let symbol = cell.symbol().as_bytes();
    if symbol.len() == 1 || is_box_drawing(symbol) {
        1
    } else {
        usize::from(cell.cell_width())
    }
}

/// One character of Unicode's Box Drawing block, U+2500 to U+257F: in
/// UTF-8, E2 94 80 to E2 95 BF.
#[inline(always)]
pub(super) fn is_box_drawing(symbol: &[u8]) -> bool {
    matches!(symbol, [0xE2, 0x94 | 0x95, _])
}

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// `Cell`'s own `==`, inlined, with one-byte texts compared as bytes,
/// and first: over a cleared screen most cells differ in their text, and
/// then their three colours need no comparing.
#[inline(always)]
#[allow(deprecated)]
fn same(a: &Cell, b: &Cell) -> bool {
    let same_text = match (a.symbol().as_bytes(), b.symbol().as_bytes()) {
        ([x], [y]) => x == y,
        (x, y) => x == y,
    };
    same_text
        && a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
}
