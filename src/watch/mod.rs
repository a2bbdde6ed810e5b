//! Watching content folders (and `config.toml`) for saves.
//!
//! The watcher is deliberately thin: it turns file-system events into one
//! [`WatchEvent::Changed`] per burst of saves, and nothing else. Deciding
//! which paths matter ([`WatchPlan::relevant`]) and what a change means
//! ([`crate::content::reload`]) is plain code, tested with paths fed in.
//!
//! Folders are watched, never single files: editors save by writing a new
//! file and renaming it over the old one, which ends a watch on the file.
//! A single file (`config.toml`, a file named to `reflect check`) is
//! watched through its folder, without descending into sub-folders, so a
//! save in `reflections/` next to `config.toml` wakes nobody.
//!
//! Not here: what to do with new content (`content::reload`, `app`).

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventHandler, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer_opt};

use crate::content::{Layer, LayerSource};

/// Saves closer together than this are reported once.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// What the watcher tells its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// Content or settings files changed (the relevant paths, for messages):
    /// read the config again, reload the content, update the watcher.
    Changed(Vec<PathBuf>),
    /// The watcher reported a problem; the content on screen stays as it is.
    Error(String),
}

/// What to watch: content folders (every `*.toml` at any depth) and single
/// files (watched through their folder).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WatchPlan {
    folders: Vec<PathBuf>,
    files: Vec<PathBuf>,
}

/// One folder to hand to the operating system's watcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watch {
    pub path: PathBuf,
    pub recursive: bool,
}

impl WatchPlan {
    /// Adds a content folder; relative paths are made absolute so they match
    /// the paths events arrive with.
    pub fn folder(mut self, path: impl AsRef<Path>) -> WatchPlan {
        push_unique(&mut self.folders, absolute(path.as_ref()));
        self
    }

    /// Adds one file, watched through its folder.
    pub fn file(mut self, path: impl AsRef<Path>) -> WatchPlan {
        push_unique(&mut self.files, absolute(path.as_ref()));
        self
    }

    /// Every content folder of `layers` (a layer naming a single file is
    /// watched as that file), and the settings file.
    pub fn for_content(layers: &[Layer], config_file: &Path) -> WatchPlan {
        let plan = WatchPlan::default().file(config_file);
        layers.iter().fold(plan, |plan, layer| match &layer.source {
            LayerSource::Builtin => plan,
            LayerSource::Folder { path, .. } if path.is_file() => plan.file(path),
            LayerSource::Folder { path, .. } => plan.folder(path),
        })
    }

    /// The paths among `paths` (from file-system events) that are worth a
    /// reload. `is_dir` says which paths are folders now ([`Path::is_dir`]
    /// outside tests).
    pub fn relevant_paths(
        &self,
        paths: &[PathBuf],
        is_dir: impl Fn(&Path) -> bool,
    ) -> Vec<PathBuf> {
        let relevant = paths.iter().filter(|p| self.is_relevant(p, &is_dir));
        relevant.cloned().collect()
    }

    /// A watched file; a `*.toml` file in a content folder (not hidden, not
    /// inside a hidden folder: the loader skips those too); a content folder
    /// itself (created or removed), or a folder inside one (moved in with
    /// packs in it). Editors' temporary files (`.x.swp`, `x.toml~`,
    /// `#x.toml#`, sed's `sedXXXXXX`) are not.
    fn is_relevant(&self, path: &Path, is_dir: &impl Fn(&Path) -> bool) -> bool {
        if self.files.iter().any(|f| same_path(f, path)) {
            return true;
        }
        self.folders.iter().any(|folder| {
            let Some(inside) = strip_prefix(path, folder) else {
                return false;
            };
            let hidden = inside.components().any(|c| match c {
                Component::Normal(name) => name.to_str().is_none_or(|n| n.starts_with('.')),
                _ => true,
            });
            if inside.as_os_str().is_empty() {
                true
            } else if hidden {
                false
            } else if inside.extension().is_some_and(|e| e == "toml") {
                true
            } else {
                is_dir(path)
            }
        })
    }

    /// What to ask the operating system to watch, given which paths are
    /// folders now: each existing content folder recursively; the folder of
    /// each file, and the parent of each content folder that does not exist
    /// yet (so its creation is seen), not recursively. Nothing is watched
    /// twice.
    pub fn watches(&self, is_dir: impl Fn(&Path) -> bool) -> Vec<Watch> {
        let mut recursive: Vec<PathBuf> = Vec::new();
        let mut shallow: Vec<PathBuf> = Vec::new();
        for folder in &self.folders {
            if is_dir(folder) {
                push_unique(&mut recursive, folder.clone());
            } else if let Some(parent) = folder.parent().filter(|p| is_dir(p)) {
                push_unique(&mut shallow, parent.to_path_buf());
            }
        }
        for file in &self.files {
            if let Some(parent) = file.parent().filter(|p| is_dir(p)) {
                push_unique(&mut shallow, parent.to_path_buf());
            }
        }
        let covered = |path: &Path, except: &Path| {
            recursive
                .iter()
                .any(|r| r.as_path() != except && path.starts_with(r))
        };
        let mut watches: Vec<Watch> = recursive
            .iter()
            .filter(|path| !covered(path, path))
            .map(|path| Watch {
                path: path.clone(),
                recursive: true,
            })
            .collect();
        watches.extend(
            shallow
                .iter()
                .filter(|path| !covered(path, Path::new("")))
                .map(|path| Watch {
                    path: path.clone(),
                    recursive: false,
                }),
        );
        watches
    }
}

