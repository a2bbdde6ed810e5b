//! The rows a box shows, styled as ratatui-textarea's widget styles them
//! (the cursor, a selection, tabs made spaces), for the rows on screen.
//!
//! Why not the widget: it builds a `Paragraph` of its rows, styles every
//! cell of the box twice, and splits every row into graphemes to measure
//! it. In a long answer at 300x100 that was 8.7M instructions a key, half
//! of all a key cost. `ui::editor` draws these rows as that paragraph
//! would, and its tests hold the result to the widget's, cell for cell,
//! over random edits, selections, page keys and sizes.
//!
//! Where the box is scrolled to is worked out while drawing, as the widget
//! does it (it depends on the box's size), and kept in [`View`]
//! (`view.rs`).

use ratatui::buffer::CellWidth;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui_textarea::DataCursor;

use super::TextBox;
pub(super) use super::highlight::Segment;
use super::highlight::{At, Marks};
use super::view::{View, next_top};

pub enum Shown<'a> {
    /// Nothing written: the widget draws its placeholder.
    Placeholder,
    /// The rows from the top of the area down.
    Rows(Vec<Line<'a>>),
}

/// Where a box's text is wrapped in `area`: all but its last column,
/// which is kept for the cursor. At the end of a row that filled the box,
/// the cursor was drawn past its edge, and a tester could not see where
/// the next key would go.
pub fn text_area(area: Rect) -> Rect {
    Rect {
        width: area.width.saturating_sub(1).max(area.width.min(1)),
        ..area
    }
}

impl TextBox {
    /// What the box shows in `area`, scrolled to keep the cursor in view
    /// and the box full. The text is wrapped in [`text_area`]; the
    /// column left over shows the cursor at the end of a full row.
    pub fn shown(&self, area: Rect) -> Shown<'_> {
        let width = usize::from(area.width);
        let area = text_area(area);
        let textarea = &self.area;
        if self.view.get().sized != Some(area) {
            self.size_textarea(area);
        }
        if textarea.is_empty() && !textarea.placeholder().lines.is_empty() {
            self.view.set(View {
                sized: Some(area),
                top: 0,
            });
            self.set_short_of_rows(false);
            return Shown::Placeholder;
        }
        let cursor = u16::try_from(textarea.screen_cursor().row).unwrap_or(u16::MAX);
        let mut top = next_top(self.view.get().top, cursor, area.height);
        let mut segments = self.segments(top, area.height);
        // The text ends above the box's last row while rows above are
        // hidden (lines deleted or undone from the end): the box moves up
        // to be full, or it would show the cursor's line and nothing else.
        let empty_rows = usize::from(area.height).saturating_sub(segments.len());
        if empty_rows > 0 && top > 0 {
            top = top.saturating_sub(u16::try_from(empty_rows).unwrap_or(u16::MAX));
            segments = self.segments(top, area.height);
        }
        self.view.set(View {
            sized: Some(area),
            top,
        });
        // Rows left empty with more text beyond the window: it is too small
        // for this box, and the app widens it before the next frame.
        self.set_short_of_rows(segments.len() < usize::from(area.height));
        let selection = self.selection();
        let rows = segments
            .iter()
            .map(|segment| self.row_line(segment, selection));
        let clip = textarea.alignment() == Alignment::Left;
        let text_width = usize::from(area.width);
        let cursor = textarea.cursor_style();
        Shown::Rows(
            rows.map(|line| match clip {
                true => clip_keeping_cursor(line, (text_width, width), cursor),
                false => line,
            })
            .collect(),
        )
    }

    /// The screen rows `top..top + height` (fewer past the end), found
    /// through the textarea's own map of its wrapping.
    pub(super) fn segments(&self, top: u16, height: u16) -> Vec<Segment> {
        let lines = self.area.lines();
        let mut segments: Vec<Segment> = Vec::with_capacity(usize::from(height));
        // Where the last row ended, as (line, char, byte): rows of a line
        // are met in order, so each line is walked through once.
        let mut walked = (usize::MAX, 0, 0);
        for screen_row in (usize::from(top)..).take(usize::from(height)) {
            let DataCursor(row, start) = self.area.screen_to_data(screen_row, 0);
            // Past the last row, the map repeats the last row.
            if segments
                .last()
                .is_some_and(|s| (s.row, s.chars.0) == (row, start))
            {
                break;
            }
            let next = self.area.screen_to_data(screen_row + 1, 0);
            let line = lines[row].as_str();
            let last = !(next.0 == row && next.1 > start);
            let end = if last { usize::MAX } else { next.1 };
            if walked.0 != row || walked.1 > start {
                walked = (row, 0, 0);
            }
            let start_byte = byte_of(line, (walked.1, walked.2), start);
            let end_byte = byte_of(line, (start, start_byte), end);
            let end_char = if last {
                start + line[start_byte..].chars().count()
            } else {
                end
            };
            walked = (row, end_char, end_byte);
            segments.push(Segment {
                row,
                chars: (start, end_char),
                bytes: (start_byte, end_byte),
                first: start == 0,
                last,
            });
        }
        segments
    }

    /// One row as the widget styles it (`line_spans_segment`).
    fn row_line<'a>(&'a self, segment: &Segment, selection: Option<(At, At)>) -> Line<'a> {
        let textarea = &self.area;
        let line = textarea.lines()[segment.row].as_str();
        let fragment = &line[segment.bytes.0..segment.bytes.1];
        let mut marks = Marks::new(fragment, textarea.cursor_style());
        let DataCursor(cursor_row, cursor_col) = textarea.cursor();
        let (start, end) = segment.chars;
        if segment.row == cursor_row {
            marks.style_begin = textarea.cursor_line_style();
            let in_segment =
                start <= cursor_col && (cursor_col < end || (segment.last && cursor_col == end));
            if in_segment {
                marks.cursor(cursor_col - start);
            }
        }
        if let Some((from, to)) = selection {
            marks.select(segment, line.len(), (from, to), super::SELECTION);
        }
        marks.into_line(textarea.tab_length())
    }

    /// The selection, first end first; none when its ends meet.
    fn selection(&self) -> Option<(At, At)> {
        let ((start_row, start_col), (end_row, end_col)) = self.area.selection_range()?;
        let lines = self.area.lines();
        let at = |row: usize, col: usize| {
            let line = lines.get(row).or(lines.last()).map_or("", String::as_str);
            let offset = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
            At { row, offset }
        };
        let (from, to) = (at(start_row, start_col), at(end_row, end_col));
        ((from.row, from.offset) != (to.row, to.offset)).then_some((from, to))
    }
}

