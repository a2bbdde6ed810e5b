//! The identifying-details check in the app: when it runs, what its keys
//! do, what is remembered, and what the review and its export say.

use super::*;
use crate::privacy::Kind;

fn tick(app: &mut App, after_ms: i64) -> Vec<Effect> {
    let now = app.now + Duration::milliseconds(after_ms);
    update(app, Action::Tick(now))
}

fn marked(app: &App) -> Vec<(Kind, String)> {
    session(app)
        .marks
        .items
        .iter()
        .map(|m| (m.kind, m.text.clone()))
        .collect()
}

/// Types into the first answer and lets the pause after typing pass.
fn typed_and_paused(text: &str) -> App {
    let mut app = opened();
    type_text(&mut app, text);
    tick(&mut app, 600);
    app
}

#[test]
fn marks_come_after_a_pause_in_typing_not_on_every_key() {
    let mut app = opened();
    type_text(&mut app, "I met Sarah at LS6 3AB");
    assert!(marked(&app).is_empty(), "not while typing");
    tick(&mut app, 100);
    assert!(marked(&app).is_empty(), "not before the pause is over");
    assert_eq!(
        app.next_check_due(),
        Some(app.now + Duration::milliseconds(400)),
        "the runtime wakes for it"
    );
    tick(&mut app, 500);
    assert_eq!(
        marked(&app),
        [
            (Kind::Name, "Sarah".to_owned()),
            (Kind::Postcode, "LS6 3AB".to_owned())
        ]
    );
    assert_eq!(app.next_check_due(), None);
}

#[test]
fn another_answer_on_screen_is_checked_at_once() {
    let r = with_answer(reflection("r", CMH), "voice-of-the-child", "Tyler said");
    let mut app = app();
    open_with(&mut app, r, false, false, false);
    assert!(marked(&app).is_empty(), "the first question has no answer");
    press(&mut app, KeyCode::Tab);
    assert_eq!(marked(&app), [(Kind::Name, "Tyler".to_owned())]);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'n');
    assert!(marked(&app).is_empty(), "the notes are empty");
    assert_eq!(
        session(&app).marks.shown,
        super::super::privacy::Shown::Notes
    );
}

#[test]
fn ctrl_g_steps_through_the_marks_and_round_again() {
    let mut app = typed_and_paused("Sarah\nmet Tyler at LS6 3AB");
    assert_eq!(session(&app).answer_editor.cursor(), (1, 20));
    ctrl(&mut app, 'g');
    assert_eq!(
        session(&app).answer_editor.cursor(),
        (0, 0),
        "round to the first"
    );
    assert_eq!(
        status_text(&app),
        "1 of 3: a name. Change it, or press Ctrl-O if it is fine."
    );
    ctrl(&mut app, 'g');
    assert_eq!(session(&app).answer_editor.cursor(), (1, 4));
    ctrl(&mut app, 'g');
    assert_eq!(session(&app).answer_editor.cursor(), (1, 13));
    assert!(
        status_text(&app).starts_with("3 of 3: a postcode"),
        "{}",
        status_text(&app)
    );
}

#[test]
fn ctrl_o_says_a_mark_is_fine_for_this_answer_and_it_is_saved() {
    let mut app = typed_and_paused("Grace's mum and Tyler said so");
    ctrl(&mut app, 'o');
    assert_status_says(&app, "not on a marked detail");
    ctrl(&mut app, 'g');
    let effects = ctrl(&mut app, 'o');
    assert!(effects.is_empty(), "saved by the autosave, not at once");
    assert_eq!(marked(&app), [(Kind::Name, "Tyler".to_owned())]);
    assert!(status_text(&app).starts_with("Marked as fine: a name in this answer"));
    let fine = answer(&mut app, "formal-diagnosis").unwrap().fine;
    assert_eq!(fine, [crate::privacy::marks::fine(Kind::Name, "Grace")]);
    assert!(
        session(&app).is_dirty(),
        "the fine mark is waiting to be saved"
    );
    let saved = tick(&mut app, 600);
    assert!(saves(&saved)[0].0.answers[0].fine.len() == 1);
    // The same name in another answer is still marked.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Grace's dad");
    tick(&mut app, 600);
    assert_eq!(marked(&app), [(Kind::Name, "Grace".to_owned())]);
}

