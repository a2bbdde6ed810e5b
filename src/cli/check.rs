//! `reflect check [PATH...]`: every problem with file, line and column.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::content::{Audience, Layer, Library};

/// Exit codes: 0 clean, 1 problems found, 2 something could not be read.
pub fn run(
    layers: &[Layer],
    targets: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<ExitCode> {
    let library = if targets.is_empty() {
        Library::load(layers)
    } else {
        Library::check_paths(targets)
    };
    report(&library, out, err)?;
    Ok(exit_code(&library))
}

pub fn report(library: &Library, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
    for problem in &library.unreadable {
        writeln!(
            err,
            "{}: error: cannot read: {}",
            problem.path.display(),
            problem.reason
        )?;
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
        .map(|a| {
            format!(
                "{} {}",
                themes
                    .iter()
                    .map(|t| t.questions_for(*a).count())
                    .sum::<usize>(),
                a.key()
            )
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
