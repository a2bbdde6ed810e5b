//! Keys as a facilitator presses them: only presses count, notes are kept
//! and saved, quitting never loses text, a note being written is a draft
//! that Esc never throws away without asking.

use crossterm::event::{KeyCode, KeyModifiers};
use reflect::app::Effect;
use reflect::group::{Mode, SlideKind};

use crate::{Harness, saved};

#[test]
fn only_presses_count() {
    let mut h = Harness::at_80x24();
    assert!(h.release(KeyCode::Right).is_empty());
    assert_eq!(h.session().current_index(), 0);
    h.key(KeyCode::Right);
    assert_eq!(h.session().current_index(), 1);
    h.release(KeyCode::Char('n'));
    assert!(matches!(h.session().mode(), Mode::Slides));
}

#[test]
fn a_note_is_kept_with_its_slide_and_saved() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let slide = h.session().current_slide().expect("slide").clone();
    h.key(KeyCode::Char('n'));
    h.type_text("Ask for the diagnosis lettr");
    h.key(KeyCode::Left);
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::End);
    h.paste(" and\nrecord it");
    let Mode::Note(draft) = h.session().mode() else {
        panic!("the note should be open");
    };
    assert_eq!(draft.text(), "Ask for the diagnosis letter and\nrecord it");
    let effects = h.key(KeyCode::Enter);
    let record = saved(&effects)[0];
    assert_eq!(record.notes.len(), 1);
    assert_eq!(record.draft, None, "kept: no longer a draft");
    let note = &record.notes[0];
    assert_eq!(note.slide, "question:formal-diagnosis");
    assert_eq!(note.slide_title, slide.title);
    assert_eq!(note.text, "Ask for the diagnosis letter and\nrecord it");
    assert_eq!(note.added, crate::wall());
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert_eq!(h.session().current_slide().expect("slide").key, slide.key);
    h.key(KeyCode::End);
    let screen = h.screen();
    assert!(
        screen.contains("Ask for the diagnosis letter and"),
        "{screen}"
    );
    assert!(screen.contains("record it"), "{screen}");
}

/// Notes are multi-line now, with undo: Alt-Enter starts a line, Ctrl-Z
/// takes back, Ctrl-Y puts back.
#[test]
fn a_note_wraps_lines_and_undoes() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('n'));
    h.type_text("one");
    h.key_with(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text("two");
    h.key_with(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let text = |h: &Harness| h.session().mode().note().expect("open").text();
    assert_eq!(text(&h), "one\ntw");
    h.key_with(KeyCode::Char('y'), KeyModifiers::CONTROL);
    assert_eq!(text(&h), "one\ntwo");
}

/// While it is typed the note is saved as a draft, within a second even
/// with no pause: it survives a crash.
#[test]
fn a_note_being_typed_is_saved_as_a_draft() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('n'));
    let mut drafts = Vec::new();
    for word in ["we", "agreed", "to", "ask", "the", "school"] {
        h.type_text(word);
        h.key(KeyCode::Char(' '));
        h.now += chrono::Duration::milliseconds(300);
        let effects = h.act(reflect::app::Action::Tick(h.now));
        drafts.extend(saved(&effects).into_iter().filter_map(|r| r.draft.clone()));
    }
    assert!(!drafts.is_empty(), "saved while typing without a pause");
    let last = drafts.last().expect("a draft");
    assert!(
        "we agreed to ask the school".starts_with(&last.text),
        "{}",
        last.text
    );
    assert!(h.session().record().notes.is_empty(), "not a kept note yet");
}

#[test]
fn esc_asks_before_throwing_a_note_away_and_a_blank_one_just_closes() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('n'));
    h.type_text("not sure yet");
    h.key(KeyCode::Esc);
    assert!(matches!(h.session().mode(), Mode::ConfirmDiscard(_)));
    assert!(h.screen().contains("Throw this note away?"));
    // A tester's " every day" after a stray Esc threw the note away at
    // its y: only a capital Y does; other keys go back into the note.
    h.type_text(" every day");
    let Mode::Note(draft) = h.session().mode() else {
        panic!("back to writing");
    };
    assert_eq!(draft.text(), "not sure yet every day", "nothing lost");
    // So does a paste (typed in by the terminal, it arrives as one).
    h.key(KeyCode::Esc);
    h.paste(", then review");
    let Mode::Note(draft) = h.session().mode() else {
        panic!("back to writing after a paste");
    };
    assert_eq!(draft.text(), "not sure yet every day, then review");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Esc);
    assert!(
        matches!(h.session().mode(), Mode::Note(_)),
        "Esc: keep writing"
    );
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('Y'));
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert!(h.session().record().notes.is_empty());
    assert_eq!(h.session().record().draft, None);
    h.key(KeyCode::Char('n'));
    h.type_text("   ");
    assert!(saved(&h.key(KeyCode::Enter)).is_empty(), "nothing to keep");
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Esc);
    assert!(
        matches!(h.session().mode(), Mode::Slides),
        "blank: no question"
    );
    assert!(h.session().record().notes.is_empty());
}

