//! The one place with side effects: the terminal, the clock, the disk.
//!
//! Events become `Action`s, `app::update` returns `Effect`s, and this loop
//! carries them out and feeds the outcomes back, then draws.

mod effects;
mod group;
mod reload;
mod terminal;

use std::collections::VecDeque;
use std::time::Duration;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};
use crossterm::event::{self, Event};

use crate::app::{self, Action, App, Effect, SessionRequest};
use crate::content::{Audience, Library};
use crate::paths::Paths;
use crate::store::{LoadReport, RecordDir, Reflection};
use crate::ui::{self, Palette};
pub use effects::Reflections;
use effects::{Saver, Sessions};
pub use group::GroupLaunch;

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
    let mut runner = Runner {
        paths,
        saver: Saver::start(records.clone()),
        sessions: Sessions::new(launch.store),
        live,
        group: None,
        group_minutes: launch.group_minutes,
        no_color: !launch.palette.colour,
        cli_dirs: launch.cli_dirs.clone(),
        quit_despite_failure: false,
        rescued: None,
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
    /// A group session asked for from the theme screen, run between frames.
    group: Option<SessionRequest>,
    group_minutes: u32,
    no_color: bool,
    cli_dirs: Vec<std::path::PathBuf>,
    /// Set after a quit was refused because the last save failed.
    quit_despite_failure: bool,
    /// What the panic hook holds, as (reflection id, edits): a copy is made
    /// only when that changes, not on every turn of the loop.
    rescued: Option<(String, u64)>,
}

impl Runner<'_> {
    fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &mut App,
        palette: Palette,
        initial: Vec<Effect>,
    ) -> Result<()> {
        let mut queue: VecDeque<Action> = VecDeque::new();
        if self.perform(app, initial, &mut queue) {
            return Ok(());
        }
        loop {
            while let Some(action) = queue.pop_front() {
                let effects = app::update(app, action);
                if self.perform(app, effects, &mut queue) {
                    return Ok(());
                }
            }
            if let Some(request) = self.group.take() {
                self.present(terminal, app, &request)?;
            }
            self.remember_for_rescue(app);
            terminal.draw(|frame| ui::view(app, frame, palette))?;
            if event::poll(TICK)? {
                match event::read()? {
                    Event::Key(key) => queue.push_back(Action::Key(key)),
                    Event::Paste(text) => queue.push_back(Action::Paste(text)),
                    _ => {}
                }
            }
            queue.extend(self.saver.results.try_iter());
            queue.extend(self.live.poll(self.paths, &app.library));
            queue.push_back(Action::Tick(now()));
        }
    }

    /// The group view, in the same terminal; it gets content, never `app`.
    fn present(
        &self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &App,
        request: &SessionRequest,
    ) -> Result<()> {
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
            no_color: self.no_color,
            cli_dirs: self.cli_dirs.clone(),
        };
        group::run(terminal, self.paths, launch)?;
        terminal.clear()?;
        Ok(())
    }

    /// Gives the panic hook the latest unsaved text (or nothing once saved).
    fn remember_for_rescue(&mut self, app: &App) {
        let unsaved = app.session.as_ref().filter(|s| s.is_dirty());
        let state = unsaved.map(|s| (s.reflection.id.clone(), s.edits));
        if state != self.rescued {
            terminal::remember_unsaved(
                self.sessions.store.records.dir(),
                unsaved.map(|s| &s.reflection),
            );
            self.rescued = state;
        }
    }

    /// Carries out effects; returns true when the app should end.
    fn perform(
        &mut self,
        app: &mut App,
        effects: Vec<Effect>,
        queue: &mut VecDeque<Action>,
    ) -> bool {
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
                    if self.finish_saving(app) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Waits for saves in flight. A failed final save keeps the app open
    /// (the text is only in memory) unless the user quits a second time.
    fn finish_saving(&mut self, app: &mut App) -> bool {
        for outcome in self.saver.finish() {
            app::update(app, outcome);
        }
        let unsaved = app.session.as_ref().is_some_and(|s| s.is_dirty());
        if !unsaved || self.quit_despite_failure {
            return true;
        }
        self.quit_despite_failure = true;
        app.quitting = false;
        app.set_status("Your reflection could NOT be saved (see above). Free some space or fix the folder, or press Ctrl-Q again to quit without saving.", true);
        match RecordDir::open(self.paths.reflections_dir()) {
            Ok(records) => self.saver = Saver::start(records),
            Err(_) => return true,
        }
        false
    }
}

/// `reflect group`: the group view on its own, then back to the shell.
pub fn run_group(paths: &Paths, launch: GroupLaunch) -> Result<()> {
    let mut terminal = terminal::enter()?;
    let result = group::run(&mut terminal, paths, launch);
    terminal::leave();
    result
}
