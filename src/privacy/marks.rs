//! What the check still marks in a reflection: the findings of each
//! answer and of the notes, less those the writer said were fine. The
//! review screen lists these and `reflect export` counts them. Nothing
//! here holds on to or prints the matched text: a [`Marked`] says where
//! and what kind, never what.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Context, Finding, Kind, Words, scan_line};
use crate::content::Library;
use crate::export::form::Source;
use crate::store::{Fine, Reflection};

/// One place in a reflection and how many of each kind it still has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// "Question 2", "Notes", or "An answer to a question no longer in
    /// this pack".
    pub place: String,
    /// The question's key (`pack/theme/question`); `None` for the notes.
    pub question: Option<String>,
    pub kinds: Vec<(Kind, usize)>,
}

impl Marked {
    pub fn count(&self) -> usize {
        self.kinds.iter().map(|(_, n)| n).sum()
    }
}

/// The text as compared with a fine mark: white space closed up.
pub fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the writer said this finding was fine.
pub fn is_fine(fine: &[Fine], kind: Kind, text: &str) -> bool {
    let text = normalised(text);
    fine.iter().any(|f| f.kind == kind.key() && f.text == text)
}

/// A fine mark for a finding.
pub fn fine(kind: Kind, text: &str) -> Fine {
    Fine {
        kind: kind.key().to_owned(),
        text: normalised(text),
    }
}

/// How many of each kind, in the order each kind first comes.
pub fn tally(kinds: impl IntoIterator<Item = Kind>) -> Vec<(Kind, usize)> {
    let mut counts: Vec<(Kind, usize)> = Vec::new();
    for kind in kinds {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts
}

/// "a postcode, 2 names and an NHS number".
pub fn describe(kinds: &[(Kind, usize)]) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .map(|&(kind, n)| match n {
            1 => kind.one().to_owned(),
            n => format!("{n} {}", kind.many()),
        })
        .collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 possible identifying detail is", "3 possible identifying details
/// are": the start of a sentence about how many are marked.
pub fn count_words(n: usize) -> String {
    match n {
        1 => "1 possible identifying detail is".to_owned(),
        n => format!("{n} possible identifying details are"),
    }
}

/// Every place in the reflection with something still marked: its
/// questions in order, answers to questions the pack no longer has, then
/// the notes. The words of each answer's question never count.
pub fn still_marked(reflection: &Reflection, library: &Library, year: i32) -> Vec<Marked> {
    let words = Words::of_library(library);
    still_marked_with(
        reflection,
        library,
        (&words, &mut LineCache::default()),
        year,
    )
}

/// [`still_marked`] with the content's words already gathered, and the
/// lines already read (the answer on screen, most often) taken as read.
pub fn still_marked_with(
    reflection: &Reflection,
    library: &Library,
    (words, cache): (&Words, &mut LineCache),
    year: i32,
) -> Vec<Marked> {
    let mut marked = Vec::new();
    let mut mark = |place: String, question: Option<&String>, kinds: Vec<(Kind, usize)>| {
        if !kinds.is_empty() {
            let question = question.cloned();
            marked.push(Marked {
                place,
                question,
                kinds,
            });
        }
    };
    for (place, answer) in answers_in_order(reflection, library) {
        let ignore = with_question(words, &answer.question_text);
        let cx = Context {
            ignore: &ignore,
            year,
        };
        let kinds = left_in(&answer.text, &answer.fine, &cx, cache);
        mark(place, Some(&answer.question), kinds);
    }
    let cx = Context {
        ignore: words,
        year,
    };
    let kinds = left_in(&reflection.notes, &reflection.notes_fine, &cx, cache);
    mark("Notes".to_owned(), None, kinds);
    // Actions are short and go on the sheet too; nothing in them can be
    // said to be fine, so the export's one question is the way past.
    for (n, action) in reflection.actions.iter().enumerate() {
        let kinds = left_in(&action.text, &[], &cx, cache);
        mark(format!("Action {}", n + 1), None, kinds);
    }
    for (place, _, text) in handin_words(reflection) {
        mark(place.to_owned(), None, left_in(text, &[], &cx, cache));
    }
    marked
}

/// The hand-in details written in words: where a mark in one is said to
/// be, what fills a form with it, and its text. They go on the CPD
/// record, or on any form that asks for them.
pub fn handin_words(reflection: &Reflection) -> impl Iterator<Item = (&'static str, Source, &str)> {
    let handin = reflection.handin();
    [
        ("Type of CPD", Source::Activity, &handin.activity),
        ("The peer's role", Source::Peer, &handin.peer_role),
        (
            "What you learnt from the peer",
            Source::Peer,
            &handin.peer_learning,
        ),
    ]
    .into_iter()
    .filter_map(|(place, source, text)| Some((place, source, text.as_deref()?)))
}

/// How many of each kind are still marked in `text`.
fn left_in(
    text: &str,
    fine: &[Fine],
    cx: &Context<'_>,
    cache: &mut LineCache,
) -> Vec<(Kind, usize)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let found = cache.scan(lines.iter().copied(), cx);
    let marked = found.iter().filter(|(n, f)| {
        !lines[*n]
            .get(f.span.clone())
            .is_some_and(|t| is_fine(fine, f.kind, t))
    });
    tally(marked.map(|(_, f)| f.kind))
}

