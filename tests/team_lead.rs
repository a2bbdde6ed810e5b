//! What a team lead does from the command line: settings in `config.toml`,
//! a shared folder, a copy of the built-in pack, the cost of renaming ids,
//! and `check --watch` while editing. The real binary, with the config
//! folder in a temporary place (never the real home).

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use reflect::content::Audience;
use reflect::store::{RecordDir, Reflection};

const BUILTIN_SUMMARY: &str =
    "1 pack, 3 themes, 19 learning points, 26 questions (11 practitioner, 15 leader)";

fn command(config: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reflect"));
    command
        .args(args)
        .env("REFLECT_CONFIG_DIR", config)
        .env("HOME", config)
        .env("XDG_CONFIG_HOME", config)
        .env_remove("REFLECT_CONTENT");
    command
}

fn reflect(config: &Path, args: &[&str]) -> Output {
    command(config, args).output().expect("run reflect")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A small pack with one theme and two questions.
fn team_pack(question_text: &str) -> String {
    format!(
        "[pack]\nid = \"team\"\ntitle = \"Team\"\n\n[[theme]]\nid = \"supervision\"\ntitle = \"Supervision\"\n\n\
         [[theme.question]]\nid = \"first\"\naudience = \"practitioner\"\ntext = \"{question_text}\"\n\n\
         [[theme.question]]\nid = \"second\"\naudience = \"leader\"\ntext = \"Second?\"\n"
    )
}

#[test]
fn check_reports_config_mistakes_like_content_mistakes() {
    let home = tempfile::tempdir().expect("tmp");
    fs::write(
        home.path().join("config.toml"),
        "theme = \"light\"\naudiance = \"leader\"\ngroup_minutes = \"ten\"\n",
    )
    .expect("write");
    let out = reflect(home.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let config = home.path().join("config.toml");
    let expected = [
        format!(
            "{}:2:1: error: unknown key `audiance` in config.toml\n  hint: did you mean `audience`?",
            config.display()
        ),
        format!(
            "{}:3:17: error: `group_minutes` should be a whole number from 1 to 120, found text",
            config.display()
        ),
    ];
    for line in expected {
        assert!(stderr.contains(&line), "{stderr}");
    }
    assert!(
        text(&out.stdout).contains("; 2 errors"),
        "{}",
        text(&out.stdout)
    );
    // Other commands still work, with the defaults, and point to `check`.
    let list = reflect(home.path(), &["list", "--theme", "child-mental-health"]);
    assert_eq!(list.status.code(), Some(0));
    assert!(text(&list.stderr).contains("see `reflect check`"));
}

#[test]
fn a_shared_folder_in_the_config_is_read_and_shown_by_paths() {
    let home = tempfile::tempdir().expect("tmp");
    let shared = home.path().join("shared/team");
    fs::create_dir_all(&shared).expect("mkdir");
    fs::write(shared.join("team.toml"), team_pack("First?")).expect("write");
    fs::write(
        home.path().join("config.toml"),
        "# the team's folder, relative to this file\ncontent = [\"shared/team\", \"/nowhere/at/all\"]\n",
    )
    .expect("write");
    let list = reflect(home.path(), &["list", "--pack", "team"]);
    assert_eq!(list.status.code(), Some(0), "{}", text(&list.stderr));
    assert!(text(&list.stdout).contains("team/supervision/first  First?"));
    let check = reflect(home.path(), &["check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "a missing folder is a warning"
    );
    assert!(
        text(&check.stderr)
            .contains("config.toml:2:27: warning: content folder `/nowhere/at/all` does not exist"),
        "{}",
        text(&check.stderr)
    );
    let paths = text(&reflect(home.path(), &["paths"]).stdout);
    let line = |needle: &str| {
        paths
            .lines()
            .find(|l| l.contains(needle))
            .map(str::to_owned)
    };
    let team_line = line("shared/team").expect("config folder listed");
    assert!(team_line.starts_with("config content") && team_line.ends_with("(exists)"));
    let gone_line = line("/nowhere/at/all").expect("missing folder listed");
    assert!(gone_line.ends_with("(does not exist yet)"), "{gone_line}");
}

/// Saves a reflection whose answers refer to `keys`, each with `secret`.
fn save_answers(reflections: &Path, id: &str, keys: &[&str], secret: &str) {
    let dir = RecordDir::<Reflection>::open(reflections).expect("open");
    let now = chrono::DateTime::parse_from_rfc3339("2026-01-02T10:00:00Z").expect("time");
    let mut reflection = Reflection::new(id, now, "team", "supervision", Audience::Practitioner);
    for key in keys {
        reflection
            .answer_mut_or_insert(key, "Old wording?", now)
            .text = secret.to_owned();
    }
    dir.save(&reflection).expect("save");
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("list")
        .map(|e| {
            let path = e.expect("entry").path();
            let bytes = fs::read(&path).expect("read");
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn check_warns_about_answers_to_ids_no_longer_in_a_pack_and_changes_nothing() {
    let home = tempfile::tempdir().expect("tmp");
    let content = home.path().join("content");
    fs::create_dir_all(&content).expect("mkdir");
    fs::write(content.join("team.toml"), team_pack("First?")).expect("write");
    // Nobody has answered anything yet: no warning, and no notes folder made.
    let clean = reflect(home.path(), &["check"]);
    assert_eq!(clean.status.code(), Some(0));
    assert!(!home.path().join("reflections").exists());

    let reflections = home.path().join("reflections");
    const SECRET: &str = "PRIVATE-ANSWER-TEXT";
    let renamed = "team/supervision/the-first";
    save_answers(
        &reflections,
        "one",
        &[renamed, "team/supervision/second"],
        SECRET,
    );
    save_answers(&reflections, "two", &[renamed, "team/gone-theme/q"], SECRET);
    save_answers(&reflections, "three", &[renamed, "elsewhere/t/q"], SECRET);
    fs::write(reflections.join("damaged.toml"), "answer = [ {").expect("write");
    let before = snapshot(&reflections);

    let out = reflect(home.path(), &["check"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "warnings only: {stderr}");
    let main_file = content.join("team.toml");
    assert!(
        stderr.contains(&format!(
            "{}: warning: 3 saved answers refer to `{renamed}`, which is no longer in this pack\n  hint: theme `supervision` has no question `the-first`; was it renamed to `first`?\n  hint: the answers are kept, and the app shows them as \"from a question no longer in this pack\"",
            main_file.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 saved answer refers to `team/gone-theme/q`"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("elsewhere"),
        "packs not loaded are not judged"
    );
    assert!(stdout.contains("; 2 warnings"), "{stdout}");
    assert!(stdout.contains("1 saved reflection in"), "{stdout}");
    assert!(!stdout.contains(SECRET) && !stderr.contains(SECRET));
    assert_eq!(
        snapshot(&reflections),
        before,
        "check changed the notes folder"
    );

    // Checking the folder by name judges the same answers.
    let named = reflect(home.path(), &["check", arg(&content)]);
    assert!(text(&named.stderr).contains("3 saved answers refer to"));
}

#[test]
fn new_from_builtin_writes_a_copy_that_checks_like_the_builtin_pack() {
    let home = tempfile::tempdir().expect("tmp");
    let builtin = reflect(home.path(), &["check"]);
    assert_eq!(
        text(&builtin.stdout).trim(),
        format!("{BUILTIN_SUMMARY}; no problems found")
    );
    let dir = home.path().join("copy");
    let out = reflect(home.path(), &["new", "--from-builtin", arg(&dir)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pack_dir = dir.join("panel-2023-24");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/panel-2023-24");
    let mut names: Vec<_> = fs::read_dir(&source)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    for name in &names {
        assert_eq!(
            fs::read(pack_dir.join(name)).expect("copied"),
            fs::read(source.join(name)).expect("source"),
            "{name:?}"
        );
    }
    let check = reflect(home.path(), &["check", arg(&dir)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert_eq!(
        text(&check.stdout).trim(),
        format!("{BUILTIN_SUMMARY}; no problems found")
    );
    // Layered over the built-in pack, the copy replaces it and says so.
    let layered = reflect(home.path(), &["--content", arg(&dir), "check"]);
    assert!(text(&layered.stdout).contains("replaces the one from built-in"));
    // A second copy into the same place writes nothing.
    fs::write(pack_dir.join("pack.toml"), "# edited\n").expect("write");
    let again = reflect(home.path(), &["new", "--from-builtin", arg(&dir)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(
        fs::read_to_string(pack_dir.join("pack.toml")).expect("read"),
        "# edited\n"
    );
}

/// Lines of a running child's stdout, as they come.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits (up to a generous limit, returning as soon as it is seen) for a
/// line satisfying `wanted`; returns the lines read on the way.
fn wait_for(lines: &mpsc::Receiver<String>, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        match lines.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => {
                let done = wanted(&line);
                seen.push(line);
                if done {
                    return seen;
                }
            }
            Err(e) => panic!("{e}; lines so far: {seen:#?}"),
        }
    }
}

/// Kills the child even when an assertion fails.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn check_watch_checks_again_after_each_save() {
    let home = tempfile::tempdir().expect("tmp");
    let team = home.path().join("team");
    fs::create_dir_all(&team).expect("mkdir");
    let file = team.join("team.toml");
    fs::write(&file, team_pack("First?")).expect("write");
    let child = command(home.path(), &["--content", arg(&team), "check", "--watch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut running = Running(child);
    let lines = lines_of(&mut running.0);
    let first = wait_for(&lines, |l| l.starts_with("watching "));
    assert!(
        first
            .iter()
            .any(|l| l.contains("2 packs") && l.ends_with("no problems found")),
        "{first:#?}"
    );

    // Saved the way editors do: a new file renamed over the old one.
    let temp = team.join(".team.toml.swp");
    fs::write(
        &temp,
        team_pack("First?").replace("audience = \"leader\"", "audiance = \"leader\""),
    )
    .expect("write");
    fs::rename(&temp, &file).expect("rename");
    let broken = wait_for(&lines, |l| l.starts_with("watching "));
    assert!(
        broken[0].starts_with("── ") && broken[0].chars().filter(|c| *c == ':').count() == 2,
        "{broken:#?}"
    );
    assert!(
        broken.iter().any(|l| l.ends_with("; 2 errors")),
        "{broken:#?}"
    );

    fs::write(&file, team_pack("Fixed?")).expect("write");
    let fixed = wait_for(&lines, |l| l.starts_with("watching "));
    assert!(
        fixed.iter().any(|l| l.ends_with("no problems found")),
        "{fixed:#?}"
    );
    assert!(
        running.0.try_wait().expect("status").is_none(),
        "still running"
    );
}

/// The first ```toml block after `heading` in the team leads' guide.
fn guide_example(heading: &str) -> String {
    let guide = include_str!("../content/README.md");
    let section = &guide[guide.find(heading).expect("heading")..];
    let start = section.find("```toml\n").expect("toml block") + "```toml\n".len();
    let length = section[start..].find("```").expect("end of block");
    section[start..start + length].to_owned()
}

#[test]
fn the_guide_examples_are_accepted_as_written() {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("copy");
    let out = reflect(home.path(), &["new", "--from-builtin", arg(&dir)]);
    assert_eq!(out.status.code(), Some(0));
    let theme = guide_example("## Add a theme");
    fs::write(dir.join("panel-2023-24/4-neglect.toml"), theme).expect("write");
    let check = reflect(home.path(), &["check", arg(&dir)]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(text(&check.stdout).contains("4 themes"));

    fs::write(
        home.path().join("config.toml"),
        guide_example("## The config file"),
    )
    .expect("write");
    let check = reflect(home.path(), &["check"]);
    let stderr = text(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    // Only the example's folders are missing here.
    assert!(
        stderr
            .lines()
            .filter(|l| l.contains(": warning: "))
            .all(|l| l.contains("does not exist")),
        "{stderr}"
    );
}
