//! A read-only look at saved reflections, for `reflect check`.
//!
//! [`crate::store::RecordDir`] creates its folder, tightens its permissions
//! and moves damaged files aside: right for the app, which owns the notes,
//! wrong for a checking tool run by a team lead. This reads what it can,
//! changes nothing, skips what it cannot read, and keeps only the question
//! ids answers were given to (never their text).

use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::words::id::validate_id;

/// The question ids (`pack/theme/question`) that saved answers refer to,
/// once per answer with text or a flag, and how many files were skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnsweredQuestions {
    pub keys: Vec<String>,
    /// Record files that could not be read or parsed (left as they are).
    pub skipped: usize,
}

#[derive(Deserialize)]
struct Keys {
    #[serde(default, rename = "answer")]
    answers: Vec<Key>,
}

#[derive(Deserialize)]
struct Key {
    question: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    flagged: bool,
}

/// Reads every `ID.toml` in `dir` without changing anything; a folder that
/// does not exist (or cannot be listed) holds no answers.
pub fn answered_questions(dir: &Path) -> AnsweredQuestions {
    let mut found = AnsweredQuestions::default();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_record = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".toml"))
            .is_some_and(|id| validate_id(id).is_ok());
        if !is_record || !path.is_file() {
            continue;
        }
        let parsed = fs::read_to_string(&path)
            .ok()
            .and_then(|text| toml::from_str::<Keys>(&text).ok());
        match parsed {
            Some(keys) => found.keys.extend(
                keys.answers
                    .into_iter()
                    .filter(|a| a.flagged || crate::words::is_answered(&a.text))
                    .map(|a| a.question),
            ),
            None => found.skipped += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{RecordDir, Reflection};
    use crate::words::Audience;
    use chrono::DateTime;
    use tempfile::TempDir;

    #[test]
    fn reads_answer_ids_and_changes_nothing() {
        let tmp = TempDir::new().unwrap();
        let dir = RecordDir::<Reflection>::open(tmp.path().join("r")).unwrap();
        let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap();
        let mut r = Reflection::new("one", now, "p", "t", Audience::Practitioner);
        r.answer_mut_or_insert("p/t/a", "A?", now).text = "written".into();
        r.answer_mut_or_insert("p/t/b", "B?", now).flagged = true;
        r.answer_mut_or_insert("p/t/opened-only", "C?", now);
        dir.save(&r).unwrap();
        std::fs::write(dir.dir().join("broken.toml"), "answer = [").unwrap();
        std::fs::write(dir.dir().join("Not An Id.toml"), "x").unwrap();
        let before = listing(dir.dir());
        let found = answered_questions(dir.dir());
        assert_eq!(found.keys, ["p/t/a", "p/t/b"]);
        assert_eq!(found.skipped, 1);
        assert_eq!(listing(dir.dir()), before, "nothing moved aside");
    }

    #[test]
    fn a_missing_folder_is_not_created() {
        let tmp = TempDir::new().unwrap();
        let missing = tmp.path().join("reflections");
        assert_eq!(answered_questions(&missing), AnsweredQuestions::default());
        assert!(!missing.exists());
    }

    fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, fs::read(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}
