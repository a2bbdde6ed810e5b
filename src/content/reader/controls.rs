//! Characters a terminal acts on rather than shows, in content text: a
//! pack is shown on screens and printed by `reflect list`, and an ESC
//! sequence in it would clear or restyle the reader's terminal, a bidi
//! override would show its words in another order. They are said (where
//! written, to the character) and left out; tabs become spaces.

use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::file::FileContext;

/// `text` (the value's words) made safe, the first such character said.
pub(super) fn without_controls(
    cx: &mut FileContext<'_>,
    value: &Spanned<DeValue<'_>>,
    what: &str,
    text: &str,
) -> String {
    if let Some(found) = text.chars().find(|&c| acted_on(c)) {
        let at = written_at(cx.text, value.span()).unwrap_or_else(|| value.span());
        cx.warning(
            &at,
            format!(
                "{what} holds a control character (U+{:04X}), which a terminal acts on rather than shows; it is left out",
                u32::from(found)
            ),
        )
        .push_hint("remove it from the file");
    }
    // Escape sequences go whole, not just their ESC.
    crate::text::without_controls(text)
        .chars()
        .filter(|&c| !is_bidi(c))
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect()
}

/// Said and left out. A CR (a Windows line end) is only left out.
fn acted_on(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_bidi(c)
}

/// Marks that reorder the text around them.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Where in the file the first such character is written: as itself, or
/// as an escape (`\u001B`, `\U0000001B`, `\e`).
fn written_at(source: &str, span: Range<usize>) -> Option<Range<usize>> {
    let raw = source.get(span.clone())?;
    let mut escaped = false;
    for (at, c) in raw.char_indices() {
        let here = |len: usize| span.start + at..span.start + at + len;
        if acted_on(c) {
            return Some(here(c.len_utf8()));
        }
        if escaped {
            escaped = false;
            continue;
        }
        if c != '\\' {
            continue;
        }
        let rest = &raw[at + 1..];
        match escape(rest) {
            Some((ch, len)) if acted_on(ch) => return Some(here(len + 1)),
            _ => escaped = true,
        }
    }
    None
}

/// The character a TOML escape after its backslash stands for, and how
/// long the escape is.
fn escape(rest: &str) -> Option<(char, usize)> {
    let hex = |digits: usize| {
        let code = rest.get(1..=digits)?;
        char::from_u32(u32::from_str_radix(code, 16).ok()?).map(|c| (c, digits + 1))
    };
    match rest.chars().next()? {
        'u' => hex(4),
        'U' => hex(8),
        'e' => Some(('\u{1b}', 1)),
        _ => None,
    }
}
