//! Email addresses: a local part, `@`, and a domain with a dot and a
//! top-level name of two letters or more. ASCII only, scanned by bytes
//! (every byte looked at is ASCII, so every edge is a character boundary).

use super::{Finding, Kind};

pub fn find(text: &str, found: &mut Vec<Finding>) {
    let bytes = text.as_bytes();
    let mut after = 0;
    for (at, _) in text.match_indices('@') {
        if at < after {
            continue;
        }
        let local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-'_".contains(&b);
        let domain = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'.';
        let mut start = at;
        while start > 0 && local(bytes[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(bytes[start], b'.' | b'\'') {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start < at && is_domain(&text[at + 1..end]) {
            found.push(Finding {
                span: start..end,
                kind: Kind::Email,
            });
            after = end;
        }
    }
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let top = labels.last().copied().unwrap_or("");
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && top.len() >= 2
        && top.bytes().all(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        find(text, &mut found);
        found.iter().map(|f| &text[f.span.clone()]).collect()
    }

    #[test]
    fn addresses_and_not_addresses() {
        assert_eq!(
            spans("mail (jo.bloggs+x@example.co.uk)."),
            ["jo.bloggs+x@example.co.uk"]
        );
        assert_eq!(spans("a@b.cd and é@x.org"), ["a@b.cd"]);
        assert!(spans("@nspcc on twitter").is_empty());
        assert!(spans("me@localhost").is_empty());
        assert!(spans("x@y.1").is_empty());
        assert!(spans("meet @ 10.30").is_empty());
        assert!(spans("Zoë@例え.jp").is_empty());
    }
}
