//! The help overlay's text and how much of it a screen shows, for the
//! private app and the group view alike. Pure, so the update keeps the
//! scroll in range and the drawing shows exactly the same lines.

use ratatui::layout::Rect;

use super::{Binding, GLOBAL, Mode, bindings};
use crate::text::wrap;

/// Widest the help box gets.
const MAX_WIDTH: u16 = 72;
/// Cells for the key labels, right-aligned, then two spaces.
const LABEL: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub text: String,
    pub heading: bool,
}

/// The box help is drawn in on a screen: as tall as its text, never more
/// than the screen less the footer row.
pub fn area(mode: Mode, screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let lines = lines(mode, inner_width(width));
    let rows = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let height = rows.min(screen.height.saturating_sub(1));
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y,
        width,
        height,
    )
}

/// Text columns inside a box `width` wide (border and a space each side).
pub fn inner_width(width: u16) -> usize {
    usize::from(width.saturating_sub(4)).max(1)
}

/// Every line of help over `mode`, wrapped to `width` columns: a heading
/// per section, `keys  what they do` under it, then a word on privacy.
pub fn lines(mode: Mode, width: usize) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for (heading, bindings) in help_sections(mode) {
        if !lines.is_empty() {
            lines.push(text(""));
        }
        lines.push(HelpLine {
            text: heading.to_owned(),
            heading: true,
        });
        for binding in bindings {
            push_binding(&mut lines, binding.label, binding.help, width);
        }
    }
    if mode == Mode::Editor {
        lines.push(text(""));
        push_wrapped(&mut lines, EDITOR_TIP, width);
    }
    if !mode.is_group() {
        lines.push(text(""));
        push_wrapped(&mut lines, PRIVATE, width);
    }
    lines
}

const EDITOR_TIP: &str = "While writing: arrows move the cursor, Ctrl-Home and Ctrl-End go to the start and the end, Enter starts a new line, pasting works, Ctrl-Z undoes, Ctrl-Y redoes, and Esc stops writing.";
const PRIVATE: &str = "Everything you write is saved on this computer only.";

fn text(line: &str) -> HelpLine {
    HelpLine {
        text: line.to_owned(),
        heading: false,
    }
}

/// `label  help`, the labels right-aligned in a column and the help
/// wrapped beside them with a hanging indent.
fn push_binding(lines: &mut Vec<HelpLine>, label: &str, help: &str, width: usize) {
    let indent = LABEL + 2;
    if width <= indent + 8 {
        return push_wrapped(lines, &format!("{label}  {help}"), width);
    }
    for (i, part) in wrap(help, width - indent).into_iter().enumerate() {
        let lead = if i == 0 {
            format!("{label:>LABEL$}  ")
        } else {
            " ".repeat(indent)
        };
        lines.push(text(&format!("{lead}{part}")));
    }
}

fn push_wrapped(lines: &mut Vec<HelpLine>, line: &str, width: usize) {
    lines.extend(wrap(line, width).into_iter().map(|l| text(&l)));
}

/// What the help overlay lists over `mode`, as headed sections: the keys
/// of the screen beneath (in the group view, of every part of it), then
/// the keys that work anywhere.
pub fn help_sections(mode: Mode) -> Vec<(&'static str, Vec<&'static Binding>)> {
    let group = [
        ("Slides", Mode::Slides),
        ("Slide index", Mode::SlideIndex),
        ("Ending", Mode::ConfirmEnd),
        ("Writing a note", Mode::GroupNote),
        ("Choosing a note to change", Mode::NoteChoice),
    ];
    let private = [("Keys on this screen", mode)];
    let sections: &[(&str, Mode)] = if mode.is_group() { &group } else { &private };
    sections
        .iter()
        .map(|&(heading, mode)| (heading, listed(bindings(mode))))
        .chain(std::iter::once(("Anywhere", listed(GLOBAL))))
        .filter(|(_, bindings)| !bindings.is_empty())
        .collect()
}

fn listed(bindings: &'static [Binding]) -> Vec<&'static Binding> {
    bindings.iter().filter(|b| b.listed).collect()
}
