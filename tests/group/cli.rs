//! `reflect export --group`, run as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

use reflect::paths::Paths;
use reflect::store::{GroupRecord, RecordDir};

use crate::wall;

fn reflect(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reflect"))
        .args(args)
        .env("REFLECT_CONFIG_DIR", config)
        .env_remove("REFLECT_CONTENT")
        .output()
        .expect("run reflect")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn seed(config: &Path) {
    let dir = RecordDir::<GroupRecord>::open(Paths::at(config).groups_dir()).expect("dir");
    let mut older = GroupRecord::new("older", wall(), "panel-2023-24", crate::THEME);
    older.add_note("title", "T", "older note", wall());
    older.updated = wall() - chrono::Duration::days(1);
    let mut latest = GroupRecord::new("latest", wall(), "panel-2023-24", crate::THEME);
    latest.add_note(
        "learning",
        "Learning for direct practice",
        "Think Family",
        wall(),
    );
    latest.set_draft(
        Some(reflect::store::GroupNote {
            slide: "learning".into(),
            slide_title: "Learning for direct practice".into(),
            text: "half written when the window closed".into(),
            added: wall(),
        }),
        wall(),
    );
    dir.save(&older).expect("save");
    dir.save(&latest).expect("save");
}

#[test]
fn export_group_latest_by_id_and_to_a_file() {
    let home = tempfile::tempdir().expect("tmp");
    seed(home.path());
    let out = reflect(home.path(), &["export", "--group", "--latest"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(
        md.starts_with("# Group session: Safeguarding children with mental health needs"),
        "{md}"
    );
    assert!(
        md.contains("## Learning for direct practice\n\n- Think Family\n"),
        "{md}"
    );
    assert!(!md.contains("older note"));
    // A tester exported straight after a crash: nothing said a note was
    // left being written. It is not in the export, and that is said.
    assert!(!md.contains("half written"), "{md}");
    let err = text(&out.stderr);
    assert!(err.contains("a note being written"), "{err}");
    assert!(
        err.contains("reflect group --theme panel-2023-24/child-mental-health"),
        "{err}"
    );
    let file = home.path().join("out.md");
    let out = reflect(
        home.path(),
        &[
            "export",
            "--group",
            "older",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        std::fs::read_to_string(&file)
            .expect("file")
            .contains("- older note")
    );
}

#[test]
fn export_group_says_what_is_wrong() {
    let home = tempfile::tempdir().expect("tmp");
    let none = reflect(home.path(), &["export", "--group"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(text(&none.stderr).contains("no group records yet"));
    seed(home.path());
    let missing = reflect(home.path(), &["export", "--group", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("no group record `nope`; recent ones: latest, older"),
        "{}",
        text(&missing.stderr)
    );
    // A name no record can have is no such record, as for a reflection.
    let odd = reflect(home.path(), &["export", "--group", "../../etc/passwd"]);
    assert_eq!(odd.status.code(), Some(1), "{}", text(&odd.stderr));
    assert!(text(&odd.stderr).contains("no group record `../../etc/passwd`"));
    let private = reflect(home.path(), &["export"]);
    assert_eq!(
        private.status.code(),
        Some(1),
        "no private reflections to export"
    );
    assert!(text(&private.stderr).contains("no reflections yet to export"));
    let both = reflect(home.path(), &["export", "--group", "--latest", "older"]);
    assert_eq!(both.status.code(), Some(2), "--latest and an ID conflict");
}
