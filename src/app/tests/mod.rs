//! Unit tests of the pure `update`: every action, and every command a user
//! can give, with a clock that only moves when a test moves it.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::content::{Layer, Question};
use crate::store::{Action as ActionItem, Answer};

const PACK: &str = "panel-2023-24";
const CMH: &str = "child-mental-health";
const PMH: &str = "parental-mental-health";
const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The practitioner questions of child-mental-health, in pack order.
const CMH_PRACTITIONER: [&str; 4] = [
    "formal-diagnosis",
    "voice-of-the-child",
    "mental-capacity-and-consent",
    "interim-support",
];

fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("fixed clock")
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

fn app() -> App {
    App::new(library(), Vec::new(), Audience::Practitioner, t0())
}

fn app_with_history(history: Vec<Reflection>) -> App {
    App::new(library(), history, Audience::Practitioner, t0())
}

fn key_of(app: &App, question: &str) -> String {
    let theme = app
        .session
        .as_ref()
        .map_or(CMH.to_owned(), |s| s.reflection.theme.clone());
    format!("{PACK}/{theme}/{question}")
}

fn question_text(library: &Library, theme: &str, id: &str) -> String {
    library
        .pack(PACK)
        .and_then(|p| p.theme(theme))
        .and_then(|t| t.question(id))
        .map(|q| q.text.clone())
        .expect("question in the built-in pack")
}

fn reflection(id: &str, theme: &str) -> Reflection {
    Reflection::new(id, t0(), PACK, theme, Audience::Practitioner)
}

fn with_answer(mut r: Reflection, question: &str, text: &str) -> Reflection {
    let key = format!("{}/{}/{question}", r.pack, r.theme);
    let updated = r.updated;
    r.answer_mut_or_insert(&key, "wording at the time", updated)
        .text = text.to_owned();
    r
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, NONE)
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, modifiers)))
}

fn ch(app: &mut App, c: char) -> Vec<Effect> {
    let modifiers = if c.is_uppercase() { SHIFT } else { NONE };
    press_with(app, KeyCode::Char(c), modifiers)
}

/// Types text as a terminal sends it, one key press per character.
fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(match c {
            '\n' => press(app, KeyCode::Enter),
            c => ch(app, c),
        });
    }
    effects
}

fn open_with(app: &mut App, r: Reflection, read_only: bool, resumed: bool, show_review: bool) {
    let effects = update(
        app,
        Action::SessionOpened(OpenedSession {
            reflection: r,
            read_only,
            resumed,
            show_review,
        }),
    );
    assert!(effects.is_empty(), "opening the first session: {effects:?}");
}

/// Opens a fresh child-mental-health reflection, as the runtime would.
fn open(app: &mut App) {
    open_with(app, reflection("r-now", CMH), false, false, false);
}

fn session(app: &App) -> &Session {
    app.session.as_ref().expect("a session is open")
}

fn editor_text(app: &App) -> String {
    session(app).answer_editor.lines().join("\n")
}

fn answer<'a>(app: &'a App, question: &str) -> Option<&'a Answer> {
    session(app).reflection.answer(&key_of(app, question))
}

/// The runtime reports the latest save done.
fn ack(app: &mut App) {
    let edits = session(app).edits;
    let id = session(app).reflection.id.clone();
    assert!(update(app, Action::Saved { id, edits }).is_empty());
}

fn saves(effects: &[Effect]) -> Vec<(&Reflection, u64)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save { reflection, edits } => Some((reflection.as_ref(), *edits)),
            _ => None,
        })
        .collect()
}

fn is_save(effect: &Effect) -> bool {
    matches!(effect, Effect::Save { .. })
}

fn status_text(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_is_error(app: &App) -> bool {
    app.status.as_ref().is_some_and(|s| s.is_error)
}

// ---------------------------------------------------------------- home

#[test]
fn a_new_app_starts_on_home_with_the_themes_focused() {
    let app = app();
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home_focus, HomeFocus::Themes);
    assert_eq!(app.mode(), Mode::Home);
    assert_eq!(app.library.themes().count(), 3);
    assert!(app.session.is_none());
}

#[test]
fn home_j_k_and_arrows_move_through_themes_and_stop_at_the_ends() {
    let mut app = app();
    assert!(press(&mut app, KeyCode::Char('j')).is_empty());
    assert_eq!(app.selected_theme, 1);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 2);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 2, "stops at the last theme");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_theme, 1);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_theme, 0);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_theme, 0, "stops at the first theme");
    let (_, theme) = app.selected().expect("a theme");
    assert_eq!(theme.id, CMH);
}

#[test]
fn home_tab_does_not_focus_an_empty_list_of_reflections() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Themes);
}

#[test]
fn home_tab_switches_between_themes_and_reflections() {
    let mut app = app_with_history(vec![
        reflection("r2", PMH),
        reflection("r1", CMH),
        reflection("r0", CMH),
    ]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Reflections);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_reflection, 2, "stops at the last reflection");
    assert_eq!(app.selected_theme, 0, "themes did not move");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_reflection, 1);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_reflection, 0);
    press_with(&mut app, KeyCode::BackTab, SHIFT);
    assert_eq!(app.home_focus, HomeFocus::Themes);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Themes);
}

