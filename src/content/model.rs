//! The validated content model: what the rest of the app reads.
//!
//! Raw TOML never leaves `content::parse`; everything here has passed
//! validation, so screens can rely on ids being unique and text non-empty.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Who a reflective question is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Those working directly with children, young people and families.
    Practitioner,
    /// Strategic leaders and senior and middle managers.
    Leader,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Practitioner, Audience::Leader];

    /// The spelling used in TOML files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Practitioner => "practitioner",
            Audience::Leader => "leader",
        }
    }

    /// The Panel's own heading for this audience's questions.
    pub fn heading(self) -> &'static str {
        match self {
            Audience::Practitioner => "Reflective questions for practitioners",
            Audience::Leader => {
                "Reflective questions for strategic leaders and senior and middle managers"
            }
        }
    }

    /// A short label for footers and tabs.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Practitioner => "Practitioner",
            Audience::Leader => "Strategic leader / manager",
        }
    }

    pub fn from_key(key: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.key() == key)
    }

    pub fn other(self) -> Audience {
        match self {
            Audience::Practitioner => Audience::Leader,
            Audience::Leader => Audience::Practitioner,
        }
    }
}

impl fmt::Display for Audience {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A headline number from the report, e.g. "485" children affected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    pub period: Option<String>,
    pub text: Option<String>,
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// What the Panel's public statement said about this theme.
    pub statement: Option<String>,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Human name of the layer: "built-in", "your content folder", a path.
    pub layer: String,
    /// The files that make up the pack, main file first.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub copyright: Option<String>,
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

/// The stable key an answer is stored under: `pack/theme/question`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QuestionKey {
    pub pack: String,
    pub theme: String,
    pub question: String,
}

impl QuestionKey {
    pub fn new(pack: &str, theme: &str, question: &str) -> Self {
        QuestionKey {
            pack: pack.to_owned(),
            theme: theme.to_owned(),
            question: question.to_owned(),
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '/');
        let (pack, theme, question) = (parts.next()?, parts.next()?, parts.next()?);
        if [pack, theme, question].iter().any(|p| p.is_empty()) {
            return None;
        }
        Some(QuestionKey::new(pack, theme, question))
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.pack, self.theme, self.question)
    }
}
