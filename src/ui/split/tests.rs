use proptest::prelude::*;
use ratatui::layout::{Constraint, Layout, Rect};

use super::{Size, columns, even_columns, rows};

fn constraint(size: Size) -> Constraint {
    match size {
        Size::Len(n) => Constraint::Length(n),
        Size::Percent(p) => Constraint::Percentage(p),
        Size::Fill => Constraint::Fill(1),
    }
}

fn size() -> impl Strategy<Value = Size> {
    prop_oneof![(0u16..40).prop_map(Size::Len), Just(Size::Fill)]
}

proptest! {
    /// Wherever the fixed sizes fit, the split is the one ratatui's solver
    /// finds, so no screen moves by a cell.
    #[test]
    fn fitting_splits_match_ratatuis_layout(
        sizes in prop::collection::vec(size(), 1..5),
        (x, y, width, height) in (0u16..9, 0u16..9, 0u16..300, 0u16..120),
    ) {
        let fixed: u16 = sizes.iter().map(|s| match s { Size::Len(n) => *n, _ => 0 }).sum();
        prop_assume!(fixed <= height && fixed <= width);
        let area = Rect::new(x, y, width, height);
        let padded: [Size; 4] = std::array::from_fn(|i| sizes.get(i).copied().unwrap_or(Size::Len(0)));
        let constraints = padded.map(constraint);
        prop_assert_eq!(rows(area, padded), Layout::vertical(constraints).areas(area));
        prop_assert_eq!(columns(area, padded), Layout::horizontal(constraints).areas(area));
    }

    #[test]
    fn shares_and_even_columns_match_ratatuis_layout(width in 0u16..400, count in 1usize..6) {
        let area = Rect::new(3, 1, width, 2);
        let halves = [Size::Percent(60), Size::Percent(40)];
        prop_assert_eq!(columns(area, halves), Layout::horizontal(halves.map(constraint)).areas(area));
        let even = Layout::horizontal(vec![Constraint::Fill(1); count]).split(area);
        prop_assert_eq!(even_columns(area, count), even.to_vec());
    }
}

#[test]
fn fixed_sizes_that_do_not_fit_are_given_in_order() {
    let area = Rect::new(0, 0, 10, 4);
    let [body, a, b] = rows(area, [Size::Fill, Size::Len(3), Size::Len(2)]);
    assert_eq!((body.height, a.height, b.height), (0, 3, 1));
    assert_eq!((a.y, b.y), (0, 3));
    let [a, b] = rows(Rect::new(0, 0, 0, 0), [Size::Len(1), Size::Fill]);
    assert_eq!((a.height, b.height), (0, 0));
}
