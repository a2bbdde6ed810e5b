//! A text box drawn: the rows `TextBox::shown` works out, each drawn as
//! ratatui-textarea's widget draws it (a `Paragraph` row without wrapping,
//! which `Wrapped::cut` draws cell for cell the same).
//!
//! Each row is drawn on its own, so that one row that is not plain text
//! (an emoji, a wide character) leaves only that row to `Paragraph`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::Widget;

use super::style::Palette;
use super::wrap::Wrapped;
use crate::text_box::{Shown, TextBox, text_area};

#[cfg(test)]
mod tests;

/// The box as the app draws it: its placeholder in the palette's quiet
/// style (the textarea's own dark grey ignores NO_COLOR, and is hard to
/// read on high contrast's black).
pub fn draw_in(text_box: &TextBox, area: Rect, buf: &mut Buffer, palette: Palette) {
    if text_box.widget().is_empty() {
        let mut placeholder = text_box.widget().clone();
        placeholder.set_placeholder_style(palette.muted());
        placeholder.render(text_area(area), buf);
        // Drawn once more as the box, which also keeps where it is.
        let _ = text_box.shown(area);
        return;
    }
    draw(text_box, area, buf);
}

pub fn draw(text_box: &TextBox, area: Rect, buf: &mut Buffer) {
    match text_box.shown(area) {
        Shown::Placeholder => text_box.widget().render(text_area(area), buf),
        Shown::Rows(rows) => {
            let textarea = text_box.widget();
            for (y, row) in (area.y..area.bottom()).zip(rows) {
                let row_area = Rect {
                    y,
                    height: 1,
                    ..area
                };
                // The widget's paragraph: its style and alignment.
                let text = Text::from(row)
                    .style(textarea.style())
                    .alignment(textarea.alignment());
                Wrapped::cut(text).render(row_area, buf);
            }
        }
    }
}
