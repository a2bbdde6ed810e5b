//! Changing or taking back a note: a name typed on the shared screen by
//! mistake need not stay on the summary, nor in the record.

use crossterm::event::KeyCode;
use reflect::group::{GroupAudience, Mode, SlideKind};

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

fn texts(h: &Harness) -> Vec<String> {
    let notes = &h.session().record().notes;
    notes.iter().map(|n| n.text.clone()).collect()
}

#[test]
fn e_brings_back_the_last_note_on_the_slide_to_change() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "first point");
    note(&mut h, "Grace Smith agreed");
    h.key(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(screen.contains("Change which note? · 2 / 2"), "{screen}");
    h.key(KeyCode::Enter);
    let draft = h.session().mode().note().expect("the note box").text();
    assert_eq!(draft, "Grace Smith agreed", "the newest offered first");
    erase(&mut h);
    h.type_text("the parent agreed");
    let effects = h.key(KeyCode::Enter);
    let record = *saved(&effects).last().expect("saved at once");
    let kept: Vec<&str> = record.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(kept, ["first point", "the parent agreed"], "in its place");
    assert_eq!(record.draft, None);
    h.go_to(SlideKind::Summary);
    assert!(!h.screen().contains("Grace"), "{}", h.screen());
}

#[test]
fn a_note_emptied_and_kept_is_taken_back() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "Grace Smith agreed");
    let kept_at = h.session().record().updated;
    h.wait(30);
    h.key(KeyCode::Char('e'));
    erase(&mut h);
    let effects = h.key(KeyCode::Enter);
    let record = *saved(&effects).last().expect("the taking back is saved");
    assert!(record.notes.is_empty() && record.draft.is_none());
    assert!(
        record.updated > kept_at,
        "the record says when it last changed"
    );
    assert!(h.screen().contains("taken back"), "{}", h.screen());
    h.key(KeyCode::Right);
    assert!(
        !h.screen().contains("taken back"),
        "said once, not for ever"
    );
}

/// A tester read Esc as "cancel the change" and lost a kept point: Esc
/// leaves the note as it was, asking first only when it was changed.
#[test]
fn esc_leaves_a_kept_note_as_it_was() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "Agreed: refer to CAMHS within 5 days");
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::Esc);
    assert!(
        matches!(h.session().mode(), Mode::Slides),
        "unchanged: no question"
    );
    h.key(KeyCode::Char('e'));
    h.type_text(" typo");
    h.key(KeyCode::Esc);
    assert!(matches!(h.session().mode(), Mode::ConfirmDiscard(_)));
    let screen = h.screen();
    assert!(screen.contains("Throw this change away?"), "{screen}");
    assert!(screen.contains("The note stays as it was."), "{screen}");
    h.key(KeyCode::Char('Y'));
    assert_eq!(texts(&h), ["Agreed: refer to CAMHS within 5 days"]);
}

/// While a kept note is changed, the record keeps it as it was (so an
/// export after a crash has it: a tester's did not), and the change is
/// saved as a draft.
#[test]
fn a_note_being_changed_stays_kept_and_the_change_is_a_draft() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "check the chronology");
    h.key(KeyCode::Char('e'));
    h.type_text(" again");
    let effects = h.wait(2);
    let record = *saved(&effects)
        .last()
        .expect("saved within a second or two");
    let kept: Vec<&str> = record.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(kept, ["check the chronology"]);
    let draft = record.draft.as_ref().expect("the change, as the draft");
    assert_eq!(draft.text, "check the chronology again");
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
    h.type_text("!");
    h.key(KeyCode::Enter);
    let notes = &h.session().record().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "on the question!");
    assert!(
        notes[0].slide.starts_with("question:"),
        "filed where it was made"
    );
}

