//! `reflect export -o FILE` never replaces a file that is already there
//! unless `--force` says so: a tester lost a file of notes to a re-export.

use std::fs;

mod support;
use support::cli::{reflect, text};

const REFLECTION: &str = r#"format = 1
id = "2026-12-01-100000-child-mental-health"
started = "2026-12-01T10:00:00Z"
updated = "2026-12-01T10:40:00Z"
pack = "panel-2023-24"
theme = "child-mental-health"
audience = "practitioner"
notes = "Bring the chronology to supervision."
"#;

fn one_reflection() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("reflections");
    fs::create_dir_all(&dir).expect("mkdir");
    fs::write(
        dir.join("2026-12-01-100000-child-mental-health.toml"),
        REFLECTION,
    )
    .expect("write");
    home
}

#[test]
fn a_file_already_there_is_kept_unless_forced() {
    let home = one_reflection();
    let file = home.path().join("precious.md");
    fs::write(&file, "precious notes\n").expect("write");
    let name = file.to_str().expect("utf-8 path");
    for args in [
        vec!["export", "--latest", "-o", name],
        vec!["export", "--format", "text", "-o", name],
        vec!["export", "--group", "-o", name],
    ] {
        let out = reflect(home.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(
            err.contains("precious.md is already there"),
            "{args:?}: {err}"
        );
        assert!(err.contains("--force"), "{err}");
        assert_eq!(fs::read_to_string(&file).expect("read"), "precious notes\n");
    }
    let out = reflect(home.path(), &["export", "--latest", "-o", name, "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let sheet = fs::read_to_string(&file).expect("read");
    assert!(
        sheet.contains("Bring the chronology to supervision."),
        "{sheet}"
    );
}

#[test]
fn a_new_file_is_written_without_force() {
    let home = one_reflection();
    let file = home.path().join("sheet.md");
    let out = reflect(
        home.path(),
        &["export", "-o", file.to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        fs::read_to_string(&file)
            .expect("written")
            .contains("chronology")
    );
}

/// A tester gave a folder: told "add --force", then with it "Is a
/// directory". A folder is said to be one, and never replaced.
#[test]
fn a_folder_is_said_to_be_one_even_with_force() {
    let home = one_reflection();
    let folder = home.path().join("exports-here");
    fs::create_dir(&folder).expect("mkdir");
    let name = folder.to_str().expect("utf-8 path");
    for force in [false, true] {
        let mut args = vec!["export", "--latest", "-o", name];
        if force {
            args.push("--force");
        }
        let out = reflect(home.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains("exports-here is a folder"), "{err}");
        assert!(err.contains("sheet.md"), "{err}");
        assert!(folder.is_dir());
    }
}
