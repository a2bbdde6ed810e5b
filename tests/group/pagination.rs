//! Long content flows onto further slides and nothing is lost.

use crossterm::event::KeyCode;
use reflect::group::{GroupAudience, SlideKind};

use ratatui::layout::Rect;
use reflect::group::layout::{areas, question_areas, text_column};

use crate::{Harness, library};

/// The rows of the slide's text (not its header, footer or timer), without
/// the "continues" sign.
fn body_text(h: &Harness) -> String {
    let (w, height) = h.app.size;
    let mut body = areas(Rect::new(0, 0, w, height)).body;
    if h.session().on_question() {
        body = question_areas(text_column(body)).0;
    }
    let screen = h.screen();
    let rows: Vec<&str> = screen.lines().collect();
    rows[usize::from(body.top())..usize::from(body.bottom())]
        .iter()
        .filter(|row| !row.contains("continues"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of every slide of `kind`, in order, as one string of words.
fn words_on_slides(h: &mut Harness, kind: SlideKind) -> (usize, String) {
    h.go_to(kind);
    let mut pages = 0;
    let mut text = String::new();
    while h.session().current_slide().map(|s| s.kind) == Some(kind) {
        text.push_str(&body_text(h));
        text.push(' ');
        pages += 1;
        h.key(KeyCode::Right);
    }
    (pages, squash(&text))
}

fn squash(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| *w != "•")
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn learning_points_flow_onto_more_slides_and_appear_in_full() {
    let theme = library().find_theme(crate::THEME).expect("theme").1.clone();
    for size in [(40, 14), (30, 10), (80, 24)] {
        let mut h = Harness::new(size, GroupAudience::Practitioner);
        let (pages, shown) = words_on_slides(&mut h, SlideKind::Learning);
        assert!(pages >= 2, "{size:?}: {pages} pages");
        for point in &theme.learning {
            assert!(
                shown.contains(&squash(point)),
                "{size:?}: missing {point}\n{shown}"
            );
        }
    }
}

#[test]
fn key_data_and_questions_appear_in_full_on_a_small_screen() {
    let theme = library().find_theme(crate::THEME).expect("theme").1.clone();
    let mut h = Harness::new((36, 12), GroupAudience::Both);
    let (_, key_data) = words_on_slides(&mut h, SlideKind::KeyData);
    for point in &theme.key_data {
        assert!(key_data.contains(&squash(point)), "missing {point}");
    }
    let (pages, questions) = words_on_slides(&mut h, SlideKind::Question);
    assert!(
        pages > theme.questions.len(),
        "long questions continue: {pages}"
    );
    for q in &theme.questions {
        assert!(questions.contains(&squash(&q.text)), "missing {}", q.text);
    }
}

#[test]
fn resizing_keeps_the_place() {
    let mut h = Harness::new((40, 14), GroupAudience::Practitioner);
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Right);
    let key = h.session().current_slide().expect("slide").section.clone();
    h.resize(200, 60);
    assert_eq!(h.session().current_slide().expect("slide").section, key);
    h.resize(20, 8);
    assert_eq!(h.session().current_slide().expect("slide").section, key);
    h.go_to(SlideKind::Learning);
    h.key(KeyCode::Right);
    let second = h.session().current_slide().expect("slide").clone();
    assert!(second.key.starts_with("learning:"), "{}", second.key);
    h.resize(40, 14);
    let now = h.session().current_slide().expect("slide");
    assert_eq!(now.section, "learning");
    assert!(
        now.start <= second.start,
        "{:?} {:?}",
        now.start,
        second.start
    );
}
