use super::*;
use crate::content::{Audience, Layer};
use chrono::DateTime;

#[test]
fn kinds_are_named_and_counted_in_plain_words() {
    assert_eq!(describe(&[(Kind::Postcode, 1)]), "a postcode");
    assert_eq!(
        describe(&tally([
            Kind::Name,
            Kind::Postcode,
            Kind::Name,
            Kind::NhsNumber
        ])),
        "2 names, a postcode and an NHS number"
    );
    assert_eq!(describe(&[]), "");
}

#[test]
fn fine_marks_hide_what_they_name_and_nothing_else() {
    let words = Words::none();
    let cx = Context {
        ignore: &words,
        year: 2026,
    };
    let text = "Sarah lives at LS6  3AB.\nSarah's brother Tyler";
    let fine = [fine(Kind::Name, "Sarah"), fine(Kind::Postcode, "LS6 3AB")];
    let left = left_in(text, &fine, &cx, &mut LineCache::default());
    assert_eq!(left, [(Kind::Name, 1)], "Tyler alone");
    assert!(is_fine(&fine, Kind::Postcode, "LS6\t3AB"));
    assert!(!is_fine(&fine, Kind::Name, "LS6 3AB"));
}

#[test]
fn a_reflection_lists_its_places_in_question_order_then_notes_actions_and_details() {
    let library = Library::load(&[Layer::builtin()]);
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap();
    let pack = "panel-2023-24";
    let theme = "child-mental-health";
    let mut r = Reflection::new("r", now, pack, theme, Audience::Practitioner);
    let key = |id: &str| format!("{pack}/{theme}/{id}");
    r.answer_mut_or_insert(&key("voice-of-the-child"), "Q", now)
        .text = "Spoke to Sarah at LS6 3AB.".into();
    r.answer_mut_or_insert(&key("formal-diagnosis"), "Q", now)
        .text = "Nothing identifying. The Panel's practice review.".into();
    r.answer_mut_or_insert(&key("gone"), "Old question", now)
        .text = "Tyler".into();
    r.notes = "ring 07700 900123".into();
    r.actions.push(crate::store::Action {
        text: "Write to the school".into(),
        due: None,
        done: false,
    });
    r.actions.push(crate::store::Action {
        text: "Email tyler.smith@example.org".into(),
        due: None,
        done: false,
    });
    // A tester's name in the peer's role went out on the CPD record
    // with nothing marked.
    r.handin_mut().peer_role = Some("Senior Practitioner Jane Smith".into());
    r.handin_mut().peer_learning = Some("To ask for diagnoses in writing.".into());
    let marked = still_marked(&r, &library, 2026);
    let places: Vec<(&str, String)> = marked
        .iter()
        .map(|m| (m.place.as_str(), describe(&m.kinds)))
        .collect();
    assert_eq!(
        places,
        [
            ("Question 2", "a name and a postcode".to_owned()),
            (
                "An answer to a question no longer in this pack",
                "a name".to_owned()
            ),
            ("Notes", "a phone number".to_owned()),
            ("Action 2", "an email address".to_owned()),
            ("The peer's role", "a name".to_owned()),
        ]
    );
    r.answers[0].fine.push(fine(Kind::Name, "Sarah"));
    r.answers[0].fine.push(fine(Kind::Postcode, "LS6 3AB"));
    assert_eq!(still_marked(&r, &library, 2026).len(), 4);
}

#[test]
fn the_cache_gives_what_a_fresh_scan_gives() {
    let words = Words::none();
    let cx = Context {
        ignore: &words,
        year: 2026,
    };
    let mut cache = LineCache::default();
    let text = "Sarah\n\nmet Tyler at LS6 3AB\nSarah";
    let first = cache.scan(text.split('\n'), &cx);
    let mut partly = LineCache::default();
    let part = partly.scan_some(text.split('\n'), &cx, 1);
    let rest = partly.scan_some(text.split('\n'), &cx, usize::MAX);
    assert!(!part.complete, "one new line read of two");
    assert!(part.found.len() < first.len());
    assert!(rest.complete);
    assert_eq!(
        rest.found, first,
        "read a part at a time, the same in the end"
    );
    let again = cache.scan(text.split('\n'), &cx);
    assert_eq!(first, again);
    let lines: Vec<usize> = first.iter().map(|(n, _)| *n).collect();
    assert_eq!(lines, [0, 2, 2, 3]);
}
