//! What is drawn over the slide: the index, the end confirmation, the note
//! being written and the question before throwing it away (help is the
//! app's one overlay, `ui::help`). Each fits itself to the screen and says when something
//! is left out.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::widgets::{clip, put};
use crate::autosave::SaveState;
use crate::group::layout::{Areas, centred};
use crate::group::slides::{Slide, SlideKind};
use crate::group::state::{GroupSession, Mode, NoteDraft};
use crate::keys::{self, Command};
use crate::text::{truncate, wrap};
use crate::ui::help::clear;
use crate::ui::style::Room;

/// Most rows the note input grows to before it scrolls.
const NOTE_ROWS: u16 = 6;

pub fn render(session: &GroupSession, screen: Rect, bands: Areas, buf: &mut Buffer, palette: Room) {
    match session.mode() {
        Mode::Index { selected } => index(session, *selected, screen, buf, palette),
        Mode::ChooseNote { notes, selected } => {
            note_choice(session, notes, *selected, screen, buf, palette);
        }
        Mode::ConfirmEnd => confirm(session, screen, buf, palette),
        Mode::Note(draft) => note(draft, bands, buf, palette),
        Mode::ConfirmDiscard(draft) => confirm_discard(draft, screen, buf, palette),
        Mode::Slides | Mode::Blank => {}
    }
}

/// A cleared, bordered box; returns the space inside. Too small for a
/// border, the box is just cleared.
fn panel(buf: &mut Buffer, rect: Rect, title: &str, palette: Room) -> Rect {
    let rect = clip(rect, buf);
    clear(rect, buf, palette.base());
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

fn index(session: &GroupSession, selected: usize, screen: Rect, buf: &mut Buffer, palette: Room) {
    let slides = session.slides();
    let rows: Vec<String> = (slides.iter().enumerate())
        .map(|(i, slide)| {
            let current = if i == session.current_index() {
                "▸"
            } else {
                " "
            };
            format!("{current}{:>3}  {}", i + 1, index_label(slide))
        })
        .collect();
    let title = format!("Slides · {} / {}", selected + 1, slides.len());
    choice(buf, screen, &title, &rows, selected, palette);
}

/// The slide's notes, to choose the one to change: each on one row, its
/// lines run together.
fn note_choice(
    session: &GroupSession,
    notes: &[usize],
    selected: usize,
    screen: Rect,
    buf: &mut Buffer,
    palette: Room,
) {
    let kept = &session.record().notes;
    let rows: Vec<String> = (notes.iter().enumerate())
        .filter_map(|(n, &i)| Some((n, kept.get(i)?)))
        .map(|(n, note)| {
            format!(
                "{:>3}  {}",
                n + 1,
                note.text.split_whitespace().collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    let title = format!("Change which note? · {} / {}", selected + 1, notes.len());
    choice(buf, screen, &title, &rows, selected, palette);
}

/// A centred panel of `rows`, one chosen, scrolled to keep it in view.
fn choice(
    buf: &mut Buffer,
    screen: Rect,
    title: &str,
    rows: &[String],
    selected: usize,
    palette: Room,
) {
    let height = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let width = screen.width.saturating_sub(4).min(90);
    let rect = centred(screen, width, height.min(screen.height.saturating_sub(2)));
    let inner = panel(buf, rect, title, palette);
    let visible = usize::from(inner.height);
    let first = selected.saturating_sub(visible.saturating_sub(1));
    for (y, (i, line)) in (inner.y..inner.bottom()).zip(rows.iter().enumerate().skip(first)) {
        let style = if i == selected {
            palette.bar()
        } else {
            palette.base()
        };
        clear(Rect::new(inner.x, y, inner.width, 1), buf, style);
        put(buf, inner, y, line, style, false);
    }
    let below = first + visible < rows.len();
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

fn confirm(session: &GroupSession, screen: Rect, buf: &mut Buffer, palette: Room) {
    let keys = format!(
        "{}: end    {}: stay",
        keys::key_label(keys::Mode::ConfirmEnd, Command::Confirm),
        keys::key_label(keys::Mode::ConfirmEnd, Command::Back)
    );
    let mut lines = notes_saved(session);
    lines.extend([String::new(), keys]);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let height = u16::try_from(lines.len()).unwrap_or(4) + 3;
    let rect = centred(screen, 44, height);
    ask(buf, rect, "End the session?", &lines, palette);
}

/// Whether the notes are on disk: said only when they are, since the
/// facilitator decides on it whether to end.
fn notes_saved(session: &GroupSession) -> Vec<String> {
    let (notes, are) = match session.record().notes.len() {
        0 => return vec!["No notes were written.".into()],
        1 => ("The group's note".to_string(), "is"),
        n => (format!("The group's {n} notes"), "are"),
    };
    match &session.autosave.state {
        SaveState::Saved => vec![format!("{notes} {are} saved.")],
        SaveState::Failed(_) => vec![
            "The last save failed: ending tries".into(),
            "again, and ends only once it works.".into(),
        ],
        SaveState::Unsaved | SaveState::Saving => vec![
            format!("{notes} {are} being saved;"),
            "the session ends once saved.".into(),
        ],
    }
}

/// A question in a box: its lines centred, each cut to fit.
fn ask(buf: &mut Buffer, rect: Rect, title: &str, lines: &[&str], palette: Room) {
    let inner = panel(buf, rect, title, palette);
    for (row, text) in (inner.y..).zip(lines) {
        put(buf, inner, row, text, palette.base(), true);
    }
}

/// The note being written, above the footer: the one text box of the app
/// (wrapping, undo, paste), growing with its text up to a few rows, then
/// scrolling to keep the cursor in view.
fn note(draft: &NoteDraft, bands: Areas, buf: &mut Buffer, palette: Room) {
    let area = bands.body;
    if area.height == 0 {
        return;
    }
    let text_width = usize::from(area.width.saturating_sub(6).max(1));
    let wrapped: usize = draft
        .editor
        .window_lines()
        .iter()
        .map(|line| wrap(line, text_width).len().max(1))
        .sum();
    let want = u16::try_from(wrapped)
        .unwrap_or(NOTE_ROWS)
        .clamp(1, NOTE_ROWS);
    let rows = (want + 2).min(area.height);
    let rect = Rect::new(area.x, area.bottom() - rows, area.width, rows);
    let inner = panel(buf, rect, &format!("Note on: {}", draft.title), palette);
    let mut editor = draft.editor.widget().clone();
    editor.set_style(palette.base());
    editor.set_cursor_style(palette.bar());
    editor.set_placeholder_style(palette.muted());
    editor.render(inner, buf);
}

/// Esc on a note with words in it: keep writing, or throw it away?
fn confirm_discard(draft: &NoteDraft, screen: Rect, buf: &mut Buffer, palette: Room) {
    let text = draft.text();
    let quoted = format!(
        "\u{201c}{}\u{201d}",
        text.lines().next().unwrap_or_default()
    );
    let keys = format!(
        "{}: keep writing    {}: throw it away",
        keys::key_label(keys::Mode::ConfirmDiscard, Command::Back),
        keys::key_label(keys::Mode::ConfirmDiscard, Command::Confirm)
    );
    let (question, why) = match draft.changing {
        Some(_) => ("Throw this change away?", "The note stays as it was."),
        None => (
            "Throw this note away?",
            "It was not kept as an agreed point.",
        ),
    };
    let lines = [quoted.as_str(), "", why, keys.as_str()];
    let rect = centred(screen, 52, 7);
    ask(buf, rect, question, &lines, palette);
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
