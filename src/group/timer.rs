//! The discussion timer: a countdown with an injected clock.
//!
//! Every method takes `now`, and nothing here reads the clock, so the timer
//! is tested without sleeping and the screen is a pure function of state.
//!
//! Choices, for a facilitator in front of a room:
//! - The session starts a question's timer when its slide first opens (the
//!   group starts talking at once; nobody has to remember a key).
//! - `+`/`-` change the time *remaining* by a minute, never below zero, so
//!   "one more minute" works even after time is up.
//! - Reset goes back to the full time and keeps running if it was running,
//!   so a restarted discussion is one key.

use std::time::Duration;

use chrono::{DateTime, FixedOffset};

/// The app's clock (`Action::Tick`): wall time, passed in. A clock set
/// back never makes time run backwards: elapsed time is never negative.
type Instant = DateTime<FixedOffset>;

const MINUTE: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    /// The full time, used by reset.
    full: Duration,
    /// The time allowed at the moment: `full` adjusted by `+`/`-`.
    allowed: Duration,
    /// Time counted before the current run.
    counted: Duration,
    /// When the current run started, if running.
    running_since: Option<Instant>,
    started: bool,
}

impl Timer {
    /// A stopped timer of `minutes`.
    pub fn new(minutes: u32) -> Self {
        let full = MINUTE.saturating_mul(minutes);
        Timer {
            full,
            allowed: full,
            counted: Duration::ZERO,
            running_since: None,
            started: false,
        }
    }

    /// Start or resume counting down. Does nothing if already running.
    pub fn start(&mut self, now: Instant) {
        if self.running_since.is_none() {
            self.running_since = Some(now);
            self.started = true;
        }
    }

    /// Stop counting, keeping the time remaining.
    pub fn pause(&mut self, now: Instant) {
        self.counted = self.elapsed(now);
        self.running_since = None;
    }

    /// Pause when running, resume when paused (the Space key).
    pub fn toggle(&mut self, now: Instant) {
        if self.is_running() {
            self.pause(now);
        } else {
            self.start(now);
        }
    }

    /// One more minute remaining, up to the most a discussion may be
    /// given (as `--minutes` and the settings allow).
    pub fn add_minute(&mut self, now: Instant) {
        let most = MINUTE.saturating_mul(*crate::config::GROUP_MINUTES.end());
        let more = self.remaining(now).saturating_add(MINUTE).min(most);
        self.set_remaining(now, more);
    }

    /// One minute less remaining, never below zero.
    pub fn remove_minute(&mut self, now: Instant) {
        self.set_remaining(now, self.remaining(now).saturating_sub(MINUTE));
    }

    /// Back to the full time; still running if it was running.
    pub fn reset(&mut self, now: Instant) {
        self.allowed = self.full;
        self.counted = Duration::ZERO;
        if self.running_since.is_some() {
            self.running_since = Some(now);
        }
    }

    pub fn remaining(&self, now: Instant) -> Duration {
        self.allowed.saturating_sub(self.elapsed(now))
    }

    pub fn is_up(&self, now: Instant) -> bool {
        self.remaining(now).is_zero()
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// True once it has been started (it may be paused since).
    pub fn is_started(&self) -> bool {
        self.started
    }

    /// The time remaining as `mm:ss`, seconds rounded up so that `00:00`
    /// appears only when time is really up.
    pub fn display(&self, now: Instant) -> String {
        let seconds = self.remaining(now).as_millis().div_ceil(1000);
        format!("{:02}:{:02}", seconds / 60, seconds % 60)
    }

    fn elapsed(&self, now: Instant) -> Duration {
        let run = self.running_since.map_or(Duration::ZERO, |since| {
            (now - since).to_std().unwrap_or_default()
        });
        self.counted.saturating_add(run)
    }

    fn set_remaining(&mut self, now: Instant, remaining: Duration) {
        self.allowed = self.elapsed(now).saturating_add(remaining);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    /// `n` seconds after the start of every test's clock.
    fn after(n: i64) -> Instant {
        start() + chrono::TimeDelta::seconds(n)
    }

    fn start() -> Instant {
        DateTime::parse_from_rfc3339("2026-11-22T14:30:00+00:00").expect("date")
    }

    #[test]
    fn plus_stops_at_the_most_a_discussion_may_be_given() {
        let mut timer = Timer::new(119);
        for _ in 0..40 {
            timer.add_minute(start());
        }
        assert_eq!(timer.remaining(start()), secs(120 * 60));
    }

    #[test]
    fn counts_down_only_while_running() {
        let t0 = start();
        let mut timer = Timer::new(5);
        assert_eq!(timer.display(t0), "05:00");
        assert!(!timer.is_started());
        assert_eq!(timer.remaining(after(100)), secs(300), "not started");
        timer.start(t0);
        assert_eq!(timer.display(after(61)), "03:59");
        timer.pause(after(61));
        assert!(!timer.is_running() && timer.is_started());
        assert_eq!(timer.remaining(after(500)), secs(239), "paused");
        timer.toggle(after(500));
        assert!(timer.is_running());
        assert_eq!(timer.remaining(after(510)), secs(229), "resumed");
        timer.toggle(after(510));
        assert_eq!(timer.remaining(after(900)), secs(229));
    }

    #[test]
    fn starting_twice_does_not_restart() {
        let t0 = start();
        let mut timer = Timer::new(1);
        timer.start(t0);
        timer.start(after(30));
        assert_eq!(timer.remaining(after(30)), secs(30));
    }

    #[test]
    fn minutes_adjust_the_time_remaining_and_clamp_at_zero() {
        let t0 = start();
        let mut timer = Timer::new(2);
        timer.start(t0);
        timer.add_minute(after(10));
        assert_eq!(timer.remaining(after(10)), secs(170));
        timer.remove_minute(after(10));
        timer.remove_minute(after(10));
        assert_eq!(timer.remaining(after(10)), secs(50));
        timer.remove_minute(after(10));
        assert_eq!(timer.remaining(after(10)), Duration::ZERO);
        assert!(timer.is_up(after(10)));
        timer.remove_minute(after(20));
        assert_eq!(timer.display(after(20)), "00:00");
    }

    #[test]
    fn time_up_and_one_more_minute() {
        let t0 = start();
        let mut timer = Timer::new(1);
        timer.start(t0);
        assert!(!timer.is_up(t0 + chrono::TimeDelta::milliseconds(59999)));
        assert_eq!(
            timer.display(t0 + chrono::TimeDelta::milliseconds(59001)),
            "00:01"
        );
        assert!(timer.is_up(after(60)));
        assert!(timer.is_up(after(3600)), "stays up, never negative");
        assert_eq!(timer.display(after(3600)), "00:00");
        timer.add_minute(after(3600));
        assert_eq!(timer.remaining(after(3630)), secs(30));
    }

    #[test]
    fn reset_goes_back_to_the_full_time() {
        let t0 = start();
        let mut timer = Timer::new(3);
        timer.start(t0);
        timer.add_minute(t0);
        timer.reset(after(100));
        assert_eq!(timer.remaining(after(100)), secs(180));
        assert_eq!(timer.remaining(after(110)), secs(170), "still running");
        timer.pause(after(110));
        timer.reset(after(200));
        assert_eq!(timer.remaining(after(300)), secs(180), "still paused");
    }

    #[test]
    fn zero_minutes_is_up_at_once() {
        let t0 = start();
        let timer = Timer::new(0);
        assert!(timer.is_up(t0));
        assert_eq!(Timer::new(100).display(t0), "100:00");
    }
}
