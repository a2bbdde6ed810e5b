//! What a group session shows: a copy of the chosen theme's public content.
//!
//! The session owns this copy rather than borrowing the library, so the
//! runtime can reload content without lifetimes tying it to the session.
//! Nothing here can hold private text: it is built only from a [`Pack`] and
//! a [`Theme`].

use crate::content::{Audience, Conclusion, Figure, Pack, Question, Theme, attribution};

/// Whose reflective questions the group discusses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupAudience {
    Practitioner,
    Leader,
    /// Practitioners' questions first, then leaders'.
    #[default]
    Both,
}

impl GroupAudience {
    /// The spelling used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            GroupAudience::Practitioner => "practitioner",
            GroupAudience::Leader => "leader",
            GroupAudience::Both => "both",
        }
    }

    /// The content audiences included, in the order they are shown.
    pub fn audiences(self) -> &'static [Audience] {
        match self {
            GroupAudience::Practitioner => &[Audience::Practitioner],
            GroupAudience::Leader => &[Audience::Leader],
            GroupAudience::Both => &Audience::ALL,
        }
    }
}

/// Everything the slides are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckContent {
    pub pack_title: String,
    pub theme_title: String,
    pub period: Option<String>,
    pub figures: Vec<Figure>,
    pub key_data: Vec<String>,
    pub learning: Vec<String>,
    pub questions: Vec<Question>,
    pub audience: GroupAudience,
    /// The quiet source line of the title and closing slides.
    pub credit: Option<String>,
    /// The pack's statement's opening, and the name of that document.
    pub statement_opening: Option<String>,
    pub statement_from: Option<String>,
    /// The theme as the Panel introduced it: the briefing's summary and the
    /// statement's paragraph (under the statement's heading, if it has one).
    pub theme_summary: Option<String>,
    pub theme_statement: Option<String>,
    pub theme_statement_heading: Option<String>,
    pub conclusion: Option<Conclusion>,
}

impl DeckContent {
    pub fn new(pack: &Pack, theme: &Theme, audience: GroupAudience) -> Self {
        let questions = audience
            .audiences()
            .iter()
            .flat_map(|&a| theme.questions_for(a).cloned())
            .collect();
        DeckContent {
            pack_title: pack.title.clone(),
            theme_title: theme.title.clone(),
            period: pack.overview.period.clone(),
            figures: pack.overview.figures.clone(),
            key_data: theme.key_data.clone(),
            learning: theme.learning.clone(),
            questions,
            audience,
            credit: Some(attribution::quiet_line(pack)).filter(|c| !c.is_empty()),
            statement_opening: pack.overview.statement.clone(),
            statement_from: pack.overview.statement_from.clone(),
            theme_summary: theme.summary.clone(),
            theme_statement: theme.statement.clone(),
            theme_statement_heading: theme.statement_heading.clone(),
            conclusion: pack.conclusion.clone(),
        }
    }
}
