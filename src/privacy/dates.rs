//! Dates that could be dates of birth.
//!
//! A date is marked when the words just before it say it is one ("born",
//! "DOB", "d.o.b.", "date of birth", "birthday"), whatever its form, even
//! a year alone ("born in 2015"); or when it is a whole date (day, month
//! and year) from two or more years before this one and nothing before it
//! says it was a meeting, a visit or the like. Dates of recent meetings
//! ("seen on 3 March", "the conference on 12/03/2026") are not marked.

use super::tokens::{Line, Tok};
use super::{Finding, Kind};

/// A whole date at least this many years back may be a date of birth.
const YEARS_BACK: i32 = 2;
/// How far before a date (in bytes) a word that says what it is counts.
const LOOK_BACK: usize = 28;

#[rustfmt::skip]
const BIRTH: &[&str] = &[
    "born", "dob", "d.o.b", "birth", "b'day",
];
#[rustfmt::skip]
const EVENT: &[&str] = &[
    "meeting", "meet", "visit", "conference", "appointment", "hearing", "review", "referral",
    "seen", "session", "strategy", "icpc", "rcpc", "court", "supervision", "call", "discussion",
    "incident", "assessment", "report", "letter", "training", "since", "until",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    first: usize,
    last: usize,
    day: bool,
    year: Option<i32>,
}

pub fn find(line: &Line<'_>, this_year: i32, found: &mut Vec<Finding>) {
    let mut i = 0;
    while i < line.len() {
        let Some(date) = date_at(line, i, this_year) else {
            i += 1;
            continue;
        };
        let span = line.range(date.first).start..line.range(date.last).end;
        let before = before(line.text, span.start);
        let birth = BIRTH.iter().any(|w| before.contains(w));
        let event = EVENT.iter().any(|w| before.contains(w));
        let old = date.day && date.year.is_some_and(|y| y <= this_year - YEARS_BACK);
        let whole_enough = date.day || date.year.is_some();
        if (birth && whole_enough) || (old && !event) {
            found.push(Finding {
                span,
                kind: Kind::BirthDate,
            });
        }
        i = date.last + 1;
    }
}

/// The text just before byte `at`, in lower case.
fn before(text: &str, at: usize) -> String {
    let start = text.floor_char_boundary(at.saturating_sub(LOOK_BACK));
    text.get(start..at).unwrap_or("").to_lowercase()
}

fn date_at(line: &Line<'_>, i: usize, this_year: i32) -> Option<Date> {
    numeric(line, i, this_year)
        .or_else(|| day_first(line, i, this_year))
        .or_else(|| month_first(line, i, this_year))
        .or_else(|| year_alone(line, i, this_year))
}

/// "12/03/2015", "12-3-15", "12.03.2015", "2015-03-12", or "12/03".
fn numeric(line: &Line<'_>, i: usize, this_year: i32) -> Option<Date> {
    let sep = line.str(i + 1);
    if !line.is_number(i) || !matches!(sep, "/" | "-" | ".") || !line.is_number(i + 2) {
        return None;
    }
    let n = |k: usize| line.str(k).parse::<u32>().ok();
    let third = line.str(i + 3) == sep && line.is_number(i + 4);
    if line.str(i).len() == 4 && third {
        let (y, m, d) = (n(i)?, n(i + 2)?, n(i + 4)?);
        let ok = (1..=12).contains(&m) && (1..=31).contains(&d) && (1900..=2100).contains(&y);
        return ok.then(|| Date {
            first: i,
            last: i + 4,
            day: true,
            year: i32::try_from(y).ok(),
        });
    }
    let (d, m) = (n(i)?, n(i + 2)?);
    if !((1..=31).contains(&d) && (1..=12).contains(&m) && line.str(i).len() <= 2) {
        return None;
    }
    if third {
        let year = year(line.str(i + 4), this_year)?;
        return Some(Date {
            first: i,
            last: i + 4,
            day: true,
            year: Some(year),
        });
    }
    // A day and month with a slash only: "12/03" (not "3.5" or "3-5").
    (sep == "/").then_some(Date {
        first: i,
        last: i + 2,
        day: true,
        year: None,
    })
}

/// "3 March 2015", "3rd of March", "21st Feb. 2015".
fn day_first(line: &Line<'_>, i: usize, this_year: i32) -> Option<Date> {
    day(line.str(i)).filter(|_| matches!(line.kind(i), Some(Tok::Number | Tok::Mixed)))?;
    let mut k = line.next_solid(i)?;
    if line.is(k, "of") {
        k = line.next_solid(k)?;
    }
    month(line, k, true)?;
    let last = skip_dot(line, k);
    Some(with_year(line, i, last, true, this_year))
}

