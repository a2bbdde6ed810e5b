//! Finding the theme to present, and the fresh group record for it.
//!
//! Only public content and a new group record go in; there is no path
//! from here to private reflections.

use chrono::{DateTime, FixedOffset};

use crate::content::suggest::closest;
use crate::content::{Library, Pack, Theme};
use crate::store::{GroupRecord, new_reflection_id};

/// A theme id that is not in the loaded content.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no theme `{id}`{}; themes: {}", .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default(), .known.join(", "))]
pub struct UnknownTheme {
    pub id: String,
    pub suggestion: Option<String>,
    pub known: Vec<String>,
}

/// The pack and theme for `theme_id`, or an error naming the closest id.
pub fn find_theme<'a>(
    library: &'a Library,
    theme_id: &str,
) -> Result<(&'a Pack, &'a Theme), UnknownTheme> {
    library.find_theme(theme_id).ok_or_else(|| {
        let known: Vec<&str> = library.themes().map(|(_, t)| t.id.as_str()).collect();
        UnknownTheme {
            id: theme_id.to_string(),
            suggestion: closest(theme_id, &known).map(str::to_string),
            known: known.iter().map(|k| k.to_string()).collect(),
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
}