#[test]
fn home_enter_opens_the_selected_theme() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    app.scroll = 7;
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    assert_eq!(app.screen, Screen::Theme);
    assert_eq!(app.mode(), Mode::Theme);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.selected().expect("theme").1.id, PMH);
}

#[test]
fn home_enter_on_an_empty_library_stays_home() {
    let mut app = App::new(Library::default(), Vec::new(), Audience::Practitioner, t0());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn home_enter_on_a_past_reflection_asks_for_exactly_that_reflection() {
    let mut old = reflection("r-old", PMH);
    old.audience = Audience::Leader;
    let mut app = app_with_history(vec![reflection("r-new", CMH), old]);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::OpenSession(SessionRequest {
            pack: PACK.into(),
            theme: PMH.into(),
            audience: Audience::Leader,
            resume: true,
            id: Some("r-old".into()),
        })]
    );
    assert_eq!(app.screen, Screen::Home, "waits for the runtime");
}

#[test]
fn a_past_reflection_opens_on_its_review_and_esc_goes_to_the_walkthrough() {
    let mut app = app_with_history(vec![reflection("r-old", PMH)]);
    open_with(&mut app, reflection("r-old", PMH), false, true, true);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(
        app.selected_theme, 1,
        "home selection follows the reflection"
    );
    assert_eq!(status_text(&app), "Carrying on where you stopped.");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
}

#[test]
fn home_q_quits_at_once() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(app.quitting);
}

#[test]
fn a_command_clears_the_status_line_outside_the_editor() {
    let mut app = app();
    update(&mut app, Action::SessionFailed("could not lock".into()));
    assert_eq!(status_text(&app), "could not lock");
    assert!(status_is_error(&app));
    press(&mut app, KeyCode::Down);
    assert!(app.status.is_none());
}

// ---------------------------------------------------------------- theme

#[test]
fn theme_a_switches_audience_both_ways_and_scrolls_to_top() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, 1);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.audience, Audience::Leader);
    assert_eq!(app.scroll, 0);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.scroll, 0, "no scrolling above the top");
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.audience, Audience::Practitioner);
}

#[test]
fn theme_esc_goes_home() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn theme_enter_asks_to_resume_for_the_chosen_audience() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::OpenSession(SessionRequest {
            pack: PACK.into(),
            theme: CMH.into(),
            audience: Audience::Leader,
            resume: true,
            id: None,
        })]
    );
}

#[test]
fn theme_capital_n_asks_for_a_new_reflection() {
    for modifiers in [SHIFT, NONE] {
        let mut app = app();
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        let effects = press_with(&mut app, KeyCode::Char('N'), modifiers);
        assert_eq!(
            effects,
            vec![Effect::OpenSession(SessionRequest {
                pack: PACK.into(),
                theme: PMH.into(),
                audience: Audience::Practitioner,
                resume: false,
                id: None,
            })],
            "N with {modifiers:?}"
        );
    }
}

#[test]
fn theme_enter_goes_straight_back_to_an_open_matching_session() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc); // leave the editor
    press(&mut app, KeyCode::Esc); // back to the theme
    assert_eq!(app.screen, Screen::Theme);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Answer);
    assert_eq!(app.mode(), Mode::Editor);
}

#[test]
fn theme_enter_for_the_other_audience_asks_for_a_session() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "draft");
    let left = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&left).len(), 1, "leaving the editor saves");
    ack(&mut app);
    assert!(press(&mut app, KeyCode::Esc).is_empty(), "nothing to save");
    assert_eq!(app.screen, Screen::Theme);
    press(&mut app, KeyCode::Char('a'));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1, "{effects:?}");
    assert!(
        matches!(&effects[0], Effect::OpenSession(r) if r.audience == Audience::Leader && r.theme == CMH && r.resume)
    );
}

/// Types into a fresh session and leaves the editor (which saves); `more`
/// Esc presses later, that save fails: the one way to be outside the editor
/// with something unsaved.
fn unsaved_after_a_failed_save(app: &mut App, more: usize) {
    open(app);
    type_text(app, "draft");
    assert_eq!(saves(&press(app, KeyCode::Esc)).len(), 1);
    for _ in 0..more {
        assert!(press(app, KeyCode::Esc).is_empty(), "the save is in flight");
    }
    update(
        app,
        Action::SaveFailed {
            id: "r-now".into(),
            error: "disk full".into(),
        },
    );
    assert!(session(app).is_dirty());
}

