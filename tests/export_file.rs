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

const GROUP_RECORD: &str = r#"format = 1
id = "ID"
started = "2026-12-02T10:00:00Z"
updated = "2026-12-02T10:30:00Z"
pack = "panel-2023-24"
theme = "child-mental-health"

[[note]]
slide = "question:formal-diagnosis"
slide_title = "Formal diagnosis"
text = "Ask for it in writing."
added = "2026-12-02T10:20:00Z"
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

/// A tester linked the sheet into a shared folder: `--force` replaced the
/// link with a file of its own, and the shared copy went stale unseen.
#[cfg(unix)]
#[test]
fn a_link_is_written_through_and_a_pipe_is_never_replaced() {
    let home = one_reflection();
    let shared = home.path().join("shared");
    fs::create_dir(&shared).expect("mkdir");
    fs::write(shared.join("real.md"), "old\n").expect("write");
    use std::os::unix::fs::PermissionsExt;
    let shared_mode = fs::Permissions::from_mode(0o664);
    fs::set_permissions(shared.join("real.md"), shared_mode).expect("chmod");
    let link = home.path().join("link.md");
    std::os::unix::fs::symlink(shared.join("real.md"), &link).expect("link");
    let name = link.to_str().expect("utf-8 path");
    let groups = home.path().join("groups");
    fs::create_dir(&groups).expect("mkdir");
    let id = "2026-12-02-100000-child-mental-health";
    let record = GROUP_RECORD.replace("ID", id);
    fs::write(groups.join(format!("{id}.toml")), record).expect("write");
    for (args, written) in [
        (vec!["export", "-o", name, "--force"], "chronology"),
        (
            vec!["export", "--group", "-o", name, "--force"],
            "Ask for it in writing",
        ),
    ] {
        let out = reflect(home.path(), &args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let link_kept = fs::symlink_metadata(&link).expect("link").is_symlink();
        assert!(link_kept, "{args:?}: the link was replaced");
        let shared_sheet = fs::read_to_string(shared.join("real.md")).expect("read");
        assert!(shared_sheet.contains(written), "{args:?}: {shared_sheet}");
        let mode = fs::metadata(shared.join("real.md"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o664, "{args:?}: the team can still read it");
    }

    // A second name for the shared file (a hard link) would be left with
    // the old text: refused.
    let hard = home.path().join("hard.md");
    fs::hard_link(shared.join("real.md"), &hard).expect("hard link");
    let name = hard.to_str().expect("utf-8 path");
    let out = reflect(home.path(), &["export", "-o", name, "--force"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("hard links"),
        "{}",
        text(&out.stderr)
    );

    let dangling = home.path().join("dangling.md");
    std::os::unix::fs::symlink(home.path().join("nowhere.md"), &dangling).expect("link");
    let pipe = home.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    let mut refused = vec![dangling];
    if made.is_ok_and(|s| s.success()) {
        refused.push(pipe);
    }
    for path in refused {
        let name = path.to_str().expect("utf-8 path");
        // Not told to add --force, which would be refused too.
        for force in [false, true] {
            let mut args = vec!["export", "-o", name];
            if force {
                args.push("--force");
            }
            let out = reflect(home.path(), &args);
            assert_eq!(out.status.code(), Some(1), "{name}");
            assert!(
                text(&out.stderr).contains("is not a plain file"),
                "{args:?}"
            );
            assert!(!fs::metadata(&path).is_ok_and(|m| m.is_file()), "{name}");
        }
    }
}

/// `-o -` wrote a file named `-`: it is standard output.
#[test]
fn dash_is_standard_output() {
    let home = one_reflection();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_reflect"))
        .args(["export", "-o", "-"])
        .current_dir(home.path())
        .env("REFLECT_CONFIG_DIR", home.path())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("run reflect");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("chronology"));
    assert!(!home.path().join("-").exists());
}

/// A tester gave a group record's id without `--group`: told only that
/// there was no such reflection.
#[test]
fn a_group_records_id_without_group_says_to_add_it() {
    let home = one_reflection();
    let groups = home.path().join("groups");
    fs::create_dir(&groups).expect("mkdir");
    let id = "2026-12-02-100000-child-mental-health";
    fs::write(
        groups.join(format!("{id}.toml")),
        GROUP_RECORD.replace("ID", id),
    )
    .expect("write");
    let out = reflect(home.path(), &["export", id]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("reflect export --group {id}")),
        "{err}"
    );
}
