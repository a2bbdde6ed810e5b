//! Each screen as a user reaches it, one function a screen; `SCREENS`
//! lists them for the tiny-size test.

use chrono::NaiveDate;
use crossterm::event::KeyCode;

use reflect::app::{Action, App, Focus, Screen, update};
use reflect::store::{Action as ActionItem, Reflection, StoreError};

use super::fixtures::*;

pub fn home_empty() -> App {
    app(Vec::new())
}

pub fn home_with_history() -> App {
    let mut app = app(two_reflections());
    press(&mut app, KeyCode::Tab);
    app
}

pub fn theme_practitioner() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Enter);
    app
}

pub fn theme_leader() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    app
}

pub fn walkthrough_editing() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(
        &mut app,
        "I check the records for a formal diagnosis and ask the GP when it is unclear.\nI could be braver about asking why",
    );
    app
}

pub fn walkthrough_flagged() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(&mut app, "Not sure I always do.");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('f'));
    app
}

pub fn walkthrough_changed_wording() -> App {
    let mut app = app(Vec::new());
    let r = reflection("r-changed", CMH, "2026-11-22T10:00:00+00:00");
    let r = answered(
        r,
        "formal-diagnosis",
        Some("Do you check whether a child has a formal diagnosis?"),
        "Usually, from the GP record.",
        false,
    );
    open(&mut app, r, false, false);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('k'));
    app
}

pub fn walkthrough_read_only() -> App {
    let mut app = app(Vec::new());
    // Every question answered, so it opens at the first, with the status
    // line still saying why it is read-only.
    let mut r = reflection("r-locked", CMH, "2026-11-22T09:00:00+00:00");
    for id in CMH_PRACTITIONER {
        r = answered(r, id, None, "Written in another window.", false);
    }
    open(&mut app, r, true, false);
    assert!(app.status.is_some());
    app
}

pub fn earlier_answers() -> App {
    let older = reflection(
        "2026-10-01-080000-child-mental-health",
        CMH,
        "2026-10-01T08:00:00+00:00",
    );
    let older = answered(
        older,
        "formal-diagnosis",
        Some("Do you check whether a child has a formal diagnosis?"),
        "Only when the school mentions one.",
        false,
    );
    let newer = reflection(
        "2026-11-20-090000-child-mental-health",
        CMH,
        "2026-11-20T09:00:00+01:00",
    );
    let newer = answered(
        newer,
        "formal-diagnosis",
        None,
        "I ask for the diagnosis in writing.\nAnd I check it with the GP.",
        false,
    );
    let mut app = app(vec![newer, older]);
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    app
}

pub fn notes_editing() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('n'));
    type_text(
        &mut app,
        "Ask my supervisor about thresholds for CAMHS.\nFollow up the referral.",
    );
    app
}

pub fn actions_empty() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    app
}

pub fn add_action(app: &mut App, text: &str, due: &str) {
    press(app, KeyCode::Char('a'));
    type_text(app, text);
    press(app, KeyCode::Enter);
    type_text(app, due);
    press(app, KeyCode::Enter);
}

pub fn actions_with_items() -> App {
    let mut app = actions_empty();
    add_action(
        &mut app,
        "Read the local CAMHS referral guidance",
        "2026-12-01",
    );
    add_action(&mut app, "Book time with the school nurse", "");
    add_action(
        &mut app,
        "Ask in supervision how we record a diagnosis that is unclear or disputed by the family",
        "2026-12-15",
    );
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char(' '));
    app
}

pub fn actions_with_input() -> App {
    let mut app = actions_with_items();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Check the early help offer");
    app
}

