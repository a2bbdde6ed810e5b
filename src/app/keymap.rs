//! The one key table. Dispatch, the footer and the help overlay all read
//! it, so the keys shown can never disagree with the keys that work.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::key_table::{
    ACTIONS, EARLIER, EDITOR, GLOBAL, HELP_MODE, HOME, LINE_INPUT, REVIEW, THEME, WALKTHROUGH,
};

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

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const CTRL: KeyModifiers = KeyModifiers::CONTROL;

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
