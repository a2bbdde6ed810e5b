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
    tmux.keys(&["Tab"]);
    tmux.wait_for("Question 2 of 4");
    tmux.type_text("Second answer BRAVO-2");
    tmux.keys(&["Enter"]);
    tmux.type_text("on two lines");
    tmux.keys(&["C-q"]);
    tmux.wait_for("EXITED 0");

    tmux.start(home.path(), "start --theme child-mental-health", (100, 30));
    tmux.wait_for("Question 3 of 4");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Your answer (Enter to write)");
    tmux.keys(&["k"]);
    tmux.wait_for("Second answer BRAVO-2");
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
