//! A group record as Markdown, to share after the session: what the group
//! agreed, under the slide it was agreed on, with the content's source and
//! licence (the Panel's text is Crown copyright under the OGL).

use std::fmt::Write;

use crate::content::Pack;
use crate::content::attribution::rights;
use crate::store::{GroupNote, GroupRecord};

/// The record as a Markdown document.
pub fn markdown(record: &GroupRecord, theme_title: &str, pack: &Pack) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Group session: {}\n", one_line(theme_title));
    for line in about(record, theme_title, pack) {
        let _ = writeln!(out, "- {line}");
    }
    if record.notes.is_empty() {
        out.push_str("\n_No notes were recorded._\n");
    }
    for group in grouped(record, pack) {
        let _ = writeln!(out, "\n## {}\n", one_line(&group[0].slide_title));
        for note in group {
            let _ = writeln!(out, "- {}", item_text(&note.text));
        }
    }
    out
}

fn about(record: &GroupRecord, theme_title: &str, pack: &Pack) -> Vec<String> {
    let mut lines = vec![
        format!("Date: {}", record.started.format("%-d %B %Y, %H:%M")),
        format!("Theme: {} (`{}`)", one_line(theme_title), record.theme),
        format!("Content: {} (`{}`)", one_line(&pack.title), pack.id),
    ];
    let source = [&pack.source, &pack.published, &pack.url];
    let source: Vec<&str> = source.iter().filter_map(|s| s.as_deref()).collect();
    if !source.is_empty() {
        lines.push(format!("Source: {}", one_line(&source.join(", "))));
    }
    if let Some(credit) = rights(pack) {
        lines.push(format!("Licence: {credit}"));
    }
    lines.push(format!("Record: `{}`", record.id));
    lines
}

/// Notes grouped by slide, groups in the order of the deck; slides the
/// content no longer has come after, in the order they were first noted.
/// Slides of the same title (the title slide and the theme's) share one
/// heading, at the first's place.
fn grouped<'a>(record: &'a GroupRecord, pack: &Pack) -> Vec<Vec<&'a GroupNote>> {
    let theme = pack.theme(&record.theme);
    let questions = theme.into_iter().flat_map(|t| &t.questions);
    let order = super::slides::order_of_slides(questions.map(|q| q.id.as_str()));
    let rank = |slide: &str| order.iter().position(|o| o == slide).unwrap_or(order.len());
    let mut slides: Vec<&str> = Vec::new();
    for note in &record.notes {
        if !slides.contains(&note.slide.as_str()) {
            slides.push(&note.slide);
        }
    }
    slides.sort_by_key(|s| rank(s));
    let mut groups: Vec<Vec<&GroupNote>> = Vec::new();
    for slide in slides {
        let notes = record.notes.iter().filter(|n| n.slide == slide);
        let heading = |n: &GroupNote| one_line(&n.slide_title);
        let title = record.notes.iter().find(|n| n.slide == slide).map(heading);
        match groups.iter_mut().find(|g| Some(heading(g[0])) == title) {
            Some(group) => group.extend(notes),
            None => groups.push(notes.collect()),
        }
    }
    groups
}

/// Text for a heading: one line, no stray control characters.
fn one_line(text: &str) -> String {
    crate::text::clean(text, false).trim().to_string()
}

