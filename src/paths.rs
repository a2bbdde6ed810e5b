//! Every location `reflect` reads or writes, decided in one place.
//!
//! `REFLECT_CONFIG_DIR` overrides everything (portable use, tests on any
//! platform); otherwise the platform's config folder from `directories`
//! (`$XDG_CONFIG_HOME/reflect` or `~/.config/reflect` on Linux).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub const CONFIG_DIR_VAR: &str = "REFLECT_CONFIG_DIR";
pub const CONTENT_PATH_VAR: &str = "REFLECT_CONTENT";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Result<Paths> {
        if let Some(dir) = std::env::var_os(CONFIG_DIR_VAR).filter(|d| !d.is_empty()) {
            return Ok(Paths::at(dir));
        }
        let base = directories::BaseDirs::new().context(
            "cannot find your home folder; set REFLECT_CONFIG_DIR to a folder for reflect's files",
        )?;
        Ok(Paths::at(base.config_dir().join("reflect")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Paths {
        Paths {
            config_dir: dir.into(),
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    /// The user's own content packs.
    pub fn content_dir(&self) -> PathBuf {
        self.config_dir.join("content")
    }

    /// Private reflections: answers, notes and actions.
    pub fn reflections_dir(&self) -> PathBuf {
        self.config_dir.join("reflections")
    }

    /// Group session records (agreed points, not private notes).
    pub fn groups_dir(&self) -> PathBuf {
        self.config_dir.join("groups")
    }

    /// Supervision sheets exported from inside the app.
    pub fn exports_dir(&self) -> PathBuf {
        self.config_dir.join("exports")
    }

    /// Copies of the forms reflect fills (CPD record, reflective account),
    /// edited to follow a change the body made.
    pub fn forms_dir(&self) -> PathBuf {
        self.config_dir.join("forms")
    }

    /// What only makes the next start faster (the content index): safe
    /// to delete at any time.
    pub fn cache_dir(&self) -> PathBuf {
        self.config_dir.join("cache")
    }

    /// Folders named in `REFLECT_CONTENT`, a path list like `PATH`.
    pub fn env_content_dirs() -> Vec<PathBuf> {
        std::env::var_os(CONTENT_PATH_VAR)
            .map(|list| {
                std::env::split_paths(&list)
                    .filter(|p| !p.as_os_str().is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// "exists", "missing" or "not a folder", for `reflect paths`.
pub fn describe_existence(path: &Path, want_dir: bool) -> &'static str {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() == want_dir => "exists",
        Ok(_) if want_dir => "exists, but is not a folder",
        Ok(_) => "exists, but is not a file",
        Err(_) => "does not exist yet",
    }
}