#[test]
fn ctrl_c_quits_at_once_saving_notes_and_the_one_being_typed() {
    let mut h = Harness::at_80x24();
    assert_eq!(
        h.key_with(KeyCode::Char('c'), KeyModifiers::CONTROL),
        [Effect::Quit]
    );
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char('n'));
    h.type_text("first");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('n'));
    h.type_text("half typed");
    let effects = h.key_with(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(effects.last(), Some(&Effect::Quit));
    let texts: Vec<&str> = saved(&effects)[0]
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
    assert!(matches!(h.session().mode(), Mode::ConfirmEnd));
    assert!(h.key(KeyCode::Char('n')).is_empty());
    assert!(matches!(h.session().mode(), Mode::Slides));
    h.key(KeyCode::Esc);
    assert_eq!(h.key(KeyCode::Char('y')), [Effect::Quit]);
}

#[test]
fn space_runs_the_timer_on_questions_and_moves_on_elsewhere() {
    let mut h = Harness::at_80x24();
    h.key(KeyCode::Char(' '));
    assert_eq!(
        h.session().current_index(),
        1,
        "Space is next off a question"
    );
    h.go_to(SlideKind::Question);
    let here = h.session().current_index();
    assert!(
        h.session().current_timer().expect("timer").is_running(),
        "starts on opening"
    );
    h.wait(30);
    h.key(KeyCode::Char(' '));
    assert_eq!(h.session().current_index(), here, "Space did not move");
    let timer = h.session().current_timer().expect("timer").clone();
    assert!(!timer.is_running());
    h.key(KeyCode::Char('+'));
    h.wait(100);
    assert_eq!(
        h.session().current_timer().expect("timer").display(h.now),
        "05:30"
    );
    h.key(KeyCode::Char('-'));
    h.key(KeyCode::Char('r'));
    assert_eq!(
        h.session().current_timer().expect("timer").display(h.now),
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
    let second = h.session().current_timer().expect("timer").display(h.now);
    assert_eq!(second, "04:50");
    h.wait(500);
    h.key(KeyCode::Left);
    let first = h.session().current_timer().expect("timer");
    assert!(first.is_running(), "running again on return");
    assert_eq!(first.display(h.now), "04:00", "paused while away");
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Right);
    h.key(KeyCode::Left);
    assert!(
        !h.session().current_timer().expect("timer").is_running(),
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
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert_eq!(
        h.session().current_index(),
        0,
        "any key returns, and only returns"
    );
    h.key(KeyCode::Char('i'));
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert_eq!(h.session().current_index(), 2);
    h.key(KeyCode::Char('?'));
    h.key(KeyCode::Down);
    assert!(h.app.help == Some(1), "help scrolls");
    for _ in 0..200 {
        h.key(KeyCode::Down);
    }
    let most = h.app.scroll_limits.help;
    assert_eq!(h.app.help, Some(most), "and stops at its end");
    let last = last_help_line(reflect::keys::Mode::Slides, 80, 24);
    let screen = h.screen();
    assert!(
        screen.contains(&last),
        "the last line of help, {last:?}, shows:\n{screen}"
    );
    assert!(!screen.contains("more ↓"), "{screen}");
    h.key(KeyCode::Up);
    assert_eq!(h.app.help, Some(most - 1), "one key back moves it back");
    h.key(KeyCode::Char('x'));
    assert!(h.app.help.is_none());
    assert!(matches!(h.session().mode(), Mode::Slides));
    h.key(KeyCode::End);
    assert_eq!(
        h.session().current_slide().expect("slide").kind,
        SlideKind::Summary
    );
    h.key(KeyCode::Home);
    assert_eq!(h.session().current_index(), 0);
}

#[test]
fn the_help_lists_what_the_footer_shows() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let help: Vec<String> = reflect::keys::help::lines(reflect::keys::Mode::Slides, 70)
        .into_iter()
        .map(|l| l.text)
        .collect();
    let on_question = reflect::keys::Context {
        on_question: true,
        ..Default::default()
    };
    for (key, _) in reflect::keys::footer(reflect::keys::Mode::Slides, on_question) {
        assert!(
            help.iter().any(|l| l.trim_start().starts_with(key)),
            "{key} missing from help"
        );
        assert!(h.screen().lines().last().unwrap_or_default().contains(key) || key != "Space");
    }
}

