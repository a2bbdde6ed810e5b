//! The screen, a frame at a time: ratatui's `Terminal` lends the frame to
//! draw on and keeps up with the window's size; what the terminal shows is
//! kept here, and only the cells that changed are sent (`diff.rs`).
//!
//! This is `Terminal::draw` with its last step, `Buffer::diff`, done
//! ours. The terminal's own second buffer is left unused, and so is a
//! cursor position set on the frame: the terminal's cursor stays hidden,
//! as the text boxes draw their own (reverse video).

use std::io::{self, BufWriter, Stdout};

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;

use super::backend::FrameBackend;
use super::diff;

pub struct Screen {
    terminal: Terminal<FrameBackend<BufWriter<Stdout>>>,
    /// The last frame sent; `None` before the first.
    shown: Option<Buffer>,
}

impl Screen {
    pub fn new(terminal: Terminal<FrameBackend<BufWriter<Stdout>>>) -> Screen {
        Screen {
            terminal,
            shown: None,
        }
    }

    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// Draws a frame with `render` and sends the cells that changed, in one
    /// write. A resize first clears the screen, so the whole frame goes.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        self.terminal.autoresize()?;
        render(&mut self.terminal.get_frame());
        let next = std::mem::take(self.terminal.current_buffer_mut());
        let sent = self.send(&next);
        // The frame shown until now, blanked, is the next one to draw on.
        // Before the first frame there is none: a blank one is made after
        // the first frame went out, not before.
        let area = self.terminal.get_frame().area();
        let drawn_on = match self.shown.replace(next) {
            Some(mut buffer) if buffer.area == area => {
                buffer.reset();
                buffer
            }
            _ => Buffer::empty(area),
        };
        *self.terminal.current_buffer_mut() = drawn_on;
        sent
    }

    fn send(&mut self, next: &Buffer) -> io::Result<()> {
        let changes = diff::changes(self.shown.as_ref(), next);
        self.terminal.backend_mut().draw(changes)?;
        self.terminal.hide_cursor()?;
        self.terminal.backend_mut().flush()
    }
}
