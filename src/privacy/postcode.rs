//! UK postcodes in full ("SW1A 1AA", "M1 1AE", "b33 8th"): an outward code
//! of the shapes A9, A99, AA9, AA99, A9A or AA9A, then an inward code 9AA,
//! with the letters each position may hold. Outward codes alone ("B12",
//! "M25") are too like other things to mark.

use super::tokens::{Line, Tok};
use super::{Finding, Kind};

pub fn find(line: &Line<'_>, found: &mut Vec<Finding>) {
    super::find_each(line, Kind::Postcode, found, |i| {
        Some((i, postcode_at(line, i)?))
    });
}

/// The last token of a postcode starting at token `i`.
fn postcode_at(line: &Line<'_>, i: usize) -> Option<usize> {
    let text = line.str(i);
    match line.kind(i) {
        // Written together: "SW1A1AA", capitals only.
        Some(Tok::Mixed) if is_joined(text) => Some(i),
        Some(Tok::Mixed | Tok::Word)
            if line.str(i + 1) == " "
                && line.kind(i + 2) == Some(Tok::Mixed)
                && (2..=4).contains(&text.len())
                && line.str(i + 2).len() == 3 =>
        {
            let inward = line.str(i + 2);
            let same_case = is_upper(text) == is_upper(inward)
                && (is_upper(text) || is_lower(text) && is_lower(inward));
            let ok = same_case
                && is_outward(&text.to_ascii_uppercase())
                && is_inward(&inward.to_ascii_uppercase());
            ok.then_some(i + 2)
        }
        _ => None,
    }
}

fn is_upper(s: &str) -> bool {
    !s.bytes().any(|b| b.is_ascii_lowercase())
}

fn is_lower(s: &str) -> bool {
    !s.bytes().any(|b| b.is_ascii_uppercase())
}

fn is_joined(text: &str) -> bool {
    is_upper(text)
        && (5..=7).contains(&text.len())
        && text.is_ascii()
        && is_outward(&text[..text.len() - 3])
        && is_inward(&text[text.len() - 3..])
}

/// The outward code, in capitals.
pub fn is_outward(code: &str) -> bool {
    if code == "GIR" {
        return true;
    }
    let b = code.as_bytes();
    let letter = |i: usize, not: &[u8]| {
        b.get(i)
            .is_some_and(|c| c.is_ascii_uppercase() && !not.contains(c))
    };
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let first = letter(0, b"QVX");
    let shape = match b.len() {
        2 => digit(1),
        3 => {
            (digit(1) && digit(2))
                || (letter(1, b"IJZ") && digit(2))
                || (digit(1) && letter(2, b"ILMNOQRVXYZ"))
        }
        4 => letter(1, b"IJZ") && digit(2) && (digit(3) || letter(3, b"CDFGIJKLOQSTUZ")),
        _ => false,
    };
    first && shape
}

/// The inward code, in capitals: a digit and two letters (never C, I, K,
/// M, O or V).
pub fn is_inward(code: &str) -> bool {
    let b = code.as_bytes();
    let letter = |c: &u8| c.is_ascii_uppercase() && !b"CIKMOV".contains(c);
    b.len() == 3 && b[0].is_ascii_digit() && letter(&b[1]) && letter(&b[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, find)
    }

    #[test]
    fn every_shape_of_outward_code() {
        for code in [
            "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "GIR 0AA",
        ] {
            assert_eq!(spans(&format!("at {code}.")), [code]);
        }
        assert_eq!(spans("SW1A1AA"), ["SW1A1AA"]);
        assert_eq!(spans("ls6 3ab"), ["ls6 3ab"]);
    }

    #[test]
    fn lookalikes_are_not_postcodes() {
        for text in [
            "B12 deficiency",
            "the M25",
            "COVID 19",
            "QA1 1AA",
            "SW1A 1AC",
            "Sw1a 1aa",
            "LS6 3ab",
            "Year 9 pupils",
            "S47 enquiry",
            "a1 2bc3",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }
}
