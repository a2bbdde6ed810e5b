//! Before `reflect export` writes: what the identifying-details check
//! still marks in the reflection. Writing a file with marks is asked about
//! once on the terminal (`--force` skips the question; with no terminal to
//! ask on, nothing is written); printing to standard output only says how
//! many, on standard error. Only counts, kinds and places are ever
//! printed, never the text that was marked.

use std::io::{BufRead, Write};
use std::path::Path;

use crate::content::Library;
use crate::privacy::Marked;
use crate::privacy::marks::{count_words, describe, still_marked};
use crate::store::Reflection;

/// How the check is to be applied to one export.
pub struct Guard<'a> {
    /// `identifying_check` in `config.toml`.
    pub enabled: bool,
    /// `--force`: write without asking.
    pub force: bool,
    /// This year, to tell a date of birth from a recent date.
    pub year: i32,
    /// Where to ask, when standard input is a terminal.
    pub ask: Option<&'a mut dyn BufRead>,
}

/// What to do about the marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Write,
    /// Not written: the reason has been told on `err`.
    Refused,
}

/// What is still marked in `reflection` (nothing when the check is off).
pub fn marked(reflection: &Reflection, library: &Library, guard: &Guard<'_>) -> Vec<Marked> {
    if guard.enabled {
        still_marked(reflection, library, guard.year)
    } else {
        Vec::new()
    }
}

/// One line: "3 possible identifying details are still marked (Question 2:
/// a name and a postcode; Notes: a phone number)".
pub fn summary(marked: &[Marked]) -> String {
    let total = marked.iter().map(Marked::count).sum();
    let places: Vec<String> = marked
        .iter()
        .map(|m| format!("{}: {}", m.place, describe(&m.kinds)))
        .collect();
    format!(
        "{} still marked ({})",
        count_words(total),
        places.join("; ")
    )
}

/// Before writing `path`: asks once when anything is marked, unless forced.
pub fn before_file(
    marked: &[Marked],
    path: &Path,
    guard: &mut Guard<'_>,
    err: &mut dyn Write,
) -> std::io::Result<Verdict> {
    if marked.is_empty() {
        return Ok(Verdict::Write);
    }
    let summary = summary(marked);
    if guard.force {
        writeln!(err, "reflect: {summary}; writing anyway (--force)")?;
        return Ok(Verdict::Write);
    }
    let Some(input) = guard.ask.as_deref_mut() else {
        writeln!(
            err,
            "reflect: {summary}; {} was not written. Open the reflection in reflect: the \
             review lists them, and in an answer Ctrl-G goes to each and Ctrl-O marks one as \
             fine. Or use --force to write anyway.",
            path.display()
        )?;
        return Ok(Verdict::Refused);
    };
    write!(
        err,
        "reflect: {summary}. Write {} anyway? [y/N] ",
        path.display()
    )?;
    err.flush()?;
    let mut answer = String::new();
    input.read_line(&mut answer)?;
    if matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
        return Ok(Verdict::Write);
    }
    writeln!(err, "reflect: nothing written")?;
    Ok(Verdict::Refused)
}

/// After printing to standard output: how many are marked, on `err`.
pub fn after_stdout(marked: &[Marked], err: &mut dyn Write) -> std::io::Result<()> {
    if !marked.is_empty() {
        writeln!(err, "reflect: {}", summary(marked))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Audience, Layer};
    use chrono::DateTime;

    fn reflection(text: &str) -> Reflection {
        let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap();
        let mut r = Reflection::new(
            "r",
            now,
            "panel-2023-24",
            "child-mental-health",
            Audience::Practitioner,
        );
        let key = "panel-2023-24/child-mental-health/voice-of-the-child";
        r.answer_mut_or_insert(key, "Q", now).text = text.into();
        r
    }

    fn verdict(text: &str, force: bool, typed: Option<&str>) -> (Verdict, String) {
        let library = Library::load(&[Layer::builtin()]);
        let mut input = typed.map(|t| std::io::Cursor::new(t.as_bytes().to_vec()));
        let mut guard = Guard {
            enabled: true,
            force,
            year: 2026,
            ask: input.as_mut().map(|i| i as &mut dyn BufRead),
        };
        let marked = marked(&reflection(text), &library, &guard);
        let mut err = Vec::new();
        let verdict = before_file(&marked, Path::new("sheet.md"), &mut guard, &mut err).unwrap();
        (verdict, String::from_utf8(err).unwrap())
    }

    #[test]
    fn asks_once_and_writes_only_on_yes() {
        let (v, err) = verdict("Tyler lives at LS6 3AB", false, Some("y\n"));
        assert_eq!(v, Verdict::Write);
        assert_eq!(
            err,
            "reflect: 2 possible identifying details are still marked (Question 2: a name \
             and a postcode). Write sheet.md anyway? [y/N] "
        );
        for typed in ["\n", "n\n", "", "yess\n"] {
            let (v, err) = verdict("Tyler lives at LS6 3AB", false, Some(typed));
            assert_eq!(v, Verdict::Refused, "{typed:?}");
            assert!(err.ends_with("reflect: nothing written\n"), "{err}");
        }
        let (v, _) = verdict("Tyler", false, Some(" YES \n"));
        assert_eq!(v, Verdict::Write);
    }

    #[test]
    fn without_a_terminal_nothing_is_written_unless_forced() {
        let (v, err) = verdict("Tyler lives at LS6 3AB", false, None);
        assert_eq!(v, Verdict::Refused);
        assert!(
            err.contains("sheet.md was not written") && err.contains("--force"),
            "{err}"
        );
        let (v, err) = verdict("Tyler lives at LS6 3AB", true, None);
        assert_eq!(v, Verdict::Write);
        assert!(err.contains("writing anyway (--force)"), "{err}");
        assert!(!err.contains("Tyler") && !err.contains("LS6"), "{err}");
    }

    #[test]
    fn with_nothing_marked_or_the_check_off_nothing_is_asked() {
        let (v, err) = verdict("We listened to the child.", false, None);
        assert_eq!((v, err.as_str()), (Verdict::Write, ""));
        let library = Library::load(&[Layer::builtin()]);
        let guard = Guard {
            enabled: false,
            force: false,
            year: 2026,
            ask: None,
        };
        assert!(marked(&reflection("Tyler"), &library, &guard).is_empty());
    }
}
