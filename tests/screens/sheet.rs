//! The supervision sheet's Markdown, from a reflection the screens use.

use super::fixtures::*;
use super::states::*;

#[test]
fn the_supervision_sheet_has_what_was_answered_flagged_and_planned() {
    let reflection = review_reflection();
    let sheet = reflect::sheet::markdown(&reflection, &[], &library());
    let has = |needle: &str| {
        assert!(
            sheet.contains(needle),
            "the sheet lacks {needle:?}:\n{sheet}"
        )
    };
    has("Safeguarding children with mental health needs");
    has("Sunday 22 November 2026");
    has("Practitioner");
    // Answered, with its answer (both lines).
    has(&question_text(CMH, "formal-diagnosis"));
    has("I check the records and ask the GP.");
    has("I note when it is unclear.");
    assert!(
        sheet
            .lines()
            .any(|l| l.starts_with("I check the records") && !l.contains("I note when")),
        "the answer's line break is lost:\n{sheet}"
    );
    // Answered and flagged.
    has(&format!(
        "### {} *(to discuss in supervision)*",
        question_text(CMH, "mental-capacity-and-consent")
    ));
    has("Not confident about Gillick.");
    // Flagged without an answer.
    has(&format!(
        "### {} *(to discuss in supervision)*",
        question_text(CMH, "interim-support")
    ));
    // The answer to a question no longer in the pack.
    has("A question the pack no longer has?");
    has("From a question no longer in this pack");
    has("Kept all the same.");
    // Actions with due dates, and notes.
    has("- [ ] Read the CAMHS referral guidance (by 01 December 2026)");
    has("- [x] Book time with the school nurse");
    has("Bring the chronology to supervision.");
    // The skipped question is not listed.
    assert!(
        !sheet.contains(&question_text(CMH, "voice-of-the-child")),
        "a skipped question is listed:\n{sheet}"
    );
    // The answered question is not marked for supervision.
    assert!(
        !sheet.contains(&format!(
            "{} *(to discuss",
            question_text(CMH, "formal-diagnosis")
        )),
        "{sheet}"
    );
    // Order: answered questions in pack order, the orphan after them, then
    // actions, then notes.
    let pos = |needle: &str| sheet.find(needle).expect(needle);
    assert!(pos("I check the records") < pos("Not confident about Gillick."));
    assert!(pos("Not confident about Gillick.") < pos("Kept all the same."));
    assert!(pos("Kept all the same.") < pos("## Actions"));
    assert!(pos("## Actions") < pos("Bring the chronology"));
}

#[test]
fn the_sheet_of_a_reflection_with_nothing_in_it_says_so() {
    let empty = reflection("r", CMH, "2026-11-22T10:00:00+00:00");
    let sheet = reflect::sheet::markdown(&empty, &[], &library());
    assert!(
        sheet.contains("No questions answered or flagged yet."),
        "{sheet}"
    );
    assert!(sheet.contains("None recorded."), "{sheet}");
    for id in [
        "formal-diagnosis",
        "voice-of-the-child",
        "mental-capacity-and-consent",
        "interim-support",
    ] {
        assert!(!sheet.contains(&question_text(CMH, id)), "{sheet}");
    }
}

/// A tester's answer began lines with `#` and three backticks: the sheet
/// grew a top-level heading, and its actions and notes turned into code.
/// The writer's lines stay words; the sheet's own headings stay its own.
#[test]
fn lines_that_look_like_markdown_stay_words_in_the_sheet() {
    let answer = "# Not a heading\n```\ncode?\n## Notes\n> quote\nA line\n===\n---";
    let mut r = answered(
        reflection("r", CMH, "2026-11-22T10:00:00+00:00"),
        "formal-diagnosis",
        None,
        answer,
        false,
    );
    r.notes = "~~~\nstill notes".into();
    let sheet = reflect::sheet::markdown(&r, &[], &library());
    let starts: Vec<&str> = sheet.lines().collect();
    for structural in ["# Not", "```", "## Notes  ", "> quote", "===", "---", "~~~"] {
        assert!(
            !starts.iter().any(|l| l.starts_with(structural)),
            "{structural:?} is Markdown's here:\n{sheet}"
        );
    }
    for words in [
        "\\# Not a heading",
        "\\```",
        "\\## Notes",
        "\\> quote",
        "\\===",
        "\\---",
        "\\~~~",
    ] {
        assert!(sheet.contains(words), "{words:?} missing:\n{sheet}");
    }
    let headings: Vec<&&str> = starts.iter().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [&"## Questions", &"## Actions", &"## Notes"],
        "{sheet}"
    );
}
