//! `cargo bench`: reflect's speed as a user feels it, through a real
//! pseudo-terminal, against a bare ratatui program measured in the same
//! run, round by round. See BENCHMARKS.md.
//!
//! - first frame: spawn until the frame's last-drawn text (the footer's
//!   "save and quit") and the frame's end have come out of the pty;
//! - key: a character written to the pty until a frame holding it has come
//!   out, typing into a 5,000-line answer, at 100x30 and 300x100;
//! - peak memory: VmHWM from /proc/PID/status just before Ctrl-Q.
//!
//! Exits 1 if any target is missed. `REFLECT_BENCH_ROUNDS=N` runs fewer
//! rounds (for trying it out; the figures in BENCHMARKS.md use the default);
//! `REFLECT_BENCH_DUMP=DIR` keeps the raw pty output of the last key runs;
//! `REFLECT_BENCH_KEEP=1` keeps the generated data sets, to profile by hand.

mod bare;
mod fixtures;
mod measure;
mod pty;
mod report;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use measure::{SIZE, first_frame, type_keys};
use pty::Program;
use report::{FirstFrames, KeyRuns, thousands};

/// Rounds of first-frame runs (each: bare, reflect, for every case).
const ROUNDS: usize = 30;
/// Runs per size in the key test (each: bare, reflect), and keys a run.
const KEY_ROUNDS: usize = 10;
const KEYS_PER_RUN: usize = 40;
const KEY_SIZES: [(u16, u16); 2] = [SIZE, (300, 100)];
/// The last words of reflect's footer on every screen (non-breaking
/// spaces: the footer keeps each key's words together).
const APP_READY: &str = "save\u{a0}and\u{a0}quit";

