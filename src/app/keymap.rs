//! The one key table. Dispatch, the footer and the help overlay all read
//! it, so the keys shown can never disagree with the keys that work.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key means, independent of which key it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    QuitOutsideEditor,
    Help,
    Back,
    Up,
    Down,
    Open,
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
    Export,
    AddAction,
    ToggleDone,
    DeleteAction,
    Undo,
    Redo,
    Confirm,
}

/// Where the user is, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    Theme,
    Walkthrough,
    /// Typing an answer or notes: letters are text, not commands.
    Editor,
    Actions,
    /// Typing an action's text or due date.
    LineInput,
    Review,
    Earlier,
    Help,
}

pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    /// How the key is written in the footer and help: "Tab", "j/k".
    pub label: &'static str,
    pub help: &'static str,
    pub command: Command,
    /// Shown in the footer (all bindings are in the help overlay).
    pub footer: bool,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

macro_rules! bind {
    ($label:expr, $help:expr, $command:ident, $footer:expr, [$($key:expr),+]) => {
        Binding { keys: &[$($key),+], label: $label, help: $help, command: Command::$command, footer: $footer }
    };
}

const QUIT_KEYS: Binding = bind!(
    "Ctrl-Q",
    "save and quit",
    Quit,
    false,
    [(KeyCode::Char('q'), CTRL), (KeyCode::Char('c'), CTRL)]
);
const HELP: Binding = bind!(
    "?",
    "help",
    Help,
    true,
    [
        (KeyCode::Char('?'), NONE),
        (KeyCode::Char('?'), SHIFT),
        (KeyCode::F(1), NONE)
    ]
);
const QUIT_Q: Binding = bind!(
    "q",
    "quit",
    QuitOutsideEditor,
    true,
    [(KeyCode::Char('q'), NONE)]
);
const BACK: Binding = bind!("Esc", "back", Back, true, [(KeyCode::Esc, NONE)]);
const MOVE: Binding = bind!(
    "↑/↓ j/k",
    "move",
    Down,
    true,
    [(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)]
);
const MOVE_UP: Binding = bind!(
    "↑/k",
    "move up",
    Up,
    false,
    [(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)]
);

static GLOBAL: &[Binding] = &[QUIT_KEYS];

static HOME: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind!("Enter", "open", Open, true, [(KeyCode::Enter, NONE)]),
    bind!(
        "Tab",
        "themes / your reflections",
        SwitchFocus,
        true,
        [
            (KeyCode::Tab, NONE),
            (KeyCode::BackTab, SHIFT),
            (KeyCode::BackTab, NONE)
        ]
    ),
    HELP,
    QUIT_Q,
];

static THEME: &[Binding] = &[
    bind!(
        "Enter",
        "reflect (carry on where you stopped)",
        Open,
        true,
        [(KeyCode::Enter, NONE)]
    ),
    bind!(
        "N",
        "start a new reflection",
        StartNew,
        true,
        [(KeyCode::Char('N'), SHIFT), (KeyCode::Char('N'), NONE)]
    ),
    bind!(
        "a",
        "switch audience",
        ToggleAudience,
        true,
        [(KeyCode::Char('a'), NONE)]
    ),
    bind!(
        "g",
        "present to a group",
        PresentToGroup,
        true,
        [(KeyCode::Char('g'), NONE)]
    ),
    bind!(
        "↑↓ j/k",
        "scroll",
        Down,
        true,
        [(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)]
    ),
    bind!(
        "↑/k",
        "scroll up",
        Up,
        false,
        [(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)]
    ),
    BACK,
    HELP,
    QUIT_Q,
];

static WALKTHROUGH: &[Binding] = &[
    bind!(
        "Enter",
        "write the answer",
        EditAnswer,
        true,
        [(KeyCode::Enter, NONE)]
    ),
    bind!(
        "Tab/j/↓",
        "next question",
        NextQuestion,
        true,
        [
            (KeyCode::Tab, NONE),
            (KeyCode::Char('j'), NONE),
            (KeyCode::Down, NONE),
            (KeyCode::Right, NONE)
        ]
    ),
    bind!(
        "S-Tab/k/↑",
        "previous question",
        PreviousQuestion,
        false,
        [
            (KeyCode::BackTab, SHIFT),
            (KeyCode::BackTab, NONE),
            (KeyCode::Char('k'), NONE),
            (KeyCode::Up, NONE),
            (KeyCode::Left, NONE)
        ]
    ),
    bind!(
        "f",
        "flag for supervision",
        ToggleFlag,
        true,
        [(KeyCode::Char('f'), NONE)]
    ),
    bind!(
        "e",
        "earlier answers",
        EarlierAnswers,
        true,
        [(KeyCode::Char('e'), NONE)]
    ),
    bind!("n", "notes", OpenNotes, true, [(KeyCode::Char('n'), NONE)]),
    bind!(
        "a",
        "actions",
        OpenActions,
        true,
        [(KeyCode::Char('a'), NONE)]
    ),
    bind!(
        "r",
        "review",
        OpenReview,
        true,
        [(KeyCode::Char('r'), NONE)]
    ),
    BACK,
    HELP,
    QUIT_Q,
];

