//! "Did you mean ...?" suggestions for misspelt keys and values.

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_key() {
        let keys = ["id", "audience", "text", "question", "prompts"];
        assert_eq!(closest("qestion", &keys), Some("question"));
        assert_eq!(closest("audiance", &keys), Some("audience"));
        assert_eq!(closest("prompt", &keys), Some("prompts"));
    }

    #[test]
    fn no_suggestion_for_something_unrelated() {
        assert_eq!(closest("colour", &["id", "text"]), None);
    }

    #[test]
    fn counts_characters() {
        assert_eq!(edit_distance("café", "cafe"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
