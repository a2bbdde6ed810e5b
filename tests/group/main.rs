//! The group view, tested as the runtime uses it: a session built from the
//! library and a theme id, keys in, frames drawn on ratatui's TestBackend.

mod cli;
mod keys;
mod notes;
mod pagination;
mod privacy;
mod reload;
mod sizes;
mod snapshots;
mod styles;

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use reflect::app::{Action, App, Effect, GroupRequest, OpenedGroup, update};
use reflect::content::{Audience, Layer, Library};
use reflect::group::{GroupAudience, GroupSession, SlideKind, new_record};
use reflect::ui::Palette;
use reflect::ui::group::render;

pub const THEME: &str = "child-mental-health";

pub fn wall() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T14:30:00+00:00").expect("date")
}

pub fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

/// The app showing a group session, driven the way the runtime drives
/// it: actions into `update`, every save reported back as done, frames
/// drawn by the app's own `view`.
pub struct Harness {
    pub app: App,
    pub now: DateTime<FixedOffset>,
}

impl Harness {
    /// `reflect group` on the test theme: the app starts, learns the
    /// screen size, and the runtime answers its request for a group
    /// record with a fresh one.
    pub fn new(size: (u16, u16), audience: GroupAudience) -> Harness {
        let library = library();
        let (pack, theme) = library.find_theme(THEME).expect("theme");
        Harness::with_record(size, audience, new_record(pack, theme, wall()))
    }

    /// The same, the runtime answering with `record` (one left by a
    /// session that ended, say).
    pub fn with_record(
        size: (u16, u16),
        audience: GroupAudience,
        record: reflect::store::GroupRecord,
    ) -> Harness {
        Harness::with_notices(size, audience, record, Vec::new())
    }

    /// The same, the runtime telling of files it found wrong in the
    /// groups folder.
    pub fn with_notices(
        size: (u16, u16),
        audience: GroupAudience,
        record: reflect::store::GroupRecord,
        notices: Vec<String>,
    ) -> Harness {
        let mut app = App::new(library(), Vec::new(), Audience::Practitioner, wall());
        app.group_only = true;
        app.group_minutes = 5;
        update(&mut app, Action::Resize(size.0, size.1));
        let (pack, theme) = app.library.find_theme(THEME).expect("theme");
        let request = GroupRequest {
            pack: pack.id.clone(),
            theme: theme.id.clone(),
            audience,
        };
        let opened = OpenedGroup {
            request,
            record,
            notices,
        };
        assert!(update(&mut app, Action::GroupOpened(Box::new(opened))).is_empty());
        Harness { app, now: wall() }
    }

    pub fn at_80x24() -> Harness {
        Harness::new((80, 24), GroupAudience::Practitioner)
    }

    pub fn session(&self) -> &GroupSession {
        self.app.group.as_ref().expect("the group view is open")
    }

    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        self.key_with(code, KeyModifiers::NONE)
    }

    pub fn key_with(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
        self.act(Action::Key(KeyEvent::new(code, mods)))
    }

    pub fn release(&mut self, code: KeyCode) -> Vec<Effect> {
        let mut key = KeyEvent::new(code, KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        self.act(Action::Key(key))
    }

    pub fn paste(&mut self, text: &str) -> Vec<Effect> {
        self.act(Action::Paste(text.to_owned()))
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.act(Action::Resize(width, height));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Let `seconds` pass on the injected clock.
    pub fn wait(&mut self, seconds: i64) -> Vec<Effect> {
        self.now += Duration::seconds(seconds);
        self.act(Action::Tick(self.now))
    }

    /// One action, with every save it asks for reported done and a frame
    /// drawn (as the runtime would), returning the effects the action
    /// itself gave.
    pub fn act(&mut self, action: Action) -> Vec<Effect> {
        let effects = update(&mut self.app, action);
        for effect in &effects {
            if let Effect::SaveGroup { record, edits } = effect {
                let done = Action::GroupSaved {
                    id: record.id.clone(),
                    edits: *edits,
                };
                update(&mut self.app, done);
            }
        }
        self.draw_and_measure();
        effects
    }

    /// A frame drawn, and what it measured told to the app, as the
    /// runtime does after every action.
    fn draw_and_measure(&mut self) {
        let (w, h) = self.app.size;
        let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
        let limits = reflect::ui::view(&self.app, &mut buffer, Palette::new(true));
        if limits != self.app.scroll_limits {
            update(&mut self.app, Action::ScrollLimit(limits));
        }
    }

    /// Go forward to the first slide of `kind`.
    pub fn go_to(&mut self, kind: SlideKind) {
        self.key(KeyCode::Home);
        while self.session().current_slide().map(|s| s.kind) != Some(kind) {
            let before = self.session().current_index();
            self.key(KeyCode::Right);
            assert_ne!(before, self.session().current_index(), "no {kind:?} slide");
        }
    }

    /// The app drawn by its own view on a TestBackend of the screen's size.
    pub fn terminal(&self) -> Terminal<TestBackend> {
        let (w, h) = self.app.size;
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|frame| {
                reflect::ui::view(&self.app, frame.buffer_mut(), Palette::new(true));
            })
            .expect("draw");
        terminal
    }

    pub fn screen(&self) -> String {
        text_of(self.terminal().backend().buffer())
    }
}

/// The saved records among `effects`.
pub fn saved(effects: &[Effect]) -> Vec<&reflect::store::GroupRecord> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveGroup { record, .. } => Some(record.as_ref()),
            _ => None,
        })
        .collect()
}

pub fn draw(session: &GroupSession, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_in(session, Palette::new(true), width, height)
}

pub fn draw_in(
    session: &GroupSession,
    palette: Palette,
    width: u16,
    height: u16,
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            render(session, palette, None, frame.area(), frame.buffer_mut());
        })
        .expect("draw");
    terminal
}

/// The buffer's text, one line per row, trailing spaces trimmed.
pub fn text_of(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        for x in area.left()..area.right() {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A tester's damaged group records were told in the group view's footer
/// with their full paths (on a projector), nine lines of it at 80x24
/// covering the slide, for the whole session. Now one short line until
/// the next key, and the names on the home screen afterwards.
#[test]
fn files_set_aside_are_told_briefly_on_the_shared_screen() {
    let library = library();
    let (pack, theme) = library.find_theme(THEME).expect("theme");
    let record = new_record(pack, theme, wall());
    let told = "A damaged group record file was kept aside as /home/someone/.config/reflect/groups/x.toml.corrupt-1 (not valid TOML).";
    let mut h = Harness::with_notices(
        (80, 24),
        GroupAudience::Practitioner,
        record,
        vec![told.into()],
    );
    let screen = h.screen();
    assert!(
        screen.contains("damaged file in the groups folder"),
        "{screen}"
    );
    assert!(!screen.contains("/home/someone"), "{screen}");
    h.key(KeyCode::Right);
    assert!(!h.screen().contains("damaged file"), "{}", h.screen());
    assert_eq!(h.app.notices, [told], "told in full on the home screen");
}
