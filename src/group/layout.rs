//! Where things go on the group screen, decided in one place.
//!
//! Pagination (in `slides`) and drawing (in `view`) both ask this module, so
//! a slide is always cut into pages that the drawn screen can hold. Every
//! function works at any size, including 0x0: rectangles just get empty.

use ratatui::layout::Rect;
use tui_big_text::PixelSize;

/// The widest column of running text, in cells: longer lines are hard to
/// follow from the back of a room, so wide screens get wider margins.
pub const MAX_TEXT_WIDTH: u16 = 96;

/// Cells a big digit takes across, before pixel scaling.
const GLYPH: u16 = 8;

/// The three bands of every slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Slide title and counter (empty on very short screens).
    pub header: Rect,
    /// The slide itself.
    pub body: Rect,
    /// One line of key hints (empty on very short screens).
    pub footer: Rect,
}

/// Split the screen into header, body and footer, with margins that grow
/// with the screen.
pub fn areas(area: Rect) -> Areas {
    let (w, h) = (area.width, area.height);
    let margin_x = match w {
        60.. => (w / 16).clamp(2, 8),
        20.. => 1,
        _ => 0,
    };
    let margin_y = match h {
        30.. => 2,
        16.. => 1,
        _ => 0,
    };
    let gap = u16::from(h >= 12);
    let footer_rows = u16::from(h >= 3);
    let header_rows = u16::from(h >= 4);
    let footer = Rect::new(area.x, area.bottom() - footer_rows, w, footer_rows);
    let top = area.y + margin_y.min(h);
    let header = Rect::new(area.x + margin_x, top, w - 2 * margin_x, header_rows);
    let body_top = top + header_rows + gap * header_rows;
    let body_bottom = footer.y.saturating_sub(gap * footer_rows).max(body_top);
    let body = Rect::new(
        header.x,
        body_top.min(body_bottom),
        header.width,
        body_bottom - body_top.min(body_bottom),
    );
    Areas {
        header,
        body,
        footer,
    }
}

/// The column running text is set in: the body, narrowed and centred on
/// wide screens.
pub fn text_column(body: Rect) -> Rect {
    let width = body.width.min(MAX_TEXT_WIDTH);
    Rect::new(
        body.x + (body.width - width) / 2,
        body.y,
        width,
        body.height,
    )
}

/// How the discussion timer is drawn on a question slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerSize {
    /// Big digits of this pixel size, then a status line.
    Big(PixelSize),
    /// One line of ordinary text.
    Line,
}

impl TimerSize {
    /// Rows the timer takes, status line included.
    pub fn rows(self) -> u16 {
        match self {
            TimerSize::Big(size) => big_rows(size, 1) + 1,
            TimerSize::Line => 1,
        }
    }
}

/// The biggest timer that leaves the question at least a few lines.
pub fn timer_size(body: Rect) -> TimerSize {
    const MIN_TEXT_ROWS: u16 = 8;
    // "mm:ss" is five glyphs wide.
    [PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
        .into_iter()
        .find(|&size| {
            big_width(size, 5) <= body.width && big_rows(size, 1) + 2 + MIN_TEXT_ROWS <= body.height
        })
        .map_or(TimerSize::Line, TimerSize::Big)
}

/// Split a question slide's body into the question and the timer below it,
/// with a blank line between when there is room.
pub fn question_areas(body: Rect) -> (Rect, Rect) {
    let rows = timer_size(body).rows().min(body.height);
    let gap = u16::from(body.height > rows + 2);
    let text_rows = body.height - rows - gap;
    let text = Rect::new(body.x, body.y, body.width, text_rows);
    let timer = Rect::new(body.x, body.y + text_rows + gap, body.width, rows);
    (text, timer)
}

/// Cells across for `glyphs` big characters.
pub fn big_width(size: PixelSize, glyphs: u16) -> u16 {
    let (step_x, _) = pixels_per_cell(size);
    GLYPH.div_ceil(step_x).saturating_mul(glyphs)
}

/// Rows for `lines` lines of big characters.
pub fn big_rows(size: PixelSize, lines: u16) -> u16 {
    let (_, step_y) = pixels_per_cell(size);
    GLYPH.div_ceil(step_y).saturating_mul(lines)
}

/// tui-big-text keeps this private, so it is repeated here for the only
/// sizes this view uses.
fn pixels_per_cell(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::HalfHeight => (1, 2),
        PixelSize::Quadrant => (2, 2),
        _ => (1, 1),
    }
}

/// A rectangle of `width` x `height` centred in `outer` (clipped to it).
pub fn centred(outer: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(outer.width);
    let height = height.min(outer.height);
    Rect::new(
        outer.x + (outer.width - width) / 2,
        outer.y + (outer.height - height) / 2,
        width,
        height,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_stay_inside_the_screen_at_any_size() {
        for w in 0..120 {
            for h in 0..70 {
                let screen = Rect::new(0, 0, w, h);
                let a = areas(screen);
                for r in [a.header, a.body, a.footer] {
                    assert_eq!(r.intersection(screen).area(), r.area(), "{w}x{h} {r:?}");
                }
                let (text, timer) = question_areas(a.body);
                assert!(text.bottom() <= timer.y || timer.height == 0, "{w}x{h}");
                assert!(timer.bottom() <= a.body.bottom().max(timer.y), "{w}x{h}");
            }
        }
    }

    #[test]
    fn bigger_screens_get_bigger_timers() {
        let body_80x24 = areas(Rect::new(0, 0, 80, 24)).body;
        assert_eq!(timer_size(body_80x24), TimerSize::Big(PixelSize::Full));
        let small = areas(Rect::new(0, 0, 40, 16)).body;
        assert_ne!(timer_size(small), TimerSize::Big(PixelSize::Full));
        assert_eq!(timer_size(Rect::new(0, 0, 10, 3)), TimerSize::Line);
    }
}
