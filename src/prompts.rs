//! Reflective prompts: an optional scaffold shown under the answer box
//! ("What? So what? Now what?", Gibbs' six stages). The texts are data
//! (`templates/prompts.toml`, compiled in) and reflect's own words, always
//! shown as reflect's and never styled as the Panel's.
//!
//! Which set shows: the one chosen in the review for the reflection, else
//! `reflective_prompts` in config.toml, else the pack's, else none.

use std::sync::OnceLock;

use serde::Deserialize;

/// The id that means "no prompts".
pub const NONE: &str = "none";

const SETS: &str = include_str!("../templates/prompts.toml");

/// One scaffold: its name, whose model it follows, and its prompts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptSet {
    pub id: String,
    pub name: String,
    /// "after Gibbs' reflective cycle": whose model it follows.
    pub after: String,
    pub prompts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    set: Vec<PromptSet>,
}

/// Every built-in set, in the order `p` goes through them.
pub fn all() -> &'static [PromptSet] {
    static PARSED: OnceLock<Vec<PromptSet>> = OnceLock::new();
    // The file is compiled in and a unit test reads it: it cannot fail
    // for a user, and if it did there would simply be no prompts.
    PARSED.get_or_init(|| toml::from_str::<File>(SETS).map_or_else(|_| Vec::new(), |f| f.set))
}

/// Every id a setting may name: "none", then each set's.
pub fn ids() -> Vec<&'static str> {
    std::iter::once(NONE)
        .chain(all().iter().map(|s| s.id.as_str()))
        .collect()
}

pub fn find(id: &str) -> Option<&'static PromptSet> {
    all().iter().find(|s| s.id == id)
}

/// The set to show: the first choice that is made, in order of who chose
/// it (the reflection's, the config file's, the pack's). "none", or an id
/// this version does not know, stops there with no prompts.
pub fn resolve(choices: [Option<&str>; 3]) -> Option<&'static PromptSet> {
    choices.into_iter().flatten().next().and_then(find)
}

/// The id after `current` (none, then each set, then none again).
pub fn next_after(current: Option<&PromptSet>) -> &'static str {
    let ids = ids();
    let at = current
        .and_then(|c| ids.iter().position(|id| *id == c.id))
        .unwrap_or(0);
    ids[(at + 1) % ids.len()]
}

/// "What? So what? Now what?", or "none".
pub fn name_of(set: Option<&PromptSet>) -> &str {
    set.map_or("none", |s| s.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_sets_are_read_whole() {
        let sets = all();
        assert_eq!(ids(), ["none", "driscoll", "gibbs"]);
        assert_eq!(sets[0].prompts.len(), 3);
        assert_eq!(sets[1].prompts.len(), 6, "Gibbs has six stages");
        let stages = [
            "Description",
            "Feelings",
            "Evaluation",
            "Analysis",
            "Conclusion",
            "Action plan",
        ];
        for (prompt, stage) in sets[1].prompts.iter().zip(stages) {
            assert!(prompt.starts_with(stage), "{prompt}");
        }
        for set in sets {
            assert!(set.after.starts_with("after "), "{}", set.id);
        }
    }

    #[test]
    fn the_first_choice_made_wins_and_none_means_none() {
        let gibbs = find("gibbs");
        assert_eq!(resolve([None, None, Some("gibbs")]), gibbs);
        assert_eq!(resolve([Some("gibbs"), Some("driscoll"), None]), gibbs);
        assert_eq!(resolve([None, Some("none"), Some("gibbs")]), None);
        assert_eq!(resolve([Some("from-a-newer-version"), None, None]), None);
        assert_eq!(resolve([None, None, None]), None);
    }

    #[test]
    fn p_goes_round_every_set_and_back_to_none() {
        assert_eq!(next_after(None), "driscoll");
        assert_eq!(next_after(find("driscoll")), "gibbs");
        assert_eq!(next_after(find("gibbs")), "none");
    }
}
