//! The screens for handing in, drawn into a `TestBackend` at 80x24 and
//! 120x40: the review with earlier actions, details and prompts; the boxes
//! over it (export, details, earlier actions); the prompts under the answer
//! box. Every one also drawn at tiny sizes without panicking.

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use reflect::app::{Action, App, Effect, OpenedSession, SessionAccess, update};
use reflect::content::{Audience, Layer, Library};
use reflect::export::Forms;
use reflect::store::{Action as ActionItem, CodeTheme, Nature, Reflection};
use reflect::ui::{Palette, view};

#[path = "screens/drawing.rs"]
mod drawing;
use drawing::{SNAPSHOT_SIZES, buffer_to_string, draw, scrolled_to};

const PACK: &str = "panel-2023-24";
const CMH: &str = "child-mental-health";
const PMH: &str = "parental-mental-health";

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

fn action(text: &str, due: Option<(i32, u32, u32)>, done: bool) -> ActionItem {
    ActionItem {
        text: text.to_owned(),
        due: due.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        done,
    }
}

/// Two earlier reflections with actions still open, one done.
fn history() -> Vec<Reflection> {
    let mut pmh = Reflection::new(
        "2026-11-13-161500-parental-mental-health",
        at("2026-11-13T16:15:00+00:00"),
        PACK,
        PMH,
        Audience::Practitioner,
    );
    pmh.actions = vec![
        action(
            "Ask the adult mental health team about joint visits",
            Some((2026, 12, 10)),
            false,
        ),
        action("Read the think-family guidance", None, true),
    ];
    let mut cmh = Reflection::new(
        "2026-10-02-090000-child-mental-health",
        at("2026-10-02T09:00:00+00:00"),
        PACK,
        CMH,
        Audience::Practitioner,
    );
    cmh.actions = vec![action("Book time with the school nurse", None, false)];
    vec![pmh, cmh]
}

fn now_reflection() -> Reflection {
    let mut r = Reflection::new(
        "2026-12-01-100000-child-mental-health",
        at("2026-12-01T10:00:00+00:00"),
        PACK,
        CMH,
        Audience::Practitioner,
    );
    let key = format!("{PACK}/{CMH}/formal-diagnosis");
    let wording = library()
        .pack(PACK)
        .and_then(|p| p.theme(CMH))
        .and_then(|t| t.question("formal-diagnosis"))
        .map(|q| q.text.clone())
        .expect("question");
    r.answer_mut_or_insert(&key, &wording, r.started).text =
        "I check the records and ask the GP.\nI note when it is unclear.".into();
    r.actions = vec![action(
        "Read the CAMHS referral guidance",
        Some((2026, 12, 20)),
        false,
    )];
    r
}

fn with_details(mut r: Reflection) -> Reflection {
    let handin = r.handin_mut();
    handin.activity = Some("Reading and reflecting on a published review".into());
    handin.peer = Some(true);
    handin.peer_role = Some("my team manager".into());
    handin.nature = Some(Nature::Cpd);
    handin.toggle_theme(CodeTheme::PrioritisePeople);
    handin.toggle_theme(CodeTheme::PreserveSafety);
    r.set_prompts("driscoll");
    r
}