/// The byte where char `to` starts (the line's end past it), walking on
/// from a known `(char, byte)`.
fn byte_of(line: &str, (char, byte): (usize, usize), to: usize) -> usize {
    line[byte..]
        .char_indices()
        .nth(to.saturating_sub(char))
        .map_or(line.len(), |(i, _)| byte + i)
}

/// Cells a span takes when drawn; plain ASCII is one a byte.
fn drawn_width(span: &Span) -> usize {
    if span.content.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return span.content.len();
    }
    span.styled_graphemes(Style::default())
        .map(|g| usize::from(g.symbol.cell_width()))
        .sum()
}

/// The first `width` columns of a row (the widget's `clip_line`): a wide
/// character cut by the edge becomes blank cells in its style.
/// `line` cut to `text_width`, as the widget cuts it; a cursor after the
/// end of a full row is kept, in the column after it (up to `width`).
fn clip_keeping_cursor(
    line: Line<'_>,
    (text_width, width): (usize, usize),
    cursor: Style,
) -> Line<'_> {
    let at_end = line
        .spans
        .last()
        .filter(|span| span.style == cursor && span.content == " ")
        .cloned();
    let full = line.spans.iter().map(drawn_width).sum::<usize>();
    let mut clipped = clip_line(line, text_width);
    if let Some(cursor) = at_end.filter(|_| full == text_width + 1 && text_width < width) {
        clipped.spans.push(cursor);
    }
    clipped
}

fn clip_line(line: Line<'_>, width: usize) -> Line<'_> {
    if line.spans.iter().map(drawn_width).sum::<usize>() <= width {
        return line;
    }
    let mut col = 0;
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in &line.spans {
        let mut text = String::new();
        for grapheme in span.styled_graphemes(Style::default()) {
            let start = col;
            col += usize::from(grapheme.symbol.cell_width());
            if col <= width {
                text.push_str(grapheme.symbol);
            } else if start < width {
                text.extend(std::iter::repeat_n(' ', width - start));
            }
        }
        if !text.is_empty() {
            spans.push(Span::styled(text, span.style));
        }
    }
    Line { spans, ..line }
}
