//! The identifying-details check: what in a piece of writing could
//! identify a child or a family (NHS numbers, postcodes, dates of birth,
//! exact ages, phone numbers, email addresses, street addresses, names).
//!
//! Pure and local: text in, byte ranges and kinds out; nothing leaves the
//! machine and nothing here prints. It is a help to the writer, never a
//! gate: it cannot catch everything, and what it marks may be fine.
//! One file per family of detector; `names` is the hardest and says how it
//! decides. `marks` is what the rest of the app uses: what is still marked
//! in a reflection, and what the writer said was fine.
//!
//! Not here: when the check runs (`app::privacy`), how marks are drawn
//! (`ui`), what export does with them (`cli::export`).

mod address;
mod ages;
mod dates;
mod email;
pub mod ignore;
mod lists;
pub mod marks;
mod names;
mod nhs;
mod phone;
mod postcode;
mod tokens;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use crate::store::Fine;
pub use ignore::Words;
pub use marks::Marked;
use tokens::Line;

/// What a finding may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    NhsNumber,
    Postcode,
    BirthDate,
    Age,
    Phone,
    Email,
    Address,
    Name,
}

impl Kind {
    /// Every kind, in the order they are named.
    pub const ALL: [Kind; 8] = [
        Kind::NhsNumber,
        Kind::Postcode,
        Kind::BirthDate,
        Kind::Age,
        Kind::Phone,
        Kind::Email,
        Kind::Address,
        Kind::Name,
    ];

    /// The spelling kept in a reflection's file.
    pub fn key(self) -> &'static str {
        self.words().0
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// "a postcode", "an NHS number".
    pub fn one(self) -> &'static str {
        self.words().1
    }

    /// "postcodes", "NHS numbers".
    pub fn many(self) -> &'static str {
        self.words().2
    }

    /// When two findings overlap, the more specific one (the lower rank)
    /// wins ("12 Grace Road" is an address, not a name).
    fn rank(self) -> u8 {
        self.words().3
    }

    /// Its key, one, many and rank.
    fn words(self) -> (&'static str, &'static str, &'static str, u8) {
        match self {
            Kind::NhsNumber => ("nhs-number", "an NHS number", "NHS numbers", 1),
            Kind::Postcode => ("postcode", "a postcode", "postcodes", 3),
            Kind::BirthDate => ("date-of-birth", "a date of birth", "dates of birth", 5),
            Kind::Age => ("age", "an exact age", "exact ages", 6),
            Kind::Phone => ("phone", "a phone number", "phone numbers", 2),
            Kind::Email => ("email", "an email address", "email addresses", 0),
            Kind::Address => ("address", "a street address", "street addresses", 4),
            Kind::Name => ("name", "a name", "names", 7),
        }
    }
}

/// Something that may identify someone: where it is (bytes of the text
/// scanned, on character boundaries) and what it looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub span: Range<usize>,
    pub kind: Kind,
}

/// What a scan needs besides the text: the words that never count (those
/// of the loaded content and the questions), and the year, to tell a date
/// of birth from the date of a recent meeting.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub ignore: &'a Words,
    pub year: i32,
}

/// Every finding in one line (spans are bytes of the line).
pub fn scan_line(text: &str, cx: &Context<'_>) -> Vec<Finding> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let line = Line::new(text);
    let mut found = Vec::new();
    email::find(text, &mut found);
    nhs::find(&line, &mut found);
    phone::find(&line, &mut found);
    postcode::find(&line, &mut found);
    dates::find(&line, cx.year, &mut found);
    ages::find(&line, &mut found);
    address::find(&line, &mut found);
    names::find(&line, cx.ignore, &mut found);
    without_overlaps(found)
}

/// Reads `line` token by token for one kind of detail: where `at(i)` finds
/// one (its first and last tokens), it is found, and reading goes on after
/// it.
fn find_each(
    line: &Line<'_>,
    kind: Kind,
    found: &mut Vec<Finding>,
    at: impl Fn(usize) -> Option<(usize, usize)>,
) {
    let mut i = 0;
    while i < line.len() {
        let Some((first, last)) = at(i) else {
            i += 1;
            continue;
        };
        let span = line.range(first).start..line.range(last).end;
        found.push(Finding { span, kind });
        i = last + 1;
    }
}

/// Keeps the higher-ranked of any two findings that overlap.
fn without_overlaps(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by_key(|f| (f.kind.rank(), f.span.start));
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for finding in found {
        let overlaps = kept
            .iter()
            .any(|k| k.span.start < finding.span.end && finding.span.start < k.span.end);
        if !overlaps && !finding.span.is_empty() {
            kept.push(finding);
        }
    }
    kept.sort_by_key(|f| f.span.start);
    kept
}

/// What a detector finds in `text`, as the text it marks (for the
/// detectors' own tests).
#[cfg(test)]
fn spans_found(text: &str, find: impl FnOnce(&Line<'_>, &mut Vec<Finding>)) -> Vec<&str> {
    let mut found = Vec::new();
    find(&Line::new(text), &mut found);
    found.iter().map(|f| &text[f.span.clone()]).collect()
}
