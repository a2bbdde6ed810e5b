//! ratatui-textarea's line highlighter, for what the app uses of it: a
//! row's cursor, its part of a selection, and tabs drawn as spaces to the
//! next stop. `rows.rs` decides which rows; this styles one.

use std::borrow::Cow;
use std::cmp::{self, Ordering};

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The columns between tab stops, as the answer box shows them (the
/// textarea's default).
pub const TAB_STOP: u8 = 4;

/// `text` with each tab made the spaces to the next stop, as a box shows
/// it: elsewhere ratatui would draw a tab as nothing.
pub fn tabs_as_spaces(text: &str) -> Cow<'_, str> {
    Tabs {
        tab_len: TAB_STOP,
        width: 0,
    }
    .expand(text)
}

/// One screen row of a line: its characters `start..end`, and bytes.
pub(super) struct Segment {
    pub row: usize,
    pub chars: (usize, usize),
    pub bytes: (usize, usize),
    pub first: bool,
    pub last: bool,
}

/// A selection's end: line, and byte in the line.
#[derive(Clone, Copy)]
pub(super) struct At {
    pub row: usize,
    pub offset: usize,
}

#[derive(Clone, Copy)]
enum Mark {
    Cursor(Style),
    Select(Style),
    End,
}

impl Mark {
    fn rank(self) -> u8 {
        match self {
            Mark::Cursor(_) => 3,
            Mark::Select(_) => 1,
            Mark::End => 0,
        }
    }
}

/// ratatui-textarea's `LineHighlighter`, for what the app uses of it: the
/// cursor, a selection and tabs (no line numbers, mask or search).
pub(super) struct Marks<'a> {
    pub style_begin: Style,
    fragment: &'a str,
    marks: Vec<(Mark, usize)>,
    cursor_style: Style,
    cursor_at_end: bool,
    select_at_end: Option<Style>,
}

impl<'a> Marks<'a> {
    pub(super) fn new(fragment: &'a str, cursor_style: Style) -> Self {
        Marks {
            fragment,
            marks: Vec::new(),
            style_begin: Style::default(),
            cursor_style,
            cursor_at_end: false,
            select_at_end: None,
        }
    }

    pub(super) fn cursor(&mut self, col: usize) {
        match self.fragment.char_indices().nth(col) {
            Some((start, c)) => {
                self.marks.push((Mark::Cursor(self.cursor_style), start));
                self.marks.push((Mark::End, start + c.len_utf8()));
            }
            None => self.cursor_at_end = true,
        }
    }

    /// The selected part of this row (`line_spans_segment` and the
    /// highlighter's `selection` and `selection_segment`).
    pub(super) fn select(
        &mut self,
        segment: &Segment,
        line_len: usize,
        (from, to): (At, At),
        style: Style,
    ) {
        let row = segment.row;
        if segment.first && segment.last {
            let (start, end) = match row {
                _ if row == from.row && row == to.row => (from.offset, to.offset),
                _ if row == from.row => (from.offset, self.fragment.len()),
                _ if row == to.row => (0, to.offset),
                _ if from.row < row && row < to.row => (0, self.fragment.len()),
                _ => return,
            };
            if row != to.row {
                self.select_at_end = Some(style);
            }
            self.range(start, end, style);
        } else if from.row <= row && row <= to.row {
            let start = if from.row == row { from.offset } else { 0 };
            let end = if to.row == row { to.offset } else { line_len };
            let (first, last) = segment.bytes;
            let clipped = (cmp::max(start, first), cmp::min(end, last));
            if segment.last && clipped.1 == last && row < to.row {
                self.select_at_end = Some(style);
            }
            self.range(
                clipped.0.saturating_sub(first),
                clipped.1.saturating_sub(first),
                style,
            );
        }
    }

    fn range(&mut self, start: usize, end: usize, style: Style) {
        if start < end {
            self.marks.push((Mark::Select(style), start));
            self.marks.push((Mark::End, end));
        }
    }

    /// The spans between the marks, each in the style of the innermost
    /// mark open there (`LineHighlighter::into_spans`).
    pub(super) fn into_line(mut self, tab_len: u8) -> Line<'a> {
        let mut tabs = Tabs { tab_len, width: 0 };
        let mut spans = Vec::new();
        let mut push = |text: &'a str, style: Style, tabs: &mut Tabs| {
            let shown = tabs.expand(text);
            if !shown.is_empty() {
                spans.push(Span::styled(shown, style));
            }
        };
        self.marks
            .sort_unstable_by(|(l, i), (r, j)| match i.cmp(j) {
                Ordering::Equal => l.rank().cmp(&r.rank()),
                other => other,
            });
        let (mut style, mut start, mut open) = (self.style_begin, 0, Vec::new());
        for (mark, end) in self.marks {
            if start < end {
                push(&self.fragment[start..end], style, &mut tabs);
            }
            style = match mark {
                Mark::Cursor(s) | Mark::Select(s) => {
                    open.push(style);
                    s
                }
                Mark::End => open.pop().unwrap_or(self.style_begin),
            };
            start = end;
        }
        if start != self.fragment.len() {
            push(&self.fragment[start..], style, &mut tabs);
        }
        if self.cursor_at_end {
            spans.push(Span::styled(" ", self.cursor_style));
        } else if let Some(select_style) = self.select_at_end {
            spans.push(Span::styled(" ", select_style));
        }
        Line::from(spans)
    }
}

/// Tabs drawn as spaces to the next stop, counted from the row's start
/// (ratatui-textarea's `DisplayTextBuilder`).
struct Tabs {
    tab_len: u8,
    width: usize,
}

impl Tabs {
    fn expand<'a>(&mut self, text: &'a str) -> Cow<'a, str> {
        if !text.contains('\t') {
            self.width += text.chars().map(char_width).sum::<usize>();
            return Cow::Borrowed(text);
        }
        let mut shown = String::with_capacity(text.len());
        for c in text.chars() {
            if c != '\t' {
                shown.push(c);
                self.width += char_width(c);
            } else if self.tab_len > 0 {
                let len = usize::from(self.tab_len) - self.width % usize::from(self.tab_len);
                shown.extend(std::iter::repeat_n(' ', len));
                self.width += len;
            }
        }
        Cow::Owned(shown)
    }
}

/// Cells ratatui draws a character in; control characters none.
fn char_width(c: char) -> usize {
    if c.is_control() {
        0
    } else {
        usize::from(c.encode_utf8(&mut [0; 4]).cell_width())
    }
}
