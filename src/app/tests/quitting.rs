//! Quitting: from every screen, saving first; a quit refused while a save
//! has failed; ending on a signal.

use super::*;

// ---------------------------------------------------------------- quitting

#[test]
fn q_quits_outside_the_editor_saving_first() {
    let mut app = opened();
    type_text(&mut app, "q");
    assert!(!app.quitting(), "q is a letter in the editor");
    assert_eq!(editor_text(&app), "q");
    // Leaving saves; then nothing is unsaved and q just quits.
    let left = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&left).len(), 1);
    let effects = press(&mut app, KeyCode::Char('q'));
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(app.quitting());
}

#[test]
fn q_with_unsaved_changes_outside_the_editor_saves_then_quits() {
    let mut app = app();
    unsaved_after_a_failed_save(&mut app, 0);
    let effects = press(&mut app, KeyCode::Char('q'));
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert!(is_save(&effects[0]));
    assert_eq!(effects[1], Effect::Quit);
}

#[test]
fn ctrl_q_and_ctrl_c_save_and_quit_from_inside_the_editor() {
    for c in ['q', 'c'] {
        let mut app = opened();
        type_text(&mut app, "unsaved words");
        let edits = session(&app).autosave.edits;
        let effects = ctrl(&mut app, c);
        assert_eq!(effects.len(), 2, "Ctrl-{c}: {effects:?}");
        match &effects[0] {
            Effect::Save {
                reflection,
                edits: e,
            } => {
                assert_eq!(*e, edits);
                assert_eq!(
                    reflection
                        .answer(&key_of(&app, CMH_PRACTITIONER[0]))
                        .expect("answer")
                        .text,
                    "unsaved words"
                );
            }
            other => panic!("Ctrl-{c}: expected a save first, got {other:?}"),
        }
        assert_eq!(effects[1], Effect::Quit);
        assert!(app.quitting());
        assert_eq!(editor_text(&app), "unsaved words", "Ctrl-{c} typed nothing");
    }
}

#[test]
fn ctrl_q_quits_from_everywhere() {
    // Home, help, theme, earlier answers, actions with the line input open, review.
    let mut home = app();
    assert_eq!(ctrl(&mut home, 'q'), vec![Effect::Quit]);

    let mut help = app();
    press(&mut help, KeyCode::Char('?'));
    assert_eq!(ctrl(&mut help, 'c'), vec![Effect::Quit]);

    let mut theme = app();
    press(&mut theme, KeyCode::Enter);
    assert_eq!(ctrl(&mut theme, 'q'), vec![Effect::Quit]);

    let mut earlier = app();
    open(&mut earlier);
    press(&mut earlier, KeyCode::Esc);
    press(&mut earlier, KeyCode::Char('e'));
    assert_eq!(ctrl(&mut earlier, 'q'), vec![Effect::Quit]);

    let mut line = app();
    on_actions(&mut line);
    press(&mut line, KeyCode::Char('a'));
    type_text(&mut line, "half typed");
    let effects = ctrl(&mut line, 'c');
    assert_eq!(effects.last(), Some(&Effect::Quit));
    // What was typed is kept as the action (Ctrl-C is not text).
    let kept = saves(&effects);
    assert_eq!(kept.len(), 1, "{effects:?}");
    assert_eq!(kept[0].0.actions[0].text, "half typed");

    let mut review = app();
    open(&mut review);
    on_review(&mut review);
    assert_eq!(ctrl(&mut review, 'q'), vec![Effect::Quit]);
}

/// Help closes on any key but its scrolling ones (as in the group view),
/// and a key that closes it does nothing else.
#[test]
fn q_in_help_closes_help_and_does_not_quit() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('j'));
    assert!(app.help.is_some(), "j scrolls help");
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert!(!app.quitting(), "q in help does not quit");
    assert!(app.help.is_none());
}

// ---------------------------------------------------------------- refusing a quit

/// The saves are done and the last one failed: the quit is refused once.
fn refused_quit(app: &mut App) {
    unsaved_after_a_failed_save(app, 0);
    let effects = ctrl(app, 'q');
    assert_eq!(effects.last(), Some(&Effect::Quit));
    save_failed(app, "the disk is full");
    assert!(update(app, Action::SavesFinished).is_empty(), "refused");
    assert_eq!(app.quit, Quit::Refused);
    assert_status_says(app, "Your reflection could NOT be saved: the disk is full.");
}

#[test]
fn a_quit_whose_save_failed_is_refused_once_then_allowed() {
    let mut app = app();
    refused_quit(&mut app);
    ctrl(&mut app, 'q');
    assert_eq!(app.quit, Quit::Anyway);
    assert_eq!(update(&mut app, Action::SavesFinished), vec![Effect::Exit]);
    // Said on stderr once the terminal is back, and the exit code is 2.
    let left = app.left_unsaved().expect("what was not saved");
    assert!(left.contains("NOT saved: the disk is full"), "{left}");
}

