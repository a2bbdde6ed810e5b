//! The question timers from the session's side: which one runs as the
//! slides turn, and what the timer keys do to the one on screen. The
//! timer itself (`timer.rs`) knows nothing of slides.

use super::state::GroupSession;
use super::timer::Timer;
use crate::keys::Command;

impl GroupSession {
    /// A question slide opened: start its timer the first time, and again
    /// if leaving the slide paused it.
    pub(super) fn open_timer(&mut self, id: String) {
        let resume = self.paused_by_leaving.remove(&id);
        let minutes = self.minutes;
        let timer = self.timers.entry(id).or_insert_with(|| Timer::new(minutes));
        if resume || !timer.is_started() {
            timer.start(self.now);
        }
    }

    pub(super) fn question_id(&self) -> Option<String> {
        self.current_slide()?.question.clone()
    }

    pub(super) fn timer_action(&mut self, command: Command) {
        let Some(id) = self.question_id() else {
            return;
        };
        self.paused_by_leaving.remove(&id);
        let now = self.now;
        let minutes = self.minutes;
        let timer = self.timers.entry(id).or_insert_with(|| Timer::new(minutes));
        match command {
            Command::TimerToggle => timer.toggle(now),
            Command::TimerReset => timer.reset(now),
            Command::TimerLess => timer.remove_minute(now),
            _ => timer.add_minute(now),
        }
    }
}
