//! The command-line tools run as a user runs them: the real binary, with
//! the config folder (and `HOME`) in a temporary place.

use std::path::Path;
use std::process::{Command, Output};

pub fn reflect(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reflect"))
        .args(args)
        .env("REFLECT_CONFIG_DIR", config)
        .env("HOME", config)
        .env("XDG_CONFIG_HOME", config)
        .env_remove("REFLECT_CONTENT")
        .output()
        .expect("run reflect")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
