//! Typing, pasting, undo and paging in a text box, without a terminal.

use super::*;
use crossterm::event::KeyModifiers;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A tester's typed-in paste of 44 lines left only its last line:
/// each line feed arrived as Ctrl-J, the textarea's "delete to the
/// start of the line", and the empty answer was saved.
#[test]
fn a_line_feed_is_a_new_line_and_never_deletes() {
    let ctrl_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
    let mut answer = TextBox::new("", "");
    for c in "first line".chars() {
        answer.type_key(key(KeyCode::Char(c)));
    }
    assert!(answer.type_key(ctrl_j));
    answer.type_key(key(KeyCode::Char('x')));
    assert_eq!(answer.text(), "first line\nx");
    let mut action = TextBox::one_line("call");
    assert!(action.type_key(ctrl_j));
    action.type_key(key(KeyCode::Char('x')));
    assert_eq!(action.text(), "call x");
    assert!(action.paste("a\nb", false));
    assert_eq!(action.text(), "call xa b", "one line, pasted into too");
    // Alt-Enter (a third tester's) is a space there too.
    assert!(action.type_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)));
    assert_eq!(action.text(), "call xa b ");
}

#[test]
fn typing_pasting_and_undo() {
    let mut area = TextBox::new("first", "");
    assert!(area.type_key(key(KeyCode::Char('!'))));
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    assert!(area.type_key(KeyEvent::new(KeyCode::Char('@'), altgr)));
    assert!(area.paste("\r\nsecond\rthird", false));
    assert_eq!(area.text(), "first!@\nsecond\nthird");
    area.undo();
    assert_eq!(area.text(), "first!@");
    let mut line = TextBox::new("", "");
    line.paste("a\r\nb\nc", true);
    assert_eq!(line.text(), "a b c");
    let mut coloured = TextBox::new("", "");
    coloured.paste("\u{1b}[31mred\u{1b}[0m\ttab", false);
    assert_eq!(coloured.text(), "red\ttab");
    assert!(TextBox::new(" \n  ", "").is_blank());
}

/// A tester paged down a 5,000-line answer from the top: past the
/// first hundred lines the cursor jumped back to line 7, then 1, as the
/// window moved and its new textarea did not know the page.
#[test]
fn page_down_goes_on_down_a_long_text_as_the_window_moves() {
    let text = (0..5000).map(|n| format!("line {n}")).collect::<Vec<_>>();
    let mut area = TextBox::new(&text.join("\n"), "");
    let screen = ratatui::layout::Rect::new(0, 0, 60, 16);
    area.move_cursor_to(0, 0);
    let _ = area.shown(screen);
    let mut last = 0;
    for _ in 0..60 {
        area.type_key(key(KeyCode::PageDown));
        let _ = area.shown(screen);
        let (line, _) = area.cursor();
        assert!(line > last, "PageDown went from line {last} to {line}");
        assert!(line - last <= 16, "from line {last} to {line}");
        last = line;
    }
    for _ in 0..30 {
        area.type_key(key(KeyCode::PageUp));
        let _ = area.shown(screen);
        let (line, _) = area.cursor();
        assert!(
            line < last && last - line <= 16,
            "PageUp from {last} to {line}"
        );
        last = line;
    }
}

/// A long text: the textarea holds a window of it, which follows the
/// cursor; whatever is typed anywhere lands in the right place.
#[test]
fn a_long_text_is_edited_through_a_window_that_follows_the_cursor() {
    let original: Vec<String> = (0..5000).map(|n| format!("line {n}")).collect();
    let mut area = TextBox::new(&original.join("\n"), "");
    assert!(area.window_lines().len() <= window::UNSIZED_REACH + 1);
    area.type_key(key(KeyCode::Char('!')));
    for _ in 0..3000 {
        area.type_key(key(KeyCode::Up));
    }
    area.type_key(key(KeyCode::Char('#')));
    for _ in 0..5000 {
        area.type_key(key(KeyCode::Up));
    }
    area.type_key(key(KeyCode::Char('^')));
    assert!(area.window_lines().len() <= window::most_held(85));
    let mut expected = original.clone();
    expected[4999].push('!');
    expected[1999].push('#');
    expected[0].push('^');
    assert_eq!(area.text(), expected.join("\n"));
}

/// Every line the textarea holds is wrapped again after every key: a box
/// 12 rows tall held 180 lines of a long answer, and a key cost four
/// times what the box needs. It holds what it can show, and a few more.
#[test]
fn a_box_holds_the_lines_it_can_show_and_a_few_more() {
    let text: Vec<String> = (0..5000).map(|n| format!("line {n}")).collect();
    let mut area = TextBox::new(&text.join("\n"), "");
    let small = ratatui::layout::Rect::new(0, 0, 40, 12);
    let _ = area.shown(small);
    area.type_key(key(KeyCode::Char('!')));
    let held = area.window_lines().len();
    assert!(held <= 12 + 16 + 1, "typing at the end: {held} lines held");
    for _ in 0..100 {
        area.type_key(key(KeyCode::Up));
        let _ = area.shown(small);
        let held = area.window_lines().len();
        assert!(held <= window::most_held(12), "{held} lines held");
    }
    // The box grows (a larger window): drawn, it is short of rows until
    // fitted, then full again.
    let large = ratatui::layout::Rect::new(0, 0, 40, 60);
    let _ = area.shown(large);
    assert!(area.is_short_of_rows());
    area.fit_to_box();
    let rows = rows_shown(&area, large);
    assert_eq!(rows.len(), 60, "{rows:?}");
    assert!(!area.is_short_of_rows());
    let expected_cursor_line = format!("line {}", 4999 - 100);
    assert!(rows.contains(&expected_cursor_line), "{rows:?}");
    assert!(area.text().ends_with("line 4999!"));
}

