//! The validated content model: what the rest of the app reads.
//!
//! Raw TOML never leaves `content::parse`; everything here has passed
//! validation, so screens can rely on ids being unique and text non-empty.

use std::path::PathBuf;

pub use crate::words::{Audience, QuestionKey};

/// A headline number from the report, e.g. "485" children affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    pub period: Option<String>,
    /// The opening of the Panel's statement (for the built-in pack).
    pub statement: Option<String>,
    /// The name of the document `statement` and each theme's `statement`
    /// come from, e.g. "the Panel's statement of 12 December 2024".
    pub statement_from: Option<String>,
    /// The briefing's introduction (for the built-in pack).
    pub text: Option<String>,
    /// The name of the document `text`, the summaries, key data, learning
    /// and questions come from, e.g. "the briefing on the Annual Report".
    pub text_from: Option<String>,
    pub figures: Vec<Figure>,
    pub questions_intro: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conclusion {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub audience: Audience,
    pub text: String,
    pub prompts: Vec<String>,
    /// The theme's learning points this question relates to (0-based), as
    /// the pack states them; empty when the pack states no link.
    pub learning: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// What the Panel's public statement said about this theme.
    pub statement: Option<String>,
    /// The heading the statement gives the theme, where it differs.
    pub statement_heading: Option<String>,
    /// Whom the Panel calls on to act (government departments and others).
    pub calls_on: Option<String>,
    pub key_data: Vec<String>,
    pub learning: Vec<String>,
    pub questions: Vec<Question>,
}

impl Theme {
    pub fn questions_for(&self, audience: Audience) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.audience == audience)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Where a pack came from, for messages like "replaces the built-in pack".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// Human name of the layer: "built-in", "your content folder", a path.
    pub layer: String,
    /// The files that make up the pack, main file first.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub source: Option<String>,
    /// The source in a few words, for the quiet line on every screen.
    pub short_source: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// The words that lead to the link, e.g. "Read the full report here:".
    pub link_text: Option<String>,
    pub licence: Option<String>,
    pub copyright: Option<String>,
    /// The reflective prompts the pack suggests, by id (or "none"); the
    /// user's own choice wins.
    pub prompts: Option<String>,
    pub overview: Overview,
    pub themes: Vec<Theme>,
    pub conclusion: Option<Conclusion>,
    pub origin: Origin,
}

impl Pack {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}
