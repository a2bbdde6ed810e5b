//! One measured run of a program: its first frame, or keys typed into it.

use std::path::Path;
use std::time::Duration;

use crate::fixtures;
use crate::pty::{Program, Running, SHIFT_TAB};

/// Every case's first frame, and the first key test, at this size.
pub const SIZE: (u16, u16) = (100, 30);
/// A pause between keys, as between a person's keystrokes.
const KEY_GAP: Duration = Duration::from_millis(10);
/// After the first frame, before reading VmHWM and quitting.
const SETTLE: Duration = Duration::from_millis(50);
const START_TIMEOUT: Duration = Duration::from_secs(20);
const KEY_TIMEOUT: Duration = Duration::from_secs(5);

/// Time to the first frame, and VmHWM just before Ctrl-Q.
pub fn first_frame(program: &Program, marker: &str) -> Result<(Duration, u64), String> {
    let (cols, rows) = SIZE;
    let mut run = Running::spawn(program, cols, rows)?;
    let at = run.wait_for_frame(0, marker.as_bytes(), START_TIMEOUT)?;
    let first = at - run.spawned;
    std::thread::sleep(SETTLE);
    let peak = run.peak_kb()?;
    run.quit()?;
    Ok((first, peak))
}

pub struct Typed {
    /// Each key: written to the pty until its frame came out.
    pub keys: Vec<Duration>,
    /// reflect only: Shift-Tab until the long answer was drawn.
    pub open: Option<Duration>,
    pub peak_kb: u64,
}

/// Types `chars`, one at a time, each once the previous one was drawn. For
/// reflect (`long`), first Shift-Tab back to the 5,000-line answer.
pub fn type_keys(
    program: &Program,
    (cols, rows): (u16, u16),
    ready: &str,
    long: bool,
    chars: &[char],
) -> Result<Typed, String> {
    let mut run = Running::spawn(program, cols, rows)?;
    run.wait_for_frame(0, ready.as_bytes(), START_TIMEOUT)?;
    let open = if long {
        std::thread::sleep(KEY_GAP);
        run.drain();
        let from = run.out.len();
        let sent = run.send(SHIFT_TAB)?;
        let at = run.wait_for_frame(from, fixtures::LONG_END.as_bytes(), START_TIMEOUT)?;
        Some(at - sent)
    } else {
        None
    };
    let mut keys = Vec::with_capacity(chars.len());
    let mut utf8 = [0u8; 4];
    for &c in chars {
        std::thread::sleep(KEY_GAP);
        run.drain();
        let from = run.out.len();
        let key = c.encode_utf8(&mut utf8).as_bytes();
        let sent = run.send(key)?;
        // The character itself, then a frame end: the echo's frame is in.
        let at = run.wait_for_frame(from, key, KEY_TIMEOUT)?;
        keys.push(at - sent);
    }
    let peak_kb = run.peak_kb()?;
    if let Some(dir) = std::env::var_os("REFLECT_BENCH_DUMP") {
        let name = format!(
            "{}-{cols}x{rows}.out",
            if long { "reflect" } else { "bare" }
        );
        let _ = std::fs::write(Path::new(&dir).join(name), &run.out);
    }
    run.quit()?;
    Ok(Typed {
        keys,
        open,
        peak_kb,
    })
}

/// The keys went where the bench meant: the end of the 5,000-line answer,
/// as the app saved it on Ctrl-Q.
pub fn verify_typed(reflections: &Path, key: &str, typed: &str) -> Result<(), String> {
    let text = fixtures::long_answer_text(reflections, key)
        .ok_or("the long reflection could not be read back")?;
    let lines = text.lines().count();
    let expected_end = format!("{} {typed}", fixtures::LONG_END);
    if !text.ends_with(&expected_end) || lines != fixtures::LONG_LINES {
        let tail: String = text
            .chars()
            .skip(text.chars().count().saturating_sub(60))
            .collect();
        return Err(format!(
            "the typed keys did not land at the end of the long answer ({lines} lines, ending {tail:?})"
        ));
    }
    Ok(())
}

/// The generated pack must be content the app accepts.
pub fn check_pack(app: &Path, home: &Path, config: &Path, pack: &Path) -> Result<(), String> {
    let output = std::process::Command::new(app)
        .arg("check")
        .arg(pack)
        .env_clear()
        .env("HOME", home)
        .env("REFLECT_CONFIG_DIR", config)
        .output()
        .map_err(|e| format!("running reflect check: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`reflect check` rejects the generated pack:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}
