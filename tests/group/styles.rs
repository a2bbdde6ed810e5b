//! What plain-text snapshots cannot show: reverse video when time is up,
//! and no colours at all with NO_COLOR.

use ratatui::style::{Color, Modifier};
use reflect::group::{GroupAudience, SlideKind};

use reflect::config::ColourTheme;
use reflect::ui::Palette;

use crate::{Harness, draw, draw_in};

fn time_up() -> Harness {
    let mut h = Harness::new((80, 24), GroupAudience::Practitioner);
    h.go_to(SlideKind::Question);
    h.wait(301);
    h
}

#[test]
fn time_up_is_in_reverse_video() {
    let h = time_up();
    let terminal = draw(h.session(), 80, 24);
    let buffer = terminal.backend().buffer();
    let reversed_blocks = buffer
        .content()
        .iter()
        .filter(|c| c.symbol() == "█" && c.modifier.contains(Modifier::REVERSED))
        .count();
    assert!(reversed_blocks > 20, "{reversed_blocks}");
    let mut running = Harness::new((80, 24), GroupAudience::Practitioner);
    running.go_to(SlideKind::Question);
    let terminal = draw(running.session(), 80, 24);
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
    let h = time_up();
    let terminal = draw_in(h.session(), Palette::new(false), 80, 24);
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
    let coloured = draw(time_up().session(), 80, 24);
    assert!(
        coloured
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.bg == Color::Black)
    );
}

/// The room's screen follows the colour theme: black on white with the
/// light theme, white on black otherwise.
#[test]
fn the_light_theme_is_black_on_white() {
    let light = Palette {
        colour: true,
        theme: ColourTheme::Light,
    };
    let terminal = draw_in(time_up().session(), light, 80, 24);
    let cells = terminal.backend().buffer().content();
    assert!(
        cells.iter().all(|c| c.bg == Color::White),
        "light background"
    );
    assert!(cells.iter().any(|c| c.fg == Color::Black));
}
