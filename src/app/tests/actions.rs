//! The actions screen: adding an action (saved as it is typed), dating,
//! ticking off and deleting actions, and quitting with the input open.

use super::*;

const DUE_PROMPT: &str = "Due date (YYYY-MM-DD), or Enter for none; the action is kept";

/// Adds an action as a person would; the effects of every key.
fn add_action(app: &mut App, text: &str, due: &str) -> Vec<Effect> {
    let mut effects = press(app, KeyCode::Char('a'));
    effects.extend(type_text(app, text));
    effects.extend(press(app, KeyCode::Enter));
    effects.extend(type_text(app, due));
    effects.extend(press(app, KeyCode::Enter));
    effects
}

#[test]
fn adding_an_action_asks_for_text_then_a_due_date() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Char('a'));
    // Its keys are the date's: Esc keeps what is typed, with no date.
    assert_eq!(app.mode(), Mode::DueDate);
    let input = app.line_input.as_ref().expect("line input");
    assert_eq!(input.prompt, "New action");
    assert_eq!(input.purpose, LinePurpose::NewAction(None));
    // Letters that are commands elsewhere, a space and capitals are all text.
    type_text(&mut app, "Ask the GP? qjad x");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.line_input.as_ref().expect("input").text(),
        "Ask the GP? qjad"
    );
    assert!(!app.quitting() && app.help.is_none());
    // In the list as it is typed, to be saved like an answer.
    assert_eq!(session(&app).reflection.actions[0].text, "Ask the GP? qjad");
    assert!(session(&app).is_dirty());
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(saves(&effects).len(), 1, "saved before the date is asked");
    let input = app.line_input.as_ref().expect("due-date prompt");
    assert_eq!(input.prompt, DUE_PROMPT);
    assert_eq!(input.text(), "");
    assert_eq!(input.purpose, LinePurpose::DueDate(0));
    // Esc here keeps the action without a date: the footer says so.
    assert_eq!(app.mode(), Mode::DueDate);
    let footer = screen(&app).replace('\u{a0}', " ");
    assert!(footer.contains("Esc no date"), "{footer}");
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
    assert_eq!(input.purpose, LinePurpose::DueDate(0));
    assert_eq!(input.prompt, DUE_PROMPT);
    assert!(status_is_error(&app));
    assert_status_says(&app, "not a date");
    assert_eq!(session(&app).reflection.actions[0].due, None);
    // 31 February is not a date either.
    for _ in 0.."next tuesday".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-02-31");
    press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_some());
    assert_eq!(session(&app).reflection.actions[0].due, None);
    // Cleared, Enter keeps it without a date, and the complaint goes.
    for _ in 0.."2027-02-31".len() {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_none());
    assert!(app.status.is_none(), "{:?}", app.status);
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

/// Esc while the words are typed drops them; Esc at the date keeps the
/// action without one (a tester read it as "no date" and lost the action).
#[test]
fn an_empty_action_text_adds_nothing_and_esc_keeps_what_is_typed() {
    let mut app = app();
    on_actions(&mut app);
    press(&mut app, KeyCode::Enter); // Enter also adds
    assert!(app.line_input.is_some());
    type_text(&mut app, "   ");
    press(&mut app, KeyCode::Enter);
    assert!(app.line_input.is_none());
    assert!(session(&app).reflection.actions.is_empty());
    // A tester's stray Esc threw a typed action away, and the keys after
    // it acted on the list: Esc keeps it, with no date.
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "ring the school");
    let effects = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&effects)[0].0.actions[0].text, "ring the school");
    assert_status_says(&app, "kept, with no due date");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('Y'));
    assert!(
        session(&app).reflection.actions.is_empty(),
        "d, Y deletes it"
    );
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "half");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2026");
    press(&mut app, KeyCode::Esc);
    assert!(app.line_input.is_none());
    let actions = &session(&app).reflection.actions;
    assert_eq!((actions.len(), actions[0].text.as_str()), (1, "half"));
    assert_eq!(actions[0].due, None);
    assert_status_says(&app, "kept, with no due date");
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        },
        "Esc only closed the input"
    );
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
    assert!(press(&mut app, KeyCode::Char('d')).is_empty(), "asks first");
    assert_eq!(app.mode(), Mode::ConfirmDelete);
    let effects = press(&mut app, KeyCode::Char('Y'));
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
    press(&mut app, KeyCode::Delete);
    assert_eq!(session(&app).reflection.actions.len(), 1);
    assert_eq!(app.selected_action, 0, "selection stays on the list");
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('Y'));
    assert!(session(&app).reflection.actions.is_empty());
    // Nothing to toggle or delete now, and no save for nothing.
    ack(&mut app);
    assert!(press(&mut app, KeyCode::Char(' ')).is_empty());
    assert!(press(&mut app, KeyCode::Char('d')).is_empty());
}

/// A tester left the answer box and typed on: " and do" opened the
/// actions (a) and deleted two of them (d, space, d), with no way back;
/// and "study" would answer a lower-case y. Deleting asks first, and only
/// a capital Y (or Delete) deletes.
#[test]
fn letters_typed_by_mistake_delete_no_action() {
    let mut app = app();
    on_actions(&mut app);
    add_action(&mut app, "Ring the school nurse", "");
    add_action(&mut app, "Read the CAMHS referral guidance", "");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "My answer");
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, " and do no harm");
    let texts: Vec<String> = session(&app)
        .reflection
        .actions
        .iter()
        .map(|a| a.text.clone())
        .collect();
    for kept in ["Ring the school nurse", "Read the CAMHS referral guidance"] {
        assert!(texts.iter().any(|t| t == kept), "{kept} lost: {texts:?}");
    }
    press(&mut app, KeyCode::Esc); // the "rm" being typed as an action goes
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        }
    );
    let count = session(&app).reflection.actions.len();
    press(&mut app, KeyCode::Char('d'));
    let shown = screen(&app);
    assert!(shown.contains("Delete this action?"), "{shown}");
    assert!(
        shown.contains("Y deletes it; any other key keeps it."),
        "{shown}"
    );
    type_text(&mut app, "study");
    assert_eq!(
        session(&app).reflection.actions.len(),
        count,
        "d, then y: kept"
    );
    assert_status_says(&app, "The action is kept (Y, a capital, deletes it).");
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
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        }
    );
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

/// A tester's long action was cut at the box's edge with its due date,
/// and at 60 columns even a short one lost it: actions wrap.
#[test]
fn a_long_action_wraps_and_keeps_its_due_date_in_view() {
    let mut app = app();
    on_actions(&mut app);
    let text = "Phone the CAMHS duty worker about the referral and ask when the assessment will be";
    add_action(&mut app, text, "2026-12-24");
    add_action(&mut app, "Read the guidance", "2026-12-31");
    for width in [60, 80] {
        let shown = screen_of(&app, width, 24);
        assert!(shown.contains("(by 24 Dec 2026)"), "{width}: {shown}");
        assert!(shown.contains("(by 31 Dec 2026)"), "{width}: {shown}");
        assert!(shown.contains("assessment"), "{width}: {shown}");
    }
}
