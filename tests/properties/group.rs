//! Any key, paste, resize or tick in the group view (`reflect group`).
//! Nothing panics at any size; a kept note is never changed or lost but
//! by `e`, which takes one into the note box to change or take back; and
//! quitting with Ctrl-Q at the end saves the record, with the note being
//! typed kept as a note.

use crossterm::event::{KeyCode, KeyEventKind};
use proptest::prelude::*;

use reflect::app::{Action, Effect};
use reflect::autosave::SaveState;
use reflect::group::GroupSession;
use reflect::store::GroupNote;

use crate::arb::{self, Step};
use crate::sim::Sim;

pub fn step() -> impl Strategy<Value = Step> {
    arb::step(0)
}

fn session(sim: &Sim) -> &GroupSession {
    sim.app.group.as_ref().expect("the group view stays open")
}

/// The note being typed (or asked about), trimmed, if it has words.
fn open_note(session: &GroupSession) -> Option<String> {
    let text = session.mode().note()?.text().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

pub fn check(size: (u16, u16), steps: &[Step]) -> Result<(), TestCaseError> {
    let mut sim = Sim::group(size);
    let mut kept: Vec<GroupNote> = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        sim.step(step);
        let notes = &session(&sim).record().notes;
        prop_assert!(
            notes.starts_with(&kept) || taken_to_change(session(&sim), step, &kept),
            "step {} ({:?}) lost or changed a kept note: {:?} then {:?}",
            n,
            step,
            kept,
            notes
        );
        kept.clone_from(notes);
        if sim.exited {
            break;
        }
    }
    if !sim.exited {
        quit(&mut sim)?;
    }
    record_saved(&sim)
}

/// `e` took one kept note, unchanged, into the note box, and left the
/// others as they were.
fn taken_to_change(session: &GroupSession, step: &Step, kept: &[GroupNote]) -> bool {
    let is_e = matches!(step, Step::Key(KeyCode::Char('e'), _, KeyEventKind::Press));
    let Some(draft) = session.mode().note().map(|d| d.as_note()) else {
        return false;
    };
    let Some(taken) = kept.iter().position(|n| *n == draft) else {
        return false;
    };
    let mut rest = kept.to_vec();
    rest.remove(taken);
    is_e && session.record().notes == rest
}

/// Ctrl-Q: a save, unless everything already is; the open note kept.
fn quit(sim: &mut Sim) -> Result<(), TestCaseError> {
    let note = open_note(session(sim));
    let was_saved = session(sim).autosave.state == SaveState::Saved;
    let before = sim.effects.len();
    sim.act(Action::Key(arb::ctrl_q()));
    let saved = sim.effects[before..]
        .iter()
        .any(|e| matches!(e, Effect::SaveGroup { .. }));
    prop_assert!(
        saved || (was_saved && note.is_none()),
        "Ctrl-Q saved nothing"
    );
    prop_assert!(sim.exited, "Ctrl-Q, every save done, ends the app");
    if let Some(text) = note {
        let notes = &session(sim).record().notes;
        prop_assert!(
            notes.iter().any(|n| n.text == text),
            "the note being typed, {:?}, is not among {:?}",
            text,
            notes
        );
    }
    Ok(())
}

/// The group's record as the app holds it is what was saved last (or was
/// never touched).
pub fn record_saved(sim: &Sim) -> Result<(), TestCaseError> {
    let Some(session) = &sim.app.group else {
        return Ok(());
    };
    prop_assert_eq!(&session.autosave.state, &SaveState::Saved);
    let record = session.record();
    match sim.group_disk.get(&record.id) {
        Some(saved) => prop_assert_eq!(&saved.notes, &record.notes),
        None => prop_assert!(record.notes.is_empty() && record.draft.is_none()),
    }
    Ok(())
}
