//! A list of items, one under another, the selected one highlighted: what
//! ratatui's `List` draws, without its passes over every cell.
//!
//! `List` sets a style on its whole area, then on each item's rows, then
//! the item's text sets one on them again, line by line, before a
//! grapheme at a time is written: home's theme list was a sixth of its
//! first frame. The app's lists have no styles or symbols of their own and
//! are drawn from their first item, so here each plain line goes through
//! `Wrapped::cut` (anything else through `Line` itself) and only the
//! highlight is a pass of its own. When the
//! selected item does not fit from the top (so `List` would scroll),
//! `List` itself draws. A property test holds the two to the same cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget, Widget};

use super::wrap::{self, Wrapped};

pub struct Listed<'a> {
    items: Vec<Text<'a>>,
    selected: Option<usize>,
    highlight: Style,
}

impl<'a> Listed<'a> {
    pub fn new(items: Vec<Text<'a>>, selected: Option<usize>, highlight: Style) -> Self {
        Listed {
            items,
            selected,
            highlight,
        }
    }

    fn draw_as_list(self, area: Rect, buf: &mut Buffer) {
        let list =
            List::new(self.items.into_iter().map(ListItem::new)).highlight_style(self.highlight);
        let mut state = ListState::default().with_selected(self.selected);
        StatefulWidget::render(list, area, buf, &mut state);
    }
}

impl Widget for Listed<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Laid out on the area as given, each item cut to the screen, as
        // `List` does.
        if area.is_empty() || self.items.is_empty() {
            return;
        }
        let mut height = 0;
        let fitting = self
            .items
            .iter()
            .take_while(|item| {
                height += item.height();
                height <= usize::from(area.height)
            })
            .count();
        let selected = self.selected.map(|s| s.min(self.items.len() - 1));
        if selected.is_some_and(|s| s >= fitting) {
            return self.draw_as_list(area, buf);
        }
        let mut y = area.y;
        for (i, item) in self.items.into_iter().take(fitting).enumerate() {
            let rows = u16::try_from(item.height()).unwrap_or(u16::MAX);
            let item_area = Rect::new(area.x, y, area.width, rows).intersection(buf.area);
            if item.style != Style::new() {
                buf.set_style(item_area, item.style);
            }
            for (row, line) in item_area.rows().zip(item.lines) {
                if !wrap::is_plain(std::slice::from_ref(&line)) {
                    line.render(row, buf);
                } else if line.width() > 0 {
                    // As `Line` draws: an empty line leaves its row as it was.
                    let style = line.style;
                    Wrapped::cut(line).style(style).render(row, buf);
                }
            }
            if selected == Some(i) {
                buf.set_style(Rect::new(area.x, y, area.width, rows), self.highlight);
            }
            y = y.saturating_add(rows);
        }
    }
}

#[cfg(test)]
mod tests;
