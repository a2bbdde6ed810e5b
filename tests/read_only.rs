//! Commands that only look never create or change a file: no config
//! folder, no `.gitignore`, no records folder, no lock, no moved file; not
//! in the config folder and not anywhere else under the home folder.

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chrono::DateTime;
use reflect::store::{GroupRecord, RecordDir, Reflection};
use reflect::words::Audience;
use support::files::{assert_unchanged, snapshot};

const COMMANDS: &[&[&str]] = &[
    &["history"],
    &["export"],
    &["export", "--latest"],
    &["export", "--group"],
    &["export", "--group", "--latest"],
    &["list"],
    &["check"],
    &["paths"],
];

fn reflect(home: &Path, args: &[&str]) -> Output {
    Command::new(support::tmux::binary())
        .args(args)
        .env("REFLECT_CONFIG_DIR", home.join("config"))
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("xdg"))
        .env_remove("REFLECT_CONTENT")
        .output()
        .expect("run reflect")
}

/// Runs every read-only command in `home`; none changes anything there.
fn none_changes_anything(home: &Path) {
    let before = snapshot(home);
    for args in COMMANDS {
        let out = reflect(home, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{args:?}: {:?} {stderr}",
            out.status
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_unchanged(home, &before, &format!("reflect {}", args.join(" ")));
    }
}

#[test]
fn with_no_config_folder_nothing_is_created() {
    let home = tempfile::tempdir().expect("tmp");
    none_changes_anything(home.path());
    assert!(!home.path().join("config").exists());
    assert_eq!(fs::read_dir(home.path()).expect("list").count(), 0);
}

#[test]
fn with_an_empty_config_folder_nothing_is_created() {
    let home = tempfile::tempdir().expect("tmp");
    fs::create_dir(home.path().join("config")).expect("mkdir");
    none_changes_anything(home.path());
    let inside = fs::read_dir(home.path().join("config")).expect("list");
    assert_eq!(inside.count(), 0, "no .gitignore, no folders");
}

/// A config folder in use: a reflection, a group record, a damaged file
/// of each (which only the app moves aside), a content pack and settings.
#[test]
fn with_records_nothing_is_changed() {
    let home = tempfile::tempdir().expect("tmp");
    let config = home.path().join("config");
    let now = DateTime::parse_from_rfc3339("2026-02-03T10:00:00Z").expect("time");
    let reflection = Reflection::new(
        "r",
        now,
        "panel-2023-24",
        "child-mental-health",
        Audience::Leader,
    );
    let reflections = RecordDir::open(config.join("reflections")).expect("open");
    reflections.save(&reflection).expect("save");
    let group = GroupRecord::new("g", now, "panel-2023-24", "extrafamilial-harm");
    let groups = RecordDir::open(config.join("groups")).expect("open");
    groups.save(&group).expect("save");
    for dir in [reflections.dir(), groups.dir()] {
        fs::write(dir.join("damaged.toml"), "format = [").expect("damaged");
    }
    let content = config.join("content");
    fs::create_dir(&content).expect("content");
    let pack = include_str!("../templates/new-pack.toml");
    fs::write(content.join("pack.toml"), pack).expect("pack");
    fs::write(config.join("config.toml"), "audience = \"leader\"\n").expect("config");
    none_changes_anything(home.path());
    let out = reflect(home.path(), &["export", "--latest"]);
    assert_eq!(out.status.code(), Some(0), "the reflection was found");
}
