//! The one place with side effects: the terminal, the clock, the disk.
//!
//! One loop for the whole app, private walkthrough and group view alike:
//! keys, pastes, resizes, ticks, content edits and save outcomes become
//! `Action`s, `app::update` returns `Effect`s, and the loop carries them
//! out, feeds the outcomes back, and draws.
//!
//! What lives here: the terminal, signals, the clock, the background
//! savers, the locks. What does not: any rule about what to save when, or
//! what to draw (those are `app` and `ui`).

mod groups;
mod notices;
mod private;
mod reload;
mod rescue;
mod runner;
mod saver;
mod signals;
mod terminal;

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};

use crate::app::{App, Effect, GroupRequest, SessionRequest};
use crate::content::{Audience, Layer, Library};
use crate::paths::Paths;
use crate::store::{LoadReport, Reflection};
use crate::ui::Palette;
pub use private::Reflections;

/// How the app starts.
pub enum Start {
    Home,
    /// `reflect start`: straight into this walkthrough.
    Walkthrough(SessionRequest),
    /// `reflect group`: the group view only. The private reflections are
    /// not even read.
    Group(GroupRequest),
}

pub struct Launch {
    pub library: Library,
    /// Earlier reflections and where they are kept, from [`load_startup`];
    /// `None` for `reflect group`.
    pub private: Option<(LoadReport<Reflection>, Reflections)>,
    pub start: Start,
    pub audience: Audience,
    pub palette: Palette,
    pub group_minutes: u32,
    /// `--content` folders, kept for reloading.
    pub cli_dirs: Vec<PathBuf>,
}

/// Content and earlier reflections, read at the same time (two files
/// systems' worth of parsing on two cores) so the first frame comes sooner.
pub fn load_startup(
    paths: &Paths,
    layers: &[Layer],
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
    let (inputs, input_sender) = signals::Inputs::start()?;
    let group_only = matches!(launch.start, Start::Group(_));
    let (history, store) = match launch.private {
        Some((report, store)) => (Some(report), Some(store)),
        None => (None, None),
    };
    let notices = notices::at_start(&launch.library, history.as_ref(), store.as_ref());
    let history = history.map(|h| h.records).unwrap_or_default();
    let mut app = App::new(launch.library, history, launch.audience, now());
    app.notices = notices;
    app.group_only = group_only;
    app.group_minutes = launch.group_minutes;
    let (live, watch_problem) = reload::LiveContent::start(paths, &launch.cli_dirs);
    app.notices.extend(watch_problem);
    let initial = match launch.start {
        Start::Home => Vec::new(),
        Start::Walkthrough(request) => vec![Effect::OpenSession(request)],
        Start::Group(request) => vec![Effect::OpenGroup(request)],
    };
    let mut terminal = terminal::enter()?;
    signals::Inputs::read_terminal(input_sender);
    let mut runner = runner::Runner::new(paths, store, live, inputs, launch.palette);
    let result = runner.run(&mut terminal, &mut app, initial);
    terminal::leave();
    result
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}
