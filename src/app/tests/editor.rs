//! Opening a session and the walkthrough's answer editor: typing, moving
//! between questions, leaving the editor, undo and redo.

use super::*;

// ---------------------------------------------------------------- opening

#[test]
fn a_session_opens_at_the_first_unanswered_question_with_the_editor_focused() {
    let mut app = app();
    let r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "done");
    open_with(&mut app, r, false, true, false);
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).question, 1);
    assert_eq!(session(&app).focus, Focus::Answer);
    assert_eq!(app.mode(), Mode::Editor);
    assert_eq!(editor_text(&app), "");
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
    assert_eq!(status_text(&app), "Carrying on where you stopped.");
    assert!(!status_is_error(&app));
}

#[test]
fn a_reopened_session_carries_on_at_the_question_it_was_left_on() {
    let mut app = app();
    let mut r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "done");
    r = with_answer(r, CMH_PRACTITIONER[2], "half");
    r.at = Some(format!("{PACK}/{CMH}/{}", CMH_PRACTITIONER[2]));
    open_with(&mut app, r, false, true, false);
    assert_eq!(session(&app).question, 2, "not the unanswered question 1");
    assert_eq!(editor_text(&app), "half");
    assert_eq!(status_text(&app), "Carrying on where you stopped.");
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
}

#[test]
fn a_place_the_pack_no_longer_has_opens_the_first_unanswered_question() {
    let mut app = app();
    let mut r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "done");
    r.at = Some(format!("{PACK}/{CMH}/a-question-taken-out"));
    open_with(&mut app, r, false, true, false);
    assert_eq!(session(&app).question, 1);
}

#[test]
fn moving_on_saves_where_to_carry_on_without_dating_the_reflection() {
    let mut app = app();
    let r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "done");
    open_with(&mut app, r, false, true, false);
    app.now = t0() + Duration::minutes(5);
    let effects = press_with(&mut app, KeyCode::BackTab, SHIFT);
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1, "{effects:?}");
    let here = format!("{PACK}/{CMH}/{}", CMH_PRACTITIONER[0]);
    assert_eq!(saved[0].0.at.as_deref(), Some(here.as_str()));
    assert_eq!(saved[0].0.updated, t0(), "looking is not writing");
}

#[test]
fn moving_through_an_empty_reflection_writes_no_file() {
    let mut app = opened();
    for _ in 0..3 {
        assert!(press(&mut app, KeyCode::Tab).is_empty());
    }
    press_with(&mut app, KeyCode::BackTab, SHIFT);
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
    type_text(&mut app, "now something");
    let effects = press(&mut app, KeyCode::Tab);
    let here = format!("{PACK}/{CMH}/{}", CMH_PRACTITIONER[3]);
    assert_eq!(saves(&effects)[0].0.at.as_deref(), Some(here.as_str()));
}

/// A tester answered every question, pressed Enter ("carry on where you
/// stopped") and found an empty reflection with no word of the old one.
#[test]
fn a_new_reflection_beside_an_earlier_one_says_where_that_one_is() {
    let mut earlier = reflection("r-earlier", CMH);
    for q in CMH_PRACTITIONER {
        earlier = with_answer(earlier, q, "yes");
    }
    earlier.updated = at("2026-11-13T09:00:00+00:00");
    let mut app = app_with_history(vec![earlier]);
    open_with(&mut app, reflection("r-now", CMH), false, false, false);
    assert_status_says(
        &app,
        "Your last on this theme, 13 Nov 2026, is in Your reflections",
    );
    assert!(!status_is_error(&app));
    // The first reflection on a theme needs no word.
    let mut first = super::app();
    open_with(&mut first, reflection("r-now", CMH), false, false, false);
    assert!(first.status.is_none());
}

#[test]
fn a_session_follows_its_audience_and_theme() {
    let mut app = app();
    let mut r = reflection("r-lead", PMH);
    r.audience = Audience::Leader;
    open_with(&mut app, r, false, false, false);
    assert_eq!(app.audience, Audience::Leader);
    assert_eq!(app.selected_theme, 1);
    let current = session(&app)
        .current_question(&app.library)
        .expect("a question");
    assert_eq!(current.audience, Audience::Leader);
    assert!(app.status.is_none(), "a new reflection needs no message");
}

