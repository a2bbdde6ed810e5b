//! NHS numbers: ten digits, written together or as 3-3-4 with spaces or
//! hyphens, whose last digit is the modulus 11 check digit of the others.

use super::tokens::Line;
use super::{Finding, Kind};

pub fn find(line: &Line<'_>, found: &mut Vec<Finding>) {
    super::find_each(line, Kind::NhsNumber, found, |i| {
        Some((i, number_at(line, i)?))
    });
}

/// The last token of an NHS number starting at token `i`.
fn number_at(line: &Line<'_>, i: usize) -> Option<usize> {
    if !line.is_number(i) || joined_to_digits_before(line, i) {
        return None;
    }
    let (end, digits) = ten_digits(line, i)?;
    (!joined_to_digits_after(line, end) && valid(&digits)).then_some(end)
}

/// The last token and the digits of a ten-digit number starting at `i`.
fn ten_digits(line: &Line<'_>, i: usize) -> Option<(usize, String)> {
    let first = line.str(i);
    if first.len() == 10 {
        return Some((i, first.to_owned()));
    }
    if first.len() != 3 {
        return None;
    }
    let sep = line.str(i + 1);
    if !(sep == " " || sep == "-") || line.str(i + 2).len() != 3 || !line.is_number(i + 2) {
        return None;
    }
    let ok = line.str(i + 3) == sep && line.is_number(i + 4) && line.str(i + 4).len() == 4;
    ok.then(|| {
        (
            i + 4,
            format!("{first}{}{}", line.str(i + 2), line.str(i + 4)),
        )
    })
}

/// Part of a longer number: a group of digits just before or after, joined
/// by a hyphen, or by a space when the group is three digits or more.
fn joined_to_digits_before(line: &Line<'_>, i: usize) -> bool {
    i >= 2 && joined(line.str(i - 1), line, i - 2)
}

fn joined_to_digits_after(line: &Line<'_>, end: usize) -> bool {
    joined(line.str(end + 1), line, end + 2)
}

fn joined(sep: &str, line: &Line<'_>, group: usize) -> bool {
    line.is_number(group) && (sep == "-" || (sep == " " && line.str(group).len() >= 3))
}

/// The NHS modulus 11 check: weights 10 down to 2 on the first nine
/// digits; 11 minus the remainder is the check digit (11 means 0, 10 is
/// never a valid number).
pub fn valid(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 || digits.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        n => n,
    };
    check == d[9]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, find)
    }

    #[test]
    fn the_check_digit_decides() {
        assert!(valid("9434765919"));
        assert!(valid("4010232137"));
        assert!(!valid("9434765918"));
        assert!(!valid("1234567890"), "remainder gives 10: never issued");
        assert!(!valid("943476591"));
    }

    #[test]
    fn written_together_or_three_three_four() {
        assert_eq!(spans("NHS no 943 476 5919."), ["943 476 5919"]);
        assert_eq!(spans("nhs:9434765919"), ["9434765919"]);
        assert_eq!(spans("943-476-5919"), ["943-476-5919"]);
        assert!(spans("943 476-5919").is_empty(), "mixed separators");
        assert!(spans("9434765918").is_empty(), "wrong check digit");
        assert!(
            spans("123 943 476 5919").is_empty(),
            "part of a longer number"
        );
        assert!(spans("94347659190").is_empty(), "eleven digits");
    }
}
