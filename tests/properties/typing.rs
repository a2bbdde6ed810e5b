//! The answer editor against a model of its text: a `Vec<char>` and a
//! cursor. Whatever is typed, pasted, deleted or moved over, at any screen
//! size and whatever the clock does, the editor holds the model's text with
//! the cursor where the model has it, and leaving the editor saves exactly
//! that text as the answer to question 1.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

use reflect::app::{Action, Effect, Focus};

use crate::arb;
use crate::sim::Sim;

const QUESTION_1: &str = "panel-2023-24/child-mental-health/formal-diagnosis";

#[derive(Debug, Clone)]
pub enum Edit {
    /// One grapheme, sent as one key press per `char`.
    Type(String),
    Enter,
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Paste(String),
    Resize(u16, u16),
    Tick(i64),
}

/// Every edit, over text whose every `char` takes at least one cell.
///
/// Model restriction: ratatui-textarea moves Left/Right (and finds the
/// char Delete removes) through screen columns, and a zero-width `char`
/// (a combining mark, ZWJ, a variation selector) shares its column with the
/// `char` before it. So Left onto the end of a line ending in one lands
/// before it; Right there jumps to the next line (or, on the last line,
/// stays), and Delete joins the lines instead of removing the mark (or, on
/// the last line, does nothing). No text is lost. Those `char`s are
/// typed in [`typing_only`] instead, where the cursor only moves by
/// typing, Backspace, Home and End, which work on `char`s.
pub fn every_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        12 => arb::cluster(false).prop_map(Edit::Type),
        2 => Just(Edit::Enter),
        2 => Just(Edit::Backspace),
        2 => Just(Edit::Delete),
        2 => Just(Edit::Left),
        2 => Just(Edit::Right),
        1 => Just(Edit::Home),
        1 => Just(Edit::End),
        2 => arb::pasted(false).prop_map(Edit::Paste),
        1 => arb::size().prop_map(|(w, h)| Edit::Resize(w, h)),
        2 => arb::tick().prop_map(Edit::Tick),
    ]
}

/// Typing, pasting and deleting backwards over every kind of text,
/// zero-width `char`s included; Home and End to move.
pub fn typing_only() -> impl Strategy<Value = Edit> {
    prop_oneof![
        12 => arb::cluster(true).prop_map(Edit::Type),
        2 => Just(Edit::Enter),
        2 => Just(Edit::Backspace),
        1 => Just(Edit::Home),
        1 => Just(Edit::End),
        2 => arb::pasted(true).prop_map(Edit::Paste),
        1 => arb::size().prop_map(|(w, h)| Edit::Resize(w, h)),
        2 => arb::tick().prop_map(Edit::Tick),
    ]
}

/// What the text should be: chars, and the cursor between them.
#[derive(Debug, Default)]
pub struct Model {
    text: Vec<char>,
    cursor: usize,
}

impl Model {
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::Type(s) => self.insert(s),
            Edit::Enter => self.insert("\n"),
            Edit::Paste(s) => self.insert(&s.replace("\r\n", "\n").replace('\r', "\n")),
            Edit::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.text.remove(self.cursor);
            }
            Edit::Delete if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
            }
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.text.len()),
            Edit::Home => self.cursor = self.line_start(),
            Edit::End => {
                let rest = self.text[self.cursor..].iter().position(|&c| c == '\n');
                self.cursor = rest.map_or(self.text.len(), |n| self.cursor + n);
            }
            _ => {}
        }
    }

    fn insert(&mut self, s: &str) {
        for c in s.chars() {
            self.text.insert(self.cursor, c);
            self.cursor += 1;
        }
    }

    fn line_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        before.iter().rposition(|&c| c == '\n').map_or(0, |n| n + 1)
    }

    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// The cursor as (line, char in line).
    pub fn row_col(&self) -> (usize, usize) {
        let row = self.text[..self.cursor]
            .iter()
            .filter(|&&c| c == '\n')
            .count();
        (row, self.cursor - self.line_start())
    }
}

fn press(sim: &mut Sim, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    sim.act(Action::Key(KeyEvent::new(code, modifiers)));
}

pub fn apply(sim: &mut Sim, edit: &Edit) {
    match edit {
        Edit::Type(s) => s.chars().for_each(|c| press(sim, KeyCode::Char(c))),
        Edit::Enter => press(sim, KeyCode::Enter),
        Edit::Backspace => press(sim, KeyCode::Backspace),
        Edit::Delete => press(sim, KeyCode::Delete),
        Edit::Left => press(sim, KeyCode::Left),
        Edit::Right => press(sim, KeyCode::Right),
        Edit::Home => press(sim, KeyCode::Home),
        Edit::End => press(sim, KeyCode::End),
        Edit::Paste(s) => sim.act(Action::Paste(s.clone())),
        Edit::Resize(w, h) => sim.act(Action::Resize(*w, *h)),
        Edit::Tick(ms) => sim.wait(*ms),
    }
}

/// The editor's text and cursor, as (text, (line, char)).
fn editor(sim: &Sim) -> (String, (usize, usize)) {
    let session = sim.app.session.as_ref().expect("a session is open");
    assert_eq!(session.focus, Focus::Answer, "still in the answer editor");
    let area = &session.answer_editor;
    let cursor = area.cursor();
    (area.text(), cursor)
}

/// Runs `edits`, checking the editor against the model after each, then
/// leaves the editor and checks what was saved.
pub fn check(edits: &[Edit]) -> Result<(), TestCaseError> {
    let mut sim = Sim::editing();
    let mut model = Model::default();
    for (step, edit) in edits.iter().enumerate() {
        // At any window size: below the smallest, typing still goes in.
        apply(&mut sim, edit);
        model.apply(edit);
        let (text, cursor) = editor(&sim);
        prop_assert_eq!(
            &text,
            &model.text(),
            "text after step {} ({:?})",
            step,
            edit
        );
        prop_assert_eq!(
            cursor,
            model.row_col(),
            "cursor after step {} ({:?})",
            step,
            edit
        );
    }
    sim.act(Action::Resize(80, 24));
    let before = sim.effects.len();
    press(&mut sim, KeyCode::Esc);
    let saved_now = sim.effects[before..]
        .iter()
        .any(|e| matches!(e, Effect::Save { .. }));
    let session = sim.app.session.as_ref().expect("a session is open");
    prop_assert!(saved_now || !session.is_dirty(), "Esc left text unsaved");
    let saved = sim.disk.get("r-now").and_then(|r| r.answer(QUESTION_1));
    let expected = model.text();
    match saved {
        Some(answer) => prop_assert_eq!(&answer.text, &expected),
        // A blank answer is not kept until something is written.
        None => prop_assert!(
            expected.trim().is_empty(),
            "answer not saved: {:?}",
            expected
        ),
    }
    Ok(())
}
