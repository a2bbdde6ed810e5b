//! What every `--help` ends with, and the man pages' EXAMPLES and EXIT
//! STATUS: one table, so both always say the same. Every example runs as
//! written (tests/help.rs runs them all against a fresh config folder, in
//! the order of `reflect --help`).

use clap::builder::styling::Styles;

/// One example: what it does (a comment line above it), and the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    pub what: &'static str,
    pub line: &'static str,
}

const fn ex(what: &'static str, line: &'static str) -> Example {
    Example { what, line }
}

/// Every command's examples, by its path under `reflect` ("" for
/// `reflect` itself, "generate man" for a nested one), in help order.
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ex("the app: choose a theme, read, answer", "reflect"),
            ex(
                "your latest reflection as a supervision sheet",
                "reflect export --latest -o sheet.md",
            ),
        ],
    ),
    (
        "start",
        &[
            ex(
                "the questions on children's mental health, from where you stopped",
                "reflect start --theme child-mental-health",
            ),
            ex(
                "the questions for strategic leaders and managers",
                "reflect start --theme extrafamilial-harm --audience leader",
            ),
        ],
    ),
    (
        "group",
        &[
            ex(
                "present a theme to the team, ten minutes a question",
                "reflect group --theme child-mental-health --minutes 10",
            ),
            ex(
                "both sets of questions, for a mixed group",
                "reflect group --theme parental-mental-health --audience both",
            ),
        ],
    ),
    (
        "history",
        &[ex(
            "your reflections and group records, with their ids",
            "reflect history",
        )],
    ),
    (
        "list",
        &[
            ex("every theme's id and title", "reflect list | grep '^theme'"),
            ex(
                "one theme's key data, learning and questions",
                "reflect list --theme extrafamilial-harm",
            ),
        ],
    ),
    (
        "new",
        &[
            ex(
                "a commented template in ./team-pack",
                "reflect new team-pack",
            ),
            ex(
                "a copy of the built-in pack, to adapt",
                "reflect new --from-builtin panel-copy",
            ),
        ],
    ),
    (
        "check",
        &[
            ex("everything configured, and config.toml", "reflect check"),
            ex(
                "one folder (or file) of your own",
                "reflect check team-pack",
            ),
        ],
    ),
    (
        "export",
        &[
            ex(
                "your latest reflection as a Social Work England CPD record, into a file",
                "reflect export --format cpd -o cpd.md",
            ),
            ex(
                "the latest group session's agreed points",
                "reflect export --group --latest",
            ),
        ],
    ),
    ("paths", &[ex("where everything is kept", "reflect paths")]),
    ("generate", MAN),
    ("generate man", MAN),
    (
        "generate completions",
        &[
            ex(
                "complete reflect's commands in this bash (add it to ~/.bashrc)",
                "source <(reflect generate completions bash)",
            ),
            ex(
                "for zsh: a file to put in a folder on your $fpath",
                "reflect generate completions zsh > _reflect",
            ),
        ],
    ),
];

const MAN: &[Example] = &[
    ex(
        "install the man pages for your user (then: man reflect)",
        "reflect generate man ~/.local/share/man/man1",
    ),
    ex(
        "read the man page without installing it",
        "reflect generate man > reflect.1",
    ),
];

/// The examples of a command (none for one not in the table).
pub fn examples(command: &str) -> &'static [Example] {
    EXAMPLES
        .iter()
        .find(|(name, _)| *name == command)
        .map_or(&[], |(_, examples)| examples)
}

/// What each exit code means, for `reflect --help` and the man page.
pub const EXIT_STATUS: [(u8, &str); 3] = [
    (0, "done, nothing wrong"),
    (
        1,
        "problems found: the content has errors, or what was asked for is not there \
         (no such theme, reflection or record) or is there already",
    ),
    (
        2,
        "something could not be read or written, the app had no terminal, \
         or the arguments were wrong",
    ),
];

/// The text after a command's help: its examples, and for `reflect`
/// itself the exit codes first. Headings styled as clap styles its own
/// (clap leaves the styles out when the output is not a terminal).
pub fn after_help(command: &str) -> String {
    let mut text = String::new();
    if command.is_empty() {
        text.push_str(&heading("Exit status:"));
        for (code, meaning) in EXIT_STATUS {
            // Wrapped by hand: clap wraps only its own columns.
            let lines = crate::text::wrap(meaning, 72);
            text.push_str(&format!("\n  {code}  {}", lines.join("\n     ")));
        }
        text.push_str("\n\n");
    }
    text.push_str(&heading("Examples:"));
    for example in examples(command) {
        text.push_str(&format!("\n  # {}\n  {}", example.what, example.line));
    }
    text
}

fn heading(words: &str) -> String {
    let style = Styles::default().get_header().to_owned();
    format!("{}{words}{}", style.render(), style.render_reset())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command clap knows, by its path under `reflect`.
    fn command_paths(command: &clap::Command, prefix: &str, all: &mut Vec<String>) {
        all.push(prefix.to_owned());
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = format!("{prefix} {}", sub.get_name());
            command_paths(sub, path.trim_start(), all);
        }
    }

    #[test]
    fn every_command_has_one_or_two_examples_of_itself() {
        use clap::CommandFactory;
        let mut paths = Vec::new();
        command_paths(&crate::cli::args::Cli::command(), "", &mut paths);
        assert!(paths.len() >= 12, "{paths:?}");
        for path in &paths {
            let all = examples(path);
            assert!(
                (1..=2).contains(&all.len()),
                "{path:?}: one or two examples"
            );
            for example in all {
                assert!(
                    example.line.contains(format!("reflect {path}").trim_end()),
                    "{path:?}: {example:?}"
                );
            }
        }
        let listed: Vec<&str> = EXAMPLES.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, paths, "the table is in help order, nothing extra");
    }

    #[test]
    fn the_exit_codes_come_before_the_examples_in_reflect_help() {
        let text = after_help("");
        let exit = text.find("Exit status:").expect("exit status");
        let examples = text.find("Examples:").expect("examples");
        assert!(exit < examples);
        for code in ["0  done", "1  problems found", "2  something could not"] {
            assert!(text.contains(code), "{text}");
        }
    }
}
