//! `cargo bench --bench suite [-- [--runs N] [--quick] [NAME...]]`: the classic-programs suite
//! (`tests/bench/suite/*.py`: richards, deltablue, go, raytrace, chaos, float, nbody, sudoku,
//! nqueens, fannkuch, spectral_norm, generators, unpack_sequence, wordcount) under gilvm and the
//! reference CPython, `/usr/bin/python3.11` (Debian's optimised build) or else `python3` (an
//! unoptimised build is slower, which flatters gilvm's ratios; the header says which ran).
//! `micropython` gets a column when installed, and `lua` when installed and a program has a
//! `NAME.lua` port beside it (none has yet).
//!
//! Each program runs N times per interpreter (default 5, `--quick` is 1), interleaved: run 1 of
//! every program under every interpreter, then run 2, … so that a burst of load on the shared
//! machine hits all columns alike. The table shows the minimum wall time of the whole process,
//! the ratio to CPython's and the geometric mean of the ratios, with the load average at the start
//! and the end. Every run's output must equal the reference's first run's output; a program
//! whose output differs (or that fails) is reported as a failure, not timed, and the bench exits 1.
//!
//! `-- --record` re-records `tests/bench/suite/expected/NAME.stdout`, the reference's output of
//! each program at its small size (`--small`), which `tests/bench_suite.rs` holds gilvm to. It runs
//! every program at both sizes under two hash seeds first and refuses to record a program whose
//! output depends on the seed.
//!
//! Like the other benches it builds nothing itself: the gilvm it times is the package's binary of
//! the bench profile (which inherits `release`), `target/release/gilvm`.

#[allow(dead_code)]
#[path = "../support/bench.rs"]
mod bench;
#[path = "../support/suite.rs"]
mod suite;

use std::process::Command;
use std::time::Duration;

const GILVM: &str = env!("CARGO_BIN_EXE_gilvm");
/// No program takes more than a few seconds under any interpreter; a hang must not stall the run.
const LIMIT: Duration = Duration::from_secs(120);

struct Interpreter {
    label: &'static str,
    command: String,
    /// The extension of the program files it runs.
    ext: &'static str,
}

use bench::{show, Cell};

fn main() {
    let mut runs = 5;
    let mut record = false;
    let mut only = Vec::new();
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => runs = 1,
            "--record" => record = true,
            "--runs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => usage("--runs takes a positive number"),
            },
            _ if arg.starts_with('-') => usage(&format!("unknown option {arg}")),
            _ => only.push(arg),
        }
    }
    let mut names = suite::programs();
    for name in &only {
        if !names.contains(name) {
            usage(&format!(
                "no program {name}; there are: {}",
                names.join(" ")
            ));
        }
    }
    if !only.is_empty() {
        names.retain(|n| only.contains(n));
    }
    let Some(reference) = reference() else {
        eprintln!(
            "no CPython found ({} or python3): nothing to compare with",
            bench::DEBIAN_PYTHON
        );
        std::process::exit(1);
    };
    let ok = if record {
        record_expected(&reference, &names)
    } else {
        time_suite(reference, &names, runs)
    };
    std::process::exit(if ok { 0 } else { 1 });
}

fn usage(problem: &str) -> ! {
    eprintln!(
        "{problem}\nusage: cargo bench --bench suite -- [--runs N] [--quick] [--record] [NAME...]"
    );
    std::process::exit(2);
}

/// The reference CPython (see [`bench::reference_python`]).
fn reference() -> Option<Interpreter> {
    Some(Interpreter {
        label: "CPython",
        command: bench::reference_python()?,
        ext: "py",
    })
}

/// The interpreters timed beside the reference: gilvm, and `micropython` and `lua` when found.
fn others(names: &[String]) -> Vec<Interpreter> {
    let mut found = vec![Interpreter {
        label: "gilvm",
        command: GILVM.to_string(),
        ext: "py",
    }];
    if !bench::version("micropython", "--version").is_empty()
        || Command::new("micropython")
            .args(["-c", "pass"])
            .status()
            .is_ok_and(|s| s.success())
    {
        found.push(Interpreter {
            label: "micropython",
            command: "micropython".into(),
            ext: "py",
        });
    }
    let ported = names.iter().any(|n| suite::program_path(n, "lua").exists());
    if ported && !bench::version("lua", "-v").is_empty() {
        found.push(Interpreter {
            label: "lua",
            command: "lua".into(),
            ext: "lua",
        });
    }
    found
}

