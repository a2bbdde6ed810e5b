//! Drives the real binary in a pseudo-terminal of its own, with nothing in
//! between, so a test can kill it, signal it, or hang up on it as a closed
//! terminal window would.
//!
//! A background thread reads everything the app writes (so it never blocks
//! on a full pty) into a raw log and a `vt100` screen that tests wait on.

use std::fs::File;
use std::io::{self, Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const SIGHUP: i32 = libc::SIGHUP;
pub const SIGINT: i32 = libc::SIGINT;
pub const SIGKILL: i32 = libc::SIGKILL;
pub const SIGTERM: i32 = libc::SIGTERM;

/// How long the reader waits in `poll` before looking at its stop flag.
const READ_POLL_MS: i32 = 20;

/// True if a pty can be opened here. If not, says so loudly: the caller
/// skips, and the output shows that nothing was tested.
pub fn available() -> bool {
    match native_pty_system().openpty(pty_size(80, 24)) {
        Ok(_) => true,
        Err(e) => {
            eprintln!(
                "SKIPPED: cannot open a pseudo-terminal here ({e:#}); these tests did not run"
            );
            false
        }
    }
}

fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Sends `signal` to a process; usable from any thread. Only valid while
/// the process has not been reaped, which [`Term`] guarantees until its
/// `wait_exit` or drop.
#[derive(Debug, Clone, Copy)]
pub struct Killer {
    pid: i32,
}

impl Killer {
    pub fn send(self, signal: i32) {
        // SAFETY: kill(2) takes plain integers and touches no memory.
        let result = unsafe { libc::kill(self.pid, signal) };
        if result != 0 {
            let error = io::Error::last_os_error();
            panic!(
                "could not send signal {signal} to pid {}: {error}",
                self.pid
            );
        }
    }
}

/// What the app has written so far.
struct Seen {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// The reader stopped: the app closed the terminal or we hung up.
    closed: bool,
}

struct Output {
    seen: Mutex<Seen>,
    changed: Condvar,
}

impl Output {
    fn lock(&self) -> MutexGuard<'_, Seen> {
        self.seen.lock().expect("pty output lock poisoned")
    }

    fn push(&self, bytes: &[u8]) {
        let mut seen = self.lock();
        seen.raw.extend_from_slice(bytes);
        seen.parser.process(bytes);
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }
}

/// `reflect ARGS` running in a pty of its own, with its config under `home`.
pub struct Term {
    child: Box<dyn Child + Send + Sync>,
    pid: i32,
    master: Option<Box<dyn MasterPty + Send>>,
    input: Option<File>,
    output: Arc<Output>,
    stop: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    exit: Option<ExitStatus>,
}

