//! Small drawing helpers that cannot panic or draw outside their area.
//!
//! Everything the group view draws goes through these: each clips to both
//! the given rectangle and the buffer, and marks text it had to cut with
//! "…", so no screen size can panic or garble the view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

use crate::group::layout::big_rows;
use crate::group::paginate::TextLine;
use crate::text::{truncate, width};
use crate::ui::style::Room;

/// `rect` clipped to the buffer, so indexing it can never panic.
pub fn clip(rect: Rect, buf: &Buffer) -> Rect {
    rect.intersection(buf.area)
}

/// One line of text on row `y` of `rect`, left or centred, cut with "…"
/// when too wide. Returns false when the row is not on screen.
pub fn put(buf: &mut Buffer, rect: Rect, y: u16, text: &str, style: Style, centred: bool) -> bool {
    let rect = clip(rect, buf);
    if y < rect.top() || y >= rect.bottom() || rect.width == 0 {
        return false;
    }
    let shown = truncate(text, usize::from(rect.width));
    let used = u16::try_from(width(&shown))
        .unwrap_or(rect.width)
        .min(rect.width);
    let x = if centred {
        rect.x + (rect.width - used) / 2
    } else {
        rect.x
    };
    buf.set_stringn(x, y, &shown, usize::from(rect.right() - x), style);
    true
}

/// Text on the left and text on the right of one row; the left side is cut
/// first, so the right side (a counter) stays readable.
pub fn put_split(buf: &mut Buffer, rect: Rect, left: &str, right: &str, style: Style) {
    let rect = clip(rect, buf);
    if rect.height == 0 {
        return;
    }
    let right_width = u16::try_from(width(right)).unwrap_or(u16::MAX);
    if right_width + 2 > rect.width {
        put(buf, rect, rect.y, left, style, false);
        return;
    }
    let left_area = Rect::new(rect.x, rect.y, rect.width - right_width - 2, 1);
    put(buf, left_area, rect.y, left, style, false);
    let right_area = Rect::new(rect.right() - right_width, rect.y, right_width, 1);
    put(buf, right_area, rect.y, right, style, false);
}

/// Slide lines from the top of `rect`, styled by tone. When they do not all
/// fit, the last row shows "…" so nothing is lost silently.
pub fn put_lines(buf: &mut Buffer, rect: Rect, lines: &[TextLine], palette: Room) {
    let rect = clip(rect, buf);
    let rows = usize::from(rect.height);
    let cut = lines.len() > rows;
    let shown = if cut {
        rows.saturating_sub(1)
    } else {
        lines.len()
    };
    for (i, line) in lines.iter().take(shown).enumerate() {
        let y = rect.y + u16::try_from(i).unwrap_or(u16::MAX);
        put(
            buf,
            rect,
            y,
            &line.text,
            palette.tone(line.tone),
            line.centred,
        );
    }
    if cut && rows > 0 {
        put(buf, rect, rect.bottom() - 1, "…", palette.muted(), true);
    }
}

/// `text` in big pixel letters, centred in `rect`.
pub fn put_big(buf: &mut Buffer, rect: Rect, text: &str, size: PixelSize, style: Style) {
    let rect = clip(rect, buf);
    let rows = big_rows(size, 1).min(rect.height);
    let area = Rect::new(rect.x, rect.y + (rect.height - rows) / 2, rect.width, rows);
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(vec![Line::from(text.to_string())])
        .build()
        .render(area, buf);
}
