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

mod arriving;
mod backend;
mod content_load;
mod diff;
mod groups;
mod history_load;
mod index_file;
mod notices;
mod private;
mod reload;
mod rescue;
mod runner;
mod saver;
mod screen;
mod signals;
mod terminal;
mod typed_paste;

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local};

use crate::app::{App, Effect, GroupRequest, SessionRequest};
use crate::content::{Audience, Layer, Library};
use crate::paths::Paths;
use crate::store::FirstScreen;
use crate::ui::Palette;
pub use content_load::ContentFollowUp;
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
    /// `reflective_prompts` from config.toml.
    pub prompts: Option<String>,
    /// The identifying-details check is on (`identifying_check` in `config.toml`).
    pub identifying_check: bool,
    /// `--content` folders, kept for reloading.
    pub cli_dirs: Vec<PathBuf>,
    /// To tell on screen at start-up (a settings problem).
    pub notices: Vec<String>,
}

/// What the app starts from: the content, and (for the private app) the
/// earlier reflections and where they are kept.
pub struct Loaded {
    pub library: Library,
    pub private: Option<(FirstScreen, Reflections)>,
    /// What is left to read or write of the content after the first frame.
    pub content: Option<ContentFollowUp>,
    /// The window's rows when the first screen's share of the content and
    /// history was read (none when all of it was).
    pub first_rows: Option<usize>,
}

/// Content and history, read once the terminal is set up. On the same
/// thread: measured, a second thread's start and join cost more than the
/// overlap with setting up the terminal saved.
/// It is told the window's rows, as the screen measured them on entering.
pub struct Loading(Box<dyn FnOnce(usize) -> Result<Loaded> + Send>);

impl Loading {
    /// Content and the private reflections, for the app. Home is drawn
    /// from the index alone; a walkthrough, which chooses the reflection
    /// to carry on, from summaries checked against the files.
    pub fn private(paths: &Paths, layers: Vec<Layer>, start: &Start) -> Loading {
        let paths = paths.clone();
        let read = match start {
            Start::Home => StartupRead::FirstScreen,
            _ => StartupRead::Checked,
        };
        Loading(Box::new(move |rows| {
            let startup = load_startup(&paths, &layers, read, rows)?;
            Ok(Loaded {
                library: startup.library,
                private: Some((startup.history, startup.store)),
                content: Some(startup.content),
                first_rows: (read == StartupRead::FirstScreen).then_some(startup.rows),
            })
        }))
    }

    /// Content already loaded, and nothing private (`reflect group`).
    pub fn content(library: Library) -> Loading {
        Loading(Box::new(move |_| {
            Ok(Loaded {
                library,
                private: None,
                content: None,
                first_rows: None,
            })
        }))
    }

    fn wait(self, rows: usize) -> Result<Loaded> {
        (self.0)(rows)
    }
}

/// How much of the history (and of the content) is read before the first
/// frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartupRead {
    /// What the home screen shows, from the indexes when they are current.
    FirstScreen,
    /// Every reflection's summary, checked against its file, and the
    /// content in full.
    Checked,
}

/// What the first frame is drawn from.
pub struct Startup {
    /// The content, or its preview from the content index.
    pub library: Library,
    pub history: FirstScreen,
    pub store: Reflections,
    pub content: ContentFollowUp,
    /// The window's rows it was read for.
    pub rows: usize,
}

/// Content and the summaries of earlier reflections (from the indexes
/// where they are current): what the first frame needs. The full records,
/// and the full content when the frame drew its preview, are read after it.
/// `rows`: the window's height, the most reflections home can list.
pub fn load_startup(
    paths: &Paths,
    layers: &[Layer],
    read: StartupRead,
    rows: usize,
) -> Result<Startup> {
    let (library, content) = match read {
        StartupRead::FirstScreen => content_load::for_first_frame(paths, layers, rows),
        StartupRead::Checked => content_load::read_in_full(layers),
    };
    let store = Reflections::open(paths.reflections_dir())?;
    let history = match read {
        StartupRead::FirstScreen => store.records.first_screen(rows)?,
        StartupRead::Checked => FirstScreen {
            report: store.records.summaries()?,
            total: None,
        },
    };
    Ok(Startup {
        library,
        history,
        store,
        content,
        rows,
    })
}

/// Runs the app until it ends. The terminal is set up, then the content
/// read; a start that cannot be made (an unknown theme) is reported after
/// the terminal is given back.
pub fn run(paths: &Paths, launch: Launch) -> Result<()> {
    let mut terminal = terminal::enter()?;
    let rows = usize::from(terminal.area().height);
    let ready = launch.loading.wait(rows).and_then(|loaded| {
        let initial = first_effects(&loaded.library, launch.start)?;
        Ok((loaded, initial))
    });
    let (mut loaded, initial, group_only) = match ready {
        Ok((loaded, (initial, group_only))) => (loaded, initial, group_only),
        Err(e) => {
            terminal::leave();
            return Err(e);
        }
    };
    let audience = initial.iter().find_map(|e| match e {
        Effect::OpenSession(r) => Some(r.audience),
        _ => None,
    });
    let content = loaded.content.take();
    let first_rows = loaded.first_rows;
    let (mut app, store) = starting_app(loaded, audience.unwrap_or(launch.audience));
    app.group_only = group_only;
    app.group_minutes = launch.group_minutes;
    app.prompts_default = launch.prompts;
    app.identifying.enabled = launch.identifying_check;
    app.notices.extend(launch.notices);
    let mut runner = runner::Runner::new(paths, store, launch.cli_dirs, launch.palette);
    runner.content = content;
    runner.first_rows = first_rows;
    let result = runner.run(&mut terminal, &mut app, initial);
    terminal::leave();
    result?;
    match app.left_unsaved() {
        Some(lost) => anyhow::bail!("{lost}"),
        None => Ok(()),
    }
}

/// The app as the first frame shows it, and the reflections' folder.
fn starting_app(loaded: Loaded, audience: Audience) -> (App, Option<Reflections>) {
    let (history, store) = match loaded.private {
        Some((report, store)) => (Some(report), Some(store)),
        None => (None, None),
    };
    let notices = notices::at_start(
        &loaded.library,
        history.as_ref().map(|h| &h.report),
        store.as_ref(),
    );
    let history_count = history.as_ref().and_then(|h| h.total);
    let summaries = history.map(|h| h.report.records).unwrap_or_default();
    let mut app = App::new(loaded.library, summaries, audience, now());
    app.notices = notices;
    app.history_count = history_count;
    (app, store)
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
