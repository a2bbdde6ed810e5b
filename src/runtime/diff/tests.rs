//! The cells sent must be exactly those ratatui's `Buffer::diff` picks:
//! random pairs of frames, with wide characters, emoji, styles that show
//! on blanks, and every way a cell can ask to be skipped or always sent.

use std::num::NonZeroU16;

use proptest::prelude::*;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::changes;

fn cell() -> impl Strategy<Value = Cell> {
    let symbol = prop_oneof![
        6 => Just(" "),
        6 => Just("a"),
        2 => Just("é"),
        2 => Just("─"),
        1 => Just("╯"),
        3 => Just("界"),
        2 => Just("❤\u{FE0F}"),
        1 => Just("ﾞ"),
        1 => Just("ab"),
        1 => Just(""),
    ];
    let color = prop_oneof![
        4 => Just(Color::Reset),
        1 => Just(Color::Red),
        1 => any::<u8>().prop_map(Color::Indexed),
    ];
    let modifier = prop_oneof![
        4 => Just(Modifier::empty()),
        1 => Just(Modifier::REVERSED),
        1 => Just(Modifier::BOLD),
    ];
    let option = prop_oneof![
        12 => Just(CellDiffOption::None),
        1 => Just(CellDiffOption::Skip),
        1 => Just(CellDiffOption::AlwaysUpdate),
        1 => (1u16..4).prop_map(|w| CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(w - 1))),
    ];
    (
        symbol,
        color.clone(),
        color,
        modifier,
        option,
        prop::bool::weighted(0.05),
    )
        .prop_map(|(symbol, fg, bg, modifier, option, skip)| {
            let mut cell = Cell::new(symbol);
            cell.fg = fg;
            cell.bg = bg;
            cell.modifier = modifier;
            cell.diff_option = option;
            #[allow(deprecated)]
            {
                cell.skip = skip;
            }
            cell
        })
}

fn area() -> impl Strategy<Value = Rect> {
    (0u16..3, 0u16..3, 1u16..12, 1u16..5).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
}

/// Two frames of one area, the second mostly the first's cells, so that
/// they share runs as real frames do.
fn frames() -> impl Strategy<Value = (Buffer, Buffer)> {
    area().prop_flat_map(|area| {
        let cells = usize::from(area.width * area.height);
        let shown = prop::collection::vec(cell(), cells);
        let edits = prop::collection::vec(prop::option::weighted(0.3, cell()), cells);
        (shown, edits).prop_map(move |(mut shown, edits)| {
            // ratatui panics on a wide character in the last cell, which no
            // widget draws (ours stops there).
            if let Some(last) = shown.last_mut() {
                last.set_symbol("z").set_diff_option(CellDiffOption::None);
            }
            let next = shown
                .iter()
                .zip(edits)
                .map(|(cell, edit)| edit.unwrap_or_else(|| cell.clone()))
                .collect();
            (
                Buffer {
                    area,
                    content: shown,
                },
                Buffer {
                    area,
                    content: next,
                },
            )
        })
    })
}

fn places<'a>(cells: impl Iterator<Item = (u16, u16, &'a Cell)>) -> Vec<(u16, u16, *const Cell)> {
    cells
        .map(|(x, y, cell)| (x, y, std::ptr::from_ref(cell)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_cells_sent_are_those_ratatui_picks((shown, next) in frames()) {
        prop_assert_eq!(places(changes(Some(&shown), &next)), places(shown.diff(&next).into_iter()));
    }

    #[test]
    fn over_a_cleared_screen_the_cells_sent_are_those_ratatui_picks((_, next) in frames()) {
        let cleared = Buffer::empty(next.area);
        let expected = places(cleared.diff(&next).into_iter());

        prop_assert_eq!(places(changes(None, &next)), expected.clone());
        // A frame of another size was cleared away by the resize.
        let mut other = cleared.clone();
        other.resize(Rect { height: next.area.height + 1, ..next.area });
        prop_assert_eq!(places(changes(Some(&other), &next)), expected);
    }
}

#[test]
fn an_unchanged_frame_sends_nothing_and_one_changed_cell_sends_one() {
    let area = Rect::new(0, 0, 300, 100);
    let mut shown = Buffer::empty(area);
    shown.set_string(0, 5, "a line of text — with 界 in it", Modifier::BOLD);
    let mut next = shown.clone();
    assert_eq!(changes(Some(&shown), &next).count(), 0);
    next[(7, 5)].set_symbol("x");
    let sent: Vec<_> = changes(Some(&shown), &next)
        .map(|(x, y, _)| (x, y))
        .collect();
    assert_eq!(sent, [(7, 5)]);
}

/// The shortcut for a box's lines agrees with ratatui over the whole
/// block, and takes nothing either side of it.
#[test]
fn box_drawing_is_one_column_as_ratatui_counts_it() {
    use ratatui::buffer::CellWidth;
    for code in 0x2400..0x2600_u32 {
        let Some(c) = char::from_u32(code) else {
            continue;
        };
        let text = c.to_string();
        let inside = (0x2500..=0x257F).contains(&code);
        assert_eq!(
            super::is_box_drawing(text.as_bytes()),
            inside,
            "U+{code:04X}"
        );
        if inside {
            let mut cell = Cell::EMPTY;
            cell.set_symbol(&text);
            assert_eq!(cell.cell_width(), 1, "U+{code:04X}");
        }
    }
}
