//! `reflect new [DIR]`: a commented template pack that passes `check`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

pub const TEMPLATE: &str = include_str!("../../templates/new-pack.toml");
pub const TEMPLATE_NAME: &str = "my-team-pack.toml";

pub fn run(dir: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let path = dir.join(TEMPLATE_NAME);
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "reflect: {} already exists; it was left as it is",
                path.display()
            );
            eprintln!("  hint: rename it, or give another folder: reflect new DIR");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    };
    file.write_all(TEMPLATE.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    writeln!(out, "wrote {}", path.display())?;
    writeln!(out, "edit it, then run: reflect check {}", dir.display())?;
    Ok(ExitCode::SUCCESS)
}
