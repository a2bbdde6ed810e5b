//! Every screen drawn into a `TestBackend`, as text, at 80x24 and 120x40;
//! every screen drawn at tiny sizes without panicking; and the supervision
//! sheet's Markdown. The clock and every timestamp are fixed.

use crossterm::event::KeyCode;

use reflect::app::{Action, App, update};

#[path = "screens/drawing.rs"]
mod drawing;
#[path = "screens/edges.rs"]
mod edges;
#[path = "screens/fixtures.rs"]
mod fixtures;
#[path = "screens/preview.rs"]
mod preview;
#[path = "screens/sheet.rs"]
mod sheet;
#[path = "screens/states.rs"]
mod states;

use drawing::*;
use edges::drawn_and_measured;
use fixtures::*;
use states::*;

// ------------------------------------------------------------- drawing

fn snapshot(name: &str, build: Build) {
    let app = build();
    for (width, height) in SNAPSHOT_SIZES {
        let text = buffer_to_string(&draw(&app, width, height));
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

fn snapshot_scrolled_to(name: &str, build: Build, needle: &str) {
    for (width, height) in SNAPSHOT_SIZES {
        let text = scrolled_to(build(), (width, height), needle, press);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

#[test]
fn home_empty_screen() {
    snapshot("home_empty", home_empty);
}

#[test]
fn home_with_history_screen() {
    snapshot("home_with_history", home_with_history);
}

/// In a small window the themes box has room for one row: the selected
/// theme's title shows there, not an empty box.
#[test]
fn home_in_a_small_window_still_names_a_theme() {
    // 30x8 is the smallest the app draws: a tester found the themes box
    // gone there, under an empty "Your reflections".
    let mut app = home_with_history();
    app.home_focus = reflect::app::HomeFocus::Themes;
    for (width, height) in [(30, 8), (30, 9), (30, 10), (40, 12), (50, 16)] {
        let text = buffer_to_string(&draw(&app, width, height));
        let theme_row = text
            .lines()
            .skip_while(|line| !line.contains("Themes"))
            .nth(1)
            .unwrap_or_default();
        assert!(
            theme_row.contains("Safeguarding"),
            "{width}x{height}:\n{text}"
        );
    }
    insta::assert_snapshot!(
        "home_with_history_40x12",
        buffer_to_string(&draw(&home_with_history(), 40, 12))
    );
}

#[test]
fn theme_practitioner_screen() {
    snapshot("theme_practitioner", theme_practitioner);
}

#[test]
fn theme_leader_screen() {
    snapshot("theme_leader", theme_leader);
}

#[test]
fn theme_practitioner_questions_screen() {
    snapshot_scrolled_to(
        "theme_practitioner_questions",
        theme_practitioner,
        "Reflective questions for practitioners",
    );
}

#[test]
fn theme_leader_questions_screen() {
    snapshot_scrolled_to(
        "theme_leader_questions",
        theme_leader,
        "Reflective questions for strategic leaders",
    );
}

#[test]
fn walkthrough_editing_screen() {
    snapshot("walkthrough_editing", walkthrough_editing);
}

#[test]
fn walkthrough_flagged_screen() {
    snapshot("walkthrough_flagged", walkthrough_flagged);
}

#[test]
fn walkthrough_changed_wording_screen() {
    snapshot("walkthrough_changed_wording", walkthrough_changed_wording);
}

#[test]
fn walkthrough_read_only_screen() {
    snapshot("walkthrough_read_only", walkthrough_read_only);
}

#[test]
fn earlier_answers_screen() {
    snapshot("earlier_answers", earlier_answers);
}

#[test]
fn notes_editing_screen() {
    snapshot("notes_editing", notes_editing);
}

#[test]
fn actions_empty_screen() {
    snapshot("actions_empty", actions_empty);
}

#[test]
fn actions_with_items_screen() {
    snapshot("actions_with_items", actions_with_items);
}

#[test]
fn actions_with_input_screen() {
    snapshot("actions_with_input", actions_with_input);
}

#[test]
fn review_screen() {
    snapshot("review", review);
}

#[test]
fn help_on_home_screen() {
    snapshot("help_on_home", help_on_home);
}

#[test]
fn help_in_the_walkthrough_screen() {
    snapshot("help_in_the_walkthrough", help_in_the_walkthrough);
}

#[test]
fn help_in_the_editor_screen() {
    snapshot("help_in_the_editor", help_in_the_editor);
}

#[test]
fn overview_screen() {
    snapshot("overview", overview);
}

#[test]
fn conclusion_screen() {
    snapshot("conclusion", conclusion);
}

#[test]
fn walkthrough_marked_screen() {
    snapshot("walkthrough_marked", walkthrough_marked);
}

#[test]
fn review_marked_screen() {
    snapshot("review_marked", review_marked);
}

#[test]
fn walkthrough_disk_full_screen() {
    snapshot("walkthrough_disk_full", walkthrough_disk_full);
}

/// The whole message is on screen, however long: what happened, the OS's
/// words, and that the text is kept.
/// A new reflection says nothing is written yet, not "saved" at the time
/// it was opened; typed in, it says it is not saved yet.
#[test]
fn a_new_reflection_does_not_claim_to_be_saved() {
    let mut app = app(Vec::new());
    fresh(&mut app);
    let header = |app: &App| buffer_to_string(&draw(app, 100, 30));
    assert!(
        header(&app).contains("nothing written yet"),
        "{}",
        header(&app)
    );
    type_text(&mut app, "A first thought");
    assert!(header(&app).contains("not saved yet"), "{}", header(&app));
}

#[test]
fn a_long_save_error_is_shown_whole() {
    let app = walkthrough_disk_full();
    for (width, height) in [(80, 24), (120, 40), (60, 20)] {
        let text = buffer_to_string(&draw(&app, width, height));
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in [
            "the disk is full",
            "(os error 28))",
            "will be saved again shortly.",
        ] {
            assert!(
                flat.contains(words),
                "{width}x{height}: {words:?} missing:\n{text}"
            );
        }
        assert!(
            !flat.contains("permission") && !flat.contains(".."),
            "{text}"
        );
    }
}

#[test]
fn every_snapshot_test_is_listed() {
    // Guards against a screen added to SCREENS without its snapshot test, by
    // checking each name has a snapshot file.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");
    for (name, _) in SCREENS {
        for size in ["80x24", "120x40"] {
            let path = format!("{dir}/screens__{name}_{size}.snap");
            assert!(std::path::Path::new(&path).exists(), "no snapshot {path}");
        }
    }
}

#[test]
fn every_screen_draws_at_tiny_sizes_without_panicking() {
    let sizes = [
        (1, 1),
        (10, 5),
        (0, 0),
        (0, 24),
        (80, 0),
        (30, 8),
        (29, 8),
        (30, 7),
        (31, 9),
        (40, 10),
        (200, 8),
        (30, 60),
    ];
    let mut scrolled_far = Vec::new();
    for build in [theme_practitioner as Build, review] {
        let mut app = build();
        for _ in 0..300 {
            press(&mut app, KeyCode::Char('j'));
        }
        scrolled_far.push(("scrolled far", app));
    }
    let screens = SCREENS
        .iter()
        .map(|(name, build)| (*name, build()))
        .chain(scrolled_far);
    for (name, app) in screens {
        for (width, height) in sizes {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                draw(&app, width, height);
            }));
            assert!(result.is_ok(), "{name} panicked at {width}x{height}");
        }
    }
}

/// After 200 presses of j on a theme, one k moves the text back up: the
/// scroll stops where the text ends, as the view measured it.
#[test]
fn scrolling_stops_at_the_end_and_one_key_comes_back() {
    let mut app = theme_practitioner();
    drawn_and_measured(&mut app, 80, 24);
    let limit = app.scroll_limits.text;
    assert!(limit > 5, "a theme is longer than a screen: {limit}");
    for _ in 0..200 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.scroll, limit);
    let bottom = buffer_to_string(&draw(&app, 80, 24));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.scroll, limit - 1);
    assert_ne!(
        buffer_to_string(&draw(&app, 80, 24)),
        bottom,
        "the view moved"
    );
}

