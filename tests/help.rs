//! `reflect --help` and every command's help, read as a user reads them:
//! each ends with one or two examples, every example runs as written, and
//! `reflect --help` says what the exit codes mean, which the commands keep
//! to. Then the man pages and the shell completions.

mod support;

use std::process::Command;

use support::shell::{Shell, said};

fn reflect(shell: &Shell, args: &str) -> String {
    let out = shell.run_ok(&format!("reflect {args}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines of the section under `heading` (up to a blank line).
fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

/// The names under "Commands:", without clap's own `help`.
fn commands(help: &str) -> Vec<String> {
    section(help, "Commands:")
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// The example command lines: "Examples:" is the last section, a comment
/// line saying what each does, then the line itself.
fn examples(help: &str, what: &str) -> Vec<String> {
    let tail: Vec<&str> = help
        .trim_end()
        .lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .collect();
    assert!(!tail.is_empty(), "`{what}` has no examples:\n{help}");
    assert!(
        tail.iter().all(|l| l.starts_with("  ")),
        "`{what}`: the examples end the help:\n{help}"
    );
    let (comments, lines): (Vec<&str>, Vec<&str>) =
        tail.iter().partition(|l| l.trim_start().starts_with('#'));
    assert_eq!(
        comments.len(),
        lines.len(),
        "`{what}`: each example says what it does"
    );
    assert!(
        (1..=2).contains(&lines.len()),
        "`{what}`: one or two examples"
    );
    lines.iter().map(|l| l.trim().to_owned()).collect()
}

/// Every command's help, by its path: `reflect` itself, each command in
/// the order help lists them, then the hidden `generate` and its two.
fn every_help(shell: &Shell) -> Vec<(String, String)> {
    let top = reflect(shell, "--help");
    let mut all = vec![(String::new(), top.clone())];
    for name in commands(&top) {
        all.push((name.clone(), reflect(shell, &format!("{name} --help"))));
    }
    let generate = reflect(shell, "generate --help");
    all.push(("generate".into(), generate.clone()));
    for name in commands(&generate) {
        let path = format!("generate {name}");
        all.push((path.clone(), reflect(shell, &format!("{path} --help"))));
    }
    all
}

#[test]
fn every_help_ends_with_examples_that_run_as_written() {
    let shell = Shell::new();
    let helps = every_help(&shell);
    let names: Vec<&str> = helps.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "",
            "start",
            "group",
            "history",
            "list",
            "new",
            "check",
            "export",
            "paths",
            "generate",
            "generate man",
            "generate completions"
        ]
    );
    for (name, help) in &helps {
        let what = format!("reflect {name} --help");
        for line in examples(help, &what) {
            assert!(
                line.contains(format!("reflect {name}").trim_end()),
                "{what}: {line}"
            );
            shell.run_documented(&line);
        }
    }
    // What the examples wrote is there.
    let home = shell.home();
    assert!(home.join("sheet.md").is_file());
    assert!(home.join("team-pack/my-team-pack.toml").is_file());
    assert!(home.join(".local/share/man/man1/reflect.1").is_file());
}

#[test]
fn reflect_help_says_what_each_exit_code_means() {
    let shell = Shell::new();
    let help = reflect(&shell, "--help");
    let codes = section(&help, "Exit status:");
    let starts: Vec<&str> = codes
        .iter()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.len() == 1)
        .collect();
    assert_eq!(starts, ["0", "1", "2"], "{help}");
    let text = codes.join(" ");
    for words in [
        "nothing wrong",
        "problems found",
        "could not be read",
        "arguments",
    ] {
        assert!(text.contains(words), "{words:?}: {help}");
    }
    let plain = !help.contains('\u{1b}');
    assert!(plain, "no colour codes when help is not on a terminal");
}

/// Runs `line` and checks its exit code and that it said why on stderr.
fn exits(shell: &Shell, line: &str, code: i32, because: &str) {
    let out = shell.run(line);
    assert_eq!(out.status.code(), Some(code), "`{line}`:\n{}", said(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(because),
        "`{line}`: {because:?}:\n{}",
        said(&out)
    );
    assert!(!stderr.contains("panicked"), "`{line}`:\n{}", said(&out));
}

#[test]
fn the_commands_exit_as_reflect_help_says() {
    let shell = Shell::new();
    for line in [
        "reflect paths",
        "reflect history",
        "reflect list",
        "reflect check",
    ] {
        shell.run_ok(line);
    }
    // 1: problems found, or what was asked for is not there.
    shell.run_ok("mkdir bad && echo 'id = 1' > bad/pack.toml");
    exits(&shell, "reflect check bad", 1, "error:");
    exits(&shell, "reflect list --theme nope", 1, "no theme `nope`");
    exits(&shell, "reflect group --theme nope", 1, "no theme `nope`");
    exits(
        &shell,
        "reflect export no-such-id",
        1,
        "no reflection `no-such-id`",
    );
    exits(&shell, "reflect export --group no-such-id", 1, "no-such-id");
    shell.run_ok("reflect new pack");
    exits(&shell, "reflect new pack", 1, "already exists");
    // 2: could not read or write, no terminal, bad arguments.
    exits(
        &shell,
        "reflect check /nonexistent/reflect",
        2,
        "cannot read",
    );
    exits(
        &shell,
        "reflect export -o /nonexistent/dir/sheet.md",
        2,
        "/nonexistent/dir",
    );
    exits(
        &shell,
        "reflect start --theme child-mental-health",
        2,
        "needs a terminal",
    );
    exits(&shell, "reflect --bogus", 2, "unexpected argument");
    exits(&shell, "reflect start", 2, "--theme <ID>");
    exits(
        &shell,
        "reflect group --theme x --minutes 0",
        2,
        "--minutes",
    );
    exits(
        &shell,
        "reflect generate completions tcsh",
        2,
        "invalid value",
    );
}

// ------------------------------------------------------------- man pages

#[test]
fn the_man_page_lists_every_command_and_man_can_show_it() {
    let shell = Shell::new();
    let page = reflect(&shell, "generate man");
    let top = reflect(&shell, "--help");
    for name in commands(&top) {
        assert!(
            page.contains(&format!("reflect\\-{name}(1)")),
            "{name}:\n{page}"
        );
    }
    assert!(page.contains("EXIT STATUS"), "{page}");
    shell.run_ok("reflect generate man pages");
    for name in commands(&top) {
        assert!(
            shell
                .home()
                .join(format!("pages/reflect-{name}.1"))
                .is_file(),
            "{name}"
        );
    }
    // Read by `man` itself, when it is installed.
    let man = Command::new("man").arg("--version").output();
    if man.is_ok_and(|o| o.status.success()) {
        let out = shell.run_ok("MANWIDTH=80 man -l pages/reflect-start.1 | cat");
        let text = String::from_utf8_lossy(&out.stdout);
        for words in [
            "REFLECT-START(1)",
            "--theme <ID>",
            "EXAMPLES",
            "EXIT STATUS",
        ] {
            assert!(text.contains(words), "{words:?}:\n{text}");
        }
    } else {
        eprintln!("man is not installed: the page was checked as roff text only");
    }
}

// ------------------------------------------------------------- completions

/// What bash offers after `words` (the last one being completed), using
/// the generated script as bash-completion would.
fn bash_completes(shell: &Shell, words: &str) -> Vec<String> {
    let count = words.split_whitespace().count();
    let current = if words.ends_with(' ') {
        count
    } else {
        count - 1
    };
    let script = format!(
        "source <(reflect generate completions bash)\n\
         COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}\n\
         read -ra COMP_WORDS <<< \"$COMP_LINE\"\n\
         {extra}\
         COMP_CWORD={current}\n\
         _reflect reflect \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        extra = if words.ends_with(' ') {
            "COMP_WORDS+=('')\n"
        } else {
            ""
        },
    );
    let out = shell.run_ok(&script);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_commands_and_their_options() {
    let shell = Shell::new();
    assert_eq!(bash_completes(&shell, "reflect st"), ["start"]);
    assert_eq!(bash_completes(&shell, "reflect ex"), ["export"]);
    assert!(bash_completes(&shell, "reflect start --").contains(&"--theme".to_owned()));
    let audiences = bash_completes(&shell, "reflect start --audience ");
    assert_eq!(audiences, ["practitioner", "leader"]);
    // clap_complete offers hidden commands too: `generate` is completed,
    // though help and the man page leave it out.
    let all = bash_completes(&shell, "reflect ");
    for name in [
        "start", "group", "history", "list", "new", "check", "export", "paths",
    ] {
        assert!(all.contains(&name.to_owned()), "{name}: {all:?}");
    }
}

#[test]
fn zsh_and_fish_scripts_name_every_command() {
    let shell = Shell::new();
    let top = reflect(&shell, "--help");
    for (shell_name, marker) in [("zsh", "#compdef reflect"), ("fish", "complete -c reflect")] {
        let script = reflect(&shell, &format!("generate completions {shell_name}"));
        assert!(script.contains(marker), "{shell_name}:\n{script}");
        for name in commands(&top) {
            assert!(script.contains(&name), "{shell_name} lacks {name}");
        }
        let found = Command::new(shell_name).arg("--version").output();
        if found.is_ok_and(|o| o.status.success()) {
            let path = shell.home().join(format!("script.{shell_name}"));
            std::fs::write(&path, &script).expect("write");
            let check = Command::new(shell_name)
                .arg("-n")
                .arg(&path)
                .output()
                .expect("run");
            assert!(check.status.success(), "{shell_name} -n: {}", said(&check));
        }
    }
}

/// fish can say what it would complete: the script, installed where the
/// README says, completes `reflect st` to `start`.
#[test]
fn fish_completes_reflect_st_to_start() {
    let found = Command::new("fish").arg("--version").output();
    if !found.is_ok_and(|o| o.status.success()) {
        eprintln!("fish is not installed: its completion was not tried");
        return;
    }
    let shell = Shell::new();
    shell.run_ok("mkdir -p ~/.config/fish/completions");
    shell.run_ok("reflect generate completions fish > ~/.config/fish/completions/reflect.fish");
    let out = shell.run_ok("fish -c \"complete -C 'reflect st'\"");
    let offered = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = offered
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(names, ["start"], "{offered}");
}
