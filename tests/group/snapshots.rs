//! One snapshot of every kind of screen, at 80x24 and at 160x45. Read the
//! `.snap` files to see what a room would see.

use crossterm::event::KeyCode;
use reflect::group::{GroupAudience, SlideKind};

use crate::Harness;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn snap(name: &str, setup: impl Fn(&mut Harness)) {
    for size in SIZES {
        let mut h = Harness::new(size, GroupAudience::Practitioner);
        setup(&mut h);
        let terminal = h.terminal();
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), terminal.backend());
    }
}

#[test]
fn title() {
    snap("title", |_| {});
}

#[test]
fn key_data() {
    snap("key_data", |h| h.go_to(SlideKind::KeyData));
}

#[test]
fn learning() {
    snap("learning", |h| h.go_to(SlideKind::Learning));
}

#[test]
fn question_with_timer_running() {
    snap("question_running", |h| {
        h.go_to(SlideKind::Question);
        h.wait(75);
    });
}

#[test]
fn question_with_time_up() {
    snap("question_time_up", |h| {
        h.go_to(SlideKind::Question);
        h.wait(5 * 60 + 3);
    });
}

#[test]
fn question_paused() {
    snap("question_paused", |h| {
        h.go_to(SlideKind::Question);
        h.wait(20);
        h.key(KeyCode::Char(' '));
    });
}

/// A note on the learning, one on a question, then the summary slide.
fn two_notes_then_the_summary(h: &mut Harness) {
    h.go_to(SlideKind::Learning);
    h.key(KeyCode::Char('n'));
    h.type_text("Invite the CAMHS link worker to the next team meeting.");
    h.key(KeyCode::Enter);
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Char('n'));
    h.type_text("Check every open case file records whether a diagnosis is formal.");
    h.key(KeyCode::Enter);
    h.key(KeyCode::End);
}

#[test]
fn summary_with_notes() {
    snap("summary", two_notes_then_the_summary);
}

#[test]
fn choosing_a_note_to_change() {
    snap("note_choice", |h| {
        two_notes_then_the_summary(h);
        h.key(KeyCode::Char('e'));
        h.key(KeyCode::Up);
    });
}

#[test]
fn index() {
    snap("index", |h| {
        h.go_to(SlideKind::Question);
        h.key(KeyCode::Char('i'));
        h.key(KeyCode::Down);
    });
}

#[test]
fn help() {
    snap("help", |h| {
        h.key(KeyCode::Char('?'));
    });
}

#[test]
fn blank() {
    snap("blank", |h| {
        h.go_to(SlideKind::Learning);
        h.key(KeyCode::Char('b'));
    });
}

#[test]
fn note_input_open() {
    snap("note_input", |h| {
        h.go_to(SlideKind::Question);
        h.key(KeyCode::Char('n'));
        h.type_text("Agreed: ask for the diagnosis letter, not just the referral, and record who confirmed it.");
        h.key(KeyCode::Left);
    });
}

#[test]
fn end_confirmation() {
    snap("confirm_end", |h| {
        h.key(KeyCode::Char('q'));
    });
}
