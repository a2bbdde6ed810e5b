//! Which reflection a walkthrough opens: the one asked for by id, or the
//! latest on the theme for that audience while it has questions left
//! unanswered (or the theme has none). Only answers to questions the theme
//! still has count: an answer to a question taken out of the pack does not
//! finish a reflection.

use super::SessionRequest;
use crate::content::Library;
use crate::store::Summary;

pub fn reflection_to_open<'h>(
    request: &SessionRequest,
    history: &'h [Summary],
    library: &Library,
) -> Option<&'h Summary> {
    if let Some(id) = &request.id {
        return history.iter().find(|r| &r.id == id);
    }
    if !request.resume {
        return None;
    }
    let questions: Vec<String> = library
        .pack(&request.pack)?
        .theme(&request.theme)?
        .questions_for(request.audience)
        .map(|q| format!("{}/{}/{}", request.pack, request.theme, q.id))
        .collect();
    // A theme with no questions for this audience is never finished: its
    // reflection (notes, actions) is carried on, not started afresh.
    let unfinished =
        |s: &Summary| questions.is_empty() || questions.iter().any(|key| !s.answers(key));
    history
        .iter()
        .filter(|r| {
            r.pack == request.pack && r.theme == request.theme && r.audience == request.audience
        })
        .max_by_key(|r| r.updated)
        .filter(|r| unfinished(r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Audience, Layer};
    use crate::store::{Reflection, Stamp};
    use chrono::DateTime;

    const PACK: &str = "panel-2023-24";
    const THEME: &str = "child-mental-health";

    fn request() -> SessionRequest {
        SessionRequest {
            pack: PACK.into(),
            theme: THEME.into(),
            audience: Audience::Practitioner,
            resume: true,
            id: None,
        }
    }

    fn answered(questions: &[&str]) -> Summary {
        let t = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("date");
        let mut r = Reflection::new("r", t, PACK, THEME, Audience::Practitioner);
        for q in questions {
            r.answer_mut_or_insert(&format!("{PACK}/{THEME}/{q}"), "Q", t)
                .text = "yes".into();
        }
        Summary::of(&r, Stamp::default())
    }

    #[test]
    fn an_answer_to_a_removed_question_does_not_finish_a_reflection() {
        let library = Library::load(&[Layer::builtin()]);
        let current = [
            "formal-diagnosis",
            "voice-of-the-child",
            "mental-capacity-and-consent",
        ];
        let mut with_removed = current.to_vec();
        with_removed.push("a-question-taken-out");
        let history = vec![answered(&with_removed)];
        let found = reflection_to_open(&request(), &history, &library);
        assert!(found.is_some(), "one current question is still open");
        let all = [current.as_slice(), &["interim-support"]].concat();
        let history = vec![answered(&all)];
        assert!(
            reflection_to_open(&request(), &history, &library).is_none(),
            "finished"
        );
        let mut no_questions = library.clone();
        for theme in no_questions
            .packs
            .iter_mut()
            .flat_map(|p| p.themes.iter_mut())
        {
            theme.questions.clear();
        }
        assert!(
            reflection_to_open(&request(), &history, &no_questions).is_some(),
            "notes on a theme with no questions are carried on"
        );
        let fresh = SessionRequest {
            resume: false,
            ..request()
        };
        assert!(
            reflection_to_open(&fresh, &history, &library).is_none(),
            "N starts anew"
        );
    }
}
