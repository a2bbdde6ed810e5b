//! Settings: every kind of mistake located, defaults when absent or broken,
//! and `NO_COLOR` winning over the theme.

use std::ffi::OsStr;
use std::fs;

use tempfile::TempDir;

use super::*;
use crate::content::Severity;

/// A config folder in a temporary place, and a parse of `text` in it.
fn parse_in(dir: &TempDir, text: &str) -> (Config, Vec<Diagnostic>) {
    let paths = Paths::at(dir.path());
    Config::parse(&paths.config_file(), text, &paths)
}

/// `line:col: message` for each diagnostic, and all hints.
fn report(diagnostics: &[Diagnostic]) -> (Vec<String>, Vec<String>) {
    let problems = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    let hints = diagnostics.iter().flat_map(|d| d.hints.clone()).collect();
    (problems, hints)
}

#[test]
fn a_missing_or_empty_file_gives_the_defaults_without_diagnostics() {
    let dir = TempDir::new().unwrap();
    let paths = Paths::at(dir.path().join("not-yet-created"));
    assert_eq!(Config::load(&paths), (Config::default(), Vec::new()));
    let paths = Paths::at(dir.path());
    fs::write(paths.config_file(), "  \n# only a comment\n").unwrap();
    let (config, diagnostics) = Config::load(&paths);
    assert_eq!(config, Config::default());
    // A comment is not nothing to TOML, but it sets nothing either.
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let defaults = Config::default();
    assert_eq!(defaults.audience, Audience::Practitioner);
    assert_eq!(defaults.group_minutes, 5);
    assert_eq!(defaults.theme, ColourTheme::Dark);
    assert!(defaults.content.is_empty());
    assert!(
        defaults.identifying_check,
        "the check is on unless turned off"
    );
}

#[test]
fn a_pipe_in_place_of_the_settings_file_is_reported_not_waited_on() {
    let dir = TempDir::new().unwrap();
    let paths = Paths::at(dir.path());
    let made = std::process::Command::new("mkfifo")
        .arg(paths.config_file())
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (send, loaded) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(Config::load(&paths)));
    let (config, diagnostics) = loaded
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading did not wait on the pipe");
    assert_eq!(config, Config::default());
    assert!(
        diagnostics[0].message.contains("not a plain file"),
        "{diagnostics:?}"
    );
}

#[test]
fn every_setting_is_read() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("team")).unwrap();
    let shared = TempDir::new().unwrap();
    let text = format!(
        "content = [\"team\", \"{}\"]\naudience = \"leader\"\ngroup_minutes = 12\ntheme = \"high-contrast\"\nreflective_prompts = \"gibbs\"\nidentifying_check = false\n",
        shared.path().display()
    );
    let (config, diagnostics) = parse_in(&dir, &text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(
        config,
        Config {
            content: vec![dir.path().join("team"), shared.path().to_path_buf()],
            audience: Audience::Leader,
            group_minutes: 12,
            theme: ColourTheme::HighContrast,
            prompts: Some("gibbs".into()),
            identifying_check: false,
        }
    );
}

#[test]
fn a_syntax_error_is_located_and_everything_else_is_default() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) = parse_in(&dir, "audience = \"leader\"\ntheme = dark\n");
    assert_eq!(config, Config::default());
    let (problems, _) = report(&diagnostics);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("2:9: this is not valid TOML"),
        "{problems:?}"
    );
    assert_eq!(diagnostics[0].path, dir.path().join("config.toml"));
}

#[test]
fn unknown_keys_are_reported_with_a_suggestion_and_the_rest_still_applies() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) =
        parse_in(&dir, "theme = \"light\"\ngroup_minuts = 10\ncolours = 3\n");
    assert_eq!(config.theme, ColourTheme::Light);
    assert_eq!(config.group_minutes, 5);
    let (problems, hints) = report(&diagnostics);
    assert_eq!(
        problems,
        [
            "2:1: unknown key `group_minuts` in config.toml",
            "3:1: unknown key `colours` in config.toml",
        ]
    );
    assert_eq!(hints[0], "did you mean `group_minutes`?");
    assert_eq!(
        hints[1],
        "expected one of: content, audience, group_minutes, theme, reflective_prompts, identifying_check"
    );
    assert!(diagnostics.iter().all(Diagnostic::is_error));
}

#[test]
fn wrong_types_are_reported_where_they_are_written() {
    let dir = TempDir::new().unwrap();
    let text = "content = \"team\"\naudience = 1\ngroup_minutes = \"5\"\ntheme = [\"dark\"]\n";
    let (config, diagnostics) = parse_in(&dir, text);
    assert_eq!(config, Config::default());
    let (problems, hints) = report(&diagnostics);
    assert_eq!(
        problems,
        [
            "1:11: `content` should be a list of text, found text",
            "2:12: `audience` in config.toml should be text, found a number",
            "3:17: `group_minutes` should be a whole number from 1 to 120, found text",
            "4:9: `theme` in config.toml should be text, found a list",
        ]
    );
    assert!(hints.contains(&"write `content = [\"first\", \"second\"]`".to_owned()));
    assert!(hints.contains(&"write a number without quotes, like `group_minutes = 1`".to_owned()));
}

#[test]
fn the_identifying_check_is_true_or_false_and_nothing_else() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) = parse_in(&dir, "identifying_check = \"off\"\n");
    assert!(config.identifying_check, "a mistake keeps the default");
    let (problems, hints) = report(&diagnostics);
    assert_eq!(
        problems,
        ["1:21: `identifying_check` should be true or false, found text"]
    );
    assert_eq!(
        hints,
        ["write `identifying_check = true` or `identifying_check = false`, without quotes"]
    );
    let (config, diagnostics) = parse_in(&dir, "identifying_check = false\n");
    assert!(!config.identifying_check && diagnostics.is_empty());
}

