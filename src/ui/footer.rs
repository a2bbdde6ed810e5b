//! The one footer: the keys of what has the keyboard, straight from the
//! key tables, so the hints can never drift from the keys.
//!
//! On the private screens it wraps onto more rows rather than hide a key.
//! On the group's shared screen it is one bar under the slide: a status
//! first, then the hints, dropped from the end when they do not fit, help
//! (always last) kept after a "…".

use ratatui::text::{Line, Span};

use super::style::Palette;
use crate::keys::{self, Context, Mode};
use crate::text::width;

/// The hints as one line of styled spans (keys bold, words muted). Words
/// are joined by no-break spaces, so a wrap never parts a key from them.
pub fn line(mode: Mode, context: Context, palette: Palette) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, words) in keys::footer(mode, context) {
        if !spans.is_empty() {
            spans.push(Span::styled("  ", palette.muted()));
        }
        spans.push(Span::styled(key, palette.key()));
        spans.push(Span::styled(
            format!("\u{a0}{}", words.replace(' ', "\u{a0}")),
            palette.muted(),
        ));
    }
    Line::from(spans)
}

/// Rows the wrapped footer needs to show every key, up to three.
pub fn height(mode: Mode, context: Context, width: u16) -> u16 {
    let line = line(mode, context, Palette::new(false));
    super::text::wrapped_height_at_most(std::slice::from_ref(&line), width, 3).max(1)
}

/// The one-bar footer's text, for `room` cells: `status`, then the hints.
/// Quitting is left out: on a shared screen the bar is for the room.
pub fn bar(mode: Mode, context: Context, status: Option<&str>, room: usize) -> String {
    let hints: Vec<String> = keys::footer(mode, context)
        .filter(|(key, _)| *key != keys::key_name(mode, keys::Command::Quit))
        .map(|(key, words)| format!("{key} {words}"))
        .collect();
    let lead: Vec<String> = status.map(str::to_owned).into_iter().collect();
    let Some((last, rest)) = hints.split_last() else {
        return lead.join("  ");
    };
    let mut text = String::new();
    for kept in (0..=rest.len()).rev() {
        let mut parts = lead.clone();
        parts.extend(rest[..kept].iter().cloned());
        if kept < rest.len() {
            parts.push("…".into());
        }
        parts.push(last.clone());
        text = parts.join("  ");
        if width(&text) <= room {
            break;
        }
    }
    text
}
