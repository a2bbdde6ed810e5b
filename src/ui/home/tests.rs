use crate::app::{App, HomeFocus};
use crate::content::{Audience, Layer, Library};
use crate::store::{Reflection, Stamp, Summary};
use crate::ui::{Palette, view};
use chrono::{DateTime, Duration};
use ratatui::{Terminal, backend::TestBackend};

fn many(count: i64) -> Vec<Summary> {
    let start = DateTime::parse_from_rfc3339("2020-01-01T09:00:00Z").expect("date");
    (0..count)
        .rev()
        .map(|n| {
            let at = start + Duration::days(n);
            let r = Reflection::new(
                format!("r{n}"),
                at,
                "panel-2023-24",
                "child-mental-health",
                Audience::Practitioner,
            );
            Summary::of(&r, Stamp::default())
        })
        .collect()
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|frame| {
            view(app, frame.buffer_mut(), Palette::new(false));
        })
        .expect("draw");
    let buffer = terminal.backend().buffer();
    buffer.content.iter().map(|c| c.symbol()).collect()
}

/// A long history shows a window of it with the selection in it, and
/// says how many there are.
#[test]
fn a_long_history_shows_the_selected_reflection_and_the_count() {
    let library = Library::load(&[Layer::builtin()]);
    let summaries = many(1000);
    let now = summaries[0].updated;
    let mut app = App::new(library, summaries, Audience::Practitioner, now);
    app.home_focus = HomeFocus::Reflections;
    app.selected_reflection = 500;
    let shown = screen(&app);
    let date = app.summaries[500].updated.format("%d %b %Y").to_string();
    assert!(
        shown.contains(&date),
        "the selected reflection is on screen"
    );
    assert!(shown.contains("Your reflections (1000)"));
    let newest = app.summaries[0].updated.format("%d %b %Y").to_string();
    assert!(
        !shown.contains(&newest),
        "the window moved to the selection"
    );
}

/// A pack of 500 themes shows a window of them around the selection,
/// says how many, and leaves room for the selected theme's key data.
#[test]
fn a_pack_of_many_themes_shows_the_selected_one_and_its_key_data() {
    let mut library = Library::load(&[Layer::builtin()]);
    let pack = &mut library.packs[0];
    let model = pack.themes[0].clone();
    pack.themes = (0..500)
        .map(|n| {
            let mut theme = model.clone();
            theme.id = format!("theme-{n}");
            theme.title = format!("Theme number {n}");
            theme
        })
        .collect();
    let key_data = model.key_data[0].clone();
    let now = DateTime::parse_from_rfc3339("2026-01-01T09:00:00Z").expect("date");
    let mut app = App::new(library, Vec::new(), Audience::Practitioner, now);
    app.selected_theme = 300;
    let shown = screen(&app);
    assert!(shown.contains("Theme number 300"));
    assert!(
        !shown.contains("Theme number 0 "),
        "scrolled to the selection"
    );
    assert!(shown.contains("Themes (500)"));
    let start: String = key_data.chars().take(20).collect();
    assert!(shown.contains(&start), "key data still shows: {shown}");
}
