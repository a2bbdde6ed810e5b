//! The one place with side effects: the terminal, the clock, the disk.
//!
//! Events become `Action`s, `app::update` returns `Effect`s, and this loop
//! carries them out and feeds the outcomes back, then draws.

mod effects;
mod group;
mod reload;
mod signals;
mod terminal;

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};
use crossterm::event::Event;

use crate::app::{self, Action, App, Effect, SessionRequest};
use crate::content::{Audience, Library};
use crate::paths::Paths;
use crate::store::{LoadReport, Reflection};
use crate::ui::{self, Palette};
pub use effects::Reflections;
use effects::{Saver, Sessions};
pub use group::GroupLaunch;
use signals::{Input, Inputs};

const TICK: Duration = Duration::from_millis(250);

pub struct Launch {
    pub library: Library,
    /// Earlier reflections, loaded with the content by [`load_startup`].
    pub history: LoadReport<Reflection>,
    /// Where they are kept (opened by [`load_startup`]).
    pub store: Reflections,
    pub audience: Audience,
    /// `reflect start`: straight into this walkthrough.
    pub start: Option<SessionRequest>,
    pub palette: Palette,
    pub group_minutes: u32,
    /// `--content` folders, kept for reloading.
    pub cli_dirs: Vec<std::path::PathBuf>,
}

/// Content and earlier reflections, read at the same time (two files
/// systems' worth of parsing on two cores) so the first frame comes sooner.
pub fn load_startup(
    paths: &Paths,
    layers: &[crate::content::Layer],
) -> Result<(Library, LoadReport<Reflection>, Reflections)> {
    std::thread::scope(|scope| {
        let history = scope.spawn(|| {
            let store = Reflections::open(paths.reflections_dir())?;
            let history = store.records.load_all()?;
            Ok::<_, crate::store::StoreError>((history, store))
        });
        let library = Library::load(layers);
        let (history, store) = history
            .join()
            .map_err(|_| anyhow::anyhow!("reading your reflections failed unexpectedly"))??;
        Ok((library, history, store))
    })
}

pub fn run(paths: &Paths, launch: Launch) -> Result<()> {
    let (inputs, input_sender) = Inputs::start()?;
    let report = launch.history;
    let mut notices = startup_notices(&launch.library, &report);
    if let Some(why) = &launch.store.unwritable {
        notices.insert(
            0,
            format!("Your reflections can be read but not changed: {why}."),
        );
    }
    let records = launch.store.records.clone();
    let mut app = App::new(launch.library, report.records, launch.audience, now());
    app.notices = notices;
    let (live, watch_problem) = reload::LiveContent::start(paths, &launch.cli_dirs);
    app.notices.extend(watch_problem);
    let mut terminal = terminal::enter()?;
    Inputs::read_terminal(input_sender);
    let mut runner = Runner {
        paths,
        saver: Saver::start(records),
        sessions: Sessions::new(launch.store),
        live,
        inputs,
        group: None,
        group_minutes: launch.group_minutes,
        palette: launch.palette,
        cli_dirs: launch.cli_dirs.clone(),
        ending: None,
    };
    let initial = launch.start.map(Effect::OpenSession).into_iter().collect();
    let result = runner.run(&mut terminal, &mut app, launch.palette, initial);
    terminal::leave();
    result
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

fn startup_notices(
    library: &Library,
    report: &crate::store::LoadReport<Reflection>,
) -> Vec<String> {
    let mut notices: Vec<String> = report
        .moved_aside
        .iter()
        .map(|m| {
            format!(
                "A damaged reflection file was kept aside as {} ({}).",
                m.moved_to.display(),
                m.reason
            )
        })
        .collect();
    notices.extend(report.unreadable.iter().map(|(path, why)| {
        format!(
            "Could not read {} ({why}); it was left as it is.",
            path.display()
        )
    }));
    if let Some(skipped) = skipped_notice(&report.skipped) {
        notices.push(skipped);
    }
    notices.extend(library.notices.iter().cloned());
    notices
}

/// One line naming what in the reflections folder is not a reflection.
fn skipped_notice(skipped: &[(std::path::PathBuf, String)]) -> Option<String> {
    const NAMED: usize = 3;
    let first = skipped.first()?;
    let folder = first
        .0
        .parent()
        .map_or(String::new(), |p| format!(" in {}", p.display()));
    let named: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|(path, why)| {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            format!("{name} ({why})")
        })
        .collect();
    let more = match skipped.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    Some(format!(
        "Skipped {} file(s){folder} that are not reflections: {}{more}.",
        skipped.len(),
        named.join("; ")
    ))
}

