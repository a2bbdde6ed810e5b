//! `reflect generate man [DIR]` and `reflect generate completions SHELL`:
//! the man pages (clap_mangen) and shell completion scripts
//! (clap_complete), made from the same command definition that parses the
//! arguments, so they cannot say anything the program does not do.

use std::io;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use super::args::Cli;
use super::examples::{EXIT_STATUS, examples};

/// The whole command tree, built as the man pages see it: every
/// subcommand knows its full name (`reflect-start`, `reflect start`).
fn command() -> clap::Command {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    command
}

/// Every man page: `reflect.1` first, then one per visible command, each
/// as (file name, roff text).
pub fn man_pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    let root = command();
    let mut pages = vec![page(&root, "")?];
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages.push(page(sub, sub.get_name())?);
    }
    Ok(pages)
}

/// `reflect.1` alone (what `reflect generate man` prints).
pub fn main_page() -> io::Result<Vec<u8>> {
    Ok(page(&command(), "")?.1)
}

/// Writes every page into `dir` (made if missing); returns their paths.
pub fn write_man_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, text) in man_pages()? {
        let path = dir.join(name);
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

/// One page: clap_mangen's sections, then the examples and exit status
/// from `examples.rs` (and, on `reflect.1`, the files and environment).
fn page(command: &clap::Command, path: &str) -> io::Result<(String, Vec<u8>)> {
    let man = Man::new(command.clone());
    let mut out = title(command).into_bytes();
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut out)?;
    }
    if command.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut out)?;
    }
    let mut roff = Roff::new();
    examples_section(&mut roff, path);
    exit_status_section(&mut roff);
    if path.is_empty() {
        files_and_environment(&mut roff);
    }
    roff.to_writer(&mut out)?;
    if command.get_version().is_some() {
        man.render_version_section(&mut out)?;
    }
    Ok((man.get_filename(), once_preamble(&out)))
}

/// The `.TH` line. clap_mangen's drops an empty date, so the source and
/// manual would shift into the wrong places; no date keeps pages the same
/// from build to build.
fn title(command: &clap::Command) -> String {
    let name = command.get_display_name().unwrap_or(command.get_name());
    format!(
        ".TH {} 1 \"\" \"reflect {}\" \"User Commands\"\n",
        name.to_uppercase(),
        env!("CARGO_PKG_VERSION")
    )
}

/// Each section rendered on its own starts with the same two lines of roff
/// preamble (defining the apostrophe); the page needs them once.
fn once_preamble(roff: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut seen = std::collections::HashSet::new();
    let mut page = String::with_capacity(text.len());
    for line in text.lines() {
        let preamble = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        if !preamble || seen.insert(line) {
            page.push_str(line);
            page.push('\n');
        }
    }
    page.into_bytes()
}

fn examples_section(roff: &mut Roff, path: &str) {
    roff.control("SH", ["EXAMPLES"]);
    for example in examples(path) {
        roff.control("TP", []);
        roff.text([bold(example.line)]);
        roff.text([roman(capitalised(example.what))]);
    }
}

fn exit_status_section(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_STATUS {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(capitalised(meaning))]);
    }
}

fn files_and_environment(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "Everything is under one folder, $XDG_CONFIG_HOME/reflect (usually \
         ~/.config/reflect): content/ (your own question packs), reflections/ (your \
         private answers, notes and actions), groups/ (group session records), exports/ \
         (supervision sheets exported from the app) and config.toml (settings). \
         reflect paths prints them all.",
    )]);
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(meaning)]);
    }
}

const ENVIRONMENT: [(&str, &str); 4] = [
    (
        "REFLECT_CONFIG_DIR",
        "Use this folder instead of $XDG_CONFIG_HOME/reflect, for everything.",
    ),
    (
        "XDG_CONFIG_HOME",
        "Where the config folder is looked for (default ~/.config).",
    ),
    (
        "REFLECT_CONTENT",
        "More content folders, separated by colons as in PATH.",
    ),
    (
        "NO_COLOR",
        "When set, no colours, whatever config.toml says.",
    ),
];

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

/// The completion script for `shell`. Made in memory: clap_complete
/// panics when its writer fails, and standard output can fail (a full
/// disk, `| head`); the caller writes it and reports that as an error.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "reflect", &mut script);
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> String {
        String::from_utf8_lossy(bytes).into_owned()
    }

    #[test]
    fn the_main_page_lists_every_command_and_says_what_the_exit_codes_mean() {
        let page = text(&main_page().expect("render"));
        for name in [
            "start", "group", "history", "list", "new", "check", "export", "paths",
        ] {
            assert!(
                page.contains(&format!("reflect\\-{name}(1)")),
                "{name}:\n{page}"
            );
        }
        assert!(
            !page.contains("generate"),
            "generate is for installers only"
        );
        for heading in [
            "SYNOPSIS",
            "EXAMPLES",
            "EXIT STATUS",
            "FILES",
            "ENVIRONMENT",
        ] {
            assert!(
                page.contains(&format!(".SH \"{heading}\""))
                    || page.contains(&format!(".SH {heading}")),
                "{heading}:\n{page}"
            );
        }
    }

    #[test]
    fn each_command_has_a_page_with_its_options_and_examples() {
        let pages = man_pages().expect("render");
        let start = pages
            .iter()
            .find(|(name, _)| name == "reflect-start.1")
            .map(|(_, roff)| text(roff))
            .expect("reflect-start.1");
        assert!(start.contains("\\-\\-theme"), "{start}");
        assert!(start.contains("child\\-mental\\-health"), "{start}");
        assert_eq!(pages.len(), 9, "reflect and its eight commands");
    }

    #[test]
    fn bash_completion_knows_the_commands() {
        let script = text(&completions(clap_complete::Shell::Bash));
        assert!(script.contains("_reflect()"), "{script}");
        assert!(script.contains("start"), "{script}");
    }
}
