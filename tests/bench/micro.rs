//! `cargo bench --bench micro [-- [--runs N] [--quick] [--gilvm PATH] [NAME...]]`: one small program per shape of
//! code (`tests/bench/micro/*.py`: calls, method calls, attribute reads/writes, globals, closures,
//! dicts, lists, comprehensions, generators, exceptions, str building by `+=`, `join` and
//! formatting, …) under gilvm and the reference CPython, `/usr/bin/python3.11` (Debian's
//! optimised build) or else `python3` (an unoptimised build is slower, which flatters gilvm's
//! ratios; the header says which ran). NAMEs pick programs by file stem.
//!
//! Each program is sized to take about 0.3-0.5 s under Debian's CPython, so start-up (a few
//! milliseconds) does not hide the shape's cost, and prints a checksum of its work. Each runs N
//! times per interpreter (default 5, `--quick` is 1), interleaved (run 1 of every program under
//! both, then run 2, …); the table shows the minimum whole-process wall time, the ratio and the
//! geometric mean of the ratios. Every run's output must equal CPython's first run's; a program
//! whose output differs (or that fails) is reported as a failure, not timed, and the bench exits 1.
//! `--gilvm PATH` times another gilvm binary than the package's (a before/after comparison).
//! A figure, not a test: compare ratios from one run, not seconds.

#[allow(dead_code)]
#[path = "../support/bench.rs"]
mod bench;
#[path = "../support/suite.rs"]
mod suite;

use std::path::{Path, PathBuf};
use std::time::Duration;

const GILVM: &str = env!("CARGO_BIN_EXE_gilvm");
/// No program takes more than a few seconds; a hang must not stall the run.
const LIMIT: Duration = Duration::from_secs(120);

use bench::{show, Cell};

fn main() {
    let mut runs = 5;
    let mut only = Vec::new();
    let mut gilvm = GILVM.to_string();
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => runs = 1,
            "--gilvm" => match args.next() {
                Some(path) => gilvm = path,
                None => usage("--gilvm takes a path"),
            },
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => usage("--runs takes a positive number"),
            },
            _ if arg.starts_with('-') => usage(&format!("unknown option {arg}")),
            _ => only.push(arg),
        }
    }
    let mut programs = programs();
    let name = |p: &PathBuf| {
        p.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string()
    };
    for wanted in &only {
        if !programs.iter().any(|p| name(p) == *wanted) {
            usage(&format!("no program {wanted} in tests/bench/micro"));
        }
    }
    if !only.is_empty() {
        programs.retain(|p| only.contains(&name(p)));
    }
    let Some(reference) = bench::reference_python() else {
        eprintln!(
            "no CPython found ({} or python3): nothing to compare with",
            bench::DEBIAN_PYTHON
        );
        std::process::exit(1);
    };
    println!(
        "micro-benchmarks: {} program(s), minimum of {runs} interleaved run(s), whole-process wall time",
        programs.len()
    );
    println!("{}", bench::describe_reference(&reference));
    println!("gilvm: {gilvm}");
    println!("load average at start: {}", bench::load_average());
    let interpreters = [reference.as_str(), gilvm.as_str()];
    let mut cells: Vec<[Cell; 2]> = vec![[None, None]; programs.len()];
    // What CPython printed on its first run of each program: the answer gilvm must give.
    let mut answers: Vec<Option<Vec<u8>>> = vec![None; programs.len()];
    for _ in 0..runs {
        for (p, program) in programs.iter().enumerate() {
            let path = program.to_str().expect("UTF-8 path");
            for (column, command) in interpreters.iter().enumerate() {
                if matches!(cells[p][column], Some(Err(_))) {
                    continue;
                }
                let result = suite::run_once(command, &[path], &[], LIMIT);
                let result = result.and_then(|run| check(&mut answers[p], column, run));
                let cell = &mut cells[p][column];
                bench::record_run(cell, result);
            }
        }
    }
    let names: Vec<String> = programs.iter().map(name).collect();
    let ok = print_table(&names, &cells);
    println!("load average at end: {}", bench::load_average());
    std::process::exit(if ok { 0 } else { 1 });
}

fn usage(problem: &str) -> ! {
    eprintln!("{problem}\nusage: cargo bench --bench micro -- [--runs N] [--quick] [--gilvm PATH] [NAME...]");
    std::process::exit(2);
}

/// The run's time if its output is the reference's answer (column 0 records the answer).
fn check(answer: &mut Option<Vec<u8>>, column: usize, run: suite::Run) -> Result<Duration, String> {
    match answer {
        None if column == 0 => {
            *answer = Some(run.stdout);
            Ok(run.time)
        }
        None => Err("the reference failed: nothing to compare with".into()),
        Some(expected) if *expected == run.stdout => Ok(run.time),
        Some(expected) => Err(format!(
            "output differs from the reference's: {}",
            suite::first_difference(expected, &run.stdout)
        )),
    }
}

/// Prints the table and any failures; false if anything failed.
fn print_table(names: &[String], cells: &[[Cell; 2]]) -> bool {
    println!(
        "{:<16} {:>10} {:>10} {:>7}",
        "program", "CPython s", "gilvm s", "ratio"
    );
    let mut ratios = Vec::new();
    let mut failures = Vec::new();
    for (name, [python, gilvm]) in names.iter().zip(cells) {
        let ratio = match (python, gilvm) {
            (Some(Ok(p)), Some(Ok(g))) => {
                let r = g.as_secs_f64() / p.as_secs_f64();
                ratios.push(r);
                format!("{r:.2}x")
            }
            _ => "-".into(),
        };
        println!(
            "{name:<16} {:>10} {:>10} {ratio:>7}",
            show(python),
            show(gilvm)
        );
        for (label, cell) in [("CPython", python), ("gilvm", gilvm)] {
            if let Some(Err(e)) = cell {
                failures.push(format!("{name} under {label}: {e}"));
            }
        }
    }
    let mean = bench::geometric_mean(&ratios).map_or("-".to_string(), |m| format!("{m:.2}x"));
    let timed = format!("({} timed)", ratios.len());
    println!("{:<16} {:>10} {timed:>10} {mean:>7}", "geometric mean", "");
    for failure in &failures {
        println!("FAILED: {failure}");
    }
    failures.is_empty()
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