/// The content's words and those of a question's wording.
pub fn with_question<'w>(words: &'w Words, question: &str) -> Cow<'w, Words> {
    if words.has_all_of(question) {
        Cow::Borrowed(words)
    } else {
        let mut more = words.clone();
        more.add(question);
        Cow::Owned(more)
    }
}

/// The answers with text, each with how the review names its place.
fn answers_in_order<'r>(
    reflection: &'r Reflection,
    library: &Library,
) -> Vec<(String, &'r crate::store::Answer)> {
    let key = |id: &str| format!("{}/{}/{id}", reflection.pack, reflection.theme);
    let questions: Vec<String> = library
        .pack(&reflection.pack)
        .and_then(|p| p.theme(&reflection.theme))
        .map(|t| {
            t.questions_for(reflection.audience)
                .map(|q| key(&q.id))
                .collect()
        })
        .unwrap_or_default();
    let mut placed: Vec<(usize, String, &crate::store::Answer)> = reflection
        .answers
        .iter()
        .filter(|a| !a.text.trim().is_empty())
        .map(|a| match questions.iter().position(|q| *q == a.question) {
            Some(n) => (n, format!("Question {}", n + 1), a),
            None => (
                usize::MAX,
                "An answer to a question no longer in this pack".to_owned(),
                a,
            ),
        })
        .collect();
    placed.sort_by_key(|(n, _, _)| *n);
    placed.into_iter().map(|(_, place, a)| (place, a)).collect()
}

/// Findings of one line, kept between scans so that a long text is read
/// again only where it changed. Cleared when the words that never count
/// or the year change; emptied when it grows past [`CACHE_LINES`].
#[derive(Debug, Default)]
pub struct LineCache {
    year: i32,
    lines: HashMap<String, Vec<Finding>>,
}

/// Lines kept at most (a 5,000-line answer fits four times over).
const CACHE_LINES: usize = 20_000;

impl LineCache {
    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// The findings of each line, as (line number, finding in that line).
    pub fn scan<'t>(
        &mut self,
        lines: impl Iterator<Item = &'t str>,
        cx: &Context<'_>,
    ) -> Vec<(usize, Finding)> {
        self.scan_some(lines, cx, usize::MAX).found
    }

    /// Like `scan`, reading at most `budget` lines not already cached: a
    /// long text is read a part at a time, so no one run takes long.
    pub fn scan_some<'t>(
        &mut self,
        lines: impl Iterator<Item = &'t str>,
        cx: &Context<'_>,
        mut budget: usize,
    ) -> Scanned {
        if self.year != cx.year || self.lines.len() > CACHE_LINES {
            self.lines.clear();
            self.year = cx.year;
        }
        let mut scanned = Scanned {
            found: Vec::new(),
            complete: true,
        };
        for (n, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let findings = match self.lines.get(line) {
                Some(cached) => cached,
                None if budget == 0 => {
                    scanned.complete = false;
                    continue;
                }
                None => {
                    budget -= 1;
                    self.lines
                        .entry(line.to_owned())
                        .or_insert_with(|| scan_line(line, cx))
                }
            };
            scanned
                .found
                .extend(findings.iter().map(|f| (n, f.clone())));
        }
        scanned
    }
}

/// What a scan found, and whether it read every line.
pub struct Scanned {
    pub found: Vec<(usize, Finding)>,
    pub complete: bool,
}

#[cfg(test)]
mod tests;
