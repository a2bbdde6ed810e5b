//! Unit tests of the pure `update`: every action, and every command a user
//! can give, with a clock that only moves when a test moves it.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::content::Layer;
use crate::store::{Action as ActionItem, Answer};

mod actions;
mod editor;
mod handin;
mod home;
mod limits;
mod no_questions;
mod notes;
mod privacy;
mod quitting;
mod read_only;
mod reload;
mod review;
mod saving;
mod ticks;

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

/// An app whose earlier reflections have been read in full, as the
/// runtime reads them after the first frame.
fn app_with_history(history: Vec<Reflection>) -> App {
    let mut app = app();
    update(&mut app, Action::HistoryLoaded(history));
    app
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

/// The one effect of asking the runtime to open a reflection on `theme`.
fn opening(theme: &str, audience: Audience, resume: bool, id: Option<&str>) -> Vec<Effect> {
    vec![Effect::OpenSession(SessionRequest {
        pack: PACK.into(),
        theme: theme.into(),
        audience,
        resume,
        id: id.map(str::to_owned),
    })]
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

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    press_with(app, KeyCode::Char(c), CTRL)
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

/// The runtime reports `r` opened.
fn session_opened(r: Reflection, read_only: bool, resumed: bool, show_review: bool) -> Action {
    let access = if read_only {
        SessionAccess::OpenElsewhere
    } else {
        SessionAccess::Editable
    };
    Action::SessionOpened(Box::new(OpenedSession {
        reflection: r,
        access,
        resumed,
        show_review,
    }))
}

fn open_with(app: &mut App, r: Reflection, read_only: bool, resumed: bool, show_review: bool) {
    let effects = update(app, session_opened(r, read_only, resumed, show_review));
    assert!(effects.is_empty(), "opening the first session: {effects:?}");
}

/// Opens a fresh child-mental-health reflection, as the runtime would.
fn open(app: &mut App) {
    open_with(app, reflection("r-now", CMH), false, false, false);
}

/// A new app with a fresh child-mental-health reflection open.
fn opened() -> App {
    let mut app = app();
    open(&mut app);
    app
}

fn session(app: &App) -> &Session {
    app.session.as_ref().expect("a session is open")
}

fn session_mut(app: &mut App) -> &mut Session {
    app.session.as_mut().expect("a session is open")
}

fn editor_text(app: &App) -> String {
    session(app).answer_editor.text()
}

/// The answer as a save would take it now (editors are copied into the
/// reflection when something needs it, not on every key).
fn answer(app: &mut App, question: &str) -> Option<Answer> {
    let key = key_of(app, question);
    synced(app).answer(&key).cloned()
}

/// The text of the answer to the `n`th practitioner question of
/// child-mental-health, which must have been stored.
fn answer_text(app: &mut App, n: usize) -> String {
    answer(app, CMH_PRACTITIONER[n]).expect("an answer").text
}

/// The reflection as a save would take it now.
fn synced(app: &mut App) -> &Reflection {
    let now = app.now;
    let session = app.session.as_mut().expect("a session is open");
    session.sync_editors(&app.library, now);
    &session.reflection
}

/// The runtime reports the latest save done.
fn ack(app: &mut App) {
    let edits = session(app).autosave.edits;
    let id = session(app).reflection.id.clone();
    assert!(saved(app, &id, edits).is_empty());
}

/// The runtime reports that the save of `id` carrying `edits` landed.
fn saved(app: &mut App, id: &str, edits: u64) -> Vec<Effect> {
    let id = id.to_owned();
    update(app, Action::Saved { id, edits })
}

/// The runtime reports that the latest save of the open reflection failed.
fn save_failed(app: &mut App, error: &str) -> Vec<Effect> {
    let (id, error) = ("r-now".to_owned(), error.to_owned());
    update(app, Action::SaveFailed { id, error })
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

#[track_caller]
fn assert_status_says(app: &App, words: &str) {
    let text = status_text(app);
    assert!(text.contains(words), "the status line says {text:?}");
}

fn status_is_error(app: &App) -> bool {
    app.status.as_ref().is_some_and(|s| s.is_error)
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
    save_failed(app, "disk full");
    assert!(session(app).is_dirty());
}

/// From the walkthrough's editor to the review.
fn on_review(app: &mut App) {
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('r'));
    assert_eq!(app.mode(), Mode::Review);
}

fn on_actions(app: &mut App) {
    open(app);
    press(app, KeyCode::Esc);
    press(app, KeyCode::Char('a'));
    assert_eq!(
        app.screen,
        Screen::Actions {
            from: Back::Walkthrough
        }
    );
}

/// The app drawn by its own view at 80x24, as text.
fn screen(app: &App) -> String {
    screen_of(app, 80, 24)
}

fn screen_of(app: &App, width: u16, height: u16) -> String {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buffer = ratatui::buffer::Buffer::empty(area);
    crate::ui::view(app, &mut buffer, crate::ui::Palette::new(false));
    buffer.content().iter().map(|c| c.symbol()).collect()
}

/// The library without the child-mental-health theme.
fn without_cmh(library: &Library) -> Library {
    let mut library = library.clone();
    for pack in &mut library.packs {
        pack.themes.retain(|t| t.id != CMH);
    }
    library
}
