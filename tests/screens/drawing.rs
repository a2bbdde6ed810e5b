//! A screen drawn into a `TestBackend`, and read back as text.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

use reflect::app::App;
use reflect::ui::{Palette, view};

pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| {
            view(app, frame.buffer_mut(), Palette::new(false));
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer as rows of text (symbols only, no styles), trailing spaces
/// trimmed. A wide symbol's hidden neighbour cells are left out.
pub fn buffer_to_string(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut hidden = 0;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = Span::raw(symbol).width().saturating_sub(1);
            row.push_str(symbol);
        }
        rows.push(row.trim_end().to_owned());
    }
    rows.join("\n")
}

/// The sizes every screen is kept as a snapshot at.
pub const SNAPSHOT_SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The screen as text after scrolling down (with `j`, pressed by
/// `press`) until `needle` is at the top of the body, or the text ends
/// (scrolling stops there): what the user sees there.
pub fn scrolled_to(
    mut app: App,
    (width, height): (u16, u16),
    needle: &str,
    press: fn(&mut App, KeyCode),
) -> String {
    let mut text = buffer_to_string(&draw(&app, width, height));
    for _ in 0..200 {
        let row = text.lines().position(|l| l.contains(needle));
        if row.is_some_and(|r| r <= 2) || text.contains("end · ↑/k to scroll back") {
            break;
        }
        press(&mut app, KeyCode::Char('j'));
        text = buffer_to_string(&draw(&app, width, height));
    }
    assert!(
        text.contains(needle),
        "{needle:?} never came into view:\n{text}"
    );
    text
}
