//! A team lead's edit while the group view is on screen: the room stays
//! on the slide it was discussing.

use crossterm::event::KeyCode;
use reflect::app::Action;
use reflect::group::SlideKind;

use super::{Harness, THEME};

/// Reloaded content with the test theme's questions changed by `edit`.
fn reload(h: &mut Harness, edit: impl FnOnce(&mut Vec<reflect::content::Question>)) {
    let mut library = h.app.library.clone();
    let theme = library
        .packs
        .iter_mut()
        .flat_map(|p| p.themes.iter_mut())
        .find(|t| t.id == THEME)
        .expect("theme");
    edit(&mut theme.questions);
    h.act(Action::ContentReloaded(Box::new(library)));
}

/// A tester renamed the id of the question on screen: the view went back
/// to the first slide, in the middle of the discussion.
#[test]
fn renaming_the_question_on_screen_keeps_the_slide() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    h.key(KeyCode::Right);
    let index = h.session().current_index();
    assert_eq!(
        h.session().current_slide().map(|s| s.kind),
        Some(SlideKind::Question)
    );
    let shown = h.session().current_slide().map(|s| s.section.clone());
    reload(&mut h, |questions| {
        for q in questions.iter_mut() {
            if Some(format!("question:{}", q.id)) == shown {
                q.id = "renamed".into();
            }
        }
    });
    assert_eq!(h.session().current_index(), index, "the same place");
    assert_eq!(
        h.session().current_slide().map(|s| s.section.as_str()),
        Some("question:renamed")
    );
}

#[test]
fn rewording_the_question_on_screen_keeps_the_slide_and_shows_the_words() {
    let mut h = Harness::at_80x24();
    h.go_to(SlideKind::Question);
    let index = h.session().current_index();
    reload(&mut h, |questions| {
        for q in questions.iter_mut() {
            q.text = format!("Reworded: {}", q.text);
        }
    });
    assert_eq!(h.session().current_index(), index);
    assert!(h.screen().contains("Reworded"), "{}", h.screen());
}
