//! The fixed clock, the built-in content, and the small steps the
//! screens are built with (a reflection, a key, typing, opening one).

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use reflect::app::{Action, App, Effect, OpenedSession, SessionAccess, update};
use reflect::content::{Audience, Layer, Library};
use reflect::store::Reflection;

pub const PACK: &str = "panel-2023-24";
pub const CMH: &str = "child-mental-health";
pub const PMH: &str = "parental-mental-health";
pub const CMH_PRACTITIONER: [&str; 4] = [
    "formal-diagnosis",
    "voice-of-the-child",
    "mental-capacity-and-consent",
    "interim-support",
];

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

pub fn now() -> DateTime<FixedOffset> {
    at("2026-11-22T10:00:00+00:00")
}

pub fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

pub fn question_text(theme: &str, id: &str) -> String {
    library()
        .pack(PACK)
        .and_then(|p| p.theme(theme))
        .and_then(|t| t.question(id))
        .map(|q| q.text.clone())
        .expect("question in the built-in pack")
}

pub fn reflection(id: &str, theme: &str, when: &str) -> Reflection {
    Reflection::new(id, at(when), PACK, theme, Audience::Practitioner)
}

/// Adds an answer as it would have been saved: with the wording of the time.
pub fn answered(
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

pub fn press(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let effects = update(app, Action::Key(KeyEvent::new(code, modifiers)));
    settle(app, effects);
}

pub fn type_text(app: &mut App, text: &str) {
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
pub fn settle(app: &mut App, effects: Vec<Effect>) {
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

pub fn open(app: &mut App, reflection: Reflection, read_only: bool, show_review: bool) {
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

/// The app with its earlier reflections read in full (as the runtime has
/// them once the first frame is drawn).
pub fn app(history: Vec<Reflection>) -> App {
    let mut app = App::new(library(), Vec::new(), Audience::Practitioner, now());
    update(&mut app, Action::HistoryLoaded(history));
    app
}

pub fn two_reflections() -> Vec<Reflection> {
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
pub fn fresh(app: &mut App) {
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