pub fn review_reflection() -> Reflection {
    let r = reflection(
        "2026-11-22-100000-child-mental-health",
        CMH,
        "2026-11-22T09:05:00+00:00",
    );
    let r = answered(
        r,
        "formal-diagnosis",
        None,
        "I check the records and ask the GP.\nI note when it is unclear.",
        false,
    );
    // voice-of-the-child: skipped.
    let r = answered(
        r,
        "mental-capacity-and-consent",
        None,
        "Not confident about Gillick.",
        true,
    );
    // interim-support: flagged without an answer.
    let r = answered(r, "interim-support", None, "", true);
    let mut r = answered(
        r,
        "a-question-since-removed",
        Some("A question the pack no longer has?"),
        "Kept all the same.",
        false,
    );
    r.updated = at("2026-11-22T09:40:00+00:00");
    r.notes = "Bring the chronology to supervision.".into();
    r.actions = vec![
        ActionItem {
            text: "Read the CAMHS referral guidance".into(),
            due: NaiveDate::from_ymd_opt(2026, 12, 1),
            done: false,
        },
        ActionItem {
            text: "Book time with the school nurse".into(),
            due: None,
            done: true,
        },
    ];
    r
}

pub fn review() -> App {
    let mut app = app(Vec::new());
    open(&mut app, review_reflection(), false, true);
    assert_eq!(app.screen, Screen::Review);
    app
}

/// After a pause in typing: a name and a postcode marked in the answer.
pub fn walkthrough_marked() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(
        &mut app,
        "I met Sarah at her nan's flat near LS6 3AB. She told me about school.",
    );
    let effects = update(&mut app, Action::Tick(now() + chrono::Duration::seconds(1)));
    settle(&mut app, effects);
    let marked = &app.session.as_ref().expect("session").marks.items;
    assert_eq!(marked.len(), 2, "{marked:?}");
    app
}

/// The review, with a name and a postcode still marked in an answer and a
/// phone number in the notes.
pub fn review_marked() -> App {
    let mut r = answered(
        review_reflection(),
        "voice-of-the-child",
        None,
        "Tyler told me at LS6 3AB.",
        false,
    );
    r.notes = "Ring his aunt on 07700 900123.".into();
    let mut app = app(Vec::new());
    open(&mut app, r, false, true);
    app
}

pub fn help_on_home() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some());
    app
}

pub fn help_in_the_walkthrough() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some());
    app
}

/// The help overlay over the editor. No key opens it there (`?` is text),
/// so this is the state set directly, to see what it would say.
pub fn help_in_the_editor() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(&mut app, "Half an answer");
    assert_eq!(app.session.as_ref().map(|s| s.focus), Some(Focus::Answer));
    app.help = Some(0);
    app
}

/// A save that failed because the disk is full, with the message the
/// storage layer really gives, long path and OS error included.
pub fn walkthrough_disk_full() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(&mut app, "An answer that is only in memory for now");
    let path =
        "/home/practitioner/.config/reflect/reflections/2026-11-22-100000-child-mental-health.toml";
    let error = StoreError::io(path, std::io::Error::from_raw_os_error(28));
    update(
        &mut app,
        Action::SaveFailed {
            id: "2026-11-22-100000-child-mental-health".into(),
            error: error.to_string(),
        },
    );
    app
}

pub fn overview() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Char('o'));
    app
}

pub fn conclusion() -> App {
    let mut app = overview();
    press(&mut app, KeyCode::Char('c'));
    app
}

pub type Build = fn() -> App;

pub const SCREENS: &[(&str, Build)] = &[
    ("home_empty", home_empty),
    ("home_with_history", home_with_history),
    ("theme_practitioner", theme_practitioner),
    ("theme_leader", theme_leader),
    ("walkthrough_editing", walkthrough_editing),
    ("walkthrough_flagged", walkthrough_flagged),
    ("walkthrough_changed_wording", walkthrough_changed_wording),
    ("walkthrough_read_only", walkthrough_read_only),
    ("earlier_answers", earlier_answers),
    ("notes_editing", notes_editing),
    ("actions_empty", actions_empty),
    ("actions_with_items", actions_with_items),
    ("actions_with_input", actions_with_input),
    ("review", review),
    ("help_on_home", help_on_home),
    ("help_in_the_walkthrough", help_in_the_walkthrough),
    ("help_in_the_editor", help_in_the_editor),
    ("walkthrough_disk_full", walkthrough_disk_full),
    ("overview", overview),
    ("conclusion", conclusion),
    ("walkthrough_marked", walkthrough_marked),
    ("review_marked", review_marked),
];
