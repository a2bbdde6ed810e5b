//! Reflection records: ids, defaults, formats and hints, read and written.
use super::*;
use crate::words::id::validate_id;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

#[test]
fn id_is_sortable_and_valid() {
    let id = new_reflection_id(at("2026-11-22T14:30:12+00:00"), "child-mental-health");
    assert_eq!(id, "2026-11-22-143012-child-mental-health");
    assert!(validate_id(&id).is_ok());
    let odd = new_reflection_id(at("2026-01-02T03:04:05-05:00"), "../Ünï/✨");
    assert_eq!(odd, "2026-01-02-030405-n");
    let bare = new_reflection_id(at("2026-01-02T03:04:05+01:00"), "✨");
    assert_eq!(bare, "2026-01-02-030405");
}

#[test]
fn helpers_count_and_insert() {
    let now = at("2026-11-22T14:30:12+00:00");
    let mut r = Reflection::new("r", now, "p", "t", Audience::Leader);
    r.answer_mut_or_insert("p/t/q1", "Q1?", now).text = "  \n ".into();
    assert_eq!(r.answered_count(), 0);
    r.answer_mut_or_insert("p/t/q1", "changed", now).text = "yes".into();
    assert_eq!(r.answers.len(), 1);
    assert_eq!(r.answer("p/t/q1").unwrap().question_text, "Q1?");
    r.answer_mut_or_insert("p/t/q2", "Q2?", now).flagged = true;
    assert_eq!((r.answered_count(), r.flagged_count()), (1, 1));
    assert!(r.answer("p/t/q3").is_none());
}

#[test]
fn minimal_file_uses_defaults() {
    let text = "format = 1\nid = \"r\"\nstarted = \"2026-11-22T14:30:12Z\"\n\
                updated = \"2026-11-22T14:30:12+01:00\"\npack = \"p\"\n\
                theme = \"t\"\naudience = \"practitioner\"\n\n[[answer]]\n\
                question = \"p/t/q\"\nquestion_text = \"Q\"\n\
                updated = \"2026-11-22T14:30:12Z\"\n\n[[action]]\ntext = \"call\"\n";
    let r: Reflection = toml::from_str(text).unwrap();
    assert_eq!(r.audience, Audience::Practitioner);
    assert_eq!(r.notes, "");
    assert_eq!(
        (r.answers[0].text.as_str(), r.answers[0].flagged),
        ("", false)
    );
    assert_eq!((r.actions[0].due, r.actions[0].done), (None, false));
    assert!(r.answers[0].fine.is_empty() && r.notes_fine.is_empty());
}

/// Fine marks are written only when there are some, and read back.
#[test]
fn fine_marks_round_trip_and_are_left_out_when_none() {
    let now = at("2026-11-22T14:30:12+00:00");
    let mut r = Reflection::new("r", now, "p", "t", Audience::Practitioner);
    r.answer_mut_or_insert("p/t/q", "Q", now).text = "Grace".into();
    let plain = toml::to_string_pretty(&r).unwrap();
    assert!(!plain.contains("fine"), "{plain}");
    r.answers[0].fine.push(Fine {
        kind: "name".into(),
        text: "Grace".into(),
    });
    r.notes_fine.push(Fine {
        kind: "phone".into(),
        text: "07700 900123".into(),
    });
    let text = toml::to_string_pretty(&r).unwrap();
    assert!(
        text.contains("[[answer.fine]]") && text.contains("[[notes_fine]]"),
        "{text}"
    );
    let back: Reflection = toml::from_str(&text).unwrap();
    assert_eq!(back, r);
}

/// Old files have no `[handin]` and no `prompts`; a record without
/// them is written as format 1 with the same bytes as before, and one
/// with them as format 2, read back whole.
#[test]
fn handin_details_make_format_2_and_round_trip() {
    use crate::store::handin::{CodeTheme, Nature};
    let now = at("2026-11-22T14:30:12+00:00");
    let mut r = Reflection::new("r", now, "p", "t", Audience::Practitioner);
    let plain = toml::to_string_pretty(&r).unwrap();
    assert!(plain.starts_with("format = 1\n"), "{plain}");
    assert!(!plain.contains("handin") && !plain.contains("prompts"));
    let handin = r.handin_mut();
    handin.peer = Some(true);
    handin.peer_role = Some("my team manager".into());
    handin.nature = Some(Nature::Cpd);
    handin.toggle_theme(CodeTheme::PreserveSafety);
    r.set_prompts("gibbs");
    r.answer_mut_or_insert("p/t/q", "Q", now).text = "yes".into();
    let text = toml::to_string_pretty(&r).unwrap();
    assert!(text.starts_with("format = 2\n"), "{text}");
    assert!(text.contains("[handin]") && text.contains("code_themes = [\"preserve-safety\"]"));
    let back: Reflection = toml::from_str(&text).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.prompts(), Some("gibbs"));
    let old: Reflection = toml::from_str(&plain).unwrap();
    assert!(old.handin().is_empty() && old.prompts().is_none());
}

/// Where to carry on is written once known, after the answers, and
/// leaves the format at 1: older copies read the file and ignore it.
#[test]
fn the_question_open_round_trips_without_a_new_format() {
    let now = at("2026-11-22T14:30:12+00:00");
    let mut r = Reflection::new("r", now, "p", "t", Audience::Practitioner);
    r.answer_mut_or_insert("p/t/q", "Q", now).text = "yes".into();
    let plain = toml::to_string_pretty(&r).unwrap();
    assert!(!plain.contains("\nat ="), "{plain}");
    r.at = Some("p/t/q2".into());
    let text = toml::to_string_pretty(&r).unwrap();
    assert!(text.starts_with("format = 1\n"), "{text}");
    assert!(text.contains("at = \"p/t/q2\""), "{text}");
    let back: Reflection = toml::from_str(&text).unwrap();
    assert_eq!(back, r);
    let old: Reflection = toml::from_str(&plain).unwrap();
    assert_eq!(old.at, None);
}

/// A tester's hand edit, `at = 42`, set the whole reflection aside as
/// damaged. A broken hint is read as absent; the writing is kept.
#[test]
fn a_broken_hint_is_dropped_and_the_reflection_read() {
    let now = at("2026-11-22T14:30:12+00:00");
    let mut r = Reflection::new("r", now, "p", "t", Audience::Practitioner);
    r.answer_mut_or_insert("p/t/q", "Q", now).text = "my answer".into();
    r.at = Some("p/t/q".into());
    let text = toml::to_string_pretty(&r).unwrap();
    let broken = text
        .replace("at = \"p/t/q\"", "at = 42")
        .replace("[[answer]]", "notes_fine = \"all of it\"\n\n[[answer]]")
        .replace("text = \"my answer\"", "text = \"my answer\"\nfine = 7");
    assert!(
        broken.contains("at = 42") && broken.contains("fine = 7"),
        "{broken}"
    );
    let back: Reflection = toml::from_str(&broken).unwrap();
    assert_eq!(back.at, None);
    assert!(back.notes_fine.is_empty() && back.answers[0].fine.is_empty());
    assert_eq!(back.answers[0].text, "my answer");
    // What is not a hint still is not guessed at.
    let no_answer = text.replace("text = \"my answer\"", "text = 42");
    assert!(toml::from_str::<Reflection>(&no_answer).is_err());
}
