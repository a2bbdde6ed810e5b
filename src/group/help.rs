//! Where the group view's help sits and how far it scrolls: geometry and
//! text only, so the update can keep the scroll in range without drawing.

use ratatui::layout::{Margin, Rect};

use super::layout::centred;
use crate::keys;

pub fn has_border(rect: Rect) -> bool {
    rect.width >= 6 && rect.height >= 3
}

/// The space inside a panel: inside the border, with a column of padding
/// on each side when there is room.
pub fn panel_inner(rect: Rect) -> Rect {
    if !has_border(rect) {
        return rect;
    }
    let pad = u16::from(rect.width >= 24);
    rect.inner(Margin::new(1 + pad, 1))
}

/// Where help goes on a screen: as tall as its text, at most the screen
/// less the footer.
pub fn help_rect(screen: Rect) -> Rect {
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

