//! The app at its limits: a window too small to draw in, a paste too
//! large to take.

use super::*;

/// A tester shrank the window while typing: what was typed while it said
/// "Window too small" was gone. Typing goes on into the answer; commands
/// (Tab, Esc) still wait for a window that shows what they do.
#[test]
fn typing_goes_on_while_the_window_is_too_small() {
    let mut app = opened();
    type_text(&mut app, "visible ");
    update(&mut app, Action::Resize(20, 5));
    assert!(app.window_too_small());
    type_text(&mut app, "typed-while-small");
    update(&mut app, Action::Paste(" pasted".into()));
    press(&mut app, KeyCode::Tab);
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(session(&app).focus, Focus::Answer, "Tab waited");
    assert_eq!(answer_text(&mut app, 0), "visible typed-while-small pasted");
}

/// A paste far larger than any answer would make a file too large to
/// read back: it is refused whole, with the reason, and nothing is lost.
#[test]
fn a_paste_of_more_than_a_megabyte_is_refused_and_said() {
    let mut app = opened();
    type_text(&mut app, "mine");
    update(&mut app, Action::Paste("x".repeat(1024 * 1024 + 1)));
    assert_eq!(answer_text(&mut app, 0), "mine");
    assert!(
        status_text(&app).contains("nothing was pasted"),
        "{}",
        status_text(&app)
    );
    update(&mut app, Action::Paste("y".repeat(1024 * 1024)));
    assert!(
        !status_text(&app).contains("nothing was pasted"),
        "a paste taken: it goes"
    );
    assert_eq!(
        answer_text(&mut app, 0).len(),
        4 + 1024 * 1024,
        "a megabyte is taken"
    );
}
