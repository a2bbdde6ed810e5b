//! The pure update: keys in, new state and effects out.
//!
//! Nothing here touches the disk, the terminal or the clock: the time comes
//! in with every call, and saving and quitting go back to the runtime as
//! [`GroupEffect`]s.
//!
//! Timers follow the slides: a question's timer starts the first time its
//! slide opens; leaving the slide while it runs pauses it, and coming back
//! runs it again; a timer paused with Space stays paused.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::help::help_scroll_max;
use super::state::{GroupEffect, GroupSession, Mode};
use super::timer::Timer;
use crate::keys::{self, Command, Context};

impl GroupSession {
    /// Handle one key. Only presses count: release and repeat events are
    /// ignored, so no key ever acts twice.
    pub fn handle_key(
        &mut self,
        key: KeyEvent,
        now: Instant,
        wall: DateTime<FixedOffset>,
    ) -> Vec<GroupEffect> {
        self.now = now;
        if key.kind != KeyEventKind::Press {
            return Vec::new();
        }
        let mode = self.mode.key_mode();
        let context = Context {
            on_question: self.on_question(),
        };
        match keys::command_for(mode, context, &key) {
            Some(command) => self.apply(command, wall),
            None if mode == keys::Mode::GroupNote => {
                self.edit_note(&key);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// End the session now, without asking (the window is closing): the
    /// note being typed is kept and the record saved.
    pub fn end_now(&mut self, wall: DateTime<FixedOffset>) -> Vec<GroupEffect> {
        self.quit(wall)
    }

    /// Bracketed paste: goes into the note when it is open, else nowhere.
    pub fn handle_paste(&mut self, text: &str, now: Instant) {
        self.now = now;
        if let Mode::Note(input) = &mut self.mode {
            input.insert_str(text);
        }
    }

    fn apply(&mut self, command: Command, wall: DateTime<FixedOffset>) -> Vec<GroupEffect> {
        match command {
            Command::Quit => return self.quit(wall),
            Command::Confirm if self.mode == Mode::ConfirmEnd => return self.quit(wall),
            Command::KeepNote => return self.keep_note(wall),
            Command::NextSlide => self.go_to(self.current.saturating_add(1)),
            Command::PreviousSlide => self.go_to(self.current.saturating_sub(1)),
            Command::FirstSlide => self.go_to(0),
            Command::LastSlide => self.go_to(usize::MAX),
            Command::TimerToggle
            | Command::TimerMore
            | Command::TimerLess
            | Command::TimerReset => self.timer_action(command),
            Command::Up | Command::Down | Command::Open => self.move_in_list(command),
            _ => self.switch_mode(command),
        }
        Vec::new()
    }

    fn switch_mode(&mut self, command: Command) {
        self.mode = match command {
            Command::SlideIndex => Mode::Index {
                selected: self.current,
            },
            Command::BlankScreen => Mode::Blank,
            Command::Help => Mode::Help { scroll: 0 },
            Command::EndSession => Mode::ConfirmEnd,
            Command::WriteNote => Mode::Note(Default::default()),
            _ => Mode::Slides,
        };
    }

    /// Show slide `index` (clamped), carrying the timers over.
    pub(super) fn go_to(&mut self, index: usize) {
        let last = self.deck.len().saturating_sub(1);
        let before = self.question_id();
        self.current = index.min(last);
        let after = self.question_id();
        if before == after {
            return;
        }
        if let Some(id) = before
            && let Some(timer) = self.timers.get_mut(&id)
            && timer.is_running()
        {
            timer.pause(self.now);
            self.paused_by_leaving.insert(id);
        }
        if let Some(id) = after {
            self.open_timer(id);
        }
    }

    /// A question slide opened: start its timer the first time, and again
    /// if leaving the slide paused it.
    fn open_timer(&mut self, id: String) {
        let resume = self.paused_by_leaving.remove(&id);
        let minutes = self.minutes;
        let timer = self.timers.entry(id).or_insert_with(|| Timer::new(minutes));
        if resume || !timer.is_started() {
            timer.start(self.now);
        }
    }

    fn question_id(&self) -> Option<String> {
        self.current_slide()?.question.clone()
    }

    fn timer_action(&mut self, command: Command) {
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

    /// Up, Down and Enter in the index or help.
    fn move_in_list(&mut self, command: Command) {
        let up = command == Command::Up;
        match self.mode {
            Mode::Index { selected } if command == Command::Open => {
                self.mode = Mode::Slides;
                self.go_to(selected);
            }
            Mode::Index { selected } => {
                let last = self.deck.len().saturating_sub(1);
                let selected = if up {
                    selected.saturating_sub(1)
                } else {
                    (selected + 1).min(last)
                };
                self.mode = Mode::Index { selected };
            }
            Mode::Help { scroll } => {
                let max = help_scroll_max(self.size);
                let scroll = if up {
                    scroll.saturating_sub(1)
                } else {
                    (scroll + 1).min(max)
                };
                self.mode = Mode::Help { scroll };
            }
            _ => {}
        }
    }

    /// A key without a binding while the note is open: editing.
    fn edit_note(&mut self, key: &KeyEvent) {
        let Mode::Note(input) = &mut self.mode else {
            return;
        };
        match key.code {
            KeyCode::Left => input.left(),
            KeyCode::Right => input.right(),
            KeyCode::Home => input.home(),
            KeyCode::End => input.end(),
            KeyCode::Backspace => input.backspace(),
            KeyCode::Delete => input.delete(),
            KeyCode::Char(c) if keys::is_typed_char(key) => input.insert_char(c),
            _ => {}
        }
    }
    /// Enter in the note: file it under the current slide and save.
    fn keep_note(&mut self, wall: DateTime<FixedOffset>) -> Vec<GroupEffect> {
        let saved = self.file_note(wall);
        self.mode = Mode::Slides;
        if saved {
            vec![GroupEffect::Save(self.record.clone())]
        } else {
            Vec::new()
        }
    }

    /// Add the open note's text (if any) to the record; true if added.
    fn file_note(&mut self, wall: DateTime<FixedOffset>) -> bool {
        let Mode::Note(input) = &self.mode else {
            return false;
        };
        let text = input.text().trim().to_string();
        let Some(slide) = self.current_slide() else {
            return false;
        };
        if text.is_empty() {
            return false;
        }
        let (section, title) = (slide.section.clone(), slide.title.clone());
        self.record.add_note(section, title, text, wall);
        self.rebuild();
        true
    }

    /// Leave: a note being typed is kept, never thrown away, and the record
    /// is saved whenever it holds notes.
    fn quit(&mut self, wall: DateTime<FixedOffset>) -> Vec<GroupEffect> {
        self.file_note(wall);
        self.mode = Mode::Slides;
        let mut effects = Vec::new();
        if !self.record.notes.is_empty() {
            effects.push(GroupEffect::Save(self.record.clone()));
        }
        effects.push(GroupEffect::Quit);
        effects
    }
}
