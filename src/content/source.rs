//! Finding and reading content files, with limits that keep a stray or
//! hostile file from hanging or crashing the app.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;

/// Larger than any real question pack; protects memory and start-up time.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Deeper nesting than any pack needs; protects the parser's stack.
pub const MAX_NESTING: usize = 32;
const MAX_FOLDER_DEPTH: usize = 8;

/// A content file's text, with the path it is reported under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// Why a folder could not be read at all (as opposed to problems in files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

/// Every `*.toml` file under `dir`, in name order, skipping dot-files.
pub fn toml_files_in(dir: &Path) -> Result<Vec<PathBuf>, Unreadable> {
    let mut files = Vec::new();
    collect(dir, 0, &mut files).map_err(|e| Unreadable {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    files.sort();
    Ok(files)
}

fn collect(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_FOLDER_DEPTH {
                // A sub-folder that cannot be listed should not hide the rest.
                let _ = collect(&path, depth + 1, files);
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads one file, or says in plain words why it cannot be used.
pub fn read_file(path: &Path) -> Result<SourceFile, Diagnostic> {
    let fail = |message: String| Diagnostic::error(path, message);
    // A pipe or a device would never end, or never open: not content.
    let meta = fs::metadata(path).map_err(|e| fail(format!("cannot open this file: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            "this is not a plain file (a pipe or a device?)".into(),
        ));
    }
    let file = fs::File::open(path).map_err(|e| fail(format!("cannot open this file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read this file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            "this file is larger than 1 MiB, too large to be a question pack".into(),
        ));
    }
    from_bytes(path, bytes)
}

/// Checks encoding, emptiness and nesting; used for files and embedded content.
pub fn from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        Diagnostic::error(path, "this file is not UTF-8 text")
            .at(&prefix, &(valid..valid))
            .hint("save it as UTF-8 in your editor")
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error(path, "this file is empty")
            .hint("start from the template that `reflect new` writes"));
    }
    if let Some(offset) = too_deep_at(&text) {
        return Err(Diagnostic::error(
            path,
            format!("lists or tables are nested more than {MAX_NESTING} deep"),
        )
        .at(&text, &(offset..offset)));
    }
    Ok(SourceFile {
        path: path.to_path_buf(),
        text,
    })
}

/// Where bracket nesting first exceeds the limit, ignoring strings and
/// comments. Every delimiter is ASCII, so the text is scanned as bytes
/// (UTF-8 never has an ASCII byte inside another character).
fn too_deep_at(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'#' => {
                let comment = bytes[i..].iter().position(|&b| b == b'\n');
                i = comment.map_or(bytes.len() - 1, |length| i + length);
            }
            quote @ (b'"' | b'\'') => i = string_end(bytes, i, quote),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the quote that closes the string opening at `start`.
fn string_end(bytes: &[u8], start: usize, quote: u8) -> usize {
    let multi_line = bytes[start..].starts_with(&[quote; 3]);
    let mut i = start + if multi_line { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 1,
            b'\n' if !multi_line => return i,
            b if b == quote && (!multi_line || bytes[i..].starts_with(&[quote; 3])) => {
                return if multi_line { i + 2 } else { i };
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_and_comments_do_not_count() {
        let deep = "[".repeat(MAX_NESTING + 1);
        assert_eq!(too_deep_at(&format!("x = {deep}")), Some(4 + MAX_NESTING));
        for quiet in [
            format!("a = \"{deep}\"\n"),
            format!("a = '{deep}'\n"),
            format!("a = \"\"\"\n{deep}\n\"\"\"\n"),
            format!("a = '''\n{deep}\n'''\n"),
            format!("# {deep}\n"),
            format!("a = \"\\\" {deep}\"\n"),
            format!("a = \"é {deep}\" # ü\n"),
        ] {
            assert_eq!(too_deep_at(&quiet), None, "{quiet}");
        }
        // An unterminated string or comment ends the scan without a panic.
        for cut in ["a = \"[[", "a = '''", "# [", "a = \"\\"] {
            assert_eq!(too_deep_at(cut), None, "{cut}");
        }
    }
}
