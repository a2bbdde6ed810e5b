//! A box: its lines and its title, drawn on their own cells only.
//!
//! ratatui's `Block` first sets its style on every cell it encloses, even
//! the default style, which changes nothing. For the answer box at
//! 300x100 that was 25,000 cells on every key; on home's first frame, a
//! sixth of the drawing. The app's boxes never have a style of their own,
//! so an [`Outline`] draws what such a `Block` draws (plain lines, a title
//! at the top left, one border style) without the pass over the inside.
//! A property test holds the two to the same cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::line;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

#[derive(Debug, Clone, Default)]
pub struct Outline<'a> {
    borders: Borders,
    title: Option<Line<'a>>,
    border_style: Style,
}

impl<'a> Outline<'a> {
    pub fn new(borders: Borders) -> Self {
        Outline {
            borders,
            ..Outline::default()
        }
    }

    pub fn title(self, title: impl Into<Line<'a>>) -> Self {
        Outline {
            title: Some(title.into()),
            ..self
        }
    }

    pub fn border_style(self, border_style: Style) -> Self {
        Outline {
            border_style,
            ..self
        }
    }

    /// The same box as a ratatui `Block`, for widgets that draw their own.
    pub fn block(&self) -> Block<'a> {
        let block = Block::default()
            .borders(self.borders)
            .border_style(self.border_style);
        match &self.title {
            Some(title) => block.title(title.clone()),
            None => block,
        }
    }

    /// The area inside the lines (and under a title), as `Block::inner`.
    pub fn inner(&self, area: Rect) -> Rect {
        let has = |side| u16::from(self.borders.contains(side));
        let (left, right, bottom) = (
            has(Borders::LEFT),
            has(Borders::RIGHT),
            has(Borders::BOTTOM),
        );
        let top = u16::from(self.borders.contains(Borders::TOP) || self.title.is_some());
        let mut inner = area;
        inner.x = inner.x.saturating_add(left).min(area.right());
        inner.y = inner.y.saturating_add(top).min(area.bottom());
        inner.width = inner.width.saturating_sub(left + right);
        inner.height = inner.height.saturating_sub(top + bottom);
        inner
    }
}

impl Widget for &Outline<'_> {
    /// What `Block::render` does with a default style, in the same order:
    /// the sides, the corners over them, then the title.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let sides = [
            (Borders::LEFT, left..=left, top..=bottom, line::VERTICAL),
            (Borders::TOP, left..=right, top..=top, line::HORIZONTAL),
            (Borders::RIGHT, right..=right, top..=bottom, line::VERTICAL),
            (
                Borders::BOTTOM,
                left..=right,
                bottom..=bottom,
                line::HORIZONTAL,
            ),
        ];
        for (side, xs, ys, symbol) in sides {
            if self.borders.contains(side) {
                for x in xs {
                    for y in ys.clone() {
                        self.draw_line(x, y, symbol, buf);
                    }
                }
            }
        }
        self.render_corners(area, buf);
        self.render_title(area, buf);
    }
}

impl Outline<'_> {
    fn draw_line(&self, x: u16, y: u16, symbol: &str, buf: &mut Buffer) {
        buf[(x, y)].set_symbol(symbol).set_style(self.border_style);
    }

    /// A corner where both of its sides are drawn.
    fn render_corners(&self, area: Rect, buf: &mut Buffer) {
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let corners = [
            (
                Borders::RIGHT | Borders::BOTTOM,
                right,
                bottom,
                line::BOTTOM_RIGHT,
            ),
            (Borders::RIGHT | Borders::TOP, right, top, line::TOP_RIGHT),
            (
                Borders::LEFT | Borders::BOTTOM,
                left,
                bottom,
                line::BOTTOM_LEFT,
            ),
            (Borders::LEFT | Borders::TOP, left, top, line::TOP_LEFT),
        ];
        for (sides, x, y, symbol) in corners {
            if self.borders.contains(sides) {
                self.draw_line(x, y, symbol, buf);
            }
        }
    }

    fn render_title(&self, area: Rect, buf: &mut Buffer) {
        let Some(title) = &self.title else { return };
        let left = u16::from(self.borders.contains(Borders::LEFT));
        let right = u16::from(self.borders.contains(Borders::RIGHT));
        let room = area.width.saturating_sub(left).saturating_sub(right);
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX).min(room);
        if room > 0 {
            let at = Rect::new(area.left().saturating_add(left), area.top(), width, 1);
            title.render(at, buf);
        }
    }
}

#[cfg(test)]
mod tests;
