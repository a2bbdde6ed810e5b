//! The group screen never shows a private answer. The app is built as
//! `reflect` builds it (content and history from a config folder holding a
//! private reflection with a unique marker), the group view is opened the
//! way a practitioner opens it (`g` on the theme screen), and every slide
//! and overlay drawn by the app's own view is scanned. Two controls show
//! the scan would catch a leak: the marker is on the private screens, and
//! a group note holding it is found.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reflect::app::{Action, App, Effect, OpenedGroup, OpenedSession, SessionAccess, update};
use reflect::content::Audience;
use reflect::group::{export, new_record};
use reflect::paths::Paths;
use reflect::store::{Action as ActionItem, RecordDir, Reflection};
use reflect::ui::{Palette, view};

use crate::{text_of, wall};

const MARKER: &str = "PRIVATE-MARKER-7f3a";

fn seed_private_reflection(paths: &Paths) {
    let dir = RecordDir::<Reflection>::open(paths.reflections_dir()).expect("dir");
    let mut r = Reflection::new(
        "r-1",
        wall(),
        "panel-2023-24",
        crate::THEME,
        Audience::Practitioner,
    );
    r.notes = format!("notes {MARKER}");
    for q in [
        "formal-diagnosis",
        "voice-of-the-child",
        "local-mental-health-needs",
    ] {
        let key = format!("panel-2023-24/{}/{q}", crate::THEME);
        let answer = r.answer_mut_or_insert(&key, "question", wall());
        answer.text = format!("my private answer {MARKER}");
        answer.flagged = true;
    }
    r.actions.push(ActionItem {
        text: format!("action {MARKER}"),
        due: None,
        done: false,
    });
    dir.save(&r).expect("save");
}

/// The app as `reflect` starts it: content and history read from `paths`.
fn started_app(paths: &Paths) -> App {
    let layers = reflect::config::Config::default().content_layers(paths, &[]);
    let read = reflect::runtime::StartupRead::FirstScreen;
    let startup = reflect::runtime::load_startup(paths, &layers, read, 100).expect("start");
    let store = startup.store;
    let mut app = App::new(
        startup.library,
        startup.history.report.records,
        Audience::Practitioner,
        wall(),
    );
    update(&mut app, Action::Resize(80, 24));
    let full = store.records.load_all_and_index().expect("history");
    update(&mut app, Action::HistoryLoaded(full.records));
    assert!(!app.history.is_empty(), "the private reflection was read");
    app
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let effects = update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    for effect in &effects {
        if let Effect::SaveGroup { record, edits } = effect {
            let done = Action::GroupSaved {
                id: record.id.clone(),
                edits: *edits,
            };
            update(app, done);
        }
    }
    effects
}

fn screen(app: &App, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    terminal
        .draw(|frame| {
            view(app, frame.buffer_mut(), Palette::new(true));
        })
        .expect("draw");
    text_of(terminal.backend().buffer())
}

/// `g` on the theme screen, and the runtime's answer to the request.
fn present(app: &mut App) {
    press(app, KeyCode::Enter);
    let effects = press(app, KeyCode::Char('g'));
    let request = effects
        .iter()
        .find_map(|e| match e {
            Effect::OpenGroup(request) => Some(request.clone()),
            _ => None,
        })
        .expect("g asks for the group view");
    let (pack, theme) = app.library.find_theme(&request.theme).expect("theme");
    let record = new_record(pack, theme, wall());
    update(
        app,
        Action::GroupOpened(Box::new(OpenedGroup {
            request,
            record,
            notices: Vec::new(),
        })),
    );
    assert!(app.group.is_some());
}

/// Every slide at three sizes, with each overlay over it; returns the
/// screens seen.
fn every_screen(app: &mut App) -> Vec<String> {
    let mut screens = Vec::new();
    for size in [(80, 24), (160, 45), (40, 12)] {
        update(app, Action::Resize(size.0, size.1));
        press(app, KeyCode::Home);
        loop {
            for overlay in [None, Some('i'), Some('?'), Some('n'), Some('q')] {
                if let Some(c) = overlay {
                    press(app, KeyCode::Char(c));
                }
                screens.push(screen(app, size));
                if overlay == Some('n') {
                    for c in "group point".chars() {
                        press(app, KeyCode::Char(c));
                    }
                    press(app, KeyCode::Enter);
                } else if overlay.is_some() {
                    press(app, KeyCode::Esc);
                }
            }
            let before = app.group.as_ref().map(|g| g.current_index());
            press(app, KeyCode::Right);
            if before == app.group.as_ref().map(|g| g.current_index()) {
                break;
            }
        }
    }
    screens
}

#[test]
fn no_private_text_on_any_group_screen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::at(tmp.path());
    seed_private_reflection(&paths);
    let mut app = started_app(&paths);
    // Control: the private review of the same reflection does show it.
    let reflection = app.history[0].clone();
    let opened = OpenedSession {
        reflection,
        access: SessionAccess::Editable,
        resumed: true,
        show_review: true,
    };
    update(&mut app, Action::SessionOpened(Box::new(opened)));
    let private = screen(&app, (120, 40));
    assert!(
        private.contains(MARKER),
        "the scan can see private text:\n{private}"
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, reflect::app::Screen::Home);
    present(&mut app);
    let screens = every_screen(&mut app);
    assert!(screens.len() > 100, "{}", screens.len());
    for screen in &screens {
        assert!(
            !screen.contains(MARKER) && !screen.contains("PRIVATE"),
            "{screen}"
        );
    }
    assert!(
        screens.iter().any(|s| s.contains("group point")),
        "the summary is drawn too"
    );
    let session = app.group.as_ref().expect("open");
    let record = session.record();
    assert!(!format!("{record:?}").contains(MARKER));
    let (pack, theme) = app.library.find_theme(crate::THEME).expect("theme");
    assert!(!export::markdown(record, &theme.title, pack).contains(MARKER));
}

/// Control: were private text to reach the group's record, the scan would
/// find it on screen.
#[test]
fn the_scan_finds_private_text_that_reaches_the_group_view() {
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::at(tmp.path());
    seed_private_reflection(&paths);
    let mut app = started_app(&paths);
    present(&mut app);
    press(&mut app, KeyCode::Char('n'));
    for c in MARKER.chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let screens = every_screen(&mut app);
    assert!(
        screens.iter().any(|s| s.contains(MARKER)),
        "a leak would be seen"
    );
}
