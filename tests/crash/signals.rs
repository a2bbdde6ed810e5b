//! SIGTERM, SIGHUP, and a closed terminal window: the app must save every
//! character typed, exit, and (for SIGTERM) give the terminal back.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::check;
use crate::rng::Rng;
use crate::support::pty::{SIGHUP, SIGTERM, Term};
use crate::typing::{self, Typed};
use crate::{START, THEME_ARGS, WAIT};

/// Leaving the alternate screen: the terminal was restored.
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";

#[derive(Clone, Copy, Debug)]
pub enum Ending {
    /// `kill -TERM`
    Term,
    /// `kill -HUP`
    Hup,
    /// The terminal window closes: the pty master is closed.
    CloseMaster,
}

impl Ending {
    fn name(self) -> &'static str {
        match self {
            Ending::Term => "SIGTERM",
            Ending::Hup => "SIGHUP",
            Ending::CloseMaster => "closing the terminal",
        }
    }
}

/// Types for 0.3 to 3 s, waits until the last word is on screen, ends the
/// app as `ending` says, and checks that nothing at all was lost.
pub fn round(i: usize, ending: Ending, rng: &mut Rng) -> Result<String, String> {
    let home = tempfile::tempdir().expect("temp home");
    let mut term = Term::start(home.path(), THEME_ARGS, (100, 30));
    term.wait_for(START, WAIT);
    let length = rng.between(0.3, 3.0);
    let mut typed = typing::type_for(&mut term, rng, length, &AtomicBool::new(false));
    let last = format!("last{i}word");
    typed
        .write(&mut term, &last)
        .map_err(|e| format!("typing the last word: {e}"))?;
    term.wait_for(&last, WAIT);
    let mark = term.raw_len();
    match ending {
        Ending::Term => term.signal(SIGTERM),
        Ending::Hup => term.signal(SIGHUP),
        Ending::CloseMaster => term.close_master(),
    }
    let exit = term.wait_exit(Duration::from_secs(10));
    // After a hang-up there is no terminal left to restore or read.
    let restored = match ending {
        Ending::CloseMaster => None,
        _ => {
            term.wait_output_end(Duration::from_secs(2));
            Some(contains(&term.raw_since(mark), LEAVE_ALTERNATE_SCREEN))
        }
    };
    let folder = check::read_folder(&check::reflections(home.path()));
    let saved = folder.and_then(|f| check::only_answer(&f));
    let exit = exit.map(|status| status.to_string());
    judge(ending, &typed, exit, restored, saved)
}

/// Every problem at once, so one run shows all that is wrong.
fn judge(
    ending: Ending,
    typed: &Typed,
    exit: Option<String>,
    restored: Option<bool>,
    saved: Result<String, String>,
) -> Result<String, String> {
    let name = ending.name();
    let mut problems = Vec::new();
    if exit.is_none() {
        problems.push(format!("HUNG: still running 10 s after {name}"));
    }
    match &saved {
        Err(e) => problems.push(e.clone()),
        Ok(saved) if *saved != typed.text => problems.push(lost(name, saved, &typed.text)),
        Ok(_) => {}
    }
    if matches!(ending, Ending::Term) && restored != Some(true) {
        problems.push(
            "TERMINAL NOT RESTORED: no \\x1b[?1049l (leave the alternate screen) in the output after SIGTERM"
                .to_string(),
        );
    }
    let restored = restored.map_or("n/a", |r| if r { "yes" } else { "no" });
    let report = format!(
        "typed {} chars, then {name}; {}; terminal restored: {restored}",
        typed.chars(),
        exit.as_deref().unwrap_or("did not exit"),
    );
    if problems.is_empty() {
        Ok(format!("{report}; all {} chars saved", typed.chars()))
    } else {
        Err(format!("{report}: {}", problems.join("; ")))
    }
}

fn lost(name: &str, saved: &str, typed: &str) -> String {
    let (saved_chars, typed_chars) = (saved.chars().count(), typed.chars().count());
    let shape = match check::prefix_of(saved, typed) {
        Ok(()) if saved.is_empty() => "empty (nothing saved)".to_string(),
        Ok(()) => format!("a prefix, ending {:?}", check::tail(saved, 20)),
        Err(e) => format!("NOT what was typed: {e}"),
    };
    format!(
        "LOST TYPING after {name}: saved {saved_chars} of {typed_chars} chars typed ({} lost); the saved answer is {shape}; typed ended {:?}",
        typed_chars.saturating_sub(saved_chars),
        check::tail(typed, 20)
    )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
