//! A reflection laid out question by question, for the review screen and
//! the supervision preparation sheet, so both always say the same thing.

use std::fmt::Write;

use crate::carry::Carried;
use crate::content::{Library, attribution};
use crate::store::{Action, Reflection};

/// A theme's title as the loaded content has it, else its id (a theme no
/// longer in the content still has reflections on it).
pub fn theme_title<'a>(library: &'a Library, pack: &str, theme: &'a str) -> &'a str {
    library
        .pack(pack)
        .and_then(|p| p.theme(theme))
        .map_or(theme, |t| t.title.as_str())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Answered,
    Skipped,
    /// Its id is no longer in the pack; the answer is kept all the same.
    NoLongerInPack,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub question: String,
    /// The wording when answered, if it has changed since.
    pub answered_wording: Option<String>,
    pub answer: String,
    pub flagged: bool,
    pub standing: Standing,
}

/// Every question of the reflection's theme and audience, in order, then
/// answers to questions the content no longer has.
pub fn entries(reflection: &Reflection, library: &Library) -> Vec<Entry> {
    let theme = library
        .pack(&reflection.pack)
        .and_then(|p| p.theme(&reflection.theme));
    let key = |id: &str| format!("{}/{}/{id}", reflection.pack, reflection.theme);
    let mut entries: Vec<Entry> = theme
        .into_iter()
        .flat_map(|t| t.questions_for(reflection.audience))
        .map(|q| entry(q, reflection.answer(&key(&q.id))))
        .collect();
    let in_pack: Vec<String> = theme
        .map(|t| t.questions.iter().map(|q| key(&q.id)).collect())
        .unwrap_or_default();
    entries.extend(
        reflection
            .answers
            .iter()
            .filter(|a| !in_pack.contains(&a.question))
            .filter(|a| a.is_answered() || a.flagged)
            .map(|a| Entry {
                question: a.question_text.clone(),
                answered_wording: None,
                answer: a.text.trim().to_owned(),
                flagged: a.flagged,
                standing: Standing::NoLongerInPack,
            }),
    );
    entries
}

/// A question of the theme, with its answer if there is one.
fn entry(question: &crate::content::Question, answer: Option<&crate::store::Answer>) -> Entry {
    let text = answer.map(|a| a.text.trim().to_owned()).unwrap_or_default();
    Entry {
        question: question.text.clone(),
        answered_wording: answer
            .filter(|a| {
                !crate::text::same_words(&a.question_text, &question.text) && a.is_answered()
            })
            .map(|a| a.question_text.clone()),
        flagged: answer.is_some_and(|a| a.flagged),
        standing: if text.is_empty() {
            Standing::Skipped
        } else {
            Standing::Answered
        },
        answer: text,
    }
}

/// What a sheet shows: every question answered or flagged.
pub fn shown_entries(reflection: &Reflection, library: &Library) -> Vec<Entry> {
    let mut shown = entries(reflection, library);
    shown.retain(|e| e.standing != Standing::Skipped || e.flagged);
    shown
}

