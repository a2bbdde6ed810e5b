//! The pure update: commands, typing and ticks in, new state and effects
//! out. The time comes in with every call; saving and ending go back to
//! the app as [`GroupEffect`]s.
//!
//! Timers follow the slides: a question's timer starts the first time its
//! slide opens; leaving the slide while it runs pauses it, and coming back
//! runs it again; a timer paused with Space stays paused.
//!
//! The note being written is a draft: it is saved into the record as it is
//! typed (the autosave rule of answers), kept as a note with Enter, and
//! thrown away only after Esc and a "yes".

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;

use super::state::{GroupEffect, GroupSession, Mode, NoteDraft, reopened};
use crate::autosave::SaveState;
use crate::keys::Command;
use crate::text_box::TextBox;

type Moment = DateTime<FixedOffset>;

const NO_NOTE_HERE: &str = "No note made on this slide";
const TAKEN_BACK: &str = "The note was taken back.";

impl GroupSession {
    /// A command from the key table, at `now`.
    pub fn command(&mut self, command: Command, now: Moment) -> Vec<GroupEffect> {
        self.now = now;
        self.forget_reopened();
        match command {
            Command::Quit => return self.finish(),
            Command::Confirm => return self.confirm(),
            Command::KeepNote => return self.keep_note(),
            Command::ChangeNote => return self.change_note(),
            Command::Back => return self.back(),
            Command::Undo | Command::Redo => return self.undo_redo(command),
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

    /// A key with no command, while the note is open: typing.
    pub fn type_key(&mut self, key: KeyEvent, now: Moment) {
        self.now = now;
        self.forget_reopened();
        self.edit_note(|editor| editor.type_key(key));
    }

    /// A key that is no answer to "throw it away?" while it is asked: back
    /// to the note, the key typed into it, so nothing typed is lost.
    pub fn keep_writing(&mut self, key: KeyEvent, now: Moment) {
        self.back_to_note();
        self.type_key(key, now);
    }

    /// From "throw it away?" back to the note; from anywhere else, nothing.
    fn back_to_note(&mut self) {
        if matches!(self.mode, Mode::ConfirmDiscard(_))
            && let Mode::ConfirmDiscard(draft) = std::mem::replace(&mut self.mode, Mode::Slides)
        {
            self.mode = Mode::Note(draft);
        }
    }

    /// Messages that say what the last key did go with the next one.
    fn forget_reopened(&mut self) {
        self.status.take_if(|s| {
            *s == reopened()
                || s.starts_with(NO_NOTE_HERE)
                || s == TAKEN_BACK
                || s == crate::text_box::NOTHING_TAKES_A_PASTE
                || s.ends_with(FILES_SET_ASIDE)
        });
    }

    /// Files in the groups folder were damaged or could not be read: said
    /// until the next key, after what is already said.
    pub fn tell_files_set_aside(&mut self) {
        self.status = Some(match self.status.take() {
            Some(said) => format!("{said} {FILES_SET_ASIDE}"),
            None => FILES_SET_ASIDE.to_owned(),
        });
    }

    /// A paste: into the note when it is open (or being asked about: a
    /// paste is no answer to "throw it away?"), else nowhere, and the
    /// status says so.
    pub fn paste(&mut self, text: &str, now: Moment) {
        self.now = now;
        self.back_to_note();
        if matches!(self.mode, Mode::Note(_)) {
            self.edit_note(|editor| editor.paste(text, false));
        } else {
            self.status = Some(crate::text_box::NOTHING_TAKES_A_PASTE.to_owned());
        }
    }

    /// A change to the note being written, if one is open; an edit to
    /// save when it changed the text.
    fn edit_note(&mut self, change: impl FnOnce(&mut TextBox) -> bool) {
        if let Mode::Note(draft) = &mut self.mode
            && change(&mut draft.editor)
        {
            self.autosave.edited(self.now);
        }
    }

    /// The clock moved: the timer is drawn from it, and a draft or a note
    /// not saved yet is saved when the autosave rule says so.
    pub fn tick(&mut self, now: Moment) -> Vec<GroupEffect> {
        self.now = now;
        match self.autosave.due() {
            Some(due) if now >= due => self.save(),
            _ => Vec::new(),
        }
    }

    /// When the next save should start, if one is waiting.
    pub fn save_due(&self) -> Option<Moment> {
        self.autosave.due()
    }

    /// A save that carried `edits` landed.
    pub fn saved(&mut self, edits: u64) -> Vec<GroupEffect> {
        self.autosave.saved(edits);
        self.status.take_if(|s| s.starts_with(SAVE_FAILED));
        if self.ending && !self.autosave.is_dirty() && self.autosave.due().is_none() {
            return vec![GroupEffect::End];
        }
        Vec::new()
    }

    /// A save failed: the notes are kept here, and saved again shortly. An
    /// ending waits, so the notes are not lost unseen.
    pub fn save_failed(&mut self, error: &str) {
        self.autosave.failed(error.to_owned());
        let then = if self.ending {
            format!(
                "They are kept here; press {} to end again once it is fixed, or {} to quit without them.",
                crate::keys::key_name(crate::keys::Mode::Slides, Command::EndSession),
                crate::keys::key_name(crate::keys::Mode::Slides, Command::Quit)
            )
        } else {
            "They are kept here and saved again shortly.".to_string()
        };
        self.ending = false;
        self.status = Some(format!("{SAVE_FAILED}: {error}. {then}"));
    }

    /// End now, without asking (the window is closing): a note being typed
    /// stays a draft, to come back next time, and the record is saved.
    pub fn end_now(&mut self, now: Moment) -> Vec<GroupEffect> {
        self.now = now;
        self.save()
    }

    /// The record with the note being typed as its draft, and the edit
    /// count it carries.
    fn save(&mut self) -> Vec<GroupEffect> {
        let draft = self.mode.note().map(NoteDraft::as_note);
        self.record.set_draft(draft, self.now);
        let edits = self.autosave.started(self.now);
        vec![GroupEffect::Save {
            record: Box::new(self.record.clone()),
            edits,
        }]
    }

    fn switch_mode(&mut self, command: Command) {
        self.mode = match command {
            Command::SlideIndex => Mode::Index {
                selected: self.current,
            },
            Command::BlankScreen => Mode::Blank,
            Command::EndSession => Mode::ConfirmEnd,
            Command::WriteNote => self.new_note(),
            _ => Mode::Slides,
        };
    }

    fn new_note(&self) -> Mode {
        let (section, title) = self
            .current_slide()
            .map_or_else(Default::default, |s| (s.section.clone(), s.title.clone()));
        Mode::Note(NoteDraft::new(&section, &title, "", self.now))
    }

    /// y in a question: end the session, or throw the note away.
    fn confirm(&mut self) -> Vec<GroupEffect> {
        match std::mem::replace(&mut self.mode, Mode::Slides) {
            Mode::ConfirmEnd => self.finish(),
            Mode::ConfirmDiscard(_) => {
                self.autosave.edited(self.now);
                self.save()
            }
            other => {
                self.mode = other;
                Vec::new()
            }
        }
    }

    /// Esc: out of a note (asking first if it has words), or back to the
    /// slides.
    fn back(&mut self) -> Vec<GroupEffect> {
        self.mode = match std::mem::replace(&mut self.mode, Mode::Slides) {
            // A change not made yet: the note stays as it was, nothing to ask.
            Mode::Note(draft) if self.unchanged(&draft) => {
                return self.drop_draft();
            }
            Mode::Note(draft) if !draft.is_blank() || draft.changing.is_some() => {
                Mode::ConfirmDiscard(draft)
            }
            Mode::ConfirmDiscard(draft) => Mode::Note(draft),
            Mode::Note(_) if self.record.draft.is_some() => {
                self.autosave.edited(self.now);
                return self.save();
            }
            _ => Mode::Slides,
        };
        Vec::new()
    }

    /// The note box holds a kept note, as it was.
    fn unchanged(&self, draft: &NoteDraft) -> bool {
        let kept = draft.changing.and_then(|i| self.record.notes.get(i));
        kept.is_some_and(|note| note.text == draft.as_note().text)
    }

    /// The note box closes without keeping anything; a draft saved from
    /// it is saved as gone.
    fn drop_draft(&mut self) -> Vec<GroupEffect> {
        if self.record.draft.is_none() {
            return Vec::new();
        }
        self.autosave.edited(self.now);
        self.save()
    }

    fn undo_redo(&mut self, command: Command) -> Vec<GroupEffect> {
        self.edit_note(|editor| match command {
            Command::Undo => editor.undo(),
            _ => editor.redo(),
        });
        Vec::new()
    }

    /// e: a note made on this slide (on the summary, any note) back in
    /// the note box; with several, the facilitator chooses which first,
    /// the newest offered. Enter keeps it changed, and with no words left
    /// takes it back (a name typed on the shared screen by mistake need
    /// not stay there); Esc leaves it as it was. Until Enter, the kept
    /// note stays in the record as it was, and the change is saved as a
    /// draft.
    fn change_note(&mut self) -> Vec<GroupEffect> {
        let Some(section) = self.current_slide().map(|s| s.section.clone()) else {
            return Vec::new();
        };
        let notes: Vec<usize> = (self.record.notes.iter().enumerate())
            .filter(|(_, n)| section == "summary" || n.slide == section)
            .map(|(i, _)| i)
            .collect();
        self.mode = match notes.as_slice() {
            [] => {
                let write = crate::keys::key_name(crate::keys::Mode::Slides, Command::WriteNote);
                self.status = Some(format!("{NO_NOTE_HERE}; {write} writes one."));
                return Vec::new();
            }
            &[only] => self.to_change(only),
            _ => Mode::ChooseNote {
                selected: notes.len() - 1,
                notes,
            },
        };
        Vec::new()
    }

    /// The kept note at `index` in the note box, to change.
    fn to_change(&self, index: usize) -> Mode {
        match self.record.notes.get(index) {
            Some(note) => Mode::Note(NoteDraft::to_change(index, note)),
            None => Mode::Slides,
        }
    }

    /// Enter in the note: file it under its slide and save at once.
    fn keep_note(&mut self) -> Vec<GroupEffect> {
        let Mode::Note(draft) = std::mem::replace(&mut self.mode, Mode::Slides) else {
            return Vec::new();
        };
        if draft.is_blank() && self.record.draft.is_none() && draft.changing.is_none() {
            return Vec::new();
        }
        self.file_note(&draft);
        self.save()
    }

    /// Files a note with words in it, or the change to a kept note (with
    /// no words left, taking it back); the draft going is an edit either way.
    fn file_note(&mut self, draft: &NoteDraft) {
        let note = draft.as_note();
        let notes = &mut self.record.notes;
        match draft.changing.filter(|&i| i < notes.len()) {
            Some(i) if note.text.is_empty() => {
                notes.remove(i);
                self.record.updated = self.now;
                self.status = Some(TAKEN_BACK.into());
            }
            Some(i) => {
                notes[i].text = note.text;
                self.record.updated = self.now;
            }
            None if note.text.is_empty() => {}
            None => self
                .record
                .add_note(note.slide, note.slide_title, note.text, self.now),
        }
        self.rebuild();
        self.autosave.edited(self.now);
    }

    /// The facilitator ends the session: a note being typed is kept, never
    /// thrown away; the session ends once the record is safely saved.
    fn finish(&mut self) -> Vec<GroupEffect> {
        if let Mode::Note(draft) | Mode::ConfirmDiscard(draft) =
            std::mem::replace(&mut self.mode, Mode::Slides)
        {
            self.file_note(&draft);
        }
        self.ending = true;
        if self.autosave.state == SaveState::Saved {
            return vec![GroupEffect::End];
        }
        // Unsaved, failed, or a save still on its way: save now, and end
        // when that lands.
        self.save()
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

    /// Up, Down and Enter in the slide index, or among the notes to change.
    fn move_in_list(&mut self, command: Command) {
        let step = |selected: usize, len: usize| match command {
            Command::Up => selected.saturating_sub(1),
            _ => (selected + 1).min(len.saturating_sub(1)),
        };
        match std::mem::replace(&mut self.mode, Mode::Slides) {
            Mode::Index { selected } if command == Command::Open => self.go_to(selected),
            Mode::Index { selected } => {
                let selected = step(selected, self.deck.len());
                self.mode = Mode::Index { selected };
            }
            Mode::ChooseNote { notes, selected } if command == Command::Open => {
                self.mode = notes
                    .get(selected)
                    .map_or(Mode::Slides, |&i| self.to_change(i));
            }
            Mode::ChooseNote { notes, selected } => {
                let selected = step(selected, notes.len());
                self.mode = Mode::ChooseNote { notes, selected };
            }
            other => self.mode = other,
        }
    }
}

/// Short, for a shared screen: the details (file names) are told on the
/// app's home screen.
const FILES_SET_ASIDE: &str = "(A damaged file in the groups folder was left unread or kept aside; `reflect paths` shows the folder.)";

const SAVE_FAILED: &str = "Could not save the group's notes";
