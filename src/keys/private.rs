//! The private app's keys: home, a theme, the walkthrough and its editors,
//! actions, the review, earlier answers, and help.

use crossterm::event::KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab,
    Up,
};

use super::Command as C;
use super::Key::{Any, Char, Code, Ctrl};
use super::{Binding, bind};

const HELP_KEY: Binding = bind(&[Char('?'), Code(F(1))], "?", "help", C::Help);
const QUIT_Q: Binding = bind(&[Char('q')], "q", "quit", C::QuitOutsideEditor);
const BACK: Binding = bind(&[Code(Esc)], "Esc", "back", C::Back);
// The label of the down key names the up key too: help lists it once.
const MOVE: Binding = bind(&[Code(Down), Char('j')], "↑/↓ j/k", "move", C::Down);
const MOVE_UP: Binding = bind(&[Code(Up), Char('k')], "↑/k", "move up", C::Up).unlisted();
const SCROLL: Binding = bind(&[Code(Down), Char('j')], "↑↓ j/k", "scroll", C::Down);
const SCROLL_UP: Binding = bind(&[Code(Up), Char('k')], "↑/k", "scroll up", C::Up).unlisted();
const PAGE_DOWN: Binding = bind(
    &[Code(PageDown)],
    "PgDn PgUp",
    "a page down or up",
    C::PageDown,
)
.hidden();
const PAGE_UP: Binding = bind(&[Code(PageUp)], "PgUp", "a page up", C::PageUp).unlisted();
const TO_START: Binding = bind(
    &[Code(Home)],
    "Home End",
    "the start or the end",
    C::ToStart,
)
.hidden();
const TO_END: Binding = bind(&[Code(End)], "End", "the end", C::ToEnd).unlisted();
const NOTES: Binding = bind(&[Char('n')], "n", "notes", C::OpenNotes);
const ACTIONS_KEY: Binding = bind(&[Char('a')], "a", "actions", C::OpenActions);
// The identifying-details check: named on the line under the answer when
// something is marked, so kept out of the footer.
const NEXT_MARK: Binding = bind(
    &[Ctrl('g')],
    "Ctrl-G",
    "go to the next possible identifying detail",
    C::NextMark,
)
.hidden();
const MARK_FINE: Binding = bind(
    &[Ctrl('o')],
    "Ctrl-O",
    "it is fine: stop marking it in this answer",
    C::MarkFine,
)
.hidden();

#[rustfmt::skip]
pub(super) static HOME: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind(&[Code(Enter)], "Enter", "open", C::Open),
    bind(&[Code(Tab), Code(BackTab)], "Tab", "themes / your reflections", C::SwitchFocus),
    bind(&[Char('o')], "o", "overview and conclusion", C::OpenOverview).footer("o", "overview"),
    HELP_KEY,
    QUIT_Q,
];

#[rustfmt::skip]
pub(super) static OVERVIEW: &[Binding] = &[
    SCROLL,
    SCROLL_UP,
    PAGE_DOWN,
    PAGE_UP,
    TO_START,
    TO_END,
    bind(&[Char('c')], "c", "the Panel's conclusion", C::OpenConclusion).footer("c", "conclusion"),
    BACK,
    HELP_KEY,
    QUIT_Q,
];

#[rustfmt::skip]
pub(super) static CONCLUSION: &[Binding] = &[SCROLL, SCROLL_UP, PAGE_DOWN, PAGE_UP, TO_START, TO_END, BACK, HELP_KEY, QUIT_Q];

#[rustfmt::skip]
pub(super) static THEME: &[Binding] = &[
    bind(&[Code(Enter)], "Enter", "reflect (carry on where you stopped)", C::Open),
    bind(&[Char('N')], "N", "start a new reflection", C::StartNew),
    bind(&[Char('a')], "a", "switch audience", C::ToggleAudience),
    bind(&[Char('g')], "g", "present to a group", C::PresentToGroup),
    SCROLL,
    SCROLL_UP,
    PAGE_DOWN,
    PAGE_UP,
    TO_START,
    TO_END,
    BACK,
    HELP_KEY,
    QUIT_Q,
];

#[rustfmt::skip]
pub(super) static WALKTHROUGH: &[Binding] = &[
    bind(&[Code(Enter)], "Enter", "write the answer", C::EditAnswer),
    bind(&[Code(Tab), Char('j'), Code(Down), Code(Right)], "Tab/j/↓", "next question", C::NextQuestion),
    bind(&[Code(BackTab), Char('k'), Code(Up), Code(Left)], "S-Tab/k/↑", "previous question", C::PreviousQuestion).hidden(),
    bind(&[Char('f')], "f", "flag for supervision", C::ToggleFlag),
    bind(&[Char('e')], "e", "earlier answers", C::EarlierAnswers),
    bind(&[Char('l')], "l", "the next learning point", C::NextLearning).footer("l", "more learning"),
    NOTES,
    ACTIONS_KEY,
    bind(&[Char('r')], "r", "review", C::OpenReview),
    NEXT_MARK,
    MARK_FINE,
    BACK,
    HELP_KEY,
    QUIT_Q,
];