fn time_suite(reference: Interpreter, names: &[String], runs: usize) -> bool {
    let others = others(names);
    println!(
        "classic programs suite: {} program(s), minimum of {runs} interleaved run(s), whole-process wall time",
        names.len()
    );
    println!("{}", bench::describe_reference(&reference.command));
    for other in &others {
        println!("{}: {}", other.label, other.command);
    }
    println!("load average at start: {}", bench::load_average());

    let columns = 1 + others.len();
    let mut cells: Vec<Vec<Cell>> = vec![vec![None; columns]; names.len()];
    // What the reference printed on its first run of each program: the answer everyone must give.
    let mut answers: Vec<Option<Vec<u8>>> = vec![None; names.len()];
    for _ in 0..runs {
        for (p, name) in names.iter().enumerate() {
            for (column, interpreter) in std::iter::once(&reference).chain(&others).enumerate() {
                let cell = &mut cells[p][column];
                if matches!(cell, Some(Err(_))) {
                    continue;
                }
                let path = suite::program_path(name, interpreter.ext);
                if !path.exists() {
                    continue;
                }
                let path = path.to_str().expect("UTF-8 path");
                let result = suite::run_once(&interpreter.command, &[path], &[], LIMIT);
                let result = result.and_then(|run| match &answers[p] {
                    None if column == 0 => {
                        answers[p] = Some(run.stdout);
                        Ok(run.time)
                    }
                    None => Err("the reference failed: nothing to compare with".into()),
                    Some(answer) if *answer == run.stdout => Ok(run.time),
                    Some(answer) => Err(format!(
                        "output differs from the reference's: {}",
                        suite::first_difference(answer, &run.stdout)
                    )),
                });
                bench::record_run(cell, result);
            }
        }
    }
    print_table(&reference, &others, names, &cells);
    println!("load average at end: {}", bench::load_average());
    cells.iter().flatten().all(|c| !matches!(c, Some(Err(_))))
}

fn print_table(
    reference: &Interpreter,
    others: &[Interpreter],
    names: &[String],
    cells: &[Vec<Cell>],
) {
    let mut header = format!("{:<16} {:>10}", "program", format!("{} s", reference.label));
    for other in others {
        header += &format!(" {:>13} {:>7}", format!("{} s", other.label), "ratio");
    }
    println!("{header}");
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); others.len()];
    let mut failures = Vec::new();
    for (name, row) in names.iter().zip(cells) {
        let base = match &row[0] {
            Some(Ok(t)) => Some(t.as_secs_f64()),
            _ => None,
        };
        let mut line = format!("{name:<16} {:>10}", show(&row[0]));
        for (column, other) in others.iter().enumerate() {
            let cell = &row[column + 1];
            let ratio = match (cell, base) {
                (Some(Ok(t)), Some(b)) => {
                    let r = t.as_secs_f64() / b;
                    ratios[column].push(r);
                    format!("{r:.2}x")
                }
                _ => "-".into(),
            };
            line += &format!(" {:>13} {ratio:>7}", show(cell));
            if let Some(Err(e)) = cell {
                failures.push(format!("{name} under {}: {e}", other.label));
            }
        }
        if let Some(Err(e)) = &row[0] {
            failures.push(format!("{name} under {}: {e}", reference.label));
        }
        println!("{line}");
    }
    let mut line = format!("{:<16} {:>10}", "geometric mean", "");
    for column in &ratios {
        let mean = bench::geometric_mean(column).map_or("-".to_string(), |m| format!("{m:.2}x"));
        line += &format!(" {:>13} {mean:>7}", format!("({} timed)", column.len()));
    }
    println!("{line}");
    for failure in &failures {
        println!("FAILED: {failure}");
    }
}

/// Writes the reference's output of each program at the small size, after checking that no
/// output (small or full size) depends on the hash seed.
fn record_expected(reference: &Interpreter, names: &[String]) -> bool {
    println!(
        "recording with {} ({})",
        reference.command,
        bench::version(&reference.command, "--version")
    );
    let dir = suite::dir().join("expected");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        println!("{}: {e}", dir.display());
        return false;
    }
    let mut ok = true;
    for name in names {
        let path = suite::program_path(name, "py");
        let path = path.to_str().expect("UTF-8 path");
        let outputs = |args: &[&str]| -> Result<Vec<u8>, String> {
            let mut seen = Vec::new();
            for seed in ["0", "1"] {
                let env = [("PYTHONHASHSEED", seed)];
                seen.push(suite::run_once(&reference.command, args, &env, LIMIT)?.stdout);
            }
            if seen[0] != seen[1] {
                return Err(format!(
                    "output depends on the hash seed: {}",
                    suite::first_difference(&seen[0], &seen[1])
                ));
            }
            Ok(seen.swap_remove(0))
        };
        let result = outputs(&[path]).and_then(|_| outputs(&[path, suite::SMALL]));
        let written = result.and_then(|small| {
            std::fs::write(suite::expected_path(name), small).map_err(|e| e.to_string())
        });
        match written {
            Ok(()) => println!("{name}: recorded"),
            Err(e) => {
                println!("{name}: NOT recorded: {e}");
                ok = false;
            }
        }
    }
    ok
}
