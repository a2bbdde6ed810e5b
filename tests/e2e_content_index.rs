//! End to end: the content index that lets home's first frame skip the
//! packs. A team lead edits a pack while the app is closed, then starts
//! it again: the edit shows (the index of the old files is not used). A
//! damaged index is passed over and written anew.

mod support;

use std::path::{Path, PathBuf};

use support::tmux::{self, Tmux};

fn index_files(home: &Path) -> Vec<PathBuf> {
    let cache = home.join("config/cache");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&cache)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "index"));
    files
}

/// Starts the app on home, waits for `text`, quits, and waits for the
/// index to be written (it is written after the first frame, on a thread
/// nothing waits for).
fn start_and_quit(tmux: &Tmux, home: &Path, args: &str, text: &str) -> String {
    tmux.start(home, args, (100, 30));
    let screen = tmux.wait_for(text);
    tmux.keys(&["C-q"]);
    tmux.wait_for("EXITED 0");
    screen
}

fn wait_for_index(home: &Path, holding: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let files = index_files(home);
        let text = files
            .first()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default();
        if files.len() == 1 && text.contains(holding) && text.ends_with("end\n") {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no index holding {holding:?}: {files:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn an_edit_made_while_the_app_was_closed_shows_at_the_next_start() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let team = tmux::copy_builtin_pack(home.path());
    let args = format!("--content {}", team.display());
    let tmux = Tmux::new("content-index");

    start_and_quit(&tmux, home.path(), &args, "Extrafamilial harm");
    wait_for_index(home.path(), "Extrafamilial harm");

    let file = team.join("panel-2023-24/3-extrafamilial-harm.toml");
    let original = std::fs::read_to_string(&file).expect("read the copy");
    let edited = original.replacen(
        "title = \"Extrafamilial harm\"",
        "title = \"Extrafamilial harm, as our team reads it\"",
        1,
    );
    assert_ne!(edited, original, "the theme's title is in the file");
    std::fs::write(&file, edited).expect("edit");
    let screen = start_and_quit(&tmux, home.path(), &args, "as our team reads it");
    assert!(!screen.contains("Content problem"), "{screen}");
    wait_for_index(home.path(), "as our team reads it");

    // The next start draws from the new index: the same screen.
    let again = start_and_quit(&tmux, home.path(), &args, "as our team reads it");
    assert!(
        again.contains("0 of 4 practitioner questions answered"),
        "{again}"
    );
}

#[test]
fn a_damaged_index_is_passed_over_and_written_anew() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let tmux = Tmux::new("content-index-damaged");
    start_and_quit(&tmux, home.path(), "", "Extrafamilial harm");
    let written = wait_for_index(home.path(), "Extrafamilial harm");
    let file = index_files(home.path()).remove(0);

    let damaged = written.replacen("\nT\t", "\nT\tnot\ta\ttheme\t", 1);
    std::fs::write(&file, &damaged[..damaged.len() / 2]).expect("damage");
    let screen = start_and_quit(&tmux, home.path(), "", "Extrafamilial harm");
    assert!(
        screen.contains("0 of 4 practitioner questions answered"),
        "{screen}"
    );
    assert_eq!(wait_for_index(home.path(), "Extrafamilial harm"), written);
}

#[test]
fn an_index_that_no_longer_holds_what_the_content_gives_is_written_anew() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let tmux = Tmux::new("content-index-stale");
    start_and_quit(&tmux, home.path(), "", "Extrafamilial harm");
    let written = wait_for_index(home.path(), "Extrafamilial harm");
    let file = index_files(home.path()).remove(0);
    // Its key still matches the files, but it says something else.
    let poisoned = written.replacen("\tExtrafamilial harm\n", "\tPOISONED title\n", 1);
    assert_ne!(poisoned, written);
    std::fs::write(&file, &poisoned).expect("poison");

    let screen = start_and_quit(&tmux, home.path(), "", "Extrafamilial harm");
    assert!(
        !screen.contains("POISONED"),
        "the full content replaced it: {screen}"
    );
    assert_eq!(wait_for_index(home.path(), "Extrafamilial harm"), written);
}

#[test]
fn a_content_folder_that_cannot_be_read_is_said_on_the_first_screen() {
    if !tmux::available() {
        return;
    }
    let home = tempfile::tempdir().expect("temp home");
    let tmux = Tmux::new("content-missing");
    let args = format!("--content {}", home.path().join("no-such-folder").display());
    let screen = start_and_quit(&tmux, home.path(), &args, "cannot read");
    assert!(screen.contains("no-such-folder"), "{screen}");
    assert!(
        index_files(home.path()).is_empty(),
        "content with a problem is not indexed"
    );
}
