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

/// One interpreter's result for one program in a table: the fastest run so far, or why it failed.
pub type Cell = Option<Result<Duration, String>>;

/// Folds one more run into a cell: a failure sticks, else the minimum time wins.
pub fn record_run(cell: &mut Cell, run: Result<Duration, String>) {
    *cell = Some(match (cell.take(), run) {
        (_, Err(e)) | (Some(Err(e)), _) => Err(e),
        (Some(Ok(best)), Ok(t)) => Ok(best.min(t)),
        (None, Ok(t)) => Ok(t),
    });
}

/// A cell as the tables print it: seconds, `FAILED` or `-`.
pub fn show(cell: &Cell) -> String {
    match cell {
        Some(Ok(t)) => format!("{:.3}", t.as_secs_f64()),
        Some(Err(_)) => "FAILED".into(),
        None => "-".into(),
    }
}

/// Debian's optimised CPython 3.11: the reference for every speed ratio when installed.
pub const DEBIAN_PYTHON: &str = "/usr/bin/python3.11";

/// [`DEBIAN_PYTHON`] when installed, else the real binary behind `python3`.
pub fn reference_python() -> Option<String> {
    if std::path::Path::new(DEBIAN_PYTHON).exists() {
        Some(DEBIAN_PYTHON.to_string())
    } else {
        python_executable()
    }
}

/// The header line that says which CPython a table's ratios are against.
pub fn describe_reference(command: &str) -> String {
    let version = version(command, "--version");
    if command == DEBIAN_PYTHON {
        format!("reference: {command} ({version}, Debian's optimised build)")
    } else {
        format!(
            "reference: {command} ({version}); NOT {DEBIAN_PYTHON}: an unoptimised CPython is \
             slower, which flatters the ratios"
        )
    }
}

/// The first line `command flag` prints (on stdout, or stderr when stdout is empty), or empty.
pub fn version(command: &str, flag: &str) -> String {
    Command::new(command)
        .arg(flag)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            let text = if o.stdout.is_empty() {
                o.stderr
            } else {
                o.stdout
            };
            let text = String::from_utf8_lossy(&text);
            text.lines().next().unwrap_or("").trim().to_string()
        })
        .unwrap_or_default()
}

/// The geometric mean of ratios, `None` when there are none.
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    let logs: f64 = ratios.iter().map(|r| r.ln()).sum();
    (!ratios.is_empty()).then(|| (logs / ratios.len() as f64).exp())
}

/// The load average over 1, 5 and 15 minutes, as `/proc/loadavg` gives it.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// `Python 3.x.y`, or empty when there is no `python3`.
pub fn python_version() -> String {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