#[test]
fn a_fully_answered_session_opens_at_the_first_question() {
    let mut app = app();
    let mut r = reflection("r-now", CMH);
    for q in CMH_PRACTITIONER {
        r = with_answer(r, q, "yes");
    }
    open_with(&mut app, r, false, true, false);
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "yes");
}

#[test]
fn opening_another_reflection_releases_the_old_one() {
    let mut app = opened();
    let other = || reflection("r-other", PMH);
    let effects = update(&mut app, session_opened(other(), false, false, false));
    assert_eq!(effects, vec![Effect::CloseSession { id: "r-now".into() }]);
    assert_eq!(session(&app).reflection.id, "r-other");
    // The same reflection again is not released.
    let again = update(&mut app, session_opened(other(), false, true, false));
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn a_failed_open_is_shown_as_an_error() {
    let mut app = app();
    let effects = update(&mut app, Action::SessionFailed("disk on fire".into()));
    assert!(effects.is_empty());
    assert!(status_is_error(&app));
    assert_eq!(status_text(&app), "disk on fire");
    assert!(app.session.is_none());
}

// ---------------------------------------------------------------- the editor

#[test]
fn typing_stores_the_answer_with_the_question_wording_and_marks_it_unsaved() {
    let mut app = opened();
    let effects = type_text(&mut app, "I check the GP record.");
    assert!(
        effects.is_empty(),
        "typing never saves at once: {effects:?}"
    );
    let a = answer(&mut app, CMH_PRACTITIONER[0]).expect("answer stored");
    assert_eq!(a.text, "I check the GP record.");
    assert_eq!(
        a.question_text,
        question_text(&app.library, CMH, CMH_PRACTITIONER[0])
    );
    assert_eq!(a.updated, t0());
    assert!(!a.flagged);
    let s = session(&app);
    assert_eq!(s.autosave.state, SaveState::Unsaved);
    assert!(s.is_dirty());
    assert_eq!(
        s.autosave.edits,
        "I check the GP record.".chars().count() as u64
    );
    assert_eq!(s.autosave.last_edit, Some(t0()));
    assert_eq!(editor_text(&app), "I check the GP record.");
}

#[test]
fn typing_refreshes_an_answers_old_wording_and_time() {
    let mut app = app();
    let mut r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "old");
    r.answers[0].updated = at("2026-01-01T09:00:00+00:00");
    open_with(&mut app, r, false, true, false);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Enter);
    let later = t0() + Duration::minutes(3);
    update(&mut app, Action::Tick(later));
    type_text(&mut app, "er");
    let a = answer(&mut app, CMH_PRACTITIONER[0]).expect("answer");
    assert_eq!(a.text, "older");
    assert_eq!(
        a.question_text,
        question_text(&app.library, CMH, CMH_PRACTITIONER[0])
    );
    assert_eq!(a.updated, later);
    assert_eq!(session(&app).reflection.updated, later);
}

#[test]
fn enter_in_the_editor_starts_a_new_line() {
    let mut app = opened();
    type_text(&mut app, "one\ntwo");
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(answer_text(&mut app, 0), "one\ntwo");
}

#[test]
fn backspace_edits_and_an_emptied_answer_is_kept_empty() {
    let mut app = opened();
    type_text(&mut app, "ab");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(answer_text(&mut app, 0), "a");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(answer_text(&mut app, 0), "");
}

#[test]
fn letters_that_are_commands_elsewhere_are_text_in_the_editor() {
    let mut app = opened();
    let effects = type_text(&mut app, "qfnaerjk? N");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!app.quitting());
    assert!(app.help.is_none());
    assert_ne!(app.popup, Some(Popup::EarlierAnswers));
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Answer);
    let a = answer(&mut app, CMH_PRACTITIONER[0]).expect("answer");
    assert_eq!(a.text, "qfnaerjk? N");
    assert!(!a.flagged);
    // '?' as some terminals send it, with Shift.
    press_with(&mut app, KeyCode::Char('?'), SHIFT);
    assert!(app.help.is_none());
    assert_eq!(editor_text(&app), "qfnaerjk? N?");
}

#[test]
fn f1_does_not_open_help_inside_the_editor() {
    let mut app = opened();
    press(&mut app, KeyCode::F(1));
    assert!(app.help.is_none());
}

