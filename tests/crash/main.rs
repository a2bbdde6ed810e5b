//! Crash tests: the real binary in a real pseudo-terminal, killed with -9,
//! sent SIGTERM or SIGHUP, or hung up on, while someone types. The promise
//! under test is that typed text is never lost.
//!
//! `cargo test --test crash` runs a few rounds of each; the stress rounds
//! are `#[ignore]`d: `cargo test --test crash -- --include-ignored
//! --nocapture`. Every test prints its seed; `REFLECT_CRASH_SEED=N` replays.

#[path = "../support/mod.rs"]
mod support;

mod check;
mod kill9;
mod rng;
mod rounds;
mod signals;
mod two_copies;
mod typed_paste;
mod typing;

use std::time::Duration;

use signals::Ending;
use support::pty;

/// Straight into the walkthrough, answer box focused.
pub const THEME_ARGS: &[&str] = &["start", "--theme", "child-mental-health"];
/// On screen once the app is ready for typing.
pub const START: &str = "Question 1 of 4";
/// The longest any single wait (start-up, echo, exit) may take.
pub const WAIT: Duration = Duration::from_secs(15);

const QUICK_KILL9: usize = 6;
const STRESS_KILL9: usize = 60;
const QUICK_SIGNAL: usize = 1;
const STRESS_SIGNAL: usize = 10;

fn kill9(name: &str, count: usize) {
    if pty::available() {
        rounds::run(name, count, |i, rng| kill9::round(i, count, rng));
    }
}

fn ending(name: &str, count: usize, ending: Ending) {
    if pty::available() {
        rounds::run(name, count, |i, rng| signals::round(i, ending, rng));
    }
}

#[test]
fn kill9_while_typing_loses_nothing_older_than_2s() {
    kill9("kill9_quick", QUICK_KILL9);
}

#[test]
fn sigterm_while_typing_saves_everything() {
    ending("sigterm_quick", QUICK_SIGNAL, Ending::Term);
}

#[test]
fn sighup_while_typing_saves_everything() {
    ending("sighup_quick", QUICK_SIGNAL, Ending::Hup);
}

#[test]
fn closing_the_terminal_while_typing_saves_everything() {
    ending("close_quick", QUICK_SIGNAL, Ending::CloseMaster);
}

/// Runs `test` in a fresh home when a pty is there: `alone`, with no
/// other crash test beside it (two copies side by side, or a load that
/// another test's would stall).
fn in_a_fresh_home(alone: bool, test: fn(&std::path::Path)) {
    if !pty::available() {
        return;
    }
    let _held = rounds::hold(alone);
    let home = tempfile::tempdir().expect("temp home");
    test(home.path());
}

#[test]
fn two_copies_never_write_each_others_files() {
    in_a_fresh_home(true, two_copies::run);
}

#[test]
fn a_paste_typed_in_key_by_key_is_read_whole_and_saved_when_the_window_closes() {
    in_a_fresh_home(false, typed_paste::run);
}

#[test]
fn tabs_and_returns_in_a_paste_typed_in_stay_in_the_answer() {
    in_a_fresh_home(false, typed_paste::tabs_and_returns_stay_in_the_answer);
}

#[test]
fn a_long_paste_typed_in_is_one_undo_step_and_a_huge_one_is_refused() {
    // A megabyte typed in: alone, so that no other test's load stalls it.
    in_a_fresh_home(
        true,
        typed_paste::a_long_paste_is_one_step_and_a_huge_one_refused,
    );
}

#[test]
fn a_return_in_a_paste_typed_in_stays_in_the_group_note() {
    in_a_fresh_home(false, typed_paste::a_return_stays_in_a_group_note);
}

#[test]
#[ignore = "stress: 60 rounds, about 2 minutes; run with --include-ignored"]
fn stress_kill9_while_typing() {
    kill9("kill9_stress", STRESS_KILL9);
}

#[test]
#[ignore = "stress: 10 rounds; run with --include-ignored"]
fn stress_sigterm_while_typing() {
    ending("sigterm_stress", STRESS_SIGNAL, Ending::Term);
}

#[test]
#[ignore = "stress: 10 rounds; run with --include-ignored"]
fn stress_sighup_while_typing() {
    ending("sighup_stress", STRESS_SIGNAL, Ending::Hup);
}

#[test]
#[ignore = "stress: 10 rounds; run with --include-ignored"]
fn stress_closing_the_terminal_while_typing() {
    ending("close_stress", STRESS_SIGNAL, Ending::CloseMaster);
}
