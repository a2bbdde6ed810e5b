//! For the property tests that hold the app's widgets to ratatui's: a
//! screen with something in every cell, so a widget that overwrites or
//! leaves a cell shows it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

pub fn filled(area: Rect) -> Buffer {
    let mut buf = Buffer::empty(area);
    for (i, cell) in buf.content.iter_mut().enumerate() {
        cell.set_symbol(if i % 3 == 0 { "x" } else { "·" })
            .set_fg(Color::Green);
    }
    buf
}
