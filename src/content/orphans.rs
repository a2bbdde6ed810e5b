//! Saved answers whose question is no longer in its pack.
//!
//! Answers are stored under `pack/theme/question` and are never dropped; but
//! a team lead who renames or removes an id detaches the answers people
//! wrote to it. `reflect check` says so, as a warning, so the cost of the
//! rename is visible before the pack is shared.

use std::collections::BTreeMap;

use super::diagnostic::Diagnostic;
use super::library::Library;
use super::model::{Pack, QuestionKey};
use super::suggest;

/// Answers to one question id that the loaded pack no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphaned {
    pub key: QuestionKey,
    pub answers: usize,
}

/// Answer ids that name a loaded pack but a theme or question it does not
/// have, counted. Ids of packs that are not loaded say nothing about this
/// content (they may come from another folder) and are left out.
pub fn orphaned<'k>(library: &Library, keys: impl IntoIterator<Item = &'k str>) -> Vec<Orphaned> {
    let mut counts: BTreeMap<QuestionKey, usize> = BTreeMap::new();
    for key in keys.into_iter().filter_map(QuestionKey::parse) {
        let Some(pack) = library.pack(&key.pack) else {
            continue;
        };
        let exists = pack
            .theme(&key.theme)
            .is_some_and(|t| t.question(&key.question).is_some());
        if !exists {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .map(|(key, answers)| Orphaned { key, answers })
        .collect()
}

/// One warning per orphaned id, placed at the pack's main file. The answers'
/// text is never part of it.
pub fn warnings(library: &Library, orphans: &[Orphaned]) -> Vec<Diagnostic> {
    orphans
        .iter()
        .filter_map(|o| Some(warning(library.pack(&o.key.pack)?, o)))
        .collect()
}

fn warning(pack: &Pack, orphan: &Orphaned) -> Diagnostic {
    let main_file = pack.origin.files.first().cloned().unwrap_or_default();
    let message = match orphan.answers {
        1 => format!(
            "1 saved answer refers to `{}`, which is no longer in this pack",
            orphan.key
        ),
        n => format!(
            "{n} saved answers refer to `{}`, which is no longer in this pack",
            orphan.key
        ),
    };
    let key = &orphan.key;
    let missing = match pack.theme(&key.theme) {
        None => {
            let ids: Vec<&str> = pack.themes.iter().map(|t| t.id.as_str()).collect();
            let renamed = renamed_to(&key.theme, &ids);
            format!("this pack has no theme `{}`{renamed}", key.theme)
        }
        Some(theme) => {
            let ids: Vec<&str> = theme.questions.iter().map(|q| q.id.as_str()).collect();
            let renamed = renamed_to(&key.question, &ids);
            format!(
                "theme `{}` has no question `{}`{renamed}",
                key.theme, key.question
            )
        }
    };
    Diagnostic::warning(&main_file, message)
        .hint(missing)
        .hint(
            "the answers are kept, and the app shows them as \"from a question no longer in this pack\"",
        )
        .hint("to keep them attached, keep the old id: change a question's wording freely, not its id")
}

/// "; was it renamed to `x`?" when an id is close to the old one or one
/// contains the other (`the-first` and `first`); otherwise nothing.
fn renamed_to(old: &str, ids: &[&str]) -> String {
    suggest::closest(old, ids)
        .or_else(|| {
            ids.iter()
                .copied()
                .find(|id| id.contains(old) || old.contains(id))
        })
        .map(|id| format!("; was it renamed to `{id}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::content::Layer;

    fn builtin() -> Library {
        Library::load(&[Layer::builtin()])
    }

    #[test]
    fn only_missing_themes_and_questions_of_loaded_packs_count() {
        let library = builtin();
        let (pack, theme) = library.themes().next().unwrap();
        let question = &theme.questions[0];
        let present = format!("{}/{}/{}", pack.id, theme.id, question.id);
        let gone_question = format!("{}/{}/{}-old", pack.id, theme.id, question.id);
        let gone_theme = format!("{}/no-such-theme/q", pack.id);
        let keys = [
            present.as_str(),
            gone_question.as_str(),
            gone_question.as_str(),
            gone_theme.as_str(),
            "another-pack/t/q",
            "not a key",
        ];
        let found = orphaned(&library, keys);
        let summary: Vec<(String, usize)> = found
            .iter()
            .map(|o| (o.key.to_string(), o.answers))
            .collect();
        assert_eq!(summary, [(gone_question.clone(), 2), (gone_theme, 1)]);
        let warnings = warnings(&library, &found);
        assert_eq!(warnings.len(), 2);
        let w = &warnings[0];
        assert!(!w.is_error());
        assert_eq!(
            w.message,
            format!("2 saved answers refer to `{gone_question}`, which is no longer in this pack")
        );
        assert_eq!(w.path, pack.origin.files[0]);
        assert!(
            w.hints[0].ends_with(&format!("was it renamed to `{}`?", question.id)),
            "{w}"
        );
        assert!(w.hints[1].contains("from a question no longer in this pack"));
        assert!(warnings[1].message.starts_with("1 saved answer refers to"));
        assert!(warnings[1].hints[0].starts_with("this pack has no theme `no-such-theme`"));
        assert_eq!(
            warnings[1].path.parent(),
            Some(Path::new("<built-in>/panel-2023-24"))
        );
    }
}
