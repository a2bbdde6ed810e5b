//! Splitting an area into rows or columns by plain arithmetic.
//!
//! ratatui's `Layout` solves a system of constraints for every split. On
//! home's first frame its solver was 1.4M of the 3.5M instructions run
//! before the frame was written (measured with callgrind): more than all
//! the text. Every split the screens make is some fixed sizes and what is
//! left over, which needs no solver. Where the sizes fit, the result is
//! the one `Layout` gives (a test compares them); where they do not, the
//! fixed sizes are given in order and the rest gets nothing.

use ratatui::layout::Rect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Exactly this many rows or columns.
    Len(u16),
    /// This share of the whole, in per cent, rounded to the nearest cell.
    Percent(u16),
    /// An even share of what the fixed sizes leave.
    Fill,
}

/// `area` cut into rows, top to bottom.
pub fn rows<const N: usize>(area: Rect, sizes: [Size; N]) -> [Rect; N] {
    let lengths = lengths(area.height, &sizes);
    let mut y = area.y;
    lengths.map(|height| {
        let row = Rect::new(area.x, y, area.width, height);
        y += height;
        row
    })
}

/// `area` cut into columns, left to right.
pub fn columns<const N: usize>(area: Rect, sizes: [Size; N]) -> [Rect; N] {
    let lengths = lengths(area.width, &sizes);
    let mut x = area.x;
    lengths.map(|width| {
        let column = Rect::new(x, area.y, width, area.height);
        x += width;
        column
    })
}

/// `area` cut into `count` columns of (nearly) equal width.
pub fn even_columns(area: Rect, count: usize) -> Vec<Rect> {
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    let edge = |i: u32| area.x + share(area.width, i, count);
    (0..count)
        .map(|i| Rect::new(edge(i), area.y, edge(i + 1) - edge(i), area.height))
        .collect()
}

/// How long each part is, out of `total`.
fn lengths<const N: usize>(total: u16, sizes: &[Size; N]) -> [u16; N] {
    let mut left = total;
    let mut lengths = sizes.map(|size| {
        let wanted = match size {
            Size::Len(n) => n,
            Size::Percent(p) => percent(total, p),
            Size::Fill => 0,
        };
        let given = wanted.min(left);
        left -= given;
        given
    });
    let fills = sizes.iter().filter(|s| **s == Size::Fill).count();
    let fills = u32::try_from(fills).unwrap_or(u32::MAX);
    let mut nth = 0;
    for (length, size) in lengths.iter_mut().zip(sizes) {
        if *size == Size::Fill {
            *length = share(left, nth + 1, fills) - share(left, nth, fills);
            nth += 1;
        }
    }
    lengths
}

/// Where the `i`th of `parts` even parts of `total` starts: the exact
/// edge rounded to the nearest cell, halves up, as `Layout` rounds.
fn share(total: u16, i: u32, parts: u32) -> u16 {
    if parts == 0 {
        return 0;
    }
    let edge = (2 * u64::from(total) * u64::from(i) + u64::from(parts)) / (2 * u64::from(parts));
    u16::try_from(edge).unwrap_or(total)
}

fn percent(total: u16, per_cent: u16) -> u16 {
    let cells = (u32::from(total) * u32::from(per_cent.min(100)) + 50) / 100;
    u16::try_from(cells).unwrap_or(total)
}

#[cfg(test)]
mod tests;
