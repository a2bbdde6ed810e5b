//! The group session's one state value.
//!
//! Everything the screen shows is in here, including the current time (set
//! by every tick and key), so drawing is a pure function of this value.
//! The session is built from public content and a group record only: it
//! has no way to reach private reflections.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};

use super::deck::{DeckContent, GroupAudience};
use super::paginate::Mark;
use super::slides::{self, Slide, SlideKind};
use super::timer::Timer;
use crate::autosave::Autosave;
use crate::content::{Pack, Theme};
use crate::keys;
use crate::store::{GroupNote, GroupRecord};
use crate::text_box::TextBox;

type Moment = DateTime<FixedOffset>;

/// A note being written: it belongs to the slide it was started on, and is
/// saved as a draft while it is typed.
#[derive(Debug, Clone)]
pub struct NoteDraft {
    /// The section it is filed under (see [`Slide::section`]).
    pub section: String,
    pub title: String,
    pub editor: TextBox,
    pub started: Moment,
    /// The kept note (its place in the record) this changes, if any. The
    /// note stays as it was, in the record and its exports, until the
    /// change is kept.
    pub changing: Option<usize>,
}

impl NoteDraft {
    pub fn new(section: &str, title: &str, text: &str, started: Moment) -> NoteDraft {
        let placeholder = format!("Type what the group agreed, then {}", keep_key());
        let mut editor = TextBox::new(text, &placeholder);
        editor.set_focused(true);
        NoteDraft {
            section: section.to_owned(),
            title: title.to_owned(),
            editor,
            started,
            changing: None,
        }
    }

    /// The kept note at `index`, in the box to be changed.
    pub fn to_change(index: usize, note: &GroupNote) -> NoteDraft {
        let mut draft = NoteDraft::new(&note.slide, &note.slide_title, &note.text, note.added);
        draft.changing = Some(index);
        draft
    }

    pub fn text(&self) -> String {
        self.editor.text()
    }

    pub fn is_blank(&self) -> bool {
        self.editor.is_blank()
    }

    /// As kept in the record (trimmed), whether as a draft or a note.
    pub fn as_note(&self) -> GroupNote {
        GroupNote {
            slide: self.section.clone(),
            slide_title: self.title.clone(),
            text: self.text().trim().to_owned(),
            added: self.started,
        }
    }
}

/// Said while a draft left last time is open again, until the next key.
pub(super) fn reopened() -> String {
    format!(
        "The note being written when this session last stopped is open again: {} keeps it.",
        keep_key()
    )
}

fn keep_key() -> &'static str {
    keys::key_name(keys::Mode::GroupNote, keys::Command::KeepNote)
}

/// What has the keyboard, with the state that goes with it.
#[derive(Debug, Clone)]
pub enum Mode {
    Slides,
    Index {
        selected: usize,
    },
    /// `e` on a slide with several notes: which to change. `notes` are
    /// their places in the record, oldest first; `selected` is one of
    /// those places' index.
    ChooseNote {
        notes: Vec<usize>,
        selected: usize,
    },
    Blank,
    ConfirmEnd,
    Note(NoteDraft),
    /// Esc on a note with words in it: throw them away?
    ConfirmDiscard(NoteDraft),
}

impl Mode {
    /// Which key table applies.
    pub fn key_mode(&self) -> keys::Mode {
        match self {
            Mode::Slides => keys::Mode::Slides,
            Mode::Index { .. } => keys::Mode::SlideIndex,
            Mode::ChooseNote { .. } => keys::Mode::NoteChoice,
            Mode::Blank => keys::Mode::Blank,
            Mode::ConfirmEnd => keys::Mode::ConfirmEnd,
            Mode::Note(_) => keys::Mode::GroupNote,
            Mode::ConfirmDiscard(_) => keys::Mode::ConfirmDiscard,
        }
    }

    pub fn note(&self) -> Option<&NoteDraft> {
        match self {
            Mode::Note(draft) | Mode::ConfirmDiscard(draft) => Some(draft),
            _ => None,
        }
    }
}

/// What the app must do after a key or tick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEffect {
    /// Write this record (atomically) to the group records folder;
    /// `edits` comes back with the outcome.
    Save {
        record: Box<GroupRecord>,
        edits: u64,
    },
    /// The session is over (its last save, if any, has landed).
    End,
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
    pub(super) now: Moment,
    pub(super) status: Option<String>,
    /// The record's notes and draft against what is on disk.
    pub autosave: Autosave,
    /// Ended by the facilitator: waiting for the last save to land.
    pub(super) ending: bool,
}

impl GroupSession {
    /// A session on the first slide. `record` is a new or resumed group
    /// record (a draft in it opens, on its slide, ready to carry on);
    /// `size` is the screen (width, height); `minutes` is each question's
    /// discussion time.
    pub fn new(
        pack: &Pack,
        theme: &Theme,
        audience: GroupAudience,
        minutes: u32,
        record: GroupRecord,
        size: (u16, u16),
        now: Moment,
    ) -> Self {
        let content = DeckContent::new(pack, theme, audience);
        let deck = slides::build(&content, &record.notes, size);
        let mut session = GroupSession {
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
            autosave: Autosave::default(),
            ending: false,
        };
        session.reopen_draft();
        session
    }

    /// A draft left by a session that ended without keeping it.
    fn reopen_draft(&mut self) {
        let Some(draft) = self.record.draft.clone() else {
            return;
        };
        if let Some(index) = self.deck.iter().position(|s| s.section == draft.slide) {
            self.go_to(index);
        }
        let mut editor = NoteDraft::new(&draft.slide, &draft.slide_title, &draft.text, draft.added);
        // A change to a kept note carries that note's slide and time: it
        // opens as the change it was, not as a note beside the original.
        editor.changing = self
            .record
            .notes
            .iter()
            .rposition(|n| n.slide == draft.slide && n.added == draft.added);
        self.mode = Mode::Note(editor);
        self.status = Some(reopened());
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

    pub fn now(&self) -> Moment {
        self.now
    }

    /// A short message for the footer, e.g. that saving failed.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

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

    /// What the key table's conditions are checked against.
    pub fn key_context(&self) -> keys::Context {
        let note_erased = match &self.mode {
            Mode::Note(draft) => draft.changing.is_some() && draft.is_blank(),
            _ => false,
        };
        keys::Context {
            on_question: self.on_question(),
            note_erased,
            read_only: false,
        }
    }

    /// New content from disk (a team lead's edit): the same place in the
    /// deck, the same timers and notes.
    pub fn replace_content(&mut self, pack: &Pack, theme: &Theme) {
        let content = DeckContent::new(pack, theme, self.content.audience);
        if content != self.content {
            self.content = content;
            self.rebuild();
        }
    }

    /// Re-paginate for a new screen size, staying on the same content.
    pub fn resize(&mut self, width: u16, height: u16) {
        if self.size != (width, height) {
            self.size = (width, height);
            self.rebuild();
        }
    }

    /// Rebuild the deck (new size, notes or content) and find the slide
    /// that shows what was shown before; when an edit took that away (a
    /// question renamed or removed), the slide now in its place.
    pub(super) fn rebuild(&mut self) {
        let here = self.current_slide().map(|s| (s.section.clone(), s.start));
        self.deck = slides::build(&self.content, &self.record.notes, self.size);
        let in_its_place = self.current.min(self.deck.len().saturating_sub(1));
        self.current = here
            .and_then(|(section, start)| find(&self.deck, &section, start))
            .unwrap_or(in_its_place);
        if let Mode::Index { selected } = &mut self.mode {
            *selected = (*selected).min(self.deck.len().saturating_sub(1));
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
