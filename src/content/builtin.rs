//! The built-in pack, compiled into the binary so `reflect` works anywhere.

use std::path::PathBuf;

/// Shown as the folder of built-in files in messages and `reflect paths`.
pub const BUILTIN_PREFIX: &str = "<built-in>";

const FILES: &[(&str, &str)] = &[
    (
        "panel-2023-24/pack.toml",
        include_str!("../../content/panel-2023-24/pack.toml"),
    ),
    (
        "panel-2023-24/1-child-mental-health.toml",
        include_str!("../../content/panel-2023-24/1-child-mental-health.toml"),
    ),
    (
        "panel-2023-24/2-parental-mental-health.toml",
        include_str!("../../content/panel-2023-24/2-parental-mental-health.toml"),
    ),
    (
        "panel-2023-24/3-extrafamilial-harm.toml",
        include_str!("../../content/panel-2023-24/3-extrafamilial-harm.toml"),
    ),
];

/// The built-in files as `(folder/name.toml, text)`, for copying them out.
pub fn named_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    FILES.iter().copied()
}

/// The built-in files with the paths they are reported under.
pub fn files() -> impl Iterator<Item = (PathBuf, &'static str)> {
    FILES
        .iter()
        .map(|(name, text)| (PathBuf::from(BUILTIN_PREFIX).join(name), *text))
}
