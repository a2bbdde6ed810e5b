//! Every key of the group view, in one table.
//!
//! The same table decides what a key does ([`action_for`]), what the footer
//! shows ([`footer_hints`]) and what the help overlay lists ([`help`]), so
//! the hints on screen can never drift from the keys.
//!
//! `Space` moves on, except on a question slide: there it pauses and
//! resumes the timer, and `→` moves on. The discussion is what matters on
//! a question, and the biggest key is the easiest to find while talking.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which part of the view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeKind {
    /// Any mode: the quit keys.
    Any,
    Slides,
    Index,
    Help,
    Blank,
    ConfirmEnd,
    Note,
}

/// Extra condition on a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    OnQuestion,
    NotOnQuestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    /// A character, typed with or without Shift.
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// Any printable character (typing into the note).
    AnyChar,
    /// Any key at all.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Previous,
    /// Home or End: which one is read from the key.
    FirstOrLast,
    OpenIndex,
    Blank,
    OpenHelp,
    AskEnd,
    QuitNow,
    TimerToggle,
    /// `+` or `-`: which one is read from the key.
    TimerAdjust,
    TimerReset,
    OpenNote,
    /// Up in the index or in help.
    Up,
    Down,
    IndexJump,
    Close,
    ConfirmEnd,
    NoteKeep,
    /// Left, Right, Home or End in the note.
    NoteMove,
    /// Backspace or Delete in the note.
    NoteErase,
    NoteInsert,
}

pub struct Binding {
    pub mode: ModeKind,
    pub when: When,
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help.
    pub label: &'static str,
    pub help: &'static str,
    pub action: Action,
    /// A word or two for the footer after the keys; `None` keeps the
    /// binding out of the footer (help lists everything).
    pub footer: Option<&'static str>,
}

const fn bind(
    mode: ModeKind,
    when: When,
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    action: Action,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        mode,
        when,
        keys,
        label,
        help,
        action,
        footer,
    }
}

use Action as A;
use Key::{Char, Code, Ctrl};
use ModeKind as M;
use When as W;

/// "any key" with a no-break space: the footer names only the first word of
/// a label (`"q Esc"` shows as `q`), and this label is one name.
const ANY_KEY: &str = "any\u{a0}key";

/// The table. Order matters: the first match wins, and the footer keeps
/// this order (dropping hints from the end when the screen is narrow).
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(M::Any, W::Always, &[Ctrl('c'), Ctrl('q')], "Ctrl-C", "quit at once (notes are saved)", A::QuitNow, None),
    bind(M::Slides, W::OnQuestion, &[Char(' ')], "Space", "on a question: pause / resume the timer", A::TimerToggle, Some("pause/resume")),
    bind(M::Slides, W::Always, &[Code(KeyCode::Right), Code(KeyCode::PageDown)], "→ PgDn", "next slide", A::Next, Some("next")),
    bind(M::Slides, W::NotOnQuestion, &[Char(' ')], "Space", "elsewhere: next slide", A::Next, None),
    bind(M::Slides, W::Always, &[Code(KeyCode::Left), Code(KeyCode::PageUp)], "← PgUp", "previous slide", A::Previous, Some("back")),
    bind(M::Slides, W::Always, &[Char('n')], "n", "write down an agreed point or action", A::OpenNote, Some("note")),
    bind(M::Slides, W::OnQuestion, &[Char('+'), Char('='), Char('-'), Char('_')], "+/-", "one minute more / less", A::TimerAdjust, Some("time")),
    bind(M::Slides, W::OnQuestion, &[Char('r')], "r", "reset the timer", A::TimerReset, Some("reset")),
    bind(M::Slides, W::Always, &[Char('i')], "i", "slide index", A::OpenIndex, Some("index")),
    bind(M::Slides, W::Always, &[Char('b')], "b", "blank the screen", A::Blank, Some("blank")),
    bind(M::Slides, W::Always, &[Code(KeyCode::Home), Code(KeyCode::End)], "Home End", "first / last slide", A::FirstOrLast, None),
    bind(M::Slides, W::Always, &[Char('q'), Code(KeyCode::Esc)], "q Esc", "end the session", A::AskEnd, Some("end")),
    bind(M::Slides, W::Always, &[Char('?'), Code(KeyCode::F(1))], "? F1", "this help", A::OpenHelp, Some("help")),
    bind(M::Index, W::Always, &[Code(KeyCode::Up), Char('k')], "↑ k", "up", A::Up, Some("up")),
    bind(M::Index, W::Always, &[Code(KeyCode::Down), Char('j')], "↓ j", "down", A::Down, Some("down")),
    bind(M::Index, W::Always, &[Code(KeyCode::Enter)], "Enter", "show the chosen slide", A::IndexJump, Some("show")),
    bind(M::Index, W::Always, &[Code(KeyCode::Esc), Char('i'), Char('q')], "Esc", "close the index", A::Close, Some("close")),
    bind(M::Help, W::Always, &[Code(KeyCode::Up), Char('k')], "↑ k", "scroll up", A::Up, Some("scroll")),
    bind(M::Help, W::Always, &[Code(KeyCode::Down), Char('j')], "↓ j", "scroll down", A::Down, None),
    bind(M::Help, W::Always, &[Key::Any], ANY_KEY, "close help", A::Close, Some("close")),
    bind(M::Blank, W::Always, &[Key::Any], ANY_KEY, "show the slide again", A::Close, None),
    bind(M::ConfirmEnd, W::Always, &[Char('y'), Code(KeyCode::Enter)], "y Enter", "end the session", A::ConfirmEnd, Some("end")),
    bind(M::ConfirmEnd, W::Always, &[Char('n'), Code(KeyCode::Esc)], "n Esc", "stay", A::Close, Some("stay")),
    bind(M::Note, W::Always, &[Code(KeyCode::Enter)], "Enter", "keep the note", A::NoteKeep, Some("keep")),
    bind(M::Note, W::Always, &[Code(KeyCode::Esc)], "Esc", "cancel the note", A::Close, Some("cancel")),
    bind(M::Note, W::Always, &[Code(KeyCode::Left), Code(KeyCode::Right), Code(KeyCode::Home), Code(KeyCode::End)], "← → Home End", "move the cursor", A::NoteMove, None),
    bind(M::Note, W::Always, &[Code(KeyCode::Backspace), Code(KeyCode::Delete)], "Bksp Del", "delete back / forward", A::NoteErase, None),
    bind(M::Note, W::Always, &[Key::AnyChar], "text", "type or paste the note", A::NoteInsert, None),
];

