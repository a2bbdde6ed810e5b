//! The terminal backend: crossterm's, except that a frame's cells go out as
//! bytes instead of a formatted command each, and in fewer of them.
//!
//! Why: crossterm formats every cursor move and every cell's `Print`
//! through `fmt`, and for home's first frame (2,500 cells, 170 style
//! changes) that was 0.58M of its 2.9M instructions. Here a cell is a copy
//! of its text, a move is a few digits, and each style change is crossterm's
//! own bytes, formatted once and kept.
//!
//! Fewer bytes: a move along the row is relative (`ESC [ n C`) when the
//! terminal's cursor is surely where we count it, and a colour change
//! names only the colour that changed. Home's first frame was 4,513 bytes,
//! and a Linux pty hands its reader at most 4,095 at a time: the rest came
//! in a second read, up to 0.2 ms later. `tests.rs` draws random frames
//! both ways, through a terminal emulator (`vt100`), and compares the
//! screens.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::Color as CrosstermColor;
use crossterm::style::{
    Attribute, Colors, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

#[cfg(test)]
mod tests;

pub struct FrameBackend<W: Write> {
    crossterm: CrosstermBackend<W>,
    styles: StyleBytes,
    /// A frame's bytes, gathered here and handed on in one write.
    frame: Vec<u8>,
}

impl<W: Write> FrameBackend<W> {
    pub fn new(writer: W) -> Self {
        FrameBackend {
            crossterm: CrosstermBackend::new(writer),
            styles: StyleBytes::default(),
            frame: Vec::new(),
        }
    }
}

/// The pen a frame is drawn with: what the terminal was last told.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
    /// The cell just written: the next one beside it needs no move.
    last: Option<(u16, u16)>,
    /// Whether every cell written since the last absolute move is one
    /// column on any terminal (see `one_column`): only then may a move
    /// count from where the cursor is.
    counted: bool,
}

impl Pen {
    fn new() -> Pen {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
            last: None,
            counted: false,
        }
    }

    /// Moves to the cell and changes to its style, as far as either
    /// differs from where the pen is and what it has. Inlined: it runs
    /// for every cell of a frame (called, it cost 0.15M more on home's).
    #[inline(always)]
    fn take_up(
        &mut self,
        (x, y, cell): (u16, u16, &Cell),
        styles: &mut StyleBytes,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        match self.last {
            Some((px, py)) if py == y && px.checked_add(1) == Some(x) => {}
            Some((px, py)) if py == y && x > px && self.counted => {
                write_forward(out, x - px - 1);
            }
            _ => {
                write_move(out, x, y);
                self.counted = true;
            }
        }
        self.last = Some((x, y));
        let symbol = cell.symbol().as_bytes();
        self.counted &= one_column(symbol);
        if cell.modifier != self.modifier {
            out.extend_from_slice(styles.modifier_change(self.modifier, cell.modifier)?);
            self.modifier = cell.modifier;
        }
        let fg = (cell.fg != self.fg).then_some(cell.fg);
        let bg = (cell.bg != self.bg).then_some(cell.bg);
        if fg.is_some() || bg.is_some() {
            out.extend_from_slice(styles.colors(fg, bg)?);
            (self.fg, self.bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != self.underline {
            let color = cell.underline_color.into_crossterm();
            queue!(out, SetUnderlineColor(color))?;
            self.underline = cell.underline_color;
        }
        // Most cells are one byte: a push, not a call to copy one.
        match symbol {
            [byte] => out.push(*byte),
            bytes => out.extend_from_slice(bytes),
        }
        Ok(())
    }
}

impl<W: Write> Backend for FrameBackend<W> {
    type Error = io::Error;

    /// What crossterm's backend does, in the same order, for the same bytes.
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.frame.clear();
        let mut pen = Pen::new();
        for (x, y, cell) in content {
            pen.take_up((x, y, cell), &mut self.styles, &mut self.frame)?;
        }
        queue!(
            self.frame,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )?;
        // crossterm's backend passes writes through to its writer.
        self.crossterm.write_all(&self.frame)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.crossterm.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.crossterm.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.crossterm.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.crossterm.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.crossterm.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.crossterm)
    }
}

/// A cell whose width no terminal disputes: printable ASCII, or a line of
/// a box.
fn one_column(symbol: &[u8]) -> bool {
    match symbol {
        [byte] => (b' '..=b'~').contains(byte),
        _ => super::diff::is_box_drawing(symbol),
    }
}

