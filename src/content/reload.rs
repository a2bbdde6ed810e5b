//! Content reloaded while the app runs: the last good version of a pack
//! stays on screen while its files are broken.
//!
//! A team lead saves a half-finished edit; the people using the app should
//! keep the questions they were reading, and the lead should see what is
//! wrong. So a fresh [`Library`] is compared with the one on screen: any pack
//! with an error in one of its files (then or now) is kept as it was, and
//! everything else is taken from the fresh load, so fixed, new, changed and
//! removed files all show.
//!
//! Keeping is per pack, never per theme: half a pack (a part file broken,
//! its themes gone) would be as confusing as the broken file itself. A main
//! file so broken that its pack id cannot be read is matched by its path,
//! which is why the previous pack's files are consulted, not just the ids.

use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::library::Library;
use super::model::Pack;

/// `fresh` (just loaded from the same layers), except that every pack of
/// `previous` whose files now have errors (or whose folder cannot be read)
/// is kept as it was. The fresh diagnostics are all kept, so the errors are
/// still shown; a notice says which packs are being held back.
pub fn reload(previous: &Library, fresh: Library) -> Library {
    let kept: Vec<(usize, &Pack, PathBuf)> = previous
        .packs
        .iter()
        .enumerate()
        .filter_map(|(index, old)| {
            let broken = broken_file(&fresh, old)?;
            Some((index, old, broken))
        })
        .collect();
    let mut library = fresh;
    for (index, old, broken) in kept {
        library.held_back.push(old.id.clone());
        library.notices.push(format!(
            "showing the last good version of pack `{}` until {} is fixed",
            old.id,
            broken.display()
        ));
        match library.packs.iter_mut().find(|p| p.id == old.id) {
            Some(slot) => *slot = old.clone(),
            None => {
                let at = index.min(library.packs.len());
                library.packs.insert(at, old.clone());
            }
        }
    }
    library
}

/// The first file of `old` (or of the fresh pack with its id) that the fresh
/// load found errors in or could not read.
fn broken_file(fresh: &Library, old: &Pack) -> Option<PathBuf> {
    let now = fresh.pack(&old.id).map(|p| p.origin.files.as_slice());
    old.origin
        .files
        .iter()
        .chain(now.unwrap_or_default())
        .find(|file| is_broken(fresh, file))
        .cloned()
}

