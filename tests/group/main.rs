//! The group view, tested as the runtime uses it: a session built from the
//! library and a theme id, keys in, frames drawn on ratatui's TestBackend.

mod cli;
mod keys;
mod pagination;
mod privacy;
mod sizes;
mod snapshots;
mod styles;

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use reflect::content::{Layer, Library};
use reflect::group::{
    GroupAudience, GroupEffect, GroupSession, SlideKind, StartOptions, start_session,
};
use reflect::ui::Palette;
use reflect::ui::group::render;

pub const THEME: &str = "child-mental-health";

pub fn wall() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T14:30:00+00:00").expect("date")
}

pub fn library() -> Library {
    Library::load(&[Layer::builtin()])
}

/// A test session and the clock it runs on.
pub struct Harness {
    pub session: GroupSession,
    pub t0: Instant,
    pub now: Instant,
}

impl Harness {
    pub fn new(size: (u16, u16), audience: GroupAudience) -> Harness {
        let t0 = Instant::now();
        let options = StartOptions {
            audience,
            minutes: 5,
            size,
        };
        let session = start_session(&library(), THEME, options, t0, wall()).expect("theme");
        Harness {
            session,
            t0,
            now: t0,
        }
    }

    pub fn at_80x24() -> Harness {
        Harness::new((80, 24), GroupAudience::Practitioner)
    }

    pub fn key(&mut self, code: KeyCode) -> Vec<GroupEffect> {
        self.key_with(code, KeyModifiers::NONE)
    }

    pub fn key_with(&mut self, code: KeyCode, mods: KeyModifiers) -> Vec<GroupEffect> {
        self.session
            .handle_key(KeyEvent::new(code, mods), self.now, wall())
    }

    pub fn release(&mut self, code: KeyCode) -> Vec<GroupEffect> {
        let mut key = KeyEvent::new(code, KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        self.session.handle_key(key, self.now, wall())
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Let `seconds` pass on the injected clock.
    pub fn wait(&mut self, seconds: u64) {
        self.now += Duration::from_secs(seconds);
        self.session.tick(self.now);
    }

    /// Go forward to the first slide of `kind`.
    pub fn go_to(&mut self, kind: SlideKind) {
        self.key(KeyCode::Home);
        while self.session.current_slide().map(|s| s.kind) != Some(kind) {
            let before = self.session.current_index();
            self.key(KeyCode::Right);
            assert_ne!(before, self.session.current_index(), "no {kind:?} slide");
        }
    }

    /// The session drawn on a TestBackend of its own size.
    pub fn terminal(&self) -> Terminal<TestBackend> {
        let (w, h) = self.session.size();
        draw(&self.session, w, h)
    }

    pub fn screen(&self) -> String {
        let (w, h) = self.session.size();
        text_of(draw(&self.session, w, h).backend().buffer())
    }
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
        .draw(|frame| render(session, palette, frame.area(), frame.buffer_mut()))
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
