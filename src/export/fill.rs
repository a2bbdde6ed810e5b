//! What each part of a reflection puts in a form's field, as plain text.

use super::Input;
use super::form::Source;
use crate::sheet::{self, Standing};
use crate::store::Reflection;
use crate::words::Audience;

/// The text `source` gives, or `None` when the reflection has nothing
/// for it (yet).
pub fn text(source: Source, input: &Input<'_>) -> Option<String> {
    let reflection = input.reflection;
    let handin = reflection.handin();
    let text = match source {
        Source::Activity => handin.activity.clone(),
        Source::Description => Some(description(input)),
        Source::Date => Some(reflection.started.format("%-d %B %Y").to_string()),
        Source::Answers => answers(input),
        Source::Actions => actions(reflection),
        Source::Notes => Some(reflection.notes.trim().to_owned()),
        Source::Peer => peer(reflection),
        Source::Nature => handin.nature.map(|n| n.written().to_owned()),
        Source::CodeThemes => Some(
            handin
                .code_themes
                .iter()
                .map(|t| t.label())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    };
    text.filter(|t| !t.trim().is_empty())
}

/// What to add where a source has nothing, in brackets, so a gap is
/// seen before the form is handed in.
pub fn missing(source: Source) -> &'static str {
    match source {
        Source::Activity => "[The type of CPD: add it in reflect's review (d), or write it here.]",
        Source::Answers => "[No answers yet.]",
        Source::Actions | Source::Notes => "[No actions or notes yet.]",
        Source::Peer => {
            "[If you discussed this with a peer: say so, with their role, in reflect's review (d).]"
        }
        Source::Nature => {
            "[A CPD activity, feedback, or an event or experience: choose in reflect's review (d).]"
        }
        Source::CodeThemes => "[Choose the Code's themes in reflect's review (d).]",
        Source::Description | Source::Date => "",
    }
}

/// "Reflected on the theme “…” (the source), answering 3 of its 4
/// reflective questions for practitioners."
fn description(input: &Input<'_>) -> String {
    let r = input.reflection;
    let pack = input.library.pack(&r.pack);
    let theme = pack.and_then(|p| p.theme(&r.theme));
    let what = pack
        .map(|p| p.source.clone().unwrap_or_else(|| p.title.clone()))
        .unwrap_or_else(|| r.pack.clone());
    let title = theme.map_or(r.theme.as_str(), |t| t.title.as_str());
    let asked = theme.map_or(0, |t| t.questions_for(r.audience).count());
    let answered = sheet::entries(r, input.library)
        .iter()
        .filter(|e| e.standing == Standing::Answered)
        .count();
    format!(
        "Reflected on the theme \u{201c}{title}\u{201d} ({what}), answering {answered} of its {asked} reflective questions for {}.",
        whom(r.audience)
    )
}

fn whom(audience: Audience) -> &'static str {
    match audience {
        Audience::Practitioner => "practitioners",
        Audience::Leader => "strategic leaders and managers",
    }
}

/// Each answer under its question, in quotes.
fn answers(input: &Input<'_>) -> Option<String> {
    let blocks: Vec<String> = sheet::entries(input.reflection, input.library)
        .into_iter()
        .filter(|e| !e.answer.is_empty())
        .map(|e| {
            format!(
                "\u{201c}{}\u{201d}\n{}",
                e.question.replace('\n', " "),
                e.answer
            )
        })
        .collect();
    Some(blocks.join("\n\n"))
}

fn actions(reflection: &Reflection) -> Option<String> {
    let lines: Vec<String> = reflection
        .actions
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .map(|a| format!("- {}", plain_action(a)))
        .collect();
    (!lines.is_empty()).then(|| format!("Actions:\n{}", lines.join("\n")))
}

/// "Call the school (by 1 December 2026, done)".
pub fn plain_action(action: &crate::store::Action) -> String {
    let mut extra: Vec<String> = action
        .due
        .map(|d| format!("by {}", d.format("%-d %B %Y")))
        .into_iter()
        .collect();
    if action.done {
        extra.push("done".into());
    }
    let text = action.text.replace('\n', " ");
    match extra.is_empty() {
        true => text,
        false => format!("{text} ({})", extra.join(", ")),
    }
}

fn peer(reflection: &Reflection) -> Option<String> {
    let handin = reflection.handin();
    let learning = handin.peer_learning.as_deref().map(str::trim).unwrap_or("");
    let role = handin
        .peer_role
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let with = role.unwrap_or("a peer");
    match handin.with_peer() {
        Some(true) if learning.is_empty() => Some(format!("Discussed with {with}.")),
        Some(true) => Some(format!("Discussed with {with}.\n{learning}")),
        Some(false) => Some("Not discussed with a peer.".to_owned()),
        None if !learning.is_empty() => Some(learning.to_owned()),
        None => None,
    }
}
