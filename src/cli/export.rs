//! `reflect export [--latest | ID] [-o FILE] [--force]`: the supervision
//! preparation sheet as Markdown, to stdout or a private file; before a
//! file is written with possible identifying details still marked, the
//! user is asked (see `export_check`).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::export_check::{self, Guard, Verdict};
use crate::content::Library;
use crate::paths::Paths;
use crate::store::files;

pub fn run(
    paths: &Paths,
    library: &Library,
    id: Option<&str>,
    output: Option<&Path>,
    (out, err): (&mut dyn Write, &mut dyn Write),
    mut guard: Guard<'_>,
) -> Result<ExitCode> {
    let report = super::history::load(paths)?;
    let found = match id {
        Some(id) => report.records.iter().find(|r| r.id == id),
        None => report.records.first(),
    };
    let Some(reflection) = found else {
        match id {
            Some(id) => eprintln!("reflect: no reflection `{id}`; `reflect history` lists them"),
            None => eprintln!("reflect: no reflections yet to export"),
        }
        return Ok(ExitCode::from(1));
    };
    let markdown = crate::sheet::markdown(reflection, library);
    let marked = export_check::marked(reflection, library, &guard);
    match output {
        Some(path) => {
            if export_check::before_file(&marked, path, &mut guard, err)? == Verdict::Refused {
                return Ok(ExitCode::from(1));
            }
            files::write_atomic(path, markdown.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => {
            out.write_all(markdown.as_bytes())?;
            export_check::after_stdout(&marked, err)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
