//! The key table itself: which keys mean which command in each mode, and
//! how each is shown in the footer and help.

use crossterm::event::{KeyCode, KeyModifiers};

use super::keymap::{Binding, Command};

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

const SCROLL: Binding = bind!(
    "↑↓ j/k",
    "scroll",
    Down,
    true,
    [(KeyCode::Down, NONE), (KeyCode::Char('j'), NONE)]
);
const SCROLL_UP: Binding = bind!(
    "↑/k",
    "scroll up",
    Up,
    false,
    [(KeyCode::Up, NONE), (KeyCode::Char('k'), NONE)]
);

pub(super) static GLOBAL: &[Binding] = &[QUIT_KEYS];

pub(super) static HOME: &[Binding] = &[
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

pub(super) static THEME: &[Binding] = &[
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
    SCROLL,
    SCROLL_UP,
    BACK,
    HELP,
    QUIT_Q,
];

pub(super) static WALKTHROUGH: &[Binding] = &[
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

pub(super) static EDITOR: &[Binding] = &[
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

pub(super) static ACTIONS: &[Binding] = &[
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

pub(super) static LINE_INPUT: &[Binding] = &[
    bind!("Enter", "keep", Confirm, true, [(KeyCode::Enter, NONE)]),
    bind!("Esc", "cancel", Back, true, [(KeyCode::Esc, NONE)]),
];

pub(super) static REVIEW: &[Binding] = &[
    bind!(
        "x",
        "export the supervision sheet",
        Export,
        true,
        [(KeyCode::Char('x'), NONE)]
    ),
    SCROLL,
    SCROLL_UP,
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

pub(super) static EARLIER: &[Binding] = &[BACK, HELP, QUIT_Q];

pub(super) static HELP_MODE: &[Binding] = &[bind!(
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
