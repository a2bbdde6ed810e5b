//! A theme with no questions for the reflection's audience, from the start
//! or after an edit: there is no answer box, and nothing typed goes
//! where it cannot be seen or saved.

use super::*;

/// The library with child-mental-health's practitioner questions gone.
fn without_practitioner_questions(library: &Library) -> Library {
    let mut library = library.clone();
    for theme in library.packs.iter_mut().flat_map(|p| p.themes.iter_mut()) {
        if theme.id == CMH {
            theme
                .questions
                .retain(|q| q.audience != Audience::Practitioner);
        }
    }
    library
}

#[test]
fn a_theme_with_no_questions_for_the_audience_has_no_answer_box() {
    let mut app = app();
    app.library = without_practitioner_questions(&app.library);
    let home = screen(&app);
    assert!(home.contains("no questions for practitioners"), "{home}");
    open(&mut app);
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Browse, "nowhere to type");
    press(&mut app, KeyCode::Char('e'));
    assert!(
        app.popup.is_none(),
        "no earlier answers to a question that is not there"
    );
    assert_eq!(app.mode(), Mode::Walkthrough);
    press(&mut app, KeyCode::Enter);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert_status_says(&app, "no questions for practitioners");
    assert!(status_is_error(&app));
    let shown = screen(&app);
    assert!(shown.contains("No questions"), "{shown}");
    assert!(shown.contains("There is no question here"), "{shown}");
    assert!(!shown.contains("Your answer"), "{shown}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Theme);
    update(&mut app, Action::Resize(100, 80));
    let theme = screen_of(&app, 100, 80);
    assert!(
        theme.contains("None in the loaded content; a switches"),
        "{theme}"
    );
}

#[test]
fn moving_on_when_every_question_was_taken_out_keeps_the_answer_in_view() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "draft");
    let library = without_practitioner_questions(&app.library);
    update(&mut app, Action::ContentReloaded(Box::new(library)));
    type_text(&mut app, " more");
    let effects = press(&mut app, KeyCode::Tab);
    assert!(effects.is_empty(), "{effects:?}");
    assert!(session(&app).taken_out.is_some(), "still on it");
    assert_status_says(&app, "your answer stays here");
    type_text(&mut app, " after tab");
    assert_eq!(
        app.screen,
        Screen::Walkthrough,
        "no letter ran as a command"
    );
    assert_eq!(
        answer(&mut app, "voice-of-the-child").expect("kept").text,
        "draft more after tab"
    );
    assert!(screen(&app).contains("draft more after tab"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert!(screen(&app).contains("There is no question here"));
}

#[test]
fn moving_on_when_the_whole_theme_was_taken_out_keeps_the_answer_in_view() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "abc");
    let library = without_cmh(&app.library);
    update(&mut app, Action::ContentReloaded(Box::new(library)));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, " after tab");
    assert_eq!(
        answer(&mut app, "formal-diagnosis").expect("kept").text,
        "abc after tab"
    );
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&effects).len(), 1, "leaving saves what was typed");
    assert_eq!(session(&app).focus, Focus::Browse);
    press(&mut app, KeyCode::Enter);
    assert_eq!(session(&app).focus, Focus::Browse, "no invisible editor");
}

/// A tester pressed n on the "no questions" screen: the notes took what
/// was typed, but nothing showed.
#[test]
fn notes_written_where_there_is_no_question_show() {
    let mut app = app();
    app.library = without_practitioner_questions(&app.library);
    open(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "notes typed here");
    let shown = screen(&app);
    assert!(shown.contains("notes typed here"), "{shown}");
    assert!(shown.contains("There is no question here"), "{shown}");
    let library = without_cmh(&app.library);
    update(&mut app, Action::ContentReloaded(Box::new(library)));
    type_text(&mut app, " and more");
    let shown = screen(&app);
    assert!(shown.contains("notes typed here and more"), "{shown}");
    assert!(shown.contains("is not in the content"), "{shown}");
}

/// A tester broke the pack's TOML and started again: the walkthrough said
/// the theme had no questions for practitioners ("a switches audience"),
/// and the review showed the theme's id with every answer "from a question
/// no longer in this pack". Both now say the content could not be read.
#[test]
fn a_pack_that_could_not_be_read_is_named_as_the_reason() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "my answer");
    press(&mut app, KeyCode::Esc);
    let mut library = app.library.clone();
    library.packs.clear();
    update(&mut app, Action::ContentReloaded(Box::new(library)));
    let said = "(`panel-2023-24`) could not be read";
    let shown = screen(&app);
    assert!(shown.contains(said), "walkthrough: {shown}");
    assert!(!shown.contains("switches audience"), "{shown}");
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.screen, Screen::Review);
    let shown = screen(&app);
    assert!(shown.contains(said), "review: {shown}");
    assert!(shown.contains("my answer"), "{shown}");
}
