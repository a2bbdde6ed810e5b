//! The group screen never shows a private answer: private reflections
//! holding a unique marker sit in the same config folder, the session is
//! built the way the runtime builds it, and no screen, saved record or
//! export contains the marker.

use crossterm::event::KeyCode;
use reflect::content::Audience;
use reflect::group::{GroupAudience, GroupEffect, StartOptions, export, start_session};
use reflect::paths::Paths;
use reflect::store::{Action, GroupRecord, RecordDir, Reflection};

use crate::{Harness, draw, text_of, wall};

const MARKER: &str = "PRIVATE-MARKER-7f3a";

fn seed_private_reflection(paths: &Paths) {
    let dir = RecordDir::<Reflection>::open(paths.reflections_dir()).expect("dir");
    let mut r = Reflection::new(
        "r-1",
        wall(),
        "panel-2023-24",
        crate::THEME,
        Audience::Practitioner,
    );
    r.notes = format!("notes {MARKER}");
    for q in [
        "formal-diagnosis",
        "voice-of-the-child",
        "local-mental-health-needs",
    ] {
        let key = format!("panel-2023-24/{}/{q}", crate::THEME);
        let answer = r.answer_mut_or_insert(&key, "question", wall());
        answer.text = format!("my private answer {MARKER}");
        answer.flagged = true;
    }
    r.actions.push(Action {
        text: format!("action {MARKER}"),
        due: None,
        done: false,
    });
    dir.save(&r).expect("save");
    let on_disk = std::fs::read_to_string(dir.path_of("r-1").expect("path")).expect("read");
    assert!(on_disk.contains(MARKER), "the marker really is on disk");
}

#[test]
fn no_private_text_on_any_group_screen() {
    let tmp = tempfile::tempdir().expect("tmp");
    let paths = Paths::at(tmp.path());
    seed_private_reflection(&paths);
    let library = reflect::content::Library::load(
        &reflect::config::Config::default().content_layers(&paths, &[]),
    );
    let options = StartOptions {
        audience: GroupAudience::Both,
        minutes: 5,
        size: (80, 24),
    };
    let t0 = std::time::Instant::now();
    let session = start_session(&library, crate::THEME, options, t0, wall()).expect("session");
    let mut h = Harness {
        session,
        t0,
        now: t0,
    };
    let mut effects = Vec::new();
    let mut screens = 0;
    for size in [(80, 24), (160, 45), (40, 12)] {
        h.session.resize(size.0, size.1);
        h.key(KeyCode::Home);
        loop {
            for overlay in [None, Some('i'), Some('?'), Some('n'), Some('q')] {
                if let Some(c) = overlay {
                    h.key(KeyCode::Char(c));
                }
                let screen = text_of(draw(&h.session, size.0, size.1).backend().buffer());
                assert!(
                    !screen.contains(MARKER) && !screen.contains("PRIVATE"),
                    "{screen}"
                );
                screens += 1;
                if overlay == Some('n') {
                    h.type_text("group point");
                    effects.extend(h.key(KeyCode::Enter));
                } else if overlay.is_some() {
                    h.key(KeyCode::Esc);
                }
            }
            let before = h.session.current_index();
            h.key(KeyCode::Right);
            if before == h.session.current_index() {
                break;
            }
        }
    }
    assert!(screens > 100, "{screens}");
    assert!(
        h.screen().contains("group point"),
        "the summary is drawn too"
    );
    let records: Vec<&GroupRecord> = effects
        .iter()
        .filter_map(|e| match e {
            GroupEffect::Save(r) => Some(r),
            GroupEffect::Quit => None,
        })
        .collect();
    assert!(!records.is_empty());
    for record in records {
        assert!(!format!("{record:?}").contains(MARKER));
        let (pack, theme) = library.find_theme(crate::THEME).expect("theme");
        assert!(!export::markdown(record, &theme.title, pack).contains(MARKER));
    }
}