/// A tester filled the disk: the footer cut the error off, and the
/// question "End the session?" still said the notes were saved.
#[test]
fn a_failed_save_is_read_whole_and_ending_does_not_claim_the_notes_saved() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Char('n'));
    h.type_text("Ask for the diagnosis letter");
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('q'));
    assert!(h.screen().contains("The group's note is saved."));
    h.key(KeyCode::Esc);
    let id = h.session().record().id.clone();
    let error = "No space left on device (os error 28)".to_string();
    h.act(reflect::app::Action::GroupSaveFailed { id, error });
    let screen = h.screen();
    let joined = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let status = h.session().status().expect("a status").to_owned();
    assert!(status.contains("os error 28"), "{status}");
    assert!(joined.contains(&status), "cut:\n{screen}");
    h.key(KeyCode::Char('q'));
    let screen = h.screen();
    assert!(!screen.contains("is saved"), "{screen}");
    assert!(screen.contains("The last save failed"), "{screen}");
}

/// The last line of help over `mode`, as wrapped on a screen of this size.
pub fn last_help_line(mode: reflect::keys::Mode, width: u16, height: u16) -> String {
    use reflect::keys::help::{area, inner_width, lines};
    let screen = ratatui::layout::Rect::new(0, 0, width, height);
    let lines = lines(mode, inner_width(area(mode, screen).width));
    lines.last().expect("help has lines").text.trim().to_owned()
}

/// A tester's refused quit on the shared screen spoke of "your
/// reflection", and "see above" pointed at nothing: it names the group's
/// notes and why.
#[test]
fn a_refused_quit_names_the_groups_notes_and_why() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Char('n'));
    h.type_text("Ask for the diagnosis letter");
    h.key(KeyCode::Enter);
    let id = h.session().record().id.clone();
    let error = "the disk is full".to_string();
    h.act(reflect::app::Action::GroupSaveFailed { id, error });
    // Ctrl-Q, its save failing too (the harness would report it done).
    use reflect::app::{Action, Effect, update};
    let ctrl_q = crossterm::event::KeyEvent::new(
        KeyCode::Char('q'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    for effect in update(&mut h.app, Action::Key(ctrl_q)) {
        if let Effect::SaveGroup { record, .. } = effect {
            let error = "the disk is full".to_string();
            update(
                &mut h.app,
                Action::GroupSaveFailed {
                    id: record.id,
                    error,
                },
            );
        }
    }
    update(&mut h.app, Action::SavesFinished);
    let status = h.session().status().expect("a status").to_owned();
    assert!(
        status.starts_with("The group's notes could NOT be saved: the disk is full."),
        "{status}"
    );
    assert!(
        !status.contains("reflection") && !status.contains("see above"),
        "{status}"
    );
}

/// A paste on a slide with no note open is kept nowhere, runs no
/// commands, and the screen says where a paste goes.
#[test]
fn a_paste_on_a_slide_is_not_taken_and_is_said() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let before = h.session().current_slide().cloned();
    let effects = h.paste("next q end");
    assert!(saved(&effects).is_empty());
    assert_eq!(h.session().current_slide().cloned(), before);
    assert!(matches!(h.session().mode(), Mode::Slides), "no note opened");
    let screen = h.screen();
    assert!(screen.contains("Nothing was pasted"), "{screen}");
    // A tester saw it stay under the note written next, as if that note
    // had not been kept: it goes with the next key.
    h.key(KeyCode::Char('n'));
    let screen = h.screen();
    assert!(!screen.contains("Nothing was pasted"), "{screen}");
}
