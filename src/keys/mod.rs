//! Every key of the app, private walkthrough and group view alike, in one
//! kind of table.
//!
//! A [`Binding`] is keys, a label, help text, the [`Command`] they give and
//! when they apply. The same tables decide what a key does
//! ([`command_for`]), what the footer shows ([`footer`]) and what the help
//! overlay lists ([`help`]), so the keys on screen can never drift from
//! the keys that work. To add a key, add a binding to the table of its
//! [`Mode`] in `private.rs` or `group.rs`; nothing else names keys.
//!
//! What lives elsewhere: what a command *does* is in `app` (update), how
//! the footer and help look is in `ui`.

mod group;
pub mod help;
mod private;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key means, whichever key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Save and quit from anywhere (Ctrl-Q, Ctrl-C).
    Quit,
    /// `q`: quit, where letters are not text.
    QuitOutsideEditor,
    Help,
    Back,
    Up,
    Down,
    /// Page keys, and the start and the end, where text scrolls.
    PageUp,
    PageDown,
    ToStart,
    ToEnd,
    Open,
    Confirm,
    SwitchFocus,
    ToggleAudience,
    StartNew,
    PresentToGroup,
    NextQuestion,
    PreviousQuestion,
    EditAnswer,
    LeaveEditor,
    ToggleFlag,
    OpenNotes,
    OpenActions,
    OpenReview,
    EarlierAnswers,
    /// Choose what to export the reflection as.
    Export,
    ExportSupervision,
    ExportCpd,
    ExportNmc,
    ExportText,
    /// The hand-in details (CPD, NMC) of the reflection in review.
    OpenDetails,
    /// Change the selected detail (write it, yes / no, tick).
    Change,
    /// Clear the selected detail.
    Clear,
    /// The next set of reflective prompts.
    CyclePrompts,
    /// The open actions of earlier reflections, to mark done.
    OpenEarlierActions,
    AddAction,
    ToggleDone,
    DeleteAction,
    Undo,
    Redo,
    OpenOverview,
    OpenConclusion,
    /// Show the next of the learning points in the walkthrough.
    NextLearning,
    /// Move to the next possible identifying detail in the text on screen.
    NextMark,
    /// Say the possible identifying detail at the cursor is fine.
    MarkFine,
    // The group view.
    NextSlide,
    PreviousSlide,
    FirstSlide,
    LastSlide,
    SlideIndex,
    BlankScreen,
    EndSession,
    TimerToggle,
    TimerMore,
    TimerLess,
    TimerReset,
    WriteNote,
    KeepNote,
    /// A note made on this slide back in the note box, to change or take
    /// back (with several, chosen first).
    ChangeNote,
    /// Close an overlay (help, the blank screen, the slide index).
    Close,
}

/// Which part of the app has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    /// The pack's overview: figures, summary, the statement's opening.
    Overview,
    /// The pack's conclusion.
    Conclusion,
    Theme,
    Walkthrough,
    /// Typing an answer or notes: unbound keys are text.
    Editor,
    Actions,
    /// Typing an action's text (or a hand-in detail): unbound keys are text.
    LineInput,
    /// Typing an action's due date: Esc keeps the action without one.
    DueDate,
    Review,
    /// Choosing what to export as, over the review.
    ExportChoice,
    /// The hand-in details, over the review.
    Details,
    /// Earlier reflections' open actions, over the review.
    EarlierActions,
    Earlier,
    /// Deleting an action: y deletes, any other key keeps it.
    ConfirmDelete,
    /// The help overlay, over whatever mode is beneath.
    Help,
    /// The group view's slides.
    Slides,
    SlideIndex,
    /// Choosing which of the slide's notes to change.
    NoteChoice,
    Blank,
    ConfirmEnd,
    /// Typing the group's note: unbound keys are text.
    GroupNote,
    /// Esc on a group note with text in it: discard it?
    ConfirmDiscard,
}

