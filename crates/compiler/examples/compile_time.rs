//! How long compiling big or long inputs takes, beside CPython's `compile()` of the same text
//! (when `python3` is on the path). A benchmark to read, not a test: it prints times.
//!
//! ```sh
//! cargo run --release -p gilvm-compiler --example compile_time        # the default sizes
//! cargo run --release -p gilvm-compiler --example compile_time -- 0.1 # a tenth of them
//! ```
//!
//! Each input is compiled at its size and at a quarter of it: compile time is linear when the
//! ratio of the two times is about 4 (a quadratic pass shows about 16).

use std::process::Command;
use std::time::Instant;

fn inputs(scale: f64) -> Vec<(&'static str, String)> {
    let n = |base: f64| ((base * scale) as usize).max(1);
    vec![
        ("`x=1;` on one line", "x=1;".repeat(n(100_000.0)) + "\n"),
        (
            "`1 and 1 and ...`",
            format!("x = 1{}\n", " and 1".repeat(n(300_000.0))),
        ),
        (
            "distinct names",
            (0..n(100_000.0)).map(|i| format!("v{i} = {i}\n")).collect(),
        ),
        (
            "distinct names in a function",
            "def f():\n".to_string()
                + &(0..n(100_000.0))
                    .map(|i| format!("    v{i} = {i}\n"))
                    .collect::<String>(),
        ),
        (
            "a long list literal",
            format!(
                "x = [{}]\n",
                (0..n(1_000_000.0))
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        ("`1+1+...`", format!("x = 1{}\n", "+1".repeat(n(2_900.0)))),
    ]
}

fn gilvm_seconds(source: &str) -> f64 {
    let start = Instant::now();
    let result = gilvm_compiler::compile_source(source, "<bench>");
    let seconds = start.elapsed().as_secs_f64();
    if let Err(error) = result {
        eprintln!("  (compile error: {error})");
    }
    seconds
}

fn cpython_seconds(source: &str) -> Option<f64> {
    let path = std::env::temp_dir().join(format!("gilvm-compile-time-{}.py", std::process::id()));
    std::fs::write(&path, source).ok()?;
    let script = "import sys, time\nsrc = open(sys.argv[1]).read()\nt = time.perf_counter()\n\
                  compile(src, '<bench>', 'exec')\nprint(time.perf_counter() - t)";
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .ok();
    let _ = std::fs::remove_file(&path);
    String::from_utf8(output?.stdout).ok()?.trim().parse().ok()
}

fn main() {
    let scale: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    println!(
        "{:<32} {:>10} {:>10} {:>10} {:>8}",
        "input", "bytes", "gilvm", "CPython", "size/4"
    );
    for ((name, source), (_, quarter)) in inputs(scale).into_iter().zip(inputs(scale / 4.0)) {
        let full = gilvm_seconds(&source);
        let small = gilvm_seconds(&quarter);
        let cpython = cpython_seconds(&source).map_or("-".to_string(), |s| format!("{s:.3}s"));
        println!(
            "{name:<32} {:>10} {:>9.3}s {cpython:>10} {:>7.1}x",
            source.len(),
            full,
            full / small.max(1e-9),
        );
    }
}
