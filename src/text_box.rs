//! The one text input, for answers, free notes, action lines and the
//! group's notes: ratatui-textarea (wrapping, cursor movement, undo,
//! paste), set up the same way everywhere.
//!
//! ratatui-textarea works out the wrapping of its whole text again after
//! every edit, so in a long answer each key would cost the whole answer.
//! A [`TextBox`] therefore keeps a long text in three parts: the lines
//! before, a window of lines around the cursor (the only ones the textarea
//! holds, as many as the box can show: `window.rs`), and the lines after.
//! The window moves when the cursor comes near its edge; a window edited in
//! is kept, so undo reaches back past the move (`history.rs`).

mod highlight;
mod history;
mod marks;
mod rows;
mod view;
mod window;

pub use highlight::tabs_as_spaces;
pub use marks::Styled;
pub use rows::{Shown, text_area};
use view::View;

use std::cell::Cell;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};
use ratatui_textarea::{CursorMove, DataCursor, TextArea, WrapMode};

/// Undo steps kept per box.
const UNDO_STEPS: usize = 200;
/// The textarea's own selection colour, set so the rows drawn here know it.
const SELECTION: Style = Style::new().bg(Color::LightBlue);

/// Said when a paste arrives where nothing is being written: it is kept
/// nowhere, and its letters are not taken for commands.
pub const NOTHING_TAKES_A_PASTE: &str =
    "Nothing was pasted: a paste goes into an answer, a note or an action while you write it.";

#[derive(Debug, Clone)]
pub struct TextBox {
    before: Vec<String>,
    area: TextArea<'static>,
    after: Vec<String>,
    placeholder: String,
    focused: bool,
    /// Where the box was last drawn (see `rows.rs`); a new textarea starts
    /// at its top, unsized.
    view: Cell<View>,
    /// Windows left with edits in them, and undone out of.
    windows: history::Windows,
    /// Steps undone in this window that may be redone.
    redoable: usize,
    /// Whether this window's textarea holds any history (edits, undos).
    has_history: bool,
    /// A one-line box (an action, a date): a line break typed or pasted
    /// into it is a space.
    one_line: bool,
    /// Set when drawn: the window held too few lines to fill the box
    /// (the box grew), until [`TextBox::fit_to_box`].
    short_of_rows: Cell<bool>,
}

impl TextBox {
    /// A box holding `text`, the cursor at its end; `placeholder` shows
    /// while it is empty.
    pub fn new(text: &str, placeholder: &str) -> TextBox {
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let start = lines.len().saturating_sub(window::UNSIZED_REACH + 1);
        let window = lines.split_off(start);
        let mut text_box = TextBox {
            before: lines,
            area: TextArea::default(),
            after: Vec::new(),
            placeholder: placeholder.to_owned(),
            focused: false,
            view: Cell::default(),
            windows: history::Windows::default(),
            redoable: 0,
            has_history: false,
            one_line: false,
            short_of_rows: Cell::new(false),
        };
        text_box.area = text_box.textarea(window);
        text_box.area.move_cursor(CursorMove::Bottom);
        text_box.area.move_cursor(CursorMove::End);
        text_box
    }

