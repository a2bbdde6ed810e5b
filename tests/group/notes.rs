//! Changing or taking back a note: a name typed on the shared screen by
//! mistake need not stay on the summary, nor in the record.

use crossterm::event::KeyCode;
use reflect::group::{Mode, SlideKind};

use super::{Harness, saved};

/// A note kept on the current slide.
fn note(h: &mut Harness, text: &str) {
    h.key(KeyCode::Char('n'));
    h.type_text(text);
    h.key(KeyCode::Enter);
}

fn erase(h: &mut Harness) {
    let text = h.session().mode().note().expect("the note box").text();
    for _ in text.chars() {
        h.key(KeyCode::Backspace);
    }
}

#[test]
fn e_brings_back_the_last_note_on_the_slide_to_change() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "first point");
    note(&mut h, "Grace Smith agreed");
    h.key(KeyCode::Char('e'));
    let draft = h.session().mode().note().expect("the note box").text();
    assert_eq!(draft, "Grace Smith agreed", "the last one, to change");
    erase(&mut h);
    h.type_text("the parent agreed");
    let effects = h.key(KeyCode::Enter);
    let record = *saved(&effects).last().expect("saved at once");
    let texts: Vec<&str> = record.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["first point", "the parent agreed"]);
    assert_eq!(record.draft, None);
    h.go_to(SlideKind::Summary);
    assert!(!h.screen().contains("Grace"), "{}", h.screen());
}

#[test]
fn a_note_emptied_or_thrown_away_is_taken_back() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "Grace Smith agreed");
    h.key(KeyCode::Char('e'));
    erase(&mut h);
    let effects = h.key(KeyCode::Enter);
    let record = *saved(&effects).last().expect("the taking back is saved");
    assert!(record.notes.is_empty() && record.draft.is_none());
    note(&mut h, "Grace again");
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::Esc);
    assert!(matches!(h.session().mode(), Mode::ConfirmDiscard(_)));
    h.key(KeyCode::Char('y'));
    assert!(h.session().record().notes.is_empty());
}

/// Until it is kept again, the note being changed is the record's draft:
/// a session that ends meanwhile loses nothing.
#[test]
fn a_note_being_changed_is_saved_as_a_draft() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "check the chronology");
    let effects = h.key(KeyCode::Char('e'));
    let record = *saved(&effects).last().expect("saved at once");
    assert!(record.notes.is_empty());
    let draft = record.draft.as_ref().expect("kept as the draft");
    assert_eq!(draft.text, "check the chronology");
}

#[test]
fn on_the_summary_e_takes_the_last_note_and_elsewhere_says_when_there_is_none() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "on the question");
    h.key(KeyCode::Home);
    h.key(KeyCode::Char('e'));
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert!(
        h.screen().contains("No note made on this slide"),
        "{}",
        h.screen()
    );
    h.go_to(SlideKind::Summary);
    h.key(KeyCode::Char('e'));
    let draft = h.session().mode().note().expect("the note box").text();
    assert_eq!(draft, "on the question");
    h.key(KeyCode::Enter);
    let notes = &h.session().record().notes;
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].slide.starts_with("question:"),
        "filed where it was made"
    );
}
