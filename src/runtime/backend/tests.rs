//! The backend must write exactly what crossterm's would: frames of random
//! cells, styles and places, drawn both ways, byte for byte.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

use super::FrameBackend;

fn color() -> impl Strategy<Value = Color> {
    prop_oneof![
        (0u8..17).prop_map(|n| match n {
            0 => Color::Reset,
            1 => Color::Black,
            2 => Color::Red,
            3 => Color::Green,
            4 => Color::Yellow,
            5 => Color::Blue,
            6 => Color::Magenta,
            7 => Color::Cyan,
            8 => Color::Gray,
            9 => Color::DarkGray,
            10 => Color::LightRed,
            11 => Color::LightGreen,
            12 => Color::LightYellow,
            13 => Color::LightBlue,
            14 => Color::LightMagenta,
            15 => Color::LightCyan,
            _ => Color::White,
        }),
        any::<u8>().prop_map(Color::Indexed),
        any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
    ]
}

fn cell() -> impl Strategy<Value = Cell> {
    let symbol = prop_oneof![
        Just(" "),
        Just("a"),
        Just("é"),
        Just("界"),
        Just("—"),
        Just("")
    ];
    (symbol, color(), color(), color(), any::<u16>()).prop_map(|(symbol, fg, bg, under, bits)| {
        let mut cell = Cell::new(symbol);
        cell.fg = fg;
        cell.bg = bg;
        cell.underline_color = under;
        cell.modifier = Modifier::from_bits_truncate(bits);
        cell
    })
}

/// Places in reading order, often side by side, sometimes far apart
/// (numbers of one to five digits).
fn frame() -> impl Strategy<Value = Vec<(u16, u16, Cell)>> {
    let step = prop_oneof![4 => Just(1u16), 1 => 2u16..40, 1 => 900u16..1100];
    prop::collection::vec((step, any::<bool>(), cell()), 0..60).prop_map(|cells| {
        let (mut x, mut y) = (0u16, 0u16);
        let mut placed = Vec::new();
        for (step, new_row, cell) in cells {
            if new_row && y < 60000 {
                (x, y) = (0, y + 1 + step % 7);
            } else if x < 64000 {
                x += step;
            }
            placed.push((x, y, cell));
        }
        placed
    })
}

/// What a backend wrote, kept outside it to be read.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Written {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

fn drawn_by_crossterm(frame: &[(u16, u16, Cell)]) -> Vec<u8> {
    let written = Written::default();
    let mut backend = CrosstermBackend::new(written.clone());
    let drawn = backend.draw(frame.iter().map(|(x, y, cell)| (*x, *y, cell)));
    assert!(drawn.is_ok());
    written.take()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Several frames through one backend, so styles kept from one frame
    /// are used in the next.
    #[test]
    fn frames_are_written_as_crossterm_writes_them(frames in prop::collection::vec(frame(), 1..4)) {
        let written = Written::default();
        let mut ours = FrameBackend::new(written.clone());
        for frame in &frames {
            prop_assert!(ours.draw(frame.iter().map(|(x, y, cell)| (*x, *y, cell))).is_ok());
            prop_assert_eq!(written.take(), drawn_by_crossterm(frame));
        }
    }
}

#[test]
fn a_move_counts_from_one() {
    let mut out = Vec::new();
    super::write_move(&mut out, 0, 0);
    super::write_move(&mut out, 99, 9);
    super::write_move(&mut out, u16::MAX, u16::MAX);
    assert_eq!(out, b"\x1b[1;1H\x1b[10;100H\x1b[65536;65536H");
}
