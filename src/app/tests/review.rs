//! Review and export, paste, help, key kinds, and read-only sessions.

use super::*;
use crate::app as reflect_app;
use crate::export::Format as reflect_format;

// ---------------------------------------------------------------- review

#[test]
fn review_x_exports_the_reflection_saving_first_when_needed() {
    let mut app = opened();
    type_text(&mut app, "answer");
    // r opens the review from the walkthrough (after Esc, which saves).
    on_review(&mut app);
    // x asks what to export as; s is the supervision sheet.
    assert!(press(&mut app, KeyCode::Char('x')).is_empty());
    assert_eq!(app.mode(), Mode::ExportChoice);
    let effects = press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.mode(), Mode::Review);
    assert_eq!(effects.len(), 1, "nothing new to save: {effects:?}");
    match &effects[0] {
        Effect::Export {
            reflection: r,
            format,
        } => {
            assert_eq!(*format, reflect_format::Supervision);
            assert_eq!(r.id, "r-now");
            assert_eq!(
                r.answer(&key_of(&app, CMH_PRACTITIONER[0]))
                    .expect("answer")
                    .text,
                "answer"
            );
        }
        other => panic!("expected an export, got {other:?}"),
    }
    // With something unsaved, the save comes first.
    save_failed(&mut app, "disk full");
    press(&mut app, KeyCode::Char('x'));
    let effects = press(&mut app, KeyCode::Char('c'));
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert!(is_save(&effects[0]));
    assert!(matches!(
        &effects[1],
        Effect::Export {
            format: reflect_format::Cpd,
            ..
        }
    ));
}

#[test]
fn the_export_choice_offers_every_format_and_esc_cancels() {
    let mut app = opened();
    on_review(&mut app);
    for (key, expected) in [
        ('s', reflect_format::Supervision),
        ('c', reflect_format::Cpd),
        ('n', reflect_format::Nmc),
        ('t', reflect_format::Text),
    ] {
        press(&mut app, KeyCode::Char('x'));
        let effects = press(&mut app, KeyCode::Char(key));
        assert!(
            matches!(effects.as_slice(), [Effect::Export { format, .. }] if *format == expected),
            "{key}: {effects:?}"
        );
    }
    press(&mut app, KeyCode::Char('x'));
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!((app.mode(), app.screen), (Mode::Review, Screen::Review));
}

#[test]
fn export_results_are_reported() {
    let mut app = app();
    let exported = |format, warnings| {
        Action::Exported(reflect_app::Exported {
            path: std::path::PathBuf::from("/tmp/sheet.md"),
            format,
            warnings,
        })
    };
    let effects = update(&mut app, exported(reflect_format::Supervision, 0));
    assert!(effects.is_empty());
    assert_eq!(
        status_text(&app),
        "Supervision sheet saved to /tmp/sheet.md"
    );
    assert!(!status_is_error(&app));
    update(&mut app, exported(reflect_format::Cpd, 2));
    assert_eq!(
        status_text(&app),
        "CPD record saved to /tmp/sheet.md. 2 fields are longer than the form takes: see the review."
    );
    update(&mut app, Action::ExportFailed("read-only folder".into()));
    assert_eq!(status_text(&app), "Could not export: read-only folder");
    assert!(status_is_error(&app));
}

#[test]
fn review_keys_scroll_and_lead_to_notes_actions_and_back() {
    let mut app = opened();
    on_review(&mut app);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, 0);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Review { scroll: 0 }
        }
    );
    // A tester went to the actions and the notes from the review, and Esc
    // left them in the walkthrough: it goes back where they came from.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Review, "Esc from the actions");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Notes);
    type_text(&mut app, "from review");
    assert_eq!(synced(&mut app).notes, "from review");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Review, "Esc from the notes");
    assert_eq!(session(&app).focus, Focus::Browse);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
    // Opened from the walkthrough, the notes go back to it.
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
}

// ---------------------------------------------------------------- paste

#[test]
fn paste_goes_into_the_focused_editor_with_line_endings_normalised() {
    let mut app = opened();
    type_text(&mut app, "A: ");
    let effects = update(&mut app, Action::Paste("one\r\ntwo\rthree".into()));
    assert!(effects.is_empty());
    assert_eq!(answer_text(&mut app, 0), "A: one\ntwo\nthree");
    assert_eq!(session(&app).autosave.state, SaveState::Unsaved);
    // Into the notes when they have the keyboard.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    update(&mut app, Action::Paste("n1\r\nn2".into()));
    assert_eq!(synced(&mut app).notes, "n1\nn2");
    assert_eq!(
        answer_text(&mut app, 0),
        "A: one\ntwo\nthree",
        "the answer is untouched"
    );
}

#[test]
fn paste_outside_an_editor_does_nothing_and_says_so() {
    let mut app = app();
    assert!(update(&mut app, Action::Paste("hello".into())).is_empty());
    assert_eq!(status_text(&app), crate::text_box::NOTHING_TAKES_A_PASTE);
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    let edits = session(&app).autosave.edits;
    assert!(update(&mut app, Action::Paste("hello".into())).is_empty());
    assert_eq!(session(&app).autosave.edits, edits);
    assert!(session(&app).reflection.answers.is_empty());
    assert_eq!(editor_text(&app), "");
    assert_eq!(status_text(&app), crate::text_box::NOTHING_TAKES_A_PASTE);
}

// ---------------------------------------------------------------- help

#[test]
fn question_mark_opens_help_and_esc_closes_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some());
    assert_eq!(app.mode(), Mode::Help);
    // Keys under the overlay do nothing while it is open.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 0);
    press(&mut app, KeyCode::Esc);
    assert!(app.help.is_none());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.mode(), Mode::Home);
}

