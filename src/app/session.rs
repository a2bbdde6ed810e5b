//! The reflection being worked on: its answers, the editors, and whether
//! what is on screen has reached the disk yet.

use chrono::{DateTime, FixedOffset};

use super::marks::Marks;
use crate::autosave::{Autosave, SaveState};
use crate::content::{Library, Question, QuestionKey, Theme};
use crate::keys::{Command, Mode, key_name};
use crate::store::Reflection;
use crate::text_box::TextBox;

/// Which text box has the keyboard in the walkthrough.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Browse,
    Answer,
    Notes,
}

pub struct Session {
    pub reflection: Reflection,
    pub read_only: bool,
    pub question: usize,
    pub focus: Focus,
    /// Where Esc from the notes goes back to.
    pub notes_from: super::Back,
    /// Which of the learning points shown beside the question is in view
    /// (`l` moves on; it wraps round).
    pub learning_shown: usize,
    pub answer_editor: TextBox,
    pub notes_editor: TextBox,
    pub autosave: Autosave,
    /// What the identifying-details check marks (see `app::privacy`).
    pub marks: Marks,
    /// The question being answered when new content took it out of the
    /// pack. The answer box stays on it, so what is typed lands where the
    /// person sees it (and not as commands), until they leave it.
    pub taken_out: Option<Question>,
    /// Typed into an editor since its text was last copied into the
    /// reflection. Copying is done when something needs the reflection (a
    /// save, a move, a command), not on every key: a long answer would
    /// make every key cost as much as the whole text.
    editors_changed: bool,
}

const NOTES_PLACEHOLDER: &str = "Free notes: what you noticed, what to take to supervision…";

impl Session {
    pub fn new(reflection: Reflection, read_only: bool) -> Self {
        let notes = TextBox::new(&reflection.notes, NOTES_PLACEHOLDER);
        let mut session = Session {
            reflection,
            read_only,
            question: 0,
            focus: Focus::Browse,
            notes_from: super::Back::Walkthrough,
            learning_shown: 0,
            answer_editor: TextBox::new("", ""),
            notes_editor: notes,
            autosave: Autosave::default(),
            marks: Marks::new(),
            taken_out: None,
            editors_changed: false,
        };
        session.set_focus(Focus::Browse);
        session
    }

    pub fn key(&self, question: &Question) -> QuestionKey {
        QuestionKey::new(&self.reflection.pack, &self.reflection.theme, &question.id)
    }