#[test]
fn theme_n_with_unsaved_text_saves_first() {
    let mut app = app();
    unsaved_after_a_failed_save(&mut app, 1);
    assert_eq!(app.screen, Screen::Theme);
    let effects = press_with(&mut app, KeyCode::Char('N'), SHIFT);
    assert_eq!(effects.len(), 2, "{effects:?}");
    match &effects[0] {
        Effect::Save { reflection, .. } => assert_eq!(
            reflection
                .answer(&key_of(&app, CMH_PRACTITIONER[0]))
                .expect("answer")
                .text,
            "draft"
        ),
        other => panic!("expected a save first, got {other:?}"),
    }
    assert!(matches!(&effects[1], Effect::OpenSession(r) if !r.resume && r.theme == CMH));
}

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
    assert_eq!(session(&app).save, SaveState::Saved);
    assert_eq!(status_text(&app), "Carrying on where you stopped.");
    assert!(!status_is_error(&app));
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
    let mut app = app();
    open(&mut app);
    let effects = update(
        &mut app,
        Action::SessionOpened(OpenedSession {
            reflection: reflection("r-other", PMH),
            read_only: false,
            resumed: false,
            show_review: false,
        }),
    );
    assert_eq!(effects, vec![Effect::CloseSession { id: "r-now".into() }]);
    assert_eq!(session(&app).reflection.id, "r-other");
    // The same reflection again is not released.
    let again = update(
        &mut app,
        Action::SessionOpened(OpenedSession {
            reflection: reflection("r-other", PMH),
            read_only: false,
            resumed: true,
            show_review: false,
        }),
    );
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
    let mut app = app();
    open(&mut app);
    let effects = type_text(&mut app, "I check the GP record.");
    assert!(
        effects.is_empty(),
        "typing never saves at once: {effects:?}"
    );
    let a = answer(&app, CMH_PRACTITIONER[0]).expect("answer stored");
    assert_eq!(a.text, "I check the GP record.");
    assert_eq!(
        a.question_text,
        question_text(&app.library, CMH, CMH_PRACTITIONER[0])
    );
    assert_eq!(a.updated, t0());
    assert!(!a.flagged);
    let s = session(&app);
    assert_eq!(s.save, SaveState::Unsaved);
    assert!(s.is_dirty());
    assert_eq!(s.edits, "I check the GP record.".chars().count() as u64);
    assert_eq!(s.last_edit, Some(t0()));
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
    let a = answer(&app, CMH_PRACTITIONER[0]).expect("answer");
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
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "one\ntwo");
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[0]).expect("answer").text,
        "one\ntwo"
    );
}

#[test]
fn backspace_edits_and_an_emptied_answer_is_kept_empty() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "ab");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(answer(&app, CMH_PRACTITIONER[0]).expect("a").text, "a");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(answer(&app, CMH_PRACTITIONER[0]).expect("a").text, "");
}

#[test]
fn letters_that_are_commands_elsewhere_are_text_in_the_editor() {
    let mut app = app();
    open(&mut app);
    let effects = type_text(&mut app, "qfnaerjk? N");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!app.quitting);
    assert!(!app.help_open);
    assert!(!app.earlier_open);
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Answer);
    let a = answer(&app, CMH_PRACTITIONER[0]).expect("answer");
    assert_eq!(a.text, "qfnaerjk? N");
    assert!(!a.flagged);
    // '?' as some terminals send it, with Shift.
    press_with(&mut app, KeyCode::Char('?'), SHIFT);
    assert!(!app.help_open);
    assert_eq!(editor_text(&app), "qfnaerjk? N?");
}

#[test]
fn f1_does_not_open_help_inside_the_editor() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::F(1));
    assert!(!app.help_open);
}

#[test]
fn tab_moves_to_the_next_question_and_saves() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "first");
    let edits = session(&app).edits;
    let effects = press(&mut app, KeyCode::Tab);
    let saved = saves(&effects);
    assert_eq!(effects.len(), 1, "{effects:?}");
    assert_eq!(saved[0].1, edits);
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
    assert_eq!(s.save, SaveState::Saving);
    assert_eq!(s.last_save_attempt, Some(t0()));
    assert_eq!(editor_text(&app), "", "the next question's answer");
}

#[test]
fn tab_without_changes_does_not_save() {
    let mut app = app();
    open(&mut app);
    let effects = press(&mut app, KeyCode::Tab);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(session(&app).question, 1);
}

#[test]
fn shift_tab_goes_back_with_the_earlier_answer_in_the_editor() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "first");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "second");
    let effects = press_with(&mut app, KeyCode::BackTab, SHIFT);
    assert_eq!(saves(&effects).len(), 1, "{effects:?}");
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "first");
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[1]).expect("second").text,
        "second"
    );
    // BackTab without Shift (as some terminals send it) and at the first question.
    let effects = press_with(&mut app, KeyCode::BackTab, NONE);
    assert!(effects.is_empty());
    assert_eq!(session(&app).question, 0, "stays at the first question");
}

#[test]
fn tab_on_the_last_question_opens_the_review() {
    let mut app = app();
    open(&mut app);
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
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[3]).expect("last").text,
        "last"
    );
}

#[test]
fn esc_leaves_the_editor_and_saves_what_is_unsaved() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "x");
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(session(&app).focus, Focus::Browse);
    assert_eq!(app.mode(), Mode::Walkthrough);
    assert_eq!(app.screen, Screen::Walkthrough);
    // Nothing unsaved: no second save.
    press(&mut app, KeyCode::Enter);
    assert_eq!(session(&app).focus, Focus::Answer);
    update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits: 1,
        },
    );
    assert!(press(&mut app, KeyCode::Esc).is_empty());
}

#[test]
fn browsing_keys_move_between_questions() {
    let mut app = app();
    open(&mut app);
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
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    app.scroll = 4;
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Theme);
    assert_eq!(app.scroll, 0);
    assert!(app.session.is_some(), "the session stays open");
}

