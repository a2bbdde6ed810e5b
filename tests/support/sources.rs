//! The program's own Rust files, read as text by the tests that hold the
//! code to its rules (`module_cycles.rs`, `key_names.rs`).

use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/` but test files and folders: its path
/// below `src/`, and its text with the items marked `#[cfg(test)]` blanked
/// (so line numbers still hold).
pub fn program_sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().map(Result::unwrap) {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "tests" || name.ends_with("tests.rs") {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if name.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = without_tests(&text);
                files.push((path.strip_prefix(&src).unwrap().to_path_buf(), code));
            }
        }
    }
    assert!(files.len() > 50, "src/ was not read: {} files", files.len());
    files
}

/// `text` with each item under `#[cfg(test)]` blanked: a one-line item
/// (`mod tests;`), or a block up to its closing brace at the same indent.
fn without_tests(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            code.push_str(line);
            code.push('\n');
            continue;
        }
        code.push('\n');
        let indent = &line[..line.len() - line.trim_start().len()];
        let Some(item) = lines.next() else { break };
        code.push('\n');
        if item.trim_end().ends_with('{') {
            let close = format!("{indent}}}");
            for rest in lines.by_ref() {
                code.push('\n');
                if rest == close {
                    break;
                }
            }
        }
    }
    code
}
