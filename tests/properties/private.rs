//! Any key anywhere in the private app, from its home screen: themes,
//! walkthroughs, editors, actions, the review, help, and the group view
//! opened from a theme. Nothing panics, every frame draws at the current
//! size, and when the app ends (or is told to quit with Ctrl-Q at the end
//! of the run) everything typed is on the "disk".

use proptest::prelude::*;

use reflect::app::Action;

use crate::arb::{self, Step};
use crate::group;
use crate::sim::Sim;

pub fn step() -> impl Strategy<Value = Step> {
    arb::step(1)
}

pub fn check(steps: &[Step]) -> Result<(), TestCaseError> {
    let mut sim = Sim::home();
    for step in steps {
        sim.step(step);
        if sim.exited {
            break;
        }
    }
    if !sim.exited {
        sim.act(Action::Key(arb::ctrl_q()));
    }
    prop_assert!(sim.exited, "Ctrl-Q, every save done, ends the app");
    reflection_saved(&sim)?;
    group::record_saved(&sim)
}

/// The open reflection, and what its editors hold, is what was saved last.
fn reflection_saved(sim: &Sim) -> Result<(), TestCaseError> {
    let Some(session) = &sim.app.session else {
        return Ok(());
    };
    prop_assert!(!session.is_dirty(), "the app ended with unsaved changes");
    let reflection = &session.reflection;
    let saved = match sim.disk.get(&reflection.id) {
        Some(saved) => saved,
        None => {
            let untouched = reflection.answers.is_empty()
                && reflection.notes.is_empty()
                && reflection.actions.is_empty();
            prop_assert!(untouched, "never saved: {:?}", reflection);
            reflection
        }
    };
    prop_assert_eq!(saved, reflection);
    let notes = session.notes_editor.text();
    prop_assert_eq!(&saved.notes, &notes, "the notes editor's text");
    if let Some(question) = session.current_question(&sim.app.library) {
        let typed = session.answer_editor.text();
        let answer = saved.answer(&session.key(question).to_string());
        let saved_text = answer.map_or("", |a| a.text.as_str());
        // Only blank text may differ: it is not kept as an answer until
        // something is written (a flag can then make the answer, empty).
        if !(typed.trim().is_empty() && saved_text.trim().is_empty()) {
            prop_assert_eq!(saved_text, typed.as_str(), "the answer editor's text");
        }
    }
    Ok(())
}
