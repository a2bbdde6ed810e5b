//! The word lists compiled into the binary (see `data/`, and the README for
//! where they come from), read once, in lower case.

use std::collections::HashSet;
use std::sync::OnceLock;

const FIRST_NAMES: &str = include_str!("data/first-names.txt");
const SURNAMES: &str = include_str!("data/surnames.txt");
const ORDINARY: &str = include_str!("data/ordinary-words.txt");

fn read(text: &'static str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

fn set(cell: &'static OnceLock<HashSet<String>>, text: &'static str) -> &'static HashSet<String> {
    cell.get_or_init(|| read(text))
}

pub fn is_first_name(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    set(&CELL, FIRST_NAMES).contains(lower)
}

pub fn is_surname(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    set(&CELL, SURNAMES).contains(lower)
}

/// A name that is also an ordinary word ("Grace", "Brown", "May").
pub fn is_ordinary(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    set(&CELL, ORDINARY).contains(lower)
}

/// Titles before a name.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "master",
];

/// Names of people that are also the names of places: after "in", "from",
/// "near" and the like they are taken as places.
#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "chelsea", "florence", "sydney", "lincoln", "preston", "stanley", "chester", "jersey",
    "austin", "georgia", "jordan", "victoria", "charlotte", "hamilton", "bradley", "camden",
    "kingston", "paris", "india", "israel", "adelaide", "orlando", "winston", "beverley",
    "douglas", "lewis", "barton", "burton", "sutton", "newton", "middleton", "walton", "clayton",
    "holland", "kent", "york", "devon", "derby", "carlisle", "bolton", "darlington", "shelby",
];

/// Words before a place.
#[rustfmt::skip]
pub const PLACE_BEFORE: &[&str] = &[
    "in", "from", "near", "into", "via", "around", "across", "outside", "towards", "through", "at",
    "of",
];

/// People behind the names of conditions, tools, theories and reports,
/// which never count on their own.
#[rustfmt::skip]
pub const EPONYMS: &[&str] = &[
    "asperger", "alzheimer", "tourette", "crohn", "parkinson", "hodgkin", "huntington", "apgar",
    "gillick", "caldicott", "laming", "munro", "kolb", "gibbs", "driscoll", "bowlby", "ainsworth",
    "piaget", "winnicott", "maslow", "erikson", "vygotsky", "bronfenbrenner", "barnardo",
    "munchausen", "heimlich", "glasgow", "edinburgh", "denver", "braden", "rolfe", "johns",
    "schon", "schön", "fraser", "down",
];

/// Words after a name that make it the name of a condition, a tool, a
/// theory or a report: "Down syndrome", "Fraser guidelines", "Bell's palsy".
#[rustfmt::skip]
pub const NAMED_THINGS: &[&str] = &[
    "syndrome", "disease", "palsy", "scale", "score", "test", "sign", "criteria", "competence",
    "competent", "competency", "guidelines", "guidance", "principles", "principle", "model",
    "cycle", "review", "report", "inquiry", "framework", "theory", "hierarchy", "method",
    "approach", "triangle", "questionnaire", "procedure", "manoeuvre", "reflex", "chart", "tool",
];

/// Words after a name that make it the name of a place or a body: "Grace
/// Hospital", "Victoria Road" (but "Poppy's school" is Poppy's).
#[rustfmt::skip]
pub const NAMED_PLACES: &[&str] = &[
    "hospital", "school", "primary", "academy", "college", "university", "church", "centre",
    "center", "house", "road", "street", "lane", "avenue", "park", "surgery", "practice", "clinic",
    "ward", "unit", "trust", "council", "court", "estate", "close", "drive", "way", "square",
    "gardens", "station", "library", "nursery", "infants", "juniors", "community", "medical",
    "health", "foundation", "hub", "fc", "united", "city", "borough", "county", "town", "village",
    "line", "bridge", "terrace", "crescent", "grove", "place",
];

/// Words before a name that tell of a person: "told Will", "with Grace".
#[rustfmt::skip]
pub const PERSON_BEFORE: &[&str] = &[
    "to", "with", "told", "asked", "saw", "seen", "met", "meet", "visited", "phoned", "rang",
    "called", "named", "tell", "ask", "see", "and", "by", "for", "about", "helped", "supported",
    "thanked", "reassured", "encouraged", "heard", "believed", "says", "dad", "mum", "brother",
    "sister", "son", "daughter", "nan", "grandma", "grandad", "aunt", "uncle", "cousin",
];

/// Words after a name that tell of a person: "Mark said", "Grace was".
#[rustfmt::skip]
pub const PERSON_AFTER: &[&str] = &[
    "said", "says", "told", "asked", "was", "is", "has", "had", "who", "disclosed", "reported",
    "lives", "lived", "attends", "attended", "cried", "shouted", "felt", "feels", "seemed",
    "wanted", "wants", "explained", "described", "mentioned", "refused", "agreed", "became",
    "looked", "appeared", "went", "came", "left", "ran", "smiled", "laughed", "spoke", "talked",
    "and", "didn't", "doesn't", "wasn't", "isn't", "hasn't",
];

/// Words after a name at the start of a sentence that tell of a person
/// (no "is" or "was": "Hope is important" is about hope).
#[rustfmt::skip]
pub const PERSON_ACTS: &[&str] = &[
    "said", "says", "told", "asked", "disclosed", "reported", "cried", "shouted", "explained",
    "described", "mentioned", "refused", "agreed", "smiled", "laughed", "spoke", "talked", "lives",
    "lived", "attends", "attended",
];

/// Words that introduce a name whatever it is: "a boy called Kai".
#[rustfmt::skip]
pub const NAMING: &[&str] = &[
    "called", "named", "nicknamed",
];

/// Roles in safeguarding named with "Named" ("the Named Nurse", "our Named
/// Doctor for safeguarding"): after it, one of these is no name.
pub const NAMED_ROLES: &[&str] = &[
    "nurse",
    "doctor",
    "midwife",
    "gp",
    "professional",
    "practitioner",
    "person",
    "lead",
    "officer",
    "safeguarding",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read_in_lower_case_without_comments() {
        assert!(is_first_name("sarah") && is_first_name("muhammad"));
        assert!(is_surname("patel") && is_surname("o'brien"));
        assert!(is_ordinary("grace") && is_ordinary("brown"));
        assert!(!is_first_name("#") && !is_first_name("sarah "));
        assert!(!is_first_name("Sarah"), "looked up in lower case");
        for word in read(ORDINARY) {
            assert!(
                is_first_name(&word) || is_surname(&word),
                "{word} is on neither list"
            );
        }
    }
}
