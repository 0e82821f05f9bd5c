//! `cargo bench --bench fib [-- N [RUNS]]`: whole-process wall time of `programs/fib.py N`
//! (default N = 30) under gilvm and, when one is installed, under `python3`, in the same run.
//! Prints the median of RUNS runs (default 5) after a warm-up run of each, and the ratio.
//! A figure, not a test: machines here are shared and noisy, so compare ratios, not seconds.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let n = args.first().cloned().unwrap_or_else(|| "30".into());
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/fib.py");
    let program = program.to_str().expect("UTF-8 path");

    println!("fib({n}), whole process, median of {runs} runs after a warm-up");
    let gilvm = median_time(env!("CARGO_BIN_EXE_gilvm"), &[program, &n], runs);
    let python = python_executable().and_then(|py| median_time(&py, &[program, &n], runs));
    match gilvm {
        Some(t) => println!("  gilvm    {:>8.3} s", t.as_secs_f64()),
        None => println!("  gilvm    failed"),
    }
    match python {
        Some(t) => println!(
            "  python3  {:>8.3} s  ({})",
            t.as_secs_f64(),
            python_version()
        ),
        None => println!("  python3  not installed: no ratio"),
    }
    if let (Some(g), Some(p)) = (gilvm, python) {
        println!(
            "  ratio    {:>8.2}x  (gilvm / python3)",
            g.as_secs_f64() / p.as_secs_f64()
        );
    }
}

/// Median wall time of `runs` successful runs, or `None` if the command fails to run.
fn median_time(command: &str, args: &[&str], runs: usize) -> Option<Duration> {
    let run_once = || {
        let start = Instant::now();
        let status = Command::new(command)
            .args(args)
            .stdout(Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| start.elapsed())
    };
    run_once()?;
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| run_once())
        .collect::<Option<_>>()?;
    times.sort();
    Some(times[times.len() / 2])
}

/// The real interpreter behind `python3`: version managers such as pyenv put a shell-script
/// shim on PATH whose own start-up (tens of milliseconds) would be charged to CPython.
fn python_executable() -> Option<String> {
    let out = Command::new("python3")
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !path.is_empty()).then_some(path)
}

fn python_version() -> String {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