fn push_unique(list: &mut Vec<PathBuf>, path: PathBuf) {
    if !list.contains(&path) {
        list.push(path);
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Events may name a path through a symbolic link's target (macOS reports
/// `/private/var/...` for `/var/...`), so both spellings are tried.
fn strip_prefix<'p>(path: &'p Path, folder: &Path) -> Option<&'p Path> {
    if let Ok(inside) = path.strip_prefix(folder) {
        return Some(inside);
    }
    let real = folder.canonicalize().ok()?;
    path.strip_prefix(real).ok()
}

fn same_path(a: &Path, b: &Path) -> bool {
    a == b || strip_prefix(b, a).is_some_and(|rest| rest.as_os_str().is_empty())
}

/// True for events that can change what a file says. Opening and reading
/// are not: without this, loading the content after a change (which opens
/// every file) would itself be reported as a change, for ever.
pub fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The platform's watcher, passing on only [`is_change`] events, so the
/// debouncer (which forgets what kind an event was) never sees the rest.
struct ChangesOnly(RecommendedWatcher);

impl Watcher for ChangesOnly {
    fn new<F: EventHandler>(mut handler: F, config: notify::Config) -> notify::Result<Self> {
        let filter = move |event: notify::Result<Event>| {
            if event.as_ref().is_ok_and(|e| !is_change(&e.kind)) {
                return;
            }
            handler.handle_event(event);
        };
        RecommendedWatcher::new(filter, config).map(ChangesOnly)
    }

    fn watch(&mut self, path: &Path, recursive_mode: RecursiveMode) -> notify::Result<()> {
        self.0.watch(path, recursive_mode)
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        self.0.unwatch(path)
    }

    fn kind() -> notify::WatcherKind {
        RecommendedWatcher::kind()
    }
}

type Handler = Arc<dyn Fn(WatchEvent) + Send + Sync>;

/// A running watcher; dropping it stops watching.
pub struct ContentWatcher {
    plan: WatchPlan,
    watches: Vec<Watch>,
    failures: Vec<(PathBuf, String)>,
    handler: Handler,
    _debouncer: Debouncer<ChangesOnly>,
}

impl ContentWatcher {
    /// Starts watching; events are sent to `tx`. A send to a receiver that
    /// is gone is ignored (the app is quitting).
    pub fn start(plan: &WatchPlan, tx: Sender<WatchEvent>) -> Result<ContentWatcher> {
        let handler = move |event| {
            let _ = tx.send(event);
        };
        ContentWatcher::spawn(plan, Arc::new(handler))
    }

    fn spawn(plan: &WatchPlan, handler: Handler) -> Result<ContentWatcher> {
        let filter = plan.clone();
        let send = Arc::clone(&handler);
        let on_events = move |result: DebounceEventResult| match result {
            Ok(events) => {
                let paths: Vec<PathBuf> = events.into_iter().map(|e| e.path).collect();
                let relevant = filter.relevant_paths(&paths, Path::is_dir);
                if !relevant.is_empty() {
                    send(WatchEvent::Changed(relevant));
                }
            }
            Err(error) => send(WatchEvent::Error(error.to_string())),
        };
        let config = notify_debouncer_mini::Config::default().with_timeout(DEBOUNCE);
        let mut debouncer = new_debouncer_opt::<_, ChangesOnly>(config, on_events)
            .context("cannot start watching content folders")?;
        let watches = plan.watches(Path::is_dir);
        let mut failures = Vec::new();
        for watch in &watches {
            let mode = if watch.recursive {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            if let Err(error) = debouncer.watcher().watch(&watch.path, mode) {
                failures.push((watch.path.clone(), error.to_string()));
            }
        }
        Ok(ContentWatcher {
            plan: plan.clone(),
            watches,
            failures,
            handler,
            _debouncer: debouncer,
        })
    }

    /// Watches `plan` from now on. Restarts only when what is watched would
    /// change (a folder added to the config, a missing folder created);
    /// returns whether it did.
    pub fn update(&mut self, plan: &WatchPlan) -> Result<bool> {
        if *plan == self.plan && plan.watches(Path::is_dir) == self.watches {
            return Ok(false);
        }
        *self = ContentWatcher::spawn(plan, Arc::clone(&self.handler))?;
        Ok(true)
    }

    /// The folders being watched.
    pub fn watches(&self) -> &[Watch] {
        &self.watches
    }

    /// Folders that could not be watched, and why (changes there are missed
    /// until the next restart).
    pub fn failures(&self) -> &[(PathBuf, String)] {
        &self.failures
    }
}

#[cfg(test)]
mod tests;
