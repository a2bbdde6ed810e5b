//! Opening, exporting and marking done, on real files in a temp folder.

use super::*;

/// A tester added a manager's comments to an export and exported
/// again from the app: the comments were gone.
#[test]
fn an_export_never_replaces_an_earlier_one_that_differs() {
    let dir = tempfile::tempdir().expect("tmp");
    let name = "supervision-r.md";
    let first = write_beside_earlier(dir.path(), name, b"sheet\n").expect("write");
    assert_eq!(first, dir.path().join(name));
    let same = write_beside_earlier(dir.path(), name, b"sheet\n").expect("write");
    assert_eq!(same, first, "the same export is the same file");
    std::fs::write(&first, "sheet\nMANAGER COMMENTS\n").expect("edit");
    let second = write_beside_earlier(dir.path(), name, b"sheet\n").expect("write");
    assert_eq!(second, dir.path().join("supervision-r-2.md"));
    let read = |p: &Path| std::fs::read_to_string(p).expect("read");
    assert_eq!(read(&first), "sheet\nMANAGER COMMENTS\n", "kept");
    let changed = write_beside_earlier(dir.path(), name, b"sheet, more\n").expect("write");
    assert_eq!(changed, dir.path().join("supervision-r-3.md"));
    assert_eq!(read(&second), "sheet\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&changed)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "private, as the reflection is");
    }
}
use crate::words::Audience;

fn earlier(records: &RecordDir<Reflection>) -> Reflection {
    let at = DateTime::parse_from_rfc3339("2026-11-01T09:00:00Z").expect("date");
    let mut r = Reflection::new("r-old", at, "p", "t", Audience::Practitioner);
    r.actions.push(ActionItem {
        text: "Call the school".into(),
        due: None,
        done: false,
    });
    records.save(&r).expect("save");
    r
}

fn sessions(dir: &std::path::Path) -> Sessions {
    Sessions::new(Reflections::open(dir.to_path_buf()).expect("open"))
}

#[test]
fn marking_done_writes_the_earlier_file_and_leaves_its_date() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sessions = sessions(tmp.path());
    let old = earlier(&sessions.store.records);
    match sessions.mark_done("r-old", &old.actions[0]) {
        Action::EarlierMarkedDone(written) => assert!(written.actions[0].done),
        other => panic!("{other:?}"),
    }
    let on_disk = sessions
        .store
        .records
        .load("r-old")
        .expect("load")
        .expect("there");
    assert!(on_disk.actions[0].done);
    assert_eq!(on_disk.updated, old.updated);
    // Done already: it is no longer the action that was asked for.
    let again = sessions.mark_done("r-old", &old.actions[0]);
    assert!(matches!(again, Action::EarlierMarkFailed(m) if m.contains("has changed since")));
}

