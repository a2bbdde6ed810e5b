//! Live reload: the content watcher's events become fresh content, merged
//! with the last good content so a half-saved edit never blanks the screen.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use crate::app::Action;
use crate::config::Config;
use crate::content::{Library, reload};
use crate::paths::Paths;
use crate::watch::{ContentWatcher, WatchEvent, WatchPlan};

pub struct LiveContent {
    watcher: Option<ContentWatcher>,
    events: Receiver<WatchEvent>,
    cli_dirs: Vec<PathBuf>,
}

impl LiveContent {
    /// Starts watching; without a watcher the app still works, unrefreshed.
    pub fn start(paths: &Paths, cli_dirs: &[PathBuf]) -> (LiveContent, Option<String>) {
        let (config, _) = Config::load(paths);
        let plan = WatchPlan::for_content(
            &config.content_layers(paths, cli_dirs),
            &paths.config_file(),
        );
        let (tx, events) = mpsc::channel();
        let (watcher, problem) = match ContentWatcher::start(&plan, tx) {
            Ok(watcher) => (Some(watcher), None),
            Err(e) => (
                None,
                Some(format!("Content edits will not show until restart: {e}")),
            ),
        };
        (
            LiveContent {
                watcher,
                events,
                cli_dirs: cli_dirs.to_vec(),
            },
            problem,
        )
    }

    /// Fresh content when files changed since the last call.
    pub fn poll(&mut self, paths: &Paths, current: &Library) -> Option<Action> {
        let changed = self
            .events
            .try_iter()
            .any(|event| matches!(event, WatchEvent::Changed(_)));
        if !changed {
            return None;
        }
        let (config, _) = Config::load(paths);
        let layers = config.content_layers(paths, &self.cli_dirs);
        if let Some(watcher) = self.watcher.as_mut() {
            // A folder that cannot be watched is reported by `reflect check`.
            let _ = watcher.update(&WatchPlan::for_content(&layers, &paths.config_file()));
        }
        let fresh = reload(current, Library::load(&layers));
        Some(Action::ContentReloaded(Box::new(fresh)))
    }
}
