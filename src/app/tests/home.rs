//! Home and theme screens: moving through themes and past reflections,
//! switching audience, and asking for a session.

use super::*;

// ---------------------------------------------------------------- home

#[test]
fn a_new_app_starts_on_home_with_the_themes_focused() {
    let app = app();
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home_focus, HomeFocus::Themes);
    assert_eq!(app.mode(), Mode::Home);
    assert_eq!(app.library.themes().count(), 3);
    assert!(app.session.is_none());
}

#[test]
fn home_j_k_and_arrows_move_through_themes_and_stop_at_the_ends() {
    let mut app = app();
    assert!(press(&mut app, KeyCode::Char('j')).is_empty());
    assert_eq!(app.selected_theme, 1);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 2);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_theme, 2, "stops at the last theme");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_theme, 1);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_theme, 0);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_theme, 0, "stops at the first theme");
    let (_, theme) = app.selected().expect("a theme");
    assert_eq!(theme.id, CMH);
}

#[test]
fn home_tab_does_not_focus_an_empty_list_of_reflections() {
    let mut app = app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Themes);
}

#[test]
fn home_tab_switches_between_themes_and_reflections() {
    let mut app = app_with_history(vec![
        reflection("r2", PMH),
        reflection("r1", CMH),
        reflection("r0", CMH),
    ]);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Reflections);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected_reflection, 2, "stops at the last reflection");
    assert_eq!(app.selected_theme, 0, "themes did not move");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected_reflection, 1);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.selected_reflection, 0);
    press_with(&mut app, KeyCode::BackTab, SHIFT);
    assert_eq!(app.home_focus, HomeFocus::Themes);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.home_focus, HomeFocus::Themes);
}

#[test]
fn home_enter_opens_the_selected_theme() {
    let mut app = app();
    press(&mut app, KeyCode::Down);
    app.scroll = 7;
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty());
    assert_eq!(app.screen, Screen::Theme);
    assert_eq!(app.mode(), Mode::Theme);
    assert_eq!(app.scroll, 0);
    assert_eq!(app.selected().expect("theme").1.id, PMH);
}

#[test]
fn home_enter_on_an_empty_library_stays_home() {
    let mut app = App::new(Library::default(), Vec::new(), Audience::Practitioner, t0());
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn home_enter_on_a_past_reflection_asks_for_exactly_that_reflection() {
    let mut old = reflection("r-old", PMH);
    old.audience = Audience::Leader;
    let mut app = app_with_history(vec![reflection("r-new", CMH), old]);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    let effects = press(&mut app, KeyCode::Enter);
    let asked = opening(PMH, Audience::Leader, true, Some("r-old"));
    assert_eq!(effects, asked);
    assert_eq!(app.screen, Screen::Home, "waits for the runtime");
}

#[test]
fn a_past_reflection_opens_on_its_review_and_esc_goes_to_the_walkthrough() {
    let mut app = app_with_history(vec![reflection("r-old", PMH)]);
    open_with(&mut app, reflection("r-old", PMH), false, true, true);
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(
        app.selected_theme, 1,
        "home selection follows the reflection"
    );
    assert_eq!(status_text(&app), "", "read first, not carried on");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Walkthrough);
}

#[test]
fn home_q_quits_at_once() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(app.quitting());
}

#[test]
fn a_command_clears_the_status_line_outside_the_editor() {
    let mut app = app();
    update(&mut app, Action::SessionFailed("could not lock".into()));
    assert_eq!(status_text(&app), "could not lock");
    assert!(status_is_error(&app));
    press(&mut app, KeyCode::Down);
    assert!(app.status.is_none());
}

// ---------------------------------------------------------------- theme

#[test]
fn theme_a_switches_audience_both_ways_and_scrolls_to_top() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, 1);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.audience, Audience::Leader);
    assert_eq!(app.scroll, 0);
    press(&mut app, KeyCode::Up);
    assert_eq!(app.scroll, 0, "no scrolling above the top");
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(app.audience, Audience::Practitioner);
}

#[test]
fn theme_esc_goes_home() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn theme_enter_asks_to_resume_for_the_chosen_audience() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('a'));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects, opening(CMH, Audience::Leader, true, None));
}

#[test]
fn theme_capital_n_asks_for_a_new_reflection() {
    for modifiers in [SHIFT, NONE] {
        let mut app = app();
        press(&mut app, KeyCode::Down);
        press(&mut app, KeyCode::Enter);
        let effects = press_with(&mut app, KeyCode::Char('N'), modifiers);
        let asked = opening(PMH, Audience::Practitioner, false, None);
        assert_eq!(effects, asked, "N with {modifiers:?}");
    }
}

#[test]
fn theme_enter_goes_straight_back_to_an_open_matching_session() {
    let mut app = opened();
    press(&mut app, KeyCode::Esc); // leave the editor
    press(&mut app, KeyCode::Esc); // back to the theme
    assert_eq!(app.screen, Screen::Theme);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.screen, Screen::Walkthrough);
    assert_eq!(session(&app).focus, Focus::Answer);
    assert_eq!(app.mode(), Mode::Editor);
}

#[test]
fn theme_enter_for_the_other_audience_asks_for_a_session() {
    let mut app = opened();
    type_text(&mut app, "draft");
    let left = press(&mut app, KeyCode::Esc);
    assert_eq!(saves(&left).len(), 1, "leaving the editor saves");
    ack(&mut app);
    assert!(press(&mut app, KeyCode::Esc).is_empty(), "nothing to save");
    assert_eq!(app.screen, Screen::Theme);
    press(&mut app, KeyCode::Char('a'));
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(effects.len(), 1, "{effects:?}");
    assert!(
        matches!(&effects[0], Effect::OpenSession(r) if r.audience == Audience::Leader && r.theme == CMH && r.resume)
    );
}

#[test]
fn theme_n_with_unsaved_text_saves_first() {
    let mut app = app();
    unsaved_after_a_failed_save(&mut app, 1);
    assert_eq!(app.screen, Screen::Theme);
    let effects = press_with(&mut app, KeyCode::Char('N'), SHIFT);
    assert_eq!(effects.len(), 2, "{effects:?}");
    match &effects[0] {
        Effect::Save { reflection, .. } => assert_eq!(
            reflection
                .answer(&key_of(&app, CMH_PRACTITIONER[0]))
                .expect("answer")
                .text,
            "draft"
        ),
        other => panic!("expected a save first, got {other:?}"),
    }
    assert!(matches!(&effects[1], Effect::OpenSession(r) if !r.resume && r.theme == CMH));
}
