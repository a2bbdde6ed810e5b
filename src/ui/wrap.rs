//! Text: what ratatui's `Paragraph` draws, with `Wrap` (`Wrapped::new`)
//! or without (`Wrapped::cut`, a row a line), cell for cell, at a
//! fraction of the cost for everyday text.
//!
//! `Paragraph` splits every line into graphemes and moves each through
//! its wrapper one at a time: on home's first frame that was most of the
//! drawing (callgrind). The Panel's text and the app's own are plain
//! letters and a few typographic marks, each one grapheme one cell wide,
//! so for lines made only of those the same wrapping rule runs over
//! ranges of characters instead (a cut line is its first characters).
//! Anything else (wide or combining characters, alignment) is left to
//! `Paragraph` itself. A property test holds the two to the same result.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::outline::Outline;

/// Besides printable ASCII: marks the content and the app use, each a
/// grapheme of its own, one cell wide, and (but for the space) never
/// whitespace to the wrapper (ratatui keeps U+00A0 inside words too).
const ONE_CELL: &[char] = &[
    '\u{a0}', '•', '·', '‘', '’', '“', '”', '–', '—', '…', '£', '€', '─', '↑', '↓', '←', '→',
];

pub struct Wrapped<'a> {
    text: Text<'a>,
    /// `None`: each line is cut at the width, as a `Paragraph` without
    /// `Wrap` draws it.
    wrap: Option<Wrap>,
    style: Style,
    scroll: u16,
    outline: Option<Outline<'a>>,
}

impl<'a> Wrapped<'a> {
    /// `trim`: leading spaces of wrapped rows dropped, as `Wrap { trim }`.
    pub fn new(text: impl Into<Text<'a>>, trim: bool) -> Self {
        Wrapped {
            wrap: Some(Wrap { trim }),
            ..Wrapped::cut(text)
        }
    }

    /// Each line on one row, cut at the width.
    pub fn cut(text: impl Into<Text<'a>>) -> Self {
        Wrapped {
            text: text.into(),
            wrap: None,
            style: Style::new(),
            scroll: 0,
            outline: None,
        }
    }

    pub fn style(self, style: Style) -> Self {
        Wrapped { style, ..self }
    }

    pub fn scroll(self, rows: u16) -> Self {
        Wrapped {
            scroll: rows,
            ..self
        }
    }

    pub fn outline(self, outline: Outline<'a>) -> Self {
        Wrapped {
            outline: Some(outline),
            ..self
        }
    }

    fn is_plain(&self) -> bool {
        is_left(self.text.alignment) && is_plain(&self.text.lines)
    }

    /// The base style on every cell; a default style would change none.
    fn set_style(&self, area: Rect, buf: &mut Buffer) {
        if self.style != Style::new() {
            buf.set_style(area, self.style);
        }
    }

