use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::RunsBackend;

const SYMBOLS: [&str; 9] = ["a", "b", " ", "─", "•", "é", "\u{a0}", "中", "😀"];
const STYLES: [Style; 4] = [
    Style::new(),
    Style::new().fg(Color::Yellow),
    Style::new()
        .fg(Color::Indexed(244))
        .add_modifier(Modifier::BOLD),
    Style::new()
        .bg(Color::Rgb(1, 2, 3))
        .add_modifier(Modifier::REVERSED),
];

fn buffer(cells: &[(usize, usize)], area: Rect) -> Buffer {
    let mut buffer = Buffer::empty(area);
    for (i, &(symbol, style)) in cells.iter().enumerate() {
        let (x, y) = (i as u16 % area.width, i as u16 / area.width);
        buffer.set_string(x, y, SYMBOLS[symbol], STYLES[style]);
    }
    buffer
}

/// Bytes written, shared with the test that reads them.
#[derive(Clone, Default)]
struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a terminal shows after `before` then `after` were drawn.
fn shown<B: Backend>(backend: impl Fn(Written) -> B, before: &Buffer, after: &Buffer) -> String
where
    B::Error: std::fmt::Debug,
{
    let out = Written::default();
    let mut backend = backend(out.clone());
    let empty = Buffer::empty(before.area);
    for (from, to) in [(&empty, before), (before, after)] {
        backend.draw(from.diff(to).into_iter()).unwrap();
    }
    let size = |n: u16| NonZeroU16::new(n).unwrap();
    let mut terminal = vt100::Parser::new(size(before.area.height), size(before.area.width), 0);
    terminal.process(&out.0.borrow());
    terminal.screen().contents_formatted()
}

fn cells() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..SYMBOLS.len(), 0..STYLES.len()), 0..60)
}

proptest! {
    /// Whatever was on screen before, the terminal shows exactly what the
    /// crossterm backend alone would have made it show.
    #[test]
    fn runs_draw_what_single_cells_draw(before in cells(), after in cells()) {
        let area = Rect::new(0, 0, 12, 5);
        let (before, after) = (buffer(&before, area), buffer(&after, area));
        let single = shown(CrosstermBackend::new, &before, &after);
        let runs = shown(RunsBackend::new, &before, &after);
        prop_assert_eq!(single, runs);
    }
}

#[test]
fn a_row_in_one_style_is_one_print() {
    let area = Rect::new(0, 0, 10, 1);
    let mut after = Buffer::empty(area);
    after.set_string(0, 0, "hello─•中x", Style::new());
    let mut out = Vec::new();
    RunsBackend::new(&mut out)
        .draw(Buffer::empty(area).diff(&after).into_iter())
        .unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("hello─•中"), "{text:?}");
}
