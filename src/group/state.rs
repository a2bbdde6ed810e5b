//! The group session's one state value.
//!
//! Everything the screen shows is in here, including the current time (set
//! by [`GroupSession::tick`] and by every key), so drawing is a pure
//! function of this value. The session is built from public content and a
//! group record only: it has no way to reach private reflections.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use super::deck::{DeckContent, GroupAudience};
use super::input::NoteInput;
use super::help::help_scroll_max;
use super::paginate::Mark;
use super::slides::{self, Slide, SlideKind};
use super::timer::Timer;
use crate::content::{Pack, Theme};
use crate::keys;
use crate::store::GroupRecord;

/// What has the keyboard, with the state that goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Slides,
    Index {
        selected: usize,
    },
    /// Help, scrolled down by `scroll` lines.
    Help {
        scroll: usize,
    },
    Blank,
    ConfirmEnd,
    Note(NoteInput),
}

impl Mode {
    /// Which key table applies.
    pub fn key_mode(&self) -> keys::Mode {
        match self {
            Mode::Slides => keys::Mode::Slides,
            Mode::Index { .. } => keys::Mode::SlideIndex,
            Mode::Help { .. } => keys::Mode::Help,
            Mode::Blank => keys::Mode::Blank,
            Mode::ConfirmEnd => keys::Mode::ConfirmEnd,
            Mode::Note(_) => keys::Mode::GroupNote,
        }
    }
}

/// What the runtime must do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEffect {
    /// Write this record (atomically) to the group records folder.
    Save(GroupRecord),
    /// Leave the group view (after carrying out any earlier effects).
    Quit,
}

#[derive(Debug, Clone)]
pub struct GroupSession {
    pub(super) content: DeckContent,
    pub(super) deck: Vec<Slide>,
    pub(super) current: usize,
    pub(super) size: (u16, u16),
    pub(super) record: GroupRecord,
    /// Timers by question id, kept while moving back and forth.
    pub(super) timers: BTreeMap<String, Timer>,
    /// Questions whose timer was paused because the slide was left while
    /// it ran: it runs again on return.
    pub(super) paused_by_leaving: BTreeSet<String>,
    pub minutes: u32,
    pub(super) mode: Mode,
    pub(super) now: Instant,
    pub(super) status: Option<String>,
}

impl GroupSession {
    /// A session on the first slide. `record` is a new or resumed group
    /// record; `size` is the screen (width, height); `minutes` is each
    /// question's discussion time.
    pub fn new(
        pack: &Pack,
        theme: &Theme,
        audience: GroupAudience,
        minutes: u32,
        record: GroupRecord,
        size: (u16, u16),
        now: Instant,
    ) -> Self {
        let content = DeckContent::new(pack, theme, audience);
        let deck = slides::build(&content, &record.notes, size);
        GroupSession {
            content,
            deck,
            current: 0,
            size,
            record,
            timers: BTreeMap::new(),
            paused_by_leaving: BTreeSet::new(),
            minutes,
            mode: Mode::Slides,
            now,
            status: None,
        }
    }

    pub fn slides(&self) -> &[Slide] {
        &self.deck
    }

    pub fn current_index(&self) -> usize {
        self.current
    }

    pub fn current_slide(&self) -> Option<&Slide> {
        self.deck.get(self.current)
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn record(&self) -> &GroupRecord {
        &self.record
    }

    pub fn content(&self) -> &DeckContent {
        &self.content
    }

    pub fn now(&self) -> Instant {
        self.now
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// A short message for the footer, e.g. that saving failed.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// Tell the user how the last save went (the runtime calls this after
    /// carrying out a [`GroupEffect::Save`]).
    pub fn set_status(&mut self, message: Option<String>) {
        self.status = message;
    }

    /// The timer of the question on the current slide, if it is one.
    pub fn current_timer(&self) -> Option<&Timer> {
        let id = self.current_slide()?.question.as_ref()?;
        self.timers.get(id)
    }

    pub fn on_question(&self) -> bool {
        self.current_slide()
            .is_some_and(|s| s.kind == SlideKind::Question)
    }

    /// Move the clock on; the timer is drawn from it.
    pub fn tick(&mut self, now: Instant) {
        self.now = now;
    }

    /// Re-paginate for a new screen size, staying on the same content.
    /// New content from disk (a team lead's edit): the same place in the
    /// deck, the same timers and notes.
    pub fn replace_content(&mut self, pack: &Pack, theme: &Theme) {
        let content = DeckContent::new(pack, theme, self.content.audience);
        if content != self.content {
            self.content = content;
            self.rebuild();
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.rebuild();
    }

    /// Rebuild the deck (new size or new notes) and find the slide that
    /// shows what was shown before.
    pub(super) fn rebuild(&mut self) {
        let here = self.current_slide().map(|s| (s.section.clone(), s.start));
        self.deck = slides::build(&self.content, &self.record.notes, self.size);
        self.current = match here {
            Some((section, start)) => find(&self.deck, &section, start).unwrap_or(0),
            None => 0,
        };
        match &mut self.mode {
            Mode::Index { selected } => {
                *selected = (*selected).min(self.deck.len().saturating_sub(1))
            }
            Mode::Help { scroll } => *scroll = (*scroll).min(help_scroll_max(self.size)),
            _ => {}
        }
    }
}

/// The last slide of `section` that starts at or before `start`.
fn find(deck: &[Slide], section: &str, start: Mark) -> Option<usize> {
    let in_section = || {
        deck.iter()
            .enumerate()
            .filter(|(_, s)| s.section == section)
    };
    in_section()
        .rfind(|(_, s)| s.start <= start)
        .or_else(|| in_section().next())
        .map(|(i, _)| i)
}
