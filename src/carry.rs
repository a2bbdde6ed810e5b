//! Actions carried forward: supervision starts by reviewing what was
//! planned last time, so the open actions of earlier reflections come at
//! the top of the next sheet and in the next review, until marked done.

use chrono::NaiveDate;

use crate::store::{Action, Reflection};

/// An open action of an earlier reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carried<'a> {
    pub from: &'a Reflection,
    pub action: &'a Action,
}

impl Carried<'_> {
    /// The day the reflection it comes from was started.
    pub fn date(&self) -> NaiveDate {
        self.from.started.date_naive()
    }
}

/// The actions not done yet of every reflection started before `current`
/// (any theme): soonest due first, those without a date last, then in
/// the order they were written.
pub fn open_before<'a>(current: &Reflection, history: &'a [Reflection]) -> Vec<Carried<'a>> {
    let mut carried: Vec<Carried<'a>> = history
        .iter()
        .filter(|r| r.id != current.id && r.started < current.started)
        .flat_map(|from| {
            from.actions
                .iter()
                .filter(|a| !a.done && !a.text.trim().is_empty())
                .map(move |action| Carried { from, action })
        })
        .collect();
    carried.sort_by_key(|c| (c.action.due.is_none(), c.action.due, c.from.started));
    carried
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Audience;
    use chrono::DateTime;

    fn reflection(id: &str, started: &str, actions: &[(&str, Option<&str>, bool)]) -> Reflection {
        let at = DateTime::parse_from_rfc3339(started).expect("date");
        let mut r = Reflection::new(id, at, "p", "t", Audience::Practitioner);
        r.actions = actions
            .iter()
            .map(|(text, due, done)| Action {
                text: (*text).to_owned(),
                due: due.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                done: *done,
            })
            .collect();
        r
    }

    #[test]
    fn open_actions_of_earlier_reflections_soonest_due_first() {
        let history = vec![
            reflection("now", "2026-11-22T10:00:00Z", &[("mine", None, false)]),
            reflection("later", "2026-11-23T10:00:00Z", &[("future", None, false)]),
            reflection(
                "old",
                "2026-10-01T10:00:00Z",
                &[
                    ("undated", None, false),
                    ("done", None, true),
                    ("soon", Some("2026-11-30"), false),
                ],
            ),
            reflection(
                "older",
                "2026-09-01T10:00:00Z",
                &[("sooner", Some("2026-11-25"), false), ("  ", None, false)],
            ),
        ];
        let carried = open_before(&history[0], &history);
        let texts: Vec<&str> = carried.iter().map(|c| c.action.text.as_str()).collect();
        assert_eq!(texts, ["sooner", "soon", "undated"]);
        assert_eq!(carried[0].from.id, "older");
        assert_eq!(carried[0].date().to_string(), "2026-09-01");
    }
}
