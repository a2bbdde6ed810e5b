//! Personal names, from the compiled lists of first names and surnames.
//!
//! Only capitalised words count, and never a word of the loaded content or
//! the questions. Capitalised words next to each other are read together:
//! - after a title ("Mrs Brown", "Dr Okafor") they are a name whatever
//!   they are;
//! - two or more, one of them on a list ("Sarah Kowalczyk", "Will
//!   Turner"), are a name, even at the start of a sentence;
//! - one word on a list that is not also an ordinary word ("Sarah",
//!   "Patel") is a name anywhere, unless it is a place after "in", "from"
//!   and the like ("moved to Chelsea");
//! - one that is also an ordinary word ("Grace", "May", "Frank", "Will",
//!   "Brown") counts only with a sign of a person beside it: a possessive
//!   ("Grace's mum"), "called" or "named" before it, a word like "told"
//!   or "with" before it, or "said", "was", "who" after it (at the start of
//!   a sentence only a verb of doing: "Mark said", not "Hope is"). A month
//!   beside a number or "in", "on", "since" is a month.
//! - an unlisted word counts after "called" or "named" ("a girl called
//!   Zephyrine").
//!
//! Never names: a word followed by the name of a thing ("Down syndrome",
//! "Fraser guidelines", "Grace Hospital", "Victoria Road"), a saint ("St
//! Thomas'"), or one of the people behind conditions, tools and reports
//! ("Asperger", "Gillick", "Laming").

use super::Words;
use super::lists::{self, EPONYMS, NAMED_ROLES, NAMING, PERSON_ACTS, PERSON_AFTER, PERSON_BEFORE};
use super::tokens::{Line, base, is_possessive};
use super::{Finding, Kind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Title,
    /// On a list, and not an ordinary word.
    Strong,
    /// On a list, and an ordinary word too.
    Weak,
    /// Not on a list; capitalised and not a word of the content.
    Other,
}

pub fn find(line: &Line<'_>, ignore: &Words, found: &mut Vec<Finding>) {
    let mut i = 0;
    while i < line.len() {
        if !line.is_capitalised(i) {
            i += 1;
            continue;
        }
        let (run, next) = run_from(line, i);
        let thing_after = thing_follows(line, &run, next);
        let segments = split(line, &run, ignore);
        let count = segments.len();
        for (n, segment) in segments.into_iter().enumerate() {
            let last = n + 1 == count;
            if (last && thing_after) || saint_before(line, segment[0].0) {
                continue;
            }
            found.extend(segment_names(line, &segment, ignore));
        }
        i = next;
    }
}

/// Capitalised words from `i` joined by one space or a hyphen (a title may
/// have its full stop); the run ends at a possessive or the name of a
/// thing. Returns the words and the token to carry on from.
fn run_from(line: &Line<'_>, i: usize) -> (Vec<usize>, usize) {
    let mut run = vec![i];
    let mut k = i;
    loop {
        if is_possessive(line.str(k)) || is_thing(line, k) {
            break;
        }
        let mut j = k + 1;
        if line.is_punct(j, '.') && is_title(line, k) {
            j += 1;
        }
        if !(line.str(j) == " " || line.is_punct(j, '-')) || !line.is_capitalised(j + 1) {
            break;
        }
        k = j + 1;
        run.push(k);
    }
    (run, k + 1)
}

fn is_title(line: &Line<'_>, k: usize) -> bool {
    line.is_one_of(k, lists::TITLES)
}

/// A condition, a tool, a place or a body: ends a run of names.
fn is_thing(line: &Line<'_>, k: usize) -> bool {
    line.is_one_of(k, lists::NAMED_THINGS) || line.is_one_of(k, lists::NAMED_PLACES)
}

/// The run ends in, or is followed by, the name of a thing: "Grace
/// Hospital", "Down syndrome", "Bell's palsy" (after a possessive only a
/// condition or a tool: "Poppy's school" is Poppy's).
fn thing_follows(line: &Line<'_>, run: &[usize], next: usize) -> bool {
    let Some(&last) = run.last() else {
        return false;
    };
    if run.len() > 1 && is_thing(line, last) {
        return true;
    }
    let possessive = is_possessive(line.str(last)) || line.is_punct(next, '\'');
    let after = if line.is_punct(next, '\'') {
        next
    } else {
        last
    };
    line.next_word(after).is_some_and(|w| {
        line.is_one_of(w, lists::NAMED_THINGS)
            || (!possessive && line.is_one_of(w, lists::NAMED_PLACES))
    })
}