impl Mode {
    /// The group view's own modes.
    pub fn is_group(self) -> bool {
        matches!(
            self,
            Mode::Slides
                | Mode::SlideIndex
                | Mode::NoteChoice
                | Mode::Blank
                | Mode::ConfirmEnd
                | Mode::GroupNote
                | Mode::ConfirmDiscard
        )
    }

    /// Modes where keys without a binding are typed as text.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Editor | Mode::LineInput | Mode::DueDate | Mode::GroupNote
        )
    }
}

/// A condition on a binding, beyond its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// On a question slide of the group view.
    OnQuestion,
    NotOnQuestion,
    /// In the group's note box, changing a kept note with every word
    /// erased: Enter takes the note back.
    NoteErased,
    NotNoteErased,
}

/// What a binding's condition is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    pub on_question: bool,
    pub note_erased: bool,
    /// The reflection open is read-only here: the footer leaves out the
    /// keys that would change it (they say so when pressed).
    pub read_only: bool,
}

/// A key, or a kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key without Ctrl or Alt (Shift is allowed: Shift-Tab is BackTab).
    Code(KeyCode),
    /// A character, typed with or without Shift (or AltGr).
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// Any key at all.
    Any,
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in help, e.g. "↑/↓ j/k".
    pub label: &'static str,
    pub help: &'static str,
    pub command: Command,
    pub when: When,
    /// `(key, words)` in the footer; `None` keeps it to the help overlay.
    pub footer: Option<(&'static str, &'static str)>,
    /// Listed in help (false when the binding before it already says it,
    /// e.g. "+/-  one minute more / less").
    pub listed: bool,
}

/// Keys shown in the footer as "label help".
const fn bind(
    keys: &'static [Key],
    label: &'static str,
    help: &'static str,
    command: Command,
) -> Binding {
    Binding {
        keys,
        label,
        help,
        command,
        when: When::Always,
        footer: Some((label, help)),
        listed: true,
    }
}

impl Binding {
    /// Neither in the footer nor listed in help: the binding before it
    /// names these keys too.
    pub const fn unlisted(mut self) -> Binding {
        self.footer = None;
        self.listed = false;
        self
    }

    /// Listed in help only.
    pub const fn hidden(mut self) -> Binding {
        self.footer = None;
        self
    }

    /// Shown in the footer as "key words" (shorter than the help line).
    pub const fn footer(mut self, key: &'static str, words: &'static str) -> Binding {
        self.footer = Some((key, words));
        self
    }

    pub const fn when(mut self, when: When) -> Binding {
        self.when = when;
        self
    }

    fn applies(&self, context: Context) -> bool {
        match self.when {
            When::Always => true,
            When::OnQuestion => context.on_question,
            When::NotOnQuestion => !context.on_question,
            When::NoteErased => context.note_erased,
            When::NotNoteErased => !context.note_erased,
        }
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        self.keys.iter().any(|k| matches(*k, key))
    }
}

/// The bindings of a mode, in the order help lists them.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Home => private::HOME,
        Mode::Overview => private::OVERVIEW,
        Mode::Conclusion => private::CONCLUSION,
        Mode::Theme => private::THEME,
        Mode::Walkthrough => private::WALKTHROUGH,
        Mode::Editor => private::EDITOR,
        Mode::Actions => private::ACTIONS,
        Mode::LineInput => private::LINE_INPUT,
        Mode::DueDate => private::DUE_DATE,
        Mode::Review => private::REVIEW,
        Mode::ExportChoice => private::EXPORT_CHOICE,
        Mode::Details => private::DETAILS,
        Mode::ConfirmDelete => private::CONFIRM_DELETE,
        Mode::EarlierActions => private::EARLIER_ACTIONS,
        Mode::Earlier => private::EARLIER,
        Mode::Help => HELP,
        Mode::Slides => group::SLIDES,
        Mode::SlideIndex => group::INDEX,
        Mode::NoteChoice => group::NOTE_CHOICE,
        Mode::Blank => group::BLANK,
        Mode::ConfirmEnd => group::CONFIRM_END,
        Mode::GroupNote => group::NOTE,
        Mode::ConfirmDiscard => group::CONFIRM_DISCARD,
    }
}