#[test]
fn undo_and_redo_in_the_editor() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "ab");
    let edits = session(&app).edits;
    press_with(&mut app, KeyCode::Char('z'), CTRL);
    assert_eq!(editor_text(&app), "a");
    assert_eq!(answer(&app, CMH_PRACTITIONER[0]).expect("a").text, "a");
    assert_eq!(session(&app).edits, edits + 1, "an undo is an edit");
    press_with(&mut app, KeyCode::Char('y'), CTRL);
    assert_eq!(answer(&app, CMH_PRACTITIONER[0]).expect("a").text, "ab");
    // Nothing left to redo: no edit recorded.
    let before = session(&app).edits;
    press_with(&mut app, KeyCode::Char('y'), CTRL);
    assert_eq!(session(&app).edits, before);
}

#[test]
fn f_toggles_the_flag_and_saves() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    let effects = press(&mut app, KeyCode::Char('f'));
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1);
    let key = key_of(&app, CMH_PRACTITIONER[0]);
    assert!(saved[0].0.answer(&key).expect("flagged answer").flagged);
    let a = answer(&app, CMH_PRACTITIONER[0]).expect("flag stored");
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
    assert!(!answer(&app, CMH_PRACTITIONER[0]).expect("kept").flagged);
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
    let s = session(&app);
    assert_eq!(s.reflection.notes, "earlier note\nline two");
    assert_eq!(s.save, SaveState::Unsaved);
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
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "n");
    press(&mut app, KeyCode::Tab);
    assert_eq!(session(&app).question, 1);
    assert_eq!(session(&app).focus, Focus::Answer);
    type_text(&mut app, "answer");
    assert_eq!(session(&app).reflection.notes, "n");
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[1]).expect("answer").text,
        "answer"
    );
}

#[test]
fn e_opens_earlier_answers_and_esc_closes_them() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    assert!(app.earlier_open);
    assert_eq!(app.mode(), Mode::Earlier);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(session(&app).question, 0, "keys below the overlay wait");
    press(&mut app, KeyCode::Esc);
    assert!(!app.earlier_open);
    assert_eq!(app.screen, Screen::Walkthrough);
}

#[test]
fn a_and_r_open_actions_and_review_from_the_walkthrough() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.screen, Screen::Actions);
    assert_eq!(app.mode(), Mode::Actions);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
    app.scroll = 3;
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.scroll, 0);
}

// ---------------------------------------------------------------- actions

fn on_actions(app: &mut App) {
    open(app);
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('a'));
    assert_eq!(app.screen, Screen::Actions);
}

fn add_action(app: &mut App, text: &str, due: &str) -> Vec<Effect> {
    press(app, KeyCode::Char('a'));
    type_text(app, text);
    press(app, KeyCode::Enter);
    type_text(app, due);
    press(app, KeyCode::Enter)
}

#[test]
fn adding_an_action_asks_for_text_then_a_due_date() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.mode(), Mode::LineInput);
    let input = app.line_input.as_ref().expect("line input");
    assert_eq!(input.prompt, "New action");
    assert_eq!(input.pending_text, None);
    // Letters that are commands elsewhere, a space and capitals are all text.
    type_text(&mut app, "Ask the GP? qjad x");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.line_input.as_ref().expect("input").text,
        "Ask the GP? qjad"
    );
    assert!(!app.quitting && !app.help_open);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    let input = app.line_input.as_ref().expect("due-date prompt");
    assert_eq!(input.prompt, "Due date (YYYY-MM-DD), or Enter for none");
    assert_eq!(input.text, "");
    assert_eq!(input.pending_text.as_deref(), Some("Ask the GP? qjad"));
    assert!(
        session(&app).reflection.actions.is_empty(),
        "not added before the date"
    );
    type_text(&mut app, "2026-12-31");
    let effects = press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_none());
    let actions = &session(&app).reflection.actions;
    assert_eq!(
        actions,
        &vec![ActionItem {
            text: "Ask the GP? qjad".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 31),
            done: false,
        }]
    );
    assert_eq!(saves(&effects).len(), 1, "{effects:?}");
    assert_eq!(saves(&effects)[0].0.actions.len(), 1);
}

#[test]
fn a_bad_due_date_keeps_the_input_and_says_so() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Call school");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "next tuesday");
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    let input = app.line_input.as_ref().expect("input kept open");
    assert_eq!(input.text, "next tuesday", "what was typed is kept");
    assert_eq!(input.pending_text.as_deref(), Some("Call school"));
    assert_eq!(input.prompt, "Due date (YYYY-MM-DD), or Enter for none");
    assert!(status_is_error(&app));
    assert!(
        status_text(&app).contains("not a date"),
        "{}",
        status_text(&app)
    );
    assert!(session(&app).reflection.actions.is_empty());
    // 31 February is not a date either.
    for _ in 0.."next tuesday".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-02-31");
    press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_some());
    assert!(session(&app).reflection.actions.is_empty());
    // Cleared, Enter adds it without a date.
    for _ in 0.."2027-02-31".len() {
        press(&mut app, KeyCode::Backspace);
    }
    let effects = press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_none());
    assert_eq!(saves(&effects).len(), 1);
    let actions = &session(&app).reflection.actions;
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, "Call school");
    assert_eq!(actions[0].due, None);
}

