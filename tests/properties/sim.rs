//! The runtime, played in memory: every effect `update` asks for is carried
//! out at once (saves always succeed, onto a "disk" of last saved copies),
//! its outcome fed back as the runtime would, and the app is drawn by its
//! own `view` at the current size after every step.

use std::collections::{HashMap, VecDeque};
use std::sync::OnceLock;

use chrono::{DateTime, Duration, FixedOffset};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use reflect::app::{
    Action, App, Effect, GroupRequest, OpenedGroup, OpenedSession, SessionAccess, SessionRequest,
    reflection_to_open, update,
};
use reflect::content::{Audience, Layer, Library};
use reflect::store::{GroupRecord, Reflection};
use reflect::ui::{Palette, view};

use crate::arb::Step;

pub fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("fixed clock")
}

/// The built-in content, loaded once for all cases.
pub fn library() -> Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| Library::load(&[Layer::builtin()]))
        .clone()
}

pub struct Sim {
    pub app: App,
    pub now: DateTime<FixedOffset>,
    /// The last saved copy of each reflection, by id.
    pub disk: HashMap<String, Reflection>,
    /// The last saved copy of each group record, by id.
    pub group_disk: HashMap<String, GroupRecord>,
    /// Every effect `update` gave, in order (for the checks).
    pub effects: Vec<Effect>,
    /// The app asked to end (`Effect::Exit`).
    pub exited: bool,
    opened: usize,
    /// One terminal for the whole run, resized with the screen.
    terminal: Terminal<TestBackend>,
}

impl Sim {
    /// The private app on its home screen, told its size as at start.
    pub fn home() -> Sim {
        let app = App::new(library(), Vec::new(), Audience::Practitioner, t0());
        let mut sim = Sim {
            app,
            now: t0(),
            disk: HashMap::new(),
            group_disk: HashMap::new(),
            effects: Vec::new(),
            exited: false,
            opened: 0,
            terminal: Terminal::new(TestBackend::new(80, 24)).expect("terminal"),
        };
        sim.act(Action::Resize(80, 24));
        sim
    }

    /// `reflect start` on child-mental-health: straight into the answer
    /// editor of question 1.
    pub fn editing() -> Sim {
        let mut sim = Sim::home();
        let reflection = Reflection::new(
            "r-now",
            t0(),
            "panel-2023-24",
            "child-mental-health",
            Audience::Practitioner,
        );
        sim.act(Action::SessionOpened(Box::new(OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed: false,
            show_review: false,
        })));
        sim
    }

    /// `reflect group` on child-mental-health, at `size`.
    pub fn group(size: (u16, u16)) -> Sim {
        let mut sim = Sim::home();
        sim.app.group_only = true;
        sim.act(Action::Resize(size.0, size.1));
        let request = GroupRequest {
            pack: "panel-2023-24".into(),
            theme: "child-mental-health".into(),
            audience: reflect::group::GroupAudience::Practitioner,
        };
        sim.act(Action::GroupOpened(Box::new(sim.opened_group(request))));
        sim
    }

    /// One action, and everything that follows from it, then a frame.
    pub fn act(&mut self, action: Action) {
        let mut queue = VecDeque::from([action]);
        while let Some(action) = queue.pop_front() {
            if self.exited {
                return;
            }
            if let Action::Tick(now) = action {
                self.now = now;
            }
            for effect in update(&mut self.app, action) {
                self.effects.push(effect.clone());
                self.perform(effect, &mut queue);
            }
        }
        self.draw();
    }

    /// A step as the terminal or the clock sends it.
    pub fn step(&mut self, step: &Step) {
        match step {
            Step::Key(code, modifiers, kind) => {
                let mut key = KeyEvent::new(*code, *modifiers);
                key.kind = *kind;
                self.act(Action::Key(key));
            }
            Step::Paste(text) => self.act(Action::Paste(text.clone())),
            Step::Resize(w, h) => self.act(Action::Resize(*w, *h)),
            Step::Tick(millis) => self.wait(*millis),
        }
    }

    /// Lets `millis` pass on the clock.
    pub fn wait(&mut self, millis: i64) {
        self.act(Action::Tick(self.now + Duration::milliseconds(millis)));
    }

    fn perform(&mut self, effect: Effect, queue: &mut VecDeque<Action>) {
        match effect {
            Effect::Save { reflection, edits } => {
                let id = reflection.id.clone();
                self.disk.insert(id.clone(), *reflection);
                queue.push_back(Action::Saved { id, edits });
            }
            Effect::SaveGroup { record, edits } => {
                let id = record.id.clone();
                self.group_disk.insert(id.clone(), *record);
                queue.push_back(Action::GroupSaved { id, edits });
            }
            Effect::OpenSession(request) => {
                queue.push_back(Action::SessionOpened(Box::new(self.open_session(&request))));
            }
            Effect::OpenGroup(request) => {
                queue.push_back(Action::GroupOpened(Box::new(self.opened_group(request))));
            }
            Effect::Export { reflection, format } => {
                queue.push_back(Action::Exported(reflect::app::Exported {
                    path: format!("/x/{}", format.file_name(&reflection.id)).into(),
                    format,
                    warnings: 0,
                }))
            }
            Effect::MarkEarlierDone { .. } => {
                queue.push_back(Action::EarlierMarkFailed("not in the simulation".into()))
            }
            Effect::Quit => queue.push_back(Action::SavesFinished),
            Effect::Exit => self.exited = true,
            Effect::CloseGroup { .. } | Effect::CloseSession { .. } => {}
        }
    }

    /// What the runtime opens: the reflection asked for or the one to
    /// carry on with (from the history the app keeps), or a fresh one.
    fn open_session(&mut self, request: &SessionRequest) -> OpenedSession {
        let app = &self.app;
        if let Some(old) = &app.session {
            assert!(
                !old.is_dirty(),
                "a reflection with unsaved text is replaced by another"
            );
        }
        let found = reflection_to_open(request, &app.summaries, &app.library)
            .and_then(|s| app.history.iter().find(|r| r.id == s.id))
            .cloned();
        let resumed = found.is_some();
        let reflection = found.unwrap_or_else(|| {
            self.opened += 1;
            let id = format!("r{}-{}", self.opened, request.theme);
            Reflection::new(
                id,
                self.now,
                &request.pack,
                &request.theme,
                request.audience,
            )
        });
        OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed,
            show_review: request.id.is_some(),
        }
    }

    fn opened_group(&self, request: GroupRequest) -> OpenedGroup {
        let library = &self.app.library;
        let pack = library.pack(&request.pack).expect("pack");
        let theme = pack.theme(&request.theme).expect("theme");
        let record = reflect::group::new_record(pack, theme, self.now);
        OpenedGroup {
            request,
            record,
            notices: Vec::new(),
        }
    }

    /// The app drawn at its size, as the runtime does after every event;
    /// how far the text scrolls goes back to `update` when it changed.
    pub fn draw(&mut self) {
        let (w, h) = self.app.size;
        if self.terminal.backend().buffer().area.as_size() != (w, h).into() {
            self.terminal.backend_mut().resize(w, h);
        }
        let mut drawn = None;
        self.terminal
            .draw(|frame| drawn = Some(view(&self.app, frame.buffer_mut(), Palette::new(true))))
            .expect("draw");
        let area = self.terminal.get_frame().area();
        assert_eq!(
            (area.width, area.height),
            (w, h),
            "drawn at the screen's size"
        );
        let limits = drawn.expect("drawn");
        if limits != self.app.scroll_limits {
            update(&mut self.app, Action::ScrollLimit(limits));
        }
    }
}