    /// A one-line box holding `text`: line breaks typed or pasted into it
    /// become spaces.
    pub fn one_line(text: &str) -> TextBox {
        let mut text_box = TextBox::new(text, "");
        text_box.one_line = true;
        text_box
    }

    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        let window = self.area.lines().iter();
        let all: Vec<&str> = self
            .before
            .iter()
            .chain(window)
            .chain(&self.after)
            .map(String::as_str)
            .collect();
        all.join("\n")
    }

    pub fn is_blank(&self) -> bool {
        let all = self
            .before
            .iter()
            .chain(self.area.lines())
            .chain(&self.after);
        all.into_iter().all(|line| line.trim().is_empty())
    }

    /// Every line of the whole text.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.before
            .iter()
            .chain(self.area.lines())
            .chain(&self.after)
            .map(String::as_str)
    }

    /// Line `n` of the whole text.
    pub fn line(&self, n: usize) -> Option<&str> {
        let window = self.area.lines();
        let first = self.before.len();
        match n {
            n if n < first => self.before.get(n),
            n if n < first + window.len() => window.get(n - first),
            n => self.after.get(n - first - window.len()),
        }
        .map(String::as_str)
    }

    /// Moves the cursor to `(line, char)` of the whole text (the window
    /// follows, so undo does not reach back past this).
    pub fn move_cursor_to(&mut self, line: usize, col: usize) {
        let first = self.before.len();
        let count = self.area.lines().len();
        if line < first || line >= first + count {
            self.recentre(line, col);
            return;
        }
        self.area
            .move_cursor(CursorMove::Jump(clamp16(line - first), clamp16(col)));
        self.follow_cursor();
    }

    /// Ctrl-Home and Ctrl-End: to the start or the end of the whole text.
    /// The textarea knows only its window, whose edges are not the text's.
    fn go_to_edge(&mut self, end: bool) {
        let last = self.lines().count().saturating_sub(1);
        let target = match end {
            true => (last, self.line(last).map_or(0, |l| l.chars().count())),
            false => (0, 0),
        };
        self.move_cursor_to(target.0, target.1);
    }

    /// Where the cursor is in the whole text, as (line, char).
    pub fn cursor(&self) -> (usize, usize) {
        let DataCursor(row, col) = self.area.cursor();
        (self.before.len() + row, col)
    }

    /// The lines in the window: each line of a short text.
    pub fn window_lines(&self) -> &[String] {
        self.area.lines()
    }

    /// What to draw (and style for drawing).
    pub fn widget(&self) -> &TextArea<'static> {
        &self.area
    }

    /// Shows the cursor (reverse video) only in the box that has the keyboard.
    pub fn set_focused(&mut self, focused: bool) {
        self.focused = focused;
        self.area.set_cursor_style(cursor_style(focused));
    }

    /// A key typed into the box; true when the text changed. A character goes
    /// in as typed whatever modifiers came with it: AltGr arrives as Ctrl+Alt
    /// on Windows, and the textarea on its own would drop it.
    pub fn type_key(&mut self, key: KeyEvent) -> bool {
        if turns_page(&key) {
            self.widen_for_page();
        } else {
            self.follow_cursor();
        }
        let changed = match key.code {
            KeyCode::Char(c) if crate::keys::is_typed_char(&key) => {
                self.area.insert_char(c);
                true
            }
            // A line feed, as a terminal sends a newline typed in by a
            // paste or a dictation tool (and some, Ctrl-Enter), arrives
            // as Ctrl-J: the textarea would delete to the line's start.
            // Alt-Enter too, in a one-line box: a line break is a space.
            KeyCode::Enter if self.one_line => {
                self.area.insert_char(' ');
                true
            }
            KeyCode::Char('j') if key.modifiers == KeyModifiers::CONTROL => {
                if self.one_line {
                    self.area.insert_char(' ');
                } else {
                    self.area.insert_newline();
                }
                true
            }
            _ if let Some(end) = edge_of_whole_text(&key) => {
                self.go_to_edge(end);
                false
            }
            _ if turns_page(&key) => {
                self.turn_page(key);
                false
            }
            _ => self.area.input(key),
        };
        if changed {
            self.edited();
        }
        changed
    }

    /// Pasted text, with Windows and old Mac line endings made `\n`; in a
    /// one-line box, line breaks become spaces. True when the text changed.
    pub fn paste(&mut self, pasted: &str, one_line: bool) -> bool {
        let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
        // Copied from a terminal, text can carry its colour codes.
        let text = crate::text::without_controls(&text).into_owned();
        let text = if one_line || self.one_line {
            text.replace('\n', " ")
        } else {
            text
        };
        let changed = !text.is_empty() && self.area.insert_str(&text);
        if changed {
            self.edited();
        }
        changed
    }

    fn textarea(&self, lines: Vec<String>) -> TextArea<'static> {
        let lines = if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.set_placeholder_text(self.placeholder.clone());
        area.set_max_histories(UNDO_STEPS);
        area.set_cursor_style(cursor_style(self.focused));
        area.set_selection_style(SELECTION);
        area
    }
}

/// The keys for the start and the end of the whole text (`Some(true)`
/// the end): Ctrl-Home and Ctrl-End, and the textarea's own Alt-< and
/// Alt->, Ctrl-Alt-Up and Ctrl-Alt-Down, which on their own would stop at
/// the edge of its window of a long text.
fn edge_of_whole_text(key: &KeyEvent) -> Option<bool> {
    let mods = key.modifiers;
    let (ctrl, alt) = (
        mods.contains(KeyModifiers::CONTROL),
        mods.contains(KeyModifiers::ALT),
    );
    match key.code {
        KeyCode::Home | KeyCode::End if mods == KeyModifiers::CONTROL => {
            Some(key.code == KeyCode::End)
        }
        KeyCode::Char('<') | KeyCode::Char('>') if alt && !ctrl => {
            Some(key.code == KeyCode::Char('>'))
        }
        KeyCode::Up | KeyCode::Down if mods == KeyModifiers::CONTROL | KeyModifiers::ALT => {
            Some(key.code == KeyCode::Down)
        }
        _ => None,
    }
}

/// The keys the textarea scrolls a page with: PageUp and PageDown, and
/// its Emacs keys Ctrl-V and Alt-V.
fn turns_page(key: &KeyEvent) -> bool {
    let (ctrl, alt) = (
        key.modifiers.contains(KeyModifiers::CONTROL),
        key.modifiers.contains(KeyModifiers::ALT),
    );
    match key.code {
        KeyCode::PageUp | KeyCode::PageDown => true,
        KeyCode::Char('v') => ctrl != alt,
        _ => false,
    }
}

fn cursor_style(focused: bool) -> Style {
    if focused {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests;
