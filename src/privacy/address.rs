//! Street addresses: a house number ("12", "12a", "221B", "12-14"), then
//! one to three capitalised words and a street word ("12 Acacia Road",
//! "Flat 3, 45 High St"). A street name without a number is not marked
//! ("Great Ormond Street" is a hospital; "Downing Street" is news).

use super::tokens::{Line, Tok};
use super::{Finding, Kind};

#[rustfmt::skip]
const STREETS: &[&str] = &[
    "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "close", "drive", "way",
    "crescent", "cres", "court", "ct", "place", "pl", "grove", "gardens", "gdns", "terrace", "tce",
    "square", "sq", "walk", "mews", "row", "rise", "parade", "hill", "park", "green", "vale",
    "view", "wharf", "yard", "boulevard", "croft", "fold", "gate", "chase", "meadow", "meadows",
    "approach", "circus", "embankment", "quay", "heights", "broadway", "wynd",
];
/// "Family Court", "Crown Court": courts, not streets.
#[rustfmt::skip]
const COURTS: &[&str] = &[
    "family", "crown", "county", "magistrates", "youth", "high", "supreme", "coroner's",
    "coroners", "district",
];
#[rustfmt::skip]
const FLATS: &[&str] = &[
    "flat", "apartment", "apt", "unit", "room",
];

pub fn find(line: &Line<'_>, found: &mut Vec<Finding>) {
    super::find_each(line, Kind::Address, found, |i| {
        let last = address_at(line, i)?;
        Some((flat_before(line, i).unwrap_or(i), last))
    });
}

/// A house number: digits, or digits and one letter.
fn is_house_number(line: &Line<'_>, i: usize) -> bool {
    let text = line.str(i);
    match line.kind(i) {
        Some(Tok::Number) => text.len() <= 4,
        Some(Tok::Mixed) => {
            let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            !digits.is_empty() && digits.len() <= 4 && text.len() == digits.len() + 1
        }
        _ => false,
    }
}

/// The last token of an address whose house number is token `i`.
fn address_at(line: &Line<'_>, i: usize) -> Option<usize> {
    if !is_house_number(line, i) {
        return None;
    }
    let mut k = i;
    // "12-14 Acacia Road"
    if line.is_punct(k + 1, '-') && is_house_number(line, k + 2) {
        k += 2;
    }
    if line.is_punct(k + 1, ',') {
        k += 1;
    }
    let mut words = 0;
    let mut last_word = None;
    while let Some(w) = line.next_word(k) {
        if !line.is_capitalised(w) && !is_short_street(line, w) {
            break;
        }
        if words > 0 && is_street(line, w, last_word) {
            let dot = is_short_street(line, w) && line.is_punct(w + 1, '.');
            return Some(if dot { w + 1 } else { w });
        }
        words += 1;
        if words > 3 {
            break;
        }
        last_word = Some(w);
        k = w;
    }
    None
}

/// "St" and "Rd" are written as they are.
fn is_short_street(line: &Line<'_>, w: usize) -> bool {
    matches!(
        line.str(w),
        "St" | "Rd" | "Ave" | "Ln" | "Cres" | "Gdns" | "Tce" | "Sq" | "Ct" | "Pl"
    )
}

fn is_street(line: &Line<'_>, w: usize, before: Option<usize>) -> bool {
    let word = line.lower(w);
    let court = word == "court" && before.is_some_and(|b| line.is_one_of(b, COURTS));
    STREETS.contains(&word.as_str()) && !court
}

/// "Flat 3, " before the house number: where the address starts.
fn flat_before(line: &Line<'_>, i: usize) -> Option<usize> {
    let mut p = line.prev_solid(i)?;
    if line.is_punct(p, ',') {
        p = line.prev_solid(p)?;
    }
    if !is_house_number(line, p) {
        return None;
    }
    let flat = line.prev_word(p)?;
    line.is_one_of(flat, FLATS).then_some(flat)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, find)
    }

    #[test]
    fn numbered_streets() {
        assert_eq!(spans("lives at 12 Acacia Road."), ["12 Acacia Road"]);
        assert_eq!(spans("221B Baker Street"), ["221B Baker Street"]);
        assert_eq!(spans("Flat 3, 45 High St."), ["Flat 3, 45 High St."]);
        assert_eq!(spans("12-14 Mill Lane"), ["12-14 Mill Lane"]);
        assert_eq!(spans("7 St Mary's Close"), ["7 St Mary's Close"]);
    }

    #[test]
    fn not_addresses() {
        for text in [
            "3 Family Court hearings",
            "Great Ormond Street",
            "2 Court dates",
            "5 Year Plan",
            "47 Child Protection Plans",
            "12 acacia road",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }
}
