//! Autosave, and how save results and failures are handled.

use super::*;
use crate::app::saving::save_due;

// ---------------------------------------------------------------- autosave

#[test]
fn autosave_waits_for_half_a_second_of_quiet_then_saves_once() {
    let mut app = opened();
    type_text(&mut app, "abc");
    let edits = session(&app).autosave.edits;
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(499))).is_empty());
    assert_eq!(session(&app).autosave.state, SaveState::Unsaved);
    assert_eq!(
        app.now,
        t0() + Duration::milliseconds(499),
        "the clock moved"
    );
    let at_half_a_second = t0() + Duration::milliseconds(500);
    assert_eq!(save_due(&app), Some(at_half_a_second));
    let effects = update(&mut app, Action::Tick(at_half_a_second));
    assert_eq!(effects.len(), 1, "{effects:?}");
    let saved = saves(&effects);
    assert_eq!(saved[0].1, edits);
    assert_eq!(
        saved[0]
            .0
            .answer(&key_of(&app, CMH_PRACTITIONER[0]))
            .expect("answer")
            .text,
        "abc"
    );
    assert_eq!(session(&app).autosave.state, SaveState::Saving);
    assert_eq!(session(&app).autosave.last_attempt, Some(at_half_a_second));
    // While saving, and after, ticks ask for nothing more.
    assert_eq!(save_due(&app), None);
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(2))).is_empty());
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(30))).is_empty());
}

/// Someone who never pauses for half a second is still saved: no edit
/// waits more than a second for its save to start.
#[test]
fn steady_typing_is_saved_every_second_without_a_pause() {
    let mut app = opened();
    let mut saved_up_to: Vec<(i64, String)> = Vec::new();
    let mut typed = String::new();
    for step in 0..100 {
        let now = t0() + Duration::milliseconds(step * 100);
        let c = char::from(b'a' + u8::try_from(step % 26).expect("small"));
        let before = update(&mut app, Action::Tick(now));
        typed.push(c);
        let effects = [before, ch(&mut app, c), update(&mut app, Action::Tick(now))].concat();
        for (reflection, _) in saves(&effects) {
            let text = reflection.answers[0].text.clone();
            saved_up_to.push((step * 100, text));
        }
        if !saves(&effects).is_empty() {
            ack(&mut app);
        }
    }
    assert!(
        saved_up_to.len() >= 9,
        "{} saves in 10 s",
        saved_up_to.len()
    );
    assert!(typed.starts_with(&saved_up_to[saved_up_to.len() - 1].1));
    for pair in saved_up_to.windows(2) {
        let gap = pair[1].0 - pair[0].0;
        assert!(gap <= 1000, "a save {gap} ms after the last one");
        assert!(pair[1].1.starts_with(&pair[0].1));
    }
}

#[test]
fn typing_again_restarts_the_quiet_half_second_but_not_the_longest_wait() {
    let mut app = opened();
    type_text(&mut app, "a");
    update(&mut app, Action::Tick(t0() + Duration::milliseconds(400)));
    type_text(&mut app, "b");
    assert_eq!(save_due(&app), Some(t0() + Duration::milliseconds(900)));
    update(&mut app, Action::Tick(t0() + Duration::milliseconds(800)));
    type_text(&mut app, "c");
    // Quiet until 1.3 s, but "a" has waited a second at 1.0 s.
    assert_eq!(save_due(&app), Some(t0() + Duration::seconds(1)));
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(999))).is_empty());
    let effects = update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(saves(&effects)[0].0.answers[0].text, "abc");
}

#[test]
fn no_autosave_without_changes() {
    let mut app = app();
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(9))).is_empty());
    open(&mut app);
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(20))).is_empty());
}

#[test]
fn a_save_that_matches_the_edits_marks_saved_and_updates_history() {
    let mut app = app_with_history(vec![reflection("r-older", PMH)]);
    open(&mut app);
    type_text(&mut app, "abc");
    let effects = update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    let edits = saves(&effects)[0].1;
    let after = saved(&mut app, "r-now", edits);
    assert!(after.is_empty());
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
    assert!(!session(&app).is_dirty());
    let ids: Vec<&str> = app.history.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["r-now", "r-older"], "newest first");
    assert_eq!(app.history[0], session(&app).reflection);
    // A second save replaces the entry rather than adding one.
    type_text(&mut app, "d");
    ack(&mut app);
    assert_eq!(app.history.len(), 2);
}

#[test]
fn a_save_overtaken_by_typing_stays_unsaved_and_saves_again() {
    let mut app = opened();
    type_text(&mut app, "a");
    let first = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    type_text(&mut app, "b"); // at t0 + 1 s
    assert_eq!(session(&app).autosave.state, SaveState::Unsaved);
    saved(&mut app, "r-now", first);
    assert_eq!(
        session(&app).autosave.state,
        SaveState::Unsaved,
        "stale save"
    );
    let again = update(&mut app, Action::Tick(t0() + Duration::seconds(2)));
    let saved = saves(&again);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].1, first + 1);
}

