//! Property tests of the whole app state: random sequences of keys, pastes,
//! resizes and ticks through `update`, with the runtime played in memory
//! (`sim`) and every step drawn by `ui::view` at the current size.
//!
//! - `typing`: the answer editor against a model of its text (two
//!   properties: every edit over text of visible `char`s; typing only over
//!   text with zero-width `char`s, see `typing::every_edit`).
//! - `private`: any key anywhere in the private app: no panic, every frame
//!   draws, nothing typed is left unsaved.
//! - `group`: any key in the group view: no panic, kept notes are never
//!   lost, quitting keeps the note being typed.
//!
//! Cases per property: [`CASES`], or `PROPTEST_CASES` when set.

mod arb;
mod group;
mod private;
mod sim;
mod typing;

use proptest::prelude::*;

/// Enough to run the whole file in well under a minute in a debug build
/// (drawing every step is most of the time): 13-25 s; the default 256
/// takes four times as long.
const CASES: u32 = 64;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        // Failures are kept as plain #[test]s, not regression files.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_answer_editor_holds_and_saves_what_the_model_says(
        edits in prop::collection::vec(typing::every_edit(), 0..60)
    ) {
        typing::check(&edits)?;
    }

    #[test]
    fn zero_width_chars_are_typed_and_saved_as_the_model_says(
        edits in prop::collection::vec(typing::typing_only(), 0..60)
    ) {
        typing::check(&edits)?;
    }

    #[test]
    fn any_keys_anywhere_in_the_private_app_lose_nothing(
        steps in prop::collection::vec(private::step(), 0..200)
    ) {
        private::check(&steps)?;
    }

    #[test]
    fn any_keys_in_the_group_view_keep_every_note(
        size in arb::size(),
        steps in prop::collection::vec(group::step(), 0..200)
    ) {
        group::check(size, &steps)?;
    }
}
