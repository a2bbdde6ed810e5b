//! The group view's keys.
//!
//! `Space` moves on, except on a question slide: there it pauses and
//! resumes the timer, and `→` moves on. The discussion is what matters on
//! a question, and the biggest key is the easiest to find while talking.

use crossterm::event::KeyCode::{
    Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Up,
};

use super::Command as C;
use super::Key::{Any, Char, Code, Ctrl};
use super::{Binding, When, bind};

#[rustfmt::skip]
pub(super) static SLIDES: &[Binding] = &[
    bind(&[Char(' ')], "Space", "on a question: pause / resume the timer", C::TimerToggle).when(When::OnQuestion).footer("Space", "pause/resume"),
    bind(&[Code(Right), Code(PageDown)], "→ PgDn", "next slide", C::NextSlide).footer("→", "next"),
    bind(&[Char(' ')], "Space", "elsewhere: next slide", C::NextSlide).when(When::NotOnQuestion).hidden(),
    bind(&[Code(Left), Code(PageUp)], "← PgUp", "previous slide", C::PreviousSlide).footer("←", "back"),
    bind(&[Char('n')], "n", "write down an agreed point or action", C::WriteNote).footer("n", "note"),
    bind(&[Char('e')], "e", "change or take back a note made on this slide", C::ChangeNote).hidden(),
    bind(&[Char('+'), Char('=')], "+/-", "one minute more / less", C::TimerMore).when(When::OnQuestion).footer("+/-", "time"),
    bind(&[Char('-'), Char('_')], "-", "one minute less", C::TimerLess).when(When::OnQuestion).unlisted(),
    bind(&[Char('r')], "r", "reset the timer", C::TimerReset).when(When::OnQuestion).footer("r", "reset"),
    bind(&[Char('i')], "i", "slide index", C::SlideIndex).footer("i", "index"),
    bind(&[Char('b')], "b", "blank the screen", C::BlankScreen).footer("b", "blank"),
    bind(&[Code(Home)], "Home End", "first / last slide", C::FirstSlide).hidden(),
    bind(&[Code(End)], "End", "last slide", C::LastSlide).unlisted(),
    bind(&[Char('q'), Code(Esc)], "q Esc", "end the session", C::EndSession).footer("q", "end"),
    bind(&[Char('?'), Code(F(1))], "? F1", "this help", C::Help).footer("?", "help"),
];

#[rustfmt::skip]
pub(super) static INDEX: &[Binding] = &[
    bind(&[Code(Up), Char('k')], "↑ k", "up", C::Up).footer("↑", "up"),
    bind(&[Code(Down), Char('j')], "↓ j", "down", C::Down).footer("↓", "down"),
    bind(&[Code(Enter)], "Enter", "show the chosen slide", C::Open).footer("Enter", "show"),
    bind(&[Code(Esc), Char('i'), Char('q')], "Esc", "close the index", C::Close).footer("Esc", "close"),
];

/// The blank screen shows nothing, not even a footer: any key brings the
/// slide back.
pub(super) static BLANK: &[Binding] =
    &[bind(&[Any], "any\u{a0}key", "show the slide again", C::Close).hidden()];

#[rustfmt::skip]
pub(super) static CONFIRM_END: &[Binding] = &[
    bind(&[Char('y'), Code(Enter)], "y Enter", "end the session", C::Confirm).footer("y", "end"),
    bind(&[Char('n'), Code(Esc)], "n Esc", "stay", C::Back).footer("n", "stay"),
];

/// The slide's notes, newest chosen first.
#[rustfmt::skip]
pub(super) static NOTE_CHOICE: &[Binding] = &[
    bind(&[Code(Up), Char('k')], "↑ k", "an earlier note", C::Up).footer("↑", "earlier"),
    bind(&[Code(Down), Char('j')], "↓ j", "a later note", C::Down).footer("↓", "later"),
    bind(&[Code(Enter), Char('e')], "Enter", "change the chosen note, or take it back", C::Open).footer("Enter", "change"),
    bind(&[Code(Esc), Char('q')], "Esc", "leave the notes as they are", C::Close).footer("Esc", "cancel"),
];

#[rustfmt::skip]
pub(super) static NOTE: &[Binding] = &[
    bind(&[Code(Enter)], "Enter", "keep the note (Alt-Enter or Ctrl-J starts a new line)", C::KeepNote).when(When::NotNoteErased).footer("Enter", "keep (Alt-Enter: new line)"),
    bind(&[Code(Enter)], "Enter", "with every word erased: take the note back", C::KeepNote).when(When::NoteErased).footer("Enter", "take back"),
    bind(&[Code(Esc)], "Esc", "stop writing (asks before throwing text away)", C::Back).footer("Esc", "cancel"),
    bind(&[Ctrl('z')], "Ctrl-Z", "undo", C::Undo).hidden(),
    bind(&[Ctrl('y')], "Ctrl-Y", "redo", C::Redo).hidden(),
];

#[rustfmt::skip]
/// A capital Y throws the note away: letters typed by someone who thought
/// they were still writing go back into the note ("every" held a y).
pub(super) static CONFIRM_DISCARD: &[Binding] = &[
    bind(&[Char('Y')], "Y", "throw the note away (a capital Y)", C::Confirm).footer("Y", "discard"),
    bind(&[Code(Esc), Code(Enter)], "Esc", "keep writing (so does any other key, typed into the note)", C::Back).footer("Esc", "keep writing"),
];