#[test]
fn an_empty_due_date_adds_the_action_without_one() {
    let mut app = app();
    on_actions(&mut app);
    let effects = add_action(&mut app, "Read the policy", "");
    assert_eq!(saves(&effects).len(), 1);
    assert_eq!(
        session(&app).reflection.actions,
        vec![ActionItem {
            text: "Read the policy".into(),
            due: None,
            done: false,
        }]
    );
    assert_eq!(session(&app).save, SaveState::Saving);
}

#[test]
fn an_empty_action_text_adds_nothing_and_esc_cancels() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Enter); // Enter also adds
    assert!(app.line_input.is_some());
    type_text(&mut app, "   ");
    press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_none());
    assert!(session(&app).reflection.actions.is_empty());
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "half");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2026");
    let effects = press(&mut app, KeyCode::Esc);
    assert!(effects.is_empty());
    assert!(app.line_input.is_none());
    assert!(session(&app).reflection.actions.is_empty());
    assert_eq!(app.screen, Screen::Actions, "Esc only closed the input");
}

#[test]
fn space_toggles_done_and_d_deletes() {
    let mut app = app();
    on_actions(&mut app);
    add_action(&mut app, "one", "");
    add_action(&mut app, "two", "2026-12-01");
    add_action(&mut app, "three", "");
    assert_eq!(app.selected_action, 2, "the new action is selected");
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_action, 0);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected_action, 1);
    let effects = press(&mut app, KeyCode::Char(' '));
    assert_eq!(saves(&effects).len(), 1);
    let done: Vec<bool> = session(&app)
        .reflection
        .actions
        .iter()
        .map(|a| a.done)
        .collect();
    assert_eq!(done, vec![false, true, false]);
    press(&mut app, KeyCode::Char(' '));
    assert!(!session(&app).reflection.actions[1].done);
    let effects = press(&mut app, KeyCode::Char('d'));
    assert_eq!(saves(&effects).len(), 1);
    let texts: Vec<&str> = session(&app)
        .reflection
        .actions
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(texts, vec!["one", "three"]);
    assert_eq!(app.selected_action, 1);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Delete);
    assert_eq!(session(&app).reflection.actions.len(), 1);
    assert_eq!(app.selected_action, 0, "selection stays on the list");
    press(&mut app, KeyCode::Char('d'));
    assert!(session(&app).reflection.actions.is_empty());
    // Nothing to toggle or delete now, and no save for nothing.
    ack(&mut app);
    assert!(press(&mut app, KeyCode::Char(' ')).is_empty());
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
}

#[test]
fn paste_into_the_line_input_is_one_line() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    update(&mut app, Action::Paste("call\r\nthe\rschool\n".into()));
    assert_eq!(
        app.line_input.as_ref().expect("input").text,
        "call the school "
    );
    assert!(
        answer(&app, CMH_PRACTITIONER[0]).is_none(),
        "not pasted into the answer"
    );
}

// ---------------------------------------------------------------- review

#[test]
fn review_x_exports_the_reflection_saving_first_when_needed() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "answer");
    // r opens the review from the walkthrough (after Esc, which saves).
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    let effects = press(&mut app, KeyCode::Char('x'));
    assert_eq!(effects.len(), 1, "nothing new to save: {effects:?}");
    match &effects[0] {
        Effect::Export(r) => {
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
    update(
        &mut app,
        Action::SaveFailed {
            id: "r-now".into(),
            error: "disk full".into(),
        },
    );
    let effects = press(&mut app, KeyCode::Char('x'));
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert!(is_save(&effects[0]));
    assert!(matches!(&effects[1], Effect::Export(_)));
}

fn session_mut(app: &mut App) -> &mut Session {
    app.session.as_mut().expect("a session is open")
}

#[test]
fn export_results_are_reported() {
    let mut app = app();
    let effects = update(
        &mut app,
        Action::Exported(std::path::PathBuf::from("/tmp/sheet.md")),
    );
    assert!(effects.is_empty());
    assert_eq!(
        status_text(&app),
        "Supervision sheet saved to /tmp/sheet.md"
    );
    assert!(!status_is_error(&app));
    update(&mut app, Action::ExportFailed("read-only folder".into()));
    assert_eq!(status_text(&app), "Could not export: read-only folder");
    assert!(status_is_error(&app));
}

#[test]
fn review_keys_scroll_and_lead_to_notes_actions_and_back() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, 0);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.screen, Screen::Actions);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Notes);
    type_text(&mut app, "from review");
    assert_eq!(session(&app).reflection.notes, "from review");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
}

// ---------------------------------------------------------------- paste

#[test]
fn paste_goes_into_the_focused_editor_with_line_endings_normalised() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "A: ");
    let effects = update(&mut app, Action::Paste("one\r\ntwo\rthree".into()));
    assert!(effects.is_empty());
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[0]).expect("answer").text,
        "A: one\ntwo\nthree"
    );
    assert_eq!(session(&app).save, SaveState::Unsaved);
    // Into the notes when they have the keyboard.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    update(&mut app, Action::Paste("n1\r\nn2".into()));
    assert_eq!(session(&app).reflection.notes, "n1\nn2");
    assert_eq!(
        answer(&app, CMH_PRACTITIONER[0]).expect("answer").text,
        "A: one\ntwo\nthree",
        "the answer is untouched"
    );
}

