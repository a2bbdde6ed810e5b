//! Typing as a person in a hurry does: a word every 0.05 to 0.4 s, never a
//! pause of a second, with the moment every character was written.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::rng::Rng;
use crate::support::pty::Term;

/// Words typed into the answer; a few are not ASCII, none needs escaping.
const WORDS: &[&str] = &[
    "child",
    "voice",
    "school",
    "nurse",
    "record",
    "plan",
    "risk",
    "visit",
    "family",
    "listen",
    "review",
    "mother",
    "father",
    "worker",
    "referral",
    "diagnosis",
    "café",
    "naïve",
    "straße",
    "señora",
    "health",
    "ask",
    "why",
    "and",
    "then",
    "we",
    "met",
    "again",
    "on",
    "Tuesday",
];
const FASTEST: f64 = 0.05;
const SLOWEST: f64 = 0.4;

/// What was typed, with the instant each character's write returned.
#[derive(Default)]
pub struct Typed {
    pub text: String,
    stamps: Vec<Instant>,
    pub started: Option<Instant>,
}

impl Typed {
    /// Writes `word` now and records it; `Err` if the terminal refused it.
    pub fn write(&mut self, term: &mut Term, word: &str) -> std::io::Result<()> {
        self.started.get_or_insert_with(Instant::now);
        term.write(word.as_bytes())?;
        let at = Instant::now();
        self.text.push_str(word);
        self.stamps.extend(word.chars().map(|_| at));
        Ok(())
    }

    pub fn chars(&self) -> usize {
        self.stamps.len()
    }

    /// Characters written at or before `t`.
    pub fn chars_by(&self, t: Instant) -> usize {
        self.stamps.partition_point(|&s| s <= t)
    }

    /// Seconds from the first word to `t`.
    pub fn secs_at(&self, t: Instant) -> f64 {
        self.started
            .map_or(0.0, |s| t.saturating_duration_since(s).as_secs_f64())
    }
}

/// Types random words for `length`, or until `stop` is set (the app was
/// killed: a write that fails then just ends the typing).
pub fn type_for(term: &mut Term, rng: &mut Rng, length: Duration, stop: &AtomicBool) -> Typed {
    let mut typed = Typed::default();
    let start = Instant::now();
    while start.elapsed() < length && !stop.load(Ordering::SeqCst) {
        let word = format!("{} ", WORDS[rng.below(WORDS.len())]);
        if let Err(e) = typed.write(term, &word) {
            assert!(stop.load(Ordering::SeqCst), "typing failed: {e}");
            break;
        }
        std::thread::sleep(rng.between(FASTEST, SLOWEST));
    }
    typed
}
