//! Running rounds: at most two copies of the app at once across the whole
//! test binary (the machine has two cores), every round's outcome printed,
//! and one failure at the end that lists every failed round.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Instant;

use crate::rng::{self, Rng};

/// Copies of the app that may run at once.
const SLOTS: usize = 2;

struct Slots {
    state: Mutex<SlotState>,
    freed: Condvar,
}

struct SlotState {
    free: usize,
    /// Tests waiting for every slot; single requests wait behind them.
    waiting_for_all: usize,
}

static POOL: Slots = Slots {
    state: Mutex::new(SlotState {
        free: SLOTS,
        waiting_for_all: 0,
    }),
    freed: Condvar::new(),
};

/// Slots held until dropped.
pub struct Held(usize);

/// Waits for one slot, or for all of them when `all` (a test that runs two
/// copies side by side).
pub fn hold(all: bool) -> Held {
    let want = if all { SLOTS } else { 1 };
    let mut state = POOL.state.lock().expect("slot lock");
    if all {
        state.waiting_for_all += 1;
    }
    while state.free < want || (!all && state.waiting_for_all > 0) {
        state = POOL.freed.wait(state).expect("slot lock");
    }
    state.free -= want;
    if all {
        state.waiting_for_all -= 1;
    }
    Held(want)
}

impl Drop for Held {
    fn drop(&mut self) {
        // Never panic in drop, even if a panicking round poisoned the lock.
        let mut state = POOL.state.lock().unwrap_or_else(|e| e.into_inner());
        state.free += self.0;
        POOL.freed.notify_all();
    }
}

/// Runs rounds `0..count` of `round`, two at a time; each gets its own
/// generator from the test's seed. `round` returns a one-line report, or
/// why the round failed. Panics at the end if any round failed.
pub fn run<F>(name: &str, count: usize, round: F)
where
    F: Fn(usize, &mut Rng) -> Result<String, String> + Sync,
{
    let seed = rng::seed(name);
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..SLOTS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= count {
                        break;
                    }
                    if let Err(why) = one(name, seed, i, &round) {
                        failures.lock().expect("failure list").push((i, why));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("failure list");
    failures.sort();
    summarise(name, seed, count, started, &failures);
}

fn one<F>(name: &str, seed: u64, i: usize, round: &F) -> Result<(), String>
where
    F: Fn(usize, &mut Rng) -> Result<String, String>,
{
    let _slot = hold(false);
    let started = Instant::now();
    let mut rng = Rng::for_round(seed, i);
    let outcome = catch_unwind(AssertUnwindSafe(|| round(i, &mut rng)));
    let secs = started.elapsed().as_secs_f64();
    let outcome = outcome.unwrap_or_else(|panic| Err(format!("panicked: {}", message(&panic))));
    match &outcome {
        Ok(report) => println!("{name} round {i}: ok ({secs:.1} s): {report}"),
        Err(why) => println!("{name} round {i}: FAILED ({secs:.1} s): {why}"),
    }
    outcome.map(drop)
}

fn summarise(name: &str, seed: u64, count: usize, started: Instant, failures: &[(usize, String)]) {
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{name}: {} of {count} rounds passed in {secs:.1} s (seed {seed})",
        count - failures.len()
    );
    if failures.is_empty() {
        return;
    }
    let list: Vec<String> = failures
        .iter()
        .map(|(i, why)| format!("  round {i}: {why}"))
        .collect();
    panic!(
        "{name}: {} of {count} rounds failed (replay with REFLECT_CRASH_SEED={seed}):\n{}",
        failures.len(),
        list.join("\n")
    );
}

fn message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(text) = panic.downcast_ref::<String>() {
        text.clone()
    } else if let Some(text) = panic.downcast_ref::<&str>() {
        (*text).to_string()
    } else {
        "a panic without a message".to_string()
    }
}