#[test]
fn help_opens_with_f1_or_shifted_question_mark_and_closes_with_either() {
    for (open_code, open_mods, close) in [
        (KeyCode::F(1), NONE, KeyCode::F(1)),
        (KeyCode::Char('?'), SHIFT, KeyCode::Char('?')),
        (KeyCode::Char('?'), NONE, KeyCode::Enter),
    ] {
        let mut app = app();
        press(&mut app, KeyCode::Enter); // theme screen
        press_with(&mut app, open_code, open_mods);
        assert!(app.help.is_some(), "{open_code:?}");
        press(&mut app, close);
        assert!(app.help.is_none(), "{close:?}");
        assert_eq!(app.screen, Screen::Theme);
    }
}

#[test]
fn help_opens_from_every_screen_outside_the_editor() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    for (go, expected) in [
        (None, Screen::Walkthrough),
        (
            Some('a'),
            Screen::Actions {
                from: Back::Walkthrough,
            },
        ),
        (Some('r'), Screen::Review),
    ] {
        if let Some(c) = go {
            press(&mut app, KeyCode::Char(c));
        }
        assert_eq!(app.screen, expected);
        press(&mut app, KeyCode::Char('?'));
        assert!(app.help.is_some(), "{:?}", app.screen);
        press(&mut app, KeyCode::Esc);
        assert!(app.help.is_none());
        assert_eq!(app.screen, expected, "closing help stays on the screen");
        if go.is_some() {
            press(&mut app, KeyCode::Esc); // back to the walkthrough
        }
    }
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some(), "from the earlier answers");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.popup,
        Some(Popup::EarlierAnswers),
        "closing help leaves the overlay below"
    );
}

// ---------------------------------------------------------------- key kinds

#[test]
fn releases_and_repeats_do_nothing() {
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        let with_kind = |code, modifiers| {
            let mut key = KeyEvent::new(code, modifiers);
            key.kind = kind;
            Action::Key(key)
        };
        let mut app = app();
        for (code, mods) in [
            (KeyCode::Char('j'), NONE),
            (KeyCode::Tab, NONE),
            (KeyCode::Char('?'), NONE),
            (KeyCode::Char('q'), NONE),
            (KeyCode::Char('q'), CTRL),
            (KeyCode::Enter, NONE),
        ] {
            assert!(update(&mut app, with_kind(code, mods)).is_empty());
        }
        assert_eq!(app.selected_theme, 0, "{kind:?}");
        assert_eq!(app.screen, Screen::Home, "{kind:?}");
        assert!(app.help.is_none() && !app.quitting(), "{kind:?}");

        open(&mut app);
        update(&mut app, with_kind(KeyCode::Char('x'), NONE));
        update(&mut app, with_kind(KeyCode::Tab, NONE));
        update(&mut app, with_kind(KeyCode::Esc, NONE));
        let s = session(&app);
        assert_eq!(editor_text(&app), "", "{kind:?}");
        assert_eq!((s.question, s.focus), (0, Focus::Answer), "{kind:?}");
        assert_eq!(s.autosave.edits, 0);
    }
}

// ---------------------------------------------------------------- read-only

/// A tester's "Strengths:\tgood engagement" read "Strengths:good
/// engagement" in the review: a tab is shown as the answer box shows it.
#[test]
fn a_tab_in_an_answer_is_shown_as_space_in_the_review() {
    let mut app = opened();
    update(
        &mut app,
        Action::Paste("Strengths:\tgood engagement".into()),
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.screen, Screen::Review);
    let shown = screen(&app);
    assert!(shown.contains("Strengths:  good engagement"), "{shown}");
}

/// The review of a reflection as long as 2,600 rows, 25 rows to a page.
fn on_a_long_review() -> (App, ScrollLimits) {
    let mut app = opened();
    on_review(&mut app);
    let limits = ScrollLimits {
        text: 2_600,
        help: 0,
        page: 25,
        fit_editors: false,
    };
    update(&mut app, Action::ScrollLimit(limits));
    (app, limits)
}

/// A tester could reach question 3 past a 2,500-line answer only by
/// thousands of presses of Down: the page keys and Home and End scroll
/// the review (and the theme, the overview and the conclusion).
#[test]
fn page_keys_and_home_and_end_scroll_the_review() {
    let (mut app, _) = on_a_long_review();
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.scroll, 24, "a page, keeping one row of the last");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.scroll, 24);
    press(&mut app, KeyCode::End);
    assert_eq!(app.scroll, 2_600);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.scroll, 2_600, "never past the end");
    press(&mut app, KeyCode::Home);
    assert_eq!(app.scroll, 0);
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.screen, Screen::Review);
}

/// A tester scrolled the review far down, went to the actions (or the
/// notes, or the conclusion) and back: the review opened at its top.
#[test]
fn the_review_is_where_it_was_after_the_actions_the_notes_or_the_conclusion() {
    let (mut app, limits) = on_a_long_review();
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.scroll, 48);
    for key in ['a', 'n', 'c'] {
        ch(&mut app, key);
        assert_ne!(app.screen, Screen::Review);
        // The screen gone to measures its own text.
        let theirs = ScrollLimits { text: 3, ..limits };
        update(&mut app, Action::ScrollLimit(theirs));
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.screen, Screen::Review, "after {key}");
        assert_eq!(app.scroll, 48, "after {key}");
        update(&mut app, Action::ScrollLimit(limits));
    }
}
