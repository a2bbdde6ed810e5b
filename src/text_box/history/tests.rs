//! Undo and redo in a long text, across moves of the window, held to a
//! textarea that holds the whole text and forgets nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui_textarea::{CursorMove, TextArea};

use super::KEPT;
use crate::text_box::TextBox;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(text_box: &mut TextBox, code: KeyCode, times: usize) {
    for _ in 0..times {
        text_box.type_key(key(code));
    }
}

fn lines(n: usize) -> String {
    (0..n)
        .map(|i| format!("line {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What a tester found: a paste of 300 lines, then a key, and the paste
/// could no longer be undone (the window had moved).
#[test]
fn a_long_paste_is_undone_after_the_window_moved() {
    let mut text_box = TextBox::new("KEEP", "");
    let pasted = format!("\n{}", lines(300));
    assert!(text_box.paste(&pasted, false));
    press(&mut text_box, KeyCode::Char('x'), 1);
    assert!(text_box.undo());
    assert!(text_box.undo());
    assert_eq!(text_box.text(), "KEEP");
    assert!(text_box.redo());
    assert!(text_box.redo());
    assert_eq!(text_box.text(), format!("KEEP{pasted}x"));
    assert!(!text_box.redo());
}

/// And: a line emptied with Ctrl-K, then 90 lines down, and Ctrl-Z did
/// not bring it back.
#[test]
fn a_line_cleared_far_above_comes_back() {
    let original = lines(300);
    let mut text_box = TextBox::new(&original, "");
    press(&mut text_box, KeyCode::Up, 100);
    press(&mut text_box, KeyCode::Home, 1);
    text_box.type_key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert_ne!(text_box.text(), original);
    press(&mut text_box, KeyCode::Down, 90);
    assert!(text_box.undo());
    assert_eq!(text_box.text(), original);
}

#[test]
fn typing_after_an_undo_leaves_nothing_to_redo() {
    let mut text_box = TextBox::new(&lines(300), "");
    text_box.paste("\nnew", false);
    press(&mut text_box, KeyCode::Up, 150);
    press(&mut text_box, KeyCode::Char('y'), 1);
    press(&mut text_box, KeyCode::Down, 150);
    assert!(text_box.undo());
    press(&mut text_box, KeyCode::Char('z'), 1);
    assert!(!text_box.redo());
}

/// However many windows were edited in, only the last few are kept.
#[test]
fn the_windows_kept_are_bounded() {
    let mut text_box = TextBox::new(&lines(5000), "");
    for _ in 0..40 {
        press(&mut text_box, KeyCode::Char('!'), 1);
        press(&mut text_box, KeyCode::Up, 120);
    }
    assert!(text_box.windows.earlier.len() <= KEPT);
    assert!(text_box.window_lines().len() <= crate::text_box::window::most_held(85));
}

#[derive(Debug, Clone)]
enum Step {
    Type(char),
    Paste(usize),
    Up(usize),
    Down(usize),
    ClearToEnd,
    Undo,
    Redo,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        3 => prop::sample::select(vec!['a', ' ', 'é']).prop_map(Step::Type),
        1 => (1usize..260).prop_map(Step::Paste),
        2 => (1usize..200).prop_map(Step::Up),
        2 => (1usize..200).prop_map(Step::Down),
        1 => Just(Step::ClearToEnd),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
    ];
    prop::collection::vec(step, 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Whatever is typed, pasted, cleared, undone and redone, and wherever
    /// the cursor goes, the text is what one textarea holding all of it
    /// would hold.
    #[test]
    fn undo_and_redo_are_those_of_one_textarea_holding_everything(steps in steps()) {
        let start = lines(400);
        let mut ours = TextBox::new(&start, "");
        let mut whole = TextArea::new(start.split('\n').map(str::to_owned).collect());
        whole.set_max_histories(10_000);
        whole.move_cursor(CursorMove::Bottom);
        whole.move_cursor(CursorMove::End);
        for step in steps {
            let (a, b) = match step {
                Step::Type(c) => (ours.type_key(key(KeyCode::Char(c))), { whole.insert_char(c); true }),
                Step::Paste(n) => {
                    let text = format!("\n{}", lines(n));
                    (ours.paste(&text, false), whole.insert_str(&text))
                }
                Step::Up(n) | Step::Down(n) => {
                    let code = if matches!(step, Step::Up(_)) { KeyCode::Up } else { KeyCode::Down };
                    press(&mut ours, code, n);
                    for _ in 0..n {
                        whole.input(key(code));
                    }
                    (false, false)
                }
                Step::ClearToEnd => {
                    let ctrl_k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL);
                    (ours.type_key(ctrl_k), whole.input(ctrl_k))
                }
                Step::Undo => (ours.undo(), whole.undo()),
                Step::Redo => (ours.redo(), whole.redo()),
            };
            prop_assert_eq!(a, b, "changed or not");
            prop_assert_eq!(ours.text(), whole.lines().join("\n"));
            let cursor = whole.cursor();
            prop_assert_eq!(ours.cursor(), (cursor.0, cursor.1));
        }
    }
}