fn saint_before(line: &Line<'_>, first: usize) -> bool {
    let mut p = line.prev_solid(first);
    if p.is_some_and(|p| line.is_punct(p, '.')) {
        p = p.and_then(|p| line.prev_solid(p));
    }
    p.is_some_and(|p| matches!(line.str(p), "St" | "Saint" | "Ste"))
}

/// The run cut at words that never count (the content's words, eponyms,
/// the names of things), each piece with what its words are.
fn split(line: &Line<'_>, run: &[usize], ignore: &Words) -> Vec<Vec<(usize, Word)>> {
    let mut segments = vec![Vec::new()];
    for &k in run {
        match classify(line, k, ignore) {
            Some(word) => {
                if let Some(segment) = segments.last_mut() {
                    segment.push((k, word));
                }
            }
            None => segments.push(Vec::new()),
        }
    }
    // A word that is on no list, at the start of a sentence, is most
    // likely an ordinary word: "Then Sarah", "Yesterday Tyler".
    for segment in &mut segments {
        if let Some(&(k, Word::Other)) = segment.first()
            && line.starts_sentence(k)
        {
            segment.remove(0);
        }
    }
    segments.retain(|s| !s.is_empty());
    segments
}

fn classify(line: &Line<'_>, k: usize, ignore: &Words) -> Option<Word> {
    let lower = line.lower(k);
    if is_title(line, k) {
        return Some(Word::Title);
    }
    let saint = matches!(lower.as_str(), "st" | "saint" | "ste");
    if saint || ignore.contains(&lower) || EPONYMS.contains(&lower.as_str()) || is_thing(line, k) {
        return None;
    }
    let listed = lists::is_first_name(&lower) || lists::is_surname(&lower);
    Some(match (listed, lists::is_ordinary(&lower)) {
        (true, false) => Word::Strong,
        (true, true) => Word::Weak,
        (false, _) => Word::Other,
    })
}

/// The names in one piece of a run.
fn segment_names(line: &Line<'_>, segment: &[(usize, Word)], ignore: &Words) -> Vec<Finding> {
    let span = |from: usize, to: usize| Finding {
        span: line.range(from).start..line.range(to).start + base(line.str(to)).len(),
        kind: Kind::Name,
    };
    let (first, first_kind) = segment[0];
    let (last, _) = segment[segment.len() - 1];
    if first_kind == Word::Title {
        return if segment.len() > 1 {
            vec![span(first, last)]
        } else {
            Vec::new()
        };
    }
    if segment.len() > 1 && is_full_name(line, segment) {
        return vec![span(first, last)];
    }
    segment
        .iter()
        .filter(|&&(k, word)| single_counts(line, k, word, ignore))
        .map(|&(k, _)| span(k, k))
        .collect()
}

/// Two or more words together: a name when two are on a list, or one is
/// and is not also an ordinary word, or (away from the start of a
/// sentence) the first is a first name that is also a word ("Frank
/// Kowalczyk", not "the Young Carers").
fn is_full_name(line: &Line<'_>, segment: &[(usize, Word)]) -> bool {
    let listed = segment
        .iter()
        .filter(|(_, w)| matches!(w, Word::Strong | Word::Weak))
        .count();
    let strong = segment.iter().any(|(_, w)| *w == Word::Strong);
    let (first, first_kind) = segment[0];
    let first_name = first_kind == Word::Weak
        && lists::is_first_name(&line.lower(first))
        && !line.starts_sentence(first);
    listed >= 2 || (listed == 1 && (strong || first_name))
}

/// One word on its own.
fn single_counts(line: &Line<'_>, k: usize, word: Word, ignore: &Words) -> bool {
    let named = line.prev_word(k).is_some_and(|p| line.is_one_of(p, NAMING));
    if named {
        let role = NAMED_ROLES.contains(&line.lower(k).as_str());
        return word != Word::Title && !role && !ignore.contains(&line.lower(k));
    }
    match word {
        Word::Title | Word::Other => false,
        _ if is_place(line, k) => false,
        Word::Strong => true,
        Word::Weak => !is_month_here(line, k) && person_beside(line, k),
    }
}

