//! Every screen drawn into a `TestBackend`, as text, at 80x24 and 120x40;
//! every screen drawn at tiny sizes without panicking; and the supervision
//! sheet's Markdown. The clock and every timestamp are fixed.

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::text::Span;

use reflect::app::{Action, App, Effect, Focus, OpenedSession, Screen, SessionAccess, update};
use reflect::content::{Audience, Layer, Library};
use reflect::store::{Action as ActionItem, Reflection, StoreError};
use reflect::ui::{Palette, view};

const PACK: &str = "panel-2023-24";
const CMH: &str = "child-mental-health";
const PMH: &str = "parental-mental-health";
const CMH_PRACTITIONER: [&str; 4] = [
    "formal-diagnosis",
    "voice-of-the-child",
    "mental-capacity-and-consent",
    "interim-support",
];

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

fn now() -> DateTime<FixedOffset> {
    at("2026-11-22T10:00:00+00:00")
}

fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

fn question_text(theme: &str, id: &str) -> String {
    library()
        .pack(PACK)
        .and_then(|p| p.theme(theme))
        .and_then(|t| t.question(id))
        .map(|q| q.text.clone())
        .expect("question in the built-in pack")
}

fn reflection(id: &str, theme: &str, when: &str) -> Reflection {
    Reflection::new(id, at(when), PACK, theme, Audience::Practitioner)
}

/// Adds an answer as it would have been saved: with the wording of the time.
fn answered(
    mut r: Reflection,
    question: &str,
    wording: Option<&str>,
    text: &str,
    flagged: bool,
) -> Reflection {
    let wording = wording.map_or_else(|| question_text(&r.theme, question), str::to_owned);
    let key = format!("{}/{}/{question}", r.pack, r.theme);
    let when = r.updated;
    let answer = r.answer_mut_or_insert(&key, &wording, when);
    answer.text = text.to_owned();
    answer.flagged = flagged;
    r
}

fn press(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let effects = update(app, Action::Key(KeyEvent::new(code, modifiers)));
    settle(app, effects);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(
            app,
            match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            },
        );
    }
}

/// Plays the runtime: every save succeeds at once.
fn settle(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::Save { reflection, edits } = effect {
            let more = update(
                app,
                Action::Saved {
                    id: reflection.id.clone(),
                    edits,
                },
            );
            assert!(more.is_empty());
        }
    }
}

fn open(app: &mut App, reflection: Reflection, read_only: bool, show_review: bool) {
    let effects = update(
        app,
        Action::SessionOpened(Box::new(OpenedSession {
            reflection,
            access: if read_only {
                SessionAccess::OpenElsewhere
            } else {
                SessionAccess::Editable
            },
            resumed: false,
            show_review,
        })),
    );
    settle(app, effects);
}

fn app(history: Vec<Reflection>) -> App {
    App::new(library(), history, Audience::Practitioner, now())
}

fn two_reflections() -> Vec<Reflection> {
    let cmh = reflection(
        "2026-11-20-090000-child-mental-health",
        CMH,
        "2026-11-20T09:00:00+00:00",
    );
    let cmh = answered(
        cmh,
        "formal-diagnosis",
        None,
        "I ask for the diagnosis in writing.",
        false,
    );
    let cmh = answered(cmh, "voice-of-the-child", None, "Not often enough.", true);
    let pmh = reflection(
        "2026-11-13-161500-parental-mental-health",
        PMH,
        "2026-11-13T16:15:00+00:00",
    );
    let pmh = answered(pmh, "think-family", None, "Think family first.", false);
    vec![cmh, pmh]
}

/// A new child-mental-health reflection, walked into by the user.
fn fresh(app: &mut App) {
    open(
        app,
        reflection(
            "2026-11-22-100000-child-mental-health",
            CMH,
            "2026-11-22T10:00:00+00:00",
        ),
        false,
        false,
    );
}

// ------------------------------------------------------------- the screens

fn home_empty() -> App {
    app(Vec::new())
}

fn home_with_history() -> App {
    let mut app = app(two_reflections());
    press(&mut app, KeyCode::Tab);
    app
}

fn theme_practitioner() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Enter);
    app
}

fn theme_leader() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    app
}

fn walkthrough_editing() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(
        &mut app,
        "I check the records for a formal diagnosis and ask the GP when it is unclear.\nI could be braver about asking why",
    );
    app
}

