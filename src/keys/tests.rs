//! The tables themselves: every mode has a way out, no key means two
//! things in one mode, letters are text where text is typed.

use super::help::help_sections;
use super::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALL: [Mode; 23] = [
    Mode::Home,
    Mode::Overview,
    Mode::Conclusion,
    Mode::Theme,
    Mode::Walkthrough,
    Mode::Editor,
    Mode::Actions,
    Mode::LineInput,
    Mode::DueDate,
    Mode::Review,
    Mode::ExportChoice,
    Mode::Details,
    Mode::EarlierActions,
    Mode::Earlier,
    Mode::ConfirmDelete,
    Mode::Help,
    Mode::Slides,
    Mode::SlideIndex,
    Mode::NoteChoice,
    Mode::Blank,
    Mode::ConfirmEnd,
    Mode::GroupNote,
    Mode::ConfirmDiscard,
];

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn on(mode: Mode, code: KeyCode, mods: KeyModifiers, on_question: bool) -> Option<Command> {
    command_for(
        mode,
        Context {
            on_question,
            ..Default::default()
        },
        &key(code, mods),
    )
}

#[test]
fn ctrl_q_and_ctrl_c_quit_everywhere() {
    for mode in ALL {
        for c in ['q', 'c', 'Q'] {
            assert_eq!(
                on(mode, KeyCode::Char(c), CTRL, false),
                Some(Command::Quit),
                "{mode:?}"
            );
        }
    }
}

#[test]
fn letters_in_text_boxes_are_text() {
    for mode in [Mode::Editor, Mode::LineInput, Mode::GroupNote] {
        for c in ['q', 'f', 'n', '?', 'j', ' ', 'y'] {
            assert_eq!(
                on(mode, KeyCode::Char(c), NONE, false),
                None,
                "{mode:?} {c}"
            );
        }
        assert!(mode.takes_text());
    }
    assert_eq!(on(Mode::Editor, KeyCode::Enter, NONE, false), None);
}

/// AltGr arrives as Ctrl+Alt on Windows: a character, never a shortcut,
/// and typed into text boxes.
#[test]
fn altgr_characters_are_typed_not_shortcuts() {
    let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    assert_eq!(on(Mode::Editor, KeyCode::Char('q'), altgr, false), None);
    assert_eq!(
        on(Mode::Slides, KeyCode::Char('q'), altgr, false),
        Some(Command::EndSession)
    );
    assert!(is_typed_char(&key(KeyCode::Char('@'), altgr)));
    assert!(is_typed_char(&key(KeyCode::Char('é'), KeyModifiers::SHIFT)));
    assert!(!is_typed_char(&key(KeyCode::Char('z'), CTRL)));
    assert!(!is_typed_char(&key(KeyCode::Char('z'), KeyModifiers::ALT)));
}

#[test]
fn space_depends_on_the_slide() {
    let space = KeyCode::Char(' ');
    assert_eq!(
        on(Mode::Slides, space, NONE, true),
        Some(Command::TimerToggle)
    );
    assert_eq!(
        on(Mode::Slides, space, NONE, false),
        Some(Command::NextSlide)
    );
    let plus = KeyCode::Char('+');
    assert_eq!(
        on(Mode::Slides, plus, KeyModifiers::SHIFT, true),
        Some(Command::TimerMore)
    );
    assert_eq!(on(Mode::Slides, plus, KeyModifiers::SHIFT, false), None);
}

#[test]
fn every_mode_shows_its_way_out() {
    for mode in ALL {
        if mode == Mode::Blank {
            continue; // any key, shown in help: the screen is blank
        }
        let shown: Vec<&str> = footer(mode, Context::default())
            .map(|(key, _)| key)
            .collect();
        let way_out = ["Esc", "q", "n", "any\u{a0}key", "any\u{a0}other\u{a0}key"];
        assert!(
            shown.iter().any(|k| way_out.contains(k)),
            "{mode:?}: {shown:?}"
        );
        assert!(shown.contains(&"Ctrl-Q"), "{mode:?}: {shown:?}");
    }
}

#[test]
fn no_key_means_two_things_in_one_mode() {
    for mode in ALL {
        let flags = [(false, false), (false, true), (true, false), (true, true)];
        for (on_question, note_erased) in flags {
            let context = Context {
                on_question,
                note_erased,
                read_only: false,
            };
            let keys: Vec<Key> = GLOBAL
                .iter()
                .chain(bindings(mode))
                .filter(|b| b.applies(context))
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?} binds {k:?} twice");
            }
        }
    }
}

#[test]
fn every_binding_is_described_and_help_lists_the_group_view_whole() {
    for mode in ALL {
        for b in bindings(mode) {
            assert!(!b.keys.is_empty() && !b.label.is_empty() && !b.help.is_empty());
        }
    }
    let headings: Vec<&str> = help_sections(Mode::Slides)
        .iter()
        .map(|(h, _)| *h)
        .collect();
    assert_eq!(
        headings,
        [
            "Slides",
            "Slide index",
            "Ending",
            "Writing a note",
            "Choosing a note to change",
            "Anywhere"
        ]
    );
    let home: Vec<&str> = help_sections(Mode::Home).iter().map(|(h, _)| *h).collect();
    assert_eq!(home, ["Keys on this screen", "Anywhere"]);
}

/// Sentences on screen name keys through the tables: the footer's name,
/// the global keys from anywhere, and a plain "?" for a key a mode lacks.
#[test]
fn sentences_name_keys_from_the_tables() {
    assert_eq!(key_name(Mode::Actions, Command::AddAction), "a");
    assert_eq!(key_name(Mode::Review, Command::Quit), "Ctrl-Q");
    assert_eq!(key_name(Mode::Slides, Command::EndSession), "q");
    assert_eq!(key_label(Mode::ConfirmEnd, Command::Confirm), "y Enter");
    assert_eq!(key_name(Mode::Home, Command::Export), "?");
}
