//! The command-line tools, run as a user would run them: the real binary,
//! against fixture folders, with the config folder in a temporary place.

mod support;
use support::cli::{reflect, text};

#[test]
fn check_on_the_builtin_content_is_clean() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(
        home.path(),
        &["check", concat!(env!("CARGO_MANIFEST_DIR"), "/content")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "1 pack, 3 themes, 19 learning points, 26 questions (11 practitioner, 15 leader); no problems found"
    );
}

#[test]
fn list_shows_every_seed_bullet_one_a_line() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(home.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0));
    let listing = text(&out.stdout);
    let count = |kind: &str| listing.lines().filter(|l| l.starts_with(kind)).count();
    assert_eq!(count("key-data "), 9);
    assert_eq!(count("learning "), 19);
    assert_eq!(count("question:practitioner "), 11);
    assert_eq!(count("question:leader "), 15);
    let seed = include_str!("fixtures/seeds/001_3d6bc39fc8b52dad.txt");
    let bullets: Vec<&str> = seed.lines().filter_map(|l| l.strip_prefix("- ")).collect();
    assert!(bullets.len() > 40, "the briefing's bullets were read");
    for bullet in bullets {
        assert!(
            listing.contains(bullet.trim()),
            "missing from `reflect list`: {bullet}"
        );
    }
}

#[test]
fn list_filters_by_theme_and_rejects_unknown_ids() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(home.path(), &["list", "--theme", "extrafamilial-harm"]);
    let listing = text(&out.stdout);
    assert!(
        listing.lines().all(|l| l.contains("extrafamilial-harm")),
        "{listing}"
    );
    let named = reflect(
        home.path(),
        &["list", "--theme", "panel-2023-24/extrafamilial-harm"],
    );
    assert_eq!(text(&named.stdout), listing, "PACK/THEME lists the same");
    let out = reflect(home.path(), &["list", "--theme", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no theme `nope`"));
}

/// A tester named a folder that is not there: list said nothing and
/// exited 0, while check and the app report it.
#[test]
fn list_says_when_a_content_folder_cannot_be_read() {
    let home = tempfile::tempdir().expect("tmp");
    let missing = home.path().join("no-such-folder");
    let missing = missing.to_str().expect("utf-8 path");
    let out = reflect(home.path(), &["--content", missing, "list"]);
    assert_eq!(out.status.code(), Some(2), "as check exits");
    let err = text(&out.stderr);
    assert!(err.contains("no-such-folder: error: cannot read"), "{err}");
    assert!(
        text(&out.stdout).contains("question:practitioner "),
        "the rest is listed"
    );
}

/// A tester's config folder was a file: history blamed config.toml, and
/// said the system's words twice. It says what stands in the way, once.
#[test]
fn a_file_where_the_config_folder_should_be_is_said_plainly() {
    let home = tempfile::tempdir().expect("tmp");
    let file = home.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let out = reflect(&file, &["history"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(!err.contains("config.toml has problems"), "{err}");
    assert!(
        err.contains("a file stands where one of its folders should be"),
        "{err}"
    );
    assert_eq!(err.matches("os error 20").count(), 1, "{err}");
}

#[test]
fn new_writes_a_template_that_passes_check_and_never_overwrites() {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("pack");
    let dir_arg = dir.to_str().expect("utf-8 path");
    assert_eq!(
        reflect(home.path(), &["new", dir_arg]).status.code(),
        Some(0)
    );
    assert_eq!(
        reflect(home.path(), &["check", dir_arg]).status.code(),
        Some(0)
    );
    let again = reflect(home.path(), &["new", dir_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again.stderr).contains("already exists"));
}

#[test]
fn check_reports_problems_with_file_line_and_column() {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("pack");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let template = include_str!("../templates/new-pack.toml")
        .replace("audience = \"leader\"", "audiance = \"leader\"");
    std::fs::write(dir.join("p.toml"), template).expect("write");
    let out = reflect(home.path(), &["check", dir.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("p.toml:63:1: error: unknown key `audiance` in [[theme.question]]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: did you mean `audience`?"),
        "{stderr}"
    );
}

#[test]
fn check_exits_2_when_a_path_cannot_be_read() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(home.path(), &["check", "/nonexistent/reflect"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read"));
}

#[test]
fn a_content_folder_overrides_the_builtin_pack_and_says_so() {
    let home = tempfile::tempdir().expect("tmp");
    let dir = home.path().join("team");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let pack = include_str!("../templates/new-pack.toml")
        .replace("id = \"my-team-pack\"", "id = \"panel-2023-24\"");
    std::fs::write(dir.join("p.toml"), pack).expect("write");
    let out = reflect(
        home.path(),
        &["--content", dir.to_str().expect("utf-8"), "check"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("replaces the one from built-in"));
}

#[test]
fn paths_lists_every_location_under_the_config_folder() {
    let home = tempfile::tempdir().expect("tmp");
    let out = reflect(home.path(), &["paths"]);
    let listing = text(&out.stdout);
    for label in [
        "config folder",
        "your content",
        "reflections",
        "group records",
        "config file",
    ] {
        assert!(listing.contains(label), "{listing}");
    }
    assert!(listing.contains(&home.path().join("reflections").display().to_string()));
}
