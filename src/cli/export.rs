//! `reflect export [--latest | ID] [-o FILE]`: the supervision preparation
//! sheet as Markdown, to stdout or a private file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::content::Library;
use crate::paths::Paths;
use crate::store::files;

pub fn run(
    paths: &Paths,
    library: &Library,
    id: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
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
    match output {
        Some(path) => {
            files::write_atomic(path, markdown.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => out.write_all(markdown.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
