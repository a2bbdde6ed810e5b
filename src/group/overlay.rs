//! What is drawn over the slide: the index, help, the end confirmation and
//! the note input. Each fits itself to the screen and says when something
//! is left out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::input::NoteInput;
use super::layout::{Areas, centred};
use super::slides::{Slide, SlideKind};
use super::state::{GroupSession, Mode};
use super::style::Palette;
use super::text::{truncate, wrap_ranges};
use super::widgets::{clip, fill, put};
use crate::keys;

/// Most rows the note input grows to before it scrolls.
const NOTE_ROWS: u16 = 6;

pub fn render(
    session: &GroupSession,
    screen: Rect,
    bands: Areas,
    buf: &mut Buffer,
    palette: Palette,
) {
    match session.mode() {
        Mode::Index { selected } => index(session, *selected, screen, buf, palette),
        Mode::Help { scroll } => help(*scroll, screen, buf, palette),
        Mode::ConfirmEnd => confirm(session, screen, buf, palette),
        Mode::Note(input) => note(session, input, bands, buf, palette),
        Mode::Slides | Mode::Blank => {}
    }
}

/// A cleared, bordered box; returns the space inside. Too small for a
/// border, the box is just cleared.
fn panel(buf: &mut Buffer, rect: Rect, title: &str, palette: Palette) -> Rect {
    let rect = clip(rect, buf);
    fill(buf, rect, palette.base());
    if !has_border(rect) {
        return rect;
    }
    let title = truncate(&format!(" {title} "), usize::from(rect.width - 2));
    Block::bordered()
        .title(Line::from(title))
        .style(palette.base())
        .border_style(palette.bold())
        .render(rect, buf);
    panel_inner(rect)
}

fn has_border(rect: Rect) -> bool {
    rect.width >= 6 && rect.height >= 3
}

/// The space inside a panel: inside the border, with a column of padding
/// on each side when there is room.
fn panel_inner(rect: Rect) -> Rect {
    if !has_border(rect) {
        return rect;
    }
    let pad = u16::from(rect.width >= 24);
    rect.inner(Margin::new(1 + pad, 1))
}

