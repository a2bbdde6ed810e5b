//! ratatui's crossterm backend, sent runs of text instead of single cells.
//!
//! The crossterm backend writes every changed cell as its own `Print`
//! command, through `fmt`: on home's first frame that was 0.58M
//! instructions for 2,000 cells, a sixth of all the start-up work
//! (callgrind). Cells that follow each other on a row in one style are
//! joined into one cell holding their text, so the same backend prints
//! the run in one command; styles, cursor moves and everything else are
//! still crossterm's.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

pub struct RunsBackend<W: Write>(CrosstermBackend<W>);

impl<W: Write> RunsBackend<W> {
    pub fn new(writer: W) -> Self {
        RunsBackend(CrosstermBackend::new(writer))
    }
}

/// The changed cells, with each run of neighbours in one style joined.
/// Cells are neighbours exactly when the crossterm backend would print
/// the second without moving the cursor, so the terminal shows the same.
fn runs<'a>(cells: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<(u16, u16, Cell)> {
    // (where the run starts, its first cell, its text, its last column)
    let mut runs: Vec<((u16, u16), &Cell, String, u16)> = Vec::new();
    for (x, y, cell) in cells {
        match runs.last_mut() {
            Some(((_, row), first, text, last))
                if *row == y && last.checked_add(1) == Some(x) && same_style(first, cell) =>
            {
                text.push_str(cell.symbol());
                *last = x;
            }
            _ => runs.push(((x, y), cell, cell.symbol().to_owned(), x)),
        }
    }
    runs.into_iter()
        .map(|((x, y), first, text, _)| {
            let mut run = first.clone();
            run.set_symbol(&text);
            (x, y, run)
        })
        .collect()
}

fn same_style(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
}

impl<W: Write> Backend for RunsBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let runs = runs(content);
        self.0.draw(runs.iter().map(|(x, y, cell)| (*x, *y, cell)))
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.0.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests;
