//! Every slide and overlay draws at any size without panicking, and the
//! cuts it makes are marked.

use crossterm::event::KeyCode;
use reflect::group::{GroupAudience, Mode};

use crate::{Harness, draw, text_of};

const SIZES: [(u16, u16); 9] = [
    (0, 0),
    (1, 1),
    (10, 5),
    (3, 40),
    (40, 3),
    (80, 24),
    (200, 60),
    (1, 60),
    (300, 2),
];

/// Every slide, in every mode, at `size`. One Esc leaves any mode, but a
/// note with words in it, which asks first (and that question is drawn too).
fn every_screen(h: &mut Harness, size: (u16, u16), check: &mut dyn FnMut(&Harness)) {
    h.resize(size.0, size.1);
    h.key(KeyCode::Home);
    loop {
        for mode_key in [None, Some('i'), Some('?'), Some('n'), Some('q'), Some('b')] {
            if let Some(c) = mode_key {
                h.key(KeyCode::Char(c));
            }
            if mode_key == Some('n') {
                h.type_text("a note typed at a tiny size, long enough to wrap over several lines");
            }
            check(h);
            if mode_key.is_some() {
                h.key(KeyCode::Esc);
            }
            if mode_key == Some('n') {
                assert!(matches!(h.session().mode(), Mode::ConfirmDiscard(_)));
                check(h);
                h.key(KeyCode::Char('Y'));
            }
            assert!(
                matches!(h.session().mode(), Mode::Slides),
                "{size:?} {mode_key:?}"
            );
        }
        let before = h.session().current_index();
        h.key(KeyCode::Right);
        if h.session().current_index() == before {
            break;
        }
    }
}

#[test]
fn every_slide_draws_at_every_size() {
    let mut h = Harness::new((80, 24), GroupAudience::Both);
    let mut frames = 0;
    for size in SIZES {
        h.wait(400);
        every_screen(&mut h, size, &mut |h| {
            let terminal = draw(h.session(), size.0, size.1);
            assert_eq!(terminal.backend().buffer().area.width, size.0);
            // A frame drawn before the runtime has passed on a resize.
            draw(h.session(), size.1, size.0);
            frames += 1;
        });
    }
    assert!(frames > 500, "{frames}");
}

#[test]
fn a_small_screen_says_the_slide_continues() {
    let mut h = Harness::new((30, 12), GroupAudience::Practitioner);
    h.go_to(reflect::group::SlideKind::Learning);
    let slide = h.session().current_slide().expect("slide");
    assert!(slide.pages > 2, "{}", slide.pages);
    let screen = h.screen();
    assert!(screen.contains("continues →"), "{screen}");
    h.resize(44, 12);
    assert!(
        h.screen().contains(reflect::ui::group::CONTINUES),
        "{}",
        h.screen()
    );
    h.key(KeyCode::End);
    assert!(!h.screen().contains("continues"), "{}", h.screen());
}

#[test]
fn text_wider_than_the_screen_is_cut_with_a_sign() {
    let h = Harness::new((14, 8), GroupAudience::Practitioner);
    let screen = text_of(draw(h.session(), 14, 8).backend().buffer());
    assert!(screen.contains('…'), "{screen}");
}