#[test]
fn bad_values_are_reported_with_did_you_mean() {
    let dir = TempDir::new().unwrap();
    let text = "audience = \"leeder\"\ngroup_minutes = 500\ntheme = \"high_contrast\"\n";
    let (config, diagnostics) = parse_in(&dir, text);
    assert_eq!(config, Config::default());
    let (problems, hints) = report(&diagnostics);
    assert_eq!(
        problems,
        [
            "1:12: unknown audience `leeder`",
            "2:17: `group_minutes` should be a whole number from 1 to 120, found 500",
            "3:9: unknown colour theme `high_contrast`",
        ]
    );
    assert!(hints.contains(&"did you mean `leader`?".to_owned()));
    assert!(hints.contains(&"did you mean `high-contrast`?".to_owned()));
    assert!(hints.contains(&"use one of: \"dark\", \"light\", \"high-contrast\"".to_owned()));
    let (_, zero) = parse_in(&dir, "group_minutes = 0\n");
    assert_eq!(zero.len(), 1);
    let (_, fraction) = parse_in(&dir, "group_minutes = 2.5\n");
    assert!(fraction[0].message.ends_with("found 2.5"), "{fraction:?}");
    let (_, huge) = parse_in(&dir, "group_minutes = 99999999999999999999\n");
    assert!(!huge.is_empty(), "{huge:?}");
}

#[test]
fn content_folders_that_do_not_exist_are_warnings_not_errors() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) = parse_in(&dir, "content = [\n  \"shared/team\",\n]\n");
    assert_eq!(config.content, [dir.path().join("shared/team")]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!((d.line, d.column), (2, 3));
    assert!(d.message.contains("does not exist"), "{d}");
    assert!(d.hints[0].contains("relative path is read from"), "{d}");
    let (_, absolute) = parse_in(&dir, "content = [\"/no/such/share\"]\n");
    assert!(
        absolute[0].hints[0].contains("shared drive"),
        "{absolute:?}"
    );
}

#[test]
fn repeated_folders_and_the_own_content_folder_are_read_once() {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("team")).unwrap();
    let text = "content = [\"team\", \"content\", \"team\"]\n";
    let (config, diagnostics) = parse_in(&dir, text);
    assert_eq!(config.content, [dir.path().join("team")]);
    let (problems, _) = report(&diagnostics);
    assert_eq!(
        problems,
        [
            "1:20: `content` is your content folder, which is always read",
            "1:31: `team` is listed twice",
        ]
    );
    assert!(diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn a_file_that_is_not_text_is_reported_and_ignored() {
    let dir = TempDir::new().unwrap();
    let paths = Paths::at(dir.path());
    fs::write(paths.config_file(), b"theme = \"light\"\n\xff\xfe").unwrap();
    let (config, diagnostics) = Config::load(&paths);
    assert_eq!(config, Config::default());
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics[0].message.contains("not UTF-8"),
        "{diagnostics:?}"
    );
    assert_eq!(diagnostics[0].line, 2);
}

#[test]
fn config_folders_are_layered_between_your_folder_and_the_environment() {
    let dir = TempDir::new().unwrap();
    let paths = Paths::at(dir.path());
    let config = Config {
        content: vec![dir.path().join("team")],
        ..Config::default()
    };
    let layers = config.content_layers(&paths, &[dir.path().join("cli")]);
    let labels: Vec<&str> = layers.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels[0], "built-in");
    assert_eq!(labels[1], "your content folder");
    assert!(labels[2].ends_with("team (config.toml)"), "{labels:?}");
    assert!(
        labels.last().unwrap().ends_with("cli (--content)"),
        "{labels:?}"
    );
}

#[test]
fn no_color_wins_over_any_theme_unless_it_is_empty() {
    for theme in ColourTheme::ALL {
        let config = Config {
            theme,
            ..Config::default()
        };
        assert_eq!(
            colour_mode(&config, Some(OsStr::new("1"))),
            ColourMode::NoColour
        );
        assert_eq!(
            colour_mode(&config, Some(OsStr::new(""))),
            ColourMode::Colour(theme)
        );
        assert_eq!(colour_mode(&config, None), ColourMode::Colour(theme));
    }
}

#[test]
fn reflective_prompts_are_one_of_the_sets_or_none() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) = parse_in(&dir, "reflective_prompts = \"none\"\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(config.prompts.as_deref(), Some("none"));
    let (config, diagnostics) = parse_in(&dir, "reflective_prompts = \"gibs\"\n");
    assert_eq!(config.prompts, None);
    let (problems, hints) = report(&diagnostics);
    assert_eq!(problems, ["1:22: unknown set of prompts `gibs`"]);
    assert_eq!(hints[0], "did you mean `gibbs`?");
    assert_eq!(hints[1], "use one of: \"none\", \"driscoll\", \"gibbs\"");
}

/// The app does not stop for a broken settings file; it says where the
/// first problem is, and that `reflect check` lists them all.
#[test]
fn a_broken_file_gives_a_notice_with_its_place() {
    let dir = TempDir::new().unwrap();
    let (config, diagnostics) = parse_in(&dir, "audience = \"practitioner\"\ntheme = \n");
    assert_eq!(config, Config::default(), "nothing read from a broken file");
    let notice = Config::notice(&diagnostics).expect("a notice");
    assert!(notice.starts_with("Settings problem: "), "{notice}");
    assert!(notice.contains("config.toml:2:"), "{notice}");
    assert!(notice.ends_with("see reflect check."), "{notice}");
    let (_, fine) = parse_in(&dir, "audience = \"leader\"\n");
    assert_eq!(Config::notice(&fine), None);
}