#[test]
fn paste_outside_an_editor_does_nothing() {
    let mut app = app();
    assert!(update(&mut app, Action::Paste("hello".into())).is_empty());
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    let edits = session(&app).edits;
    assert!(update(&mut app, Action::Paste("hello".into())).is_empty());
    assert_eq!(session(&app).edits, edits);
    assert!(session(&app).reflection.answers.is_empty());
    assert_eq!(editor_text(&app), "");
}

// ---------------------------------------------------------------- quitting

#[test]
fn q_quits_outside_the_editor_saving_first() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "q");
    assert!(!app.quitting, "q is a letter in the editor");
    assert_eq!(editor_text(&app), "q");
    // Leaving saves; then nothing is unsaved and q just quits.
    let left = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&left).len(), 1);
    let effects = press(&mut app, KeyCode::Char('q'));
    assert_eq!(effects, vec![Effect::Quit]);
    assert!(app.quitting);
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
        let mut app = app();
        open(&mut app);
        type_text(&mut app, "unsaved words");
        let edits = session(&app).edits;
        let effects = press_with(&mut app, KeyCode::Char(c), CTRL);
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
        assert!(app.quitting);
        assert_eq!(editor_text(&app), "unsaved words", "Ctrl-{c} typed nothing");
    }
}

#[test]
fn ctrl_q_quits_from_everywhere() {
    // Home, help, theme, earlier answers, actions with the line input open, review.
    let mut home = app();
    assert_eq!(
        press_with(&mut home, KeyCode::Char('q'), CTRL),
        vec![Effect::Quit]
    );

    let mut help = app();
    press(&mut help, KeyCode::Char('?'));
    assert_eq!(
        press_with(&mut help, KeyCode::Char('c'), CTRL),
        vec![Effect::Quit]
    );

    let mut theme = app();
    press(&mut theme, KeyCode::Enter);
    assert_eq!(
        press_with(&mut theme, KeyCode::Char('q'), CTRL),
        vec![Effect::Quit]
    );

    let mut earlier = app();
    open(&mut earlier);
    press(&mut earlier, KeyCode::Esc);
    press(&mut earlier, KeyCode::Char('e'));
    assert_eq!(
        press_with(&mut earlier, KeyCode::Char('q'), CTRL),
        vec![Effect::Quit]
    );

    let mut line = app();
    on_actions(&mut line);
    press(&mut line, KeyCode::Char('a'));
    type_text(&mut line, "half typed");
    assert_eq!(
        press_with(&mut line, KeyCode::Char('c'), CTRL),
        vec![Effect::Quit]
    );
    assert_eq!(
        line.line_input.as_ref().expect("input").text,
        "half typed",
        "Ctrl-C is not text"
    );

    let mut review = app();
    open(&mut review);
    press(&mut review, KeyCode::Esc);
    press(&mut review, KeyCode::Char('r'));
    assert_eq!(
        press_with(&mut review, KeyCode::Char('q'), CTRL),
        vec![Effect::Quit]
    );
}

#[test]
fn q_in_help_does_not_quit() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert!(!app.quitting, "q in help does not quit");
    assert!(app.help_open);
}

// ---------------------------------------------------------------- help

#[test]
fn question_mark_opens_help_and_esc_closes_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    assert_eq!(app.mode(), Mode::Help);
    // Keys under the overlay do nothing while it is open.
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 0);
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open);
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
        assert!(app.help_open, "{open_code:?}");
        press(&mut app, close);
        assert!(!app.help_open, "{close:?}");
        assert_eq!(app.screen, Screen::Theme);
    }
}

#[test]
fn help_opens_from_every_screen_outside_the_editor() {
    let mut app = app();
    open(&mut app);
    press(&mut app, KeyCode::Esc);
    for (go, expected) in [
        (None, Screen::Walkthrough),
        (Some('a'), Screen::Actions),
        (Some('r'), Screen::Review),
    ] {
        if let Some(c) = go {
            press(&mut app, KeyCode::Char(c));
        }
        assert_eq!(app.screen, expected);
        press(&mut app, KeyCode::Char('?'));
        assert!(app.help_open, "{:?}", app.screen);
        press(&mut app, KeyCode::Esc);
        assert!(!app.help_open);
        assert_eq!(app.screen, expected, "closing help stays on the screen");
        if go.is_some() {
            press(&mut app, KeyCode::Esc); // back to the walkthrough
        }
    }
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open, "from the earlier answers");
    press(&mut app, KeyCode::Esc);
    assert!(app.earlier_open, "closing help leaves the overlay below");
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
        assert!(!app.help_open && !app.quitting, "{kind:?}");

        open(&mut app);
        update(&mut app, with_kind(KeyCode::Char('x'), NONE));
        update(&mut app, with_kind(KeyCode::Tab, NONE));
        update(&mut app, with_kind(KeyCode::Esc, NONE));
        let s = session(&app);
        assert_eq!(editor_text(&app), "", "{kind:?}");
        assert_eq!((s.question, s.focus), (0, Focus::Answer), "{kind:?}");
        assert_eq!(s.edits, 0);
    }
}

