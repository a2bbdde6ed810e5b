//! The earlier reflections in full, read on a thread of their own once the
//! first frame is drawn (that frame needs only their summaries). First the
//! leftovers of cut-short saves are removed; the index is brought up to
//! date on the way, so the next start reads less.

use super::notices;
use crate::app::Action;
use crate::export::Forms;
use crate::paths::Paths;
use crate::store::{Record, RecordDir, Reflection};

/// The job that reads them: its actions are the notices about single
/// files and forms, the forms, and the history. `tell_files`: what is
/// wrong with single files was not told at start-up (the first frame came
/// from the index alone), so tell it now.
pub fn job(
    records: &RecordDir<Reflection>,
    paths: &Paths,
    tell_files: bool,
) -> impl FnOnce() -> Vec<Action> + Send + 'static {
    let records = records.clone();
    let paths = paths.clone();
    move || {
        let mut actions = forms(&paths);
        records.remove_leftovers();
        match records.load_all_and_index() {
            Ok(report) => {
                let told = tell_files.then(|| notices::about_files(&report, Reflection::NOUN));
                actions.extend(told.into_iter().flatten().map(Action::Notice));
                actions.push(Action::HistoryLoaded(report.records));
            }
            Err(e) => actions.push(Action::Notice(format!(
                "Your earlier answers could not be read in full: {e}."
            ))),
        }
        actions
    }
}

/// The forms, with a copy in the forms folder where a good one is there,
/// and a word about each copy that is not.
fn forms(paths: &Paths) -> Vec<Action> {
    let (forms, problems) = Forms::load(paths);
    let told = problems.iter().filter(|d| d.is_error()).map(|d| {
        Action::Notice(format!(
            "{} has problems, so the built-in form is used; see reflect check",
            d.path.display()
        ))
    });
    told.chain([Action::FormsLoaded(Box::new(forms))]).collect()
}
