//! Damaged reflections and group records, end to end: beside one good
//! record, a truncated file, random bytes, wrong types, a newer format, a
//! 100 MB file, links (to a good file elsewhere, and to nothing), a folder
//! named like a record and files with odd names. `history` and `export`
//! name the bad ones and change nothing; the app moves only the files it
//! cannot parse aside, byte for byte, leaves the rest exactly as they were,
//! and on a second start moves nothing more.

mod support;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use chrono::DateTime;
use reflect::store::{GroupRecord, Record, RecordDir, Reflection};
use reflect::words::Audience;
use support::files::{Seen, assert_unchanged, snapshot};
use support::tmux::{self, Tmux};

const PACK: &str = "panel-2023-24";
const THEME: &str = "child-mental-health";
const GOOD_ANSWER: &str = "GOOD-ANSWER we listened first";
const GOOD_NOTE: &str = "GOOD-NOTE the group agreed";
/// In every damaged file's private text: never in a message.
const SECRET: &str = "SECRET-";

/// Files the app cannot parse: moved aside, whole.
const DAMAGED: [&str; 3] = ["truncated.toml", "random.toml", "wrong-types.toml"];
/// Left exactly as they are by everyone.
const LEFT: [&str; 6] = [
    "future.toml",
    "huge.toml",
    "linked.toml",
    "dangling.toml",
    "x.toml",
    "Odd Name (copy).toml",
];
/// A name that is not UTF-8: `caf\xe9.toml`.
const NOT_UTF8: &[u8] = b"caf\xe9.toml";

struct Home {
    tmp: tempfile::TempDir,
}

impl Home {
    fn config(&self) -> PathBuf {
        self.tmp.path().join("config")
    }
    fn reflections(&self) -> PathBuf {
        self.config().join("reflections")
    }
    fn groups(&self) -> PathBuf {
        self.config().join("groups")
    }
}

