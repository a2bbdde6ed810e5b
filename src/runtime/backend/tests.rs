//! The backend must show what crossterm's would: frames of random cells,
//! styles and places, drawn both ways into a terminal emulator, must leave
//! the same screen. (Its bytes differ on purpose: relative moves, and only
//! the colour that changed.)

use std::cell::RefCell;
use std::io::{self, Write};
use std::num::NonZeroU16;
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

/// A screen an emulator can hold, and frames of cells within it, in
/// reading order as a diff yields them.
const COLS: u16 = 24;
const ROWS: u16 = 6;

/// `vt100` does not know an underline's colour (SGR 58) and reads its
/// numbers as other attributes; the app never colours an underline, so
/// these frames do not either.
fn small_frame() -> impl Strategy<Value = Vec<(u16, u16, Cell)>> {
    let step = prop_oneof![4 => Just(1u16), 2 => 2u16..9];
    let cell = cell().prop_map(|mut cell| {
        cell.underline_color = Color::Reset;
        cell
    });
    prop::collection::vec((step, any::<bool>(), cell), 0..50).prop_map(|cells| {
        let (mut x, mut y) = (0u16, 0u16);
        let mut placed = Vec::new();
        for (step, new_row, cell) in cells {
            if new_row {
                (x, y) = (step % 3, y + 1);
            } else if !placed.is_empty() {
                x += step;
            }
            if y >= ROWS {
                break;
            }
            if x + 1 < COLS {
                placed.push((x, y, cell));
            }
        }
        placed
    })
}

fn emulator() -> vt100::Parser {
    vt100::Parser::new(
        NonZeroU16::MIN.saturating_add(ROWS - 1),
        NonZeroU16::MIN.saturating_add(COLS - 1),
        0,
    )
}

/// Every cell of an emulator's screen as the eye would compare it.
fn screen_of(parser: &vt100::Parser) -> Vec<String> {
    let screen = parser.screen();
    let mut cells = Vec::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            if let Some(cell) = screen.cell(row, col) {
                cells.push(format!(
                    "{row},{col}: {:?} {:?} {:?} b{} d{} i{} u{} r{}",
                    cell.contents(),
                    cell.fgcolor(),
                    cell.bgcolor(),
                    cell.bold(),
                    cell.dim(),
                    cell.italic(),
                    cell.underline(),
                    cell.inverse()
                ));
            }
        }
    }
    cells
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Several frames through one backend and one emulator, so styles and
    /// places kept from one frame count in the next.
    #[test]
    fn frames_show_what_crossterm_shows(frames in prop::collection::vec(small_frame(), 1..4)) {
        let written = Written::default();
        let mut ours = FrameBackend::new(written.clone());
        let mut ours_shown = emulator();
        let mut crossterm_shown = emulator();
        for frame in &frames {
            prop_assert!(ours.draw(frame.iter().map(|(x, y, cell)| (*x, *y, cell))).is_ok());
            ours_shown.process(&written.take());
            crossterm_shown.process(&drawn_by_crossterm(frame));
            prop_assert_eq!(screen_of(&ours_shown), screen_of(&crossterm_shown));
        }
    }

    /// Far apart, with moves of up to five digits: every byte but the moves
    /// and colours is crossterm's, and the frame ends as crossterm's does.
    #[test]
    fn large_places_are_reached(frame in frame()) {
        let written = Written::default();
        let mut ours = FrameBackend::new(written.clone());
        prop_assert!(ours.draw(frame.iter().map(|(x, y, cell)| (*x, *y, cell))).is_ok());
        let bytes = written.take();
        prop_assert!(bytes.ends_with(b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m"));
        for (_, _, cell) in &frame {
            let symbol = cell.symbol().as_bytes();
            prop_assert!(symbol.is_empty() || bytes.windows(symbol.len()).any(|w| w == symbol));
        }
    }
}

fn drawn_by_ours(frame: &[(u16, u16, Cell)]) -> Vec<u8> {
    let written = Written::default();
    let mut ours = FrameBackend::new(written.clone());
    assert!(
        ours.draw(frame.iter().map(|(x, y, cell)| (*x, *y, cell)))
            .is_ok()
    );
    written.take()
}

fn plain(symbol: &str) -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_symbol(symbol);
    cell
}

/// Along a row of one-column cells the cursor is where it is counted, so a
/// gap is a move forward; after a wide character, or on another row, the
/// move names its place.
#[test]
fn moves_are_relative_only_where_the_column_is_sure() {
    let frame = [
        (0, 0, plain("a")),
        (4, 0, plain("b")),
        (6, 0, plain("─")),
        (9, 0, plain("界")),
        (14, 0, plain("c")),
        (2, 1, plain("d")),
    ];
    let bytes = drawn_by_ours(&frame);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.starts_with("\x1b[1;1Ha\x1b[3Cb\x1b[1C─\x1b[2C界\x1b[1;15Hc\x1b[2;3Hd"),
        "{text:?}"
    );
}

/// A change of one colour names that colour only.
#[test]
fn only_the_colour_that_changed_is_sent() {
    let mut grey = plain("a");
    grey.fg = Color::Indexed(8);
    let mut grey_on_red = plain("b");
    grey_on_red.fg = Color::Indexed(8);
    grey_on_red.bg = Color::Red;
    let bytes = drawn_by_ours(&[(0, 0, grey), (1, 0, grey_on_red)]);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.starts_with("\x1b[1;1H\x1b[38;5;8ma\x1b[48;5;1mb"),
        "{text:?}"
    );
}

#[test]
fn a_move_counts_from_one() {
    let mut out = Vec::new();
    super::write_move(&mut out, 0, 0);
    super::write_move(&mut out, 99, 9);
    super::write_move(&mut out, u16::MAX, u16::MAX);
    assert_eq!(out, b"\x1b[1;1H\x1b[10;100H\x1b[65536;65536H");
}

#[test]
fn a_move_along_the_row_is_at_least_one_column() {
    let mut out = Vec::new();
    for gap in [0, 1, 10, u16::MAX] {
        super::write_forward(&mut out, gap);
    }
    assert_eq!(out, b"\x1b[1C\x1b[1C\x1b[10C\x1b[65535C");
}
