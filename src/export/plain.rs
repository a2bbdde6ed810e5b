//! The supervision sheet as plain text, for pasting into a web form: no
//! Markdown marks, headings on lines of their own, blank lines between
//! parts. Paragraphs are not broken at a width: a web form wraps them
//! itself, and a break put in here would show there as a ragged line. The
//! writer's own line breaks are kept.

use super::fill::plain_action;
use crate::carry::Carried;
use crate::content::Library;
use crate::sheet::{self, Standing};
use crate::store::Reflection;

pub fn sheet(reflection: &Reflection, earlier: &[Carried<'_>], library: &Library) -> String {
    let pack = library.pack(&reflection.pack);
    let theme = pack
        .and_then(|p| p.theme(&reflection.theme))
        .map_or(reflection.theme.as_str(), |t| t.title.as_str());
    let mut out = format!(
        "Supervision preparation\n\nDate: {}\nTheme: {theme}\nQuestions for: {}\n",
        reflection.updated.format("%A %-d %B %Y"),
        reflection.audience.label()
    );
    if let Some(pack) = pack {
        out.push_str(&format!(
            "{}\n",
            crate::content::attribution::source_line(pack)
        ));
    }
    if !earlier.is_empty() {
        out.push_str("\nActions from earlier reflections\n");
        for carried in earlier {
            let from = sheet::from(carried, library);
            out.push_str(&format!(
                "- {}: from {from}\n",
                plain_action(carried.action)
            ));
        }
    }
    questions(&mut out, reflection, library);
    out.push_str("\nActions\n");
    if reflection.actions.is_empty() {
        out.push_str("None recorded.\n");
    }
    for action in &reflection.actions {
        out.push_str(&format!("- {}\n", plain_action(action)));
    }
    let notes = reflection.notes.trim();
    out.push_str(&format!(
        "\nNotes\n{}\n",
        if notes.is_empty() { "None." } else { notes }
    ));
    out
}

fn questions(out: &mut String, reflection: &Reflection, library: &Library) {
    out.push_str("\nQuestions\n");
    let shown: Vec<sheet::Entry> = sheet::entries(reflection, library)
        .into_iter()
        .filter(|e| e.standing != Standing::Skipped || e.flagged)
        .collect();
    if shown.is_empty() {
        out.push_str("No questions answered or flagged yet.\n");
    }
    for (n, entry) in shown.iter().enumerate() {
        let flag = if entry.flagged {
            " (to discuss in supervision)"
        } else {
            ""
        };
        out.push_str(&format!(
            "\n{}. {}{flag}\n",
            n + 1,
            entry.question.replace('\n', " ")
        ));
        if entry.standing == Standing::NoLongerInPack {
            out.push_str("(From a question no longer in this pack.)\n");
        }
        if let Some(wording) = &entry.answered_wording {
            out.push_str(&format!(
                "(Answered when the question read: {})\n",
                wording.replace('\n', " ")
            ));
        }
        let answer = if entry.answer.is_empty() {
            "Not answered yet."
        } else {
            entry.answer.as_str()
        };
        out.push_str(&format!("{answer}\n"));
    }
}
