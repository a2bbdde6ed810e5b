//! The README's pictures are what the app draws: each checked-in SVG in
//! docs/pictures/ is compared with the one the code draws now (see
//! xtask/), and the SVG drawing itself is checked on small buffers.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use xtask::svg;

#[test]
fn the_checked_in_pictures_are_what_the_app_draws_now() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(xtask::PICTURES_DIR);
    let stale = xtask::stale_pictures(&dir);
    assert!(
        stale.is_empty(),
        "these pictures in {} are not what the app draws now: {}\n\
         run `{}`, look at them, and commit them",
        xtask::PICTURES_DIR,
        stale.join(", "),
        xtask::REGENERATE
    );
}

#[test]
fn drawing_the_pictures_twice_gives_the_same_bytes() {
    assert_eq!(xtask::pictures(), xtask::pictures());
}

#[test]
fn the_pictures_show_the_screens_they_are_named_for() {
    let pictures = xtask::pictures();
    let svg_of = |name: &str| {
        pictures
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, svg)| svg.clone())
            .expect(name)
    };
    let home = svg_of("home.svg");
    assert!(
        home.contains("Themes") && home.contains("Your reflections"),
        "{home}"
    );
    let walk = svg_of("walkthrough.svg");
    assert!(
        walk.contains("Question 1 of 4") && walk.contains("braver about asking"),
        "{walk}"
    );
    let cursor = format!("width=\"9\" height=\"18\" fill=\"{}\"/>", svg::DEFAULT_FG);
    assert!(
        walk.contains(&cursor),
        "the answer's cursor, a reversed cell"
    );
    let group = svg_of("group.svg");
    assert!(group.contains("discussion time left"), "{group}");
    assert!(!group.contains('█'), "the timer's blocks are rectangles");
}

fn one_row(cells: &[(&str, Style)]) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
    let mut x = 0;
    for (text, style) in cells {
        buffer.set_string(x, 0, text, *style);
        x += u16::try_from(text.chars().count()).expect("short");
    }
    buffer
}

#[test]
fn colours_are_the_terminal_colours_named_indexed_or_rgb() {
    assert_eq!(svg::hex(Color::Reset), None);
    assert_eq!(svg::hex(Color::Cyan).as_deref(), Some("#00cdcd"));
    assert_eq!(svg::hex(Color::DarkGray).as_deref(), Some("#7f7f7f"));
    assert_eq!(svg::hex(Color::Indexed(6)), svg::hex(Color::Cyan));
    assert_eq!(svg::hex(Color::Indexed(196)).as_deref(), Some("#ff0000"));
    assert_eq!(svg::hex(Color::Indexed(16)).as_deref(), Some("#000000"));
    assert_eq!(svg::hex(Color::Indexed(232)).as_deref(), Some("#080808"));
    assert_eq!(svg::hex(Color::Rgb(1, 2, 255)).as_deref(), Some("#0102ff"));
}

#[test]
fn each_cell_keeps_its_colours_and_weight_and_text_is_escaped() {
    let bold_cyan = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let on_red = Style::new().fg(Color::White).bg(Color::Red);
    let buffer = one_row(&[("<a&b>", bold_cyan), ("ok", on_red)]);
    let out = svg::render(&buffer, None, "a \"test\"");
    assert!(out.contains("aria-label=\"a &quot;test&quot;\""), "{out}");
    assert!(
        out.contains("fill=\"#00cdcd\" font-weight=\"bold\">&lt;a&amp;b&gt;</text>"),
        "{out}"
    );
    assert!(
        out.contains("fill=\"#cd0000\"/>"),
        "the red background: {out}"
    );
    assert!(out.contains("fill=\"#ffffff\">ok</text>"), "{out}");
}

#[test]
fn reverse_video_swaps_the_colours_and_defaults_fill_in() {
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let out = svg::render(&one_row(&[("sel", reversed)]), None, "t");
    let fg = svg::DEFAULT_FG;
    let bg = svg::DEFAULT_BG;
    assert!(
        out.contains(&format!("width=\"27\" height=\"18\" fill=\"{fg}\"/>")),
        "{out}"
    );
    assert!(out.contains(&format!("fill=\"{bg}\">sel</text>")), "{out}");
}

#[test]
fn a_wide_character_takes_two_cells_and_the_cursor_shows_where_it_is() {
    let buffer = one_row(&[("a", Style::new())]);
    let mut buffer = buffer;
    buffer.set_string(1, 0, "界b", Style::new());
    let out = svg::render(&buffer, Some(Position::new(3, 0)), "t");
    // "a界b" is four cells wide: 36 pixels of text.
    assert!(out.contains("textLength=\"36\""), "{out}");
    assert!(out.contains(">a界b</text>"), "{out}");
    assert!(
        out.contains("<rect x=\"39\" y=\"12\" width=\"9\""),
        "cursor on cell 3: {out}"
    );
}

#[test]
fn block_elements_are_rectangles_of_their_colour() {
    let yellow = Style::new().fg(Color::LightYellow);
    let out = svg::render(&one_row(&[("█▀", yellow)]), None, "t");
    assert!(
        out.contains("<rect x=\"12\" y=\"12\" width=\"9\" height=\"18\" fill=\"#ffff00\"/>"),
        "{out}"
    );
    assert!(
        out.contains("<rect x=\"21\" y=\"12\" width=\"9\" height=\"9\" fill=\"#ffff00\"/>"),
        "{out}"
    );
    assert!(!out.contains('█') && !out.contains('▀'), "{out}");
}