/// "March 3, 2015", "March 3rd", "March 2015".
fn month_first(line: &Line<'_>, i: usize, this_year: i32) -> Option<Date> {
    month(line, i, false)?;
    let k = line.next_solid(skip_dot(line, i))?;
    let text = line.str(k);
    if line.is_number(k) && text.len() == 4 {
        let year = year(text, this_year)?;
        return Some(Date {
            first: i,
            last: k,
            day: false,
            year: Some(year),
        });
    }
    day(text).filter(|_| matches!(line.kind(k), Some(Tok::Number | Tok::Mixed)))?;
    Some(with_year(line, i, k, true, this_year))
}

/// A four-digit year on its own (counted only after "born" and the like).
fn year_alone(line: &Line<'_>, i: usize, this_year: i32) -> Option<Date> {
    let text = line.str(i);
    let y = text.parse::<i32>().ok()?;
    (line.is_number(i) && text.len() == 4 && (1900..=this_year).contains(&y)).then_some(Date {
        first: i,
        last: i,
        day: false,
        year: Some(y),
    })
}

/// The date ending at `last`, with the year after it if there is one.
fn with_year(line: &Line<'_>, first: usize, last: usize, day: bool, this_year: i32) -> Date {
    let mut k = last + 1;
    if line.is_punct(k, ',') {
        k += 1;
    }
    let found = (line.str(k) == " " && line.is_number(k + 1) && line.str(k + 1).len() == 4)
        .then(|| year(line.str(k + 1), this_year))
        .flatten();
    Date {
        first,
        last: if found.is_some() { k + 1 } else { last },
        day,
        year: found,
    }
}

fn skip_dot(line: &Line<'_>, k: usize) -> usize {
    if line.is_punct(k + 1, '.') { k + 1 } else { k }
}

/// A day of the month: "3", "03", "3rd", "21st".
fn day(text: &str) -> Option<u32> {
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &text[digits.len()..];
    let suffix_ok = ["", "st", "nd", "rd", "th"]
        .iter()
        .any(|x| suffix.eq_ignore_ascii_case(x));
    let d = digits.parse::<u32>().ok()?;
    (suffix_ok && digits.len() <= 2 && (1..=31).contains(&d)).then_some(d)
}

/// A month's name or its short form at token `k`: capitalised, or (after
/// a day) in any case.
fn month(line: &Line<'_>, k: usize, after_day: bool) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !line.is_word(k) || !(after_day || line.is_capitalised(k)) {
        return None;
    }
    let word = line.str(k).to_lowercase();
    let short =
        |m: &str| word.len() >= 3 && m.starts_with(&word) && (word.len() == 3 || word == "sept");
    MONTHS
        .iter()
        .position(|m| *m == word || short(m))
        .and_then(|p| u32::try_from(p + 1).ok())
}

/// A year of two or four digits; two-digit years are this century's when
/// that is not in the future.
fn year(text: &str, this_year: i32) -> Option<i32> {
    let y = text.parse::<i32>().ok()?;
    match text.len() {
        4 if (1900..=2100).contains(&y) => Some(y),
        2 if 2000 + y <= this_year => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, |line, found| find(line, 2026, found))
    }

    #[test]
    fn after_born_or_dob_any_date_counts() {
        assert_eq!(spans("born on 3 March"), ["3 March"]);
        assert_eq!(spans("DOB: 12/03/2024"), ["12/03/2024"]);
        assert_eq!(spans("d.o.b. 3rd of March 2025"), ["3rd of March 2025"]);
        assert_eq!(spans("born in 2015"), ["2015"]);
        assert_eq!(spans("date of birth March 3, 2019"), ["March 3, 2019"]);
        assert_eq!(spans("Birthday 12/03"), ["12/03"]);
    }

    #[test]
    fn a_whole_date_years_back_counts_unless_it_was_an_event() {
        assert_eq!(spans("Jo (12.03.2015) is"), ["12.03.2015"]);
        assert_eq!(spans("on 21st Feb. 2009 she"), ["21st Feb. 2009"]);
        assert_eq!(spans("2015-03-12"), ["2015-03-12"]);
        assert_eq!(spans("12/3/15"), ["12/3/15"]);
        assert!(spans("the strategy meeting on 12/03/2019").is_empty());
        assert!(spans("seen on 3 March 2026").is_empty());
        assert!(spans("the conference on 12/03/2026").is_empty());
        assert!(spans("in March 2015").is_empty(), "a month and a year");
        assert!(spans("we met on 3 March").is_empty());
        assert!(spans("between 2015 and 2019").is_empty());
        assert!(spans("3/4 of the children; version 1.2.3").is_empty());
        assert!(spans("may 3 and 45 May").is_empty());
    }
}
