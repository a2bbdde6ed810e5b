//! The loop draws after a tick only when the tick can change the screen:
//! a tick that is not skipped must be one that can, and one that is
//! skipped must leave the drawn screen exactly as it was.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::*;
use crate::ui::{self, Palette};

fn drawn(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    terminal
        .draw(|frame| {
            ui::view(app, frame.buffer_mut(), Palette::new(false));
        })
        .expect("drawn");
    terminal.backend().buffer().clone()
}

/// Ticks `seconds` later: none may change the screen, and none does.
fn assert_idle_ticks(app: &mut App, seconds: &[i64]) {
    for &s in seconds {
        let now = app.now + Duration::seconds(s);
        let before = drawn(app);
        assert!(!app.tick_changes_screen(now), "tick {s} s later");
        let effects = update(app, Action::Tick(now));
        assert!(effects.is_empty(), "{effects:?}");
        assert_eq!(drawn(app), before, "tick {s} s later changed the screen");
    }
}

#[test]
fn ticks_with_nothing_due_leave_home_and_a_saved_answer_as_drawn() {
    let mut app = app();
    assert_idle_ticks(&mut app, &[1, 60, 3600]);

    let mut app = opened();
    type_text(&mut app, "an answer with nothing in it to mark");
    // The save and the check fall due after the pause: those ticks count.
    let due = app.next_save_due().expect("a save waits");
    assert!(app.tick_changes_screen(due));
    let effects = update(&mut app, Action::Tick(due));
    let edits = saves(&effects)[0].1;
    let id = session(&app).reflection.id.clone();
    saved(&mut app, &id, edits);
    if let Some(check) = app.next_check_due() {
        assert!(app.tick_changes_screen(check));
        update(&mut app, Action::Tick(check));
    }
    assert_eq!(app.next_save_due(), None);
    assert_eq!(app.next_check_due(), None);
    // Saved, checked: the clock moving on shows nowhere.
    assert_idle_ticks(&mut app, &[1, 61, 7200]);
}

#[test]
fn a_tick_just_before_a_save_is_due_changes_nothing() {
    let mut app = opened();
    type_text(&mut app, "abc");
    let due = app.next_save_due().expect("a save waits");
    let just_before = due - Duration::milliseconds(1);
    assert!(!app.tick_changes_screen(just_before));
    let before = drawn(&app);
    assert!(update(&mut app, Action::Tick(just_before)).is_empty());
    assert_eq!(drawn(&app), before);
    assert!(app.tick_changes_screen(due));
}
