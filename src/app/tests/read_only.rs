//! A reflection open read-only here (another copy writes it): what it
//! offers, what it shows, and how it becomes writable.

use super::*;

/// A second copy shows the reflection read-only: its empty answer box
/// must not invite typing, since keys there run commands (q quits).
#[test]
fn a_read_only_empty_answer_does_not_invite_typing() {
    let mut app = app();
    open_with(&mut app, reflection("r-now", CMH), true, true, false);
    let shown = screen(&app);
    assert!(
        shown.contains("read-only here, so keys are commands"),
        "{shown}"
    );
    assert!(!shown.contains("Write your answer here"), "{shown}");
    // A tester was offered keys that are then refused: the footer leaves
    // out what would change the reflection, and f says why it does nothing.
    let footer = shown.replace('\u{a0}', " ");
    for refused in ["write the answer", "flag for supervision", "n notes"] {
        assert!(!footer.contains(refused), "{refused}: {shown}");
    }
    assert!(shown.contains("review"), "{shown}");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(status_text(&app), "This reflection is read-only here.");
    update(&mut app, Action::Paste("pasted".into()));
    assert_eq!(
        status_text(&app),
        "This reflection is read-only here: nothing was pasted."
    );
}

/// A read-only copy shows what the writing copy saves since (a tester's
/// kept the text as it opened, and exported that); an editable one is
/// never overwritten from disk.
#[test]
fn a_read_only_reflection_shows_what_the_other_copy_saved() {
    let mut app = app();
    // Opens at the first unanswered question, the second: A writes there.
    let first = with_answer(reflection("r-now", CMH), "formal-diagnosis", "done");
    open_with(&mut app, first.clone(), true, true, false);
    let mut later = with_answer(first, CMH_PRACTITIONER[1], "from A, PLUS LATER TEXT");
    later.notes = "A's notes".into();
    update(&mut app, Action::ReadOnlyChanged(Box::new(later.clone())));
    assert!(screen(&app).contains("PLUS LATER TEXT"), "{}", screen(&app));
    assert_eq!(session(&app).reflection, later);
    assert_eq!(session(&app).notes_editor.text(), "A's notes");
    assert_eq!(app.history.first().map(|r| &r.notes), Some(&later.notes));

    let mut mine = opened();
    type_text(&mut mine, "my own words");
    let elsewhere = with_answer(reflection("r-now", CMH), "formal-diagnosis", "theirs");
    update(&mut mine, Action::ReadOnlyChanged(Box::new(elsewhere)));
    assert_eq!(answer_text(&mut mine, 0), "my own words");
}

/// The copy that wrote it lets it go: the read-only one can write, and
/// says so.
#[test]
fn a_read_only_reflection_becomes_writable_when_the_other_copy_lets_go() {
    let mut app = app();
    let first = with_answer(reflection("r-now", CMH), "formal-diagnosis", "done");
    open_with(&mut app, first.clone(), true, true, false);
    let saved = with_answer(first, CMH_PRACTITIONER[1], "theirs");
    update(&mut app, Action::NowWritable(Box::new(saved)));
    assert!(!session(&app).read_only);
    assert_status_says(&app, "you can write in it here now");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, ", mine");
    assert_eq!(answer_text(&mut app, 1), "theirs, mine");
}

/// A third tester's read-only review offered "p to change" and "d fills
/// in", both then refused.
#[test]
fn a_read_only_review_offers_no_change() {
    let mut app = app();
    open_with(&mut app, reflection("r-now", CMH), true, true, true);
    let shown = screen_of(&app, 100, 40);
    assert!(shown.contains("Reflective prompts:"), "{shown}");
    assert!(
        !shown.contains("to change)") && !shown.contains("fills in"),
        "{shown}"
    );
}

fn open_read_only(app: &mut App) {
    let r = with_answer(reflection("r-locked", CMH), CMH_PRACTITIONER[0], "theirs");
    open_with(app, r, true, true, false);
}

#[test]
fn a_read_only_session_says_so_and_does_not_focus_the_editor() {
    let mut app = app();
    open_read_only(&mut app);
    assert_eq!(app.screen, Screen::Walkthrough);
    assert!(session(&app).read_only);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert_eq!(app.mode(), Mode::Walkthrough);
    assert!(status_is_error(&app));
    assert!(status_text(&app).contains("read-only"));
}

#[test]
fn a_read_only_session_refuses_every_change() {
    let mut app = app();
    open_read_only(&mut app);
    let before = session(&app).reflection.clone();
    let mut effects = Vec::new();
    effects.extend(press(&mut app, KeyCode::Enter));
    assert_eq!(session(&app).focus, Focus::Browse, "Enter does not edit");
    assert!(status_text(&app).contains("read-only"));
    effects.extend(press(&mut app, KeyCode::Char('n')));
    assert_eq!(session(&app).focus, Focus::Browse, "n does not edit notes");
    effects.extend(press(&mut app, KeyCode::Char('f')));
    effects.extend(update(&mut app, Action::Paste("pasted".into())));
    // Even with the keyboard in the editor (which the keys never allow).
    session_mut(&mut app).set_focus(Focus::Answer);
    effects.extend(type_text(&mut app, "typed"));
    effects.extend(update(&mut app, Action::Paste("pasted".into())));
    effects.extend(ctrl(&mut app, 'z'));
    effects.extend(press(&mut app, KeyCode::Esc));
    effects.extend(press(&mut app, KeyCode::Tab));
    effects.extend(press(&mut app, KeyCode::Char('a')));
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        }
    );
    effects.extend(press(&mut app, KeyCode::Char('a')));
    assert!(app.line_input.is_none(), "no new action");
    effects.extend(press(&mut app, KeyCode::Enter));
    assert!(app.line_input.is_none(), "no new action");
    effects.extend(press(&mut app, KeyCode::Char(' ')));
    effects.extend(press(&mut app, KeyCode::Char('d')));
    effects.extend(update(&mut app, Action::Tick(t0() + Duration::seconds(60))));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(session(&app).reflection, before, "nothing changed");
    assert_eq!(session(&app).autosave.edits, 0);
    assert!(!session(&app).is_dirty());
}

#[test]
fn a_read_only_session_never_saves_even_when_marked_dirty() {
    let mut app = app();
    open_read_only(&mut app);
    session_mut(&mut app).mark_edited(t0());
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(60))).is_empty());
    assert!(press(&mut app, KeyCode::Tab).is_empty());
    assert_eq!(ctrl(&mut app, 'q'), vec![Effect::Quit]);
}

#[test]
fn a_read_only_session_can_still_be_read_and_exported() {
    let mut app = app();
    open_read_only(&mut app);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "theirs");
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.popup, Some(Popup::EarlierAnswers));
    on_review(&mut app);
    press(&mut app, KeyCode::Char('x'));
    let effects = press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(effects.as_slice(), [Effect::Export { reflection: r, .. }] if r.id == "r-locked")
    );
}

/// A tester opened a reflection from Your reflections: it showed whole,
/// under "Carrying on where you stopped", which it was not doing.
#[test]
fn a_reflection_opened_to_read_does_not_say_carrying_on() {
    let mut app = app();
    let r = with_answer(reflection("r-now", CMH), CMH_PRACTITIONER[0], "done");
    open_with(&mut app, r, false, true, true);
    assert_eq!(app.screen, Screen::Review);
    assert!(app.status.is_none(), "{:?}", app.status);
}