fn index(
    session: &GroupSession,
    selected: usize,
    screen: Rect,
    buf: &mut Buffer,
    palette: Palette,
) {
    let slides = session.slides();
    let rows = u16::try_from(slides.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let width = screen.width.saturating_sub(4).min(90);
    let rect = centred(screen, width, rows.min(screen.height.saturating_sub(2)));
    let title = format!("Slides · {} / {}", selected + 1, slides.len());
    let inner = panel(buf, rect, &title, palette);
    let visible = usize::from(inner.height);
    // Scroll just enough to keep the chosen slide in view.
    let first = selected.saturating_sub(visible.saturating_sub(1));
    for (row, (i, slide)) in (inner.y..inner.bottom()).zip(slides.iter().enumerate().skip(first)) {
        let style = if i == selected {
            palette.bar()
        } else {
            palette.base()
        };
        let current = if i == session.current_index() {
            "▸"
        } else {
            " "
        };
        let line = format!("{current}{:>3}  {}", i + 1, index_label(slide));
        fill(buf, Rect::new(inner.x, row, inner.width, 1), style);
        put(buf, inner, row, &line, style, false);
    }
    let below = first + visible < slides.len();
    more_sign(buf, rect, first > 0, below, palette);
}

/// "more above / below" on a panel's bottom border, when it has one.
fn more_sign(buf: &mut Buffer, rect: Rect, above: bool, below: bool, palette: Palette) {
    let sign = match (above, below) {
        (_, true) => "more below ↓",
        (true, false) => "more above ↑",
        (false, false) => return,
    };
    if has_border(rect) {
        let row = rect.inner(Margin::new(2, 0));
        put(buf, row, rect.bottom() - 1, sign, palette.bold(), true);
    }
}

/// How a slide is named in the index.
fn index_label(slide: &Slide) -> String {
    match slide.kind {
        SlideKind::Question => format!("{} — {}", slide.header(), slide.title),
        SlideKind::Title => format!("{} — {}", slide.title, slide.header()),
        _ => slide.header(),
    }
}

/// Where help goes on a screen: as tall as its text, at most the screen
/// less the footer.
fn help_rect(screen: Rect) -> Rect {
    let rows = u16::try_from(help_lines().len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let height = rows.min(screen.height.saturating_sub(1));
    let rect = centred(screen, screen.width.saturating_sub(4).min(72), height);
    Rect::new(rect.x, screen.y, rect.width, rect.height)
}

/// How far help can scroll on a screen of `size`.
pub fn help_scroll_max(size: (u16, u16)) -> usize {
    let inner = panel_inner(help_rect(Rect::new(0, 0, size.0, size.1)));
    help_lines().len().saturating_sub(usize::from(inner.height))
}

fn help(scroll: usize, screen: Rect, buf: &mut Buffer, palette: Palette) {
    let lines = help_lines();
    let rect = help_rect(screen);
    let inner = panel(buf, rect, "Keys", palette);
    let first = scroll.min(lines.len());
    for (row, (text, bold)) in (inner.y..inner.bottom()).zip(&lines[first..]) {
        let style = if *bold {
            palette.bold()
        } else {
            palette.base()
        };
        put(buf, inner, row, text, style, false);
    }
    let below = first + usize::from(inner.height) < lines.len();
    let sign = match (first > 0, below) {
        (true, true) => "↑ more ↓  (↑/↓ scroll)",
        (false, true) => "more ↓  (↓ scrolls)",
        (true, false) => "↑ more  (↑ scrolls)",
        (false, false) => return,
    };
    if has_border(rect) {
        put(
            buf,
            rect.inner(Margin::new(2, 0)),
            rect.bottom() - 1,
            &format!(" {sign} "),
            palette.bold(),
            true,
        );
    } else if inner.height > 0 {
        put(buf, inner, inner.bottom() - 1, "…", palette.bold(), false);
    }
}

/// Help text from the key tables: a heading per part of the view, then
/// `keys  what they do`. The bool marks headings.
pub fn help_lines() -> Vec<(String, bool)> {
    let mut lines = Vec::new();
    for (heading, bindings) in keys::help_sections(keys::Mode::Slides) {
        lines.push((heading.to_string(), true));
        for binding in bindings {
            lines.push((format!("  {:<10} {}", binding.label, binding.help), false));
        }
    }
    lines
}

fn confirm(session: &GroupSession, screen: Rect, buf: &mut Buffer, palette: Palette) {
    let rect = centred(screen, 44, 6);
    let inner = panel(buf, rect, "End the session?", palette);
    let notes = match session.record().notes.len() {
        0 => "No notes were written.".to_string(),
        1 => "The group's note is saved.".to_string(),
        n => format!("The group's {n} notes are saved."),
    };
    let lines = [notes.as_str(), "", "y / Enter: end    n / Esc: stay"];
    for (row, text) in (inner.y..).zip(lines) {
        put(buf, inner, row, text, palette.base(), true);
    }
}

/// The note input above the footer, growing with its text up to a few
/// rows, then scrolling to keep the cursor in view.
fn note(
    session: &GroupSession,
    input: &NoteInput,
    bands: Areas,
    buf: &mut Buffer,
    palette: Palette,
) {
    let area = bands.body;
    let text_width = area.width.saturating_sub(6).max(1);
    let ranges = wrap_ranges(input.text(), usize::from(text_width));
    let want = u16::try_from(ranges.len().max(1))
        .unwrap_or(NOTE_ROWS)
        .min(NOTE_ROWS);
    let rows = (want + 2).min(area.height);
    let rect = Rect::new(area.x, area.bottom() - rows, area.width, rows);
    let on = session
        .current_slide()
        .map_or(String::new(), |s| s.title.clone());
    let inner = panel(buf, rect, &format!("Note on: {on}"), palette);
    super::note_text::draw(buf, inner, input, &ranges, palette);
}
