//! A box drawn here must look exactly as ratatui-textarea's widget draws
//! it, frame after frame: random texts (wide characters, emoji, combining
//! marks, tabs, control characters, long words), random edits, selections,
//! page keys and sizes, drawn both ways over a filled screen. One rule is
//! the box's own: with rows hidden above, it never leaves rows empty
//! below (the widget would, after lines deleted or undone from the end,
//! showing the cursor's line alone); `fill` adds it to the widget.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, DataCursor, TextArea};

use super::draw;
use crate::text_box::TextBox;
use crate::text_box::text_area;
use crate::ui::cells::filled;

#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Paste(&'static str),
    Resize(u16, u16),
}

fn text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        6 => Just("word"),
        3 => Just(" "),
        2 => Just("a"),
        1 => Just("  "),
        1 => Just("é"),
        1 => Just("界界"),
        1 => Just("❤\u{FE0F}"),
        1 => Just("👩🏽\u{200d}⚕\u{fe0f}"),
        1 => Just("e\u{301}"),
        1 => Just("\t"),
        1 => Just("\u{7}"),
        1 => Just("averyveryverylongwordwithoutspaces"),
        1 => Just("—"),
    ];
    let line = prop::collection::vec(token, 0..14).prop_map(|tokens| tokens.concat());
    prop::collection::vec(line, 1..8).prop_map(|lines| lines.join("\n"))
}

