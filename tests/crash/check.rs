//! Reading what the app left in its reflections folder, and saying how it
//! differs from what was typed, in lengths and short excerpts only.

use std::path::{Path, PathBuf};

use reflect::store::Reflection;

/// The reflections folder after a run.
pub struct Folder {
    /// Every `ID.toml`, parsed.
    pub saved: Vec<(PathBuf, Reflection)>,
    /// Every `.ID.toml.tmp-PID-N` a save left behind, as its valid UTF-8 start.
    pub temps: Vec<(PathBuf, String)>,
}

pub fn reflections(home: &Path) -> PathBuf {
    home.join("config/reflections")
}

/// Reads the folder; `Err` names a `.toml` that is not a whole reflection.
pub fn read_folder(dir: &Path) -> Result<Folder, String> {
    let mut folder = Folder {
        saved: Vec::new(),
        temps: Vec::new(),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(folder);
    };
    for entry in entries {
        let path = entry
            .map_err(|e| format!("listing {}: {e}", dir.display()))?
            .path();
        let name = file_name(&path);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            // A save's temp file, renamed into place between the listing
            // and the reading: the next look sees the file it became.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("reading {name}: {e}")),
        };
        if name.contains(".tmp-") {
            folder.temps.push((path, valid_start(&bytes)));
        } else if name.ends_with(".toml") {
            let text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))?;
            let parsed = toml::from_str::<Reflection>(&text)
                .map_err(|e| format!("{name} does not parse as a Reflection: {e}"))?;
            folder.saved.push((path, parsed));
        }
    }
    Ok(folder)
}

pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// A temp file can end anywhere, even inside a character.
fn valid_start(bytes: &[u8]) -> String {
    let end = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// The text of the one answer that has any; "" if none does.
pub fn answer_text(reflection: &Reflection) -> Result<String, String> {
    let written: Vec<&str> = reflection
        .answers
        .iter()
        .map(|a| a.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    match written.as_slice() {
        [] => Ok(String::new()),
        [one] => Ok((*one).to_string()),
        many => Err(format!(
            "{} answers have text; only one was typed into",
            many.len()
        )),
    }
}

/// The saved answer in a folder that should hold at most one reflection.
pub fn only_answer(folder: &Folder) -> Result<String, String> {
    match folder.saved.as_slice() {
        [] => Ok(String::new()),
        [(_, reflection)] => answer_text(reflection),
        many => Err(format!(
            "{} reflection files; expected at most one",
            many.len()
        )),
    }
}

/// The `text = ...` values in a (possibly cut-off) reflection file: a cut
/// string is closed and read as far as it goes.
pub fn answer_texts_in(partial: &str) -> Vec<String> {
    partial
        .lines()
        .filter(|line| line.starts_with("text = "))
        .filter_map(read_text_line)
        .collect()
}

fn read_text_line(line: &str) -> Option<String> {
    let quote = line.chars().nth("text = ".len())?;
    let mut candidate = line.to_string();
    for _ in 0..8 {
        let closed = format!("{candidate}{quote}");
        for attempt in [candidate.as_str(), closed.as_str()] {
            if let Ok(table) = toml::from_str::<toml::Table>(attempt) {
                return table.get("text")?.as_str().map(str::to_string);
            }
        }
        candidate.pop()?; // cut inside an escape: drop a character, try again
    }
    None
}

/// `Ok` if `part` is a prefix of `typed`; otherwise where they first differ.
pub fn prefix_of(part: &str, typed: &str) -> Result<(), String> {
    if typed.starts_with(part) {
        return Ok(());
    }
    let same = part
        .chars()
        .zip(typed.chars())
        .take_while(|(a, b)| a == b)
        .count();
    Err(format!(
        "{} chars, not a prefix of the {} typed: they differ at char {same} ({:?} vs {:?})",
        part.chars().count(),
        typed.chars().count(),
        excerpt(part, same),
        excerpt(typed, same),
    ))
}

/// Up to 20 characters of `text` from char `at`.
pub fn excerpt(text: &str, at: usize) -> String {
    text.chars().skip(at).take(20).collect()
}

/// The last `n` characters of `text`.
pub fn tail(text: &str, n: usize) -> String {
    let count = text.chars().count();
    text.chars().skip(count.saturating_sub(n)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_temp_files_give_the_text_so_far() {
        let whole = "question_text = \"Q?\"\ntext = \"child café \"\nflagged = false\n";
        assert_eq!(answer_texts_in(whole), ["child café "]);
        assert_eq!(
            answer_texts_in("question_text = \"Q?\"\ntext = \"chi"),
            ["chi"]
        );
        assert_eq!(answer_texts_in("text = \"a\\"), ["a"]);
        assert_eq!(answer_texts_in("text = \""), [""]);
        assert!(answer_texts_in("question_text = \"text = x\"\ntex").is_empty());
        let cut_in_char = "text = \"caf\u{e9}".as_bytes();
        let cut = valid_start(&cut_in_char[..cut_in_char.len() - 1]);
        assert_eq!(answer_texts_in(&cut), ["caf"]);
    }

    #[test]
    fn a_mix_of_old_and_new_is_not_a_prefix() {
        let typed = "child voice school ";
        assert!(prefix_of("", typed).is_ok());
        assert!(prefix_of("child voi", typed).is_ok());
        let mix = prefix_of("child school", typed).expect_err("a mix");
        assert!(mix.contains("differ at char 6"), "{mix}");
        assert!(prefix_of("child voice school and more", typed).is_err());
    }
}
