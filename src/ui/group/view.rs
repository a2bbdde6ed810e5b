//! Drawing the group screen. Reads the session, changes nothing.
//!
//! Header (slide title, note count, "3 / 14"), the slide, a one-line footer
//! of keys from the key table, and any overlay on top. Every size works,
//! down to 0x0; text that does not fit is cut with a visible "…".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::overlay;
use super::title;
use super::widgets::{clip, put, put_big, put_lines, put_split};
use crate::group::layout::{TimerSize, areas, question_areas, text_column, timer_size};
use crate::group::slides::{Slide, SlideKind};
use crate::group::state::{GroupSession, Mode};
use crate::group::timer::Timer;
use crate::keys;
use crate::text::{truncate, width};
use crate::ui::help::{self, HelpStyle, clear};
use crate::ui::style::{Palette, Room};

/// The sign at the bottom of a slide whose section goes on.
pub const CONTINUES: &str = "continues on the next slide →";

/// Draw `session` into `area` of `buf`, in the room styles of `palette`;
/// `help` is the help overlay's scroll when it is open. Returns how far
/// help can scroll.
pub fn render(
    session: &GroupSession,
    palette: Palette,
    help: Option<u16>,
    area: Rect,
    buf: &mut Buffer,
) -> u16 {
    let area = clip(area, buf);
    let palette = palette.room();
    if matches!(session.mode(), Mode::Blank) {
        clear(area, buf, palette.blank());
        return 0;
    }
    clear(area, buf, palette.base());
    let bands = areas(area);
    if let Some(slide) = session.current_slide() {
        header(session, slide, bands.header, buf, palette);
        body(session, slide, bands.body, buf, palette);
    }
    let keys_mode = help.map_or(session.mode().key_mode(), |_| keys::Mode::Help);
    let status = footer(session, keys_mode, bands.footer, buf, palette);
    if let Some(status) = status {
        long_status(status, area, bands.footer, buf, palette);
    }
    overlay::render(session, area, bands, buf, palette);
    if let Some(scroll) = help {
        let style = HelpStyle {
            text: palette.base(),
            heading: palette.bold(),
            border: palette.bold(),
        };
        let above_footer = Rect::new(
            area.x,
            area.y,
            area.width,
            area.height - bands.footer.height,
        );
        return help::draw(buf, above_footer, session.mode().key_mode(), scroll, style);
    }
    0
}

fn header(session: &GroupSession, slide: &Slide, rect: Rect, buf: &mut Buffer, palette: Room) {
    let count = session.slides().len();
    let position = format!("{} / {count}", session.current_index() + 1);
    let right = match session.record().notes.len() {
        0 => position,
        1 => format!("1 note · {position}"),
        n => format!("{n} notes · {position}"),
    };
    put_split(buf, rect, &slide.header(), &right, palette.bold());
}

fn body(session: &GroupSession, slide: &Slide, rect: Rect, buf: &mut Buffer, palette: Room) {
    let column = text_column(rect);
    match slide.kind {
        SlideKind::Question => {
            let (text, timer) = question_areas(column);
            centred_lines(slide, text, buf, palette);
            draw_timer(session, timer, timer_size(column), buf, palette);
        }
        SlideKind::Title => {
            if !title::render_big(session.content(), slide, rect, buf, palette) {
                centred_lines(slide, column, buf, palette);
            }
        }
        // Notes accumulate downwards, so the summary starts at the top;
        // everything else sits in the middle of the screen, like a slide.
        SlideKind::Summary => {
            put_lines(buf, column, &slide.lines, palette);
            continues(slide, column, buf, palette);
        }
        SlideKind::KeyData | SlideKind::Learning | SlideKind::Passage => {
            centred_lines(slide, column, buf, palette)
        }
    }
}

/// The slide's lines in the middle of `rect`, leaving its last row for the
/// "continues" sign.
fn centred_lines(slide: &Slide, rect: Rect, buf: &mut Buffer, palette: Room) {
    let room = rect.height.saturating_sub(1);
    let used = u16::try_from(slide.lines.len())
        .unwrap_or(u16::MAX)
        .min(room);
    let top = rect.y + (room - used) / 2;
    let inner = Rect::new(rect.x, top, rect.width, rect.bottom().saturating_sub(top));
    put_lines(buf, inner, &slide.lines, palette);
    continues(slide, rect, buf, palette);
}

