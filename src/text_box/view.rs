//! Where a box is scrolled to. The textarea knows only where its own
//! widget last drew it, and the app draws the rows itself (`rows.rs`), so
//! the box keeps the first row shown in [`View`] and tells the textarea
//! when it needs it: before a page key, and when a long text's window moves.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor};

use super::{TextBox, clamp16};

/// Where the box was last drawn: the area its textarea was sized for, and
/// the first screen row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    pub sized: Option<Rect>,
    pub top: u16,
}

impl TextBox {
    /// A page key scrolls from where the box shows now, which the textarea
    /// does not know (it learns it only when its own widget draws).
    pub(super) fn turn_page(&mut self, key: KeyEvent) {
        self.scroll_textarea_to(self.view.get().top);
        self.area.input(key);
        let (top, _) = self.area.scroll_offset();
        self.view.set(View {
            top,
            ..self.view.get()
        });
    }

    /// The textarea learns its size (its wrapping and its page keys follow
    /// it) only by drawing itself; onto one row is enough.
    pub(super) fn size_textarea(&self, area: Rect) {
        let one_row = Rect {
            height: area.height.min(1),
            ..area
        };
        self.area.render(area, &mut Buffer::empty(one_row));
    }

    /// After the window moved: the new textarea is sized as the box was
    /// last drawn, and scrolled so the cursor keeps its row on screen (a
    /// page key then turns from where the person is looking).
    pub(super) fn keep_view(&mut self, before: View, cursor_row: Option<usize>) {
        let (Some(area), Some(row)) = (before.sized, cursor_row) else {
            return;
        };
        // Where the old box would have shown the cursor (the widget's rule:
        // a cursor past an edge is brought to that edge).
        let last_row = usize::from(area.height.saturating_sub(1));
        let from_top = row.saturating_sub(usize::from(before.top)).min(last_row);
        self.size_textarea(area);
        let row = self.area.screen_cursor().row;
        let top = u16::try_from(row.saturating_sub(from_top)).unwrap_or(u16::MAX);
        // Told to the textarea too, whose widget starts from it.
        self.scroll_textarea_to(top);
        self.view.set(View {
            sized: Some(area),
            top,
        });
    }

    /// Scrolls the textarea to show from screen row `top`, which the box
    /// knows and the textarea does not (it learns it only when its own
    /// widget draws). The cursor stays where it is.
    fn scroll_textarea_to(&mut self, top: u16) {
        let (textarea_top, _) = self.area.scroll_offset();
        let rows = i32::from(top) - i32::from(textarea_top);
        if rows == 0 {
            return;
        }
        let rows = i16::try_from(rows).unwrap_or(if rows < 0 { i16::MIN } else { i16::MAX });
        // Scrolling also pulls the cursor into the rows it thinks are shown.
        let DataCursor(row, col) = self.area.cursor();
        self.area.scroll((rows, 0));
        self.area
            .move_cursor(CursorMove::Jump(clamp16(row), clamp16(col)));
    }
}

/// The widget's rule: the top moves only as far as keeps the cursor shown.
pub(super) fn next_top(previous: u16, cursor: u16, height: u16) -> u16 {
    if cursor < previous {
        cursor
    } else if previous.saturating_add(height) <= cursor {
        cursor.saturating_add(1).saturating_sub(height)
    } else {
        previous
    }
}
