//! Flags, free notes and earlier answers from the walkthrough, and the
//! keys that open the actions list and the review.

use super::*;

#[test]
fn f_toggles_the_flag_and_saves() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    let effects = press(&mut app, KeyCode::Char('f'));
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1);
    let key = key_of(&app, CMH_PRACTITIONER[0]);
    assert!(saved[0].0.answer(&key).expect("flagged answer").flagged);
    let a = answer(&mut app, CMH_PRACTITIONER[0]).expect("flag stored");
    assert!(a.flagged);
    assert_eq!(a.text, "");
    assert_eq!(
        a.question_text,
        question_text(&app.library, CMH, CMH_PRACTITIONER[0])
    );
    assert_eq!(status_text(&app), "Flagged to discuss in supervision.");
    ack(&mut app);
    let effects = press(&mut app, KeyCode::Char('f'));
    assert_eq!(saves(&effects).len(), 1);
    assert!(!answer(&mut app, CMH_PRACTITIONER[0]).expect("kept").flagged);
    assert_eq!(status_text(&app), "Flag removed.");
}

#[test]
fn n_writes_free_notes() {
    let mut app = app();
    let mut r = reflection("r-now", CMH);
    r.notes = "earlier".into();
    open_with(&mut app, r, false, false, false);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(session(&app).focus, Focus::Notes);
    assert_eq!(app.mode(), Mode::Editor);
    type_text(&mut app, " note\nline two");
    assert_eq!(synced(&mut app).notes, "earlier note\nline two");
    let s = session(&app);
    assert_eq!(s.autosave.state, SaveState::Unsaved);
    assert!(
        s.reflection.answers.is_empty(),
        "notes are not an answer: {:?}",
        s.reflection.answers
    );
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(
        saves(&effects)[0].0.notes,
        "earlier note\nline two",
        "the save carries the notes"
    );
    assert_eq!(session(&app).focus, Focus::Browse);
}

#[test]
fn tab_from_the_notes_goes_to_the_next_answer() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    assert_eq!(session(&app).question, 1);
    assert_eq!(session(&app).focus, Focus::Answer);
    type_text(&mut app, "answer");
    assert_eq!(session(&app).reflection.notes, "n");
    assert_eq!(answer_text(&mut app, 1), "answer");
}

#[test]
fn e_opens_earlier_answers_and_esc_closes_them() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.popup, Some(Popup::EarlierAnswers));
    assert_eq!(app.mode(), Mode::Earlier);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(session(&app).question, 0, "keys below the overlay wait");
    press(&mut app, KeyCode::Esc);
    assert_ne!(app.popup, Some(Popup::EarlierAnswers));
    assert_eq!(app.screen, Screen::Walkthrough);
}

#[test]
fn a_and_r_open_actions_and_review_from_the_walkthrough() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        }
    );
    assert_eq!(app.mode(), Mode::Actions);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
    app.scroll = 3;
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.scroll, 0);
}