/// crossterm's `MoveRight(n)`, `ESC [ n C`, for `gap` columns (at least
/// one: a gap of none is the next cell, written without a move).
fn write_forward(out: &mut Vec<u8>, gap: u16) {
    out.extend_from_slice(b"\x1b[");
    write_number(out, u32::from(gap.max(1)));
    out.push(b'C');
}

/// crossterm's `MoveTo(x, y)`: `ESC [ row ; column H`, counted from 1.
fn write_move(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    write_number(out, u32::from(y) + 1);
    out.push(b';');
    write_number(out, u32::from(x) + 1);
    out.push(b'H');
}

/// `n` in decimal digits, as `fmt` writes it, without its machinery (a
/// move is written for most rows of a frame).
fn write_number(out: &mut Vec<u8>, n: u32) {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// The bytes of each style change met so far, formatted by crossterm the
/// first time. A frame uses a handful; the bound only guards the memory.
#[derive(Default)]
struct StyleBytes {
    modifiers: Vec<((Modifier, Modifier), Vec<u8>)>,
    colors: Vec<(ColourChange, Vec<u8>)>,
}

/// The colours that changed, foreground and background: one or both.
type ColourChange = (Option<Color>, Option<Color>);

const STYLES_KEPT: usize = 64;

impl StyleBytes {
    fn modifier_change(&mut self, from: Modifier, to: Modifier) -> io::Result<&[u8]> {
        kept(&mut self.modifiers, (from, to), |out| {
            write_modifier_change(out, from, to)
        })
    }

    fn colors(&mut self, fg: Option<Color>, bg: Option<Color>) -> io::Result<&[u8]> {
        kept(&mut self.colors, (fg, bg), |out| match (fg, bg) {
            (Some(fg), Some(bg)) => {
                let colors = Colors::new(fg.into_crossterm(), bg.into_crossterm());
                queue!(out, SetColors(colors))
            }
            (Some(fg), None) => queue!(out, SetForegroundColor(fg.into_crossterm())),
            (None, Some(bg)) => queue!(out, SetBackgroundColor(bg.into_crossterm())),
            (None, None) => Ok(()),
        })
    }
}

fn kept<K: PartialEq>(
    table: &mut Vec<(K, Vec<u8>)>,
    key: K,
    format: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
) -> io::Result<&[u8]> {
    let index = match table.iter().position(|(k, _)| *k == key) {
        Some(index) => index,
        None => {
            if table.len() == STYLES_KEPT {
                table.clear();
            }
            let mut bytes = Vec::new();
            format(&mut bytes)?;
            table.push((key, bytes));
            table.len() - 1
        }
    };
    Ok(&table[index].1)
}

/// ratatui-crossterm's `ModifierDiff::queue`, which is private: what is
/// removed is switched off first (bold and dim share one "normal
/// intensity", so whichever of them stays is switched on again), then
/// what is added is switched on.
fn write_modifier_change(out: &mut Vec<u8>, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    let mut attributes = Vec::new();
    switch_off(&mut attributes, removed, to, reset_intensity);
    switch_on(&mut attributes, to - from, reset_intensity);
    for attribute in attributes {
        queue!(out, SetAttribute(attribute))?;
    }
    Ok(())
}

/// What `removed` asks to switch off; bold or dim going resets both, and
/// whichever of them `to` keeps is switched on again.
fn switch_off(attributes: &mut Vec<Attribute>, removed: Modifier, to: Modifier, reset: bool) {
    if removed.contains(Modifier::REVERSED) {
        attributes.push(Attribute::NoReverse);
    }
    if reset {
        attributes.push(Attribute::NormalIntensity);
        if to.contains(Modifier::DIM) {
            attributes.push(Attribute::Dim);
        }
        if to.contains(Modifier::BOLD) {
            attributes.push(Attribute::Bold);
        }
    }
    let switched_off = [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ];
    for (modifier, attribute) in switched_off {
        if removed.intersects(modifier) {
            attributes.push(attribute);
        }
    }
}

/// What `added` asks to switch on (bold and dim already are, after a reset).
fn switch_on(attributes: &mut Vec<Attribute>, added: Modifier, reset_intensity: bool) {
    let intensity = if reset_intensity {
        Modifier::empty()
    } else {
        Modifier::BOLD | Modifier::DIM
    };
    let switched_on = [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD & intensity, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM & intensity, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ];
    for (modifier, attribute) in switched_on {
        if !modifier.is_empty() && added.contains(modifier) {
            attributes.push(attribute);
        }
    }
}