#[test]
fn a_fine_mark_goes_once_its_text_has_gone() {
    let mut app = typed_and_paused("Tyler");
    ctrl(&mut app, 'g');
    ctrl(&mut app, 'o');
    assert_eq!(answer(&mut app, "formal-diagnosis").unwrap().fine.len(), 1);
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "the child");
    tick(&mut app, 600);
    assert!(
        answer(&mut app, "formal-diagnosis")
            .unwrap()
            .fine
            .is_empty()
    );
}

#[test]
fn nothing_is_checked_when_the_setting_is_off() {
    let mut app = app();
    app.identifying.enabled = false;
    open(&mut app);
    type_text(&mut app, "Sarah at LS6 3AB");
    tick(&mut app, 600);
    assert!(marked(&app).is_empty());
    assert_eq!(app.next_check_due(), None);
    ctrl(&mut app, 'g');
    assert_status_says(&app, "check is off");
}

#[test]
fn the_review_lists_what_is_still_marked_and_export_asks_once() {
    let r = with_answer(
        reflection("r", CMH),
        "voice-of-the-child",
        "Tyler at LS6 3AB",
    );
    let mut app = app();
    open_with(&mut app, r, false, false, true);
    let review = &session(&app).marks.review;
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].place, "Question 2");
    assert_eq!(review[0].count(), 2);
    let chooser = |app: &App| app.popup == Some(Popup::Export);
    let first = ch(&mut app, 'x');
    assert!(first.is_empty() && !chooser(&app), "told first, not asked");
    assert!(
        status_text(&app).starts_with("2 possible identifying details are still marked"),
        "{}",
        status_text(&app)
    );
    ch(&mut app, 'x');
    assert!(
        chooser(&app),
        "the second x goes on to the choice of format"
    );
    let exported = ch(&mut app, 's');
    assert!(exported.iter().any(|e| matches!(e, Effect::Export { .. })));
    // Asked again next time: the question is asked once per export.
    ch(&mut app, 'x');
    assert!(!chooser(&app));
    // Told, then away to the walkthrough and back: asked again.
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'r');
    assert_eq!(app.screen, Screen::Review);
    ch(&mut app, 'x');
    assert!(!chooser(&app));
    ch(&mut app, 'x');
    assert!(chooser(&app));
}

#[test]
fn with_nothing_marked_the_review_exports_at_once() {
    let r = with_answer(reflection("r", CMH), "voice-of-the-child", "We listened.");
    let mut app = app();
    open_with(&mut app, r, false, false, true);
    assert!(session(&app).marks.review.is_empty());
    ch(&mut app, 'x');
    assert_eq!(app.popup, Some(Popup::Export));
    assert!(
        ch(&mut app, 's')
            .iter()
            .any(|e| matches!(e, Effect::Export { .. }))
    );
}

#[test]
fn a_read_only_reflection_is_marked_but_nothing_is_said_fine() {
    let r = with_answer(reflection("r", CMH), "formal-diagnosis", "Tyler");
    let mut app = app();
    open_with(&mut app, r, true, false, false);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(marked(&app).len(), 1);
    ctrl(&mut app, 'g');
    ctrl(&mut app, 'o');
    assert!(status_text(&app).contains("read-only"));
    assert!(session(&app).reflection.answers[0].fine.is_empty());
}

