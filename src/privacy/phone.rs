//! UK phone numbers: landlines (01, 02) and mobiles (07), written with
//! spaces, hyphens or the area code in brackets, nationally or as +44 /
//! 0044 (with or without "(0)"). Non-geographic numbers (03, 08, 09) are
//! organisations' lines, helplines among them, so they are not marked.

use super::tokens::{Line, Tok};
use super::{Finding, Kind};

pub fn find(line: &Line<'_>, found: &mut Vec<Finding>) {
    super::find_each(line, Kind::Phone, found, |i| Some((i, number_at(line, i)?)));
}

/// The last token of a phone number starting at token `i`.
fn number_at(line: &Line<'_>, i: usize) -> Option<usize> {
    if after_digits(line, i) {
        return None;
    }
    let (mut digits, mut j) = start(line, i)?;
    loop {
        let next = group_after(line, j);
        match next {
            Some((group, end)) if count_digits(&digits) + count_digits(&group) <= 15 => {
                digits.push_str(&group);
                j = end;
            }
            Some(_) => return None,
            None => break,
        }
    }
    let national = national(&digits)?;
    let ok = match national.as_bytes().get(1) {
        Some(b'2' | b'7') => national.len() == 11,
        Some(b'1') => matches!(national.len(), 10 | 11),
        _ => false,
    };
    ok.then_some(j)
}

fn count_digits(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}

/// Where a number begins: "+44", "0044", "(020)" or a group starting 0.
fn start(line: &Line<'_>, i: usize) -> Option<(String, usize)> {
    let text = line.str(i);
    if line.is_punct(i, '+') && line.str(i + 1) == "44" {
        return Some(("+44".into(), i + 1));
    }
    if line.is_punct(i, '(') && line.is_number(i + 1) && line.is_punct(i + 2, ')') {
        let inner = line.str(i + 1);
        return inner.starts_with('0').then(|| (inner.to_owned(), i + 2));
    }
    (line.is_number(i) && text.starts_with('0')).then(|| (text.to_owned(), i))
}

/// The next group of digits after token `j`: past one space or hyphen,
/// or "(0)" after +44.
fn group_after(line: &Line<'_>, j: usize) -> Option<(String, usize)> {
    let mut k = j + 1;
    if matches!(line.str(k), " " | "-") {
        k += 1;
    }
    if line.is_punct(k, '(') && line.str(k + 1) == "0" && line.is_punct(k + 2, ')') {
        let skip_space = usize::from(line.str(k + 3) == " ");
        return Some(("(0)".into(), k + 2 + skip_space));
    }
    if line.is_punct(k, '(') && line.is_number(k + 1) && line.is_punct(k + 2, ')') {
        return Some((line.str(k + 1).to_owned(), k + 2));
    }
    line.is_number(k).then(|| (line.str(k).to_owned(), k))
}

/// The number as dialled in the UK: "+44 (0)20…" and "0044 20…" become "020…".
fn national(digits: &str) -> Option<String> {
    let rest = digits
        .strip_prefix("+44")
        .or_else(|| digits.strip_prefix("0044"))
        .map(|r| r.strip_prefix("(0)").unwrap_or(r));
    let national = match rest {
        Some(r) => format!("0{r}"),
        None => digits.replace("(0)", ""),
    };
    national
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then_some(national)
}

/// Digits just before, joined by a point, slash, comma, colon or hyphen:
/// part of something else (a decimal, a date, a longer number).
fn after_digits(line: &Line<'_>, i: usize) -> bool {
    let joined = i >= 2
        && matches!(
            line.kind(i - 1),
            Some(Tok::Punct('.' | '/' | ',' | ':' | '-'))
        );
    joined && line.is_number(i - 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        crate::privacy::spans_found(text, find)
    }

    #[test]
    fn mobiles_and_landlines_in_the_usual_shapes() {
        assert_eq!(spans("ring 07700 900123 today"), ["07700 900123"]);
        assert_eq!(spans("07700900123"), ["07700900123"]);
        assert_eq!(spans("(020) 7946 0958"), ["(020) 7946 0958"]);
        assert_eq!(spans("0161-496-0000."), ["0161-496-0000"]);
        assert_eq!(spans("+44 7700 900123"), ["+44 7700 900123"]);
        assert_eq!(spans("+44 (0)20 7946 0958"), ["+44 (0)20 7946 0958"]);
        assert_eq!(spans("0044 20 7946 0958"), ["0044 20 7946 0958"]);
    }

    #[test]
    fn other_numbers_are_not_phones() {
        for text in [
            "NSPCC 0808 800 5000",
            "the council on 0300 123 1234",
            "Childline 0800 1111",
            "0 to 5 years",
            "2023 2024",
            "07700 900",
            "07700 900123 4567",
            "1.07700900123",
            "01/02/2024",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }
}