/// A sign of a person beside an ordinary word that is also a name.
fn person_beside(line: &Line<'_>, k: usize) -> bool {
    if is_possessive(line.str(k)) {
        return true;
    }
    let next = line.next_word(k);
    if line.starts_sentence(k) {
        return next.is_some_and(|n| line.is_one_of(n, PERSON_ACTS));
    }
    let prev = line.prev_word(k);
    prev.is_some_and(|p| line.is_one_of(p, PERSON_BEFORE))
        || next.is_some_and(|n| line.is_one_of(n, PERSON_AFTER))
}

/// Words of moving before "to": "moved to Chelsea".
#[rustfmt::skip]
const MOVES: &[&str] = &[
    "moved", "move", "moving", "went", "go", "going", "gone", "travelled", "traveled", "relocated",
    "returned", "back", "drove", "flew", "trip", "holiday",
];

/// A name that is also a place, where a place would be: "in Chelsea",
/// "moved to Jordan".
fn is_place(line: &Line<'_>, k: usize) -> bool {
    if !line.is_one_of(k, lists::PLACES) {
        return false;
    }
    let Some(p) = line.prev_word(k) else {
        return false;
    };
    let moved = line.is(p, "to") && line.prev_word(p).is_some_and(|q| line.is_one_of(q, MOVES));
    line.is_one_of(p, lists::PLACE_BEFORE) || moved
}

/// "May", "June", "April", "August" used as months: beside a number, or
/// after a word that comes before months.
fn is_month_here(line: &Line<'_>, k: usize) -> bool {
    if !line.is_one_of(k, MONTHS) {
        return false;
    }
    // A number, or a day written with its letters ("3rd").
    let numeric =
        |t: Option<usize>| t.is_some_and(|t| line.str(t).starts_with(|c: char| c.is_ascii_digit()));
    let prev = line.prev_solid(k);
    let next = line.next_solid(k);
    numeric(prev)
        || numeric(next)
        || line
            .prev_word(k)
            .is_some_and(|p| line.is_one_of(p, BEFORE_MONTHS))
}

/// Months that are also names.
const MONTHS: &[&str] = &["january", "april", "may", "june", "july", "august"];

/// Words that come before a month.
#[rustfmt::skip]
const BEFORE_MONTHS: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "during", "before", "after", "from", "last",
    "next", "this", "early", "late", "mid", "of", "end", "start", "beginning", "through", "every",
    "each", "that",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut ignore = Words::none();
        ignore.add("the panel may review practice");
        find(&Line::new(text), &ignore, &mut found);
        found.iter().map(|f| &text[f.span.clone()]).collect()
    }

    #[test]
    fn listed_names_titles_and_full_names() {
        assert_eq!(names("I met Sarah at school."), ["Sarah"]);
        assert_eq!(names("Tyler said he was scared"), ["Tyler"]);
        assert_eq!(
            names("Mrs Brown and Mr. Okonkwo-Adams"),
            ["Mrs Brown", "Mr. Okonkwo-Adams"]
        );
        assert_eq!(names("then Sarah Kowalczyk rang"), ["Sarah Kowalczyk"]);
        assert_eq!(names("Will Turner came"), ["Will Turner"]);
        assert_eq!(names("Grace's mum"), ["Grace"]);
        assert_eq!(names("a girl called Zephyrine"), ["Zephyrine"]);
        assert_eq!(names("the Patel family"), ["Patel"]);
        assert_eq!(names("a nurse named Zephyrine"), ["Zephyrine"]);
    }

    /// A tester's peer was "Named Nurse", a safeguarding role, and it was
    /// marked as a name with no way to say it was fine.
    #[test]
    fn the_named_roles_of_safeguarding_are_not_names() {
        for text in [
            "Named Nurse",
            "our Named Doctor for safeguarding",
            "the named GP and the Named Midwife",
            "Discussed with the Named Professional.",
        ] {
            assert_eq!(names(text), Vec::<&str>::new(), "{text}");
        }
        assert_eq!(names("the Named Nurse, Sarah Jones"), ["Sarah Jones"]);
    }

    #[test]
    fn ordinary_words_places_things_and_the_content() {
        for text in [
            "Frank discussions with the family helped.",
            "May I suggest a review?",
            "We met in May and again on 3 June.",
            "Hope is what keeps them going.",
            "Young Carers support",
            "She moved to Chelsea last year.",
            "a referral to Grace Hospital",
            "Down syndrome",
            "the Fraser guidelines and Gillick competence",
            "St Thomas' and Victoria Road",
            "The Panel will review it",
            "NHS MASH CAMHS",
            "Will this work?",
            "Christian family",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
