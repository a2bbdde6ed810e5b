use super::*;
use crate::store::record_dir::RecordDir;
use crate::store::reflection::Reflection;
use crate::words::Audience;
use chrono::DateTime;
use tempfile::TempDir;

const SECRET: &str = "SECRETMARKER";

fn reflection(id: &str, updated: &str) -> Reflection {
    let t = DateTime::parse_from_rfc3339(updated).unwrap();
    Reflection::new(id, t, "p", "t", Audience::Practitioner)
}

fn setup() -> (TempDir, RecordDir<Reflection>) {
    let tmp = TempDir::new().unwrap();
    let dir = RecordDir::open(tmp.path().join("r")).unwrap();
    (tmp, dir)
}

#[test]
fn newest_first_and_junk_ignored() {
    let (_tmp, dir) = setup();
    dir.save(&reflection("old", "2026-01-01T00:00:00Z"))
        .unwrap();
    dir.save(&reflection("new", "2026-06-01T00:00:00+02:00"))
        .unwrap();
    let _lock = dir.lock("old").unwrap().unwrap();
    for junk in [
        ".new.toml.tmp-1-0",
        "x.toml.corrupt-20260101-000000",
        "Bad Name.toml",
    ] {
        fs::write(dir.dir().join(junk), "garbage [").unwrap();
    }
    fs::create_dir(dir.dir().join("sub.toml")).unwrap();
    let report = dir.load_all().unwrap();
    let ids: Vec<&str> = report.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["new", "old"]);
    assert!(report.moved_aside.is_empty() && report.unreadable.is_empty());
    let mut skipped: Vec<String> = report
        .skipped
        .iter()
        .map(|(p, why)| format!("{}: {why}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    skipped.sort();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert!(
        skipped[0].starts_with("Bad Name.toml: not a record"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].starts_with("sub.toml: it is a folder"),
        "{skipped:?}"
    );
}

#[cfg(unix)]
#[test]
fn links_are_named_and_left_alone() {
    let (tmp, dir) = setup();
    let outside = tmp.path().join("outside.toml");
    dir.save(&reflection("real", "2026-01-01T00:00:00Z"))
        .unwrap();
    fs::copy(dir.path_of("real").unwrap(), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, dir.dir().join("linked.toml")).unwrap();
    std::os::unix::fs::symlink(tmp.path().join("gone"), dir.dir().join("dangling.toml")).unwrap();
    let report = dir.load_all().unwrap();
    assert_eq!(report.records.len(), 1);
    assert_eq!(report.skipped.len(), 2);
    assert!(report.skipped.iter().all(|(_, why)| why.contains("link")));
    assert!(dir.dir().join("dangling.toml").symlink_metadata().is_ok());
    assert!(outside.exists());
}

#[test]
fn a_huge_file_is_not_read_and_not_moved() {
    let (_tmp, dir) = setup();
    let huge = dir.path_of("huge").unwrap();
    fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let report = dir.load_all().unwrap();
    assert!(report.records.is_empty() && report.moved_aside.is_empty());
    assert_eq!(report.unreadable.len(), 1);
    assert!(
        report.unreadable[0].1.contains("100 MB"),
        "{:?}",
        report.unreadable
    );
    assert_eq!(fs::metadata(&huge).unwrap().len(), 100 * 1024 * 1024);
}

/// A damaged file stays where it is when reading only, and when another
/// copy of the app holds its lock (it may be replacing the file now).
#[test]
fn a_damaged_file_in_use_elsewhere_or_read_only_is_left_where_it_is() {
    for in_use in [true, false] {
        let (_tmp, dir) = setup();
        let bad = dir.path_of("bad").unwrap();
        fs::write(&bad, "format = [").unwrap();
        let _held = in_use.then(|| dir.lock("bad").unwrap().unwrap());
        let report = if in_use {
            dir.load_all()
        } else {
            RecordDir::<Reflection>::read_only(dir.dir()).load_all()
        };
        let report = report.unwrap();
        assert!(report.moved_aside.is_empty());
        let why = &report.unreadable[0].1;
        assert!(why.starts_with("damaged: "), "{why}");
        assert_eq!(why.contains("another copy"), in_use, "{why}");
        assert_eq!(fs::read_to_string(&bad).unwrap(), "format = [");
    }
}

