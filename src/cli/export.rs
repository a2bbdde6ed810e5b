//! `reflect export [--latest | ID] [--format F] [-o FILE] [--force]`: a
//! reflection as a supervision sheet (Markdown, the default), a CPD record,
//! an NMC reflective account or plain text, to stdout or a private file.
//!
//! The steps: find the reflection, render it in the chosen format (warnings
//! to stderr), then write or print it. Before a file is written with
//! possible identifying details still marked, the user is asked (see
//! `export_check`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::export_check::{self, Guard, Verdict};
use crate::content::Library;
use crate::export::{self, Format, Forms, Input};
use crate::paths::Paths;
use crate::store::Reflection;

/// What to export, and where to.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub id: Option<&'a str>,
    pub format: Format,
    pub output: Option<&'a Path>,
}

pub fn run(
    paths: &Paths,
    library: &Library,
    request: Request<'_>,
    (out, err): (&mut dyn Write, &mut dyn Write),
    mut guard: Guard<'_>,
) -> Result<ExitCode> {
    let report = super::history::load(paths)?;
    let found = match request.id {
        Some(id) => report.records.iter().find(|r| r.id == id),
        None => report.records.first(),
    };
    let Some(reflection) = found else {
        match request.id {
            Some(id) if is_group_record(paths, id) => eprintln!(
                "reflect: `{id}` is a group session's record: `reflect export --group {id}` exports it"
            ),
            Some(id) => eprintln!("reflect: no reflection `{id}`; `reflect history` lists them"),
            None => eprintln!("reflect: no reflections yet to export"),
        }
        return Ok(ExitCode::from(1));
    };
    let forms = forms(paths);
    let text = render(&forms, library, reflection, &report.records, request.format);
    let mut marked = export_check::marked(reflection, library, &guard);
    // A hand-in detail is asked about only in an export that carries it
    // (the CPD record does; the supervision sheet does not).
    let left_out: Vec<&str> = crate::privacy::marks::handin_words(reflection)
        .filter(|(_, source, _)| !export::carries(request.format, &forms, *source))
        .map(|(place, _, _)| place)
        .collect();
    marked.retain(|m| !left_out.contains(&m.place.as_str()));
    match request.output {
        Some(path) => {
            let Some(target) = super::output_file(path, guard.force, err)? else {
                return Ok(ExitCode::from(1));
            };
            if export_check::before_file(&marked, path, &mut guard, err)? == Verdict::Refused {
                return Ok(ExitCode::from(1));
            }
            target
                .write(text.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            out.write_all(text.as_bytes())?;
            export_check::after_stdout(&marked, err)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `id` names a group record (a plain name only: never a path).
fn is_group_record(paths: &Paths, id: &str) -> bool {
    let plain = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plain && paths.groups_dir().join(format!("{id}.toml")).is_file()
}

/// The reflection in `format`, its warnings told on stderr.
fn render(
    forms: &Forms,
    library: &Library,
    reflection: &Reflection,
    all: &[Reflection],
    format: Format,
) -> String {
    let earlier = crate::carry::open_before(reflection, all);
    let input = Input {
        reflection,
        earlier: &earlier,
        library,
        forms,
    };
    let rendered = export::render(format, &input);
    for warning in &rendered.warnings {
        eprintln!("reflect: warning: {warning}");
    }
    rendered.text
}

/// The forms in use; a copy in the forms folder with problems is named
/// (the built-in form is used instead).
fn forms(paths: &Paths) -> Forms {
    let (forms, problems) = Forms::load(paths);
    for problem in problems.iter().filter(|d| d.is_error()) {
        eprintln!(
            "reflect: {} has problems, so the built-in form is used; see `reflect check`",
            problem.path.display()
        );
    }
    forms
}
