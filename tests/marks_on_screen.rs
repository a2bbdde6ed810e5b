//! The identifying-details marks as drawn: exactly the marked characters
//! are underlined (with or without colour), across wrapped lines, wide
//! characters and a long answer's window; the one under the cursor stands
//! out; a mark whose text has just been typed over is not drawn in the
//! wrong place.

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use reflect::app::{Action, App, OpenedSession, SessionAccess, update};
use reflect::content::{Audience, Layer, Library};
use reflect::store::Reflection;
use reflect::ui::{Palette, view};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("time")
}

/// A walkthrough with `text` typed into the first answer and the pause
/// after typing passed.
fn typed(text: &str) -> App {
    let library = Library::load(&[Layer::builtin()]);
    let mut app = App::new(library, Vec::new(), Audience::Practitioner, now());
    let reflection = Reflection::new(
        "r",
        now(),
        "panel-2023-24",
        "child-mental-health",
        Audience::Practitioner,
    );
    update(
        &mut app,
        Action::SessionOpened(Box::new(OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed: false,
            show_review: false,
        })),
    );
    update(&mut app, Action::Paste(text.to_owned()));
    pause(&mut app);
    app
}

fn pause(app: &mut App) {
    let later = app.now + Duration::seconds(1);
    update(app, Action::Tick(later));
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    update(app, Action::Key(KeyEvent::new(code, modifiers)));
}

fn draw(app: &App, width: u16, height: u16, colour: bool) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            view(app, frame.buffer_mut(), Palette::new(colour));
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// Each run of cells with `modifier`, as text, in reading order (a run
/// ends at the end of a row).
fn runs(buffer: &Buffer, modifier: Modifier) -> Vec<String> {
    let area = buffer.area;
    let mut runs = Vec::new();
    for y in area.top()..area.bottom() {
        let mut run = String::new();
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

#[test]
fn exactly_the_marked_text_is_underlined_with_or_without_colour() {
    let app = typed("I met Sarah near LS6 3AB. She was fine.");
    for (colour, size) in [(false, (80, 24)), (true, (120, 40))] {
        let buffer = draw(&app, size.0, size.1, colour);
        assert_eq!(runs(&buffer, Modifier::UNDERLINED), ["Sarah", "LS6 3AB"]);
        let marked: Vec<Option<Color>> = buffer
            .content
            .iter()
            .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
            .map(|c| Some(c.fg).filter(|fg| *fg != Color::Reset))
            .collect();
        let expected = if colour { Some(Color::Yellow) } else { None };
        assert!(marked.iter().all(|fg| *fg == expected), "{marked:?}");
    }
}

#[test]
fn a_name_that_wraps_is_underlined_on_both_rows_and_wide_characters_count_twice() {
    let filler = "word ".repeat(13);
    let app = typed(&format!("{filler}👩‍👧 Sarah Kowalczyk 漢字 Tyler said"));
    let buffer = draw(&app, 80, 24, false);
    let runs = runs(&buffer, Modifier::UNDERLINED);
    let joined: String = runs.concat();
    assert_eq!(joined.replace(' ', ""), "SarahKowalczykTyler", "{runs:?}");
    assert!(
        runs.len() >= 3,
        "the name is wrapped across two rows: {runs:?}"
    );
}

#[test]
fn the_mark_under_the_cursor_stands_out() {
    let mut app = typed("Tyler and Sarah came");
    key(&mut app, KeyCode::Char('g'), KeyModifiers::CONTROL);
    let buffer = draw(&app, 80, 24, false);
    let reversed = runs(&buffer, Modifier::UNDERLINED | Modifier::REVERSED);
    assert!(reversed.iter().any(|r| r == "Tyler"), "{reversed:?}");
    assert!(
        !reversed.iter().any(|r| r.contains("Sarah")),
        "{reversed:?}"
    );
}

#[test]
fn marks_stay_put_until_the_check_runs_again_after_typing() {
    let mut app = typed("Sarah came");
    key(&mut app, KeyCode::Home, KeyModifiers::NONE);
    for c in "Then ".chars() {
        key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    let stale = draw(&app, 80, 24, false);
    assert!(
        runs(&stale, Modifier::UNDERLINED).is_empty(),
        "the old mark is not drawn over other text"
    );
    pause(&mut app);
    let fresh = draw(&app, 80, 24, false);
    assert_eq!(runs(&fresh, Modifier::UNDERLINED), ["Sarah"]);
}

#[test]
fn in_a_long_answer_the_marks_in_view_are_drawn() {
    let mut lines: Vec<String> = (0..5000)
        .map(|n| format!("line {n} of the answer"))
        .collect();
    lines[4997] = "Tyler told me".into();
    lines[10] = "Sarah told me".into();
    let mut app = typed(&lines.join("\n"));
    // A long answer is read a part at a time, a short pause apart.
    while let Some(due) = app.next_check_due() {
        update(&mut app, Action::Tick(due));
    }
    let marks = &app.session.as_ref().expect("session").marks.items;
    assert_eq!(marks.len(), 2);
    let buffer = draw(&app, 80, 24, false);
    assert_eq!(
        runs(&buffer, Modifier::UNDERLINED),
        ["Tyler"],
        "only what is in view"
    );
    for (width, height) in [(1, 1), (10, 5), (30, 8), (200, 8)] {
        draw(&app, width, height, true);
    }
}