fn walkthrough_flagged() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(&mut app, "Not sure I always do.");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('f'));
    app
}

fn walkthrough_changed_wording() -> App {
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

fn walkthrough_read_only() -> App {
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

fn earlier_answers() -> App {
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

fn notes_editing() -> App {
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

fn actions_empty() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('a'));
    app
}

fn add_action(app: &mut App, text: &str, due: &str) {
    press(app, KeyCode::Char('a'));
    type_text(app, text);
    press(app, KeyCode::Enter);
    type_text(app, due);
    press(app, KeyCode::Enter);
}

fn actions_with_items() -> App {
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

fn actions_with_input() -> App {
    let mut app = actions_with_items();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Check the early help offer");
    app
}

fn review_reflection() -> Reflection {
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

fn review() -> App {
    let mut app = app(Vec::new());
    open(&mut app, review_reflection(), false, true);
    assert_eq!(app.screen, Screen::Review);
    app
}

/// After a pause in typing: a name and a postcode marked in the answer.
fn walkthrough_marked() -> App {
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
fn review_marked() -> App {
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

fn help_on_home() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some());
    app
}

fn help_in_the_walkthrough() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help.is_some());
    app
}

/// The help overlay over the editor. No key opens it there (`?` is text),
/// so this is the state set directly, to see what it would say.
fn help_in_the_editor() -> App {
    let mut app = app(Vec::new());
    fresh(&mut app);
    type_text(&mut app, "Half an answer");
    assert_eq!(app.session.as_ref().map(|s| s.focus), Some(Focus::Answer));
    app.help = Some(0);
    app
}

/// A save that failed because the disk is full, with the message the
/// storage layer really gives, long path and OS error included.
fn walkthrough_disk_full() -> App {
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

fn overview() -> App {
    let mut app = app(Vec::new());
    press(&mut app, KeyCode::Char('o'));
    app
}

fn conclusion() -> App {
    let mut app = overview();
    press(&mut app, KeyCode::Char('c'));
    app
}

type Build = fn() -> App;

const SCREENS: &[(&str, Build)] = &[
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

// ------------------------------------------------------------- drawing

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| {
            view(app, frame, Palette::new(false));
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer as rows of text (symbols only, no styles), trailing spaces
/// trimmed. A wide symbol's hidden neighbour cells are left out.
fn buffer_to_string(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut rows = Vec::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        let mut hidden = 0;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = Span::raw(symbol).width().saturating_sub(1);
            row.push_str(symbol);
        }
        rows.push(row.trim_end().to_owned());
    }
    rows.join("\n")
}

fn snapshot(name: &str, build: Build) {
    let app = build();
    for (width, height) in [(80, 24), (120, 40)] {
        let text = buffer_to_string(&draw(&app, width, height));
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

/// Scrolls down (with `j`) until `needle` is at the top of the body, or
/// the text ends (scrolling stops there), then snapshots what the user sees.
fn snapshot_scrolled_to(name: &str, build: Build, needle: &str) {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = build();
        let mut text = buffer_to_string(&draw(&app, width, height));
        for _ in 0..200 {
            let row = text.lines().position(|l| l.contains(needle));
            if row.is_some_and(|r| r <= 2) || text.contains("end · ↑/k to scroll back") {
                break;
            }
            press(&mut app, KeyCode::Char('j'));
            text = buffer_to_string(&draw(&app, width, height));
        }
        assert!(
            text.contains(needle),
            "{needle:?} never came into view:\n{text}"
        );
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn home_empty_screen() {
    snapshot("home_empty", home_empty);
}

#[test]
fn home_with_history_screen() {
    snapshot("home_with_history", home_with_history);
}

#[test]
fn theme_practitioner_screen() {
    snapshot("theme_practitioner", theme_practitioner);
}

#[test]
fn theme_leader_screen() {
    snapshot("theme_leader", theme_leader);
}

#[test]
fn theme_practitioner_questions_screen() {
    snapshot_scrolled_to(
        "theme_practitioner_questions",
        theme_practitioner,
        "Reflective questions for practitioners",
    );
}

#[test]
fn theme_leader_questions_screen() {
    snapshot_scrolled_to(
        "theme_leader_questions",
        theme_leader,
        "Reflective questions for strategic leaders",
    );
}

#[test]
fn walkthrough_editing_screen() {
    snapshot("walkthrough_editing", walkthrough_editing);
}

#[test]
fn walkthrough_flagged_screen() {
    snapshot("walkthrough_flagged", walkthrough_flagged);
}

#[test]
fn walkthrough_changed_wording_screen() {
    snapshot("walkthrough_changed_wording", walkthrough_changed_wording);
}

#[test]
fn walkthrough_read_only_screen() {
    snapshot("walkthrough_read_only", walkthrough_read_only);
}

#[test]
fn earlier_answers_screen() {
    snapshot("earlier_answers", earlier_answers);
}

#[test]
fn notes_editing_screen() {
    snapshot("notes_editing", notes_editing);
}

#[test]
fn actions_empty_screen() {
    snapshot("actions_empty", actions_empty);
}

#[test]
fn actions_with_items_screen() {
    snapshot("actions_with_items", actions_with_items);
}

#[test]
fn actions_with_input_screen() {
    snapshot("actions_with_input", actions_with_input);
}

#[test]
fn review_screen() {
    snapshot("review", review);
}

#[test]
fn help_on_home_screen() {
    snapshot("help_on_home", help_on_home);
}

#[test]
fn help_in_the_walkthrough_screen() {
    snapshot("help_in_the_walkthrough", help_in_the_walkthrough);
}

#[test]
fn help_in_the_editor_screen() {
    snapshot("help_in_the_editor", help_in_the_editor);
}

#[test]
fn overview_screen() {
    snapshot("overview", overview);
}

#[test]
fn conclusion_screen() {
    snapshot("conclusion", conclusion);
}

#[test]
fn walkthrough_marked_screen() {
    snapshot("walkthrough_marked", walkthrough_marked);
}

#[test]
fn review_marked_screen() {
    snapshot("review_marked", review_marked);
}

#[test]
fn walkthrough_disk_full_screen() {
    snapshot("walkthrough_disk_full", walkthrough_disk_full);
}

/// The whole message is on screen, however long: what happened, the OS's
/// words, and that the text is kept.
/// A new reflection says nothing is written yet, not "saved" at the time
/// it was opened; typed in, it says it is not saved yet.
#[test]
fn a_new_reflection_does_not_claim_to_be_saved() {
    let mut app = app(Vec::new());
    fresh(&mut app);
    let header = |app: &App| buffer_to_string(&draw(app, 100, 30));
    assert!(
        header(&app).contains("nothing written yet"),
        "{}",
        header(&app)
    );
    type_text(&mut app, "A first thought");
    assert!(header(&app).contains("not saved yet"), "{}", header(&app));
}

#[test]
fn a_long_save_error_is_shown_whole() {
    let app = walkthrough_disk_full();
    for (width, height) in [(80, 24), (120, 40), (60, 20)] {
        let text = buffer_to_string(&draw(&app, width, height));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [
            "the disk is full",
            "(os error 28))",
            "will be saved again shortly.",
        ] {
            assert!(
                flat.contains(words),
                "{width}x{height}: {words:?} missing:\n{text}"
            );
        }
        assert!(
            !flat.contains("permission") && !flat.contains(".."),
            "{text}"
        );
    }
}

#[test]
fn every_snapshot_test_is_listed() {
    // Guards against a screen added to SCREENS without its snapshot test, by
    // checking each name has a snapshot file.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");
    for (name, _) in SCREENS {
        for size in ["80x24", "120x40"] {
            let path = format!("{dir}/screens__{name}_{size}.snap");
            assert!(std::path::Path::new(&path).exists(), "no snapshot {path}");
        }
    }
}

#[test]
fn every_screen_draws_at_tiny_sizes_without_panicking() {
    let sizes = [
        (1, 1),
        (10, 5),
        (0, 0),
        (0, 24),
        (80, 0),
        (30, 8),
        (29, 8),
        (30, 7),
        (31, 9),
        (40, 10),
        (200, 8),
        (30, 60),
    ];
    let mut scrolled_far = Vec::new();
    for build in [theme_practitioner as Build, review] {
        let mut app = build();
        for _ in 0..300 {
            press(&mut app, KeyCode::Char('j'));
        }
        scrolled_far.push(("scrolled far", app));
    }
    let screens = SCREENS
        .iter()
        .map(|(name, build)| (*name, build()))
        .chain(scrolled_far);
    for (name, app) in screens {
        for (width, height) in sizes {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                draw(&app, width, height);
            }));
            assert!(result.is_ok(), "{name} panicked at {width}x{height}");
        }
    }
}

/// After 200 presses of j on a theme, one k moves the text back up: the
/// scroll stops where the text ends, as the view measured it.
#[test]
fn scrolling_stops_at_the_end_and_one_key_comes_back() {
    let mut app = theme_practitioner();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut limit = 0;
    terminal
        .draw(|frame| limit = view(&app, frame, Palette::new(false)).scroll_limit)
        .expect("draw");
    assert!(limit > 5, "a theme is longer than a screen: {limit}");
    update(&mut app, Action::ScrollLimit(limit));
    for _ in 0..200 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.scroll, limit);
    let bottom = buffer_to_string(&draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, limit - 1);
    assert_ne!(
        buffer_to_string(&draw(&app, 80, 24)),
        bottom,
        "the view moved"
    );
}

#[test]
fn below_the_minimum_size_a_short_message_shows() {
    let app = home_empty();
    let text = buffer_to_string(&draw(&app, 29, 8));
    assert!(text.contains("Window too"), "{text}");
    let text = buffer_to_string(&draw(&app, 30, 8));
    assert!(!text.contains("Window too small"), "{text}");
}

// ------------------------------------------------------------- the sheet

#[test]
fn the_supervision_sheet_has_what_was_answered_flagged_and_planned() {
    let reflection = review_reflection();
    let sheet = reflect::sheet::markdown(&reflection, &[], &library());
    let has = |needle: &str| {
        assert!(
            sheet.contains(needle),
            "the sheet lacks {needle:?}:\n{sheet}"
        )
    };
    has("Safeguarding children with mental health needs");
    has("Sunday 22 November 2026");
    has("Practitioner");
    // Answered, with its answer (both lines).
    has(&question_text(CMH, "formal-diagnosis"));
    has("I check the records and ask the GP.");
    has("I note when it is unclear.");
    assert!(
        sheet
            .lines()
            .any(|l| l.starts_with("I check the records") && !l.contains("I note when")),
        "the answer's line break is lost:\n{sheet}"
    );
    // Answered and flagged.
    has(&format!(
        "### {} *(to discuss in supervision)*",
        question_text(CMH, "mental-capacity-and-consent")
    ));
    has("Not confident about Gillick.");
    // Flagged without an answer.
    has(&format!(
        "### {} *(to discuss in supervision)*",
        question_text(CMH, "interim-support")
    ));
    // The answer to a question no longer in the pack.
    has("A question the pack no longer has?");
    has("From a question no longer in this pack");
    has("Kept all the same.");
    // Actions with due dates, and notes.
    has("- [ ] Read the CAMHS referral guidance (by 01 December 2026)");
    has("- [x] Book time with the school nurse");
    has("Bring the chronology to supervision.");
    // The skipped question is not listed.
    assert!(
        !sheet.contains(&question_text(CMH, "voice-of-the-child")),
        "a skipped question is listed:\n{sheet}"
    );
    // The answered question is not marked for supervision.
    assert!(
        !sheet.contains(&format!(
            "{} *(to discuss",
            question_text(CMH, "formal-diagnosis")
        )),
        "{sheet}"
    );
    // Order: answered questions in pack order, the orphan after them, then
    // actions, then notes.
    let pos = |needle: &str| sheet.find(needle).expect(needle);
    assert!(pos("I check the records") < pos("Not confident about Gillick."));
    assert!(pos("Not confident about Gillick.") < pos("Kept all the same."));
    assert!(pos("Kept all the same.") < pos("## Actions"));
    assert!(pos("## Actions") < pos("Bring the chronology"));
}

#[test]
fn the_sheet_of_a_reflection_with_nothing_in_it_says_so() {
    let empty = reflection("r", CMH, "2026-11-22T10:00:00+00:00");
    let sheet = reflect::sheet::markdown(&empty, &[], &library());
    assert!(
        sheet.contains("No questions answered or flagged yet."),
        "{sheet}"
    );
    assert!(sheet.contains("None recorded."), "{sheet}");
    for id in [
        "formal-diagnosis",
        "voice-of-the-child",
        "mental-capacity-and-consent",
        "interim-support",
    ] {
        assert!(!sheet.contains(&question_text(CMH, id)), "{sheet}");
    }
}
