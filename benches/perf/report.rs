//! What the runs collected, and the tables, with a PASS or MISS per target.

use std::time::Duration;

use crate::measure::{SIZE, Typed};
use crate::pty::Program;

pub struct Case {
    pub name: String,
    pub program: Program,
    /// reflect's median first frame may be this many times the bare one's.
    ratio_target: f64,
    memory_target_mb: u64,
    bare: Vec<Duration>,
    app: Vec<Duration>,
    bare_peak_kb: u64,
    app_peak_kb: u64,
}

pub struct FirstFrames {
    pub cases: Vec<Case>,
}

impl FirstFrames {
    /// (name, reflect's command, ratio target, memory target in MB).
    pub fn new(cases: Vec<(String, Program, f64, u64)>) -> FirstFrames {
        let cases = cases
            .into_iter()
            .map(|(name, program, ratio_target, memory_target_mb)| Case {
                name,
                program,
                ratio_target,
                memory_target_mb,
                bare: Vec::new(),
                app: Vec::new(),
                bare_peak_kb: 0,
                app_peak_kb: 0,
            })
            .collect();
        FirstFrames { cases }
    }
}

impl Case {
    /// One round: (first frame, VmHWM) of the bare program, then reflect.
    pub fn add(&mut self, bare: (Duration, u64), app: (Duration, u64)) {
        self.bare.push(bare.0);
        self.bare_peak_kb = self.bare_peak_kb.max(bare.1);
        self.app.push(app.0);
        self.app_peak_kb = self.app_peak_kb.max(app.1);
    }
}

pub struct KeyRuns {
    size: (u16, u16),
    bare: Vec<Duration>,
    app: Vec<Duration>,
    opens: Vec<Duration>,
    bare_peak_kb: u64,
    app_peak_kb: u64,
}

impl KeyRuns {
    pub fn new(size: (u16, u16)) -> KeyRuns {
        KeyRuns {
            size,
            bare: Vec::new(),
            app: Vec::new(),
            opens: Vec::new(),
            bare_peak_kb: 0,
            app_peak_kb: 0,
        }
    }

    pub fn add_bare(&mut self, run: Typed) {
        self.bare.extend(run.keys);
        self.bare_peak_kb = self.bare_peak_kb.max(run.peak_kb);
    }

    pub fn add_app(&mut self, run: Typed) {
        self.app.extend(run.keys);
        self.opens.extend(run.open);
        self.app_peak_kb = self.app_peak_kb.max(run.peak_kb);
    }

    fn size(&self) -> String {
        format!("{}x{}", self.size.0, self.size.1)
    }
}

/// Prints every table; true when every target was met.
pub fn print(frames: &FirstFrames, rounds: usize, keys: &[KeyRuns], took: Duration) -> bool {
    let mut verdicts = Verdicts::default();
    print_first_frames(frames, rounds, &mut verdicts);
    print_keys(keys, &mut verdicts);
    print_memory(frames, keys, &mut verdicts);
    println!("\nNo target: Shift-Tab onto the 5,000-line answer until it is drawn");
    for k in keys {
        println!(
            "  {}: median {}, worst {}",
            k.size(),
            ms(median(&k.opens)),
            ms(worst(&k.opens))
        );
    }
    println!(
        "\n{} of {} targets met ({:.0} s; load average now {})",
        verdicts.passed,
        verdicts.passed + verdicts.missed,
        took.as_secs_f64(),
        load_average()
    );
    verdicts.missed == 0
}

fn print_first_frames(frames: &FirstFrames, rounds: usize, verdicts: &mut Verdicts) {
    println!(
        "\nFirst frame at {}x{}, median of {rounds} rounds",
        SIZE.0, SIZE.1
    );
    let rows: Vec<Vec<String>> = frames
        .cases
        .iter()
        .map(|case| {
            let (bare, app) = (median(&case.bare), median(&case.app));
            let ratio = app.as_secs_f64() / bare.as_secs_f64();
            vec![
                case.name.clone(),
                ms(bare),
                ms(app),
                format!("{ratio:.2}x"),
                format!("<= {}x", case.ratio_target),
                verdicts.mark(ratio <= case.ratio_target).into(),
            ]
        })
        .collect();
    table(
        &["case", "bare", "reflect", "ratio", "target", "result"],
        &rows,
    );
}

fn print_keys(keys: &[KeyRuns], verdicts: &mut Verdicts) {
    let count = keys.first().map_or(0, |k| k.app.len());
    println!("\nKey handled and drawn, typing into a 5,000-line answer ({count} keys a size)");
    let rows: Vec<Vec<String>> = keys
        .iter()
        .map(|k| {
            let (median_app, worst_app) = (median(&k.app), worst(&k.app));
            let met = median_app < Duration::from_millis(2) && worst_app < Duration::from_millis(5);
            vec![
                k.size(),
                ms(median(&k.bare)),
                ms(worst(&k.bare)),
                ms(median_app),
                ms(percentile(&k.app, 99)),
                ms(worst_app),
                "median < 2 ms, worst < 5 ms".into(),
                verdicts.mark(met).into(),
            ]
        })
        .collect();
    let header = [
        "size",
        "bare median",
        "bare worst",
        "reflect median",
        "p99",
        "worst",
        "target",
        "result",
    ];
    table(&header, &rows);
}

fn print_memory(frames: &FirstFrames, keys: &[KeyRuns], verdicts: &mut Verdicts) {
    println!("\nPeak memory (VmHWM, largest of all runs)");
    let mut rows: Vec<Vec<String>> = frames
        .cases
        .iter()
        .map(|case| {
            let met = case.app_peak_kb < case.memory_target_mb * 1024;
            vec![
                case.name.clone(),
                mb(case.bare_peak_kb),
                mb(case.app_peak_kb),
                format!("< {} MB", case.memory_target_mb),
                verdicts.mark(met).into(),
            ]
        })
        .collect();
    rows.extend(keys.iter().map(|k| {
        vec![
            format!("5,000-line answer, {}", k.size()),
            mb(k.bare_peak_kb),
            mb(k.app_peak_kb),
            "none".into(),
            "-".into(),
        ]
    }));
    table(&["case", "bare", "reflect", "target", "result"], &rows);
}

/// Cores, CPU model and load: figures from a busy machine are not comparable.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map_or("unknown CPU", |m| m.trim_start_matches([' ', '\t', ':']));
    format!("{cores} cores, {model}, load average {}", load_average())
}

/// The 1-minute load average from /proc/loadavg.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".into())
}

fn median(samples: &[Duration]) -> Duration {
    percentile(samples, 50)
}

/// The sample at `pct` percent of the way up the sorted samples.
fn percentile(samples: &[Duration], pct: usize) -> Duration {
    let mut sorted = samples.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n => sorted[((n - 1) * pct).div_ceil(100)],
    }
}

fn worst(samples: &[Duration]) -> Duration {
    samples.iter().copied().max().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// kB as MB (MiB, as /proc counts them).
pub fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Default)]
struct Verdicts {
    passed: usize,
    missed: usize,
}

impl Verdicts {
    fn mark(&mut self, met: bool) -> &'static str {
        if met {
            self.passed += 1;
            "PASS"
        } else {
            self.missed += 1;
            "MISS"
        }
    }
}

/// Rows as columns: the first left-aligned, the rest right-aligned.
fn table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - cell.chars().count());
            if i == 0 {
                out.push_str(cell);
                out.push_str(&pad);
            } else {
                out.push_str("  ");
                out.push_str(&pad);
                out.push_str(cell);
            }
        }
        println!("{}", out.trim_end());
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
}