#[test]
fn an_earlier_reflection_open_in_another_copy_is_not_written() {
    let tmp = tempfile::tempdir().expect("tmp");
    let sessions = sessions(tmp.path());
    let old = earlier(&sessions.store.records);
    let before = std::fs::read(tmp.path().join("r-old.toml")).expect("read");
    let _other_copy = RecordLock::try_acquire(tmp.path(), "r-old")
        .expect("lock")
        .expect("free");
    match sessions.mark_done("r-old", &old.actions[0]) {
        Action::EarlierMarkFailed(message) => {
            assert!(
                message.contains("open in another copy of reflect"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read(tmp.path().join("r-old.toml")).expect("read"),
        before
    );
    let gone = sessions.mark_done("r-gone", &old.actions[0]);
    assert!(
        matches!(gone, Action::EarlierMarkFailed(m) if m.contains("no longer on this machine"))
    );
}

/// A tester wrote in a reflection, went home and opened it from the
/// list: it came up read-only, "open in another copy", because this
/// copy held its lock. It opens editable, and stays locked to others.
#[test]
fn a_reflection_opened_again_here_stays_editable() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut sessions = sessions(tmp.path());
    let library = Library::load(&[crate::content::Layer::builtin()]);
    let now = DateTime::parse_from_rfc3339("2026-11-01T09:00:00Z").expect("date");
    let request = SessionRequest {
        pack: "panel-2023-24".into(),
        theme: "child-mental-health".into(),
        audience: Audience::Practitioner,
        resume: false,
        id: None,
    };
    let open = |sessions: &mut Sessions, request: &SessionRequest, summaries: &[Summary]| {
        let known = Known {
            summaries,
            history: &[],
        };
        match sessions.open(request, &known, &library, now) {
            Action::SessionOpened(opened) => *opened,
            other => panic!("{other:?}"),
        }
    };
    let first = open(&mut sessions, &request, &[]);
    assert_eq!(first.access, SessionAccess::Editable);
    sessions
        .store
        .records
        .save(&first.reflection)
        .expect("save");
    let listed = [Summary::of(&first.reflection, Default::default())];
    let again = SessionRequest {
        id: Some(first.reflection.id.clone()),
        ..request
    };
    let reopened = open(&mut sessions, &again, &listed);
    assert_eq!(reopened.reflection.id, first.reflection.id);
    assert_eq!(reopened.access, SessionAccess::Editable);
    let other_copy = RecordLock::try_acquire(tmp.path(), &first.reflection.id).expect("lock");
    assert!(other_copy.is_none(), "still held here");
}

/// Another copy holds the reflection: it opens as that copy last saved
/// it (not as the history read at start had it), and each later save
/// is read once.
#[test]
fn a_reflection_written_elsewhere_opens_as_saved_and_follows_its_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut sessions = sessions(tmp.path());
    let library = Library::load(&[crate::content::Layer::builtin()]);
    let at = DateTime::parse_from_rfc3339("2026-11-01T09:00:00Z").expect("date");
    let key = "panel-2023-24/child-mental-health/formal-diagnosis";
    let mut mine = Reflection::new(
        "r",
        at,
        "panel-2023-24",
        "child-mental-health",
        Audience::Practitioner,
    );
    mine.answer_mut_or_insert(key, "Q", at).text = "as read at start".into();
    let stale = mine.clone();
    mine.answer_mut_or_insert(key, "Q", at).text = "saved since".into();
    sessions.store.records.save(&mine).expect("save");
    let other_copy = RecordLock::try_acquire(tmp.path(), "r")
        .expect("lock")
        .expect("free");
    let known = Known {
        summaries: &[Summary::of(&stale, Default::default())],
        history: std::slice::from_ref(&stale),
    };
    let request = SessionRequest {
        pack: "panel-2023-24".into(),
        theme: "child-mental-health".into(),
        audience: Audience::Practitioner,
        resume: true,
        id: Some("r".into()),
    };
    let opened = match sessions.open(&request, &known, &library, at) {
        Action::SessionOpened(opened) => *opened,
        other => panic!("{other:?}"),
    };
    assert_eq!(opened.access, SessionAccess::OpenElsewhere);
    assert_eq!(opened.reflection.answers[0].text, "saved since");
    assert!(sessions.follow("r").is_none(), "nothing new yet");
    std::thread::sleep(std::time::Duration::from_millis(20));
    mine.answer_mut_or_insert(key, "Q", at).text = "and later".into();
    sessions.store.records.save(&mine).expect("save");
    match sessions.follow("r") {
        Some(Action::ReadOnlyChanged(newer)) => assert_eq!(newer.answers[0].text, "and later"),
        other => panic!("{other:?}"),
    }
    assert!(sessions.follow("r").is_none(), "read once");
    // The other copy lets it go: this one takes it over.
    drop(other_copy);
    match sessions.follow("r") {
        Some(Action::NowWritable(now)) => assert_eq!(now.answers[0].text, "and later"),
        other => panic!("{other:?}"),
    }
    let third = RecordLock::try_acquire(tmp.path(), "r").expect("lock");
    assert!(third.is_none(), "held here now");
    assert!(sessions.follow("r").is_none(), "taken over once");
}