#[rustfmt::skip]
pub(super) static EDITOR: &[Binding] = &[
    bind(&[Code(Esc)], "Esc", "stop writing", C::LeaveEditor),
    bind(&[Code(Tab)], "Tab", "next question", C::NextQuestion),
    bind(&[Code(BackTab)], "S-Tab", "previous question", C::PreviousQuestion),
    bind(&[Ctrl('z')], "Ctrl-Z", "undo", C::Undo),
    bind(&[Ctrl('y')], "Ctrl-Y", "redo", C::Redo),
    NEXT_MARK,
    MARK_FINE,
];

#[rustfmt::skip]
pub(super) static ACTIONS: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind(&[Char('a'), Code(Enter)], "a", "add an action", C::AddAction),
    bind(&[Char(' ')], "Space", "done / not done", C::ToggleDone),
    bind(&[Char('d'), Code(Delete)], "d", "delete", C::DeleteAction),
    BACK,
    HELP_KEY,
    QUIT_Q,
];

#[rustfmt::skip]
pub(super) static LINE_INPUT: &[Binding] = &[
    bind(&[Code(Enter)], "Enter", "keep", C::Confirm),
    bind(&[Code(Esc)], "Esc", "cancel", C::Back),
];

/// The action is in the list already: Esc leaves it without a date, it
/// does not cancel it.
pub(super) static DUE_DATE: &[Binding] = &[
    bind(&[Code(Enter)], "Enter", "keep", C::Confirm),
    bind(&[Code(Esc)], "Esc", "no date", C::Back),
];

#[rustfmt::skip]
pub(super) static REVIEW: &[Binding] = &[
    bind(&[Char('x')], "x", "export: supervision sheet, CPD record, NMC account, plain text", C::Export).footer("x", "export"),
    bind(&[Char('d')], "d", "details for a CPD record or NMC account (all optional)", C::OpenDetails).footer("d", "details"),
    bind(&[Char('p')], "p", "reflective prompts under the answer box: none, What? So what? Now what?, Gibbs", C::CyclePrompts).footer("p", "prompts"),
    bind(&[Char('m')], "m", "mark an action from an earlier reflection done", C::OpenEarlierActions).hidden(),
    bind(&[Char('c')], "c", "the Panel's conclusion", C::OpenConclusion).footer("c", "conclusion"),
    SCROLL,
    SCROLL_UP,
    PAGE_DOWN,
    PAGE_UP,
    TO_START,
    TO_END,
    NOTES,
    ACTIONS_KEY,
    BACK,
    HELP_KEY,
    QUIT_Q,
];

/// Asked before an action is deleted: letters typed by someone who thought
/// they were still writing must not delete one. A lower-case y would not
/// do ("study", "body"): a capital Y, or Delete, deletes.
#[rustfmt::skip]
pub(super) static CONFIRM_DELETE: &[Binding] = &[
    bind(&[Char('Y'), Code(Delete)], "Y", "delete the action (a capital Y, or Delete)", C::Confirm).footer("Y", "delete"),
    bind(&[Any], "any\u{a0}other\u{a0}key", "keep it", C::Back).footer("any\u{a0}other\u{a0}key", "keep"),
];

#[rustfmt::skip]
pub(super) static EXPORT_CHOICE: &[Binding] = &[
    bind(&[Char('s')], "s", "the supervision sheet (Markdown)", C::ExportSupervision).footer("s", "supervision sheet"),
    bind(&[Char('c')], "c", "a Social Work England CPD record", C::ExportCpd).footer("c", "CPD record"),
    bind(&[Char('n')], "n", "an NMC reflective account", C::ExportNmc).footer("n", "NMC account"),
    bind(&[Char('t')], "t", "plain text, for pasting into a web form", C::ExportText).footer("t", "plain text"),
    bind(&[Code(Esc)], "Esc", "cancel", C::Back),
    HELP_KEY,
];

#[rustfmt::skip]
pub(super) static DETAILS: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind(&[Char(' '), Code(Enter)], "Space", "change: write it, yes / no, tick", C::Change).footer("Space", "change"),
    bind(&[Code(Backspace), Code(Delete)], "Del", "clear", C::Clear),
    bind(&[Code(Esc)], "Esc", "done", C::Back),
    HELP_KEY,
];

#[rustfmt::skip]
pub(super) static EARLIER_ACTIONS: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind(&[Char(' '), Code(Enter)], "Space", "mark done", C::ToggleDone),
    bind(&[Code(Esc)], "Esc", "back", C::Back),
    HELP_KEY,
];

pub(super) static EARLIER: &[Binding] = &[BACK, HELP_KEY, QUIT_Q];

impl C {
    /// Changes the open reflection: refused, and left out of the footer,
    /// where it is read-only.
    pub fn writes(self) -> bool {
        matches!(
            self,
            C::EditAnswer
                | C::OpenNotes
                | C::ToggleFlag
                | C::AddAction
                | C::ToggleDone
                | C::DeleteAction
                | C::CyclePrompts
                | C::Change
                | C::Clear
                | C::MarkFine
        )
    }
}