#[test]
fn a_refused_quit_is_forgotten_after_any_other_key() {
    let mut app = app();
    refused_quit(&mut app);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.quit, Quit::Staying);
    // A later failed quit is refused again, not waved through.
    ctrl(&mut app, 'q');
    save_failed(&mut app, "the disk is full");
    assert!(update(&mut app, Action::SavesFinished).is_empty());
    assert_eq!(app.quit, Quit::Refused);
}

#[test]
fn a_refused_quit_is_forgotten_once_a_save_works() {
    let mut app = app();
    refused_quit(&mut app);
    let retry = update(&mut app, Action::Tick(t0() + Duration::seconds(10)));
    assert_eq!(saves(&retry).len(), 1);
    ack(&mut app);
    assert_eq!(app.quit, Quit::Staying);
    // A tester saw "could NOT be saved" stay on screen after the save.
    let status = app.status.as_ref().map(|s| s.text.clone());
    assert!(
        !status.is_some_and(|s| s.contains("NOT")),
        "the refusal's message goes once all is saved"
    );
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Esc);
    save_failed(&mut app, "the disk is full");
    ctrl(&mut app, 'q');
    save_failed(&mut app, "the disk is full");
    assert!(
        update(&mut app, Action::SavesFinished).is_empty(),
        "refused again"
    );
}

#[test]
fn a_save_that_never_reported_back_refuses_the_quit() {
    let mut app = opened();
    type_text(&mut app, "words");
    ctrl(&mut app, 'q');
    assert!(update(&mut app, Action::SavesFinished).is_empty());
    assert_eq!(app.quit, Quit::Refused);
}

#[test]
fn a_quit_with_everything_saved_exits_when_the_saves_are_done() {
    let mut app = opened();
    type_text(&mut app, "words");
    let effects = ctrl(&mut app, 'q');
    assert_eq!(saves(&effects).len(), 1);
    ack(&mut app);
    assert_eq!(update(&mut app, Action::SavesFinished), vec![Effect::Exit]);
    assert_eq!(app.left_unsaved(), None);
}

/// The window closed (SIGHUP) or the session ended (SIGTERM): everything is
/// saved, and the app ends even if that save fails, asking nothing.
#[test]
fn terminate_saves_what_is_typed_and_ends_without_asking() {
    let mut app = opened();
    type_text(&mut app, "typed just now");
    let effects = update(&mut app, Action::Terminate);
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].0.answers[0].text, "typed just now");
    assert_eq!(effects.last(), Some(&Effect::Quit));
    save_failed(&mut app, "the disk is full");
    assert_eq!(update(&mut app, Action::SavesFinished), vec![Effect::Exit]);
}

// -------------------------------------- quitting with a one-line input open

/// A tester typed an action and pressed Ctrl-Q (or closed the window):
/// the action was in no file. What Enter would keep is kept.
#[test]
fn an_action_being_typed_is_kept_when_quitting() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Ring the health visitor");
    let effects = ctrl(&mut app, 'q');
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1, "{effects:?}");
    assert_eq!(saved[0].0.actions.len(), 1);
    assert_eq!(saved[0].0.actions[0].text, "Ring the health visitor");
    assert_eq!(saved[0].0.actions[0].due, None);
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn an_action_waiting_for_its_date_is_kept_when_the_window_closes() {
    for (typed, due) in [
        ("2027-01-15", NaiveDate::from_ymd_opt(2027, 1, 15)),
        ("2027-01-1", NaiveDate::from_ymd_opt(2027, 1, 1)),
        ("2027-01-", None),
    ] {
        let mut app = app();
        on_actions(&mut app);
        press(&mut app, KeyCode::Char('a'));
        type_text(&mut app, "Ring the school");
        let mut effects = press(&mut app, KeyCode::Enter);
        type_text(&mut app, typed);
        effects.extend(update(&mut app, Action::Terminate));
        let saved = saves(&effects);
        let last = saved.last().expect("saved");
        let actions = &last.0.actions;
        assert_eq!(actions.len(), 1, "{typed}");
        assert_eq!(
            (actions[0].text.as_str(), actions[0].due),
            ("Ring the school", due)
        );
    }
}

/// A tester typed an action and killed the app (kill -9) five seconds
/// later: it was lost, as it lived only in the input. It is in the list as
/// it is typed, so the autosave takes it within a second, as an answer.
#[test]
fn an_action_being_typed_is_saved_within_a_second() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Phone the CAMHS lead");
    let effects = update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1, "{effects:?}");
    assert_eq!(saved[0].0.actions[0].text, "Phone the CAMHS lead");
    assert!(app.line_input.is_some(), "still being written");
    assert_eq!(app.selected_action, 0, "the row being written");
}

#[test]
fn a_blank_or_cancelled_input_adds_nothing_when_quitting() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "  ");
    assert!(saves(&ctrl(&mut app, 'q')).is_empty());
    assert!(session(&app).reflection.actions.is_empty());
}

#[test]
fn esc_takes_the_not_a_date_message_with_the_input() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Call school");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "soon");
    press(&mut app, KeyCode::Enter);
    assert_status_says(&app, "not a date");
    press(&mut app, KeyCode::Esc);
    assert!(app.line_input.is_none());
    assert_eq!(status_text(&app), "Action kept, with no due date.");
}
