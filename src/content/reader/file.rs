//! The file being read: its text, where each span is in lines and
//! columns, the whole document parsed with spans, and what is wrong so far.

use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use crate::content::diagnostic::Diagnostic;

/// The file being read and the problems found in it so far.
pub struct FileContext<'t> {
    pub path: &'t Path,
    pub text: &'t str,
    pub diagnostics: Vec<Diagnostic>,
    /// Byte offset where each line starts: positions are looked up for
    /// every id, and scanning from the top each time made large packs slow.
    line_starts: Vec<usize>,
}

impl<'t> FileContext<'t> {
    pub fn new(path: &'t Path, text: &'t str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileContext {
            path,
            text,
            diagnostics: Vec::new(),
            line_starts,
        }
    }

    pub fn error(&mut self, span: &Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = Diagnostic::error(self.path, message).at(self.text, span);
        self.diagnostics.push_mut(diagnostic)
    }

    pub fn warning(&mut self, span: &Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = Diagnostic::warning(self.path, message).at(self.text, span);
        self.diagnostics.push_mut(diagnostic)
    }

    pub fn position(&self, span: &Range<usize>) -> Position {
        let offset = self.text.floor_char_boundary(span.start);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        Position {
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }
}

/// Where something was found, for problems noticed after reading (duplicates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Parses a whole file into a spanned table; `None` (with every syntax error
/// reported) when it is not valid TOML.
pub fn parse_document<'i>(cx: &mut FileContext<'_>, text: &'i str) -> Option<DeTable<'i>> {
    let (root, syntax_errors) = DeTable::parse_recoverable(text);
    if syntax_errors.is_empty() {
        return Some(root.into_inner());
    }
    for error in &syntax_errors {
        let span = error.span().unwrap_or(0..0);
        cx.error(&span, syntax_message(error.message()));
    }
    None
}

fn syntax_message(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    format!("this is not valid TOML: {message}")
}
