//! An outline draws what a `Block` with the same lines, title and border
//! style draws, cell for cell, over whatever was there before.

use proptest::prelude::*;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Borders, Widget};

use super::Outline;
use crate::ui::cells::filled;

fn style() -> impl Strategy<Value = Style> {
    (0u8..4, any::<u16>()).prop_map(|(fg, bits)| {
        let style = Style::new().add_modifier(Modifier::from_bits_truncate(bits));
        match fg {
            0 => Style::new(),
            1 => style.fg(Color::Yellow),
            2 => style.bg(Color::Indexed(7)),
            _ => style,
        }
    })
}

fn title() -> impl Strategy<Value = Option<Line<'static>>> {
    let span = ("[ a-zé界]{0,12}", style()).prop_map(|(text, style)| Span::styled(text, style));
    prop::option::of(prop::collection::vec(span, 0..3).prop_map(Line::from))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn an_outline_draws_what_its_block_draws(
        bits in 0u8..16,
        title in title(),
        border_style in style(),
        (x, y, width, height) in (0u16..12, 0u16..8, 0u16..24, 0u16..10),
    ) {
        let mut outline = Outline::new(Borders::from_bits_truncate(bits)).border_style(border_style);
        if let Some(title) = title {
            outline = outline.title(title);
        }
        let screen = Rect::new(2, 1, 20, 9);
        let area = Rect::new(x, y, width, height);
        let mut by_block = filled(screen);
        outline.block().render(area, &mut by_block);
        let mut by_outline = filled(screen);
        (&outline).render(area, &mut by_outline);
        prop_assert_eq!(by_outline, by_block);
        prop_assert_eq!(outline.inner(area), outline.block().inner(area));
    }
}