/// A tester killed the app while changing a kept note, and started the
/// group view again: the change came back as a new note, and Enter kept
/// both. It comes back as the change it was.
#[test]
fn a_change_left_by_a_crash_comes_back_as_a_change() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "Original point");
    h.key(KeyCode::Char('e'));
    h.type_text(" plus change");
    let effects = h.wait(2);
    let left = (*saved(&effects).last().expect("the draft saved")).clone();
    assert!(left.draft.is_some());
    let mut again = Harness::with_record((80, 24), GroupAudience::Practitioner, left);
    let draft = again.session().mode().note().expect("reopened");
    assert_eq!(draft.text(), "Original point plus change");
    again.key(KeyCode::Esc);
    assert!(
        again.screen().contains("Throw this change away?"),
        "{}",
        again.screen()
    );
    again.key(KeyCode::Esc);
    again.key(KeyCode::Enter);
    assert_eq!(
        texts(&again),
        ["Original point plus change"],
        "in its place"
    );
}

/// A tester typed a name into the first of two notes on a slide, and
/// could change only the second: `e` now asks which, newest first.
#[test]
fn with_several_notes_e_asks_which_and_any_can_be_taken_back() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "Grace Smith agreed to call");
    note(&mut h, "second point");
    note(&mut h, "third point");
    h.key(KeyCode::Char('e'));
    let screen = h.screen();
    for text in [
        "Change which note? · 3 / 3",
        "Grace Smith agreed",
        "second point",
        "third point",
    ] {
        assert!(screen.contains(text), "{text}: {screen}");
    }
    assert!(
        screen.contains("earlier") && screen.contains("change"),
        "the footer: {screen}"
    );
    h.key(KeyCode::Up);
    h.key(KeyCode::Up);
    h.key(KeyCode::Up);
    assert!(
        h.screen().contains("Change which note? · 1 / 3"),
        "stops at the first"
    );
    h.key(KeyCode::Enter);
    assert!(h.screen().contains("Enter keep"), "{}", h.screen());
    erase(&mut h);
    assert!(h.screen().contains("Enter take back"), "{}", h.screen());
    let effects = h.key(KeyCode::Enter);
    let record = *saved(&effects).last().expect("saved at once");
    let kept: Vec<&str> = record.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(kept, ["second point", "third point"]);
    h.go_to(SlideKind::Summary);
    assert!(!h.screen().contains("Grace"), "{}", h.screen());
}

#[test]
fn esc_in_the_choice_changes_nothing_and_the_summary_offers_every_note() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    note(&mut h, "on the question");
    h.go_to(SlideKind::Summary);
    note(&mut h, "on the summary");
    h.key(KeyCode::Char('e'));
    let screen = h.screen();
    assert!(
        screen.contains("on the question") && screen.contains("· 2 / 2"),
        "{screen}"
    );
    let effects = h.key(KeyCode::Esc);
    assert!(saved(&effects).is_empty());
    assert!(matches!(h.session().mode(), Mode::Slides));
    assert_eq!(texts(&h), ["on the question", "on the summary"]);
    h.key(KeyCode::Char('e'));
    h.key(KeyCode::Char('k'));
    h.key(KeyCode::Char('e'));
    let draft = h
        .session()
        .mode()
        .note()
        .expect("e, like Enter, opens the chosen note");
    assert_eq!(draft.text(), "on the question");
}

/// A tester's note of two lines (an agreed point, then its action) ran
/// together on the summary as one sentence.
#[test]
fn a_note_of_several_lines_keeps_its_lines_on_the_summary() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Char('n'));
    h.type_text("Agree to check diagnoses");
    h.key_with(KeyCode::Enter, crossterm::event::KeyModifiers::ALT);
    h.type_text("Action: Sam to ask CAMHS");
    h.key(KeyCode::Enter);
    assert_eq!(
        texts(&h),
        ["Agree to check diagnoses\nAction: Sam to ask CAMHS"]
    );
    h.go_to(SlideKind::Summary);
    let screen = h.screen();
    let rows: Vec<&str> = screen.lines().map(str::trim).collect();
    let first = rows.iter().position(|r| *r == "• Agree to check diagnoses");
    let second = rows.iter().position(|r| *r == "Action: Sam to ask CAMHS");
    assert!(
        first.is_some() && second == first.map(|n| n + 1),
        "{screen}"
    );
}
