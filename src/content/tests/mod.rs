//! Validation rules, layering and the built-in pack, tested without a disk
//! where possible and with temporary folders where not.

use std::fs;
use std::path::{Path, PathBuf};

use super::parse::parse_file;
use super::*;

mod builtin;
mod folders;
mod rules;

const GOOD: &str = r#"[pack]
id = "p"
title = "A pack"

[[theme]]
id = "t"
title = "A theme"
learning = ["One point."]

[[theme.question]]
id = "q1"
audience = "practitioner"
text = "First?"

[[theme.question]]
id = "q2"
audience = "leader"
text = "Second?"
"#;

/// Problems in one file as `line:col: message` strings.
fn problems(text: &str) -> Vec<String> {
    let (_, diagnostics) = parse_file(Path::new("f.toml"), text);
    diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect()
}

fn hints(text: &str) -> Vec<String> {
    let (_, diagnostics) = parse_file(Path::new("f.toml"), text);
    diagnostics.into_iter().flat_map(|d| d.hints).collect()
}

fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, bytes).expect("write");
    }
    dir
}

fn load(dir: &Path) -> Library {
    Library::load(&[Layer::folder("test", dir, true)])
}

fn messages(library: &Library) -> Vec<String> {
    library
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect()
}