    /// The theme this reflection is about, if the content still has it.
    pub fn theme<'l>(&self, library: &'l Library) -> Option<&'l Theme> {
        library
            .pack(&self.reflection.pack)?
            .theme(&self.reflection.theme)
    }

    /// The questions walked through, for this reflection's audience.
    pub fn questions<'l>(&self, library: &'l Library) -> Vec<&'l Question> {
        self.theme(library)
            .map(|t| t.questions_for(self.reflection.audience).collect())
            .unwrap_or_default()
    }

    /// The question on screen: the one at `question`, or the one taken out
    /// of the pack while it was being answered.
    pub fn current_question<'a>(&'a self, library: &'a Library) -> Option<&'a Question> {
        self.taken_out
            .as_ref()
            .or_else(|| self.questions(library).get(self.question).copied())
    }

    /// A read-only reflection as its writer has since saved it, in place
    /// of the copy shown: nothing here is edited, so nothing is lost.
    pub fn show_newer(&mut self, newer: Reflection, library: &Library, now: DateTime<FixedOffset>) {
        if !self.read_only {
            return;
        }
        self.notes_editor = TextBox::new(&newer.notes, NOTES_PLACEHOLDER);
        self.reflection = newer;
        self.editors_changed = false;
        self.load_answer(library, now);
    }

    /// Loads the current question's saved answer into the editor, after
    /// keeping what the editor held.
    pub fn load_answer(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        self.sync_editors(library, now);
        self.taken_out = None;
        self.learning_shown = 0;
        let text = self
            .current_question(library)
            .and_then(|q| self.reflection.answer(&self.key(q).to_string()))
            .map(|a| a.text.clone())
            .unwrap_or_default();
        // Enter is text here (a new line), not a key of the table.
        let placeholder = if self.read_only {
            // Keys here are commands: inviting typing would run them.
            "No answer yet. This reflection is read-only here, so keys are commands.".to_owned()
        } else {
            format!(
                "Write your answer here. Enter starts a new line; {} moves on.",
                key_name(Mode::Editor, Command::NextQuestion)
            )
        };
        self.answer_editor = TextBox::new(&text, &placeholder);
        self.marks.rerun();
        // No question, no answer box: what is typed would go nowhere.
        let answerable = self.current_question(library).is_some();
        let focus = match self.focus {
            Focus::Answer if !answerable => Focus::Browse,
            focus => focus,
        };
        self.set_focus(focus);
    }

    /// Copies the editor's text into the reflection (with the wording answered).
    fn store_answer(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        let Some(question) = self.current_question(library) else {
            return;
        };
        let (key, wording) = (self.key(question).to_string(), question.text.clone());
        let text = self.answer_editor.text();
        if self.reflection.answer(&key).is_none() && text.trim().is_empty() {
            return;
        }
        let answer = self.reflection.answer_mut_or_insert(&key, &wording, now);
        if answer.text != text {
            answer.text = text;
            answer.question_text = wording;
            answer.updated = now;
        }
    }

    fn store_notes(&mut self) {
        self.reflection.notes = self.notes_editor.text();
    }

    /// The reflection changed: to be saved, and the review's list of
    /// what is marked to be worked out again (a hand-in detail or an
    /// action typed in the review is on the record too).
    pub fn mark_edited(&mut self, now: DateTime<FixedOffset>) {
        self.autosave.edited(now);
        self.reflection.updated = now;
        self.marks.review_stale = true;
    }

    /// An editor's text changed (typing, paste, undo): recorded now,
    /// copied into the reflection by [`Session::sync_editors`].
    pub fn mark_typed(&mut self, now: DateTime<FixedOffset>) {
        self.editors_changed = true;
        self.marks.typed(now);
        self.mark_edited(now);
    }

    /// Copies what the editors hold into the reflection, if they changed.
    pub fn sync_editors(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        if std::mem::take(&mut self.editors_changed) {
            self.store_answer(library, now);
            self.store_notes();
        }
    }

    /// The reflection as it should be saved now (with the question open,
    /// to carry on from), and the edit count the save carries; everything
    /// so far is taken by this save.
    pub fn take_for_save(
        &mut self,
        library: &Library,
        now: DateTime<FixedOffset>,
    ) -> (Reflection, u64) {
        self.sync_editors(library, now);
        self.reflection.at = self
            .current_question(library)
            .map(|q| self.key(q).to_string());
        let edits = self.autosave.started(now);
        (self.reflection.clone(), edits)
    }

    /// Moves the keyboard, styling the editors so the focused one shows a cursor.
    pub fn set_focus(&mut self, focus: Focus) {
        if (focus == Focus::Notes) != (self.focus == Focus::Notes) {
            self.marks.rerun();
        }
        self.focus = focus;
        self.answer_editor.set_focused(focus == Focus::Answer);
        self.notes_editor.set_focused(focus == Focus::Notes);
    }

    /// Moved to another question: where to carry on from is kept with the
    /// reflection, once it holds anything worth a file (an empty one is
    /// not saved for being looked through). Not an edit: `updated` stays.
    pub fn moved(&mut self, now: DateTime<FixedOffset>) {
        let r = &self.reflection;
        let kept = !r.answers.is_empty() || !r.notes.is_empty() || !r.actions.is_empty();
        if kept && !self.read_only {
            self.autosave.edited(now);
        }
    }

    /// Where a reopened reflection carries on: the question open when it
    /// was last saved, while the pack still has it; otherwise the first
    /// question without an answer.
    pub fn carry_on_at(&self, library: &Library) -> usize {
        let questions = self.questions(library);
        self.reflection
            .at
            .as_deref()
            .and_then(|at| questions.iter().position(|q| self.key(q).to_string() == at))
            .unwrap_or_else(|| self.first_unanswered(library))
    }

    /// The first question without an answer, or the first question.
    fn first_unanswered(&self, library: &Library) -> usize {
        self.questions(library)
            .iter()
            .position(|q| {
                self.reflection
                    .answer(&self.key(q).to_string())
                    .is_none_or(|a| !a.is_answered())
            })
            .unwrap_or(0)
    }

    /// Why there is no answer box: the theme has no questions for this
    /// reflection's audience, so nothing typed would have a place.
    pub fn no_question_here(&self, library: &Library) -> String {
        if let Some(missing) = self.content_missing(library) {
            return missing;
        }
        format!(
            "There is no question here to answer: this theme has no questions for {} in the loaded content. {} goes back; on the theme screen {} switches audience.",
            self.reflection.audience.plural(),
            key_name(Mode::Walkthrough, Command::Back),
            key_name(Mode::Theme, Command::ToggleAudience),
        )
    }

    /// Why the reflection's theme is not in the loaded content, if it is
    /// not: its answers are shown as answered, not under their questions.
    pub fn content_missing(&self, library: &Library) -> Option<String> {
        let (pack, theme) = (&self.reflection.pack, &self.reflection.theme);
        let kept = "Your answers are kept, and shown under their questions again once it is back";
        match library.pack(pack) {
            None => Some(format!(
                "The content this reflection is on (`{pack}`) could not be read, so its questions are not shown. {kept} (`reflect check` says what is wrong)."
            )),
            Some(p) if p.theme(theme).is_none() => Some(format!(
                "The theme `{theme}` is not in the content `{pack}` now, so its questions are not shown. {kept}."
            )),
            Some(_) => None,
        }
    }

    /// Typing goes into a text box (answer or notes), not to commands.
    pub fn is_editing(&self) -> bool {
        matches!(self.focus, Focus::Answer | Focus::Notes)
    }

    pub fn is_dirty(&self) -> bool {
        self.autosave.is_dirty()
    }

    /// Text only in memory: typed since the last save that landed. Closing
    /// the reflection now (quitting, opening another) would lose it.
    pub fn holds_unsaved_text(&self) -> bool {
        !self.read_only && self.autosave.state != SaveState::Saved
    }
}
