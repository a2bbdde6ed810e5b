//! The help overlay, for every screen and the group view: the keys of
//! what is beneath (from the key tables), scrolled, in a cleared box so
//! nothing of the screen beneath shows through.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::wrap::Wrapped;

use crate::keys::help::{area, inner_width, lines};
use crate::keys::{Command, Mode, key_name};

/// How the box is painted: the app's palette or the room's.
#[derive(Debug, Clone, Copy)]
pub struct HelpStyle {
    pub text: Style,
    pub heading: Style,
    pub border: Style,
}

/// Help over `mode` on `screen` (cleared whole), scrolled down `scroll` rows (kept in range by the
/// update; clamped here too, so a stale value never shows an empty box).
pub fn draw(buf: &mut Buffer, screen: Rect, mode: Mode, scroll: u16, style: HelpStyle) -> u16 {
    let rect = area(mode, screen).intersection(buf.area);
    clear(screen, buf, style.text);
    if rect.width < 6 || rect.height < 3 {
        return 0;
    }
    let text = lines(mode, inner_width(rect.width));
    let inner = rect.inner(Margin::new(2, 1));
    let shown = usize::from(inner.height);
    let first = usize::from(scroll).min(text.len().saturating_sub(shown));
    let visible: Vec<Line> = text
        .iter()
        .skip(first)
        .take(shown)
        .map(|l| {
            Line::styled(
                l.text.clone(),
                if l.heading { style.heading } else { style.text },
            )
        })
        .collect();
    let block = Block::bordered()
        .title(" Help · any other key closes ")
        .style(style.text)
        .border_style(style.border);
    block.render(rect, buf);
    Wrapped::cut(visible).style(style.text).render(inner, buf);
    scroll_sign(buf, rect, first > 0, first + shown < text.len(), style);
    u16::try_from(text.len().saturating_sub(shown)).unwrap_or(u16::MAX)
}

/// On the box's bottom edge, which way more help lies.
fn scroll_sign(buf: &mut Buffer, rect: Rect, above: bool, below: bool, style: HelpStyle) {
    let more = match (above, below) {
        (true, true) => "↑ more ↓",
        (false, true) => "more ↓",
        (true, false) => "↑ more",
        (false, false) => return,
    };
    let keys = key_name(Mode::Help, Command::Up);
    let sign = format!(" {more}  ({keys} scroll) ");
    let bottom = Rect::new(
        rect.x + 2,
        rect.bottom() - 1,
        rect.width.saturating_sub(4),
        1,
    );
    Line::styled(sign, style.heading)
        .centered()
        .render(bottom, buf);
}

/// Blanks every cell of `area` in `style` behind an overlay, so no
/// fragment of the screen beneath shows at the box's edges.
pub fn clear(area: Rect, buf: &mut Buffer, style: Style) {
    Clear.render(area, buf);
    buf.set_style(area, style);
}