impl Term {
    /// Starts the binary under test (`REFLECT_E2E_BIN`, else cargo's) in a
    /// `cols` x `rows` pty, with `HOME`, the config and XDG folders under
    /// `home` and `NO_COLOR` unset.
    pub fn start(home: &Path, args: &[&str], (cols, rows): (u16, u16)) -> Term {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open a pty");
        let child = pair
            .slave
            .spawn_command(command(home, args))
            .expect("spawn reflect in the pty");
        drop(pair.slave);
        let pid = child.process_id().expect("pid of the spawned app");
        let fd = pair.master.as_raw_fd().expect("raw fd of the pty master");
        let output = Arc::new(Output {
            seen: Mutex::new(Seen {
                parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
                raw: Vec::new(),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let reader = spawn_reader(dup(fd), Arc::clone(&output), Arc::clone(&stop));
        Term {
            child,
            pid: i32::try_from(pid).expect("pid fits in i32"),
            master: Some(pair.master),
            input: Some(dup(fd)),
            output,
            stop,
            reader: Some(reader),
            exit: None,
        }
    }

    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// A handle that signals the app from another thread.
    pub fn killer(&self) -> Killer {
        assert!(self.exit.is_none(), "the app was already reaped");
        Killer { pid: self.pid }
    }

    pub fn signal(&self, signal: i32) {
        self.killer().send(signal);
    }

    /// Writes bytes as if typed; an error means the terminal is gone.
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let input = self
            .input
            .as_mut()
            .ok_or_else(|| io::Error::other("the pty master was closed"))?;
        input.write_all(bytes)?;
        input.flush()
    }

    /// Types `text` and panics if the terminal will not take it.
    pub fn type_text(&mut self, text: &str) {
        self.write(text.as_bytes()).expect("write keys to the pty");
    }

    /// Ctrl-Q: save and quit.
    pub fn ctrl_q(&mut self) {
        self.type_text("\x11");
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.output.lock().parser.screen().contents()
    }

    /// How many bytes the app has written so far (a mark for `raw_since`).
    pub fn raw_len(&self) -> usize {
        self.output.lock().raw.len()
    }

    /// Everything the app wrote after `mark`.
    pub fn raw_since(&self, mark: usize) -> Vec<u8> {
        let seen = self.output.lock();
        seen.raw.get(mark..).unwrap_or_default().to_vec()
    }

    /// Waits until the screen shows `text`; panics with the screen if it
    /// does not within `timeout` or the output ends first.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(text, true, timeout)
    }

    /// Waits until the screen no longer shows `text`; panics as `wait_for`.
    pub fn wait_until_gone(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(text, false, timeout)
    }

    fn wait_until(&self, text: &str, shown: bool, timeout: Duration) -> String {
        let deadline = Instant::now() + timeout;
        let mut seen = self.output.lock();
        loop {
            let screen = seen.parser.screen().contents();
            if screen.contains(text) == shown {
                return screen;
            }
            let now = Instant::now();
            let what = if shown { "never saw" } else { "still saw" };
            assert!(
                now < deadline && !seen.closed,
                "{what} {text:?} within {timeout:?} (pid {}, output {}); screen:\n{screen}",
                self.pid,
                if seen.closed { "ended" } else { "still open" },
            );
            seen = self
                .output
                .changed
                .wait_timeout(seen, deadline - now)
                .expect("pty output lock poisoned")
                .0;
        }
    }

    /// Waits until the reader has read everything (the app closed the
    /// terminal, by exiting or otherwise); false if it has not by `timeout`.
    pub fn wait_output_end(&self, timeout: Duration) -> bool {
        let seen = self.output.lock();
        let (seen, _) = self
            .output
            .changed
            .wait_timeout_while(seen, timeout, |seen| !seen.closed)
            .expect("pty output lock poisoned");
        seen.closed
    }

    /// Closes every master fd we hold, as closing a terminal window does:
    /// the kernel hangs up the pty and sends SIGHUP to the app's session.
    pub fn close_master(&mut self) {
        self.stop_reader();
        self.input = None;
        self.master = None;
    }

    fn stop_reader(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            reader.join().expect("pty reader thread panicked");
        }
    }

    /// Waits up to `timeout` for the app to exit and reaps it; `None` if
    /// it is still running then.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while self.exit.is_none() {
            self.exit = self.child.try_wait().expect("try_wait on the app");
            if self.exit.is_none() {
                if Instant::now() >= deadline {
                    return None;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        self.exit.clone()
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        if self.exit.is_none() && !matches!(self.child.try_wait(), Ok(Some(_))) {
            // SAFETY: the child is not reaped yet, so the pid is still ours.
            unsafe { libc::kill(self.pid, SIGKILL) };
            let _ = self.child.wait();
        }
        self.stop.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

fn command(home: &Path, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(super::tmux::binary());
    cmd.args(args);
    cmd.cwd(home);
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("REFLECT_CONTENT");
    cmd.env("HOME", home);
    cmd.env("REFLECT_CONFIG_DIR", home.join("config"));
    cmd.env("XDG_CONFIG_HOME", home.join("xdg"));
    cmd.env("TERM", "xterm-256color");
    cmd
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("terminal size must not be zero")
}

/// A second handle on the master fd (close-on-exec), owned by us rather
/// than portable-pty, whose writer types "\n^D" when dropped.
fn dup(fd: RawFd) -> File {
    // SAFETY: `fd` belongs to the MasterPty, which outlives this call.
    let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
    File::from(borrowed.try_clone_to_owned().expect("dup the pty master"))
}

fn spawn_reader(file: File, output: Arc<Output>, stop: Arc<AtomicBool>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        read_until_closed(file, &output, &stop);
        output.close();
    })
}

fn read_until_closed(mut file: File, output: &Output, stop: &AtomicBool) {
    let mut buf = [0u8; 16 * 1024];
    while !stop.load(Ordering::SeqCst) {
        if !readable(&file) {
            continue;
        }
        match file.read(&mut buf) {
            Ok(0) => return,
            Ok(n) => output.push(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            // EIO: the app exited and the pty's other side is gone.
            Err(_) => return,
        }
    }
}

/// Waits a little for the fd to have something (or a hang-up) to read.
fn readable(file: &File) -> bool {
    let mut poll = libc::pollfd {
        fd: file.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, for the duration of the call.
    unsafe { libc::poll(&mut poll, 1, READ_POLL_MS) > 0 }
}
