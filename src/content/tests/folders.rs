//! Files and folders: unreadable or oversized files, packs spanning files,
//! duplicates across files, and layering.

use super::*;

#[test]
fn empty_non_utf8_and_deep_files_are_reported_and_the_rest_loads() {
    let deep = format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let dir = folder(&[
        ("good.toml", GOOD.as_bytes()),
        ("empty.toml", b"  \n"),
        ("latin1.toml", b"[pack]\nid = \"caf\xe9\"\n"),
        ("deep.toml", deep.as_bytes()),
        ("notes.txt", b"ignored"),
        (".hidden.toml", b"ignored too"),
    ]);
    let library = load(dir.path());
    assert_eq!(library.packs.len(), 1);
    let found = messages(&library);
    assert!(
        found.contains(&"this file is empty".to_owned()),
        "{found:?}"
    );
    assert!(found.contains(&"this file is not UTF-8 text".to_owned()));
    assert!(found.iter().any(|m| m.contains("nested more than 32 deep")));
    let latin1 = library
        .diagnostics
        .iter()
        .find(|d| d.path.ends_with("latin1.toml"))
        .expect("latin1");
    assert_eq!((latin1.line, latin1.column), (2, 10));
}

#[test]
fn huge_files_are_refused() {
    let huge = format!("{GOOD}\n# {}\n", "x".repeat(1_100_000));
    let dir = folder(&[("huge.toml", huge.as_bytes())]);
    assert!(messages(&load(dir.path()))[0].contains("larger than 1 MiB"));
}

/// A pipe named like a pack would make reading wait for a writer for
/// ever; it is reported instead, and the rest loads.
#[test]
fn a_pipe_named_like_a_pack_is_reported_not_waited_on() {
    let dir = folder(&[("good.toml", GOOD.as_bytes())]);
    let pipe = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (send, loaded) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    std::thread::spawn(move || send.send(load(&path)));
    let library = loaded
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("loading did not wait on the pipe");
    assert!(
        messages(&library)[0].contains("not a plain file"),
        "{:?}",
        messages(&library)
    );
    assert_eq!(library.packs.len(), 1, "the good file still loads");
}

#[test]
fn a_pack_can_span_files_in_name_order() {
    let part = "part_of = \"p\"\n[[theme]]\nid = \"t2\"\ntitle = \"T2\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[
        ("main.toml", GOOD.as_bytes()),
        ("sub/more.toml", part.as_bytes()),
    ]);
    let library = load(dir.path());
    assert!(library.diagnostics.is_empty(), "{:?}", library.diagnostics);
    let ids: Vec<&str> = library.packs[0]
        .themes
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, ["t", "t2"]);
}

#[test]
fn part_of_an_unknown_pack_suggests_one() {
    let part = "part_of = \"pp\"\n[[theme]]\nid = \"t2\"\ntitle = \"T2\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[
        ("main.toml", GOOD.as_bytes()),
        ("more.toml", part.as_bytes()),
    ]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert_eq!(
        (d.line, d.column, d.message.as_str()),
        (
            1,
            11,
            "`part_of` names pack `pp`, which is not in this folder"
        )
    );
    assert_eq!(d.hints, ["did you mean `p`?"]);
}

#[test]
fn duplicate_theme_ids_across_files_name_both() {
    let part = "part_of = \"p\"\n[[theme]]\nid = \"t\"\ntitle = \"Again\"\n[[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"Q?\"\n";
    let dir = folder(&[("a.toml", GOOD.as_bytes()), ("b.toml", part.as_bytes())]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert!(d.path.ends_with("b.toml"));
    assert_eq!((d.line, d.column), (3, 6));
    assert!(d.hints[0].contains("a.toml:6:6"), "{:?}", d.hints);
    assert_eq!(library.packs[0].themes.len(), 1);
}

#[test]
fn the_same_pack_id_twice_in_a_folder_names_both_files() {
    let dir = folder(&[("a.toml", GOOD.as_bytes()), ("b.toml", GOOD.as_bytes())]);
    let library = load(dir.path());
    let d = &library.diagnostics[0];
    assert_eq!((d.line, d.column), (2, 6));
    assert!(d.path.ends_with("b.toml") && d.hints[0].contains("a.toml"));
}

#[test]
fn a_later_layer_replaces_a_pack_with_the_same_id_and_says_so() {
    let changed = GOOD.replace("First?", "Changed?");
    let first = folder(&[("p.toml", GOOD.as_bytes())]);
    let second = folder(&[("p.toml", changed.as_bytes())]);
    let layers = [
        Layer::folder("team folder", first.path(), true),
        Layer::folder("my folder", second.path(), true),
    ];
    let library = Library::load(&layers);
    assert_eq!(library.packs.len(), 1);
    assert_eq!(library.packs[0].themes[0].questions[0].text, "Changed?");
    assert_eq!(
        library.notices,
        ["pack `p` from my folder replaces the one from team folder"]
    );
}

#[test]
fn a_theme_id_in_two_packs_is_said_with_how_to_name_each() {
    let other = GOOD.replace("id = \"p\"", "id = \"q\"");
    let dir = folder(&[("p.toml", GOOD.as_bytes()), ("q.toml", other.as_bytes())]);
    let library = load(dir.path());
    assert_eq!(library.packs.len(), 2, "{:?}", library.diagnostics);
    assert_eq!(
        library.notices,
        ["themes in more than one pack: `t` (`p`, `q`); --theme names one as PACK/THEME"]
    );
    assert_eq!(library.theme_names(), ["p/t", "q/t"]);
    let found = library
        .find_theme("q/t")
        .map(|(p, t)| (p.id.as_str(), t.id.as_str()));
    assert_eq!(found, Some(("q", "t")));
}

#[test]
fn a_broken_file_in_one_layer_leaves_the_others() {
    let broken = folder(&[("p.toml", b"[pack]\nid = ")]);
    let library = Library::load(&[Layer::builtin(), Layer::folder("mine", broken.path(), true)]);
    assert_eq!(library.packs.len(), 1);
    assert!(library.has_errors());
}

#[test]
fn a_missing_optional_folder_is_fine_and_a_named_one_is_not() {
    let missing = PathBuf::from("/nonexistent/reflect-test");
    assert!(
        Library::load(&[Layer::folder("optional", &missing, false)])
            .unreadable
            .is_empty()
    );
    assert_eq!(
        Library::load(&[Layer::folder("named", &missing, true)])
            .unreadable
            .len(),
        1
    );
}
