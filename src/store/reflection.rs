//! A practitioner's private reflection: one TOML file per reflection.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::handin::Handin;
use super::record::Record;
use crate::words::Audience;
use crate::words::id::slug;

/// Newest reflection file format this version reads and writes.
///
/// A record is written in the oldest format that holds what it has, so
/// older copies of reflect can still open it: format 1 until it has
/// hand-in details or a choice of reflective prompts, then format 2, which
/// older copies refuse rather than open and drop those on the next save.
///
/// Fields that only add something and are optional (`fine`, `notes_fine`:
/// what the identifying-details check was told is fine; `at`: the question
/// open) leave the format as it is: an older reflect that saves such a file
/// loses only the marks said to be fine, which come back as marks, and the
/// place to carry on from; nothing written is lost.
pub const FORMAT_VERSION: u32 = 2;
/// The format of a record with nothing format 2 added.
const FIRST_FORMAT: u32 = 1;

/// One sitting's private answers, notes and actions for a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    pub format: u32,
    pub id: String,
    pub started: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    pub pack: String,
    pub theme: String,
    pub audience: Audience,
    #[serde(default)]
    pub notes: String,
    #[serde(default, rename = "answer")]
    pub answers: Vec<Answer>,
    #[serde(default, rename = "action")]
    pub actions: Vec<Action>,
    /// What the hand-in forms ask that the questions do not (format 2).
    /// Boxed: most reflections have none, and a reflection travels in
    /// the app's actions, which stay small.
    #[serde(default, skip_serializing_if = "no_handin")]
    handin: Box<Handin>,
    /// The reflective prompts chosen for this reflection, by id (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prompts: Option<String>,
    /// What the identifying-details check marked in the notes that the
    /// writer said was fine.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "dropped_if_broken"
    )]
    pub notes_fine: Vec<Fine>,
    /// The question open when it was last saved (`"pack/theme/question"`):
    /// where the walkthrough carries on. Like `fine`, it only adds: an
    /// older reflect drops it on its next save, and the reflection then
    /// opens at its first unanswered question, as it always did.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "dropped_if_broken"
    )]
    pub at: Option<String>,
}

/// For the fields that only help (where to carry on, the marks said to
/// be fine): one that a hand edit broke (`at = 42`) is read as absent, so
/// the reflection still opens instead of being set aside as damaged.
fn dropped_if_broken<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Loose<T> {
        Fits(T),
        // Anything at all, read to be dropped.
        Broken(serde::de::IgnoredAny),
    }
    Ok(match Loose::<T>::deserialize(deserializer)? {
        Loose::Fits(value) => value,
        Loose::Broken(_) => T::default(),
    })
}

/// An answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// `"pack/theme/question"`.
    pub question: String,
    /// Copy of the question's wording as it was when answered.
    pub question_text: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub flagged: bool,
    pub updated: DateTime<FixedOffset>,
    /// What the identifying-details check marked in this answer that the
    /// writer said was fine: not marked again while it is in the answer.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "dropped_if_broken"
    )]
    pub fine: Vec<Fine>,
}

/// Something the identifying-details check marked that the writer said was
/// fine: its kind (`"name"`, `"postcode"`…, see `privacy::Kind::key`) and
/// its text. Kept with the answer it is in, in the same private file, and
/// dropped once the answer no longer holds it. An unknown kind (from a
/// newer reflect) is kept as it is and matches nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fine {
    pub kind: String,
    pub text: String,
}

/// Something the practitioner means to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub text: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

impl Answer {
    /// It has words in it (see [`crate::words::is_answered`]).
    pub fn is_answered(&self) -> bool {
        crate::words::is_answered(&self.text)
    }
}

impl Reflection {
    /// A new, empty reflection started at `now`.
    pub fn new(
        id: impl Into<String>,
        now: DateTime<FixedOffset>,
        pack: impl Into<String>,
        theme: impl Into<String>,
        audience: Audience,
    ) -> Self {
        Reflection {
            format: FIRST_FORMAT,
            id: id.into(),
            started: now,
            updated: now,
            pack: pack.into(),
            theme: theme.into(),
            audience,
            notes: String::new(),
            answers: Vec::new(),
            actions: Vec::new(),
            handin: Box::default(),
            prompts: None,
            notes_fine: Vec::new(),
            at: None,
        }
    }

    /// The hand-in details (all optional).
    pub fn handin(&self) -> &Handin {
        &self.handin
    }

    /// The hand-in details, to change: the record becomes format 2.
    pub fn handin_mut(&mut self) -> &mut Handin {
        self.format = self.format.max(FORMAT_VERSION);
        &mut self.handin
    }

    /// The id of the reflective prompts chosen for this reflection.
    pub fn prompts(&self) -> Option<&str> {
        self.prompts.as_deref()
    }

    /// Chooses the reflective prompts: the record becomes format 2.
    pub fn set_prompts(&mut self, id: impl Into<String>) {
        self.format = self.format.max(FORMAT_VERSION);
        self.prompts = Some(id.into());
    }

    /// The answer to `question_key` (`"pack/theme/question"`), if any.
    pub fn answer(&self, question_key: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.question == question_key)
    }

    /// The answer to `question_key`, adding an empty one (with `question_text`
    /// and `now`) if there is none. An existing answer is returned unchanged.
    pub fn answer_mut_or_insert(
        &mut self,
        question_key: &str,
        question_text: &str,
        now: DateTime<FixedOffset>,
    ) -> &mut Answer {
        match self.answers.iter().position(|a| a.question == question_key) {
            Some(i) => &mut self.answers[i],
            None => self.answers.push_mut(Answer {
                question: question_key.to_string(),
                question_text: question_text.to_string(),
                text: String::new(),
                flagged: false,
                updated: now,
                fine: Vec::new(),
            }),
        }
    }

    /// Answers whose text is not blank.
    pub fn answered_count(&self) -> usize {
        self.answers.iter().filter(|a| a.is_answered()).count()
    }

    /// Answers flagged for follow-up.
    pub fn flagged_count(&self) -> usize {
        self.answers.iter().filter(|a| a.flagged).count()
    }
}

/// serde hands the field itself to `skip_serializing_if`.
#[allow(clippy::borrowed_box)]
fn no_handin(handin: &Box<Handin>) -> bool {
    handin.is_empty()
}

impl Record for Reflection {
    const FORMAT: u32 = FORMAT_VERSION;
    const NOUN: &'static str = "reflection";
    const SET_ASIDE_WHEN: &'static str = "when it starts";
    fn format(&self) -> u32 {
        self.format
    }

    fn id(&self) -> &str {
        &self.id
    }
    fn updated(&self) -> DateTime<FixedOffset> {
        self.updated
    }
}

/// A sortable id such as `2026-11-22-143012-child-mental-health`.
pub fn new_reflection_id(now: DateTime<FixedOffset>, theme: &str) -> String {
    let stamp = now.format("%Y-%m-%d-%H%M%S").to_string();
    match slug(theme) {
        s if s.is_empty() => stamp,
        s => format!("{stamp}-{s}"),
    }
}

#[cfg(test)]
mod tests;
