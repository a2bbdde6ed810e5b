//! What plain-text snapshots cannot show: reverse video when time is up,
//! and no colours at all with NO_COLOR.

use ratatui::style::{Color, Modifier};
use reflect::group::{GroupAudience, SlideKind};

use crate::{Harness, draw};

fn time_up(no_color: bool) -> Harness {
    let mut h = Harness::new((80, 24), GroupAudience::Practitioner);
    h.session = h.session.clone().with_no_color(no_color);
    h.go_to(SlideKind::Question);
    h.wait(301);
    h
}

#[test]
fn time_up_is_in_reverse_video() {
    let h = time_up(false);
    let terminal = draw(&h.session, 80, 24);
    let buffer = terminal.backend().buffer();
    let reversed_blocks = buffer
        .content()
        .iter()
        .filter(|c| c.symbol() == "█" && c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed_blocks > 20, "{reversed_blocks}");
    let mut running = Harness::new((80, 24), GroupAudience::Practitioner);
    running.go_to(SlideKind::Question);
    let terminal = draw(&running.session, 80, 24);
    assert!(
        !terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.symbol() == "█" && c.modifier.contains(Modifier::REVERSED))
    );
}

#[test]
fn no_color_means_no_colours_but_still_reverse_and_bold() {
    let h = time_up(true);
    let terminal = draw(&h.session, 80, 24);
    let cells = terminal.backend().buffer().content();
    assert!(
        cells
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    assert!(cells.iter().any(|c| c.modifier.contains(Modifier::BOLD)));
    let coloured = draw(&time_up(false).session, 80, 24);
    assert!(
        coloured
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.bg == Color::Black)
    );
}