fn is_broken(fresh: &Library, file: &Path) -> bool {
    let has_error = |d: &Diagnostic| d.is_error() && d.path == file;
    fresh.diagnostics.iter().any(has_error)
        || fresh.unreadable.iter().any(|u| file.starts_with(&u.path))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use tempfile::TempDir;

    use super::*;
    use crate::content::Layer;

    fn main_file(title: &str, question: &str) -> String {
        format!(
            "[pack]\nid = \"team\"\ntitle = \"{title}\"\n\n[[theme]]\nid = \"t\"\ntitle = \"T\"\n\n\
             [[theme.question]]\nid = \"q\"\naudience = \"practitioner\"\ntext = \"{question}\"\n"
        )
    }

    fn part_file(theme: &str) -> String {
        format!(
            "part_of = \"team\"\n\n[[theme]]\nid = \"{theme}\"\ntitle = \"Part\"\n\n\
             [[theme.question]]\nid = \"q\"\naudience = \"leader\"\ntext = \"From the part?\"\n"
        )
    }

    /// A content folder and a way to load it the way the app does.
    struct Folder {
        dir: TempDir,
    }

    impl Folder {
        fn new(files: &[(&str, &str)]) -> Folder {
            let folder = Folder {
                dir: TempDir::new().unwrap(),
            };
            for (name, text) in files {
                folder.write(name, text);
            }
            folder
        }

        fn write(&self, name: &str, text: &str) {
            fs::write(self.dir.path().join(name), text).unwrap();
        }

        fn remove(&self, name: &str) {
            fs::remove_file(self.dir.path().join(name)).unwrap();
        }

        fn load(&self) -> Library {
            Library::load(&[Layer::folder("team", self.dir.path(), true)])
        }

        /// What `reload` makes of the folder as it is now.
        fn reload(&self, previous: &Library) -> Library {
            reload(previous, self.load())
        }
    }

    fn question(library: &Library, pack: &str, theme: &str) -> Option<String> {
        let pack = library.pack(pack)?;
        Some(pack.theme(theme)?.question("q")?.text.clone())
    }

    fn errors(library: &Library) -> Vec<String> {
        let errors = library.diagnostics.iter().filter(|d| d.is_error());
        errors.map(|d| d.location()).collect()
    }

    #[test]
    fn a_changed_file_shows_its_new_wording() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let before = folder.load();
        folder.write("pack.toml", &main_file("Team", "New?"));
        let after = folder.reload(&before);
        assert_eq!(question(&after, "team", "t").as_deref(), Some("New?"));
        assert!(after.notices.is_empty() && after.diagnostics.is_empty());
    }

    #[test]
    fn a_broken_file_keeps_the_last_good_pack_and_reports_the_error() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let before = folder.load();
        // The pack id can no longer be read at all: matched by its path.
        folder.write("pack.toml", "[pack\nid = \"team\"\n");
        let after = folder.reload(&before);
        assert_eq!(question(&after, "team", "t").as_deref(), Some("Old?"));
        let path = folder.dir.path().join("pack.toml");
        assert_eq!(errors(&after), [format!("{}:1:6", path.display())]);
        assert_eq!(after.held_back, ["team"]);
        assert!(before.held_back.is_empty());
        assert_eq!(
            after.notices,
            [format!(
                "showing the last good version of pack `team` until {} is fixed",
                path.display()
            )]
        );
        // Still broken on the next save: still the same last good version.
        folder.write(
            "pack.toml",
            &main_file("Team", "New?").replace("text", "txt"),
        );
        let again = folder.reload(&after);
        assert_eq!(question(&again, "team", "t").as_deref(), Some("Old?"));
        assert!(!errors(&again).is_empty());
    }

    #[test]
    fn a_fixed_file_replaces_the_kept_version() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let good = folder.load();
        folder.write("pack.toml", "[pack]\nid = \"team\"\ntittle = \"x\"\n");
        let broken = folder.reload(&good);
        assert_eq!(question(&broken, "team", "t").as_deref(), Some("Old?"));
        folder.write("pack.toml", &main_file("Team", "Fixed?"));
        let fixed = folder.reload(&broken);
        assert_eq!(question(&fixed, "team", "t").as_deref(), Some("Fixed?"));
        assert!(fixed.diagnostics.is_empty() && fixed.notices.is_empty());
    }

    #[test]
    fn an_added_file_is_picked_up() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let before = folder.load();
        folder.write("part.toml", &part_file("added"));
        let other = main_file("Other", "Other?").replace("\"team\"", "\"other\"");
        folder.write("other.toml", &other);
        let after = folder.reload(&before);
        assert!(question(&after, "team", "added").is_some());
        assert_eq!(question(&after, "other", "t").as_deref(), Some("Other?"));
    }

    #[test]
    fn a_removed_file_drops_its_pack_or_its_themes() {
        let other = main_file("Other", "Other?").replace("\"team\"", "\"other\"");
        let folder = Folder::new(&[
            ("pack.toml", &main_file("Team", "Old?")),
            ("part.toml", &part_file("extra")),
            ("other.toml", &other),
        ]);
        let before = folder.load();
        folder.remove("part.toml");
        folder.remove("other.toml");
        let after = folder.reload(&before);
        assert!(after.pack("other").is_none());
        assert!(question(&after, "team", "extra").is_none());
        assert!(question(&after, "team", "t").is_some());
        assert!(after.notices.is_empty() && after.diagnostics.is_empty());
    }

    #[test]
    fn a_broken_part_file_keeps_the_whole_pack() {
        let folder = Folder::new(&[
            ("pack.toml", &main_file("Team", "Old?")),
            ("part.toml", &part_file("extra")),
        ]);
        let before = folder.load();
        folder.write("pack.toml", &main_file("Team", "New?"));
        folder.write(
            "part.toml",
            &part_file("extra").replace("audience", "audiance"),
        );
        let after = folder.reload(&before);
        // Not the new main file with half its themes: the old pack, whole.
        assert_eq!(question(&after, "team", "t").as_deref(), Some("Old?"));
        assert!(question(&after, "team", "extra").is_some());
        assert_eq!(after.notices.len(), 1);
    }

    #[test]
    fn a_new_broken_part_of_a_good_pack_holds_the_pack_back() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let before = folder.load();
        // Parses, but repeats the main file's theme id: the part is in the
        // fresh pack's files, not the old pack's.
        folder.write("part.toml", &part_file("t"));
        let after = folder.reload(&before);
        assert_eq!(after.pack("team"), before.pack("team"));
        assert_eq!(errors(&after).len(), 1);
    }

    #[test]
    fn a_removed_main_file_with_parts_left_over_keeps_the_pack_while_they_fail() {
        let folder = Folder::new(&[
            ("pack.toml", &main_file("Team", "Old?")),
            ("part.toml", &part_file("extra")),
        ]);
        let before = folder.load();
        folder.remove("pack.toml");
        let after = folder.reload(&before);
        assert!(after.pack("team").is_some(), "the part now names no pack");
        folder.remove("part.toml");
        let empty = folder.reload(&after);
        assert!(empty.packs.is_empty() && empty.diagnostics.is_empty());
    }

    #[test]
    fn a_broken_override_of_the_builtin_pack_is_kept_over_the_builtin() {
        let folder = Folder::new(&[(
            "pack.toml",
            &main_file("Ours", "Ours?").replace("\"team\"", "\"panel-2023-24\""),
        )]);
        let layers = [
            Layer::builtin(),
            Layer::folder("team", folder.dir.path(), true),
        ];
        let before = Library::load(&layers);
        assert_eq!(before.pack("panel-2023-24").unwrap().title, "Ours");
        folder.write("pack.toml", "[pack]\nid = 3\n");
        let after = reload(&before, Library::load(&layers));
        assert_eq!(after.pack("panel-2023-24").unwrap().title, "Ours");
        assert_eq!(after.packs.len(), 1);
    }

    #[test]
    fn kept_packs_keep_their_place_in_the_order() {
        let first = main_file("A", "A?").replace("\"team\"", "\"a\"");
        let second = main_file("B", "B?").replace("\"team\"", "\"b\"");
        let folder = Folder::new(&[("1.toml", &first), ("2.toml", &second)]);
        let before = folder.load();
        folder.write("1.toml", "oops = [");
        let after = folder.reload(&before);
        let ids: Vec<&str> = after.packs.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn an_unreadable_folder_keeps_its_packs() {
        let folder = Folder::new(&[("pack.toml", &main_file("Team", "Old?"))]);
        let before = folder.load();
        let path = folder.dir.path().to_path_buf();
        let gone = Library::load(&[Layer::folder("team", path.join("missing"), true)]);
        assert!(reload(&before, gone).pack("team").is_none(), "other folder");
        fs::remove_file(path.join("pack.toml")).unwrap();
        fs::remove_dir(&path).unwrap();
        let after = folder.reload(&before);
        assert!(after.pack("team").is_some(), "{:?}", after.unreadable);
        fs::create_dir(&path).unwrap();
    }
}
