//! Two copies on one theme: the second is read-only and never writes the
//! first one's file; a copy killed with -9 leaves no lock behind.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::check;
use crate::support::pty::{SIGKILL, Term};
use crate::{START, THEME_ARGS, WAIT};

const SIZE: (u16, u16) = (100, 30);

/// A types, B opens read-only and tries to write, and quits; B again
/// follows what A saves and, once A quits, writes; then C is killed with
/// -9 and D must be able to write.
pub fn run(home: &Path) {
    let mut a = Term::start(home, THEME_ARGS, SIZE);
    a.wait_for(START, WAIT);
    a.type_text("ALPHA");
    a.wait_for("ALPHA", WAIT);
    wait_until_saved(home, "ALPHA");
    second_copy_is_read_only(home);
    let mut b = second_copy_shows_what_the_first_saves(home, &mut a);
    a.ctrl_q();
    assert!(a.wait_exit(WAIT).is_some(), "A did not quit on Ctrl-Q");
    let answers = all_answers(&check::reflections(home));
    assert_eq!(answers, "ALPHA ECHO", "A's answer is only what A typed");
    second_copy_writes_once_the_first_quits(home, &mut b);
    lock_is_freed_by_kill(home);
}

/// Sets the flag when dropped, so a watcher stops even if the test panics.
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Waits until the reflection on disk has an answer containing `text`
/// (the app saves after a second without typing).
pub fn wait_until_saved(home: &Path, text: &str) {
    let deadline = Instant::now() + WAIT;
    let dir = check::reflections(home);
    while !all_answers(&dir).contains(text) {
        assert!(
            Instant::now() < deadline,
            "{text:?} was never saved within {WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Every answer in the folder, one a line.
pub fn all_answers(dir: &Path) -> String {
    let folder = check::read_folder(dir).unwrap_or_else(|e| panic!("{e}"));
    let texts = folder
        .saved
        .iter()
        .flat_map(|(_, r)| r.answers.iter().map(|a| a.text.clone()));
    texts.collect::<Vec<_>>().join("\n")
}

/// Starts B while A has the reflection open; B must say read-only, and in
/// all its life no temp file of B's appears and A's file stays the same.
pub fn second_copy_is_read_only(home: &Path) {
    let dir = check::reflections(home);
    let before = only_file_bytes(&dir);
    let mut b = Term::start(home, THEME_ARGS, SIZE);
    let b_pid = b.pid();
    let done = AtomicBool::new(false);
    let seen = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| temps_of(&dir, b_pid, &done));
        let stop_watching = SetOnDrop(&done);
        b.wait_for("read-only", WAIT);
        b.type_text("\rBRAVO f");
        std::thread::sleep(Duration::from_millis(1500));
        b.ctrl_q();
        let exited = b.wait_exit(WAIT);
        drop(stop_watching);
        assert!(
            exited.is_some(),
            "B did not quit on Ctrl-Q; screen:\n{}",
            b.screen()
        );
        watcher.join().expect("watcher thread panicked")
    });
    assert!(seen.is_empty(), "B (read-only) started saves: {seen:?}");
    assert_eq!(
        only_file_bytes(&dir),
        before,
        "A's file changed while B ran"
    );
    assert!(
        !all_answers(&dir).contains("BRAVO"),
        "B's typing reached a file"
    );
}

/// A tester's read-only copy kept showing (and exporting) the text as it
/// was when it opened. It follows what the writing copy saves.
fn second_copy_shows_what_the_first_saves(home: &Path, a: &mut Term) -> Term {
    let b = Term::start(home, THEME_ARGS, SIZE);
    b.wait_for("read-only", WAIT);
    a.type_text(" ECHO");
    wait_until_saved(home, "ALPHA ECHO");
    b.wait_for("ALPHA ECHO", WAIT);
    b
}

/// A third tester's read-only copy stayed read-only after the first quit:
/// it takes the reflection over, and what it types is saved.
fn second_copy_writes_once_the_first_quits(home: &Path, b: &mut Term) {
    b.wait_for("you can write in it here now", WAIT);
    b.type_text("\r");
    // Keys sent together with it would make a paste typed in.
    b.wait_for("Esc when done", WAIT);
    b.type_text(" FOXTROT");
    wait_until_saved(home, "ALPHA ECHO FOXTROT");
    b.ctrl_q();
    assert!(b.wait_exit(WAIT).is_some(), "B did not quit on Ctrl-Q");
}

/// Names of temp files made by `pid` seen until `done`, polled every ms;
/// the history index (ids and counts, no text, shared by every copy) is
/// not a save.
fn temps_of(dir: &Path, pid: i32, done: &AtomicBool) -> Vec<String> {
    let mine = format!(".tmp-{pid}-");
    let mut seen = Vec::new();
    while !done.load(Ordering::SeqCst) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = check::file_name(&entry.path());
            let index = name.starts_with("..index.tmp-");
            if name.contains(&mine) && !index && !seen.contains(&name) {
                seen.push(name);
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    seen
}

/// The bytes of the one reflection file in `dir`.
fn only_file_bytes(dir: &Path) -> Vec<u8> {
    let folder = check::read_folder(dir).unwrap_or_else(|e| panic!("{e}"));
    match folder.saved.as_slice() {
        [(path, _)] => std::fs::read(path).expect("read A's reflection"),
        other => panic!("expected one reflection file, found {}", other.len()),
    }
}

/// C resumes the reflection where A stopped, moves on, saves, and is
/// killed with -9; D, opened next, carries on where C was and must be
/// able to write (the kill freed the lock).
pub fn lock_is_freed_by_kill(home: &Path) {
    let mut c = Term::start(home, THEME_ARGS, SIZE);
    let screen = c.wait_for("Question 1 of 4", WAIT);
    assert!(
        screen.contains("ALPHA ECHO FOXTROT"),
        "C is not where B stopped:\n{screen}"
    );
    c.type_text("\t");
    c.wait_for("Question 2 of 4", WAIT);
    c.type_text("CHARLIE");
    c.wait_for("CHARLIE", WAIT);
    wait_until_saved(home, "CHARLIE");
    c.signal(SIGKILL);
    assert!(c.wait_exit(WAIT).is_some(), "C still running after kill -9");
    let mut d = Term::start(home, THEME_ARGS, SIZE);
    let screen = d.wait_for("Question 2 of 4", WAIT);
    assert!(
        screen.contains("CHARLIE"),
        "D is not where C was:\n{screen}"
    );
    assert!(
        !screen.contains("read-only"),
        "D is read-only after C was killed:\n{screen}"
    );
    d.type_text("\t");
    d.wait_for("Question 3 of 4", WAIT);
    d.type_text("DELTA");
    d.wait_for("DELTA", WAIT);
    d.ctrl_q();
    assert!(d.wait_exit(WAIT).is_some(), "D did not quit on Ctrl-Q");
    let dir = check::reflections(home);
    only_file_bytes(&dir);
    assert_eq!(
        all_answers(&dir),
        "ALPHA ECHO FOXTROT\nCHARLIE\nDELTA",
        "one reflection, three answers"
    );
}
