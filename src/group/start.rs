//! Finding the theme to present, and the fresh group record for it.
//!
//! Only public content and a new group record go in; there is no path
//! from here to private reflections.

use chrono::{DateTime, FixedOffset};

use crate::content::suggest::closest;
use crate::content::{Library, Pack, Theme};
use crate::store::{GroupRecord, new_reflection_id};

/// A theme id that is not in the loaded content, or that more than one
/// pack has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct UnknownTheme {
    pub id: String,
    pub suggestion: Option<String>,
    /// The themes there are, as `--theme` names them.
    pub known: Vec<String>,
    /// `id` is a theme of more than one pack: `known` is the choice.
    pub in_several_packs: bool,
}

impl UnknownTheme {
    fn message(&self) -> String {
        let (id, known) = (&self.id, self.known.join(", "));
        if self.in_several_packs {
            return format!("theme `{id}` is in more than one pack; name one: {known}");
        }
        let suggestion = self.suggestion.as_ref();
        let suggestion = suggestion.map(|s| format!(" (did you mean `{s}`?)"));
        format!(
            "no theme `{id}`{}; themes: {known}",
            suggestion.unwrap_or_default()
        )
    }
}

/// The pack and theme for `theme_id` (or `pack/theme`), or an error
/// naming the closest id, or the packs to choose from.
pub fn find_theme<'a>(
    library: &'a Library,
    theme_id: &str,
) -> Result<(&'a Pack, &'a Theme), UnknownTheme> {
    let names = library.theme_names();
    let choices: Vec<String> = names
        .iter()
        .filter(|n| n.rsplit('/').next() == Some(theme_id) && n.contains('/'))
        .cloned()
        .collect();
    if !choices.is_empty() {
        return Err(UnknownTheme {
            id: theme_id.to_string(),
            suggestion: None,
            known: choices,
            in_several_packs: true,
        });
    }
    library.find_theme(theme_id).ok_or_else(|| {
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        UnknownTheme {
            id: theme_id.to_string(),
            suggestion: closest(theme_id, &known).map(str::to_string),
            known: names.clone(),
            in_several_packs: false,
        }
    })
}

/// A new, empty group record for `theme`, with a sortable id such as
/// `2026-11-22-143012-child-mental-health` (the runtime makes it unique
/// with `RecordDir::reserve_id` before the first save).
pub fn new_record(pack: &Pack, theme: &Theme, wall: DateTime<FixedOffset>) -> GroupRecord {
    GroupRecord::new(
        new_reflection_id(wall, &theme.id),
        wall,
        &pack.id,
        &theme.id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Layer;

    #[test]
    fn unknown_theme_suggests_the_nearest() {
        let library = Library::load(&[Layer::builtin()]);
        let error = find_theme(&library, "child-mental-helth").unwrap_err();
        assert_eq!(error.suggestion.as_deref(), Some("child-mental-health"));
        let message = error.to_string();
        assert!(
            message.starts_with(
                "no theme `child-mental-helth` (did you mean `child-mental-health`?); themes: "
            ),
            "{message}"
        );
        let far = find_theme(&library, "zzz").unwrap_err();
        assert_eq!(far.suggestion, None);
        assert!(far.to_string().contains("extrafamilial-harm"));
    }

    /// A tester's two packs both had `extrafamilial-harm`: --theme always
    /// took the first, and the error listed the id twice.
    #[test]
    fn a_theme_in_two_packs_is_named_with_its_pack() {
        let mut library = Library::load(&[Layer::builtin()]);
        let mut copy = library.packs[0].clone();
        copy.id = "team-copy".into();
        library.packs.push(copy);
        let error = find_theme(&library, "extrafamilial-harm").unwrap_err();
        assert_eq!(
            error.to_string(),
            "theme `extrafamilial-harm` is in more than one pack; name one: \
             panel-2023-24/extrafamilial-harm, team-copy/extrafamilial-harm"
        );
        let (pack, theme) = find_theme(&library, "team-copy/extrafamilial-harm").unwrap();
        assert_eq!(
            (pack.id.as_str(), theme.id.as_str()),
            ("team-copy", "extrafamilial-harm")
        );
        let unknown = find_theme(&library, "nope").unwrap_err().to_string();
        assert!(
            unknown.contains("team-copy/child-mental-health"),
            "{unknown}"
        );
    }
}
