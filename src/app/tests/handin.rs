//! The review's hand-in parts: details, prompts, and earlier actions.

use super::*;
use crate::store::{CodeTheme, Nature};

fn handin(app: &App) -> &crate::store::Handin {
    session(app).reflection.handin()
}

#[test]
fn details_are_written_chosen_ticked_and_cleared_and_each_change_is_saved() {
    let mut app = opened();
    on_review(&mut app);
    ch(&mut app, 'd');
    assert_eq!(app.mode(), Mode::Details);
    // The type of CPD is written in a line of its own.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::LineInput);
    type_text(&mut app, "  Reading a review  ");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects).len(), 1, "kept and saved: {effects:?}");
    ack(&mut app);
    assert_eq!(handin(&app).activity.as_deref(), Some("Reading a review"));
    assert_eq!(app.mode(), Mode::Details);
    // Peer reflection: not said, yes, no, not said.
    ch(&mut app, 'j');
    for expected in [Some(true), Some(false), None] {
        assert_eq!(saves(&ch(&mut app, ' ')).len(), 1);
        ack(&mut app);
        assert_eq!(handin(&app).peer, expected);
    }
    // The NMC's kinds of account in turn, then not said.
    for _ in 0..3 {
        ch(&mut app, 'j');
    }
    let mut seen = Vec::new();
    for _ in 0..4 {
        ch(&mut app, ' ');
        seen.push(handin(&app).nature);
    }
    assert_eq!(
        seen,
        [
            Some(Nature::Cpd),
            Some(Nature::Feedback),
            Some(Nature::Event),
            None
        ]
    );
    // A theme of the Code ticked, then cleared with Delete.
    ch(&mut app, 'j');
    ch(&mut app, 'j');
    ch(&mut app, ' ');
    assert_eq!(handin(&app).code_themes, [CodeTheme::PractiseEffectively]);
    press(&mut app, KeyCode::Delete);
    assert!(handin(&app).code_themes.is_empty());
    // The type of CPD written again, empty: cleared.
    for _ in 0..10 {
        ch(&mut app, 'k');
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.line_input.as_ref().map(LineInput::text).as_deref(),
        Some("Reading a review"),
        "the line holds what it says now"
    );
    for _ in 0.."Reading a review".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(handin(&app).activity, None);
    assert_eq!(
        session(&app).reflection.format,
        crate::store::reflection::FORMAT_VERSION
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Review);
}

#[test]
fn esc_while_writing_a_detail_keeps_what_it_said() {
    let mut app = opened();
    on_review(&mut app);
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "half");
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert_eq!(handin(&app).activity, None);
    assert_eq!(app.mode(), Mode::Details);
}

#[test]
fn a_read_only_reflection_changes_no_detail_and_no_prompts() {
    let mut app = app();
    open_with(&mut app, reflection("r-locked", CMH), true, false, true);
    ch(&mut app, 'd');
    assert!(ch(&mut app, ' ').is_empty() && ch(&mut app, 'j').is_empty());
    assert!(ch(&mut app, ' ').is_empty());
    assert!(handin(&app).is_empty());
    assert_eq!(status_text(&app), "This reflection is read-only here.");
    press(&mut app, KeyCode::Esc);
    assert!(ch(&mut app, 'p').is_empty());
    assert_eq!(session(&app).reflection.prompts(), None);
}

#[test]
fn p_goes_through_the_prompts_for_this_reflection_and_saves_the_choice() {
    let mut app = app();
    app.prompts_default = Some("gibbs".into());
    open(&mut app);
    assert_eq!(
        app.prompt_set().map(|s| s.id.as_str()),
        Some("gibbs"),
        "config.toml's"
    );
    on_review(&mut app);
    let effects = ch(&mut app, 'p');
    assert_eq!(saves(&effects)[0].0.prompts(), Some("none"));
    assert_eq!(app.prompt_set(), None);
    assert_eq!(
        status_text(&app),
        "No reflective prompts under the answer box."
    );
    ch(&mut app, 'p');
    assert_eq!(app.prompt_set().map(|s| s.id.as_str()), Some("driscoll"));
    assert_eq!(
        status_text(&app),
        "Reflective prompts: What? So what? Now what? (under the answer box)."
    );
}

fn earlier(id: &str, started: &str, actions: &[(&str, bool)]) -> Reflection {
    let mut r = Reflection::new(id, at(started), PACK, PMH, Audience::Practitioner);
    r.actions = actions
        .iter()
        .map(|(text, done)| ActionItem {
            text: (*text).to_owned(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
            done: *done,
        })
        .collect();
    r
}

#[test]
fn earlier_open_actions_are_marked_done_through_the_runtime() {
    let older = earlier(
        "r-old",
        "2026-11-01T09:00:00Z",
        &[("Call the school", false), ("Done already", true)],
    );
    let mut app = app_with_history(vec![older.clone()]);
    open(&mut app);
    let carried: Vec<String> = app
        .carried_actions()
        .iter()
        .map(|c| c.action.text.clone())
        .collect();
    assert_eq!(carried, ["Call the school"]);
    on_review(&mut app);
    ch(&mut app, 'm');
    assert_eq!(app.mode(), Mode::EarlierActions);
    let effects = ch(&mut app, ' ');
    match effects.as_slice() {
        [Effect::MarkEarlierDone { id, action }] => {
            assert_eq!(id, "r-old");
            assert_eq!(action.text, "Call the school");
        }
        other => panic!("expected a mark, got {other:?}"),
    }
    // Refused (another copy has it open): said, nothing changes.
    update(
        &mut app,
        Action::EarlierMarkFailed("Could not mark it done: open elsewhere".into()),
    );
    assert!(status_is_error(&app));
    assert_eq!(app.carried_actions().len(), 1);
    // Written: the action leaves the list, and the box closes.
    let mut written = older;
    written.actions[0].done = true;
    update(&mut app, Action::EarlierMarkedDone(Box::new(written)));
    assert!(app.carried_actions().is_empty());
    assert_eq!(app.mode(), Mode::Review);
    assert_eq!(
        status_text(&app),
        "Marked done in your reflection of 1 November 2026."
    );
    assert!(ch(&mut app, 'm').is_empty());
    assert_eq!(
        status_text(&app),
        "No open actions from earlier reflections."
    );
}

#[test]
fn only_reflections_started_earlier_carry_actions_forward() {
    let later = earlier(
        "r-later",
        "2026-11-30T09:00:00Z",
        &[("Not yet planned", false)],
    );
    let mut app = app_with_history(vec![later]);
    open(&mut app);
    assert!(app.carried_actions().is_empty());
}

#[test]
fn another_reflection_opening_closes_a_box_left_open_over_the_review() {
    let mut app = opened();
    on_review(&mut app);
    ch(&mut app, 'd');
    assert_eq!(app.mode(), Mode::Details);
    let other = reflection("r-other", PMH);
    update(&mut app, session_opened(other, false, false, true));
    assert_eq!(app.mode(), Mode::Review);
}

/// The same for a hand-in detail being written: Ctrl-Q keeps it.
#[test]
fn a_detail_being_written_is_kept_when_quitting() {
    let mut app = opened();
    on_review(&mut app);
    ch(&mut app, 'd');
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Peer taught me");
    let effects = ctrl(&mut app, 'q');
    let saved = saves(&effects);
    assert_eq!(saved.len(), 1, "{effects:?}");
    assert_eq!(
        saved[0].0.handin().activity.as_deref(),
        Some("Peer taught me")
    );
}
