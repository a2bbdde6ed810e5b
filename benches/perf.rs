//! `cargo bench`: start-up, key handling and memory against PRODUCT.md's
//! budgets, with the built-in content and with 10,000 questions and 1,000
//! reflections. Prints measurements; it asserts nothing (timings vary by
//! machine), but marks anything over budget.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use reflect::app::{Action, App, OpenedSession, SessionAccess, update};
use reflect::content::{Audience, Layer, Library};
use reflect::paths::Paths;
use reflect::runtime::load_startup;
use reflect::store::{RecordDir, Reflection};
use reflect::ui::{Palette, view};

const THEMES: usize = 500;
const QUESTIONS_PER_THEME: usize = 20;
const REFLECTIONS: usize = 1_000;

fn main() {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("date");
    println!("reflect benchmarks (release build)\n");
    let start = Instant::now();
    let library = Library::load(&[Layer::builtin()]);
    let app = App::new(library, Vec::new(), Audience::Practitioner, now);
    first_frame(&app);
    report(
        "built-in content: load + first frame",
        start.elapsed(),
        Duration::from_millis(100),
    );

    let dir = tempfile::tempdir().expect("temp dir");
    write_large_pack(&dir.path().join("content"));
    write_reflections(&dir.path().join("reflections"), now);
    // Paths::at(dir) puts reflections in dir/reflections, as the app does.
    let paths = Paths::at(dir.path());
    let layers = [
        Layer::builtin(),
        Layer::folder("bench", dir.path().join("content"), true),
    ];
    let start = Instant::now();
    let (library, history, _store) = load_startup(&paths, &layers).expect("start-up");
    let history = history.records;
    let questions: usize = library.themes().map(|(_, t)| t.questions.len()).sum();
    assert!(
        library.diagnostics.is_empty(),
        "the benchmark content has problems: {:?}",
        library.diagnostics.first()
    );
    let mut app = App::new(library, history, Audience::Practitioner, now);
    first_frame(&app);
    report(
        &format!("{questions} questions, {REFLECTIONS} reflections: load + first frame"),
        start.elapsed(),
        Duration::from_millis(100),
    );

    open_session(&mut app, now);
    let typing = per_key(&mut app, |i| {
        KeyEvent::new(
            KeyCode::Char(if i % 9 == 0 { ' ' } else { 'a' }),
            KeyModifiers::NONE,
        )
    });
    report(
        "typing into an answer, per key (worst)",
        typing,
        Duration::from_millis(2),
    );
    let moving = per_key(&mut app, |i| {
        KeyEvent::new(
            if i % 2 == 0 {
                KeyCode::Tab
            } else {
                KeyCode::BackTab
            },
            KeyModifiers::NONE,
        )
    });
    report(
        "moving between questions, per key (worst)",
        moving,
        Duration::from_millis(2),
    );
    report_memory();
}

fn first_frame(app: &App) -> Duration {
    let start = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| view(app, frame, Palette::new(true)))
        .expect("draw");
    start.elapsed()
}

/// The worst time for one key handled and the frame drawn, over 500 keys.
fn per_key(app: &mut App, key: impl Fn(usize) -> KeyEvent) -> Duration {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut times: Vec<Duration> = (0..500)
        .map(|i| {
            let start = Instant::now();
            update(app, Action::Key(key(i)));
            terminal
                .draw(|frame| view(app, frame, Palette::new(true)))
                .expect("draw");
            start.elapsed()
        })
        .collect();
    times.sort();
    // The 99th percentile: a single scheduler hiccup is not the program.
    times[times.len() * 99 / 100]
}

fn open_session(app: &mut App, now: DateTime<FixedOffset>) {
    let (pack, theme) = app
        .library
        .themes()
        .last()
        .map(|(p, t)| (p.id.clone(), t.id.clone()))
        .expect("a theme");
    let reflection = Reflection::new("bench-open", now, pack, theme, Audience::Practitioner);
    update(
        app,
        Action::SessionOpened(OpenedSession {
            reflection,
            access: SessionAccess::Editable,
            resumed: false,
            show_review: false,
        }),
    );
}

/// One main file and a `part_of` file per 50 themes (each file well under
/// the 1 MiB limit a single content file may have).
fn write_large_pack(dir: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(
        dir.join("bench.toml"),
        "[pack]\nid = \"bench\"\ntitle = \"Benchmark pack\"\n",
    )
    .expect("write pack");
    for part in 0..THEMES / 50 {
        let mut text = String::from("part_of = \"bench\"\n");
        for t in part * 50..(part + 1) * 50 {
            let _ = write!(
                text,
                "\n[[theme]]\nid = \"theme-{t}\"\ntitle = \"Theme {t}\"\nkey_data = [\"A fact about theme {t}.\"]\nlearning = [\"A learning point for theme {t}.\", \"Another.\"]\n"
            );
            for q in 0..QUESTIONS_PER_THEME {
                let audience = if q % 2 == 0 { "practitioner" } else { "leader" };
                let _ = write!(
                    text,
                    "[[theme.question]]\nid = \"q-{q}\"\naudience = \"{audience}\"\ntext = \"Question {q} of theme {t}: how do you know what life is like for the child?\"\n"
                );
            }
        }
        std::fs::write(dir.join(format!("part-{part:02}.toml")), text).expect("write part");
    }
}

fn write_reflections(dir: &Path, now: DateTime<FixedOffset>) {
    let records = RecordDir::<Reflection>::open(dir).expect("open");
    for i in 0..REFLECTIONS {
        let theme = format!("theme-{}", i % THEMES);
        let mut reflection = Reflection::new(
            format!("r-{i}"),
            now,
            "bench",
            &theme,
            Audience::Practitioner,
        );
        for q in (0..QUESTIONS_PER_THEME).step_by(2) {
            let key = format!("bench/{theme}/q-{q}");
            let answer = reflection.answer_mut_or_insert(&key, "Question text", now);
            answer.text =
                "An answer of a few sentences, as a practitioner might write before supervision."
                    .repeat(3);
        }
        records.save(&reflection).expect("save");
    }
}

fn report(what: &str, took: Duration, budget: Duration) {
    let mark = if took <= budget { "ok" } else { "OVER BUDGET" };
    println!(
        "{what:<62} {:>9.3} ms  (budget {} ms) {mark}",
        took.as_secs_f64() * 1000.0,
        budget.as_millis()
    );
}

fn report_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned());
    match peak {
        Some(peak) => println!(
            "{:<62} {peak:>12}  (budget 50 MB)",
            "peak memory (resident)"
        ),
        None => println!("peak memory: not available on this platform"),
    }
}
