//! Screens off the happy path: small windows, start-up notices, help
//! scrolled to its end.

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reflect::app::{Action, App, update};
use reflect::ui::{Palette, view};

use super::drawing::*;
use super::fixtures::*;
use super::states::*;

/// The app drawn as the runtime draws it: the frame, then what it measured
/// (how far text and help scroll) told to the app. Returns the screen.
pub fn drawn_and_measured(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    let mut limits = None;
    terminal
        .draw(|frame| limits = Some(view(app, frame.buffer_mut(), Palette::new(false))))
        .expect("draw");
    update(app, Action::ScrollLimit(limits.expect("drawn")));
    buffer_to_string(terminal.backend().buffer())
}

/// Too short for both boxes, home shows the one the keys move in: Tab
/// to your reflections shows them.
#[test]
fn home_too_short_for_both_boxes_shows_the_focused_one() {
    let mut app = home_with_history();
    app.home_focus = reflect::app::HomeFocus::Themes;
    press(&mut app, KeyCode::Tab);
    let text = buffer_to_string(&draw(&app, 30, 8));
    let first_row = text
        .lines()
        .skip_while(|line| !line.contains("Your reflections"))
        .nth(1)
        .unwrap_or_default();
    assert!(first_row.trim_matches(['│', ' ']).len() > 3, "{text}");
    assert!(!text.contains("Themes"), "{text}");
}

/// A tester typed into the walkthrough at 100x8: the answer box had no
/// row, and the text typed did not show. The question now gives way.
#[test]
fn the_answer_box_keeps_a_row_to_type_in_when_the_window_is_short() {
    for (width, height) in [(30, 8), (30, 9), (60, 8), (100, 8), (100, 9)] {
        let mut app = walkthrough_editing();
        type_text(&mut app, " and more");
        let text = buffer_to_string(&draw(&app, width, height));
        assert!(text.contains("more"), "{width}x{height}:\n{text}");
    }
}

/// Start-up notices (a damaged file kept aside, a settings problem) are
/// shown one after another, each until the next key; the last one stays.
#[test]
fn start_up_notices_are_shown_one_after_another() {
    let mut app = home_empty();
    app.notices = vec![
        "A damaged reflection file was kept aside as r.toml.damaged.".into(),
        "Another was kept aside as s.toml.damaged.".into(),
        "Settings problem: config.toml:2:7: expected a value.".into(),
    ];
    let first = buffer_to_string(&draw(&app, 100, 30));
    assert!(
        first.contains("kept aside as r.toml.damaged. (2 more"),
        "{first}"
    );
    assert!(!first.contains("Settings problem"), "{first}");
    press(&mut app, KeyCode::Down);
    // A tester saw "1 of 4", then "1 of 3": the count is of what is left.
    let next = buffer_to_string(&draw(&app, 100, 30));
    assert!(next.contains("s.toml.damaged. (1 more"), "{next}");
    press(&mut app, KeyCode::Down);
    let second = buffer_to_string(&draw(&app, 100, 30));
    assert!(
        second.contains("Settings problem: config.toml:2:7"),
        "{second}"
    );
    assert!(!second.contains("more: the next"), "{second}");
    press(&mut app, KeyCode::Down);
    let still = buffer_to_string(&draw(&app, 100, 30));
    assert!(
        still.contains("Settings problem: config.toml:2:7"),
        "{still}"
    );
}

/// A tester scrolled help to its end in a small window: its last lines
/// never showed, yet it said "more ↓". Help is drawn above the footer,
/// which takes two rows here, and now scrolls as far as it is drawn.
#[test]
fn help_scrolls_to_its_last_line_above_a_two_row_footer() {
    let (width, height) = (60, 20);
    let mut app = help_in_the_editor();
    update(&mut app, Action::Resize(width, height));
    drawn_and_measured(&mut app, width, height);
    for _ in 0..100 {
        press(&mut app, KeyCode::Down);
        drawn_and_measured(&mut app, width, height);
    }
    let screen = drawn_and_measured(&mut app, width, height);
    let mode = reflect::keys::Mode::Editor;
    let rect = ratatui::layout::Rect::new(0, 0, width, height);
    let help = reflect::keys::help::lines(
        mode,
        reflect::keys::help::inner_width(reflect::keys::help::area(mode, rect).width),
    );
    let last = help.last().expect("help has lines").text.trim();
    assert!(screen.contains(last), "{last:?} not shown:\n{screen}");
    assert!(!screen.contains("more ↓"), "{screen}");
}

/// A tester chose `high-contrast` on a light terminal: white, bright cyan
/// and bright yellow on the terminal's white. Every cell of every screen
/// now has black painted behind it, as the group view has.
#[test]
fn high_contrast_paints_every_cell_of_every_screen_black() {
    use ratatui::style::Color;
    use reflect::config::{ColourMode, ColourTheme};
    let palette = Palette::for_mode(ColourMode::Colour(ColourTheme::HighContrast));
    type Screen = (&'static str, fn() -> App);
    fn empty_answer() -> App {
        let mut app = walkthrough_editing();
        for _ in 0..200 {
            press(&mut app, KeyCode::Backspace);
        }
        app
    }
    let screens: [Screen; 9] = [
        ("home", home_with_history),
        ("theme", theme_practitioner),
        ("editing", walkthrough_editing),
        ("actions", actions_with_input),
        ("review", review_marked),
        ("help", help_in_the_editor),
        ("overview", overview),
        ("home empty", home_empty),
        ("empty answer", empty_answer),
    ];
    for (name, build) in screens {
        let app = build();
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        terminal
            .draw(|frame| {
                view(&app, frame.buffer_mut(), palette);
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        let unpainted = buffer
            .content()
            .iter()
            .filter(|cell| cell.bg != Color::Black)
            .count();
        assert_eq!(
            unpainted, 0,
            "{name}: {unpainted} cells on the terminal's own background"
        );
        // The answer box's placeholder was the textarea's dark grey.
        let grey = buffer
            .content()
            .iter()
            .filter(|cell| cell.fg == Color::DarkGray)
            .count();
        assert_eq!(grey, 0, "{name}: {grey} cells in dark grey on black");
    }
}