/// The action for `key` in `mode`, if any.
pub fn action_for(mode: ModeKind, on_question: bool, key: &KeyEvent) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == ModeKind::Any || b.mode == mode)
        .filter(|b| applies(b.when, on_question))
        .find(|b| b.keys.iter().any(|k| matches(*k, key)))
        .map(|b| b.action)
}

/// `(key, what it does)` for the footer, in table order; only the first of
/// a binding's keys is named, to keep the footer short.
pub fn footer_hints(mode: ModeKind, on_question: bool) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode && applies(b.when, on_question))
        .filter_map(|b| b.footer.map(|short| (first_word(b.label), short)))
        .collect()
}

/// Every binding worth listing in help, grouped by mode, in table order
/// (help's own keys are in its footer).
pub fn help() -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(|b| !matches!(b.mode, ModeKind::Blank | ModeKind::Help))
}

fn first_word(label: &str) -> &str {
    label.split(' ').next().unwrap_or(label)
}

fn applies(when: When, on_question: bool) -> bool {
    match when {
        When::Always => true,
        When::OnQuestion => on_question,
        When::NotOnQuestion => !on_question,
    }
}

fn matches(pattern: Key, key: &KeyEvent) -> bool {
    let mods = key.modifiers;
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    let alt = mods.contains(KeyModifiers::ALT);
    // Ctrl+Alt together is how AltGr arrives on Windows: a typed character.
    let typed = ctrl == alt;
    match (pattern, key.code) {
        (Key::Any, _) => true,
        (Key::AnyChar, KeyCode::Char(c)) => typed && !c.is_control(),
        (Char(p), KeyCode::Char(c)) => typed && !ctrl && p == c,
        (Ctrl(p), KeyCode::Char(c)) => ctrl && !alt && c.eq_ignore_ascii_case(&p),
        (Code(p), code) => !ctrl && !alt && p == code,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn space_depends_on_the_slide() {
        let space = key(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(action_for(M::Slides, true, &space), Some(A::TimerToggle));
        assert_eq!(action_for(M::Slides, false, &space), Some(A::Next));
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_shift_plus_works() {
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [
            M::Slides,
            M::Index,
            M::Help,
            M::Blank,
            M::ConfirmEnd,
            M::Note,
        ] {
            assert_eq!(
                action_for(mode, true, &ctrl_c),
                Some(A::QuitNow),
                "{mode:?}"
            );
        }
        let plus = key(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(action_for(M::Slides, true, &plus), Some(A::TimerAdjust));
        assert_eq!(action_for(M::Slides, false, &plus), None);
        let typed = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(M::Note, false, &typed), Some(A::NoteInsert));
    }

    #[test]
    fn every_footer_hint_has_a_key_that_works() {
        for b in BINDINGS {
            assert!(!b.keys.is_empty() && !b.label.is_empty() && !b.help.is_empty());
        }
        let hints = footer_hints(M::Slides, true);
        assert!(hints.contains(&("Space", "pause/resume")));
        assert!(hints.contains(&("r", "reset")));
        assert!(!footer_hints(M::Slides, false).contains(&("r", "reset")));
    }
}
