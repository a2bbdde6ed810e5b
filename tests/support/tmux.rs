//! Drives the real binary in a private tmux server, as a user would.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The binary under test: the release build when `.ci/run` names it in
/// `REFLECT_E2E_BIN`, otherwise the one cargo built for the tests.
pub fn binary() -> PathBuf {
    std::env::var_os("REFLECT_E2E_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_reflect")),
        PathBuf::from,
    )
}

/// Runs `reflect ARGS` plainly (no terminal) with its config under `home`.
pub fn run_plain(home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(args)
        .env("REFLECT_CONFIG_DIR", home.join("config"))
        .env("HOME", home)
        .output()
        .expect("run reflect")
}

/// Copies the built-in pack into `home/team` (as a team lead would) and
/// returns that folder.
pub fn copy_builtin_pack(home: &Path) -> PathBuf {
    let team = home.join("team");
    let team_arg = team.to_str().expect("utf-8 temp path");
    let copied = run_plain(home, &["new", "--from-builtin", team_arg]);
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    team
}

/// Whether tmux can run. Without it an end-to-end test is skipped, loudly;
/// where `REFLECT_REQUIRE_E2E` is set (CI), it fails instead.
pub fn available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("REFLECT_REQUIRE_E2E").is_none(),
            "tmux is not installed, and this run requires the end-to-end tests"
        );
        eprintln!(
            "\n*** SKIPPED: tmux is not installed, so this end-to-end test did not run ***\n\
             *** install tmux (.ci/run does) to drive the real app as a user would ***\n"
        );
    }
    found
}

/// A tmux server of its own (its own socket), killed on drop.
pub struct Tmux {
    socket: String,
    /// Each start gets a session of its own: killing the only session would
    /// stop the server while the next one is being created.
    session: std::cell::Cell<u32>,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("reflect-{name}-{}", std::process::id()),
            session: std::cell::Cell::new(0),
        }
    }

    fn target(&self) -> String {
        format!("e2e{}", self.session.get())
    }

    fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Runs `reflect ARGS` with its config in `home`; the pane stays after exit.
    pub fn start(&self, home: &Path, args: &str, size: (u16, u16)) {
        let home = home.display();
        let command = format!(
            "env -u NO_COLOR REFLECT_CONFIG_DIR={home}/config HOME={home} XDG_CONFIG_HOME={home}/xdg {} {args}; echo EXITED $?; sleep 60",
            binary().display()
        );
        self.start_shell(&command, size);
    }

    /// Runs a whole shell command line in a new pane; the pane stays after exit.
    pub fn start_shell(&self, command: &str, size: (u16, u16)) {
        let (w, h) = (size.0.to_string(), size.1.to_string());
        let old = self.target();
        self.session.set(self.session.get() + 1);
        let new = self.target();
        let out = self.tmux(&["new-session", "-d", "-s", &new, "-x", &w, "-y", &h, command]);
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = self.tmux(&["kill-session", "-t", &old]);
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", &self.target(), key]);
        }
    }

    /// Types text literally (no key names).
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", &self.target(), "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .tmux(&["capture-pane", "-p", "-t", &self.target()])
                .stdout,
        )
        .into_owned()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Tmux {
    /// Waits until the screen shows `text` and has stopped changing: tmux
    /// can be captured half way through drawing a frame.
    pub fn wait_for_settled(&self, text: &str) -> String {
        let mut screen = self.wait_for(text);
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let again = self.screen();
            if again == screen {
                return screen;
            }
            screen = again;
        }
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_until_gone(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "{text:?} never went away; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
