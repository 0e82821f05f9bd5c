//! Watching a server child process: its ready line and its `/proc` status. Plain std, so
//! that `tests/support/echo.rs` includes this file too (one copy of the logic).

use std::io::{BufRead, BufReader};
use std::process::Child;
use std::sync::mpsc;
use std::time::Duration;

/// Waits (at most `limit`) for the child's first line of stdout, `... ready on port N`, and
/// returns N. The child's stdout must be piped.
pub fn ready_port(child: &mut Child, limit: Duration) -> Result<u16, String> {
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(limit)
        .map_err(|_| "the server printed no ready line".to_string())?;
    line.trim()
        .rsplit(' ')
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("unexpected ready line {line:?}"))
}

/// A field of `/proc/PID/status` (`VmRSS` in kB, `Threads`...).
pub fn status_field(pid: u32, name: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status
        .lines()
        .find(|l| l.starts_with(&format!("{name}:")))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