/// A note as a list item: extra lines indented so they stay in the item,
/// each kept as words (not a heading or a code fence), and ended with a
/// hard break, or Markdown would run them into one line.
fn item_text(text: &str) -> String {
    crate::text::clean(text, true)
        .trim()
        .lines()
        .map(|line| crate::text::markdown_words(line.trim_end()).into_owned())
        .collect::<Vec<_>>()
        .join("  \n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Layer, Library};
    use chrono::DateTime;

    #[test]
    fn notes_appear_under_their_slide_titles_in_deck_order() {
        let library = Library::load(&[Layer::builtin()]);
        let (pack, theme) = library.find_theme("child-mental-health").unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let mut record =
            GroupRecord::new("g-1", at("2026-11-22T14:30:00+00:00"), &pack.id, &theme.id);
        let q = &theme.questions[0];
        record.add_note(
            format!("question:{}", q.id),
            &q.text,
            "Check diagnoses\nin every file",
            at("2026-11-22T14:40:00Z"),
        );
        record.add_note(
            "learning",
            "Learning for direct practice",
            "Think Family",
            at("2026-11-22T14:41:00Z"),
        );
        record.add_note(
            "gone",
            "An old slide",
            "kept anyway",
            at("2026-11-22T14:42:00Z"),
        );
        let md = markdown(&record, &theme.title, pack);
        assert!(
            md.starts_with("# Group session: Safeguarding children with mental health needs\n")
        );
        assert!(md.contains("- Date: 22 November 2026, 14:30\n"), "{md}");
        assert!(md.contains("- Licence: Crown copyright · Open Government Licence v3.0\n"));
        assert!(md.contains("Source: Child Safeguarding Practice Review Panel"));
        let learning = md
            .find("## Learning for direct practice\n\n- Think Family\n")
            .unwrap();
        let question = md
            .find(&format!(
                "## {}\n\n- Check diagnoses  \n  in every file\n",
                q.text
            ))
            .unwrap();
        let old = md.find("## An old slide\n\n- kept anyway\n").unwrap();
        assert!(learning < question && question < old, "{md}");
    }

    /// A tester's notes on every slide came out of order: the statement
    /// after the summary, and the theme's title twice.
    #[test]
    fn notes_on_every_slide_follow_the_deck_under_one_heading_each() {
        use crate::group::{GroupAudience, deck::DeckContent, slides};
        let library = Library::load(&[Layer::builtin()]);
        let (pack, theme) = library.find_theme("child-mental-health").unwrap();
        let content = DeckContent::new(pack, theme, GroupAudience::Practitioner);
        let deck = slides::build(&content, &[], (100, 30));
        let at = DateTime::parse_from_rfc3339("2026-11-22T14:30:00Z").unwrap();
        let mut record = GroupRecord::new("g", at, &pack.id, &theme.id);
        let mut headings: Vec<String> = Vec::new();
        for slide in deck.iter().rev() {
            if record.notes.iter().any(|n| n.slide == slide.section) {
                continue;
            }
            let title = one_line(&slide.title);
            record.add_note(&slide.section, &title, format!("on {}", slide.section), at);
        }
        for slide in &deck {
            let heading = format!("## {}", one_line(&slide.title));
            if !headings.contains(&heading) {
                headings.push(heading);
            }
        }
        let md = markdown(&record, &theme.title, pack);
        let written: Vec<String> = md
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(String::from)
            .collect();
        assert_eq!(written, headings, "{md}");
        assert!(headings.len() >= 8, "{headings:?}");
    }

    /// Lines of a note that look like Markdown stay words in their item.
    #[test]
    fn a_note_line_that_looks_like_a_heading_stays_in_its_item() {
        let library = Library::load(&[Layer::builtin()]);
        let pack = &library.packs[0];
        let at = DateTime::parse_from_rfc3339("2026-01-02T09:05:00+01:00").unwrap();
        let mut record = GroupRecord::new("g", at, &pack.id, "x");
        record.add_note("learning", "Learning", "# agreed\n  # heading-ish\n```", at);
        let md = markdown(&record, "X", pack);
        assert!(
            md.contains("- \\# agreed  \n    \\# heading-ish  \n  \\```\n"),
            "{md}"
        );
    }

    #[test]
    fn an_empty_record_says_so() {
        let library = Library::load(&[Layer::builtin()]);
        let pack = &library.packs[0];
        let at = DateTime::parse_from_rfc3339("2026-01-02T09:05:00+01:00").unwrap();
        let record = GroupRecord::new("g", at, &pack.id, "x");
        let md = markdown(&record, "X", pack);
        assert!(md.contains("_No notes were recorded._"));
        assert!(md.contains("Date: 2 January 2026, 09:05"));
    }
}