    /// What is not plain is left to ratatui.
    fn into_paragraph(self) -> Paragraph<'a> {
        let mut paragraph = Paragraph::new(self.text)
            .style(self.style)
            .scroll((self.scroll, 0));
        if let Some(wrap) = self.wrap {
            paragraph = paragraph.wrap(wrap);
        }
        match self.outline {
            Some(outline) => paragraph.block(outline.block()),
            None => paragraph,
        }
    }

    /// Draws the rows that fit; whether every row did.
    fn render_text(&self, area: Rect, buf: &mut Buffer) -> bool {
        if area.is_empty() {
            return self.text.lines.is_empty();
        }
        // Room for a long paragraph, so it is not grown a doubling at a time.
        let mut glyphs = Vec::with_capacity(256);
        let mut row = 0u16;
        let mut skip = self.scroll;
        for line in &self.text.lines {
            if row >= area.height {
                return false;
            }
            glyphs_of(line, self.text.style, &mut glyphs);
            let mut overflow = false;
            let mut each_row = |ranges: &[Range<usize>]| {
                if skip > 0 {
                    skip -= 1;
                } else if row < area.height {
                    draw_row(&glyphs, ranges, area, row, buf);
                    row += 1;
                } else {
                    overflow = true;
                }
            };
            match self.wrap {
                Some(Wrap { trim }) => wrap(&glyphs, area.width, trim, &mut each_row),
                None => {
                    let whole_row = 0..glyphs.len().min(usize::from(area.width));
                    each_row(std::slice::from_ref(&whole_row));
                }
            }
            if overflow {
                return false;
            }
        }
        true
    }

    /// Draws as `render` does, and says whether all of the text showed
    /// (so a box can say that more follows without counting it first).
    pub fn render_all(self, area: Rect, buf: &mut Buffer) -> bool {
        let area = area.intersection(buf.area);
        if !self.is_plain() {
            let inner = self.outline.as_ref().map_or(area, |o| o.inner(area));
            let most = usize::from(inner.height) + usize::from(self.scroll);
            let fits = match self.wrap {
                _ if inner.is_empty() => self.text.lines.is_empty(),
                Some(Wrap { trim }) => rows(&self.text.lines, inner.width, trim, most) <= most,
                None => self.text.lines.len() <= most,
            };
            self.into_paragraph().render(area, buf);
            return fits;
        }
        // Once: `Paragraph` styles its inner area again after its block,
        // which changes nothing, as an outline draws only on its border.
        self.set_style(area, buf);
        let inner = match &self.outline {
            Some(outline) => {
                outline.render(area, buf);
                outline.inner(area)
            }
            None => area,
        };
        self.render_text(inner, buf)
    }
}

impl Widget for Wrapped<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_all(area, buf);
    }
}

/// Rows `lines` take when wrapped to `width`, as `Paragraph` counts them;
/// once past `most`, a number past it (the rest is not read).
pub fn rows(lines: &[Line], width: u16, trim: bool, most: usize) -> usize {
    if width == 0 {
        return 0;
    }
    if !is_plain(lines) {
        let paragraph = Paragraph::new(lines.to_vec()).wrap(Wrap { trim });
        return paragraph.line_count(width);
    }
    let mut rows = 0;
    let mut glyphs = Vec::new();
    for line in lines {
        if rows > most {
            break;
        }
        glyphs_of(line, Style::new(), &mut glyphs);
        wrap(&glyphs, width, trim, &mut |_| rows += 1);
    }
    rows
}

fn is_left(alignment: Option<Alignment>) -> bool {
    matches!(alignment, None | Some(Alignment::Left))
}

/// Every line left-aligned and made only of one-cell characters.
pub fn is_plain(lines: &[Line]) -> bool {
    let one_cell = |c: char| (' '..='~').contains(&c) || ONE_CELL.contains(&c);
    lines.iter().all(|line| {
        is_left(line.alignment) && line.spans.iter().all(|s| s.content.chars().all(one_cell))
    })
}

/// A line's characters with their styles, as `Paragraph` sees them.
fn glyphs_of(line: &Line, base: Style, glyphs: &mut Vec<Glyph>) {
    glyphs.clear();
    let style = base.patch(line.style);
    for span in &line.spans {
        let style = style.patch(span.style);
        let text: &str = &span.content;
        glyphs.extend(text.chars().map(|c| Glyph { c, style }));
    }
}

/// A character kept whole, not as a slice of its line: home's first frame
/// draws about 1,500, and slicing each out cost more than the drawing.
struct Glyph {
    c: char,
    style: Style,
}

impl Glyph {
    fn is_space(&self) -> bool {
        self.c == ' '
    }
}

/// The row's cells are found once, not a cell at a time (each `buf[(x,
/// y)]` checks the place and works out its index again).
fn draw_row(glyphs: &[Glyph], ranges: &[Range<usize>], area: Rect, row: u16, buf: &mut Buffer) {
    let start = buf.index_of(area.x, area.y + row);
    let cells = &mut buf.content[start..start + usize::from(area.width)];
    let row_glyphs = ranges.iter().flat_map(|r| &glyphs[r.clone()]);
    for (cell, glyph) in cells.iter_mut().zip(row_glyphs) {
        cell.set_char(glyph.c).set_style(glyph.style);
    }
}

