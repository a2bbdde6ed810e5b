//! Flags, free notes and earlier answers from the walkthrough, and the
//! actions screen: adding, dating, ticking off and deleting actions.

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
        app.line_input.as_ref().expect("input").text(),
        "Ask the GP? qjad"
    );
    assert!(!app.quitting() && app.help.is_none());
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    let input = app.line_input.as_ref().expect("due-date prompt");
    assert_eq!(input.prompt, "Due date (YYYY-MM-DD), or Enter for none");
    assert_eq!(input.text(), "");
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
    assert_eq!(input.text(), "next tuesday", "what was typed is kept");
    assert_eq!(input.pending_text.as_deref(), Some("Call school"));
    assert_eq!(input.prompt, "Due date (YYYY-MM-DD), or Enter for none");
    assert!(status_is_error(&app));
    assert_status_says(&app, "not a date");
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
    assert_eq!(session(&app).autosave.state, SaveState::Saving);
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
        app.line_input.as_ref().expect("input").text(),
        "call the school "
    );
    assert!(
        answer(&mut app, CMH_PRACTITIONER[0]).is_none(),
        "not pasted into the answer"
    );
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
        press(&mut app, KeyCode::Enter);
        type_text(&mut app, typed);
        let effects = update(&mut app, Action::Terminate);
        let saved = saves(&effects);
        assert_eq!(saved.len(), 1, "{typed}: {effects:?}");
        let actions = &saved[0].0.actions;
        assert_eq!(actions.len(), 1, "{typed}");
        assert_eq!(
            (actions[0].text.as_str(), actions[0].due),
            ("Ring the school", due)
        );
    }
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
    assert_eq!(status_text(&app), "");
}

/// A tester made the window tiny ("Window too small") and pressed d on
/// the actions: an action was deleted unseen. Keys wait for a window
/// large enough to show what they do; quitting still works.
#[test]
fn keys_wait_while_the_window_is_too_small() {
    let mut app = app();
    on_actions(&mut app);
    add_action(&mut app, "keep me", "");
    ack(&mut app);
    update(&mut app, Action::Resize(20, 6));
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
    assert!(update(&mut app, Action::Paste("unseen".into())).is_empty());
    assert_eq!(session(&app).reflection.actions.len(), 1);
    assert_eq!(app.screen, Screen::Actions);
    assert_eq!(ctrl(&mut app, 'q').last(), Some(&Effect::Quit));
    let mut app = app_in_a_window(29, 30);
    assert!(app.window_too_small());
    update(&mut app, Action::Resize(30, 8));
    assert!(!app.window_too_small());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Theme, "keys act again");
}

fn app_in_a_window(width: u16, height: u16) -> App {
    let mut app = app();
    update(&mut app, Action::Resize(width, height));
    app
}
