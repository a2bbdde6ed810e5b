//! What is drawn over the slide: the index, help, the end confirmation and
//! the note input. Each fits itself to the screen and says when something
//! is left out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use crate::group::input::NoteInput;
use crate::group::help::{has_border, help_lines, help_rect, panel_inner};
use crate::group::layout::{Areas, centred};
use crate::group::slides::{Slide, SlideKind};
use crate::group::state::{GroupSession, Mode};
use crate::ui::style::Room;
use crate::group::text::{truncate, wrap_ranges};
use super::widgets::{clip, fill, put};

/// Most rows the note input grows to before it scrolls.
const NOTE_ROWS: u16 = 6;

pub fn render(
    session: &GroupSession,
    screen: Rect,
    bands: Areas,
    buf: &mut Buffer,
    palette: Room,
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
fn panel(buf: &mut Buffer, rect: Rect, title: &str, palette: Room) -> Rect {
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

fn index(
    session: &GroupSession,
    selected: usize,
    screen: Rect,
    buf: &mut Buffer,
    palette: Room,
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
fn more_sign(buf: &mut Buffer, rect: Rect, above: bool, below: bool, palette: Room) {
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

fn help(scroll: usize, screen: Rect, buf: &mut Buffer, palette: Room) {
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

fn confirm(session: &GroupSession, screen: Rect, buf: &mut Buffer, palette: Room) {
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
    palette: Room,
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