/// One line wrapped to `width` (at least 1) by the rule of ratatui's
/// `WordWrapper` for one-cell characters: `row` is called with each row's
/// ranges of `glyphs`, in order.
fn wrap(glyphs: &[Glyph], width: u16, trim: bool, row: &mut dyn FnMut(&[Range<usize>])) {
    let mut rows = Rows {
        width: usize::from(width),
        trim,
        line: Vec::new(),
        line_width: 0,
        word: 0..0,
        space: 0..0,
        count: 0,
        row,
    };
    let mut after_word = false;
    for (i, glyph) in glyphs.iter().enumerate() {
        let is_space = glyph.is_space();
        if (after_word && is_space) || rows.word_overflows() {
            rows.place_pending(i);
        }
        if rows.is_full() {
            rows.end_row();
            if is_space && rows.space.is_empty() {
                continue;
            }
        }
        rows.extend(i, is_space);
        after_word = !is_space;
    }
    rows.finish();
}

/// The wrapper along one line: the row being filled, and the run of
/// spaces and the word after it, not placed on a row yet.
struct Rows<'r> {
    width: usize,
    trim: bool,
    line: Vec<Range<usize>>,
    line_width: usize,
    word: Range<usize>,
    space: Range<usize>,
    /// Rows ended so far.
    count: usize,
    row: &'r mut dyn FnMut(&[Range<usize>]),
}

impl Rows<'_> {
    /// At the start of a row, the pending word (or spaces) no longer fits.
    fn word_overflows(&self) -> bool {
        let (word, space) = (self.word.len(), self.space.len());
        self.line.is_empty()
            && if self.trim {
                word + 1 > self.width || space + 1 > self.width
            } else {
                word + space + 1 > self.width
            }
    }

    /// The pending spaces (but leading ones, when trimmed) and word go on
    /// the row; the next run starts at `i`.
    fn place_pending(&mut self, i: usize) {
        if !self.line.is_empty() || !self.trim {
            self.line_width += self.space.len();
            push(&mut self.line, self.space.clone());
        }
        self.line_width += self.word.len();
        push(&mut self.line, self.word.clone());
        self.space = i..i;
        self.word = i..i;
    }

    fn is_full(&self) -> bool {
        self.line_width >= self.width
            || self.line_width + self.space.len() + self.word.len() >= self.width
    }

    fn end_row(&mut self) {
        let mut room = self.width.saturating_sub(self.line_width);
        (self.row)(&self.line);
        self.count += 1;
        self.line.clear();
        self.line_width = 0;
        // The spaces that fit at the end of the row go with it.
        while !self.space.is_empty() && room > 0 {
            self.space.start += 1;
            room -= 1;
        }
    }

    /// Glyph `i` joins the run of spaces, or the word, it belongs to.
    fn extend(&mut self, i: usize, is_space: bool) {
        let pending = if is_space {
            &mut self.space
        } else {
            &mut self.word
        };
        if Range::is_empty(pending) {
            *pending = i..i;
        }
        debug_assert_eq!(pending.end, i, "spaces and words are runs");
        pending.end = i + 1;
    }

    /// The last row, and a row for a line with nothing on it.
    fn finish(mut self) {
        let trim = self.trim;
        if self.line.is_empty() && self.word.is_empty() && !self.space.is_empty() && trim {
            (self.row)(&[]);
            self.count += 1;
        }
        if !self.line.is_empty() || !trim {
            push(&mut self.line, self.space.clone());
        }
        push(&mut self.line, self.word.clone());
        if !self.line.is_empty() {
            (self.row)(&self.line);
        } else if self.count == 0 {
            (self.row)(&[]);
        }
    }
}

/// A row holds only ranges with something in them, so an empty row is
/// one with no glyphs, as in ratatui.
fn push(line: &mut Vec<Range<usize>>, range: Range<usize>) {
    if !range.is_empty() {
        line.push(range);
    }
}

#[cfg(test)]
mod tests;
