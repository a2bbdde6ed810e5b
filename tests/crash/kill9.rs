//! kill -9 while typing: whatever is on disk afterwards must be whole, must
//! be what was typed (old or new, never a mix), and must hold everything
//! typed more than 2 s before the kill.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::check::{self, Folder};
use crate::rng::Rng;
use crate::support::pty::{Killer, SIGKILL, Term};
use crate::typing::{self, Typed};
use crate::{START, THEME_ARGS, WAIT};

/// Typing more than this long before the kill must be on disk.
const SAFE_AFTER: Duration = Duration::from_secs(2);
const EARLIEST: f64 = 0.3;
const LATEST: f64 = 4.0;
/// How often the watcher looks for a save in progress.
const POLL: Duration = Duration::from_millis(1);

/// When to kill: at a moment, or at the first save seen after a moment.
#[derive(Clone, Copy)]
enum Aim {
    At(Duration),
    SaveAfter(Duration),
}

/// What the watcher did.
struct Kill {
    at: Instant,
    aimed: bool,
    caught: Option<String>,
}

/// Round `i` of `count`: every third one aims at a save in progress; the
/// others spread their kill times evenly over 0.3 to 4 s.
pub fn round(i: usize, count: usize, rng: &mut Rng) -> Result<String, String> {
    let aim = if i % 3 == 2 {
        Aim::SaveAfter(rng.between(EARLIEST, 2.5))
    } else {
        let span = (LATEST - EARLIEST) / count as f64;
        let low = EARLIEST + span * i as f64;
        Aim::At(rng.between(low, low + span))
    };
    let home = tempfile::tempdir().expect("temp home");
    let mut term = Term::start(home.path(), THEME_ARGS, (100, 30));
    term.wait_for(START, WAIT);
    let (typed, kill) = type_until_killed(&mut term, rng, aim, &check::reflections(home.path()));
    if term.wait_exit(WAIT).is_none() {
        return Err(format!("still running {WAIT:?} after kill -9"));
    }
    let folder = check::read_folder(&check::reflections(home.path()))?;
    judge(&typed, &kill, &folder)
}

fn type_until_killed(term: &mut Term, rng: &mut Rng, aim: Aim, dir: &Path) -> (Typed, Kill) {
    let killed = AtomicBool::new(false);
    let killer = term.killer();
    let start = Instant::now();
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| watch_and_kill(killer, aim, start, dir, &killed));
        let typed = typing::type_for(term, rng, Duration::from_secs(60), &killed);
        let kill = watcher.join().expect("watcher thread panicked");
        (typed, kill)
    })
}

/// Polls the folder every millisecond; kills at the aimed moment, or the
/// instant a temp file appears once armed (at the latest at 4 s).
fn watch_and_kill(
    killer: Killer,
    aim: Aim,
    start: Instant,
    dir: &Path,
    killed: &AtomicBool,
) -> Kill {
    let latest = start + Duration::from_secs_f64(LATEST);
    loop {
        let now = Instant::now();
        let caught = match aim {
            Aim::SaveAfter(armed) if now >= start + armed => temp_file(dir),
            _ => None,
        };
        let due = match aim {
            Aim::At(at) => now >= start + at,
            Aim::SaveAfter(_) => caught.is_some() || now >= latest,
        };
        if due {
            killer.send(SIGKILL);
            killed.store(true, Ordering::SeqCst);
            return Kill {
                at: now,
                aimed: matches!(aim, Aim::SaveAfter(_)),
                caught: caught.map(|p| check::file_name(&p)),
            };
        }
        std::thread::sleep(POLL);
    }
}

fn temp_file(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| check::file_name(p).contains(".tmp-"))
}

/// The three promises, checked on what the folder holds after the kill.
fn judge(typed: &Typed, kill: &Kill, folder: &Folder) -> Result<String, String> {
    let how = match (&kill.caught, kill.aimed) {
        (Some(name), _) => format!("during the save to {name}"),
        (None, true) => "(aimed at a save, none seen)".to_string(),
        (None, false) => "at a random moment".to_string(),
    };
    let story = format!(
        "typed {} chars, killed {how} at {:.2} s",
        typed.chars(),
        typed.secs_at(kill.at)
    );
    let saved = check::only_answer(folder).map_err(|e| format!("{story}: {e}"))?;
    let temps = check_temps(typed, folder).map_err(|e| format!("{story}: {e}"))?;
    check::prefix_of(&saved, &typed.text)
        .map_err(|e| format!("{story}: the saved answer is {e}"))?;
    let saved_chars = saved.chars().count();
    let needed = kill
        .at
        .checked_sub(SAFE_AFTER)
        .map_or(0, |t| typed.chars_by(t));
    if saved_chars < needed {
        return Err(format!(
            "{story}: LOST TYPING: {needed} chars were typed more than 2 s before the kill, but only {saved_chars} were saved"
        ));
    }
    Ok(format!(
        "{story}; saved {saved_chars} (needed {needed}); {temps}"
    ))
}

/// Every answer in a left-over temp file must be a prefix of the typing;
/// returns what the temp files held, in lengths.
fn check_temps(typed: &Typed, folder: &Folder) -> Result<String, String> {
    let mut held = Vec::new();
    for (path, contents) in &folder.temps {
        let name = check::file_name(path);
        let texts = check::answer_texts_in(contents);
        for text in &texts {
            check::prefix_of(text, &typed.text)
                .map_err(|e| format!("temp file {name} holds an answer of {e}"))?;
        }
        let lengths: Vec<String> = texts
            .iter()
            .map(|t| t.chars().count().to_string())
            .collect();
        held.push(format!(
            "temp file of {} bytes left, answer chars [{}]",
            contents.len(),
            lengths.join(", ")
        ));
    }
    Ok(if held.is_empty() {
        "no temp file left".to_string()
    } else {
        held.join("; ")
    })
}
