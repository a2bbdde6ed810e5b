//! `reflect export` and the identifying-details check, run as a user runs
//! it: the real binary, its config folder in a temporary place. Writing a
//! file with marks asks once on a terminal (a real pseudo-terminal here);
//! with no terminal it writes nothing unless `--force`; printing to the
//! screen says how many are marked on standard error. The marked text
//! itself is never printed.

#[path = "support/mod.rs"]
mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::DateTime;
use reflect::store::{RecordDir, Reflection};
use reflect::words::Audience;
use support::pty::{self, Term};

const ID: &str = "2026-11-22-100000-child-mental-health";

/// A config folder under `home` holding one reflection with a name and a
/// postcode in an answer and a phone number in the notes, and `config`.
fn with_reflection(home: &Path, config: &str) {
    let mut r = answered("Tyler told me at LS6 3AB.");
    r.notes = "Ring his aunt on 07700 900123.".into();
    save(home, &r);
    fs::write(home.join("config").join("config.toml"), config).expect("config");
}

/// A reflection whose one answer is `answer`.
fn answered(answer: &str) -> Reflection {
    let now = DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("time");
    let mut r = Reflection::new(
        ID,
        now,
        "panel-2023-24",
        "child-mental-health",
        Audience::Practitioner,
    );
    let key = "panel-2023-24/child-mental-health/voice-of-the-child";
    r.answer_mut_or_insert(key, "Q", now).text = answer.into();
    r
}

fn save(home: &Path, reflection: &Reflection) {
    RecordDir::<Reflection>::open(home.join("config").join("reflections"))
        .expect("open")
        .save(reflection)
        .expect("save");
}

/// Runs reflect with standard input that is not a terminal.
fn reflect(home: &Path, args: &[&str]) -> Output {
    Command::new(support::tmux::binary())
        .args(args)
        .env("REFLECT_CONFIG_DIR", home.join("config"))
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env_remove("REFLECT_CONTENT")
        .stdin(Stdio::null())
        .output()
        .expect("run reflect")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn no_marked_text(stderr: &str) {
    for secret in ["Tyler", "LS6", "3AB", "07700", "900123"] {
        assert!(!stderr.contains(secret), "{secret} printed: {stderr}");
    }
}

const SUMMARY: &str = "3 possible identifying details are still marked \
    (Question 2: a name and a postcode; Notes: a phone number)";

#[test]
fn without_a_terminal_a_file_with_marks_is_not_written() {
    let home = tempfile::tempdir().expect("tmp");
    with_reflection(home.path(), "");
    let file = home.path().join("sheet.md");
    let out = reflect(
        home.path(),
        &["export", "-o", file.to_str().expect("utf-8")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!file.exists());
    assert!(stderr.contains(SUMMARY), "{stderr}");
    assert!(
        stderr.contains("was not written") && stderr.contains("--force"),
        "{stderr}"
    );
    no_marked_text(&stderr);
}

#[test]
fn force_writes_the_file_without_asking() {
    let home = tempfile::tempdir().expect("tmp");
    with_reflection(home.path(), "");
    let file = home.path().join("sheet.md");
    let path = file.to_str().expect("utf-8");
    let out = reflect(home.path(), &["export", "--latest", "-o", path, "--force"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("writing anyway (--force)"), "{stderr}");
    let sheet = fs::read_to_string(&file).expect("written");
    assert!(
        sheet.contains("Tyler told me at LS6 3AB."),
        "the sheet is whole"
    );
    no_marked_text(&stderr);
}

#[test]
fn printing_to_the_screen_counts_the_marks_on_stderr() {
    let home = tempfile::tempdir().expect("tmp");
    with_reflection(home.path(), "");
    let out = reflect(home.path(), &["export", ID]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(text(&out.stdout).contains("Tyler told me"));
    assert_eq!(stderr.trim(), format!("reflect: {SUMMARY}"));
}

#[test]
fn with_the_check_turned_off_nothing_is_asked_or_said() {
    let home = tempfile::tempdir().expect("tmp");
    with_reflection(home.path(), "identifying_check = false\n");
    let file = home.path().join("sheet.md");
    let out = reflect(
        home.path(),
        &["export", "-o", file.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(file.exists());
    assert!(!text(&out.stderr).contains("identifying"));
    let out = reflect(home.path(), &["export"]);
    assert_eq!(text(&out.stderr), "");
}

/// On a terminal the question is asked once; only "y" writes.
#[test]
fn on_a_terminal_the_question_is_asked_once_and_only_yes_writes() {
    if !pty::available() {
        return;
    }
    for (typed, written) in [("y\r", true), ("\r", false), ("no\r", false)] {
        let home = tempfile::tempdir().expect("tmp");
        with_reflection(home.path(), "");
        let file = home.path().join("sheet.md");
        let path = file.to_str().expect("utf-8");
        let mut term = Term::start(home.path(), &["export", "-o", path], (160, 10));
        let screen = term.wait_for("[y/N]", Duration::from_secs(15));
        assert!(screen.contains(&format!("{SUMMARY}. Write")), "{screen}");
        term.type_text(typed);
        let status = term.wait_exit(Duration::from_secs(15)).expect("exits");
        assert_eq!(file.exists(), written, "{typed:?}: {}", term.screen());
        assert_eq!(status.success(), written, "{typed:?}");
        assert_eq!(term.screen().matches("[y/N]").count(), 1, "asked once");
        no_marked_text(&term.screen());
    }
}

/// A tester's name in the peer's role, and nothing else marked: the CPD
/// record, which carries it, is not written without asking; the
/// supervision sheet, the NMC account and the plain text, which do not,
/// are written without a word about it.
#[test]
fn a_hand_in_detail_is_asked_about_only_where_it_is_exported() {
    let home = tempfile::tempdir().expect("tmp");
    let mut r = answered("We checked the diagnosis.");
    r.handin_mut().peer = Some(true);
    r.handin_mut().peer_role = Some("Sarah Jones".into());
    save(home.path(), &r);
    for (format, asked) in [
        ("cpd", true),
        ("supervision", false),
        ("nmc", false),
        ("text", false),
    ] {
        let file = home.path().join(format!("{format}.out"));
        let name = file.to_str().expect("utf-8");
        let out = reflect(home.path(), &["export", "--format", format, "-o", name]);
        let stderr = text(&out.stderr);
        if asked {
            assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
            assert!(stderr.contains("The peer's role: a name"), "{stderr}");
            assert!(!file.exists());
        } else {
            assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
            assert!(!stderr.contains("marked"), "{format}: {stderr}");
            assert!(
                !fs::read_to_string(&file)
                    .expect("written")
                    .contains("Sarah")
            );
        }
    }
}
