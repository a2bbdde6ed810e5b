//! Keys as a facilitator presses them: only presses count, notes are kept
//! and saved, quitting never loses text.

use crossterm::event::{KeyCode, KeyModifiers};
use reflect::group::{GroupEffect, Mode, SlideKind};
use reflect::store::GroupRecord;

use crate::Harness;

fn saved(effects: &[GroupEffect]) -> Option<&GroupRecord> {
    effects.iter().find_map(|e| match e {
        GroupEffect::Save(record) => Some(record),
        GroupEffect::Quit => None,
    })
}

#[test]
fn only_presses_count() {
    let mut h = Harness::at_80x24();
    assert!(h.release(KeyCode::Right).is_empty());
    assert_eq!(h.session.current_index(), 0);
    h.key(KeyCode::Right);
    assert_eq!(h.session.current_index(), 1);
    h.release(KeyCode::Char('n'));
    assert_eq!(h.session.mode(), &Mode::Slides);
}

#[test]
fn a_note_is_kept_with_its_slide_and_saved() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let slide = h.session.current_slide().expect("slide").clone();
    h.key(KeyCode::Char('n'));
    h.type_text("Ask for the diagnosis lettr");
    h.key(KeyCode::Left);
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::End);
    h.session.handle_paste(" and\nrecord it", h.now);
    let Mode::Note(input) = h.session.mode() else {
        panic!("note input should be open");
    };
    assert_eq!(input.text(), "Ask for the diagnosis letter and record it");
    let effects = h.key(KeyCode::Enter);
    let record = saved(&effects).expect("saved");
    assert_eq!(record.notes.len(), 1);
    let note = &record.notes[0];
    assert_eq!(note.slide, "question:formal-diagnosis");
    assert_eq!(note.slide_title, slide.title);
    assert_eq!(note.text, "Ask for the diagnosis letter and record it");
    assert_eq!(note.added, crate::wall());
    assert_eq!(h.session.mode(), &Mode::Slides);
    assert_eq!(h.session.current_slide().expect("slide").key, slide.key);
    h.key(KeyCode::End);
    assert!(
        h.screen()
            .contains("Ask for the diagnosis letter and record it")
    );
}

#[test]
fn esc_cancels_and_a_blank_note_is_not_saved() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('n'));
    h.type_text("never mind");
    assert!(h.key(KeyCode::Esc).is_empty());
    h.key(KeyCode::Char('n'));
    h.type_text("   ");
    assert!(h.key(KeyCode::Enter).is_empty());
    assert!(h.session.record().notes.is_empty());
    assert_eq!(h.session.mode(), &Mode::Slides);
}

#[test]
fn ctrl_c_quits_at_once_saving_notes_and_the_one_being_typed() {
    let mut h = Harness::at_80x24();
    assert_eq!(
        h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL),
        [GroupEffect::Quit]
    );
    h.key(KeyCode::Char('n'));
    h.type_text("first");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('n'));
    h.type_text("half typed");
    let effects = h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(effects.last(), Some(&GroupEffect::Quit));
    let texts: Vec<&str> = saved(&effects)
        .expect("saved")
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(texts, ["first", "half typed"]);
}

#[test]
fn q_asks_before_ending() {
    let mut h = Harness::at_80x24();
    assert!(h.key(KeyCode::Char('q')).is_empty());
    assert_eq!(h.session.mode(), &Mode::ConfirmEnd);
    assert!(h.key(KeyCode::Char('n')).is_empty());
    assert_eq!(h.session.mode(), &Mode::Slides);
    h.key(KeyCode::Esc);
    assert_eq!(h.key(KeyCode::Char('y')), [GroupEffect::Quit]);
}

#[test]
fn space_runs_the_timer_on_questions_and_moves_on_elsewhere() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char(' '));
    assert_eq!(h.session.current_index(), 1, "Space is next off a question");
    h.go_to(SlideKind::Question);
    let here = h.session.current_index();
    assert!(
        h.session.current_timer().expect("timer").is_running(),
        "starts on opening"
    );
    h.wait(30);
    h.key(KeyCode::Char(' '));
    assert_eq!(h.session.current_index(), here, "Space did not move");
    let timer = h.session.current_timer().expect("timer").clone();
    assert!(!timer.is_running());
    h.key(KeyCode::Char('+'));
    h.wait(100);
    assert_eq!(
        h.session.current_timer().expect("timer").display(h.now),
        "05:30"
    );
    h.key(KeyCode::Char('-'));
    h.key(KeyCode::Char('r'));
    assert_eq!(
        h.session.current_timer().expect("timer").display(h.now),
        "05:00"
    );
}

#[test]
fn each_question_keeps_its_own_timer() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    h.wait(60);
    h.key(KeyCode::Right);
    h.wait(10);
    let second = h.session.current_timer().expect("timer").display(h.now);
    assert_eq!(second, "04:50");
    h.wait(500);
    h.key(KeyCode::Left);
    let first = h.session.current_timer().expect("timer");
    assert!(first.is_running(), "running again on return");
    assert_eq!(first.display(h.now), "04:00", "paused while away");
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Right);
    h.key(KeyCode::Left);
    assert!(
        !h.session.current_timer().expect("timer").is_running(),
        "paused by hand stays paused"
    );
    h.key(KeyCode::Right);
    h.wait(300);
    assert!(h.screen().contains("Time is up"));
}

#[test]
fn blank_index_and_help() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('b'));
    assert!(h.screen().trim().is_empty());
    h.key(KeyCode::Right);
    assert_eq!(
        (h.session.mode(), h.session.current_index()),
        (&Mode::Slides, 0),
        "any key returns, and only returns"
    );
    h.key(KeyCode::Char('i'));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert_eq!(
        (h.session.mode(), h.session.current_index()),
        (&Mode::Slides, 2)
    );
    h.key(KeyCode::Char('?'));
    h.key(KeyCode::Down);
    assert_eq!(h.session.mode(), &Mode::Help { scroll: 1 });
    h.key(KeyCode::Char('x'));
    assert_eq!(h.session.mode(), &Mode::Slides);
    h.key(KeyCode::End);
    assert_eq!(
        h.session.current_slide().expect("slide").kind,
        SlideKind::Summary
    );
    h.key(KeyCode::Home);
    assert_eq!(h.session.current_index(), 0);
}

#[test]
fn the_help_lists_what_the_footer_shows() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let help: Vec<String> = reflect::group::help_lines()
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    let on_question = reflect::keys::Context { on_question: true };
    for (key, _) in reflect::keys::footer(reflect::keys::Mode::Slides, on_question) {
        assert!(
            help.iter().any(|l| l.trim_start().starts_with(key)),
            "{key} missing from help"
        );
        assert!(h.screen().lines().last().unwrap_or_default().contains(key) || key != "Space");
    }
}
