//! Content reloads under an open session, and earlier answers from the
//! history of reflections.

use super::*;

// ---------------------------------------------------------------- content reload

/// Content reloaded with child-mental-health changed by `edit`.
fn reload_with(app: &mut App, edit: impl FnOnce(&mut crate::content::Theme)) -> Vec<Effect> {
    let mut library = app.library.clone();
    let theme = library
        .packs
        .iter_mut()
        .find(|p| p.id == PACK)
        .and_then(|p| p.themes.iter_mut().find(|t| t.id == CMH))
        .expect("child-mental-health");
    edit(theme);
    update(app, Action::ContentReloaded(Box::new(library)))
}

/// Content reloaded without the child-mental-health questions `ids`.
fn reload_without(app: &mut App, ids: &[&str]) {
    reload_with(app, |t| {
        t.questions.retain(|q| !ids.contains(&q.id.as_str()))
    });
}

fn practitioner_ids(app: &App) -> Vec<String> {
    session(app)
        .questions(&app.library)
        .iter()
        .map(|q| q.id.clone())
        .collect()
}

/// Opens child-mental-health at voice-of-the-child with "draft" typed.
fn at_second_question_with_draft(app: &mut App) {
    open(app);
    press(app, KeyCode::Tab);
    type_text(app, "draft");
    assert_eq!(session(app).question, 1);
}

#[test]
fn reload_keeps_the_current_question_when_questions_are_reordered() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    let effects = reload_with(&mut app, |t| t.questions.reverse());
    assert!(effects.is_empty());
    let ids = practitioner_ids(&app);
    assert_eq!(ids[0], "interim-support", "the reload took effect");
    let s = session(&app);
    assert_eq!(ids[s.question], "voice-of-the-child");
    assert_eq!(editor_text(&app), "draft");
    assert_eq!(s.focus, Focus::Answer);
    assert_eq!(s.autosave.state, SaveState::Unsaved, "still to be saved");
    type_text(&mut app, "!");
    assert_eq!(
        answer(&mut app, "voice-of-the-child").expect("answer").text,
        "draft!"
    );
}

#[test]
fn reload_keeps_the_current_question_when_others_are_removed() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    reload_without(&mut app, &["formal-diagnosis"]);
    let ids = practitioner_ids(&app);
    assert_eq!(ids.len(), 3);
    assert_eq!(ids[session(&app).question], "voice-of-the-child");
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "draft");
}

#[test]
fn reload_keeps_reworded_questions_and_the_wording_answered() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    let old_wording = question_text(&app.library, CMH, "voice-of-the-child");
    reload_with(&mut app, |t| {
        let q = t
            .questions
            .iter_mut()
            .find(|q| q.id == "voice-of-the-child");
        q.expect("question").text = "A new wording?".into();
    });
    assert_eq!(session(&app).question, 1);
    assert_eq!(
        answer(&mut app, "voice-of-the-child")
            .expect("answer")
            .question_text,
        old_wording,
        "not rewritten until the answer changes"
    );
    type_text(&mut app, ".");
    assert_eq!(
        answer(&mut app, "voice-of-the-child")
            .expect("answer")
            .question_text,
        "A new wording?"
    );
}

#[test]
fn reload_that_removes_the_current_question_stays_within_the_questions() {
    let mut app = opened();
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    reload_without(&mut app, &["interim-support", "formal-diagnosis"]);
    let s = session(&app);
    assert_eq!(s.questions(&app.library).len(), 2);
    assert_eq!(s.question, 1, "clamped to the last question");
    assert!(s.current_question(&app.library).is_some());
}

/// A tester typed on after the question was taken out: the box closed
/// and the letters ran as commands ('a' opened the actions, 'd' deleted
/// one). Now the box stays on the question taken out.
#[test]
fn typing_on_after_the_question_is_taken_out_goes_into_its_answer() {
    let mut app = app();
    let r = with_answer(
        reflection("r-now", CMH),
        "mental-capacity-and-consent",
        "my answer about consent",
    );
    open_with(&mut app, r, false, true, false);
    // first unanswered: formal-diagnosis; go to voice-of-the-child and write.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "draft");
    reload_without(&mut app, &["voice-of-the-child"]);
    type_text(&mut app, " and a dog");
    assert_eq!(
        app.screen,
        Screen::Walkthrough,
        "no letter ran as a command"
    );
    assert_eq!(session(&app).focus, Focus::Answer);
    assert!(status_text(&app).contains("taken out of the pack"));
    let taken_out = session(&app).taken_out.as_ref().expect("kept on screen");
    assert!(
        taken_out.learning.is_empty(),
        "links into the old pack's learning are not followed"
    );
    assert_eq!(
        answer(&mut app, "voice-of-the-child").expect("kept").text,
        "draft and a dog"
    );
    assert_eq!(
        answer(&mut app, "mental-capacity-and-consent")
            .expect("kept")
            .text,
        "my answer about consent",
        "typing after the reload went into another question's answer"
    );
}

