use std::fs;

use super::*;
use crate::content::{Figure, Layer};

fn builtin() -> Library {
    Library::load(&[Layer::builtin()])
}

fn key() -> Key {
    Key::from_text("layer built-in\nfile /bin/reflect 1 2\n".into())
}

fn round_trip(library: &Library) -> Option<Library> {
    decode(&encode(&key(), library), &key(), usize::MAX)
}

/// What the index must hold of `library`, said again independently of
/// `encode`: what home's first frame draws, the rest left empty.
fn preview(library: &Library) -> Library {
    let mut first_theme = true;
    let packs = library
        .packs
        .iter()
        .map(|pack| {
            let themes = pack.themes.iter().map(|theme| {
                let keep_text = std::mem::take(&mut first_theme);
                preview_theme(theme, keep_text)
            });
            preview_pack(pack, themes.collect())
        })
        .collect();
    Library {
        packs,
        notices: library.notices.clone(),
        ..Library::default()
    }
}

fn preview_pack(pack: &Pack, themes: Vec<Theme>) -> Pack {
    let mut preview = bare_pack(
        pack.id.clone(),
        pack.title.clone(),
        pack.origin.layer.clone(),
    );
    preview.overview.period = pack.overview.period.clone();
    preview.short_source = pack.short_source.clone();
    preview.source = pack.source.clone();
    preview.copyright = pack.copyright.clone();
    preview.licence = pack.licence.clone();
    preview.overview.figures = pack.overview.figures.clone();
    preview.themes = themes;
    preview
}

fn preview_theme(theme: &Theme, keep_text: bool) -> Theme {
    let mut preview = bare_theme(theme.id.clone(), theme.title.clone());
    if keep_text {
        preview.summary = theme.summary.clone();
        preview.key_data = theme.key_data.clone();
    }
    preview.questions = theme
        .questions
        .iter()
        .map(|q| bare_question(q.id.clone(), q.audience))
        .collect();
    preview
}

#[test]
fn the_preview_reads_back_as_it_was_written() {
    let library = builtin();
    let read = round_trip(&library).expect("the index reads back");
    assert_eq!(read.packs, preview(&library).packs);
    assert_eq!(read.notices, library.notices);
}

#[test]
fn the_preview_keeps_what_home_shows_and_leaves_the_rest() {
    let library = builtin();
    let shown = round_trip(&library).expect("reads back");
    let (pack, full) = (&shown.packs[0], &library.packs[0]);
    assert_eq!(pack.title, full.title);
    assert_eq!(pack.overview.figures, full.overview.figures);
    assert_eq!(pack.licence, full.licence);
    assert_eq!(pack.themes[0].key_data, full.themes[0].key_data);
    assert!(pack.themes[1].key_data.is_empty(), "only the first theme's");
    for (theme, whole) in pack.themes.iter().zip(&full.themes) {
        assert_eq!(theme.title, whole.title);
        let ids = |t: &Theme| {
            t.questions
                .iter()
                .map(|q| (q.id.clone(), q.audience))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(theme), ids(whole));
        assert!(theme.questions.iter().all(|q| q.text.is_empty()));
        assert!(theme.learning.is_empty());
    }
}

#[test]
fn only_the_themes_a_screen_can_show_get_their_questions() {
    let library = builtin();
    let text = encode(&key(), &library);
    let read = decode(&text, &key(), 2).expect("reads back");
    let counts: Vec<usize> = read.packs[0]
        .themes
        .iter()
        .map(|t| t.questions.len())
        .collect();
    let full = &library.packs[0].themes;
    assert_eq!(
        counts,
        [full[0].questions.len(), full[1].questions.len(), 0]
    );
    assert_eq!(
        read.packs[0].themes[2].title, full[2].title,
        "titles are all there"
    );
}

#[test]
fn tabs_newlines_backslashes_and_empty_texts_survive() {
    let mut library = builtin();
    let pack = &mut library.packs[0];
    pack.title = "A\ttitle\nover two lines \\ with a backslash\\".into();
    pack.overview.period = Some(String::new());
    pack.short_source = None;
    pack.overview.figures = vec![Figure {
        value: "\\t".into(),
        label: "not a tab: \\n".into(),
    }];
    pack.themes[0].key_data = vec!["first\r\nsecond".into(), "ünïcødé ✓ 👩‍👧".into()];
    library.notices = vec!["a notice\twith a tab".into()];
    let read = round_trip(&library).expect("reads back");
    assert_eq!(read.packs, preview(&library).packs);
    assert_eq!(read.notices, library.notices);
}

