//! `cargo bench --bench micro [-- RUNS [NAME...]]`: whole-process wall time of each program in
//! `tests/bench/micro/` under gilvm and, when one is installed, under `python3`, in the same run.
//! Prints the median of RUNS runs (default 3) after a warm-up run of each, and the ratio; NAMEs
//! pick programs by file stem. Each program prints its result, and the two interpreters' outputs
//! are compared so a wrong answer cannot pass for a fast one.
//! A figure, not a test: machines here are shared and noisy, so compare ratios, not seconds.

#[path = "../support/bench.rs"]
mod bench;

use std::path::{Path, PathBuf};
use std::time::Duration;

use bench::{python_executable, python_version, Measured};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let runs: usize = args.first().and_then(|r| r.parse().ok()).unwrap_or(3);
    let only: Vec<&String> = args.iter().skip(1).collect();
    let python = python_executable();
    println!("micro-benchmarks, whole process, median of {runs} runs after a warm-up");
    match &python {
        Some(_) => println!("python3: {}", python_version()),
        None => println!("python3 not installed: no ratios"),
    }
    println!(
        "{:<14} {:>10} {:>10} {:>8}",
        "program", "gilvm s", "python3 s", "ratio"
    );
    for program in programs() {
        let name = program.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        if !only.is_empty() && !only.iter().any(|o| o.as_str() == name) {
            continue;
        }
        let path = program.to_str().expect("UTF-8 path");
        let gilvm = bench::measure(env!("CARGO_BIN_EXE_gilvm"), &[path], runs);
        let cpython = python
            .as_deref()
            .and_then(|py| bench::measure(py, &[path], runs));
        report(name, gilvm.as_ref(), cpython.as_ref());
    }
}

fn report(name: &str, gilvm: Option<&Measured>, python: Option<&Measured>) {
    let secs = |m: Option<&Measured>| m.map_or("failed".to_string(), |m| seconds(m.time));
    let ratio = match (gilvm, python) {
        (Some(g), Some(p)) if g.output != p.output => "OUTPUTS DIFFER".to_string(),
        (Some(g), Some(p)) => format!("{:.2}x", g.time.as_secs_f64() / p.time.as_secs_f64()),
        _ => "-".to_string(),
    };
    println!(
        "{name:<14} {:>10} {:>10} {ratio:>8}",
        secs(gilvm),
        secs(python)
    );
}

fn seconds(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench/micro");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == "py"));
    found.sort();
    found
}
