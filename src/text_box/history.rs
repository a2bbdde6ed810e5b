//! Undo and redo across moves of the window.
//!
//! The textarea's own history lives and dies with the textarea, and a new
//! one is made each time the window moves. So the textarea a window was
//! edited in is kept when the window moves on (with the lines around it):
//! undoing past the start of the current window goes back into it, and
//! redoing past the end of that one comes forward again. Without this,
//! a 300-line paste could not be undone once the cursor had moved.
//!
//! A window moved to without being edited in ("clean") is never kept: its
//! text is the kept window's as it was left.

use std::cell::Cell;
use std::mem;

use ratatui_textarea::TextArea;

use super::TextBox;

/// Windows kept to undo back into. Each holds the whole text (a long
/// answer's undo must not grow without bound), and reaches back as far
/// as its textarea's own undo steps.
const KEPT: usize = 8;

/// A window of the text and the textarea that held it, history intact.
#[derive(Debug, Clone)]
struct Window {
    before: Vec<String>,
    area: TextArea<'static>,
    after: Vec<String>,
    /// Steps undone in it and not redone since: the only ones that may be
    /// redone (later ones of its own history were overtaken by edits made
    /// after it was left).
    redoable: usize,
}

/// The windows left behind, to undo back into, and those undone out of,
/// to redo into.
#[derive(Debug, Clone, Default)]
pub(super) struct Windows {
    earlier: Vec<Window>,
    later: Vec<Window>,
}

impl TextBox {
    /// The text changed by typing or pasting: nothing undone can be
    /// redone any more.
    pub(super) fn edited(&mut self) {
        self.redoable = 0;
        self.has_history = true;
        self.windows.later.clear();
    }

    /// The window, edited in, is about to move: it is kept, and taken out
    /// of the box (the caller, `recentre`, makes the next).
    pub(super) fn leave_window(&mut self) {
        let left = self.current_window();
        let earlier = &mut self.windows.earlier;
        if earlier.len() == KEPT {
            earlier.remove(0);
        }
        earlier.push(left);
        self.has_history = false;
        self.redoable = 0;
    }

    /// Undoes a step, going back into earlier windows; true when the text
    /// changed.
    pub fn undo(&mut self) -> bool {
        let cursor = self.cursor();
        loop {
            if self.area.undo() {
                self.redoable += 1;
                self.has_history = true;
                return true;
            }
            let Some(mut earlier) = self.windows.earlier.pop() else {
                self.stay_at(cursor);
                return false;
            };
            // The window undone out of is its start again, which is
            // where the earlier one was left.
            if self.has_history {
                let current = self.current_window();
                self.windows.later.push(current);
                earlier.redoable = 0;
            }
            self.enter(earlier);
        }
    }

    /// Redoes a step undone, going forward into later windows; true when
    /// the text changed.
    pub fn redo(&mut self) -> bool {
        let cursor = self.cursor();
        loop {
            if self.redoable > 0 && self.area.redo() {
                self.redoable -= 1;
                self.has_history = true;
                return true;
            }
            let resumes_earlier = !self.has_history
                && self
                    .windows
                    .earlier
                    .last()
                    .is_some_and(|window| window.redoable > 0);
            let next = if resumes_earlier {
                self.windows.earlier.pop()
            } else {
                let later = self.windows.later.pop();
                if later.is_some() && self.has_history {
                    let current = self.current_window();
                    self.windows.earlier.push(current);
                }
                later
            };
            let Some(next) = next else {
                self.stay_at(cursor);
                return false;
            };
            self.enter(next);
        }
    }

    /// Nothing was undone or redone: the cursor stays where it was, even
    /// if a kept window was entered on the way.
    fn stay_at(&mut self, (line, col): (usize, usize)) {
        if self.cursor() != (line, col) {
            self.move_cursor_to(line, col);
        }
    }

    /// The current window, taken out (the box is refilled by `enter` or
    /// by the caller).
    fn current_window(&mut self) -> Window {
        Window {
            before: mem::take(&mut self.before),
            area: mem::take(&mut self.area),
            after: mem::take(&mut self.after),
            redoable: self.redoable,
        }
    }

    fn enter(&mut self, window: Window) {
        self.before = window.before;
        self.area = window.area;
        self.after = window.after;
        self.redoable = window.redoable;
        self.has_history = true;
        self.area
            .set_cursor_style(super::cursor_style(self.focused));
        self.view = Cell::default();
    }
}

#[cfg(test)]
mod tests;