#[test]
fn an_index_of_other_files_is_not_used() {
    let text = encode(&key(), &builtin());
    let other = Key::from_text("layer built-in\nfile /bin/reflect 1 3\n".into());
    assert!(decode(&text, &other, usize::MAX).is_none());
}

#[test]
fn a_damaged_index_is_not_used_at_all() {
    let text = encode(&key(), &builtin());
    let cut = &text[..text.len() - "end\n".len()];
    let damaged = [
        cut.to_owned(),
        text.replacen("reflect content index 1", "reflect content index 9", 1),
        text.replacen("\nT\t", "\nX\t", 1),
        text.replacen("\nQ\t", "\nX\t", 1),
        text.replacen("\nQ\t0:", "\nQ\t7:", 1),
        text.replacen("\nQ\t0:", "\nQ\t0-", 1),
        text.replacen("\nQ\t", "\nQ\textra\t", 1),
        text.replacen("\t+", "\t*", 1),
        text.replacen("\nP\t", "\nT\tno-pack-yet\tTitle\nP\t", 1),
        String::new(),
        "\u{0}\u{ffff}garbage".into(),
    ];
    for (i, text) in damaged.iter().enumerate() {
        assert!(
            decode(text, &key(), usize::MAX).is_none(),
            "damaged index {i} was used"
        );
    }
}

#[test]
fn content_with_errors_is_never_indexed() {
    let folder = tempfile::tempdir().expect("temp");
    fs::write(folder.path().join("broken.toml"), "[pack\nid = ").expect("write");
    let library = Library::load(&[Layer::builtin(), Layer::folder("f", folder.path(), true)]);
    assert!(library.has_errors());
    assert!(!can_index(&library));
    assert!(can_index(&builtin()));
}

#[test]
fn the_key_changes_when_a_file_is_changed_added_or_removed() {
    let folder = tempfile::tempdir().expect("temp");
    let pack = folder.path().join("pack.toml");
    fs::write(&pack, "one").expect("write");
    let layers = [Layer::builtin(), Layer::folder("f", folder.path(), false)];
    let first = Key::of(&layers).expect("key");
    assert_eq!(
        Key::of(&layers),
        Some(first.clone()),
        "the same files, the same key"
    );
    fs::write(&pack, "one more").expect("write");
    let changed = Key::of(&layers).expect("key");
    assert_ne!(changed, first);
    fs::write(folder.path().join("part.toml"), "two").expect("write");
    let added = Key::of(&layers).expect("key");
    assert_ne!(added, changed);
    fs::remove_file(folder.path().join("part.toml")).expect("remove");
    fs::write(folder.path().join("notes.txt"), "not content").expect("write");
    assert_eq!(Key::of(&layers), Some(changed), "other files do not count");
}

#[cfg(unix)]
#[test]
fn the_key_changes_when_a_file_is_changed_but_keeps_its_length_and_time() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp");
    let pack = folder.path().join("pack.toml");
    fs::write(&pack, "one").expect("write");
    let layers = [Layer::folder("f", folder.path(), false)];
    let first = Key::of(&layers).expect("key");
    let written = fs::metadata(&pack)
        .and_then(|m| m.modified())
        .expect("time");
    // As `cp -p` or `rsync -a` would leave it: same length, same time.
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&pack, "two").expect("write");
    fs::File::options()
        .write(true)
        .open(&pack)
        .and_then(|f| f.set_modified(written))
        .expect("set the time back");
    let copied = Key::of(&layers).expect("key");
    assert_ne!(copied, first);
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::set_permissions(&pack, fs::Permissions::from_mode(0o000)).expect("chmod");
    assert_ne!(Key::of(&layers).expect("key"), copied, "a chmod counts");
}

#[test]
fn a_missing_folder_is_in_the_key_unless_it_must_be_there() {
    let folder = tempfile::tempdir().expect("temp");
    let gone = folder.path().join("not-there");
    let optional = Key::of(&[Layer::folder("f", &gone, false)]).expect("key");
    assert!(optional.as_str().contains("missing"));
    assert!(Key::of(&[Layer::folder("f", &gone, true)]).is_none());
}
