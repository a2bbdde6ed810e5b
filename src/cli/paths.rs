//! `reflect paths`: every location reflect reads or writes, and whether it
//! exists, so nobody has to guess where their notes are.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::BUILTIN_PREFIX;
use crate::paths::{CONFIG_DIR_VAR, CONTENT_PATH_VAR, Paths, describe_existence};

pub fn run(
    paths: &Paths,
    config: &Config,
    cli_dirs: &[PathBuf],
    out: &mut dyn Write,
) -> io::Result<()> {
    let folders = [
        ("config folder", paths.config_dir.clone()),
        ("your content", paths.content_dir()),
        ("reflections", paths.reflections_dir()),
        ("group records", paths.groups_dir()),
        ("exports", paths.exports_dir()),
        ("forms", paths.forms_dir()),
        ("cache", paths.cache_dir()),
    ];
    for (label, dir) in &folders {
        line(out, label, dir, describe_existence(dir, true))?;
    }
    let config_file = paths.config_file();
    let state = describe_existence(&config_file, false);
    line(out, "config file", &config_file, state)?;
    for dir in &config.content {
        line(out, "config content", dir, describe_existence(dir, true))?;
    }
    for dir in Paths::env_content_dirs() {
        line(out, CONTENT_PATH_VAR, &dir, describe_existence(&dir, true))?;
    }
    for dir in cli_dirs {
        line(out, "--content", dir, describe_existence(dir, true))?;
    }
    writeln!(
        out,
        "{:<15} {BUILTIN_PREFIX} (compiled into reflect)",
        "built-in"
    )?;
    if std::env::var_os(CONFIG_DIR_VAR).is_some() {
        writeln!(
            out,
            "({CONFIG_DIR_VAR} is set: it decides the config folder)"
        )?;
    }
    Ok(())
}

fn line(out: &mut dyn Write, label: &str, path: &Path, state: &str) -> io::Result<()> {
    writeln!(out, "{label:<15} {}  ({state})", path.display())
}
