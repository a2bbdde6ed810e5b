//! The screen, a frame at a time: a frame is drawn on a buffer the size of
//! the window, and only the cells that changed since the frame the terminal
//! shows are sent (`diff.rs`), in one write.
//!
//! Why not ratatui's `Terminal`: it keeps two buffers the size of the
//! window and compares them with its own diff. The app compares with its
//! own diff and keeps the frame shown itself, so the terminal's second
//! buffer was never used, yet it was filled before the first frame (about
//! 36 fresh pages at 100x30, paid for in page faults) and held after it
//! (1.4 MB at 300x100). The terminal's cursor stays hidden, as the text
//! boxes draw their own (reverse video).

use std::io::{self, BufWriter, Stdout};

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect, Size};

use super::backend::FrameBackend;
use super::diff;

pub struct Screen {
    backend: FrameBackend<BufWriter<Stdout>>,
    /// The buffer the next frame is drawn on: blank, the window's size.
    drawing: Buffer,
    /// The last frame sent; `None` before the first and after a resize.
    shown: Option<Buffer>,
    cursor_hidden: bool,
}

impl Screen {
    pub fn new(backend: FrameBackend<BufWriter<Stdout>>) -> io::Result<Screen> {
        let area = Rect::from((Position::ORIGIN, backend.size()?));
        Ok(Screen {
            backend,
            drawing: Buffer::empty(area),
            shown: None,
            cursor_hidden: false,
        })
    }

    pub fn size(&self) -> io::Result<Size> {
        self.backend.size()
    }

    /// The window's area as last measured, on entering or for the last
    /// frame, without asking the terminal again.
    pub fn area(&self) -> Rect {
        self.drawing.area
    }

    /// Draws a frame with `render` and sends the cells that changed, in one
    /// write. A resize first clears the screen, so the whole frame goes.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer)) -> io::Result<()> {
        let area = Rect::from((Position::ORIGIN, self.backend.size()?));
        if area != self.drawing.area {
            self.backend.clear()?;
            self.shown = None;
            self.drawing = Buffer::empty(area);
        }
        render(&mut self.drawing);
        let sent = self.send();
        // The frame shown until now, blanked, is the next one to draw on.
        // Before the first frame there is none: a blank one is made after
        // the first frame went out, not before.
        let blank = match self.shown.take() {
            Some(mut buffer) if buffer.area == area => {
                buffer.reset();
                buffer
            }
            _ => Buffer::empty(area),
        };
        self.shown = Some(std::mem::replace(&mut self.drawing, blank));
        sent
    }

    fn send(&mut self) -> io::Result<()> {
        let changes = diff::changes(self.shown.as_ref(), &self.drawing);
        self.backend.draw(changes)?;
        self.backend.hide_cursor()?;
        self.cursor_hidden = true;
        Backend::flush(&mut self.backend)
    }
}

impl Drop for Screen {
    /// As ratatui's `Terminal` does: the shell gets its cursor back. An
    /// error is ignored, as the window may be gone.
    fn drop(&mut self) {
        if self.cursor_hidden {
            let _ = self.backend.show_cursor();
        }
    }
}