fn at(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

fn good_reflection(id: &str) -> Reflection {
    let now = at("2026-03-04T10:00:00Z");
    let mut r = Reflection::new(id, now, PACK, THEME, Audience::Practitioner);
    let key = format!("{PACK}/{THEME}/formal-diagnosis");
    r.answer_mut_or_insert(&key, "How do you respond?", now)
        .text = GOOD_ANSWER.into();
    r.notes = format!("private notes {SECRET}notes");
    r
}

fn good_group(id: &str) -> GroupRecord {
    let mut g = GroupRecord::new(id, at("2026-03-04T10:00:00Z"), PACK, THEME);
    let text = format!("{GOOD_NOTE} {SECRET}group");
    g.add_note(
        "question:formal-diagnosis",
        "Formal diagnosis",
        text,
        at("2026-03-04T10:20:00Z"),
    );
    g
}

/// `record` as its file's text, with its id replaced by `id`.
fn text_as<T: Record>(record: &T, id: &str) -> String {
    let text = toml::to_string_pretty(record).expect("toml");
    text.replace(
        &format!("id = \"{}\"", record.id()),
        &format!("id = \"{id}\""),
    )
}

/// Pseudo-random bytes (not UTF-8) with a marker in the middle.
fn random_bytes() -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    let mut bytes: Vec<u8> = (0..3000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    bytes.splice(1500..1500, format!("{SECRET}random").into_bytes());
    bytes
}

/// The good record (saved by the store, as the app saves) and every kind
/// of bad file beside it in `dir`; `elsewhere` holds the link's target.
fn fill<T: Record>(dir: &Path, good: &T, elsewhere: &Path) {
    RecordDir::<T>::open(dir)
        .expect("open")
        .save(good)
        .expect("save");
    let write = |name: &str, bytes: &[u8]| fs::write(dir.join(name), bytes).expect("write");
    let truncated = text_as(good, "truncated");
    write(
        "truncated.toml",
        &truncated.as_bytes()[..truncated.len() * 2 / 3],
    );
    write("random.toml", &random_bytes());
    let wrong = text_as(good, "wrong-types").replacen("format = 1", "format = \"one\"", 1);
    write("wrong-types.toml", wrong.as_bytes());
    let future = text_as(good, "future").replacen("format = 1", "format = 99", 1);
    write(
        "future.toml",
        format!("{future}\n[hologram]\nmood = \"{SECRET}x\"\n").as_bytes(),
    );
    let huge = fs::File::create(dir.join("huge.toml")).expect("huge");
    huge.set_len(100 * 1024 * 1024).expect("sparse 100 MB");
    fs::create_dir_all(elsewhere).expect("elsewhere");
    let target = elsewhere.join(format!("{}.toml", dir.file_name().unwrap().display()));
    fs::write(&target, text_as(good, "linked")).expect("target");
    std::os::unix::fs::symlink(&target, dir.join("linked.toml")).expect("link");
    std::os::unix::fs::symlink(elsewhere.join("gone.toml"), dir.join("dangling.toml"))
        .expect("dangling link");
    fs::create_dir(dir.join("x.toml")).expect("folder");
    write("Odd Name (copy).toml", text_as(good, "odd").as_bytes());
    fs::write(dir.join(OsStr::from_bytes(NOT_UTF8)), text_as(good, "cafe")).expect("odd name");
}

fn setup() -> Home {
    let home = Home {
        tmp: tempfile::tempdir().expect("tmp"),
    };
    let elsewhere = home.tmp.path().join("elsewhere");
    fill(&home.reflections(), &good_reflection("good"), &elsewhere);
    fill(&home.groups(), &good_group("good-group"), &elsewhere);
    home
}

/// Every bad file in `dir` is named in `stderr`.
fn names_every_bad_file(stderr: &str, dir: &Path) {
    for name in DAMAGED.iter().chain(&LEFT) {
        let path = dir.join(name).display().to_string();
        assert!(stderr.contains(&path), "{path} not named in:\n{stderr}");
    }
    let odd = dir.join(OsStr::from_bytes(NOT_UTF8)).display().to_string();
    assert!(stderr.contains(&odd), "{odd} not named in:\n{stderr}");
}

fn run(home: &Home, args: &[&str]) -> (String, String) {
    run_exiting(home, args, 0)
}

fn run_exiting(home: &Home, args: &[&str], code: i32) -> (String, String) {
    let out = tmux::run_plain(home.tmp.path(), args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
    assert!(
        !stderr.contains(SECRET),
        "{args:?} quoted a file:\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn history_lists_the_good_names_the_bad_and_changes_nothing() {
    let home = setup();
    let before = snapshot(home.tmp.path());
    // The README: 2 when something could not be read.
    let (stdout, stderr) = run_exiting(&home, &["history"], 2);
    assert_unchanged(home.tmp.path(), &before, "reflect history");
    let listed: Vec<&str> = stdout.lines().collect();
    assert_eq!(listed.len(), 2, "only the good ones:\n{stdout}");
    assert!(listed.iter().any(|l| l.ends_with("  good")), "{stdout}");
    assert!(
        listed.iter().any(|l| l.ends_with("  good-group")),
        "{stdout}"
    );
    names_every_bad_file(&stderr, &home.reflections());
    names_every_bad_file(&stderr, &home.groups());
}

#[test]
fn export_latest_and_export_group_work_and_change_nothing() {
    let home = setup();
    let before = snapshot(home.tmp.path());
    let (sheet, stderr) = run(&home, &["export", "--latest"]);
    assert!(sheet.contains(GOOD_ANSWER), "{sheet}");
    names_every_bad_file(&stderr, &home.reflections());
    let (record, stderr) = run(&home, &["export", "--group"]);
    assert!(record.contains(GOOD_NOTE), "{record}");
    names_every_bad_file(&stderr, &home.groups());
    let (by_id, _) = run(&home, &["export", "--group", "good-group"]);
    assert_eq!(by_id, record);
    assert_unchanged(home.tmp.path(), &before, "reflect export");
}

/// Starts the app on its home screen, checks what it says, and quits.
fn start_app(tmux: &Tmux, home: &Home, expect_notice: bool) -> String {
    tmux.start(home.tmp.path(), "", (220, 50));
    tmux.wait_for_settled("Your reflections");
    if expect_notice {
        let screen = tmux.wait_for("A damaged reflection file was kept aside");
        assert!(!screen.contains(SECRET), "{screen}");
    }
    let screen = tmux.wait_for("1 answered, 0 flagged");
    tmux.keys(&["q"]);
    tmux.wait_for("EXITED 0");
    screen
}

/// The damaged file `name` is gone and one `name.corrupt-STAMP` beside it
/// holds exactly its bytes.
fn moved_aside(dir: &Path, name: &str, before: &std::collections::BTreeMap<PathBuf, Seen>) {
    let original = dir.join(name);
    assert!(!original.exists(), "{name} was not moved");
    let prefix = format!("{name}.corrupt-");
    let asides: Vec<PathBuf> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .collect();
    assert_eq!(asides.len(), 1, "{name}: {asides:?}");
    let Some(Seen::File { hash, len, .. }) = before.get(&original) else {
        panic!("{name} was not a file before");
    };
    assert_eq!(
        fs::metadata(&asides[0]).expect("aside").len(),
        *len,
        "{name}"
    );
    assert_eq!(
        support::files::hash_of(&asides[0]),
        *hash,
        "{name}: bytes changed"
    );
}

/// Besides what was moved aside, only `NAME.corrupt-*`, lock files and the
/// history index are new,
/// and everything else is exactly as it was.
fn only_the_damaged_moved(dir: &Path, before: &std::collections::BTreeMap<PathBuf, Seen>) {
    let after = snapshot(dir);
    for (path, seen) in before.iter().filter(|(p, _)| p.parent() == Some(dir)) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if DAMAGED.contains(&name.as_str()) {
            moved_aside(dir, &name, before);
        } else {
            assert_eq!(after.get(path), Some(seen), "{name} was changed");
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let own = name.contains(".corrupt-") || name.ends_with(".lock") || name == ".index";
        assert!(own, "the app created {name}");
    }
}

#[test]
fn the_app_moves_only_unparsable_files_aside_and_only_once() {
    if !tmux::available() {
        return;
    }
    let home = setup();
    let before = snapshot(home.tmp.path());
    let tmux = Tmux::new("corrupt");
    start_app(&tmux, &home, true);
    only_the_damaged_moved(&home.reflections(), &before);
    let groups_before: std::collections::BTreeMap<_, _> = before
        .iter()
        .filter(|(p, _)| p.starts_with(home.groups()) && *p != &home.groups())
        .map(|(p, s)| (p.clone(), s.clone()))
        .collect();
    assert_unchanged(&home.groups(), &groups_before, "the app's home screen");
    let elsewhere = home.tmp.path().join("elsewhere");
    assert_eq!(
        snapshot(&elsewhere).len(),
        2,
        "the link's target is still there"
    );

    let after_first = snapshot(home.tmp.path());
    let screen = start_app(&tmux, &home, false);
    assert!(!screen.contains("kept aside as"), "moved again:\n{screen}");
    assert_unchanged(home.tmp.path(), &after_first, "a second start");
}
