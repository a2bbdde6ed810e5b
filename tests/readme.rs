//! The README, followed as a new user follows it, so it cannot drift from
//! what the program does:
//!
//! - every line of its `sh` code blocks runs as written, in order, in one
//!   fresh home (see `support::shell`): `reflect` lines must exit 0, or, for
//!   those that open the app (`reflect`, `reflect start`, `reflect group`),
//!   fail cleanly without a terminal and start and quit in tmux; `mkdir`
//!   lines run too. `cargo` lines are not run (cargo is what runs this
//!   test; `cargo install` is checked to be there). A comment after two
//!   spaces is left off; any other line fails the test, so a new kind of
//!   line gets a decision rather than being skipped by accident;
//! - every row of the command table names a command that exists, with
//!   options its help lists, and every command help lists is in the table;
//! - every picture it shows is there.

mod support;

use std::collections::BTreeSet;

use support::shell::Shell;

const README: &str = include_str!("../README.md");

/// The lines of the README's ```sh blocks, comments and blanks left out.
fn sh_lines() -> Vec<&'static str> {
    let mut lines = Vec::new();
    let mut in_sh = false;
    for line in README.lines() {
        if line.starts_with("```") {
            in_sh = !in_sh && line == "```sh";
            continue;
        }
        let line = line.split("  #").next().unwrap_or("").trim();
        if in_sh && !line.is_empty() && !line.starts_with('#') {
            lines.push(line);
        }
    }
    lines
}

#[test]
fn every_command_line_in_the_readme_runs_as_written() {
    let lines = sh_lines();
    assert!(
        lines.contains(&"cargo install --path . --locked"),
        "the README says how to install: {lines:?}"
    );
    let shell = Shell::new();
    let mut ran = 0;
    for line in lines {
        match line.split_whitespace().next() {
            Some("cargo") => continue,
            Some("reflect") => shell.run_documented(line),
            Some("mkdir") => {
                shell.run_ok(line);
            }
            _ => panic!("tests/readme.rs does not know how to run this README line: {line}"),
        }
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} lines ran");
    // What the lines wrote is where the README says.
    let home = shell.home();
    for path in [
        "sheet.md",
        "team-pack/my-team-pack.toml",
        ".cargo/share/man/man1/reflect.1",
        ".cargo/share/man/man1/reflect-start.1",
        ".local/share/bash-completion/completions/reflect",
        ".zfunc/_reflect",
        ".config/fish/completions/reflect.fish",
    ] {
        assert!(home.join(path).is_file(), "{path} was not written");
    }
}

/// The table's rows: the command, as written in its first cell.
fn table_rows() -> Vec<String> {
    README
        .lines()
        .filter_map(|l| l.strip_prefix("| `reflect"))
        .map(|rest| {
            let cell = rest.split("` |").next().unwrap_or(rest);
            format!("reflect{}", cell.replace("\\|", "|"))
        })
        .collect()
}

/// The command a row is about (`""` for `reflect` alone).
fn command_of(row: &str) -> &str {
    row.split_whitespace()
        .nth(1)
        .filter(|w| !w.starts_with('-') && !w.starts_with('['))
        .unwrap_or("")
}

#[test]
fn the_command_table_matches_the_program() {
    let shell = Shell::new();
    let help = |args: &str| {
        let out = shell.run_ok(&format!("reflect {args} --help"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let rows = table_rows();
    assert!(rows.len() >= 9, "{rows:?}");
    let mut in_table = BTreeSet::new();
    for row in &rows {
        let command = command_of(row);
        let text = help(command);
        let known: BTreeSet<&str> = text
            .split(|c: char| c.is_whitespace() || "[],=<>".contains(c))
            .collect();
        let options = row
            .split(|c: char| c.is_whitespace() || "[]|".contains(c))
            .filter(|w| w.starts_with('-'));
        for option in options {
            assert!(
                known.contains(option),
                "README: `{row}`: `reflect {command} --help` has no {option}"
            );
        }
        in_table.insert(command.to_owned());
    }
    let top = help("");
    let listed = top
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help");
    for name in listed {
        assert!(
            in_table.contains(name),
            "README's table lacks `reflect {name}`"
        );
    }
}

#[test]
fn every_picture_the_readme_shows_is_there() {
    let pictures: Vec<&str> = README
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| target.ends_with(".svg"))
        .collect();
    for picture in &pictures {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(picture);
        assert!(path.is_file(), "README shows {picture}, which is not there");
    }
}
