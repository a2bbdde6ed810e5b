//! `reflect check [PATH...] [--watch]`: every problem with file, line and
//! column, in the content, in `config.toml`, in copies of the hand-in
//! forms, and in what saved answers refer to; with `--watch`, again after every save, for a team lead editing in
//! another window. Plain output only: the terminal is never put in raw mode.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use crate::config::Config;
use crate::content::diagnostic;
use crate::content::{Audience, Library, orphans};
use crate::paths::Paths;
use crate::store::peek;
use crate::watch::{ContentWatcher, WatchEvent, WatchPlan};

/// What to check: everything configured (no targets), or the named paths.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub paths: &'a Paths,
    /// `--content` folders.
    pub cli_dirs: &'a [PathBuf],
    /// Files or folders named on the command line.
    pub targets: &'a [PathBuf],
}

/// Exit codes: 0 clean (warnings allowed), 1 problems found, 2 something
/// could not be read.
pub fn run(
    request: &Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let library = check(request);
    report(&library, out, err)?;
    Ok(exit_code(&library))
}

/// One full check, everything found gathered into the returned library's
/// diagnostics (sorted) and notices.
pub fn check(request: &Request<'_>) -> Library {
    let paths = request.paths;
    let mut library = if request.targets.is_empty() {
        let (config, config_problems) = Config::load(paths);
        let mut library = Library::load(&config.content_layers(paths, request.cli_dirs));
        library.diagnostics.extend(config_problems);
        let (forms, form_problems) = crate::export::Forms::load(paths);
        library.diagnostics.extend(form_problems);
        library.notices.extend(
            forms
                .replaced
                .iter()
                .map(|path| format!("{} is used instead of the built-in form", path.display())),
        );
        library
    } else {
        Library::check_paths(request.targets)
    };
    check_saved_answers(&paths.reflections_dir(), &mut library);
    diagnostic::sort(&mut library.diagnostics);
    library
}

/// What a check reads: the configured content folders and `config.toml`,
/// or the files and folders named.
pub fn watch_plan(request: &Request<'_>) -> WatchPlan {
    let paths = request.paths;
    if request.targets.is_empty() {
        let (config, _) = Config::load(paths);
        let layers = config.content_layers(paths, request.cli_dirs);
        return WatchPlan::for_content(&layers, &paths.config_file());
    }
    let plan = WatchPlan::default();
    request.targets.iter().fold(plan, |plan, t| {
        if t.is_file() {
            plan.file(t)
        } else {
            plan.folder(t)
        }
    })
}

/// Warns about answers that the checked packs no longer have a question for.
/// Reads the notes folder without creating or changing anything in it.
fn check_saved_answers(dir: &Path, library: &mut Library) {
    let saved = peek::answered_questions(dir);
    let found = orphans::orphaned(library, saved.keys.iter().map(String::as_str));
    let warnings = orphans::warnings(library, &found);
    library.diagnostics.extend(warnings);
    if saved.skipped > 0 {
        library.notices.push(format!(
            "{} in {} could not be read, so the answers in them were not checked",
            plural(saved.skipped, "saved reflection"),
            dir.display()
        ));
    }
}

/// Checks, then checks again after every save until interrupted (Ctrl-C).
/// The watcher is (re)started before each check, so a save made while
/// checking is not missed.
pub fn watch(
    request: &Request<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let (tx, rx) = mpsc::channel();
    let mut watcher: Option<ContentWatcher> = None;
    loop {
        let plan = watch_plan(request);
        match watcher.as_mut() {
            Some(running) => _ = running.update(&plan)?,
            None => watcher = Some(ContentWatcher::start(&plan, tx.clone())?),
        }
        let library = check(request);
        report(&library, out, err)?;
        if let Some(running) = &watcher {
            tell_watching(running, out, err)?;
        }
        out.flush()?;
        if !wait_for_change(&rx, err)? {
            return Ok(exit_code(&library));
        }
        while rx.try_recv().is_ok() {}
        let now = chrono::Local::now().naive_local().time();
        writeln!(out, "{}", separator(now))?;
    }
}

/// What is watched, and what could not be.
fn tell_watching(
    running: &ContentWatcher,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    for (path, reason) in running.failures() {
        let path = path.display();
        writeln!(err, "{path}: warning: cannot watch for changes: {reason}")?;
    }
    let folders = plural(running.watches().len(), "folder");
    writeln!(out, "watching {folders} for changes; Ctrl-C to stop")
}

/// Waits for a save; `false` when the watcher has stopped for good.
fn wait_for_change(rx: &mpsc::Receiver<WatchEvent>, err: &mut dyn Write) -> io::Result<bool> {
    loop {
        match rx.recv() {
            Ok(WatchEvent::Changed(_)) => return Ok(true),
            Ok(WatchEvent::Error(reason)) => {
                writeln!(err, "reflect: warning: watching for changes: {reason}")?;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// `── 14:03:12 ──────────`, between one check's output and the next.
pub fn separator(time: chrono::NaiveTime) -> String {
    format!("── {} {}", time.format("%H:%M:%S"), "─".repeat(60))
}

pub fn report(library: &Library, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    for problem in &library.unreadable {
        let (path, reason) = (problem.path.display(), &problem.reason);
        writeln!(err, "{path}: error: cannot read: {reason}")?;
    }
    for diagnostic in &library.diagnostics {
        writeln!(err, "{diagnostic}")?;
    }
    for notice in &library.notices {
        writeln!(out, "note: {notice}")?;
    }
    writeln!(out, "{}", summary(library))
}

pub fn exit_code(library: &Library) -> ExitCode {
    if !library.unreadable.is_empty() {
        ExitCode::from(2)
    } else if library.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// "1 pack, 3 themes, 19 learning points, 26 questions (...); no problems".
pub fn summary(library: &Library) -> String {
    let themes: Vec<_> = library.themes().map(|(_, t)| t).collect();
    let learning: usize = themes.iter().map(|t| t.learning.len()).sum();
    let per_audience: Vec<String> = Audience::ALL
        .iter()
        .map(|&a| {
            let count: usize = themes.iter().map(|t| t.questions_for(a).count()).sum();
            format!("{count} {}", a.key())
        })
        .collect();
    let questions: usize = themes.iter().map(|t| t.questions.len()).sum();
    format!(
        "{}, {}, {}, {} ({}); {}",
        plural(library.packs.len(), "pack"),
        plural(themes.len(), "theme"),
        plural(learning, "learning point"),
        plural(questions, "question"),
        per_audience.join(", "),
        problems(library)
    )
}

fn problems(library: &Library) -> String {
    let errors =
        library.diagnostics.iter().filter(|d| d.is_error()).count() + library.unreadable.len();
    let warnings = library.diagnostics.len() + library.unreadable.len() - errors;
    match (errors, warnings) {
        (0, 0) => "no problems found".to_owned(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