/// The keys that work in every mode: quit, saving first. Not in the
/// footer on its own line: each mode's footer ends with it.
static GLOBAL: &[Binding] = &[bind(
    &[Key::Ctrl('q'), Key::Ctrl('c')],
    "Ctrl-Q",
    "save and quit",
    Command::Quit,
)];

/// Help scrolls; any other key closes it (in the private app and the
/// group view alike).
#[rustfmt::skip]
static HELP: &[Binding] = &[
    bind(&[Key::Code(KeyCode::Up), Key::Char('k')], "↑↓ j/k", "scroll", Command::Up).footer("↑↓", "scroll"),
    bind(&[Key::Code(KeyCode::Down), Key::Char('j')], "↓ j", "scroll down", Command::Down).unlisted(),
    bind(&[Key::Any], "any\u{a0}key", "close help", Command::Close).footer("any\u{a0}key", "close"),
];

/// The command for a key in a mode; `None` means "text" in modes that take
/// text, and nothing elsewhere.
pub fn command_for(mode: Mode, context: Context, key: &KeyEvent) -> Option<Command> {
    GLOBAL
        .iter()
        .chain(bindings(mode))
        .filter(|b| b.applies(context))
        .find(|b| b.matches(key))
        .map(|b| b.command)
}

/// `(key, words)` for the footer, in table order, then the global keys.
pub fn footer(mode: Mode, context: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    bindings(mode)
        .iter()
        .chain(GLOBAL)
        .filter(move |b| b.applies(context))
        .filter(move |b| !(context.read_only && b.command.writes()))
        .filter_map(|b| b.footer)
}

/// The key for `command` in `mode` (or anywhere), as a sentence on screen
/// names it ("Press a to add one"): its name in the footer, or its label.
/// Sentences take it from here, so they follow the table when a key
/// changes; "?" shows a sentence that names a key the mode does not have.
pub fn key_name(mode: Mode, command: Command) -> &'static str {
    binding_for(mode, command).map_or("?", |b| b.footer.map_or(b.label, |(key, _)| key))
}

/// Every key for `command` in `mode`, as help lists them ("y Enter").
pub fn key_label(mode: Mode, command: Command) -> &'static str {
    binding_for(mode, command).map_or("?", |b| b.label)
}

fn binding_for(mode: Mode, command: Command) -> Option<&'static Binding> {
    bindings(mode)
        .iter()
        .chain(GLOBAL)
        .find(|b| b.command == command)
}

/// Whether `key` is `pattern`. Ctrl and Alt together is how AltGr arrives
/// on Windows: a typed character, not a shortcut.
fn matches(pattern: Key, key: &KeyEvent) -> bool {
    let mods = key.modifiers;
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    let alt = mods.contains(KeyModifiers::ALT);
    let typed = ctrl == alt;
    match (pattern, key.code) {
        (Key::Any, _) => true,
        (Key::Char(p), KeyCode::Char(c)) => typed && p == c,
        (Key::Ctrl(p), KeyCode::Char(c)) => ctrl && !alt && c.eq_ignore_ascii_case(&p),
        (Key::Code(p), code) => !ctrl && !alt && p == code,
        _ => false,
    }
}

/// True for a key that types a character into a text box: a printable
/// character without Ctrl or Alt (or with both, which is AltGr).
pub fn is_typed_char(key: &KeyEvent) -> bool {
    let mods = key.modifiers;
    let typed = mods.contains(KeyModifiers::CONTROL) == mods.contains(KeyModifiers::ALT);
    matches!(key.code, KeyCode::Char(c) if typed && !c.is_control())
}

#[cfg(test)]
mod tests;