static EDITOR: &[Binding] = &[
    bind!(
        "Esc",
        "stop writing",
        LeaveEditor,
        true,
        [(KeyCode::Esc, NONE)]
    ),
    bind!(
        "Tab",
        "next question",
        NextQuestion,
        true,
        [(KeyCode::Tab, NONE)]
    ),
    bind!(
        "S-Tab",
        "previous question",
        PreviousQuestion,
        true,
        [(KeyCode::BackTab, SHIFT), (KeyCode::BackTab, NONE)]
    ),
    bind!("Ctrl-Z", "undo", Undo, true, [(KeyCode::Char('z'), CTRL)]),
    bind!("Ctrl-Y", "redo", Redo, true, [(KeyCode::Char('y'), CTRL)]),
];

static ACTIONS: &[Binding] = &[
    MOVE,
    MOVE_UP,
    bind!(
        "a",
        "add an action",
        AddAction,
        true,
        [(KeyCode::Char('a'), NONE), (KeyCode::Enter, NONE)]
    ),
    bind!(
        "Space",
        "done / not done",
        ToggleDone,
        true,
        [(KeyCode::Char(' '), NONE)]
    ),
    bind!(
        "d",
        "delete",
        DeleteAction,
        true,
        [(KeyCode::Char('d'), NONE), (KeyCode::Delete, NONE)]
    ),
    BACK,
    HELP,
    QUIT_Q,
];

static LINE_INPUT: &[Binding] = &[
    bind!("Enter", "keep", Confirm, true, [(KeyCode::Enter, NONE)]),
    bind!("Esc", "cancel", Back, true, [(KeyCode::Esc, NONE)]),
];

static REVIEW: &[Binding] = &[
    bind!(
        "x",
        "export the supervision sheet",
        Export,
        true,
        [(KeyCode::Char('x'), NONE)]
    ),
    bind!(
        "↑↓ j/k",
        "scroll",
        Down,
        true,
        [(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)]
    ),
    bind!(
        "↑/k",
        "scroll up",
        Up,
        false,
        [(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)]
    ),
    bind!("n", "notes", OpenNotes, true, [(KeyCode::Char('n'), NONE)]),
    bind!(
        "a",
        "actions",
        OpenActions,
        true,
        [(KeyCode::Char('a'), NONE)]
    ),
    BACK,
    HELP,
    QUIT_Q,
];

static EARLIER: &[Binding] = &[BACK, HELP, QUIT_Q];

static HELP_MODE: &[Binding] = &[bind!(
    "Esc",
    "close help",
    Back,
    true,
    [
        (KeyCode::Esc, NONE),
        (KeyCode::Char('?'), NONE),
        (KeyCode::F(1), NONE),
        (KeyCode::Enter, NONE)
    ]
)];

pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Home => HOME,
        Mode::Theme => THEME,
        Mode::Walkthrough => WALKTHROUGH,
        Mode::Editor => EDITOR,
        Mode::Actions => ACTIONS,
        Mode::LineInput => LINE_INPUT,
        Mode::Review => REVIEW,
        Mode::Earlier => EARLIER,
        Mode::Help => HELP_MODE,
    }
}

pub fn global_bindings() -> &'static [Binding] {
    GLOBAL
}

/// The command for a key in a mode; `None` means "text" in editing modes.
pub fn command_for(mode: Mode, key: &KeyEvent) -> Option<Command> {
    let matches = |b: &&Binding| {
        b.keys
            .iter()
            .any(|(code, mods)| *code == key.code && *mods == key.modifiers)
    };
    GLOBAL
        .iter()
        .find(matches)
        .or_else(|| bindings(mode).iter().find(matches))
        .map(|b| b.command)
}

/// Bindings shown in the footer for a mode, in table order.
pub fn footer(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    bindings(mode)
        .iter()
        .filter(|b| b.footer)
        .chain(GLOBAL.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn ctrl_q_and_ctrl_c_quit_everywhere() {
        for mode in [
            Mode::Home,
            Mode::Editor,
            Mode::LineInput,
            Mode::Help,
            Mode::Review,
        ] {
            assert_eq!(
                command_for(mode, &key(KeyCode::Char('q'), CTRL)),
                Some(Command::Quit)
            );
            assert_eq!(
                command_for(mode, &key(KeyCode::Char('c'), CTRL)),
                Some(Command::Quit)
            );
        }
    }

    #[test]
    fn letters_in_the_editor_are_text() {
        for c in ['q', 'f', 'n', '?', 'j', ' '] {
            assert_eq!(
                command_for(Mode::Editor, &key(KeyCode::Char(c), NONE)),
                None
            );
        }
        assert_eq!(command_for(Mode::Editor, &key(KeyCode::Enter, NONE)), None);
    }

    #[test]
    fn every_mode_shows_its_way_out() {
        for mode in [
            Mode::Home,
            Mode::Theme,
            Mode::Walkthrough,
            Mode::Editor,
            Mode::Actions,
            Mode::Review,
            Mode::Earlier,
        ] {
            let labels: Vec<&str> = footer(mode).map(|b| b.label).collect();
            assert!(
                labels.iter().any(|l| *l == "Esc" || *l == "q"),
                "{mode:?}: {labels:?}"
            );
            assert!(labels.contains(&"Ctrl-Q"), "{mode:?}");
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [
            Mode::Home,
            Mode::Theme,
            Mode::Walkthrough,
            Mode::Editor,
            Mode::Actions,
            Mode::LineInput,
            Mode::Review,
            Mode::Earlier,
            Mode::Help,
        ] {
            let keys: Vec<_> = bindings(mode)
                .iter()
                .chain(GLOBAL)
                .flat_map(|b| b.keys.iter())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?} binds {k:?} twice");
            }
        }
    }
}
