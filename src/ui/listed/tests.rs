//! A `Listed` draws what a `List` of the same items draws, cell for cell.

use proptest::prelude::*;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget, Widget};

use super::Listed;
use crate::ui::cells::filled;

const STYLES: [Style; 3] = [
    Style::new(),
    Style::new().fg(Color::Yellow),
    Style::new().add_modifier(Modifier::BOLD).bg(Color::Blue),
];

fn style() -> impl Strategy<Value = Style> {
    (0..STYLES.len()).prop_map(|i| STYLES[i])
}

fn item() -> impl Strategy<Value = Text<'static>> {
    let span = ("[ a-z’—]{0,9}|[a界]{0,3}", style()).prop_map(|(t, s)| Span::styled(t, s));
    let line = (prop::collection::vec(span, 0..3), style())
        .prop_map(|(spans, style)| Line::from(spans).style(style));
    (prop::collection::vec(line, 0..4), style())
        .prop_map(|(lines, style)| Text::from(lines).style(style))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_listed_draws_what_a_list_draws(
        items in prop::collection::vec(item(), 0..6),
        selected in prop::option::of(0usize..7),
        highlight in style(),
        (x, y, width, height) in (0u16..4, 0u16..4, 0u16..16, 0u16..12),
    ) {
        let screen = Rect::new(1, 1, 14, 10);
        let area = Rect::new(x, y, width, height);
        let mut by_list = filled(screen);
        let list = List::new(items.iter().cloned().map(ListItem::new)).highlight_style(highlight);
        let mut state = ListState::default().with_selected(selected);
        StatefulWidget::render(list, area, &mut by_list, &mut state);
        let mut by_listed = filled(screen);
        Listed::new(items, selected, highlight).render(area, &mut by_listed);
        prop_assert_eq!(by_listed, by_list);
    }
}