// ---------------------------------------------------------------- autosave

#[test]
fn autosave_waits_for_a_second_of_quiet_then_saves_once() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "abc");
    let edits = session(&app).edits;
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(500))).is_empty());
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(999))).is_empty());
    assert_eq!(session(&app).save, SaveState::Unsaved);
    assert_eq!(
        app.now,
        t0() + Duration::milliseconds(999),
        "the clock moved"
    );
    let at_one_second = t0() + Duration::seconds(1);
    let effects = update(&mut app, Action::Tick(at_one_second));
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
    assert_eq!(session(&app).save, SaveState::Saving);
    assert_eq!(session(&app).last_save_attempt, Some(at_one_second));
    // While saving, and after, ticks ask for nothing more.
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(2))).is_empty());
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(30))).is_empty());
}

#[test]
fn typing_again_restarts_the_quiet_second() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "a");
    update(&mut app, Action::Tick(t0() + Duration::milliseconds(800)));
    type_text(&mut app, "b");
    assert!(update(&mut app, Action::Tick(t0() + Duration::milliseconds(1500))).is_empty());
    assert_eq!(
        saves(&update(
            &mut app,
            Action::Tick(t0() + Duration::milliseconds(1800))
        ))
        .len(),
        1
    );
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
    let after = update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits,
        },
    );
    assert!(after.is_empty());
    assert_eq!(session(&app).save, SaveState::Saved);
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
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "a");
    let first = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    type_text(&mut app, "b"); // at t0 + 1 s
    assert_eq!(session(&app).save, SaveState::Unsaved);
    update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits: first,
        },
    );
    assert_eq!(session(&app).save, SaveState::Unsaved, "stale save");
    let again = update(&mut app, Action::Tick(t0() + Duration::seconds(2)));
    let saved = saves(&again);
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].1, first + 1);
}

#[test]
fn a_stale_save_while_a_newer_one_is_in_flight_leaves_it_unsaved() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "a");
    let first = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    type_text(&mut app, "b");
    let second = saves(&press(&mut app, KeyCode::Esc))[0].1;
    assert_eq!(session(&app).save, SaveState::Saving);
    update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits: first,
        },
    );
    assert_ne!(session(&app).save, SaveState::Saved);
    update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits: second,
        },
    );
    assert_eq!(session(&app).save, SaveState::Saved);
}

#[test]
fn a_save_for_another_reflection_changes_nothing() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "a");
    let edits = session(&app).edits;
    update(
        &mut app,
        Action::Saved {
            id: "someone-else".into(),
            edits,
        },
    );
    assert_eq!(session(&app).save, SaveState::Unsaved);
    assert!(app.history.is_empty());
}

#[test]
fn a_failed_save_is_shown_kept_and_retried_after_five_seconds() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "precious");
    let edits = saves(&update(&mut app, Action::Tick(t0() + Duration::seconds(1))))[0].1;
    let effects = update(
        &mut app,
        Action::SaveFailed {
            id: "r-now".into(),
            error: "No space left on device".into(),
        },
    );
    assert!(effects.is_empty());
    assert_eq!(
        session(&app).save,
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
    assert_eq!(session(&app).save, SaveState::Saving);
    assert!(
        update(&mut app, Action::Tick(t0() + Duration::seconds(7))).is_empty(),
        "one retry at a time"
    );
}

#[test]
fn a_failed_save_is_saved_again_on_quit() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "precious");
    update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    update(
        &mut app,
        Action::SaveFailed {
            id: "r-now".into(),
            error: "Permission denied".into(),
        },
    );
    let effects = press_with(&mut app, KeyCode::Char('q'), CTRL);
    assert_eq!(effects.len(), 2, "{effects:?}");
    assert!(is_save(&effects[0]));
    assert_eq!(effects[1], Effect::Quit);
}

#[test]
fn a_successful_retry_clears_the_could_not_save_message() {
    let mut app = app();
    open(&mut app);
    type_text(&mut app, "precious");
    update(&mut app, Action::Tick(t0() + Duration::seconds(1)));
    update(
        &mut app,
        Action::SaveFailed {
            id: "r-now".into(),
            error: "No space left on device".into(),
        },
    );
    let retry = update(&mut app, Action::Tick(t0() + Duration::seconds(6)));
    let edits = saves(&retry)[0].1;
    update(
        &mut app,
        Action::Saved {
            id: "r-now".into(),
            edits,
        },
    );
    assert_eq!(session(&app).save, SaveState::Saved);
    assert!(
        !status_text(&app).contains("Could not save"),
        "the status line still says {:?} after the retry saved",
        status_text(&app)
    );
}

