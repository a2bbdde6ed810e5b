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

/// Edit distance over characters, counting a swap of two neighbouring
/// characters (`tilte`, `drak`) as one edit, the commonest typo of all
/// (optimal string alignment distance).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
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
    fn a_swap_of_neighbours_is_one_typo() {
        assert_eq!(edit_distance("drak", "dark"), 1);
        assert_eq!(closest("tilte", &["id", "title", "text"]), Some("title"));
        assert_eq!(
            closest("drak", &["dark", "light", "high-contrast"]),
            Some("dark")
        );
    }

    #[test]
    fn counts_characters() {
        assert_eq!(edit_distance("café", "cafe"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
