//! The screens the README shows, built as `tests/screens.rs` and
//! `tests/group/` build theirs: the app's own state, driven by its own
//! `update` with keys, every save reported done, drawn by its own `view`
//! into a `TestBackend`. The clock, the dates and the size are fixed.

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;

use reflect::app::update;
use reflect::app::{Action, App, Effect, GroupRequest, OpenedGroup, OpenedSession, SessionAccess};
use reflect::content::{Audience, Layer, Library};
use reflect::group::{GroupAudience, SlideKind, new_record};
use reflect::store::Reflection;
use reflect::ui::{Palette, view};

/// The size of every picture, in cells.
pub const SIZE: (u16, u16) = (100, 30);

const PACK: &str = "panel-2023-24";
const CMH: &str = "child-mental-health";
const PMH: &str = "parental-mental-health";

/// A drawn screen: the buffer, and the cursor if the app showed one.
pub struct Drawn {
    pub buffer: Buffer,
    pub cursor: Option<Position>,
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap_or_default()
}

fn now() -> DateTime<FixedOffset> {
    at("2026-11-22T10:00:00+00:00")
}

fn app(history: Vec<Reflection>) -> App {
    let library = Library::load(&[Layer::builtin()]);
    let mut app = App::new(library, Vec::new(), Audience::Practitioner, now());
    act(&mut app, Action::HistoryLoaded(history));
    app
}

/// One action, with every save it asks for reported done, as the runtime
/// would after writing the file.
fn act(app: &mut App, action: Action) {
    for effect in update(app, action) {
        let done = match effect {
            Effect::Save { reflection, edits } => Action::Saved {
                id: reflection.id.clone(),
                edits,
            },
            Effect::SaveGroup { record, edits } => Action::GroupSaved {
                id: record.id.clone(),
                edits,
            },
            _ => continue,
        };
        update(app, done);
    }
}

fn press(app: &mut App, code: KeyCode) {
    act(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        press(app, code);
    }
}

/// An earlier reflection, with answers as they were saved.
fn reflection(id: &str, theme: &str, when: &str, answers: &[(&str, &str, bool)]) -> Reflection {
    let mut r = Reflection::new(id, at(when), PACK, theme, Audience::Practitioner);
    let library = Library::load(&[Layer::builtin()]);
    for (question, text, flagged) in answers {
        let wording = library
            .pack(PACK)
            .and_then(|p| p.theme(theme))
            .and_then(|t| t.question(question))
            .map(|q| q.text.clone())
            .unwrap_or_default();
        let key = format!("{PACK}/{theme}/{question}");
        let answer = r.answer_mut_or_insert(&key, &wording, at(when));
        answer.text = (*text).to_owned();
        answer.flagged = *flagged;
    }
    r
}

/// The home screen of someone who has reflected twice before.
pub fn home() -> App {
    let cmh = reflection(
        "2026-11-20-090000-child-mental-health",
        CMH,
        "2026-11-20T09:00:00+00:00",
        &[
            (
                "formal-diagnosis",
                "I ask for the diagnosis in writing.",
                false,
            ),
            ("voice-of-the-child", "Not often enough.", true),
        ],
    );
    let pmh = reflection(
        "2026-11-13-161500-parental-mental-health",
        PMH,
        "2026-11-13T16:15:00+00:00",
        &[("think-family", "Think family first.", false)],
    );
    app(vec![cmh, pmh])
}

/// The first question of a new reflection, an answer half written.
pub fn walkthrough() -> App {
    let mut app = app(Vec::new());
    let fresh = reflection(
        "2026-11-22-100000-child-mental-health",
        CMH,
        "2026-11-22T10:00:00+00:00",
        &[],
    );
    let opened = OpenedSession {
        reflection: fresh,
        access: SessionAccess::Editable,
        resumed: false,
        show_review: false,
    };
    act(&mut app, Action::SessionOpened(Box::new(opened)));
    type_text(
        &mut app,
        "I check the records for a formal diagnosis and ask the GP when it is unclear.\n\
         I could be braver about asking why",
    );
    app
}

/// `reflect group`: the first question on the shared screen, its
/// discussion timer running for a minute and a quarter.
pub fn group_question() -> App {
    let mut app = app(Vec::new());
    app.group_only = true;
    app.group_minutes = 5;
    act(&mut app, Action::Resize(SIZE.0, SIZE.1));
    let Some((pack, theme)) = app.library.find_theme(CMH) else {
        return app;
    };
    let request = GroupRequest {
        pack: pack.id.clone(),
        theme: theme.id.clone(),
        audience: GroupAudience::Practitioner,
    };
    let record = new_record(pack, theme, now());
    act(
        &mut app,
        Action::GroupOpened(Box::new(OpenedGroup {
            request,
            record,
            notices: Vec::new(),
        })),
    );
    for _ in 0..20 {
        let kind = app
            .group
            .as_ref()
            .and_then(|g| g.current_slide())
            .map(|s| s.kind);
        if kind == Some(SlideKind::Question) {
            break;
        }
        press(&mut app, KeyCode::Right);
    }
    act(&mut app, Action::Tick(now() + Duration::seconds(75)));
    app
}

/// `app` drawn by the app's own view, in colour, at `SIZE`.
pub fn draw(app: &App) -> Drawn {
    let backend = TestBackend::new(SIZE.0, SIZE.1);
    let mut terminal = Terminal::new(backend).expect("a TestBackend never fails");
    terminal
        .draw(|frame| {
            view(app, frame.buffer_mut(), Palette::new(true));
        })
        .expect("a TestBackend never fails");
    let backend = terminal.backend();
    Drawn {
        buffer: backend.buffer().clone(),
        cursor: backend.cursor_visible().then(|| backend.cursor_position()),
    }
}