/// The rows a box shows in `screen`, as text.
fn rows_shown(area: &TextBox, screen: ratatui::layout::Rect) -> Vec<String> {
    match area.shown(screen) {
        rows::Shown::Rows(rows) => rows
            .iter()
            .map(|r| r.to_string().trim_end().to_owned())
            .collect(),
        rows::Shown::Placeholder => Vec::new(),
    }
}

/// Undoing a paste at the end of a long answer, or deleting back through
/// its last lines, left the box showing the cursor's line and nothing
/// else, as if the rest of the answer had gone. The box stays full.
#[test]
fn a_box_stays_full_when_its_last_lines_go() {
    let text = (1..=40).map(|n| format!("line {n}")).collect::<Vec<_>>();
    let mut area = TextBox::new(&text.join("\n"), "");
    let screen = ratatui::layout::Rect::new(0, 0, 30, 10);
    area.move_cursor_to(39, 7);
    let _ = area.shown(screen);
    let pasted = (1..=30)
        .map(|n| format!("\npasted {n}"))
        .collect::<String>();
    area.paste(&pasted, false);
    let _ = area.shown(screen);
    area.undo();
    let expected: Vec<String> = text[30..].to_vec();
    assert_eq!(rows_shown(&area, screen), expected, "after undo");
    for _ in 0.."line 40".len() + 1 {
        area.type_key(key(KeyCode::Backspace));
        let _ = area.shown(screen);
    }
    assert_eq!(area.cursor(), (38, 7));
    assert_eq!(
        rows_shown(&area, screen),
        text[29..39].to_vec(),
        "after deleting"
    );
}

/// A tester's Ctrl-End went to the end of the line, not of the answer.
#[test]
fn ctrl_end_and_ctrl_home_go_to_the_ends_of_the_whole_text() {
    let text = (0..5000).map(|n| format!("line {n}")).collect::<Vec<_>>();
    let mut area = TextBox::new(&text.join("\n"), "");
    area.move_cursor_to(10, 2);
    area.type_key(KeyEvent::new(KeyCode::End, KeyModifiers::CONTROL));
    assert_eq!(area.cursor(), (4999, "line 4999".len()));
    area.type_key(key(KeyCode::Char('!')));
    assert!(area.text().ends_with("line 4999!"));
    area.type_key(KeyEvent::new(KeyCode::Home, KeyModifiers::CONTROL));
    assert_eq!(area.cursor(), (0, 0));
}

/// The textarea's own keys for its top and bottom (Alt-< and Alt->,
/// Ctrl-Alt-Up and Ctrl-Alt-Down) stopped at the edge of its window, a
/// hundred lines or so from the cursor in a long answer.
#[test]
fn the_textareas_own_top_and_bottom_keys_reach_the_ends_of_the_whole_text() {
    let text = (0..5000).map(|n| format!("line {n}")).collect::<Vec<_>>();
    let mut area = TextBox::new(&text.join("\n"), "");
    let alt = KeyModifiers::ALT;
    let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
    let to_start = [
        KeyEvent::new(KeyCode::Char('<'), alt),
        KeyEvent::new(KeyCode::Char('<'), alt | KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Up, ctrl_alt),
    ];
    let to_end = [
        KeyEvent::new(KeyCode::Char('>'), alt),
        KeyEvent::new(KeyCode::Char('>'), alt | KeyModifiers::SHIFT),
        KeyEvent::new(KeyCode::Down, ctrl_alt),
    ];
    for (start, end) in to_start.into_iter().zip(to_end) {
        area.move_cursor_to(2500, 1);
        area.type_key(start);
        assert_eq!(area.cursor(), (0, 0), "{start:?}");
        area.type_key(end);
        assert_eq!(area.cursor(), (4999, "line 4999".len()), "{end:?}");
    }
    assert_eq!(area.text(), text.join("\n"), "moving typed nothing");
}

#[test]
fn tabs_are_spaces_to_the_next_stop() {
    assert_eq!(tabs_as_spaces("Strengths:\tgood"), "Strengths:  good");
    assert_eq!(tabs_as_spaces("\ta\t\tb"), "    a       b");
    assert_eq!(
        tabs_as_spaces("界\tx"),
        "界  x",
        "a wide character is two columns"
    );
    assert!(matches!(
        tabs_as_spaces("none"),
        std::borrow::Cow::Borrowed(_)
    ));
}
