//! End to end: a facilitator walks every slide of a theme, sees the timer
//! and each question, records an agreed point, ends, and exports it.

mod support;

use support::tmux::{self, Tmux};

#[test]
fn a_group_session_from_first_slide_to_export() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let tmux = Tmux::new("group");
    tmux.start(
        home.path(),
        "group --theme extrafamilial-harm --minutes 2",
        (100, 30),
    );
    let first = tmux.wait_for("Extrafamilial harm");
    let total = slide_total(&first);
    assert!(
        total >= 6,
        "title, key data, learning, 4 questions, summary: {first}"
    );

    let mut questions_seen = 0;
    for slide in 2..=total {
        tmux.keys(&["Right"]);
        let screen = tmux.wait_for_settled(&format!("{slide} / {total}"));
        if screen.contains("Question ") && screen.contains(" of 4") {
            questions_seen += 1;
            assert!(
                screen.contains("discussion time left"),
                "the timer shows on a question: {screen}"
            );
        }
        if screen.contains("Question 1 of 4") {
            assert!(
                screen.contains("recognise the early indicators"),
                "{screen}"
            );
            tmux.keys(&["n"]);
            tmux.type_text("AGREED-POINT: ask the school about missing episodes");
            // Enter straight after a run of typing would be part of a
            // paste typed in: a person presses it once the note is shown.
            tmux.wait_for("AGREED-POINT: ask the school");
            tmux.keys(&["Enter"]);
        }
    }
    assert_eq!(questions_seen, 4);
    tmux.wait_for("AGREED-POINT");
    tmux.keys(&["q"]);
    tmux.wait_for("y end");
    tmux.keys(&["y"]);
    tmux.wait_for("EXITED 0");

    let export = tmux::run_plain(home.path(), &["export", "--group", "--latest"]);
    let markdown = String::from_utf8_lossy(&export.stdout);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    assert!(
        markdown.contains("AGREED-POINT: ask the school about missing episodes"),
        "{markdown}"
    );
    assert!(
        markdown.contains("recognise the early indicators of extrafamilial harm"),
        "{markdown}"
    );
}

/// The `N` of the `1 / N` slide counter.
fn slide_total(screen: &str) -> usize {
    screen
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(3)
        .find(|w| w[0] == "1" && w[1] == "/")
        .and_then(|w| w[2].parse().ok())
        .unwrap_or_else(|| panic!("no slide counter on: {screen}"))
}
