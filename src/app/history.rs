//! The app's two views of earlier reflections. The summaries (from the
//! store's index) are there from the first frame and are all the home
//! screen, the resume choice and the walkthrough's hints need; the full
//! records arrive a moment later, for reading earlier answers. Every
//! change goes through here so the two never disagree.

use super::App;
use crate::store::{Reflection, Stamp, Summary};

/// The full records have been read: they replace the summaries. A
/// reflection this run saved since may be newer than the file was when
/// read, so of two copies the later one is kept.
pub(super) fn loaded(app: &mut App, mut records: Vec<Reflection>) {
    for here in std::mem::take(&mut app.history) {
        match records.iter_mut().find(|r| r.id == here.id) {
            Some(read) if read.updated < here.updated => *read = here,
            Some(_) => {}
            None => records.push(here),
        }
    }
    records.sort_by_key(|r| std::cmp::Reverse(r.updated));
    app.summaries = summaries_of(&records);
    app.history_count = None;
    app.history = records;
}

/// A reflection just saved goes to the top of both lists.
pub(super) fn saved(app: &mut App, reflection: Reflection) {
    app.summaries.retain(|s| s.id != reflection.id);
    app.summaries
        .insert(0, Summary::of(&reflection, Stamp::default()));
    app.history.retain(|r| r.id != reflection.id);
    app.history.insert(0, reflection);
}

fn summaries_of(records: &[Reflection]) -> Vec<Summary> {
    records
        .iter()
        .map(|r| Summary::of(r, Stamp::default()))
        .collect()
}

impl App {
    /// How many other reflections answer the question `key`: known from
    /// the summaries, so it is right before the full records are read.
    pub fn earlier_count(&self, key: &str) -> usize {
        let current = self.session.as_ref().map(|s| s.reflection.id.as_str());
        self.summaries
            .iter()
            .filter(|s| Some(s.id.as_str()) != current && s.answers(key))
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Audience, Layer, Library};
    use chrono::{DateTime, Duration};

    fn reflection(id: &str, minutes: i64, answer: &str) -> Reflection {
        let t = DateTime::parse_from_rfc3339("2026-01-01T09:00:00Z").expect("date")
            + Duration::minutes(minutes);
        let mut r = Reflection::new(id, t, "p", "t", Audience::Practitioner);
        r.answer_mut_or_insert("p/t/q", "Q", t).text = answer.into();
        r
    }

    fn app_with_summaries(records: &[Reflection]) -> App {
        let library = Library::load(&[Layer::builtin()]);
        let t = records[0].updated;
        App::new(library, summaries_of(records), Audience::Practitioner, t)
    }

    /// A reflection saved before the full history arrives is not put back
    /// to its older copy on disk when it does.
    #[test]
    fn a_save_made_while_the_history_loads_is_kept_when_it_arrives() {
        let on_disk = vec![reflection("b", 2, "old"), reflection("a", 1, "a")];
        let mut app = app_with_summaries(&on_disk);
        assert!(app.history.is_empty(), "only summaries at first");
        saved(&mut app, reflection("b", 3, "newer"));
        loaded(&mut app, on_disk);
        let ids: Vec<&str> = app.history.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(app.history[0].answers[0].text, "newer");
        assert_eq!(app.summaries.len(), 2, "one summary per reflection");
        assert_eq!(app.earlier_count("p/t/q"), 2);
    }
}
