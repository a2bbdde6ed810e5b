//! The one text input, for answers, free notes, action lines and the
//! group's notes: ratatui-textarea (wrapping, cursor movement, undo,
//! paste), set up the same way everywhere.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// Undo steps kept per box.
const UNDO_STEPS: usize = 200;

/// A box holding `text`, the cursor at its end; `placeholder` shows while
/// it is empty.
pub fn text_box(text: &str, placeholder: &str) -> TextArea<'static> {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.split('\n').map(str::to_owned).collect()
    };
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::default());
    area.set_placeholder_text(placeholder);
    area.set_max_histories(UNDO_STEPS);
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// The box's text, lines joined with `\n`.
pub fn text(area: &TextArea<'_>) -> String {
    area.lines().join("\n")
}

pub fn is_blank(area: &TextArea<'_>) -> bool {
    area.lines().iter().all(|line| line.trim().is_empty())
}

/// Shows the cursor (reverse video) only in the box that has the keyboard.
pub fn set_focused(area: &mut TextArea<'_>, focused: bool) {
    let cursor = if focused {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    };
    area.set_cursor_style(cursor);
}

/// A key typed into the box; true when the text changed. A character goes
/// in as typed whatever modifiers came with it: AltGr arrives as Ctrl+Alt
/// on Windows, and the box on its own would drop it.
pub fn type_key(area: &mut TextArea<'_>, key: KeyEvent) -> bool {
    match key.code {
        KeyCode::Char(c) if crate::keys::is_typed_char(&key) => {
            area.insert_char(c);
            true
        }
        _ => area.input(key),
    }
}

/// Pasted text, with Windows and old Mac line endings made `\n`; in a
/// one-line box, line breaks become spaces. True when the text changed.
pub fn paste(area: &mut TextArea<'_>, pasted: &str, one_line: bool) -> bool {
    let text = pasted.replace("\r\n", "\n").replace('\r', "\n");
    let text = if one_line {
        text.replace('\n', " ")
    } else {
        text
    };
    !text.is_empty() && area.insert_str(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    #[test]
    fn typing_pasting_and_undo() {
        let mut area = text_box("first", "");
        assert!(type_key(
            &mut area,
            KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE)
        ));
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert!(type_key(
            &mut area,
            KeyEvent::new(KeyCode::Char('@'), altgr)
        ));
        assert!(paste(&mut area, "\r\nsecond\rthird", false));
        assert_eq!(text(&area), "first!@\nsecond\nthird");
        area.undo();
        assert_eq!(text(&area), "first!@");
        let mut line = text_box("", "");
        paste(&mut line, "a\r\nb\nc", true);
        assert_eq!(text(&line), "a b c");
        assert!(is_blank(&text_box(" \n  ", "")));
    }
}
