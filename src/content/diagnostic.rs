//! Problems found in content files, located by `path:line:column`.
//!
//! A diagnostic is what `reflect check` prints and what the app shows in its
//! status line, so its message must make sense to someone editing TOML by
//! hand, and its hints say what to do about it.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters; 0 when the problem concerns the whole file.
    pub column: usize,
    pub message: String,
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn warning(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at the start of `span` within `text`.
    pub fn at(mut self, text: &str, span: &Range<usize>) -> Self {
        let (line, column) = line_column(text, span.start);
        self.line = line;
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.push_hint(hint);
        self
    }

    /// The same on a diagnostic already reported (`FileContext::error`).
    pub fn push_hint(&mut self, hint: impl Into<String>) -> &mut Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or just `path` when the whole file is concerned).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.path.display().to_string()
        } else {
            format!("{}:{}:{}", self.path.display(), self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:col: error: message`, then one `  hint: ...` line per hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {level}: {}", self.location(), self.message)?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Sorts diagnostics by file, then position, so output reads top to bottom.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.severity).cmp(&(&b.path, b.line, b.column, b.severity))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let text = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        let eq = text
            .find('=')
            .map(|_| text.rfind('=').unwrap_or(0))
            .unwrap_or(0);
        assert_eq!(line_column(text, eq), (2, 4));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        assert_eq!(line_column("é", 1), (1, 1));
        assert_eq!(line_column("ab", 99), (1, 3));
    }

    #[test]
    fn display_is_path_line_column_then_hints() {
        let d = Diagnostic::error(Path::new("p.toml"), "unknown key `qestion`")
            .at("x = 1\n  qestion = 2", &(8..15))
            .hint("did you mean `question`?");
        assert_eq!(
            d.to_string(),
            "p.toml:2:3: error: unknown key `qestion`\n  hint: did you mean `question`?"
        );
    }
}