fn continues(slide: &Slide, rect: Rect, buf: &mut Buffer, palette: Room) {
    if !slide.continues() || rect.height == 0 {
        return;
    }
    let sign = [CONTINUES, "continues →", "→"]
        .into_iter()
        .find(|s| width(s) <= usize::from(rect.width))
        .unwrap_or("…");
    put(buf, rect, rect.bottom() - 1, sign, palette.bold(), true);
}

fn draw_timer(
    session: &GroupSession,
    rect: Rect,
    size: TimerSize,
    buf: &mut Buffer,
    palette: Room,
) {
    let now = session.now();
    let fresh = Timer::new(session.minutes);
    let timer = session.current_timer().unwrap_or(&fresh);
    let clock = timer.display(now);
    let up = timer.is_up(now);
    let space = keys::key_name(keys::Mode::Slides, keys::Command::TimerToggle);
    let status = match (up, timer.is_running(), timer.is_started()) {
        (true, _, _) => (" Time is up ".to_string(), palette.alarm()),
        (false, true, _) => ("discussion time left".to_string(), palette.muted()),
        (false, false, true) => (format!("paused · {space} resumes"), palette.bold()),
        (false, false, false) => (format!("{space} starts the timer"), palette.muted()),
    };
    let clock_style = if up {
        palette.alarm()
    } else {
        palette.accent()
    };
    match size {
        TimerSize::Big(pixels) if rect.height > 1 => {
            let digits = Rect::new(rect.x, rect.y, rect.width, rect.height - 1);
            put_big(buf, digits, &clock, pixels, clock_style);
            put(buf, rect, rect.bottom() - 1, &status.0, status.1, true);
        }
        _ => timer_line(buf, rect, (&clock, clock_style), (&status.0, status.1)),
    }
}

/// The timer on one row: "04:59  discussion time left", centred.
fn timer_line(buf: &mut Buffer, rect: Rect, clock: (&str, Style), status: (&str, Style)) {
    if rect.height == 0 {
        return;
    }
    let line = truncate(
        &format!("{}  {}", clock.0, status.0.trim()),
        usize::from(rect.width),
    );
    let used = u16::try_from(width(&line))
        .unwrap_or(rect.width)
        .min(rect.width);
    let start = rect.x + (rect.width - used) / 2;
    let row = Rect::new(start, rect.y, rect.right() - start, 1);
    put(buf, row, rect.y, &line, status.1, false);
    let clock_width = u16::try_from(width(clock.0)).unwrap_or(0).min(used);
    let clock_row = Rect::new(start, rect.y, clock_width, 1);
    put(buf, clock_row, rect.y, clock.0, clock.1, false);
}

/// The footer bar (see `ui::footer`). A status too long to share its row
/// with the keys is given back, to be shown whole above it.
fn footer<'s>(
    session: &'s GroupSession,
    mode: keys::Mode,
    rect: Rect,
    buf: &mut Buffer,
    palette: Room,
) -> Option<&'s str> {
    clear(rect, buf, palette.bar());
    let context = session.key_context();
    let room = usize::from(rect.width.saturating_sub(2));
    let mut status = session.status();
    let mut text = crate::ui::footer::bar(mode, context, status, room);
    let too_long = width(&text) > room;
    if too_long {
        text = crate::ui::footer::bar(mode, context, None, room);
    } else {
        status = None;
    }
    let inner = Rect::new(
        rect.x.saturating_add(1),
        rect.y,
        rect.width.saturating_sub(2),
        rect.height,
    );
    put(buf, inner, rect.y, &text, palette.bar(), false);
    status
}

/// A long status (a save that failed, and what to do) in rows of its own
/// over the bottom of the slide: it must be read whole.
fn long_status(status: &str, area: Rect, footer: Rect, buf: &mut Buffer, palette: Room) {
    let room = area.width.saturating_sub(2);
    let lines = crate::text::wrap(status, usize::from(room));
    let most = footer.y.saturating_sub(area.y);
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(most);
    let rect = Rect::new(area.x, footer.y - rows, area.width, rows);
    clear(rect, buf, palette.bar());
    let inner = Rect::new(rect.x.saturating_add(1), rect.y, room, rows);
    for (y, line) in (rect.y..rect.bottom()).zip(&lines) {
        put(buf, inner, y, line, palette.bar(), false);
    }
}