/// The supervision preparation sheet, in Markdown: the open actions of
/// earlier reflections first (supervision starts by reviewing them).
pub fn markdown(reflection: &Reflection, earlier: &[Carried<'_>], library: &Library) -> String {
    let title = theme_title(library, &reflection.pack, &reflection.theme);
    let date = reflection.updated.format("%A %d %B %Y");
    let whom = reflection.audience.label();
    let mut out = String::from("# Supervision preparation\n\n");
    let _ = writeln!(out, "- **Date:** {date}\n- **Theme:** {title}");
    let _ = writeln!(out, "- **Questions for:** {whom}");
    if let Some(pack) = library.pack(&reflection.pack) {
        let _ = writeln!(out, "- {}", attribution::source_line(pack));
    }
    out.push('\n');
    earlier_section(&mut out, earlier, library);
    questions_section(&mut out, reflection, library);
    notes_section(&mut out, reflection);
    out
}

fn earlier_section(out: &mut String, earlier: &[Carried<'_>], library: &Library) {
    if earlier.is_empty() {
        return;
    }
    out.push_str("## Actions from earlier reflections\n\n");
    for carried in earlier {
        let (text, due) = (one_line(&carried.action.text), due(carried.action));
        let _ = writeln!(out, "- [ ] {text}{due}: from {}", from(carried, library));
    }
    out.push('\n');
}

/// "the reflection of 13 November 2026 on Parental mental health".
pub fn from(carried: &Carried<'_>, library: &Library) -> String {
    let r = carried.from;
    let title = theme_title(library, &r.pack, &r.theme);
    let date = carried.date().format("%-d %B %Y");
    format!("the reflection of {date} on {title}")
}

fn questions_section(out: &mut String, reflection: &Reflection, library: &Library) {
    let shown = shown_entries(reflection, library);
    out.push_str("## Questions\n\n");
    if shown.is_empty() {
        out.push_str("No questions answered or flagged yet.\n\n");
    }
    for entry in shown {
        let flag = if entry.flagged {
            " *(to discuss in supervision)*"
        } else {
            ""
        };
        let _ = writeln!(out, "### {}{flag}\n", one_line(&entry.question));
        if entry.standing == Standing::NoLongerInPack {
            out.push_str("*From a question no longer in this pack.*\n\n");
        }
        if let Some(wording) = &entry.answered_wording {
            let wording = one_line(wording);
            let _ = writeln!(out, "*Answered when the question read:* {wording}\n");
        }
        let answer = if entry.answer.is_empty() {
            "*Not answered yet.*".to_owned()
        } else {
            hard_breaks(&entry.answer)
        };
        let _ = writeln!(out, "{answer}\n");
    }
}

fn notes_section(out: &mut String, reflection: &Reflection) {
    out.push_str("## Actions\n\n");
    if reflection.actions.is_empty() {
        out.push_str("None recorded.\n");
    }
    for action in &reflection.actions {
        let done = if action.done { "x" } else { " " };
        let (text, due) = (one_line(&action.text), due(action));
        let _ = writeln!(out, "- [{done}] {text}{due}");
    }
    out.push_str("\n## Notes\n\n");
    let notes = reflection.notes.trim();
    out.push_str(&if notes.is_empty() {
        "None.".to_owned()
    } else {
        hard_breaks(notes)
    });
    out.push('\n');
}

/// " (by 01 December 2026)", or nothing when the action has no date.
fn due(action: &Action) -> String {
    let due = action.due.map(|d| d.format("%d %B %Y"));
    due.map(|d| format!(" (by {d})")).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// Keeps the writer's line breaks (Markdown would otherwise join the
/// lines), and their lines as words, not Markdown's headings or fences.
fn hard_breaks(text: &str) -> String {
    text.lines()
        .map(|line| crate::text::markdown_words(line.trim_end()))
        .collect::<Vec<_>>()
        .join("  \n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Layer;
    use crate::words::Audience;

    /// A tester moved only a line break in a question's wording: the
    /// review and the sheet said it had been reworded, and quoted the
    /// same words back.
    #[test]
    fn a_question_only_rewrapped_is_not_reworded() {
        let library = Library::load(&[Layer::builtin()]);
        let (pack, theme) = library.find_theme("child-mental-health").expect("theme");
        let question = theme
            .questions_for(Audience::Practitioner)
            .next()
            .expect("a question");
        let at = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z").expect("date");
        let key = format!("{}/{}/{}", pack.id, theme.id, question.id);
        let mut reflection = Reflection::new("r", at, &pack.id, &theme.id, Audience::Practitioner);
        let rewrapped = question.text.replacen(' ', "\n", 3).replacen(' ', "  ", 2);
        reflection.answer_mut_or_insert(&key, &rewrapped, at).text = "My answer".into();
        assert_eq!(entries(&reflection, &library)[0].answered_wording, None);
        let reworded = format!("{} Really?", question.text);
        reflection.answer_mut_or_insert(&key, "", at).question_text = reworded.clone();
        assert_eq!(
            entries(&reflection, &library)[0].answered_wording,
            Some(reworded)
        );
    }
}