// ---------------------------------------------------------------- read-only

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
    effects.extend(press_with(&mut app, KeyCode::Char('z'), CTRL));
    effects.extend(press(&mut app, KeyCode::Esc));
    effects.extend(press(&mut app, KeyCode::Tab));
    effects.extend(press(&mut app, KeyCode::Char('a')));
    assert_eq!(app.screen, Screen::Actions);
    effects.extend(press(&mut app, KeyCode::Char('a')));
    assert!(app.line_input.is_none(), "no new action");
    effects.extend(press(&mut app, KeyCode::Enter));
    assert!(app.line_input.is_none(), "no new action");
    effects.extend(press(&mut app, KeyCode::Char(' ')));
    effects.extend(press(&mut app, KeyCode::Char('d')));
    effects.extend(update(&mut app, Action::Tick(t0() + Duration::seconds(60))));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(session(&app).reflection, before, "nothing changed");
    assert_eq!(session(&app).edits, 0);
    assert!(!session(&app).is_dirty());
}

#[test]
fn a_read_only_session_never_saves_even_when_marked_dirty() {
    let mut app = app();
    open_read_only(&mut app);
    session_mut(&mut app).mark_edited(t0());
    assert!(update(&mut app, Action::Tick(t0() + Duration::seconds(60))).is_empty());
    assert!(press(&mut app, KeyCode::Tab).is_empty());
    assert_eq!(
        press_with(&mut app, KeyCode::Char('q'), CTRL),
        vec![Effect::Quit]
    );
}

#[test]
fn a_read_only_session_can_still_be_read_and_exported() {
    let mut app = app();
    open_read_only(&mut app);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(session(&app).question, 0);
    assert_eq!(editor_text(&app), "theirs");
    press(&mut app, KeyCode::Char('e'));
    assert!(app.earlier_open);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('r'));
    let effects = press(&mut app, KeyCode::Char('x'));
    assert!(matches!(effects.as_slice(), [Effect::Export(r)] if r.id == "r-locked"));
}

// ---------------------------------------------------------------- content reload

fn cmh_mut(library: &mut Library) -> &mut crate::content::Theme {
    library
        .packs
        .iter_mut()
        .find(|p| p.id == PACK)
        .and_then(|p| p.themes.iter_mut().find(|t| t.id == CMH))
        .expect("child-mental-health")
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
    let mut reordered = app.library.clone();
    cmh_mut(&mut reordered).questions.reverse();
    let effects = update(&mut app, Action::ContentReloaded(Box::new(reordered)));
    assert!(effects.is_empty());
    let ids = practitioner_ids(&app);
    assert_eq!(ids[0], "interim-support", "the reload took effect");
    let s = session(&app);
    assert_eq!(ids[s.question], "voice-of-the-child");
    assert_eq!(editor_text(&app), "draft");
    assert_eq!(s.focus, Focus::Answer);
    assert_eq!(s.save, SaveState::Unsaved, "still to be saved");
    type_text(&mut app, "!");
    assert_eq!(
        answer(&app, "voice-of-the-child").expect("answer").text,
        "draft!"
    );
}

#[test]
fn reload_keeps_the_current_question_when_others_are_removed() {
    let mut app = app();
    at_second_question_with_draft(&mut app);
    let mut fewer = app.library.clone();
    cmh_mut(&mut fewer)
        .questions
        .retain(|q| q.id != "formal-diagnosis");
    update(&mut app, Action::ContentReloaded(Box::new(fewer)));
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
    let mut reworded = app.library.clone();
    let q: &mut Question = cmh_mut(&mut reworded)
        .questions
        .iter_mut()
        .find(|q| q.id == "voice-of-the-child")
        .expect("question");
    q.text = "A new wording?".into();
    update(&mut app, Action::ContentReloaded(Box::new(reworded)));
    assert_eq!(session(&app).question, 1);
    assert_eq!(
        answer(&app, "voice-of-the-child")
            .expect("answer")
            .question_text,
        old_wording,
        "not rewritten until the answer changes"
    );
    type_text(&mut app, ".");
    assert_eq!(
        answer(&app, "voice-of-the-child")
            .expect("answer")
            .question_text,
        "A new wording?"
    );
}

#[test]
fn reload_that_removes_the_current_question_stays_within_the_questions() {
    let mut app = app();
    open(&mut app);
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    let mut fewer = app.library.clone();
    cmh_mut(&mut fewer)
        .questions
        .retain(|q| q.id != "interim-support" && q.id != "formal-diagnosis");
    update(&mut app, Action::ContentReloaded(Box::new(fewer)));
    let s = session(&app);
    assert_eq!(s.questions(&app.library).len(), 2);
    assert_eq!(s.question, 1, "clamped to the last question");
    assert!(s.current_question(&app.library).is_some());
}

#[test]
fn reload_that_removes_the_current_question_does_not_overwrite_another_answer() {
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
    let mut fewer = app.library.clone();
    cmh_mut(&mut fewer)
        .questions
        .retain(|q| q.id != "voice-of-the-child");
    update(&mut app, Action::ContentReloaded(Box::new(fewer)));
    type_text(&mut app, " more");
    assert_eq!(
        answer(&app, "mental-capacity-and-consent")
            .expect("kept")
            .text,
        "my answer about consent",
        "typing after the reload went into another question's answer"
    );
    assert!(
        answer(&app, "voice-of-the-child")
            .expect("kept")
            .text
            .starts_with("draft"),
        "the answer to the removed question is kept"
    );
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
fn history_loaded_replaces_the_list() {
    let mut app = app_with_history(vec![reflection("a", CMH)]);
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
