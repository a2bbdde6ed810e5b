//! Any key, paste, resize or tick in the group view (`reflect group`).
//! Nothing panics at any size; a kept note is never changed or lost but
//! by keeping the change made to it in the note box (`e`; with no words
//! left, it is taken back); and quitting with Ctrl-Q at the end saves the
//! record, with the note being typed kept as a note.

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
        let change = change_open(session(&sim));
        sim.step(step);
        let notes = &session(&sim).record().notes;
        prop_assert!(
            notes.starts_with(&kept) || *notes == changed(&kept, change),
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

/// The change in the note box, if it holds a kept note: its place and
/// its words now (trimmed, as kept).
fn change_open(session: &GroupSession) -> Option<(usize, String)> {
    let draft = session.mode().note()?;
    Some((draft.changing?, draft.as_note().text))
}

/// The kept notes with that change kept: the note's words replaced, or
/// the note taken back when none are left.
fn changed(kept: &[GroupNote], change: Option<(usize, String)>) -> Vec<GroupNote> {
    let mut notes = kept.to_vec();
    match change {
        Some((i, text)) if i < notes.len() && text.is_empty() => _ = notes.remove(i),
        Some((i, text)) if i < notes.len() => notes[i].text = text,
        _ => {}
    }
    notes
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
