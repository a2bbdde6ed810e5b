//! Runs documented command lines as written, the way a user types them
//! into bash: `reflect` found on the PATH, `~` their (temporary) home, the
//! config folder in the usual place under it (`XDG_CONFIG_HOME`), and the
//! current folder that home. The home starts as a user's who has reflected
//! once and run one group session, so `export` and `history` have
//! something to show.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::DateTime;
use reflect::content::Audience;
use reflect::paths::Paths;
use reflect::store::{GroupRecord, RecordDir, Reflection};

use super::tmux::{self, Tmux};

pub struct Shell {
    home: tempfile::TempDir,
    bin_dir: PathBuf,
    /// One tmux server for all the interactive lines, made when the first
    /// comes (a server started just after another on the same socket was
    /// killed can find it still going away).
    tmux: std::cell::OnceCell<Tmux>,
}

/// Each shell's tmux server gets a socket of its own, tests running in
/// parallel in one process too.
fn next_tmux() -> Tmux {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Tmux::new(&format!("shell{n}"))
}

impl Shell {
    pub fn new() -> Shell {
        let home = tempfile::tempdir().expect("temp home");
        let binary = tmux::binary();
        let bin_dir = binary.parent().expect("the binary's folder").to_path_buf();
        let shell = Shell {
            home,
            bin_dir,
            tmux: std::cell::OnceCell::new(),
        };
        shell.seed();
        shell
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    fn config(&self) -> PathBuf {
        self.home().join(".config")
    }

    fn path_var(&self) -> String {
        let rest = std::env::var("PATH").unwrap_or_else(|_| "/usr/bin:/bin".into());
        format!("{}:{rest}", self.bin_dir.display())
    }

    /// One reflection with an answer, and one group record with a point.
    fn seed(&self) {
        let paths = Paths::at(self.config().join("reflect"));
        let when = DateTime::parse_from_rfc3339("2026-11-20T09:00:00+00:00").expect("date");
        let (pack, theme) = ("panel-2023-24", "child-mental-health");
        let mut reflection = Reflection::new(
            "2026-11-20-090000-child-mental-health",
            when,
            pack,
            theme,
            Audience::Practitioner,
        );
        let key = format!("{pack}/{theme}/formal-diagnosis");
        reflection
            .answer_mut_or_insert(&key, "Do you check for a formal diagnosis?", when)
            .text = "I ask the GP.".into();
        let reflections = RecordDir::<Reflection>::open(paths.reflections_dir()).expect("dir");
        reflections.save(&reflection).expect("save");
        let mut group =
            GroupRecord::new("2026-11-21-140000-child-mental-health", when, pack, theme);
        group.add_note(
            "learning",
            "Learning for direct practice",
            "Think family",
            when,
        );
        let groups = RecordDir::<GroupRecord>::open(paths.groups_dir()).expect("dir");
        groups.save(&group).expect("save");
    }

    /// `line` run by bash (with `pipefail`, so reflect's own exit code
    /// counts), without a terminal.
    pub fn run(&self, line: &str) -> Output {
        Command::new("bash")
            .args(["-o", "pipefail", "-c", line])
            .current_dir(self.home())
            .env("HOME", self.home())
            .env("XDG_CONFIG_HOME", self.config())
            .env("PATH", self.path_var())
            .env_remove("REFLECT_CONFIG_DIR")
            .env_remove("REFLECT_CONTENT")
            .stdin(Stdio::null())
            .output()
            .expect("run bash")
    }

    /// Runs `line` and panics, with all it printed, unless it exits 0.
    pub fn run_ok(&self, line: &str) -> Output {
        let out = self.run(line);
        assert_eq!(out.status.code(), Some(0), "`{line}`:\n{}", said(&out));
        out
    }

    /// An interactive line: without a terminal it must fail cleanly (exit
    /// 2, a message saying so); in a terminal (tmux, when installed) it
    /// must draw its first screen and quit with Ctrl-Q, exit 0.
    pub fn run_interactive(&self, line: &str) {
        let out = self.run(line);
        assert_eq!(out.status.code(), Some(2), "`{line}` without a terminal");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("the app needs a terminal"),
            "`{line}`: {stderr}"
        );
        if !tmux::available() {
            return;
        }
        let tmux = self.tmux.get_or_init(next_tmux);
        let home = self.home().display();
        tmux.start_shell(
            &format!(
                "cd {home} && env -u REFLECT_CONFIG_DIR -u REFLECT_CONTENT HOME={home} \
                 XDG_CONFIG_HOME={} PATH={} {line}; echo EXITED $?; sleep 60",
                self.config().display(),
                self.path_var(),
            ),
            (100, 30),
        );
        tmux.wait_for("Crown copyright");
        tmux.keys(&["C-q"]);
        tmux.wait_for("EXITED 0");
    }

    /// Runs a documented line as it should be run: interactive ones as
    /// above, the rest expecting exit 0.
    pub fn run_documented(&self, line: &str) {
        if is_interactive(line) {
            self.run_interactive(line);
        } else {
            self.run_ok(line);
        }
    }
}

/// Whether `line` opens the app: `reflect` alone, `reflect start` or
/// `reflect group` (after any `--content DIR`).
pub fn is_interactive(line: &str) -> bool {
    let mut words = line.split_whitespace();
    if words.next() != Some("reflect") {
        return false;
    }
    let mut words = words.peekable();
    while words.peek() == Some(&"--content") {
        words.nth(1);
    }
    matches!(words.next(), None | Some("start" | "group"))
}

/// Everything a command printed, for a failure message.
pub fn said(out: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