struct Runner<'p> {
    paths: &'p Paths,
    saver: Saver,
    sessions: Sessions,
    live: reload::LiveContent,
    inputs: Inputs,
    /// A group session asked for from the theme screen, run between frames.
    group: Option<SessionRequest>,
    group_minutes: u32,
    palette: Palette,
    cli_dirs: Vec<std::path::PathBuf>,
    /// Why the app is ending without being asked to (a signal, or the
    /// terminal gone): it saves and exits, drawing and reading no more.
    ending: Option<Ending>,
}

enum Ending {
    Signal,
    TerminalLost(anyhow::Error),
}

#[derive(PartialEq, Eq)]
enum Flow {
    Continue,
    Exit,
}

impl Runner<'_> {
    /// Runs until the app exits. A panic anywhere in a turn of the loop
    /// first saves the open reflection, then carries on unwinding.
    fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &mut App,
        palette: Palette,
        initial: Vec<Effect>,
    ) -> Result<()> {
        let mut queue: VecDeque<Action> = VecDeque::new();
        let mut pending = initial;
        loop {
            let turn = std::panic::catch_unwind(AssertUnwindSafe(|| {
                self.turn(
                    terminal,
                    app,
                    palette,
                    std::mem::take(&mut pending),
                    &mut queue,
                )
            }));
            match turn {
                Ok(Ok(Flow::Continue)) => {}
                Ok(Ok(Flow::Exit)) => return self.ended(),
                Ok(Err(lost)) => self.end(Ending::TerminalLost(lost), &mut queue),
                Err(panic) => {
                    self.rescue(app);
                    std::panic::resume_unwind(panic);
                }
            }
        }
    }

    /// One turn: act on what happened, draw, wait for the next event.
    fn turn(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &mut App,
        palette: Palette,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> Result<Flow> {
        if self.perform(app, effects, queue) == Flow::Exit {
            return Ok(Flow::Exit);
        }
        while let Some(action) = queue.pop_front() {
            let effects = app::update(app, action);
            if self.perform(app, effects, queue) == Flow::Exit {
                return Ok(Flow::Exit);
            }
        }
        if self.ending.is_none()
            && let Some(request) = self.group.take()
            && self.present(terminal, app, &request)?
        {
            self.end(Ending::Signal, queue);
        }
        if self.ending.is_none() {
            terminal.draw(|frame| ui::view(app, frame, palette))?;
            self.wait_for_input(app, queue);
        }
        queue.extend(self.saver.results.try_iter());
        queue.extend(self.live.poll(self.paths, &app.library));
        queue.push_back(Action::Tick(now()));
        Ok(Flow::Continue)
    }

    /// Waits for a key, paste or signal until the next tick or the next
    /// save due, whichever is sooner.
    fn wait_for_input(&mut self, app: &App, queue: &mut VecDeque<Action>) {
        let until_save = app::save_due(app)
            .and_then(|due| (due - now()).to_std().ok())
            .unwrap_or(TICK);
        match self.inputs.next(until_save.min(TICK)) {
            Some(Input::Terminal(Event::Key(key))) => queue.push_back(Action::Key(key)),
            Some(Input::Terminal(Event::Paste(text))) => queue.push_back(Action::Paste(text)),
            Some(Input::Terminal(_)) | None => {}
            Some(Input::EndSignal) => self.end(Ending::Signal, queue),
            Some(Input::Lost(e)) => self.end(Ending::TerminalLost(e.into()), queue),
        }
    }

    /// Starts ending: everything is saved and the app exits, asking nothing.
    fn end(&mut self, why: Ending, queue: &mut VecDeque<Action>) {
        if self.ending.is_none() {
            self.ending = Some(why);
            queue.push_back(Action::Terminate);
        }
    }

    /// How the loop's end is reported: a lost terminal is an error; a
    /// signal (the window closed) is not.
    fn ended(&mut self) -> Result<()> {
        match self.ending.take() {
            Some(Ending::TerminalLost(error)) => Err(error),
            _ => Ok(()),
        }
    }

    /// After a panic: writes the open reflection straight to disk, editors
    /// included, and says whether it worked (never what it holds).
    fn rescue(&self, app: &mut App) {
        let records = &self.sessions.store.records;
        let saved = std::panic::catch_unwind(AssertUnwindSafe(|| {
            let session = app
                .session
                .as_mut()
                .filter(|s| s.is_dirty() || s.save == app::SaveState::Saving)?;
            let reflection = session.take_for_save(&app.library, app.now);
            Some(records.save(&reflection).is_ok())
        }))
        .unwrap_or_else(|_| {
            let session = app.session.as_ref()?;
            Some(records.save(&session.reflection).is_ok())
        });
        eprintln!(
            "{}",
            match saved {
                Some(true) => "reflect stopped unexpectedly. Your open reflection was saved.",
                Some(false) =>
                    "reflect stopped unexpectedly. Your open reflection could NOT be saved.",
                None => "reflect stopped unexpectedly. Nothing was left unsaved.",
            }
        );
    }

    /// The group view, in the same terminal; it gets content, never `app`.
    /// True when a signal ended it: that ends the app too.
    fn present(
        &self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &App,
        request: &SessionRequest,
    ) -> Result<bool> {
        let audience = match request.audience {
            Audience::Practitioner => crate::group::GroupAudience::Practitioner,
            Audience::Leader => crate::group::GroupAudience::Leader,
        };
        let launch = GroupLaunch {
            library: app.library.clone(),
            pack: request.pack.clone(),
            theme: request.theme.clone(),
            audience,
            minutes: self.group_minutes,
            palette: self.palette,
            cli_dirs: self.cli_dirs.clone(),
        };
        if group::run(terminal, self.paths, launch, &self.inputs)? {
            return Ok(true);
        }
        terminal.clear()?;
        Ok(false)
    }

    /// Carries out effects; `Flow::Exit` when the app should end.
    fn perform(
        &mut self,
        app: &mut App,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> Flow {
        for effect in effects {
            match effect {
                Effect::Save { reflection, edits } => self.saver.save(*reflection, edits),
                Effect::OpenSession(request) => {
                    queue.push_back(
                        self.sessions
                            .open(&request, &app.history, &app.library, now()),
                    )
                }
                Effect::CloseSession { id } => self.sessions.close(&id),
                Effect::OpenGroup(request) => self.group = Some(request),
                Effect::Export(reflection) => {
                    queue.push_back(effects::export(self.paths, &reflection, &app.library))
                }
                Effect::Quit => {
                    self.saver.flush();
                    queue.extend(self.saver.results.try_iter());
                    queue.push_back(Action::SavesFinished);
                }
                Effect::Exit => return Flow::Exit,
            }
        }
        Flow::Continue
    }
}

/// `reflect group`: the group view on its own, then back to the shell.
pub fn run_group(paths: &Paths, launch: GroupLaunch) -> Result<()> {
    let (inputs, input_sender) = Inputs::start()?;
    let mut terminal = terminal::enter()?;
    Inputs::read_terminal(input_sender);
    let result = group::run(&mut terminal, paths, launch, &inputs);
    terminal::leave();
    result.map(|_| ())
}
