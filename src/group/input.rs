//! The one-line note input: text and a cursor, nothing else.
//!
//! It is a single line that wraps (and so grows) on screen; Enter keeps the
//! note, so line breaks in pasted text become spaces. The cursor is a byte
//! offset that always sits on a character boundary.

use super::text::clean;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteInput {
    text: String,
    cursor: usize,
}

impl NoteInput {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset of the cursor in [`NoteInput::text`].
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn insert_char(&mut self, c: char) {
        if !c.is_control() {
            self.text.insert(self.cursor, c);
            self.cursor += c.len_utf8();
        }
    }

    /// Pasted text, at the cursor, with control characters and line breaks
    /// made harmless.
    pub fn insert_str(&mut self, pasted: &str) {
        let cleaned = clean(pasted, false);
        self.text.insert_str(self.cursor, &cleaned);
        self.cursor += cleaned.len();
    }

    pub fn backspace(&mut self) {
        if let Some(previous) = self.previous_boundary() {
            self.text.replace_range(previous..self.cursor, "");
            self.cursor = previous;
        }
    }

    pub fn delete(&mut self) {
        if let Some(next) = self.next_boundary() {
            self.text.replace_range(self.cursor..next, "");
        }
    }

    pub fn left(&mut self) {
        if let Some(previous) = self.previous_boundary() {
            self.cursor = previous;
        }
    }

    pub fn right(&mut self) {
        if let Some(next) = self.next_boundary() {
            self.cursor = next;
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    fn previous_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> NoteInput {
        let mut input = NoteInput::default();
        text.chars().for_each(|c| input.insert_char(c));
        input
    }

    #[test]
    fn typing_and_moving_the_cursor() {
        let mut input = typed("héllo");
        input.left();
        input.left();
        input.insert_char('X');
        assert_eq!(input.text(), "hélXlo");
        input.home();
        input.insert_char('>');
        input.end();
        input.insert_char('!');
        assert_eq!(input.text(), ">hélXlo!");
        input.right();
        assert_eq!(input.cursor(), input.text().len());
    }

    #[test]
    fn deleting_both_ways_never_splits_a_character() {
        let mut input = typed("aé世");
        input.backspace();
        assert_eq!(input.text(), "aé");
        input.home();
        input.delete();
        assert_eq!(input.text(), "é");
        input.delete();
        input.delete();
        input.backspace();
        assert_eq!((input.text(), input.cursor()), ("", 0));
    }

    #[test]
    fn paste_goes_in_at_the_cursor_on_one_line() {
        let mut input = typed("ad");
        input.left();
        input.insert_str("b\r\nc\u{1b}");
        assert_eq!(input.text(), "ab cd");
        assert_eq!(input.cursor(), 4);
        assert!(!input.is_blank());
        assert!(typed("  ").is_blank());
    }
}