#[test]
fn leaving_a_question_taken_out_goes_back_to_the_packs_questions() {
    for (leave, expected) in [
        (KeyCode::Esc, "mental-capacity-and-consent"),
        (KeyCode::Tab, "mental-capacity-and-consent"),
        (KeyCode::BackTab, "formal-diagnosis"),
    ] {
        let mut app = app();
        at_second_question_with_draft(&mut app);
        reload_without(&mut app, &["voice-of-the-child"]);
        assert_status_says(&app, "taken out of the pack");
        press(&mut app, leave);
        assert!(app.status.is_none(), "the notice goes with it: {leave:?}");
        let s = session(&app);
        assert!(s.taken_out.is_none(), "after {leave:?}");
        let current = s.current_question(&app.library).expect("a question");
        assert_eq!(current.id, expected, "after {leave:?}");
        assert_eq!(s.answer_editor.text(), "", "after {leave:?}");
        assert_eq!(
            answer(&mut app, "voice-of-the-child").expect("kept").text,
            "draft",
            "after {leave:?}"
        );
    }
}

/// The whole theme taken out while its question is answered: typing
/// still lands in the answer, and the box stays on screen.
#[test]
fn typing_on_after_the_whole_theme_is_taken_out_goes_into_the_answer() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    let library = without_cmh(&app.library);
    update(&mut app, Action::ContentReloaded(Box::new(library)));
    type_text(&mut app, " and a dog");
    assert_eq!(
        app.screen,
        Screen::Walkthrough,
        "no letter ran as a command"
    );
    assert_eq!(
        answer(&mut app, "voice-of-the-child").expect("kept").text,
        "draft and a dog"
    );
    let shown = screen(&app);
    assert!(shown.contains("draft and a dog"), "{shown}");
    let header = shown.chars().take(80).collect::<String>();
    assert!(
        header.trim_end().ends_with("Practitioner"),
        "no title, no dot: {header}"
    );
}

#[test]
fn a_question_taken_out_and_put_back_is_the_packs_again() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    let with_it = app.library.clone();
    reload_without(&mut app, &["voice-of-the-child"]);
    type_text(&mut app, " on");
    update(&mut app, Action::ContentReloaded(Box::new(with_it)));
    let s = session(&app);
    assert!(s.taken_out.is_none());
    assert_eq!(s.question, 1);
    assert_eq!(s.answer_editor.text(), "draft on");
}

#[test]
fn reload_keeps_the_selected_theme_by_id() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.selected().expect("theme").1.id, PMH);
    let mut fewer = app.library.clone();
    fewer.packs[0].themes.retain(|t| t.id != CMH);
    // Now: parental-mental-health, extrafamilial-harm.
    update(&mut app, Action::ContentReloaded(Box::new(fewer)));
    assert_eq!(
        app.selected().expect("theme").1.id,
        PMH,
        "the theme on screen changed under the user"
    );
}

#[test]
fn reload_that_removes_every_theme_keeps_the_selection_in_range() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    update(&mut app, Action::ContentReloaded(Box::default()));
    assert_eq!(app.selected_theme, 0);
    assert!(app.selected().is_none());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Home);
}

// ---------------------------------------------------------------- history

#[test]
fn history_loaded_fills_in_the_list() {
    let mut app = app_with_history(Vec::new());
    let effects = update(
        &mut app,
        Action::HistoryLoaded(vec![reflection("b", PMH), reflection("c", CMH)]),
    );
    assert!(effects.is_empty());
    let ids: Vec<&str> = app.history.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["b", "c"]);
}

#[test]
fn earlier_answers_come_from_other_reflections_on_the_same_question() {
    let newer = with_answer(reflection("r-2", CMH), "formal-diagnosis", "newer words");
    let blank = with_answer(reflection("r-blank", CMH), "formal-diagnosis", "  \n ");
    let other_question = with_answer(reflection("r-other-q", CMH), "voice-of-the-child", "no");
    let other_theme = with_answer(reflection("r-pmh", PMH), "think-family", "no");
    let older = with_answer(reflection("r-1", CMH), "formal-diagnosis", "older words");
    // The current reflection is also in the history once it has been saved.
    let current = with_answer(reflection("r-now", CMH), "formal-diagnosis", "mine now");
    let mut app = app_with_history(vec![
        current.clone(),
        newer,
        blank,
        other_question,
        other_theme,
        older,
    ]);
    open_with(&mut app, current, false, true, false);
    let key = key_of(&app, "formal-diagnosis");
    let found: Vec<(&str, &str)> = app
        .earlier_answers(&key)
        .into_iter()
        .map(|(r, a)| (r.id.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![("r-2", "newer words"), ("r-1", "older words")],
        "newest first, no blanks, not the open reflection"
    );
    assert!(
        app.earlier_answers(&key_of(&app, "interim-support"))
            .is_empty()
    );
}

#[test]
fn earlier_answers_without_a_session_include_every_reflection() {
    let app = app_with_history(vec![with_answer(
        reflection("r-1", CMH),
        "formal-diagnosis",
        "words",
    )]);
    assert_eq!(
        app.earlier_answers(&format!("{PACK}/{CMH}/formal-diagnosis"))
            .len(),
        1
    );
}