#[test]
fn a_stale_save_while_a_newer_one_is_in_flight_leaves_it_unsaved() {
    let mut app = opened();
    type_text(&mut app, "a");
    let first = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    type_text(&mut app, "b");
    let second = saves(&press(&mut app, KeyCode::Esc))[0].1;
    assert_eq!(session(&app).autosave.state, SaveState::Saving);
    saved(&mut app, "r-now", first);
    assert_ne!(session(&app).autosave.state, SaveState::Saved);
    saved(&mut app, "r-now", second);
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
}

#[test]
fn a_save_for_another_reflection_changes_nothing() {
    let mut app = opened();
    type_text(&mut app, "a");
    let edits = session(&app).autosave.edits;
    saved(&mut app, "someone-else", edits);
    assert_eq!(session(&app).autosave.state, SaveState::Unsaved);
    assert!(app.history.is_empty());
}

#[test]
fn a_failed_save_is_shown_kept_and_retried_after_five_seconds() {
    let mut app = opened();
    type_text(&mut app, "precious");
    let edits = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    let effects = save_failed(&mut app, "No space left on device");
    assert!(effects.is_empty());
    assert_eq!(
        session(&app).autosave.state,
        SaveState::Failed("No space left on device".into())
    );
    assert!(session(&app).is_dirty());
    assert!(status_is_error(&app));
    assert!(status_text(&app).contains("No space left on device"));
    assert_eq!(editor_text(&app), "precious", "the text stays in memory");
    // The last attempt was at t0 + 1 s: no retry before t0 + 6 s.
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(2))).is_empty());
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(5999))).is_empty());
    let retry = update(&mut app, Action::Tick(t0() + Duration::seconds(6)));
    let saved = saves(&retry);
    assert_eq!(saved.len(), 1, "{retry:?}");
    assert_eq!(saved[0].1, edits);
    assert_eq!(session(&app).autosave.state, SaveState::Saving);
    assert!(
        update(&mut app, Action::Tick(t0() + Duration::seconds(7))).is_empty(),
        "one retry at a time"
    );
}

#[test]
fn a_failed_save_is_saved_again_on_quit() {
    let mut app = opened();
    type_text(&mut app, "precious");
    update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    save_failed(&mut app, "Permission denied");
    let effects = ctrl(&mut app, 'q');
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert!(is_save(&effects[0]));
    assert_eq!(effects[1], Effect::Quit);
}

#[test]
fn a_successful_retry_clears_the_could_not_save_message() {
    let mut app = opened();
    type_text(&mut app, "precious");
    update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    save_failed(&mut app, "No space left on device");
    let retry = update(&mut app, Action::Tick(t0() + Duration::seconds(6)));
    let edits = saves(&retry)[0].1;
    saved(&mut app, "r-now", edits);
    assert_eq!(session(&app).autosave.state, SaveState::Saved);
    assert!(
        !status_text(&app).contains("Could not save"),
        "the status line still says {:?} after the retry saved",
        status_text(&app)
    );
}

// ------------------------------------------------ opening another reflection

/// A tester filled the disk, typed on, then started another reflection:
/// the unsaved text went with the one left. Now the runtime reports the
/// last save's failure first, and the reflection holding the text stays.
#[test]
fn another_reflection_is_not_opened_over_text_that_could_not_be_saved() {
    let mut app = app();
    unsaved_after_a_failed_save(&mut app, 0);
    let effects = update(
        &mut app,
        session_opened(reflection("r-other", CMH), false, false, false),
    );
    assert_eq!(session(&app).reflection.id, "r-now");
    assert_eq!(editor_text(&app), "draft");
    assert!(
        matches!(&effects[..], [Effect::CloseSession { id }] if id == "r-other"),
        "{effects:?}"
    );
    assert!(status_is_error(&app));
    // Why, and what was not opened, in the message itself: the failure
    // it replaces is no longer on screen.
    assert_status_says(
        &app,
        "could NOT be saved: disk full. It stays open, and \"Safeguarding children with mental health needs\" was not opened",
    );
    // Reopening the same reflection from its file would lose it too.
    let effects = update(
        &mut app,
        session_opened(reflection("r-now", CMH), false, true, false),
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(editor_text(&app), "draft");
}

#[test]
fn once_saved_another_reflection_opens() {
    let mut app = app();
    unsaved_after_a_failed_save(&mut app, 0);
    let edits = session(&app).autosave.edits;
    saved(&mut app, "r-now", edits);
    let effects = update(
        &mut app,
        session_opened(reflection("r-other", CMH), false, false, false),
    );
    assert_eq!(session(&app).reflection.id, "r-other");
    assert!(
        matches!(&effects[..], [Effect::CloseSession { id }] if id == "r-now"),
        "{effects:?}"
    );
}
