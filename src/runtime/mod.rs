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
    /// `reflect start`: straight into a walkthrough of this theme (by id,
    /// checked once the content is loaded).
    Walkthrough {
        theme: String,
        audience: Audience,
    },
    /// `reflect group`: the group view only. The private reflections are
    /// not even read.
    Group(GroupRequest),
}

pub struct Launch {
    /// Content and earlier reflections, being read while the terminal is
    /// set up.
    pub loading: Loading,
    pub start: Start,
    pub audience: Audience,
    pub palette: Palette,
    pub group_minutes: u32,
    /// The identifying-details check is on (`identifying_check` in `config.toml`).
    pub identifying_check: bool,
    /// `--content` folders, kept for reloading.
    pub cli_dirs: Vec<PathBuf>,
}

/// What the app starts from: the content, and (for the private app) the
/// earlier reflections and where they are kept.
pub struct Loaded {
    pub library: Library,
    pub private: Option<(LoadReport<Reflection>, Reflections)>,
}

/// Content and history read on a thread of their own, so the first frame
/// waits for the slower of reading them and setting up the terminal, not
/// for both one after the other.
pub struct Loading(std::thread::JoinHandle<Result<Loaded>>);

impl Loading {
    /// Content and the private reflections, for the app.
    pub fn private(paths: &Paths, layers: Vec<Layer>) -> Loading {
        let paths = paths.clone();
        Loading(std::thread::spawn(move || {
            let (library, history, store) = load_startup(&paths, &layers)?;
            Ok(Loaded {
                library,
                private: Some((history, store)),
            })
        }))
    }

    /// Content already loaded, and nothing private (`reflect group`).
    pub fn content(library: Library) -> Loading {
        Loading(std::thread::spawn(move || {
            Ok(Loaded {
                library,
                private: None,
            })
        }))
    }

    fn wait(self) -> Result<Loaded> {
        self.0.join().map_err(|_| {
            anyhow::anyhow!("reading the content and your reflections failed unexpectedly")
        })?
    }
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

/// Runs the app until it ends. The terminal is set up while the content is
/// read; a start that cannot be made (an unknown theme) is reported after
/// the terminal is given back.
pub fn run(paths: &Paths, launch: Launch) -> Result<()> {
    let mut terminal = terminal::enter()?;
    let ready = launch.loading.wait().and_then(|loaded| {
        let initial = first_effects(&loaded.library, launch.start)?;
        Ok((loaded, initial))
    });
    let (loaded, initial, group_only) = match ready {
        Ok((loaded, (initial, group_only))) => (loaded, initial, group_only),
        Err(e) => {
            terminal::leave();
            return Err(e);
        }
    };
    let (history, store) = match loaded.private {
        Some((report, store)) => (Some(report), Some(store)),
        None => (None, None),
    };
    let notices = notices::at_start(&loaded.library, history.as_ref(), store.as_ref());
    let history = history.map(|h| h.records).unwrap_or_default();
    let audience = initial.iter().find_map(|e| match e {
        Effect::OpenSession(r) => Some(r.audience),
        _ => None,
    });
    let mut app = App::new(
        loaded.library,
        history,
        audience.unwrap_or(launch.audience),
        now(),
    );
    app.notices = notices;
    app.group_only = group_only;
    app.group_minutes = launch.group_minutes;
    app.identifying.enabled = launch.identifying_check;
    let mut runner = runner::Runner::new(paths, store, launch.cli_dirs, launch.palette);
    let result = runner.run(&mut terminal, &mut app, initial);
    terminal::leave();
    result
}

/// What the app does first, and whether it is the group view alone.
fn first_effects(library: &Library, start: Start) -> Result<(Vec<Effect>, bool)> {
    Ok(match start {
        Start::Home => (Vec::new(), false),
        Start::Walkthrough { theme, audience } => {
            let request = SessionRequest::for_theme(library, &theme, audience)?;
            (vec![Effect::OpenSession(request)], false)
        }
        Start::Group(request) => (vec![Effect::OpenGroup(request)], true),
    })
}

fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}