/// A broken pack at start-up is left out, so nothing "last good" is on
/// screen; after a reload that keeps one, the line says so.
#[test]
fn the_content_problem_line_says_last_good_only_when_one_is_kept() {
    use reflect::content::{Layer, Library};
    let folder = tempfile::tempdir().expect("temp");
    let team = folder.path().join("team");
    let copied = std::process::Command::new(env!("CARGO_BIN_EXE_reflect"))
        .args(["new", "--from-builtin"])
        .arg(&team)
        .env("REFLECT_CONFIG_DIR", folder.path().join("config"))
        .env("HOME", folder.path())
        .output()
        .expect("reflect new");
    assert!(copied.status.success());
    let layers = [Layer::builtin(), Layer::folder("team", &team, true)];
    let good = Library::load(&layers);
    let file = team.join("panel-2023-24/pack.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replacen("[pack]", "[pack", 1)).expect("break");
    let broken = Library::load(&layers);

    let mut app = App::new(
        broken.clone(),
        Vec::new(),
        reflect::content::Audience::Practitioner,
        now(),
    );
    update(&mut app, Action::HistoryLoaded(Vec::new()));
    let at_start = buffer_to_string(&draw(&app, 200, 30));
    assert!(at_start.contains("Content problem: "), "{at_start}");
    assert!(!at_start.contains("last good"), "{at_start}");

    let mut app = App::new(
        good.clone(),
        Vec::new(),
        reflect::content::Audience::Practitioner,
        now(),
    );
    update(&mut app, Action::HistoryLoaded(Vec::new()));
    let kept = reflect::content::reload(&good, broken);
    update(&mut app, Action::ContentReloaded(Box::new(kept)));
    let reloaded = buffer_to_string(&draw(&app, 200, 30));
    assert!(
        reloaded.contains("Content problem, showing the last good version"),
        "{reloaded}"
    );
}

/// A tester's errors were in a `--content` folder, and the status said
/// "and 1 more: reflect check", which does not look there: it names the
/// files.
#[test]
fn more_content_problems_name_the_check_that_finds_them() {
    let folder = tempfile::tempdir().expect("tmp");
    let file = folder.path().join("pack.toml");
    let pack = "[pack]\nid = \"mine\"\ntitle = \"Mine\"\ncolour = \"red\"\n\n[[theme]]\nid = \"t\"\ntitle = \"T\"\nshape = 1\n\n[[theme.question]]\nid = \"q\"\naudience = \"practitioner\"\ntext = \"Q?\"\n";
    std::fs::write(&file, pack).expect("write");
    use reflect::content::{Layer, Library};
    let layers = [Layer::builtin(), Layer::folder("mine", folder.path(), true)];
    let mut app = App::new(
        Library::load(&layers),
        Vec::new(),
        reflect::content::Audience::Practitioner,
        now(),
    );
    update(&mut app, Action::HistoryLoaded(Vec::new()));
    let screen = buffer_to_string(&draw(&app, 300, 30));
    let check = format!("(and 1 more: reflect check {})", file.display());
    assert!(screen.contains(&check), "{check}\n{screen}");
}

#[test]
fn below_the_minimum_size_a_short_message_shows() {
    let app = home_empty();
    let text = buffer_to_string(&draw(&app, 29, 8));
    assert!(text.contains("Window too"), "{text}");
    let text = buffer_to_string(&draw(&app, 30, 8));
    assert!(!text.contains("Window too small"), "{text}");
}
