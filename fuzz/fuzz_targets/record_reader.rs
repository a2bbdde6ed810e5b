//! Bytes as a reflection and as a group record file, read the way
//! `reflect history` reads (read-only) and the way the app reads (moving
//! damaged files aside). Nothing may panic; the file is loaded, named as
//! unreadable, or moved aside with its bytes unchanged; reading only
//! changes nothing; no reason quotes a `SECRET-` marker from the file.

#![no_main]

use std::fs;

use libfuzzer_sys::fuzz_target;
use reflect::store::{GroupRecord, LoadReport, Record, RecordDir, Reflection, validate_id};

const MARKER: &str = "SECRET-";

/// The file's own `id` when it has a usable one (so a good record loads),
/// else a fixed name.
fn id_of(data: &[u8]) -> String {
    std::str::from_utf8(data)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| table.get("id")?.as_str().map(str::to_owned))
        .filter(|id| validate_id(id).is_ok())
        .unwrap_or_else(|| "fuzzed".to_owned())
}

fn no_secret<T>(report: &LoadReport<T>) {
    let reasons = report
        .unreadable
        .iter()
        .chain(&report.skipped)
        .map(|(_, r)| r);
    for reason in reasons.chain(report.moved_aside.iter().map(|m| &m.reason)) {
        assert!(
            !reason.contains(MARKER),
            "a reason quotes the file: {reason}"
        );
    }
}

fn read<T: Record>(data: &[u8], id: &str) {
    let tmp = tempfile::Builder::new()
        .prefix("reflect-fuzz-record")
        .tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .expect("temp folder");
    let dir = tmp.path().join("records");
    fs::create_dir(&dir).expect("records folder");
    let path = dir.join(format!("{id}.toml"));
    fs::write(&path, data).expect("write the record");

    let looked = RecordDir::<T>::read_only(&dir)
        .load_all()
        .expect("read only");
    no_secret(&looked);
    assert!(looked.moved_aside.is_empty());
    assert_eq!(looked.records.len() + looked.unreadable.len(), 1);
    assert_eq!(fs::read(&path).expect("still there"), data);
    if let Err(e) = RecordDir::<T>::read_only(&dir).load(id) {
        assert!(!e.to_string().contains(MARKER), "{e}");
    }
    assert_eq!(
        fs::read_dir(&dir).expect("list").count(),
        1,
        "created nothing"
    );

    let opened = RecordDir::<T>::open(&dir)
        .expect("open")
        .load_all()
        .expect("load");
    no_secret(&opened);
    assert_eq!(opened.records.len(), looked.records.len());
    let accounted = opened.records.len() + opened.unreadable.len() + opened.moved_aside.len();
    assert_eq!(accounted, 1);
    match opened.moved_aside.first() {
        Some(moved) => {
            assert!(!path.exists());
            assert_eq!(fs::read(&moved.moved_to).expect("moved file"), data);
        }
        None => assert_eq!(fs::read(&path).expect("left alone"), data),
    }
}

fuzz_target!(|data: &[u8]| {
    let id = id_of(data);
    read::<Reflection>(data, &id);
    read::<GroupRecord>(data, &id);
});
