//! How the identifying-details check shows: the marked text underlined in
//! the answer (or notes), one line under the box naming what kinds are
//! marked and the keys, and a list in the review. Gentle by design: a
//! colour and an underline, never a block on writing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::style::Palette;
use crate::app::privacy::{Mark, Shown};
use crate::app::{App, Session};
use crate::keys::{Command, Mode, key_name};
use crate::privacy::marks::{count_words, describe, tally};
use crate::text_box::{Styled, TextBox};

/// The marks that belong to `editor` (the one drawn, answer or notes).
fn marks_of(session: &Session, shown: Shown) -> &[Mark] {
    if session.marks.shown == shown {
        &session.marks.items
    } else {
        &[]
    }
}

/// Underlines the marks in `editor`, just drawn into `inner`. A mark whose
/// text has changed since the check last ran is left out until it runs.
pub fn style(
    buf: &mut Buffer,
    inner: Rect,
    session: &Session,
    (editor, shown): (&TextBox, Shown),
    palette: Palette,
) {
    let marks = marks_of(session, shown);
    if marks.is_empty() {
        return;
    }
    let current = session.marks.at(editor.cursor(), editor);
    let ranges: Vec<Styled> = marks
        .iter()
        .filter(|m| {
            editor
                .line(m.line)
                .and_then(|l| l.get(m.span.clone()))
                .is_some_and(|t| t == m.text)
        })
        .map(|m| Styled {
            line: m.line,
            span: m.span.clone(),
            style: if current == Some(m) {
                palette.mark_current()
            } else {
                palette.mark()
            },
        })
        .collect();
    editor.style_ranges(buf, inner, &ranges);
}

/// "This may identify someone: a postcode and a name · Ctrl-G see each ·
/// Ctrl-O it is fine", when anything is marked in the box on screen.
pub fn note(session: &Session, shown: Shown, palette: Palette) -> Option<Line<'static>> {
    let marks = marks_of(session, shown);
    if marks.is_empty() {
        return None;
    }
    let kinds = describe(&tally(marks.iter().map(|m| m.kind)));
    let mut spans = vec![
        Span::styled(
            format!("This may identify someone: {kinds}"),
            palette.mark_note(),
        ),
        Span::styled("  ", palette.muted()),
        Span::styled(key_name(Mode::Editor, Command::NextMark), palette.key()),
        Span::styled("\u{a0}see\u{a0}each", palette.muted()),
    ];
    if !session.read_only {
        spans.push(Span::styled("  ", palette.muted()));
        spans.push(Span::styled(
            key_name(Mode::Editor, Command::MarkFine),
            palette.key(),
        ));
        spans.push(Span::styled("\u{a0}it\u{a0}is\u{a0}fine", palette.muted()));
    }
    Some(Line::from(spans))
}

/// What the review says about the check: each place still marked and its
/// kinds, or that nothing is (when the check is on).
pub fn review_lines(app: &App, session: &Session, palette: Palette) -> Vec<Line<'static>> {
    if !app.identifying.enabled {
        return Vec::new();
    }
    let marked = &session.marks.review;
    if marked.is_empty() {
        return vec![Line::styled(
            "Nothing is marked as possibly identifying (a help, not a guarantee).",
            palette.muted(),
        )];
    }
    let total = marked.iter().map(|m| m.count()).sum();
    let mut lines = vec![Line::styled(
        format!("{} still marked:", count_words(total)),
        palette.mark_note(),
    )];
    lines.extend(marked.iter().map(|m| {
        Line::from(vec![
            Span::styled(format!("  {}: ", m.place), palette.heading()),
            Span::styled(describe(&m.kinds), palette.text()),
        ])
    }));
    lines.push(Line::styled(
        format!(
            "In the walkthrough, {} goes to each one and {} says it is fine.",
            key_name(Mode::Walkthrough, Command::NextMark),
            key_name(Mode::Walkthrough, Command::MarkFine)
        ),
        palette.muted(),
    ));
    // An action or a hand-in detail is not in a box of the walkthrough.
    if marked
        .iter()
        .any(|m| m.question.is_none() && m.place != "Notes")
    {
        lines.push(Line::styled(
            format!(
                "An action or a detail is changed where it is written ({} actions, {} details), or exported as it is ({} twice).",
                key_name(Mode::Review, Command::OpenActions),
                key_name(Mode::Review, Command::OpenDetails),
                key_name(Mode::Review, Command::Export),
            ),
            palette.muted(),
        ));
    }
    lines
}
