//! Bytes as a content pack file: read in memory, then from disk the way
//! `reflect check FILE` reads it and the way the app reads a folder.
//! Nothing may panic, every diagnostic names the file, and both ways of
//! reading give the same packs and the same diagnostics.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use reflect::content::{Layer, Library, source};

/// One folder for the whole run, in memory where the machine has /dev/shm.
fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let builder = tempfile::Builder::new()
            .prefix("reflect-fuzz-content")
            .tempdir_in(shm);
        builder
            .or_else(|_| tempfile::tempdir())
            .expect("temp folder")
    })
    .path()
}

fn check(library: &Library, file: &Path) {
    for d in &library.diagnostics {
        assert_eq!(d.path, file, "a diagnostic names another file: {d}");
        assert!(d.to_string().starts_with(&file.display().to_string()));
    }
    let (mut out, mut err) = (Vec::new(), Vec::new());
    reflect::cli::check::report(library, &mut out, &mut err).expect("report");
}

fuzz_target!(|data: &[u8]| {
    let file = folder().join("pack.toml");
    let _ = source::from_bytes(&file, data.to_vec());
    std::fs::write(&file, data).expect("write the pack file");
    let checked = Library::check_paths(std::slice::from_ref(&file));
    check(&checked, &file);
    let layer = Layer::folder("fuzz", folder(), true);
    let loaded = Library::load(&[layer]);
    check(&loaded, &file);
    assert_eq!(loaded.packs.len(), checked.packs.len());
    assert_eq!(loaded.diagnostics, checked.diagnostics);
});
