//! The reflection being worked on: its answers, the editors, and whether
//! what is on screen has reached the disk yet.

use chrono::{DateTime, FixedOffset};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

use crate::content::{Library, Question, QuestionKey, Theme};
use crate::store::Reflection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Typed since the last save; a save will follow shortly.
    Unsaved,
    Saving,
    /// The last save failed; the text is kept in memory and retried.
    Failed(String),
}

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
    pub answer_editor: TextArea<'static>,
    pub notes_editor: TextArea<'static>,
    /// Counts edits so a save that finishes after more typing keeps `Unsaved`.
    pub edits: u64,
    pub last_edit: Option<DateTime<FixedOffset>>,
    /// When the oldest edit that no save has taken yet was made: autosave
    /// never lets it wait long, however steadily someone types.
    pub unsaved_since: Option<DateTime<FixedOffset>>,
    /// Typed into an editor since its text was last copied into the
    /// reflection. Copying is done when something needs the reflection (a
    /// save, a move, a command), not on every key: a long answer would
    /// make every key cost as much as the whole text.
    editors_changed: bool,
    pub save: SaveState,
    pub last_save_attempt: Option<DateTime<FixedOffset>>,
}

impl Session {
    pub fn new(reflection: Reflection, read_only: bool) -> Self {
        let notes = editor(
            &reflection.notes,
            "Free notes: what you noticed, what to take to supervision…",
        );
        let mut session = Session {
            reflection,
            read_only,
            question: 0,
            focus: Focus::Browse,
            answer_editor: editor("", ""),
            notes_editor: notes,
            edits: 0,
            last_edit: None,
            unsaved_since: None,
            editors_changed: false,
            save: SaveState::Saved,
            last_save_attempt: None,
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

    pub fn current_question<'l>(&self, library: &'l Library) -> Option<&'l Question> {
        self.questions(library).get(self.question).copied()
    }

    /// Loads the current question's saved answer into the editor, after
    /// keeping what the editor held.
    pub fn load_answer(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        self.sync_editors(library, now);
        let text = self
            .current_question(library)
            .and_then(|q| self.reflection.answer(&self.key(q).to_string()))
            .map(|a| a.text.clone())
            .unwrap_or_default();
        self.answer_editor = editor(
            &text,
            "Write your answer here. Enter starts a new line; Tab moves on.",
        );
        self.set_focus(self.focus);
    }

    /// Copies the editor's text into the reflection (with the wording answered).
    fn store_answer(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        let Some(question) = self.current_question(library) else {
            return;
        };
        let key = self.key(question).to_string();
        let text = self.answer_editor.lines().join("\n");
        if self.reflection.answer(&key).is_none() && text.trim().is_empty() {
            return;
        }
        let answer = self
            .reflection
            .answer_mut_or_insert(&key, &question.text, now);
        if answer.text != text {
            answer.text = text;
            answer.question_text = question.text.clone();
            answer.updated = now;
        }
    }

    fn store_notes(&mut self) {
        self.reflection.notes = self.notes_editor.lines().join("\n");
    }

    pub fn mark_edited(&mut self, now: DateTime<FixedOffset>) {
        self.edits += 1;
        self.last_edit = Some(now);
        self.unsaved_since.get_or_insert(now);
        self.reflection.updated = now;
        self.save = SaveState::Unsaved;
    }

    /// An editor's text changed (typing, paste, undo): recorded now,
    /// copied into the reflection by [`Session::sync_editors`].
    pub fn mark_typed(&mut self, now: DateTime<FixedOffset>) {
        self.editors_changed = true;
        self.mark_edited(now);
    }

    /// Copies what the editors hold into the reflection, if they changed.
    pub fn sync_editors(&mut self, library: &Library, now: DateTime<FixedOffset>) {
        if std::mem::take(&mut self.editors_changed) {
            self.store_answer(library, now);
            self.store_notes();
        }
    }

    /// The reflection as it should be saved now; what it holds from here on
    /// is taken by a save.
    pub fn take_for_save(&mut self, library: &Library, now: DateTime<FixedOffset>) -> Reflection {
        self.sync_editors(library, now);
        self.unsaved_since = None;
        self.save = SaveState::Saving;
        self.last_save_attempt = Some(now);
        self.reflection.clone()
    }

    /// Moves the keyboard, styling the editors so the focused one shows a cursor.
    pub fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        for (editor, focused) in [
            (&mut self.answer_editor, focus == Focus::Answer),
            (&mut self.notes_editor, focus == Focus::Notes),
        ] {
            let cursor = if focused {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            editor.set_cursor_style(cursor);
        }
    }

    /// The first question without an answer, or the first question.
    pub fn first_unanswered(&self, library: &Library) -> usize {
        self.questions(library)
            .iter()
            .position(|q| {
                self.reflection
                    .answer(&self.key(q).to_string())
                    .is_none_or(|a| a.text.trim().is_empty())
            })
            .unwrap_or(0)
    }

    /// Typing goes into a text box (answer or notes), not to commands.
    pub fn is_editing(&self) -> bool {
        matches!(self.focus, Focus::Answer | Focus::Notes)
    }

    pub fn is_dirty(&self) -> bool {
        matches!(self.save, SaveState::Unsaved | SaveState::Failed(_))
    }
}

fn editor(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let mut editor = TextArea::new(lines);
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.set_cursor_line_style(Style::default());
    editor.set_placeholder_text(placeholder);
    editor.set_max_histories(200);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor
}
