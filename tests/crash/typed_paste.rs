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
