//! The baseline: a bare ratatui program, in the bench binary itself (run
//! again with `REFLECT_BENCH_BARE=1`), so it is built in the same profile
//! with no extra build step. It draws one line, then redraws it with each
//! key typed, until Ctrl-Q.

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::widgets::Paragraph;

pub const ENV: &str = "REFLECT_BENCH_BARE";
/// The whole first frame; no spaces, since ratatui skips blank cells.
pub const READY: &str = "bare-ratatui-ready";

pub fn run() {
    let mut terminal = ratatui::init();
    let mut typed = String::new();
    loop {
        let line = format!("{READY} {typed}");
        if terminal
            .draw(|frame| frame.render_widget(Paragraph::new(line), frame.area()))
            .is_err()
        {
            break;
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => match key.code {
                KeyCode::Char('q') if key.modifiers.contains(KeyModifiers::CONTROL) => break,
                KeyCode::Char(c) => typed = c.to_string(),
                _ => {}
            },
            Ok(_) => {}
            Err(_) => break,
        }
    }
    ratatui::restore();
}