fn step() -> impl Strategy<Value = Step> {
    let code = prop_oneof![
        4 => prop_oneof![Just('x'), Just(' '), Just('é'), Just('界')].prop_map(KeyCode::Char),
        2 => Just(KeyCode::Enter),
        2 => Just(KeyCode::Backspace),
        3 => prop_oneof![
            Just(KeyCode::Left),
            Just(KeyCode::Right),
            Just(KeyCode::Up),
            Just(KeyCode::Down),
            Just(KeyCode::Home),
            Just(KeyCode::End),
        ],
        2 => prop_oneof![Just(KeyCode::PageUp), Just(KeyCode::PageDown)],
    ];
    let modifiers = prop_oneof![
        6 => Just(KeyModifiers::NONE),
        2 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ];
    let emacs_page = prop_oneof![Just(KeyModifiers::CONTROL), Just(KeyModifiers::ALT)]
        .prop_map(|m| KeyEvent::new(KeyCode::Char('v'), m));
    prop_oneof![
        12 => (code, modifiers).prop_map(|(c, m)| Step::Key(KeyEvent::new(c, m))),
        1 => emacs_page.prop_map(Step::Key),
        1 => prop_oneof![Just("pasted"), Just("one\ntwo words\n")].prop_map(Step::Paste),
        1 => (1u16..24, 0u16..7).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// What the app did before: the textarea's own widget, fed as `TextBox`
/// feeds it (a typed character goes in as typed).
fn widget_step(textarea: &mut TextArea<'static>, step: &Step) {
    match step {
        Step::Key(key) => match key.code {
            KeyCode::Char(c) if crate::keys::is_typed_char(key) => textarea.insert_char(c),
            // The box's own: the ends of the whole text.
            KeyCode::Home if key.modifiers == KeyModifiers::CONTROL => {
                textarea.move_cursor(CursorMove::Top);
                textarea.move_cursor(CursorMove::Head);
            }
            KeyCode::End if key.modifiers == KeyModifiers::CONTROL => {
                textarea.move_cursor(CursorMove::Bottom);
                textarea.move_cursor(CursorMove::End);
            }
            _ => {
                textarea.input(*key);
            }
        },
        Step::Paste(text) => {
            textarea.insert_str(text);
        }
        Step::Resize(..) => {}
    }
}

fn box_step(text_box: &mut TextBox, step: &Step) {
    match step {
        Step::Key(key) => {
            text_box.type_key(*key);
        }
        Step::Paste(text) => {
            text_box.paste(text, false);
        }
        Step::Resize(..) => {}
    }
}

/// The widget as the box draws: scrolled up to be full if it is drawn
/// with rows hidden above and empty rows below.
fn render_filled(textarea: &mut TextArea<'static>, area: Rect, buf: &mut Buffer) {
    let blank = buf.clone();
    (&*textarea).render(area, buf);
    let (top, _) = textarea.scroll_offset();
    let full_top = display_rows(textarea).saturating_sub(usize::from(area.height));
    if let Some(over) = usize::from(top).checked_sub(full_top).filter(|n| *n > 0) {
        scroll_up(textarea, over);
        *buf = blank;
        (&*textarea).render(area, buf);
    }
}

/// Scrolls up `rows`, the cursor kept where it is.
fn scroll_up(textarea: &mut TextArea<'static>, rows: usize) {
    let DataCursor(row, col) = textarea.cursor();
    textarea.scroll((-i16::try_from(rows).unwrap_or(i16::MAX), 0));
    let (row, col) = (u16::try_from(row), u16::try_from(col));
    textarea.move_cursor(CursorMove::Jump(row.unwrap_or(0), col.unwrap_or(0)));
}

/// How many screen rows the text takes: past the last, the textarea's
/// map repeats it.
fn display_rows(textarea: &TextArea) -> usize {
    let mut rows = 1;
    while textarea.screen_to_data(rows, 0) != textarea.screen_to_data(rows - 1, 0) {
        rows += 1;
    }
    rows
}

/// `here` with the last column of `area` as `by_widget` has it: the box
/// keeps that column for its cursor (see `text_area`), the widget drawn
/// in `text_area` leaves it alone.
fn but_the_cursor_column(here: &Buffer, by_widget: &Buffer, area: Rect) -> Buffer {
    let mut here = here.clone();
    if text_area(area) != area {
        let x = area.right() - 1;
        for y in area.top()..area.bottom() {
            here[(x, y)] = by_widget[(x, y)].clone();
        }
    }
    here
}

fn screens(area: Rect) -> (Buffer, Buffer) {
    let screen = Rect::new(0, 0, area.right() + 1, area.bottom() + 1);
    (filled(screen), filled(screen))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_box_is_drawn_as_the_textarea_widget_draws_it(
        text in text(),
        empty_placeholder in any::<bool>(),
        size in (1u16..24, 0u16..7),
        steps in prop::collection::vec(step(), 0..30),
    ) {
        let placeholder = if empty_placeholder { "" } else { "Write here" };
        let mut text_box = TextBox::new(&text, placeholder);
        text_box.set_focused(true);
        let mut textarea = text_box.widget().clone();
        let mut area = Rect::new(1, 1, size.0, size.1);
        for step in std::iter::once(None).chain(steps.iter().map(Some)) {
            if let Some(step) = step {
                widget_step(&mut textarea, step);
                box_step(&mut text_box, step);
                if let Step::Resize(w, h) = step {
                    area = Rect::new(1, 1, *w, *h);
                }
            }
            let (mut by_widget, mut here) = screens(area);
            render_filled(&mut textarea, text_area(area), &mut by_widget);
            draw(&text_box, area, &mut here);
            let here = but_the_cursor_column(&here, &by_widget, area);
            prop_assert_eq!(&here, &by_widget, "after {:?}", step);
            prop_assert_eq!(text_box.widget().cursor(), textarea.cursor());
            prop_assert_eq!(text_box.widget().selection_range(), textarea.selection_range());
        }
    }
}

/// A long answer: the textarea holds a window of it, replaced as the
/// cursor nears its edge; the box still draws as the widget of the window
/// in hand would, all the way up and back, by line and by page. Both boxes
/// are drawn each frame as the app draws them, so both know where they
/// are scrolled to; one is then drawn again by the widget.
#[test]
fn a_long_answer_is_drawn_as_the_widget_draws_it_as_its_window_moves() {
    let text: Vec<String> = (0..600)
        .map(|n| format!("line {n} with a few words to wrap at this width"))
        .collect();
    let mut by_widget = TextBox::new(&text.join("\n"), "");
    by_widget.set_focused(true);
    let mut here = by_widget.clone();
    let area = Rect::new(1, 1, 30, 12);
    let keys = std::iter::repeat_n(KeyCode::Up, 500)
        .chain([KeyCode::Char('x'), KeyCode::Enter])
        .chain(std::iter::repeat_n(KeyCode::Down, 300))
        .chain(std::iter::repeat_n(KeyCode::PageDown, 60))
        .chain(std::iter::repeat_n(KeyCode::PageUp, 60));
    for (n, code) in keys.enumerate() {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        by_widget.type_key(key);
        here.type_key(key);
        let (mut expected, mut drawn) = screens(area);
        draw(&by_widget, area, &mut expected.clone());
        // The box's own textarea goes on by the widget's rule; a copy of
        // it is filled and drawn.
        by_widget
            .widget()
            .render(text_area(area), &mut expected.clone());
        render_filled(
            &mut by_widget.widget().clone(),
            text_area(area),
            &mut expected,
        );
        draw(&here, area, &mut drawn);
        let drawn = but_the_cursor_column(&drawn, &expected, area);
        assert_eq!(drawn, expected, "after key {n}");
    }
    assert_eq!(here.text(), by_widget.text());
}

/// A tester lost the cursor at the end of a line exactly as wide as the
/// box: it was drawn in the column past the box's edge.
#[test]
fn the_cursor_shows_at_the_end_of_a_line_as_wide_as_the_box() {
    let area = Rect::new(0, 0, 20, 5);
    for width in [19, 20] {
        let mut text_box = TextBox::new("", "");
        text_box.set_focused(true);
        text_box.paste(&format!("first line\n{}", "b".repeat(width)), false);
        let mut buf = Buffer::empty(area);
        draw(&text_box, area, &mut buf);
        let cursor = buf
            .content()
            .iter()
            .position(|cell| cell.modifier.contains(ratatui::style::Modifier::REVERSED));
        assert!(cursor.is_some(), "{width} wide: no cursor in {buf:?}");
    }
}
