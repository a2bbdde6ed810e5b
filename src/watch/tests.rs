//! The watch plan (what is relevant, what is watched) and which events
//! count as changes, tested with paths fed in.

use super::*;

fn plan() -> WatchPlan {
    WatchPlan::default()
        .folder("/team/packs")
        .folder("/home/me/.config/reflect/content")
        .file("/home/me/.config/reflect/config.toml")
}

/// Folders, as far as these tests are concerned.
fn is_dir(path: &Path) -> bool {
    path.ends_with("east") || path.ends_with("content") || path.ends_with("packs")
}

fn relevant(path: &str) -> bool {
    any_relevant(&plan(), &[PathBuf::from(path)], is_dir)
}

fn any_relevant(plan: &WatchPlan, paths: &[PathBuf], is_dir: impl Fn(&Path) -> bool) -> bool {
    !plan.relevant_paths(paths, is_dir).is_empty()
}

#[test]
fn toml_files_in_content_folders_at_any_depth_are_relevant() {
    assert!(relevant("/team/packs/pack.toml"));
    assert!(relevant("/team/packs/east/2-more.toml"));
    assert!(relevant(
        "/home/me/.config/reflect/content/my-team-pack.toml"
    ));
}

#[test]
fn the_config_file_is_relevant_but_not_its_neighbours() {
    assert!(relevant("/home/me/.config/reflect/config.toml"));
    assert!(!relevant(
        "/home/me/.config/reflect/reflections/2026-01-01.toml"
    ));
    assert!(!relevant("/home/me/.config/reflect/groups/g.toml"));
    assert!(!relevant("/home/me/.config/reflect/other.toml"));
}

#[test]
fn editor_temporary_and_hidden_files_are_not_relevant() {
    for path in [
        "/team/packs/.pack.toml.swp",
        "/team/packs/pack.toml~",
        "/team/packs/#pack.toml#",
        "/team/packs/.#pack.toml",
        "/team/packs/pack.toml.tmp",
        "/team/packs/.git/config.toml",
        "/team/packs/README.md",
        "/team/packs/sedX1b2c3",
        "/team/packs/4913",
        "/team/packs-old/pack.toml",
        "/elsewhere/pack.toml",
    ] {
        assert!(!relevant(path), "{path}");
    }
}

#[test]
fn folders_appearing_or_going_are_relevant() {
    // A content folder itself, whether it is there or not.
    assert!(any_relevant(
        &plan(),
        &[PathBuf::from("/team/packs")],
        |_| false
    ));
    assert!(relevant("/team/packs"));
    assert!(relevant("/team/packs/east"));
    assert!(relevant("/home/me/.config/reflect/content"));
}

#[test]
fn one_relevant_path_in_a_burst_is_enough() {
    let burst = [
        PathBuf::from("/team/packs/4913.swp"),
        PathBuf::from("/team/packs/pack.toml"),
        PathBuf::from("/team/packs/pack.toml~"),
    ];
    assert!(any_relevant(&plan(), &burst, is_dir));
    assert_eq!(
        plan().relevant_paths(&burst, is_dir),
        [PathBuf::from("/team/packs/pack.toml")]
    );
    assert!(!any_relevant(&plan(), &[], is_dir));
}

#[test]
fn opening_and_reading_are_not_changes_but_writing_is() {
    use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};
    for kind in [
        EventKind::Access(AccessKind::Open(AccessMode::Any)),
        EventKind::Access(AccessKind::Close(AccessMode::Read)),
        EventKind::Access(AccessKind::Read),
    ] {
        assert!(!is_change(&kind), "{kind:?}");
    }
    for kind in [
        EventKind::Access(AccessKind::Close(AccessMode::Write)),
        EventKind::Create(CreateKind::File),
        EventKind::Modify(ModifyKind::Any),
        EventKind::Modify(ModifyKind::Name(RenameMode::To)),
        EventKind::Remove(RemoveKind::File),
        EventKind::Any,
    ] {
        assert!(is_change(&kind), "{kind:?}");
    }
}

#[test]
fn relative_folders_match_absolute_event_paths() {
    let here = std::env::current_dir().unwrap();
    let plan = WatchPlan::default().folder("packs");
    assert!(any_relevant(&plan, &[here.join("packs/p.toml")], is_dir));
}

#[test]
fn existing_folders_recursively_files_and_missing_folders_through_parents() {
    let existing = ["/team/packs", "/home/me/.config/reflect"];
    let is_dir = |p: &Path| existing.iter().any(|e| Path::new(e) == p);
    let watches = plan().watches(is_dir);
    assert_eq!(
        watches,
        [
            Watch {
                path: "/team/packs".into(),
                recursive: true
            },
            // The content folder does not exist yet, and config.toml's
            // folder is its parent: watched once, shallowly.
            Watch {
                path: "/home/me/.config/reflect".into(),
                recursive: false
            },
        ]
    );
}

#[test]
fn nothing_is_watched_twice() {
    let plan = WatchPlan::default()
        .folder("/team")
        .folder("/team/packs")
        .folder("/team")
        .file("/team/packs/one.toml");
    let watches = plan.watches(|_| true);
    assert_eq!(
        watches,
        [Watch {
            path: "/team".into(),
            recursive: true
        }]
    );
    assert!(
        WatchPlan::default()
            .folder("/gone/away")
            .watches(|_| false)
            .is_empty()
    );
}
