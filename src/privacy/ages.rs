//! Exact ages: "a 7-year-old", "7 years old", "18-month-old", "aged 14",
//! "age: 3", "14 years of age", "14yo", "14 y/o", and the same with the
//! number in words ("aged seven"). The GMC's advice is that removing a name
//! is not enough when an exact age is left. Ranges and groups ("aged 14 to
//! 16", "aged under 5", "the 15-year-olds") are not one person's age.

use super::tokens::{Line, Tok};
use super::{Finding, Kind};

#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",
];
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
];

pub fn find(line: &Line<'_>, found: &mut Vec<Finding>) {
    super::find_each(line, Kind::Age, found, |i| {
        let last = years_old(line, i)
            .or_else(|| aged(line, i))
            .or_else(|| short_form(line, i))?;
        Some((i, last))
    });
}

fn is_count(line: &Line<'_>, i: usize) -> bool {
    let text = line.str(i);
    (line.is_number(i) && text.len() <= 3) || (line.is_word(i) && line.is_one_of(i, NUMBER_WORDS))
}

/// The token after `i`, past one space or hyphen.
fn after(line: &Line<'_>, i: usize) -> usize {
    if matches!(line.str(i + 1), " " | "-") {
        i + 2
    } else {
        i + 1
    }
}

/// "7-year-old", "7 years old", "18-month-old", "14 years of age"; not
/// "7-year-olds".
fn years_old(line: &Line<'_>, i: usize) -> Option<usize> {
    let unit = after(line, i);
    // The unit first: it rules out most tokens at once.
    if !line.is_word(unit) || !line.is_one_of(unit, UNITS) || !is_count(line, i) {
        return None;
    }
    let old = after(line, unit);
    if line.is(old, "old") {
        return Some(old);
    }
    let of = after(line, unit);
    let age = after(line, of);
    (line.is(of, "of") && line.is(age, "age")).then_some(age)
}

/// "aged 14", "age: 3", "aged seven", "aged 14 months"; not "aged 14 to
/// 16", "aged 14-16", "aged 14 and 15".
fn aged(line: &Line<'_>, i: usize) -> Option<usize> {
    if !line.is_one_of(i, &["aged", "age"]) {
        return None;
    }
    let mut k = line.next_solid(i)?;
    if line.is_punct(k, ':') {
        k = line.next_solid(k)?;
    }
    if !is_count(line, k) {
        return None;
    }
    let next = line.next_solid(k);
    let ranged = next.is_some_and(|n| {
        line.is_punct(n, '-') || line.is_punct(n, '–') || line.is_one_of(n, &["to", "and", "or"])
    });
    if ranged {
        return None;
    }
    let unit = line.next_word(k).filter(|&u| line.is_one_of(u, UNITS));
    Some(unit.unwrap_or(k))
}

/// "14yo", "14 yo", "14 y/o", "14 y.o.".
fn short_form(line: &Line<'_>, i: usize) -> Option<usize> {
    let text = line.str(i);
    if line.kind(i) == Some(Tok::Mixed) {
        let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit = &text[digits.len()..];
        let ok = ["yo", "yrs", "yr"]
            .iter()
            .any(|u| unit.eq_ignore_ascii_case(u));
        return (ok && digits.len() <= 2 && !digits.is_empty()).then_some(i);
    }
    if !line.is_number(i) || text.len() > 2 {
        return None;
    }
    let k = if line.str(i + 1) == " " { i + 2 } else { i + 1 };
    match () {
        () if line.is(k, "yo") => Some(k),
        () if line.is(k, "y") && matches!(line.str(k + 1), "/" | ".") && line.is(k + 2, "o") => {
            Some(if line.is_punct(k + 3, '.') {
                k + 3
            } else {
                k + 2
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, find)
    }

    #[test]
    fn exact_ages_in_their_usual_forms() {
        assert_eq!(spans("a 7-year-old boy"), ["7-year-old"]);
        assert_eq!(spans("she is 7 years old."), ["7 years old"]);
        assert_eq!(spans("an 18-month-old"), ["18-month-old"]);
        assert_eq!(spans("aged 14,"), ["aged 14"]);
        assert_eq!(spans("Age: 3"), ["Age: 3"]);
        assert_eq!(spans("aged seven"), ["aged seven"]);
        assert_eq!(spans("aged 14 months"), ["aged 14 months"]);
        assert_eq!(spans("14 years of age"), ["14 years of age"]);
        assert_eq!(spans("14yo"), ["14yo"]);
        assert_eq!(spans("14 y/o"), ["14 y/o"]);
    }

    #[test]
    fn ranges_groups_and_durations_are_not_ages() {
        for text in [
            "aged 14 to 16",
            "aged 14-16",
            "aged under 5",
            "the 15-year-olds",
            "for 7 years",
            "7 years ago",
            "a 5 year plan",
            "of any age",
            "aged between 11 and 15",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }
}