#[test]
fn corrupt_file_moved_aside_byte_for_byte() {
    let (_tmp, dir) = setup();
    dir.save(&reflection("good", "2026-01-01T00:00:00Z"))
        .unwrap();
    let bad = dir.path_of("bad").unwrap();
    let bytes = b"format = 1\nnotes = \"unterminated\r\n\xff\x00".to_vec();
    fs::write(&bad, &bytes).unwrap();
    let report = dir.load_all().unwrap();
    assert_eq!(report.records.len(), 1);
    assert_eq!(report.moved_aside.len(), 1);
    let moved = &report.moved_aside[0];
    assert_eq!(moved.original, bad);
    assert!(!bad.exists());
    assert_eq!(fs::read(&moved.moved_to).unwrap(), bytes);
    assert_eq!(moved.reason, "not valid UTF-8 text at line 3, column 1");
    let again = dir.load_all().unwrap();
    assert_eq!((again.records.len(), again.moved_aside.len()), (1, 0));
}

#[test]
fn reasons_never_contain_file_contents() {
    let (_tmp, dir) = setup();
    let base = toml::to_string(&reflection("x", "2026-01-01T00:00:00Z")).unwrap();
    let cases = [
        format!("notes = \"{SECRET}"),
        format!("{SECRET} = oops"),
        format!("notes = {SECRET}"),
        base.replace("format = 1", &format!("format = \"{SECRET}\"")),
        base.replace("practitioner", SECRET),
        base.replace("pack = \"p\"", &format!("pack = [\"{SECRET}\"]")),
        base.replace("2026-01-01T00:00:00Z", SECRET),
        format!("{base}notes = \"{SECRET}\"\nnotes = \"{SECRET}\"\n"),
        format!("{base}[[answer]]\nquestion = \"{SECRET}\"\n"),
        format!("{SECRET}\u{0}\u{ff}"),
    ];
    let mut bodies: Vec<Vec<u8>> = cases.iter().map(|c| c.clone().into_bytes()).collect();
    bodies.push([SECRET.as_bytes(), b"\xff\xfe"].concat());
    for (i, body) in bodies.iter().enumerate() {
        let id = format!("c{i}");
        let path = dir.path_of(&id).unwrap();
        fs::write(&path, body).unwrap();
        let err = dir.load(&id).unwrap_err().to_string();
        assert!(!err.contains(SECRET), "case {i}: {err}");
        assert!(
            matches!(dir.load(&id), Err(StoreError::Parse { .. })),
            "case {i}"
        );
    }
    let report = dir.load_all().unwrap();
    assert_eq!(report.moved_aside.len(), bodies.len());
    for m in &report.moved_aside {
        assert!(!m.reason.contains(SECRET), "{}", m.reason);
        assert!(m.reason.contains("line "), "{}", m.reason);
    }
    assert!(report.unreadable.iter().all(|(_, r)| !r.contains(SECRET)));
}

#[test]
fn newer_format_refused_and_left_alone() {
    let (_tmp, dir) = setup();
    let mut r = reflection("future", "2026-01-01T00:00:00Z");
    r.format = 3;
    dir.save(&r).unwrap();
    let path = dir.path_of("future").unwrap();
    let before = fs::read(&path).unwrap();
    match dir.load("future") {
        Err(StoreError::NewerFormat {
            found: 3,
            supported: 2,
            ..
        }) => {}
        other => panic!("expected NewerFormat, got {other:?}"),
    }
    let report = dir.load_all().unwrap();
    assert!(report.records.is_empty() && report.moved_aside.is_empty());
    assert_eq!(report.unreadable.len(), 1);
    assert!(report.unreadable[0].1.contains("newer version"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn mismatched_id_left_alone() {
    let (_tmp, dir) = setup();
    dir.save(&reflection("one", "2026-01-01T00:00:00Z"))
        .unwrap();
    fs::rename(dir.path_of("one").unwrap(), dir.path_of("two").unwrap()).unwrap();
    assert!(matches!(
        dir.load("two"),
        Err(StoreError::IdMismatch { .. })
    ));
    let report = dir.load_all().unwrap();
    assert_eq!((report.records.len(), report.unreadable.len()), (0, 1));
    assert!(dir.path_of("two").unwrap().exists());
}

/// A tester pasted 17 MB into an answer: it was saved, then refused when
/// read back, and the reflection vanished from the list. What reading
/// would refuse is never written; the file on disk stays as it was.
#[test]
fn a_record_too_large_to_read_back_is_not_written() {
    let (_tmp, dir) = setup();
    let mut r = reflection("big", "2026-01-01T00:00:00Z");
    r.notes = "kept".into();
    dir.save(&r).unwrap();
    let before = fs::read(dir.dir().join("big.toml")).unwrap();
    r.notes = "a".repeat(17 * 1024 * 1024);
    let error = dir.save(&r).unwrap_err().to_string();
    assert!(
        error.contains("more than reflect keeps in one file"),
        "{error}"
    );
    assert!(error.contains("17.0 MB"), "{error}");
    assert_eq!(fs::read(dir.dir().join("big.toml")).unwrap(), before);
    let report = dir.load_all().unwrap();
    assert_eq!(report.records.len(), 1);
    assert!(report.unreadable.is_empty());
}
