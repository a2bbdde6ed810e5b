//! Running a program in a real pseudo-terminal and watching what it draws.
//!
//! A thread reads the pty and stamps each chunk with the time `read`
//! returned, so the time a frame arrived never includes this side's
//! searching. Frames are recognised in the raw bytes: ratatui ends every
//! `draw` with "hide cursor" (`ESC [ ? 25 l`, then a flush) when no cursor
//! position is set, as in both programs here, so "marker seen, and a frame
//! end after it" means the frame holding the marker has fully arrived.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// What ratatui writes at the end of every frame without a cursor.
pub const FRAME_END: &[u8] = b"\x1b[?25l";
/// Ctrl-Q: save and quit in reflect, quit in the bare program.
pub const CTRL_Q: &[u8] = b"\x11";
pub const SHIFT_TAB: &[u8] = b"\x1b[Z";

pub struct Program {
    pub exe: PathBuf,
    pub args: Vec<OsString>,
    pub env: Vec<(&'static str, OsString)>,
    pub cwd: PathBuf,
}

impl Program {
    pub fn new(exe: &Path, home: &Path, config: &Path) -> Program {
        Program {
            exe: exe.to_path_buf(),
            args: Vec::new(),
            // Nothing from the caller's environment: no real HOME, no
            // REFLECT_CONTENT, no NO_COLOR.
            env: vec![
                ("HOME", home.into()),
                ("REFLECT_CONFIG_DIR", config.into()),
                ("TERM", "xterm-256color".into()),
                ("LANG", "C.UTF-8".into()),
                ("PATH", "/usr/bin:/bin".into()),
            ],
            cwd: home.to_path_buf(),
        }
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Program {
        self.args.push(arg.into());
        self
    }

    pub fn env(mut self, key: &'static str, value: impl Into<OsString>) -> Program {
        self.env.push((key, value.into()));
        self
    }
}

pub struct Running {
    child: Box<dyn Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    chunks: Receiver<(Instant, Vec<u8>)>,
    _master: Box<dyn MasterPty + Send>,
    /// Everything the program has written so far.
    pub out: Vec<u8>,
    /// Just before the program was spawned.
    pub spawned: Instant,
    pub pid: u32,
}

/// Each chunk the program writes, with the moment it arrived, until the
/// pty closes.
fn read_in_the_background(mut reader: Box<dyn Read + Send>) -> Receiver<(Instant, Vec<u8>)> {
    let (send, chunks) = channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if send.send((Instant::now(), buf[..n].to_vec())).is_err() {
                        break;
                    }
                }
            }
        }
    });
    chunks
}

/// The program, its arguments and only its own environment, in its folder.
fn command(program: &Program) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(&program.exe);
    cmd.args(&program.args);
    cmd.env_clear();
    for (key, value) in &program.env {
        cmd.env(key, value);
    }
    cmd.cwd(&program.cwd);
    cmd
}

impl Running {
    pub fn spawn(program: &Program, cols: u16, rows: u16) -> Result<Running, String> {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pty: {e}"))?;
        let reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| format!("pty reader: {e}"))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|e| format!("pty writer: {e}"))?;
        let chunks = read_in_the_background(reader);
        let spawned = Instant::now();
        let child = pair
            .slave
            .spawn_command(command(program))
            .map_err(|e| format!("cannot start {}: {e}", program.exe.display()))?;
        // Only the child keeps the slave open, so reads end when it exits.
        drop(pair.slave);
        let pid = child.process_id().ok_or("no pid for the child")?;
        Ok(Running {
            child,
            writer: Some(writer),
            chunks,
            _master: pair.master,
            out: Vec::new(),
            spawned,
            pid,
        })
    }

    /// Waits until `marker` appears in the output at or after byte `from`,
    /// followed by a frame end; returns when that chunk arrived.
    pub fn wait_for_frame(
        &mut self,
        from: usize,
        marker: &[u8],
        timeout: Duration,
    ) -> Result<Instant, String> {
        let deadline = Instant::now() + timeout;
        // Scanned incrementally: this side must not take CPU from the child.
        let mut scan = from.min(self.out.len());
        let mut seen_marker = false;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (at, chunk) = match self.chunks.recv_timeout(left) {
                Ok(chunk) => chunk,
                Err(RecvTimeoutError::Timeout) => {
                    return Err(format!(
                        "no frame with {:?} within {timeout:?}; the last output was {:?}",
                        String::from_utf8_lossy(marker),
                        tail(&self.out)
                    ));
                }
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!(
                        "the program ended before drawing {:?}; its last output was {:?}",
                        String::from_utf8_lossy(marker),
                        tail(&self.out)
                    ));
                }
            };
            self.out.extend_from_slice(&chunk);
            if !seen_marker && let Some(p) = find(&self.out[scan..], marker) {
                scan += p + marker.len();
                seen_marker = true;
            }
            if seen_marker && find(&self.out[scan..], FRAME_END).is_some() {
                return Ok(at);
            }
            // A needle may be split across chunks: rescan its last bytes.
            let keep = marker.len().max(FRAME_END.len());
            scan = scan.max(self.out.len().saturating_sub(keep));
        }
    }

    /// Writes `bytes` as one keystroke; returns the time just before.
    pub fn send(&mut self, bytes: &[u8]) -> Result<Instant, String> {
        let writer = self.writer.as_mut().ok_or("the pty writer is closed")?;
        let at = Instant::now();
        writer
            .write_all(bytes)
            .and_then(|()| writer.flush())
            .map_err(|e| format!("writing to the pty: {e}"))?;
        Ok(at)
    }

    /// Collects whatever output has already arrived, without waiting.
    pub fn drain(&mut self) {
        while let Ok((_, chunk)) = self.chunks.try_recv() {
            self.out.extend_from_slice(&chunk);
        }
    }

    /// Peak resident memory so far (VmHWM), in kB.
    pub fn peak_kb(&self) -> Result<u64, String> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid))
            .map_err(|e| format!("reading /proc/{}/status: {e}", self.pid))?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| "no VmHWM in /proc/PID/status".to_string())
    }

    /// Ctrl-Q, then waits for the program to end (killing it after 10 s).
    pub fn quit(mut self) -> Result<(), String> {
        self.send(CTRL_Q)?;
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) if status.success() => break,
                Ok(Some(status)) => {
                    self.drain();
                    return Err(format!(
                        "the program exited with {status:?}; its last output was {:?}",
                        tail(&self.out)
                    ));
                }
                Ok(None) if Instant::now() > deadline => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return Err("the program did not quit on Ctrl-Q within 10 s".into());
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(2)),
                Err(e) => return Err(format!("waiting for the program: {e}")),
            }
        }
        // Dropping the writer sends a newline and EOF: only once it is gone.
        self.writer = None;
        Ok(())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn tail(out: &[u8]) -> String {
    let start = out.len().saturating_sub(300);
    String::from_utf8_lossy(&out[start..]).into_owned()
}
