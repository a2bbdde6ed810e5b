//! A paste the terminal types in key by key (no bracketed paste: some
//! terminals, remote desktops and clipboard tools), then the window
//! closes. crossterm's default reader read the first 1,024 bytes and
//! waited for the next key before reading the rest: a tester's paste was
//! cut at 1,024 characters while the screen said "saved", and closing the
//! window lost the rest. Its line feeds arrive as Ctrl-J, which the
//! textarea took as "delete to the start of the line": a second tester's
//! 44-line paste left only its last line.

use std::path::Path;
use std::time::Duration;

use crate::check;
use crate::support::pty::Term;
use crate::{START, THEME_ARGS, WAIT};

pub fn run(home: &Path) {
    let mut term = Term::start(home, THEME_ARGS, (100, 30));
    term.wait_for(START, WAIT);
    let lines: Vec<String> = (0..20)
        .map(|line| {
            let words = (1..=20).map(|n| format!("word{:04}", line * 20 + n));
            words.collect::<Vec<_>>().join(" ")
        })
        .collect();
    let pasted = format!("{}\npasteend", lines.join("\n"));
    assert!(
        pasted.len() > 3 * 1024,
        "longer than a few of the reader's reads"
    );
    term.type_text(&pasted);
    term.wait_for("pasteend", WAIT);
    term.close_master();
    assert!(
        term.wait_exit(Duration::from_secs(10)).is_some(),
        "the app did not end when its window closed"
    );
    let folder = check::read_folder(&check::reflections(home)).unwrap_or_else(|e| panic!("{e}"));
    let saved = check::only_answer(&folder).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.len(), pasted.len(), "all of the paste saved");
    assert_eq!(saved, pasted);
}

/// A Tab and a Return inside a paste typed in are text. Taken as keys,
/// the Tab moved to the next question and the rest of the paste went into
/// its answer.
pub fn tabs_and_returns_stay_in_the_answer(home: &Path) {
    let mut term = Term::start(home, THEME_ARGS, (100, 30));
    term.wait_for(START, WAIT);
    let pasted =
        "Ring the GP first\tthen the school\rask about the bruise\r\nthen write it up pasteend";
    term.type_text(pasted);
    term.wait_for("pasteend", WAIT);
    let screen = term.screen();
    assert!(
        screen.contains(START),
        "still on the first question: {screen}"
    );
    term.ctrl_q();
    assert!(term.wait_exit(WAIT).is_some(), "Ctrl-Q ends the app");
    let folder = check::read_folder(&check::reflections(home)).unwrap_or_else(|e| panic!("{e}"));
    let saved = check::only_answer(&folder).unwrap_or_else(|e| panic!("{e}"));
    let expected =
        "Ring the GP first\tthen the school\nask about the bruise\nthen write it up pasteend";
    assert_eq!(saved, expected);
}

/// In a group note, Enter keeps the note and the keys after it act on the
/// slides: a Return inside a paste typed in kept half the note and ran
/// the other half as commands.
pub fn a_return_stays_in_a_group_note(home: &Path) {
    let args = ["group", "--theme", "child-mental-health"];
    let mut term = Term::start(home, &args, (100, 30));
    term.wait_for("1 / ", WAIT);
    term.type_text("n");
    term.wait_for("Type what the group agreed", WAIT);
    term.type_text("We agreed to ring the school\rand to check the records again first");
    term.wait_for("records again", WAIT);
    let screen = term.screen();
    assert!(
        screen.contains("cancel"),
        "the note is still open: {screen}"
    );
    term.type_text("\r");
    term.wait_for("1 note", WAIT);
    term.ctrl_q();
    assert!(term.wait_exit(WAIT).is_some(), "Ctrl-Q ends the app");
    let export = crate::support::tmux::run_plain(home, &["export", "--group", "--latest"]);
    let markdown = String::from_utf8_lossy(&export.stdout);
    assert!(
        markdown.contains("We agreed to ring the school  \n  and to check the records again first"),
        "{markdown}"
    );
}

/// A paste typed in goes in whole, however many frames it would take:
/// one Ctrl-Z takes all of it back (a tester's 600-character paste took
/// back only its last 88), and one over 1 MB is refused whole, as a
/// marked paste is (a tester's 1.36 MB went in, over 50 s).
pub fn a_long_paste_is_one_step_and_a_huge_one_refused(home: &Path) {
    let mut term = Term::start(home, THEME_ARGS, (100, 30));
    term.wait_for(START, WAIT);
    term.type_text("mine");
    term.wait_for("mine", WAIT);
    let pasted: String = (0..300).map(|n| format!(" w{n}")).collect();
    term.type_text(&format!("{pasted} pasteend"));
    term.wait_for("pasteend", WAIT);
    term.type_text("\x1a");
    term.wait_until_gone("w299", WAIT);
    let huge = "lorem ipsum dolor sit amet\n".repeat(45_000);
    assert!(huge.len() > 1024 * 1024);
    term.type_text(&huge);
    term.wait_for("nothing was pasted", Duration::from_secs(60));
    term.ctrl_q();
    assert!(term.wait_exit(WAIT).is_some(), "Ctrl-Q ends the app");
    let folder = check::read_folder(&check::reflections(home)).unwrap_or_else(|e| panic!("{e}"));
    let saved = check::only_answer(&folder).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved, "mine");
}
