//! The domain's words, shared by content, storage and screens alike: who a
//! question is for, how a question is named in a saved answer, the one rule
//! for record ids, and when a question counts as answered.
//!
//! Everything here is small, pure and below every other module, so content
//! and storage need not reach into each other.

pub mod id;

use std::fmt;

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

    /// The people themselves, in a sentence ("no questions for …").
    pub fn plural(self) -> &'static str {
        match self {
            Audience::Practitioner => "practitioners",
            Audience::Leader => "strategic leaders and managers",
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

/// A question counts as answered once its answer has any words in it
/// (a flag alone, or spaces, do not count).
pub fn is_answered(text: &str) -> bool {
    !text.trim().is_empty()
}