#[test]
fn the_notes_are_checked_and_their_fine_marks_kept_with_them() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'n');
    type_text(&mut app, "ring 07700 900123 tomorrow");
    tick(&mut app, 600);
    assert_eq!(marked(&app), [(Kind::Phone, "07700 900123".to_owned())]);
    ctrl(&mut app, 'g');
    ctrl(&mut app, 'o');
    assert!(marked(&app).is_empty());
    assert_status_says(&app, "in your notes");
    let notes_fine = synced(&mut app).notes_fine.clone();
    assert_eq!(
        notes_fine,
        [crate::privacy::marks::fine(Kind::Phone, "07700 900123")]
    );
    assert!(synced(&mut app).answers.iter().all(|a| a.fine.is_empty()));
}

/// A long answer is read a part at a time: it opens at once, its marks come
/// within a few short pauses, and what was said to be fine in a part not
/// read yet is not forgotten meanwhile.
#[test]
fn a_long_answer_is_checked_a_part_at_a_time() {
    let mut text: Vec<String> = (0..2000).map(|n| format!("plain words {n}")).collect();
    text.push("then Sarah at LS6 3AB".into());
    let mut r = with_answer(reflection("r", CMH), "formal-diagnosis", &text.join("\n"));
    r.answers[0]
        .fine
        .push(crate::privacy::marks::fine(Kind::Name, "Sarah"));
    let mut app = app();
    open_with(&mut app, r, false, false, false);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(session(&app).answer_editor.lines().count(), 2001);
    assert!(marked(&app).is_empty(), "the last line is not read yet");
    assert!(app.next_check_due().is_some(), "the next part is due");
    for _ in 0..10 {
        tick(&mut app, 25);
    }
    assert_eq!(marked(&app), [(Kind::Postcode, "LS6 3AB".to_owned())]);
    assert_eq!(session(&app).reflection.answers[0].fine.len(), 1, "kept");
    assert_eq!(app.next_check_due(), None, "all read");
}

/// Typing straight after a long answer opens: the parts not read yet wait
/// for the pause in typing, as the check of what was typed does, so no key
/// waits behind one; after the pause they are read as before.
#[test]
fn the_rest_of_a_long_answer_waits_while_someone_types() {
    let mut text: Vec<String> = (0..2000).map(|n| format!("plain words {n}")).collect();
    text.push("then a visit to LS6 3AB".into());
    let r = with_answer(reflection("r", CMH), "formal-diagnosis", &text.join("\n"));
    let mut app = app();
    open_with(&mut app, r, false, false, false);
    press(&mut app, KeyCode::BackTab);
    let next_part = app.next_check_due().expect("the next part is due");
    press(&mut app, KeyCode::Enter);
    for _ in 0..30 {
        tick(&mut app, 20);
        ch(&mut app, 'x');
        let due = app.next_check_due().expect("a run waits");
        assert!(due > app.now, "nothing runs between keys");
        assert!(due > next_part, "the part waits for the pause");
    }
    assert!(marked(&app).is_empty(), "still typing: the last line waits");
    for _ in 0..60 {
        tick(&mut app, 25);
    }
    assert_eq!(marked(&app), [(Kind::Postcode, "LS6 3AB".to_owned())]);
    assert_eq!(app.next_check_due(), None, "all read");
}

/// A tester typed a name into the peer's role in the review: the review
/// still said nothing was marked, and x exported it without a question.
/// Cleared again, the marks stayed. The list follows every change.
#[test]
fn the_reviews_marks_follow_the_hand_in_details_as_they_change() {
    let mut app = app();
    open_with(&mut app, reflection("r", CMH), false, false, true);
    assert!(session(&app).marks.review.is_empty());
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    for c in "Sarah Jones".chars() {
        ch(&mut app, c);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Review);
    let places: Vec<&str> = session(&app)
        .marks
        .review
        .iter()
        .map(|m| m.place.as_str())
        .collect();
    assert_eq!(places, ["The peer's role"]);
    // Ctrl-O in the walkthrough cannot reach it: the review says what can.
    let shown = screen(&app);
    assert!(
        shown.contains("An action or a detail is changed where it"),
        "{shown}"
    );
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Esc);
    assert!(session(&app).marks.review.is_empty(), "cleared, unmarked");
}
