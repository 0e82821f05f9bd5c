//! `cargo bench --bench fib [-- N [RUNS]]`: whole-process wall time of `programs/fib.py N`
//! (default N = 30) under gilvm and, when one is installed, under `python3`, in the same run.
//! Prints the median of RUNS runs (default 5) after a warm-up run of each, and the ratio.
//! The two outputs are compared, so a wrong answer cannot pass for a fast one.
//! A figure, not a test: machines here are shared and noisy, so compare ratios, not seconds.

#[allow(dead_code)]
#[path = "../support/bench.rs"]
mod bench;

use bench::{python_executable, python_version};
use std::path::Path;

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
    let measure = |command: &str| bench::measure(command, &[program, &n], runs);
    let gilvm = measure(env!("CARGO_BIN_EXE_gilvm"));
    let python = python_executable().and_then(|py| measure(&py));
    match &gilvm {
        Some(m) => println!("  gilvm    {:>8.3} s", m.time.as_secs_f64()),
        None => println!("  gilvm    failed"),
    }
    match &python {
        Some(m) => println!(
            "  python3  {:>8.3} s  ({})",
            m.time.as_secs_f64(),
            python_version()
        ),
        None => println!("  python3  not installed: no ratio"),
    }
    if let (Some(g), Some(p)) = (gilvm, python) {
        if g.output != p.output {
            println!("  ratio    none: the two printed different results");
            return;
        }
        println!(
            "  ratio    {:>8.2}x  (gilvm / python3)",
            g.time.as_secs_f64() / p.time.as_secs_f64()
        );
    }
}
