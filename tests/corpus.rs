//! The corpus of nasty TOML (`tests/corpus/`, also the fuzz targets'
//! seeds): every content file through the loader and through `reflect
//! check FILE`, every record file through the record reader, read-only and
//! writable. Nothing panics, nothing is changed by reading, damaged
//! records are moved aside whole, and no message quotes a record's text.

mod support;

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;

use reflect::content::{Layer, Library};
use reflect::store::{GroupRecord, LoadReport, Record, RecordDir, Reflection};
use support::files::{assert_unchanged, snapshot};

const MARKER: &str = "SECRET-";

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 40,
        "{} holds only {}",
        dir.display(),
        files.len()
    );
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned()
}

/// Runs `check` on every file, each caught on its own, and fails naming
/// every file whose check panicked or failed.
fn each(files: &[PathBuf], check: impl Fn(&Path)) {
    let failed: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let outcome = catch_unwind(AssertUnwindSafe(|| check(file)));
            outcome.err().map(|_| stem(file))
        })
        .collect();
    assert!(failed.is_empty(), "failed on: {failed:?}");
}

#[test]
fn every_content_file_loads_without_panicking() {
    each(&corpus("content"), |file| {
        let tmp = tempfile::tempdir().expect("tmp");
        let copy = tmp.path().join(file.file_name().expect("name"));
        fs::copy(file, &copy).expect("copy");
        let checked = Library::check_paths(std::slice::from_ref(&copy));
        let loaded = Library::load(&[Layer::folder("corpus", tmp.path(), true)]);
        assert_eq!(checked.diagnostics, loaded.diagnostics, "{}", stem(file));
        let ok = stem(file).starts_with("ok-");
        assert_eq!(
            !checked.has_errors(),
            ok,
            "{}: {:?}",
            stem(file),
            checked.diagnostics
        );
        for d in &checked.diagnostics {
            assert_eq!(d.path, copy, "{d}");
        }
    });
}

/// `reflect check FILE`: 0 for a valid pack; else 1 or 2 and a message
/// that starts with the file's path (and its line and column when the
/// problem has a place), never a panic.
#[test]
fn reflect_check_names_the_place_and_never_panics() {
    let home = tempfile::tempdir().expect("tmp");
    each(&corpus("content"), |file| {
        let out = Command::new(support::tmux::binary())
            .arg("check")
            .arg(file)
            .env("REFLECT_CONFIG_DIR", home.path().join("config"))
            .env("HOME", home.path())
            .env_remove("REFLECT_CONTENT")
            .output()
            .expect("run reflect");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = stem(file);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        let code = out.status.code();
        if name.starts_with("ok-") {
            assert_eq!(code, Some(0), "{name}: {stderr}");
            return;
        }
        assert!(matches!(code, Some(1 | 2)), "{name}: {code:?} {stderr}");
        let path = file.display().to_string();
        let placed = stderr.lines().any(|line| is_placed_error(line, &path));
        assert!(
            placed,
            "{name}: no `path:line:col: error:` line in\n{stderr}"
        );
    });
    assert!(
        !home.path().join("config").exists(),
        "check created the config folder"
    );
}

/// `PATH:LINE:COL: error: ...` or, for the whole file, `PATH: error: ...`.
fn is_placed_error(line: &str, path: &str) -> bool {
    let Some(rest) = line.strip_prefix(path) else {
        return false;
    };
    let place: Vec<&str> = rest.splitn(4, ':').collect();
    match place.as_slice() {
        ["", l, c, tail] => {
            l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok() && tail.starts_with(" error:")
        }
        _ => rest.starts_with(": error:"),
    }
}

fn no_secret<T>(name: &str, report: &LoadReport<T>) {
    let reasons = report
        .unreadable
        .iter()
        .chain(&report.skipped)
        .map(|(_, r)| r);
    for reason in reasons.chain(report.moved_aside.iter().map(|m| &m.reason)) {
        assert!(!reason.contains(MARKER), "{name}: {reason}");
    }
}

/// Reads `file` as a record of type `T` from a folder of its own; whether
/// it loaded.
fn read_as<T: Record>(file: &Path) -> bool {
    let name = stem(file);
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("records");
    fs::create_dir(&dir).expect("mkdir");
    let path = dir.join(format!("{name}.toml"));
    let bytes = fs::read(file).expect("read corpus");
    fs::write(&path, &bytes).expect("write");
    let before = snapshot(tmp.path());

    let looked = RecordDir::<T>::read_only(&dir)
        .load_all()
        .expect("read only");
    no_secret(&name, &looked);
    assert!(looked.moved_aside.is_empty(), "{name}");
    assert_eq!(looked.records.len() + looked.unreadable.len(), 1, "{name}");
    if let Err(e) = RecordDir::<T>::read_only(&dir).load(&name) {
        assert!(!e.to_string().contains(MARKER), "{name}: {e}");
    }
    assert_unchanged(tmp.path(), &before, &format!("reading {name}"));

    let opened = RecordDir::<T>::open(&dir)
        .expect("open")
        .load_all()
        .expect("load");
    no_secret(&name, &opened);
    assert_eq!(opened.records.len(), looked.records.len(), "{name}");
    let accounted = opened.records.len() + opened.unreadable.len() + opened.moved_aside.len();
    assert_eq!(accounted, 1, "{name}: {:?}", opened.unreadable);
    match opened.moved_aside.first() {
        Some(moved) => {
            assert!(!path.exists(), "{name}");
            assert_eq!(fs::read(&moved.moved_to).expect("aside"), bytes, "{name}");
        }
        None => assert_eq!(fs::read(&path).expect("left"), bytes, "{name}"),
    }
    looked.records.len() == 1
}

#[test]
fn every_record_file_is_loaded_or_named_and_never_changed() {
    each(&corpus("records"), |file| {
        let name = stem(file);
        // A reflection holds every field a group record needs, so only
        // the file's own kind is asserted.
        let (as_reflection, as_group) = (read_as::<Reflection>(file), read_as::<GroupRecord>(file));
        let loaded = if name.contains("group") {
            as_group
        } else {
            as_reflection
        };
        assert_eq!(
            loaded,
            name.starts_with("ok-"),
            "{name}: loaded as its kind"
        );
    });
}

/// The whole corpus in one config folder: `history` and `export --group`
/// list or skip every file, quote none, and change nothing.
#[test]
fn history_and_export_over_the_whole_corpus_change_nothing() {
    let home = tempfile::tempdir().expect("tmp");
    let config = home.path().join("config");
    for folder in ["reflections", "groups"] {
        fs::create_dir_all(config.join(folder)).expect("mkdir");
        for file in corpus("records") {
            fs::copy(
                &file,
                config.join(folder).join(file.file_name().expect("name")),
            )
            .expect("copy");
        }
    }
    let before = snapshot(&config);
    for args in [
        &["history"][..],
        &["export", "--latest"],
        &["export", "--group"],
    ] {
        let out = support::tmux::run_plain(home.path(), args);
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        // The README: history exits 2 when something could not be read;
        // an export that was made exits 0, naming what it skipped.
        let code = if args == ["history"] { 2 } else { 0 };
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(
            !stderr.contains(MARKER),
            "{args:?} quoted a file:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        if args == ["history"] {
            assert!(stdout.contains("ok-reflection") && stdout.contains("ok-group"));
        }
    }
    assert_unchanged(&config, &before, "history and export");
}