fn main() -> ExitCode {
    if std::env::var_os(bare::ENV).is_some() {
        bare::run();
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("benchmark failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// One line of progress on a terminal, rewritten in place; nothing in a log.
fn progress(line: &str) {
    if std::io::stderr().is_terminal() {
        eprint!("\r{line:<40}\r");
        if !line.is_empty() {
            eprint!("{line}");
        }
    }
}

/// What to run: how many rounds, and which reflect binary.
struct Settings {
    rounds: usize,
    key_rounds: usize,
    app: PathBuf,
    me: PathBuf,
}

fn settings() -> Result<Settings, String> {
    let rounds = std::env::var("REFLECT_BENCH_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(ROUNDS);
    // Cargo builds the binary for benches and says where it is.
    // REFLECT_BENCH_APP measures another build (an older commit's, say)
    // against the same bare program and data.
    let app = std::env::var_os("REFLECT_BENCH_APP").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_reflect")),
        PathBuf::from,
    );
    if !app.is_file() {
        return Err(format!(
            "{} is missing; `cargo bench` builds it (or run `cargo build --release`)",
            app.display()
        ));
    }
    Ok(Settings {
        rounds,
        key_rounds: (rounds * KEY_ROUNDS).div_ceil(ROUNDS),
        app,
        me: std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?,
    })
}

/// The generated data sets, all in one temp folder: HOME and every
/// config folder.
struct DataSets {
    work: tempfile::TempDir,
    home: PathBuf,
    plain: PathBuf,
    with_reflections: PathBuf,
    with_long: PathBuf,
    pack: PathBuf,
    reflection_bytes: u64,
    pack_bytes: u64,
    long_key: String,
}

impl DataSets {
    fn write(app: &std::path::Path) -> Result<DataSets, String> {
        let work = tempfile::tempdir().map_err(|e| format!("temp dir: {e}"))?;
        let dir = |name: &str| -> Result<PathBuf, String> {
            let path = work.path().join(name);
            std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(path)
        };
        let (home, plain) = (dir("home")?, dir("config")?);
        let (with_reflections, with_long) = (dir("config-1000")?, dir("config-long")?);
        let pack = dir("pack-10000")?;
        let reflection_bytes =
            fixtures::write_reflections(&with_reflections.join("reflections"), now());
        let pack_bytes = fixtures::write_large_pack(&pack);
        measure::check_pack(app, &home, &plain, &pack)?;
        let long_key = fixtures::write_long_answer(&with_long.join("reflections"), now());
        Ok(DataSets {
            work,
            home,
            plain,
            with_reflections,
            with_long,
            pack,
            reflection_bytes,
            pack_bytes,
            long_key,
        })
    }

    fn long_reflections(&self) -> PathBuf {
        self.with_long.join("reflections")
    }
}

/// The date the generated reflections were written on.
fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-22T10:00:00+00:00").expect("a constant date")
}

fn run() -> Result<bool, String> {
    let started = Instant::now();
    let settings = settings()?;
    let data = DataSets::write(&settings.app)?;
    println!(
        "reflect through a pty, against a bare ratatui program, interleaved round by round\napp: {}\nmachine: {}",
        settings.app.display(),
        report::machine()
    );
    let frames = first_frames(&settings, &data)?;
    let keys = key_runs(&settings, &data)?;
    progress("");
    let all_met = report::print(&frames, settings.rounds, &keys, started.elapsed());
    if std::env::var_os("REFLECT_BENCH_KEEP").is_some() {
        println!("data sets kept in {}", data.work.keep().display());
    }
    Ok(all_met)
}

fn bare(settings: &Settings, data: &DataSets) -> Program {
    Program::new(&settings.me, &data.home, &data.plain).env(bare::ENV, "1")
}

/// The first-frame cases, each with its targets (ratio, memory in MB).
fn cases(settings: &Settings, data: &DataSets) -> FirstFrames {
    let app = &settings.app;
    let reflections = format!(
        "{} reflections ({})",
        thousands(fixtures::REFLECTIONS),
        report::mb(data.reflection_bytes / 1024)
    );
    let questions = format!(
        "{} questions ({})",
        thousands(fixtures::THEMES * fixtures::QUESTIONS_PER_THEME),
        report::mb(data.pack_bytes / 1024)
    );
    let large_pack = Program::new(app, &data.home, &data.plain)
        .arg("--content")
        .arg(&data.pack);
    FirstFrames::new(vec![
        (
            "built-in content".to_string(),
            Program::new(app, &data.home, &data.plain),
            1.2,
            8,
        ),
        (
            reflections,
            Program::new(app, &data.home, &data.with_reflections),
            2.0,
            30,
        ),
        (questions, large_pack, 2.0, 30),
    ])
}

/// Each case's first frame against the bare program's, round by round.
fn first_frames(settings: &Settings, data: &DataSets) -> Result<FirstFrames, String> {
    let mut frames = cases(settings, data);
    // Warm the page cache, and the folders the app creates on first run.
    first_frame(&bare(settings, data), bare::READY)?;
    for case in &frames.cases {
        first_frame(&case.program, APP_READY)?;
    }
    let rounds = settings.rounds;
    for round in 0..rounds {
        progress(&format!("first frames: round {}/{rounds}", round + 1));
        for case in &mut frames.cases {
            let bare = first_frame(&bare(settings, data), bare::READY)?;
            let app = first_frame(&case.program, APP_READY)?;
            case.add(bare, app);
        }
    }
    Ok(frames)
}

/// Typing into the 5,000-line answer at each size, against the bare program.
fn key_runs(settings: &Settings, data: &DataSets) -> Result<Vec<KeyRuns>, String> {
    let chars: Vec<char> = ('а'..='я').chain('α'..='ω').take(KEYS_PER_RUN).collect();
    let typed: String = chars.iter().collect();
    let mut keys = Vec::new();
    for size in KEY_SIZES {
        let mut runs = KeyRuns::new(size);
        for round in 0..settings.key_rounds {
            let (cols, rows) = size;
            progress(&format!(
                "keys at {cols}x{rows}: round {}/{}",
                round + 1,
                settings.key_rounds
            ));
            runs.add_bare(type_keys(
                &bare(settings, data),
                size,
                bare::READY,
                false,
                &chars,
            )?);
            // A fresh copy each run: the last run's typing was saved into it.
            fixtures::write_long_answer(&data.long_reflections(), now());
            let program = Program::new(&settings.app, &data.home, &data.with_long)
                .arg("start")
                .arg("--theme")
                .arg(fixtures::LONG_THEME);
            runs.add_app(type_keys(&program, size, APP_READY, true, &chars)?);
            measure::verify_typed(&data.long_reflections(), &data.long_key, &typed)?;
        }
        keys.push(runs);
    }
    Ok(keys)
}