fn press(app: &mut App, code: KeyCode) {
    let effects = update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    for effect in effects {
        if let Effect::Save { reflection, edits } = effect {
            update(
                app,
                Action::Saved {
                    id: reflection.id.clone(),
                    edits,
                },
            );
        }
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn opened(reflection: Reflection, show_review: bool) -> App {
    let mut app = App::new(
        library(),
        Vec::new(),
        Audience::Practitioner,
        at("2026-12-01T10:30:00+00:00"),
    );
    update(&mut app, Action::HistoryLoaded(history()));
    update(
        &mut app,
        Action::SessionOpened(Box::new(OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed: false,
            show_review,
        })),
    );
    app
}

// ------------------------------------------------------------- the screens

fn review_with_earlier_actions() -> App {
    opened(now_reflection(), true)
}

fn review_details() -> App {
    let mut app = opened(with_details(now_reflection()), true);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    app
}

fn review_writing_a_detail() -> App {
    let mut app = opened(now_reflection(), true);
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Reading a review");
    app
}

fn review_export_choice() -> App {
    let mut app = opened(now_reflection(), true);
    press(&mut app, KeyCode::Char('x'));
    app
}

fn review_marking_earlier_actions() -> App {
    let mut app = opened(now_reflection(), true);
    press(&mut app, KeyCode::Char('m'));
    press(&mut app, KeyCode::Char('j'));
    app
}

/// A copy of the CPD form with a limit the answers pass: the review
/// warns of it under "For handing in".
fn review_past_a_limit() -> App {
    let mut app = opened(with_details(now_reflection()), true);
    let mut forms = Forms::builtin().clone();
    if let Some(field) = forms
        .cpd
        .fields
        .iter_mut()
        .find(|f| f.label.starts_with("What you learnt"))
    {
        field.limit = Some(100);
    }
    app.forms = Some(forms);
    app
}

fn walkthrough_with(prompts: &str) -> App {
    let mut r = now_reflection();
    r.set_prompts(prompts);
    let mut app = opened(r, false);
    type_text(
        &mut app,
        "A child was described to me as having ADHD, but nobody had it in writing.",
    );
    app
}

fn walkthrough_what_so_what() -> App {
    walkthrough_with("driscoll")
}

fn walkthrough_gibbs() -> App {
    walkthrough_with("gibbs")
}

type Build = fn() -> App;

const SCREENS: &[(&str, Build)] = &[
    ("review_with_earlier_actions", review_with_earlier_actions),
    ("review_details", review_details),
    ("review_writing_a_detail", review_writing_a_detail),
    ("review_export_choice", review_export_choice),
    (
        "review_marking_earlier_actions",
        review_marking_earlier_actions,
    ),
    ("walkthrough_what_so_what", walkthrough_what_so_what),
    ("walkthrough_gibbs", walkthrough_gibbs),
];

// ------------------------------------------------------------- drawing

fn snapshot(name: &str, build: Build) {
    let app = build();
    for (width, height) in SNAPSHOT_SIZES {
        let text = buffer_to_string(&draw(&app, width, height));
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn snapshot_scrolled_to(name: &str, build: Build, needle: &str) {
    for (width, height) in SNAPSHOT_SIZES {
        let text = scrolled_to(build(), (width, height), needle, press);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn the_review_starts_with_the_earlier_open_actions() {
    snapshot("review_with_earlier_actions", review_with_earlier_actions);
    let text = buffer_to_string(&draw(&review_with_earlier_actions(), 120, 40));
    assert!(text.contains("Ask the adult mental health team"), "{text}");
    assert!(
        !text.contains("think-family guidance"),
        "a done action is not carried:\n{text}"
    );
}

#[test]
fn the_review_ends_with_what_the_forms_need() {
    snapshot_scrolled_to(
        "review_for_handing_in",
        || opened(with_details(now_reflection()), true),
        "For handing in",
    );
}

#[test]
fn the_review_warns_of_a_field_past_its_limit() {
    snapshot_scrolled_to("review_past_a_limit", review_past_a_limit, "For handing in");
}

#[test]
fn the_details_box() {
    snapshot("review_details", review_details);
}

#[test]
fn writing_a_detail() {
    snapshot("review_writing_a_detail", review_writing_a_detail);
}

#[test]
fn the_export_box() {
    snapshot("review_export_choice", review_export_choice);
}

#[test]
fn the_earlier_actions_box() {
    snapshot(
        "review_marking_earlier_actions",
        review_marking_earlier_actions,
    );
}

#[test]
fn what_so_what_now_what_under_the_answer_box() {
    snapshot("walkthrough_what_so_what", walkthrough_what_so_what);
}

#[test]
fn gibbs_under_the_answer_box() {
    snapshot("walkthrough_gibbs", walkthrough_gibbs);
}

/// The prompts are said to be reflect's and are never in the Panel's
/// heading style (bold): they use the palette's style for reflect's own
/// labels.
#[test]
fn the_prompts_are_reflects_and_styled_as_reflects() {
    let app = walkthrough_what_so_what();
    let buffer = {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        terminal
            .draw(|frame| {
                view(&app, frame.buffer_mut(), Palette::new(true));
            })
            .expect("draw");
        terminal.backend().buffer().clone()
    };
    let text = buffer_to_string(&buffer);
    let row = text
        .lines()
        .position(|l| l.contains("Prompts from reflect, not the Panel"))
        .expect("labelled as reflect's");
    let label = Palette::new(true).label();
    let y = u16::try_from(row).expect("row");
    let cell = &buffer[(2, y)];
    assert_eq!(cell.style().add_modifier, label.add_modifier, "{text}");
    assert!(
        !cell
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::BOLD)
    );
}

#[test]
fn every_screen_draws_at_tiny_sizes_without_panicking() {
    let sizes = [
        (1, 1),
        (0, 0),
        (10, 5),
        (30, 8),
        (29, 8),
        (40, 10),
        (200, 8),
        (30, 60),
    ];
    let more: [(&str, Build); 1] = [("review_past_a_limit", review_past_a_limit)];
    for (name, build) in SCREENS.iter().chain(more.iter()) {
        let app = build();
        for (width, height) in sizes {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                draw(&app, width, height);
            }));
            assert!(result.is_ok(), "{name} panicked at {width}x{height}");
        }
    }
}
