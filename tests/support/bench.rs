//! What the benchmarks under `tests/bench/` share: timing whole processes, and finding the real
//! CPython to compare against.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A command's median wall time and what it printed on its first (warm-up) run.
pub struct Measured {
    pub time: Duration,
    pub output: Vec<u8>,
}

/// Runs `command args` once to warm up, then `runs` times; `None` if any run fails.
pub fn measure(command: &str, args: &[&str], runs: usize) -> Option<Measured> {
    let run_once = || {
        let start = Instant::now();
        let out = Command::new(command)
            .args(args)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        out.status.success().then(|| (start.elapsed(), out.stdout))
    };
    let (_, output) = run_once()?;
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| run_once().map(|(t, _)| t))
        .collect::<Option<_>>()?;
    times.sort();
    Some(Measured {
        time: times[times.len() / 2],
        output,
    })
}

/// The real interpreter behind `python3`: version managers such as pyenv put a shell-script
/// shim on PATH whose own start-up (tens of milliseconds) would be charged to CPython.
pub fn python_executable() -> Option<String> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !path.is_empty()).then_some(path)
}

/// `Python 3.x.y`, or empty when there is no `python3`.
pub fn python_version() -> String {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
