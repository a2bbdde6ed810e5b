//! Which lines of a long text the textarea holds: those the box can show
//! around the cursor, and a few more to move in. ratatui-textarea works
//! out the wrapping of every line it holds after every edit, so each line
//! held is paid for on every key: a box 12 rows tall holds about 30 lines
//! (it held 180 whatever its size, and a key cost four times as much).
//!
//! The box's height is known once it is drawn. If it then grows (a larger
//! window, a prompt taken away) past what the window holds, drawing says
//! so ([`TextBox::is_short_of_rows`]) and the app calls
//! [`TextBox::fit_to_box`] before the next frame.

use std::cell::Cell;

use ratatui_textarea::{CursorMove, DataCursor};

use super::{TextBox, clamp16};

/// Rows a box is taken to have before it is first drawn.
const UNSIZED_ROWS: usize = 85;
/// Lines held beyond a box's worth on each side of the cursor: room to
/// move before the window must, and for the box to grow a little.
const EDGE: usize = 16;
/// Lines held on each side of the cursor in a box not yet drawn.
pub(super) const UNSIZED_REACH: usize = UNSIZED_ROWS + EDGE;

/// The most lines a box `rows` tall holds before a key trims them.
pub(super) const fn most_held(rows: usize) -> usize {
    2 * (rows + EDGE) + 1 + EDGE
}

impl TextBox {
    /// Whether the last drawing found the box taller than the lines held.
    pub fn is_short_of_rows(&self) -> bool {
        self.short_of_rows.get()
    }

    /// After a drawing found the box short of rows: holds as many lines
    /// as the box, as drawn, can show.
    pub fn fit_to_box(&mut self) {
        if self.short_of_rows.take() {
            let (line, col) = self.cursor();
            self.recentre(line, col);
        }
    }

    pub(super) fn set_short_of_rows(&self, short: bool) {
        let more_text = !self.before.is_empty() || !self.after.is_empty();
        self.short_of_rows.set(short && more_text);
    }

    /// The rows of the box as last drawn (a guess before it is drawn).
    fn rows(&self) -> usize {
        let drawn = self.view.get().sized.map(|area| usize::from(area.height));
        drawn.unwrap_or(UNSIZED_ROWS).max(1)
    }

    /// Moves the window when the cursor is near an edge with more text
    /// beyond it, and trims a window grown (a paste, a page key) or made
    /// for a taller box.
    pub(super) fn follow_cursor(&mut self) {
        let DataCursor(row, col) = self.area.cursor();
        let count = self.area.lines().len();
        let rows = self.rows();
        let least = rows + EDGE / 2;
        let near_top = row < least && !self.before.is_empty();
        let below = count.saturating_sub(row + 1);
        let near_bottom = below < least && !self.after.is_empty();
        let oversized = count > most_held(rows);
        if near_top || near_bottom || oversized {
            self.recentre(self.before.len() + row, col);
        }
    }

    /// Before a page key: a page and more on each side of the box, so the
    /// page turns all the way (the next key trims the window again).
    pub(super) fn widen_for_page(&mut self) {
        let DataCursor(row, col) = self.area.cursor();
        let count = self.area.lines().len();
        let rows = self.rows();
        let needed = 2 * rows + EDGE / 2;
        let short_above = row < needed && !self.before.is_empty();
        let short_below = count.saturating_sub(row + 1) < needed && !self.after.is_empty();
        if short_above || short_below {
            let cursor = self.before.len() + row;
            self.recentre_reaching(cursor, col, 2 * rows + EDGE);
        }
    }

    /// Puts the window round line `cursor` of the whole text, the cursor
    /// at `(cursor, col)`.
    pub(super) fn recentre(&mut self, cursor: usize, col: usize) {
        self.recentre_reaching(cursor, col, self.rows() + EDGE);
    }

    /// The window: `reach` lines on each side of line `cursor` (fewer at
    /// an end of the text).
    fn recentre_reaching(&mut self, cursor: usize, col: usize, reach: usize) {
        let view = self.view.get();
        let screen_row = view.sized.map(|_| self.area.screen_cursor().row);
        let mut lines: Vec<String> = if self.has_history {
            // Its textarea is kept to undo into, with the lines around it.
            let copy = self.lines().map(str::to_owned).collect();
            self.leave_window();
            copy
        } else {
            let mut lines = std::mem::take(&mut self.before);
            lines.extend(self.area.lines().iter().cloned());
            lines.append(&mut self.after);
            lines
        };
        let cursor = cursor.min(lines.len().saturating_sub(1));
        let start = cursor.saturating_sub(reach);
        let end = cursor.saturating_add(reach + 1).min(lines.len());
        self.after = lines.split_off(end);
        let window = lines.split_off(start);
        self.before = lines;
        self.area = self.textarea(window);
        self.view = Cell::default();
        self.short_of_rows.set(false);
        let (row, col) = (cursor - start, col);
        self.area
            .move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
        self.keep_view(view, screen_row);
    }
}