#[test]
fn tab_moves_to_the_next_question_and_saves() {
    let mut app = opened();
    type_text(&mut app, "first");
    let effects = press(&mut app, KeyCode::Tab);
    let saved = saves(&effects);
    assert_eq!(effects.len(), 1, "{effects:?}");
    assert_eq!(
        saved[0].1,
        session(&app).autosave.edits,
        "all, the move too"
    );
    assert_eq!(
        saved[0]
            .0
            .answer(&key_of(&app, CMH_PRACTITIONER[0]))
            .expect("saved answer")
            .text,
        "first"
    );
    let s = session(&app);
    assert_eq!(s.question, 1);
    assert_eq!(s.focus, Focus::Answer, "still writing");
    assert_eq!(s.autosave.state, SaveState::Saving);
    assert_eq!(s.autosave.last_attempt, Some(t0()));
    assert_eq!(editor_text(&app), "", "the next question's answer");
}

#[test]
fn tab_without_changes_does_not_save() {
    let mut app = opened();
    let effects = press(&mut app, KeyCode::Tab);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(session(&app).question, 1);
}

#[test]
fn shift_tab_goes_back_with_the_earlier_answer_in_the_editor() {
    let mut app = opened();
    type_text(&mut app, "first");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "second");
    let effects = press_with(&mut app, KeyCode::BackTab, SHIFT);
    assert_eq!(saves(&effects).len(), 1, "{effects:?}");
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "first");
    assert_eq!(answer_text(&mut app, 1), "second");
    // BackTab without Shift (as some terminals send it) and at the first question.
    let effects = press_with(&mut app, KeyCode::BackTab, NONE);
    assert!(effects.is_empty());
    assert_eq!(session(&app).question, 0, "stays at the first question");
}

#[test]
fn tab_on_the_last_question_opens_the_review() {
    let mut app = opened();
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(session(&app).question, 3);
    type_text(&mut app, "last");
    let effects = press(&mut app, KeyCode::Tab);
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.scroll, 0);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert_eq!(app.mode(), Mode::Review);
    assert_eq!(
        status_text(&app),
        "That was the last question. Here is your whole reflection."
    );
    assert_eq!(answer_text(&mut app, 3), "last");
}

#[test]
fn esc_leaves_the_editor_and_saves_what_is_unsaved() {
    let mut app = opened();
    type_text(&mut app, "x");
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert_eq!(app.mode(), Mode::Walkthrough);
    assert_eq!(app.screen, Screen::Walkthrough);
    // Nothing unsaved: no second save.
    press(&mut app, KeyCode::Enter);
    assert_eq!(session(&app).focus, Focus::Answer);
    saved(&mut app, "r-now", 1);
    assert!(press(&mut app, KeyCode::Esc).is_empty());
}

#[test]
fn browsing_keys_move_between_questions() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    for (code, expected) in [
        (KeyCode::Char('j'), 1),
        (KeyCode::Down, 2),
        (KeyCode::Right, 3),
        (KeyCode::Char('k'), 2),
        (KeyCode::Up, 1),
        (KeyCode::Left, 0),
        (KeyCode::Tab, 1),
    ] {
        press(&mut app, code);
        assert_eq!(session(&app).question, expected, "after {code:?}");
        assert_eq!(session(&app).focus, Focus::Browse, "after {code:?}");
    }
}

#[test]
fn esc_while_browsing_goes_back_to_the_theme() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    app.scroll = 4;
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Theme);
    assert_eq!(app.scroll, 0);
    assert!(app.session.is_some(), "the session stays open");
}

#[test]
fn undo_and_redo_in_the_editor() {
    let mut app = opened();
    type_text(&mut app, "ab");
    let edits = session(&app).autosave.edits;
    ctrl(&mut app, 'z');
    assert_eq!(editor_text(&app), "a");
    assert_eq!(answer_text(&mut app, 0), "a");
    assert_eq!(
        session(&app).autosave.edits,
        edits + 1,
        "an undo is an edit"
    );
    ctrl(&mut app, 'y');
    assert_eq!(answer_text(&mut app, 0), "ab");
    // Nothing left to redo: no edit recorded.
    let before = session(&app).autosave.edits;
    ctrl(&mut app, 'y');
    assert_eq!(session(&app).autosave.edits, before);
}
