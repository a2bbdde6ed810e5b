//! The supervision sheet as plain text, for pasting into a web form: no
//! Markdown marks, headings on lines of their own, blank lines between
//! parts. Paragraphs are not broken at a width: a web form wraps them
//! itself, and a break put in here would show there as a ragged line. The
//! writer's own line breaks are kept.

use std::fmt::Write;

use super::fill::plain_action;
use crate::carry::Carried;
use crate::content::{Library, attribution};
use crate::sheet::{self, Standing};
use crate::store::Reflection;

pub fn sheet(reflection: &Reflection, earlier: &[Carried<'_>], library: &Library) -> String {
    let theme = sheet::theme_title(library, &reflection.pack, &reflection.theme);
    let mut out = format!(
        "Supervision preparation\n\nDate: {}\nTheme: {theme}\nQuestions for: {}\n",
        reflection.updated.format("%A %-d %B %Y"),
        reflection.audience.label()
    );
    if let Some(pack) = library.pack(&reflection.pack) {
        let _ = writeln!(out, "{}", attribution::source_line(pack));
    }
    if !earlier.is_empty() {
        out.push_str("\nActions from earlier reflections\n");
        for carried in earlier {
            let from = sheet::from(carried, library);
            let _ = writeln!(out, "- {}: from {from}", plain_action(carried.action));
        }
    }
    questions(&mut out, reflection, library);
    out.push_str("\nActions\n");
    if reflection.actions.is_empty() {
        out.push_str("None recorded.\n");
    }
    for action in &reflection.actions {
        let _ = writeln!(out, "- {}", plain_action(action));
    }
    let notes = reflection.notes.trim();
    let notes = if notes.is_empty() { "None." } else { notes };
    let _ = writeln!(out, "\nNotes\n{notes}");
    out
}

fn questions(out: &mut String, reflection: &Reflection, library: &Library) {
    out.push_str("\nQuestions\n");
    let shown = sheet::shown_entries(reflection, library);
    if shown.is_empty() {
        out.push_str("No questions answered or flagged yet.\n");
    }
    for (n, entry) in shown.iter().enumerate() {
        let flag = if entry.flagged {
            " (to discuss in supervision)"
        } else {
            ""
        };
        let question = entry.question.replace('\n', " ");
        let _ = writeln!(out, "\n{}. {question}{flag}", n + 1);
        if entry.standing == Standing::NoLongerInPack {
            out.push_str("(From a question no longer in this pack.)\n");
        }
        if let Some(wording) = &entry.answered_wording {
            let wording = wording.replace('\n', " ");
            let _ = writeln!(out, "(Answered when the question read: {wording})");
        }
        let answer = if entry.answer.is_empty() {
            "Not answered yet."
        } else {
            entry.answer.as_str()
        };
        let _ = writeln!(out, "{answer}");
    }
}
