//! End to end: a practitioner answers two questions, quits, comes back,
//! finds the answers, and exports them; the files are private.

mod support;

use std::os::unix::fs::PermissionsExt;
use support::tmux::{self, Tmux};

#[test]
fn answers_survive_quitting_and_reach_the_export() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let tmux = Tmux::new("reflection");
    tmux.start(home.path(), "start --theme child-mental-health", (100, 30));
    tmux.wait_for("Question 1 of 4");
    tmux.type_text("First answer ALPHA-1, with café and 👩🏽‍⚕️");
    // Keys sent straight after a run of typing count as part of a paste
    // typed in (see `crash::typed_paste`): a person's Tab comes later.
    tmux.wait_for("ALPHA-1");
    tmux.keys(&["Tab"]);
    tmux.wait_for("Question 2 of 4");
    tmux.type_text("Second answer BRAVO-2");
    tmux.wait_for("BRAVO-2");
    tmux.keys(&["Enter"]);
    tmux.type_text("on two lines");
    tmux.keys(&["C-q"]);
    tmux.wait_for("EXITED 0");

    tmux.start(home.path(), "start --theme child-mental-health", (100, 30));
    // Carries on where it stopped: the second answer, open to write on.
    tmux.wait_for("Question 2 of 4");
    tmux.wait_for("on two lines");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Your answer (Enter to write)");
    tmux.keys(&["k"]);
    tmux.wait_for("First answer ALPHA-1");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");

    let export = tmux::run_plain(home.path(), &["export", "--latest"]);
    let markdown = String::from_utf8_lossy(&export.stdout);
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    assert!(
        markdown.contains("First answer ALPHA-1, with café and 👩🏽‍⚕️"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Second answer BRAVO-2  \non two lines"),
        "{markdown}"
    );
    assert!(markdown.contains("Safeguarding children with mental health needs"));

    let folder = home.path().join("config/reflections");
    assert_eq!(mode(&folder), 0o700);
    let files: Vec<_> = std::fs::read_dir(&folder)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(
        files
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "toml"))
    );
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// With a long history the first frame comes from the index, and the full
/// records after it; a key pressed at once still finds every earlier
/// answer, and the index is written for the next start.
#[test]
fn earlier_answers_are_there_from_the_first_key_with_a_long_history() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let dir = home.path().join("config/reflections");
    write_finished_reflections(&dir, 300);
    // What a save cut short by a crash left: removed once the app is up.
    let leftover = dir.join(".2025-r0001.toml.tmp-999999-0");
    std::fs::write(&leftover, "half a save").expect("write");
    let aged = std::process::Command::new("touch")
        .args(["-d", "1 hour ago"])
        .arg(&leftover)
        .status();
    assert!(aged.is_ok_and(|s| s.success()), "touch -d");
    let tmux = Tmux::new("long-history");
    for start in ["first (no index)", "second (from the index)"] {
        tmux.start(home.path(), "start --theme child-mental-health", (100, 30));
        let screen = tmux.wait_for("Question 1 of 4");
        tmux.keys(&["Escape"]);
        // Escape and a key read together are Alt and the key: wait between.
        tmux.wait_for("Your answer (Enter to write)");
        tmux.keys(&["e"]);
        assert!(
            screen.contains("300 earlier answers to this question"),
            "{start}: the first frame counts them: {screen}"
        );
        tmux.wait_for("EARLIER-ANSWER-299");
        tmux.keys(&["Escape"]);
        tmux.keys(&["C-q"]);
        tmux.wait_for("EXITED 0");
        assert!(dir.join(".index").exists(), "{start}: the index is written");
        assert!(!leftover.exists(), "{start}: the leftover is removed");
    }
    // Home is drawn from the index alone: the count is there at once, and
    // a file that is not a reflection is still told about.
    std::fs::write(dir.join("notes.txt"), "not a reflection").expect("write");
    tmux.start(home.path(), "", (100, 30));
    tmux.wait_for("Your reflections (300)");
    tmux.wait_for("notes.txt");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
}

fn write_finished_reflections(dir: &std::path::Path, count: usize) {
    use reflect::content::Audience;
    use reflect::store::{RecordDir, Reflection};
    let records = RecordDir::<Reflection>::open(dir).expect("reflections folder");
    let questions = [
        "formal-diagnosis",
        "voice-of-the-child",
        "mental-capacity-and-consent",
        "interim-support",
    ];
    let start = chrono::DateTime::parse_from_rfc3339("2025-01-01T09:00:00+00:00").expect("date");
    let padding = "words of an earlier reflection ".repeat(40);
    for n in 0..count {
        let at = start + chrono::Duration::hours(n as i64);
        let id = format!("2025-r{n:04}");
        let mut r = Reflection::new(
            id,
            at,
            "panel-2023-24",
            "child-mental-health",
            Audience::Practitioner,
        );
        for q in questions {
            let key = format!("panel-2023-24/child-mental-health/{q}");
            r.answer_mut_or_insert(&key, "Q", at).text = format!("EARLIER-ANSWER-{n} {padding}");
        }
        records.save(&r).expect("save");
    }
}
