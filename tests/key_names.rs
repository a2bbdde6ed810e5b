//! A sentence on screen that names a key takes the key from the key
//! tables (`keys::key_name`), so it cannot drift from what the key does
//! when a binding changes. This reads every string in `src/` (but the key
//! tables themselves, the command line's help and tests) for a key named
//! by hand.

mod support;

use support::sources::program_sources;

/// Words that name keys.
const KEY_WORDS: &[&str] = &["Esc", "Enter", "Tab", "Space", "PgUp", "PgDn", "F1"];

/// Named on purpose: Enter in a text box types a new line, which is the
/// text box's own behaviour, not a binding.
const ALLOWED: &[&str] = &["Write your answer here. Enter starts a new line; {} moves on."];

#[test]
fn no_sentence_names_a_key_by_hand() {
    let mut found = Vec::new();
    // The key tables name keys, and the command line's help names none.
    let named_here = |file: &std::path::Path| file.starts_with("keys") || file.starts_with("cli");
    for (file, code) in program_sources() {
        if named_here(&file) {
            continue;
        }
        for (line, text) in strings(&code) {
            if names_a_key(&text) && !ALLOWED.contains(&text.as_str()) {
                found.push(format!("{}:{line}: {text:?}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences that name a key by hand (use keys::key_name): {found:#?}"
    );
}

#[test]
fn a_key_named_by_hand_is_found() {
    assert!(names_a_key("Press a to add one"));
    assert!(names_a_key("or press Ctrl-Q again"));
    assert!(names_a_key(" Notes (Esc when done) "));
    assert!(names_a_key(" Learning · 1 of 6 · l: next "));
    assert!(names_a_key("↓ more below · j/↓ to scroll"));
    assert!(!names_a_key("Press {} to add one"));
    assert!(!names_a_key("and/or: yes"));
    assert!(!names_a_key("The tab of a form, a space, an enterprise"));
}

fn names_a_key(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let pressed = words
        .windows(2)
        .any(|pair| pair[0].eq_ignore_ascii_case("press") && pair[1].chars().count() == 1);
    pressed
        || words
            .iter()
            .any(|w| KEY_WORDS.contains(w) || w.starts_with("Ctrl-"))
        || text.split_whitespace().any(is_key_token)
}

/// "l:" (a letter and what it does) or "j/↓" (keys side by side).
fn is_key_token(token: &str) -> bool {
    let key = |part: &str| {
        let mut chars = part.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic() || "↑↓←→".contains(c))
    };
    token.strip_suffix(':').is_some_and(key)
        || token.split_once('/').is_some_and(|(a, b)| key(a) || key(b))
}

/// The string literals of `code`, with their line numbers; comments are
/// skipped.
fn strings(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let line = match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        };
        let mut parts = line.split('"');
        parts.next();
        while let (Some(text), _) = (parts.next(), parts.next()) {
            found.push((n + 1, text.to_string()));
        }
    }
    found
}
