//! A fuzzer for gilvm on stable Rust: mutates the program corpus (`tests/programs/**/*.py`)
//! and makes random token soups, and feeds them to the lexer, parser and compiler (in a
//! worker process, so that an abort is caught and its input kept) and, for those that
//! compile, to the whole `gilvm` binary (in a child process with a time limit). It reports
//! aborts, panics and slow cases, and saves each input under the output directory.
//!
//! ```sh
//! cargo build --release && cargo run --release --example fuzz -- --seconds 60
//! cargo run --release --example fuzz -- --seconds 3600 --out target/fuzz --seed 7
//! cargo run --release --example fuzz -- --cases 3000 --seed 1   # a fixed amount of work (CI)
//! ```
//!
//! Options: `--seconds N` (default 60 unless `--cases` is given), `--cases N` (stop after N
//! cases: the same work on any machine), `--seed N` (default: from the clock), `--out DIR`
//! (default `target/fuzz`), `--run-limit-ms N` (a whole program's time limit, default 2000),
//! `--memory-mb N` (a whole program's address-space limit, default 4096, so that one case
//! cannot take the machine), `--no-run` (front end only). Exit status 1 when it found an abort
//! or a panic.
//!
//! Findings go to `OUT/findings/KIND-N.py` with `KIND` one of `frontend-abort` (the worker
//! died: stack overflow, abort), `frontend-panic`, `frontend-slow` (over 5 s to compile), `frontend-hang` (a worker batch
//! past a minute),
//! `run-abort` (gilvm killed by a signal), `run-panic` (a Rust panic message or exit status
//! 101), `run-oom` (an allocation the allocator refused under the memory limit, smaller than
//! the limit: a program that grew step by step past it, in a path that does not raise
//! `MemoryError`; reported, not counted as a failure). Whole programs that run past their limit
//! are counted as `run-timeouts` but not saved: mutated loops often never end.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Cases a front-end worker process handles before the supervisor starts a new one.
const BATCH: u64 = 500;
const SLOW_COMPILE: Duration = Duration::from_secs(5);

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=", "==", "!=", "<", ">", "<=",
    ">=", "+", "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<<", ">>", "+=", "-=",
    ":=", "->", "if", "else", "elif", "for", "while", "in", "not", "and", "or", "is", "def",
    "class", "return", "yield", "lambda", "try", "except", "finally", "with", "as", "import",
    "from", "global", "nonlocal", "pass", "break", "continue", "raise", "del", "assert", "async",
    "await", "None", "True", "False", "x", "y", "f", "self", "__class__", "super", "0", "1",
    "2.5", "1e308", "0x10", "10**100", "'s'", "\"t\"", "b'b'", "f'{x}'", "f'{x!r:>{y}}'",
    "'''doc'''", "\\\n", "\n", "\n    ", "\n        ", "\t", "#c\n", "\u{e9}", "\u{feff}",
    "\0", "\r\n",
];

/// Deep or long shapes that have found native-stack and quadratic bugs before.
#[rustfmt::skip]
const GROWERS: &[&str] = &[
    "-", "not ", "(", "[", "{", "lambda: ", "1 if 1 else ", "a.", "f()", "x[0]", "1+", "**2",
    "await ", "*", "if x:\n", " ", "\t", "elif x:\n pass\n", "x=1;", "f'{", "\"\"\"",
];

fn corpus(root: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut dirs = vec![root.join("tests/programs")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push(text);
                }
            }
        }
    }
    files.sort();
    files
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One mutation of `text`.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let len = text.len();
    let a = char_boundary(text, rng.below(len + 1));
    let b = char_boundary(text, a + rng.below(64.min(len - a + 1)));
    let (head, middle, tail) = (&text[..a], &text[a..b], &text[b..]);
    match rng.below(9) {
        0 => format!("{head}{tail}"),
        1 => format!("{head}{middle}{middle}{tail}"),
        2 => format!("{head}{}{tail}", rng.pick(TOKENS)),
        3 => format!("{head}{}{middle}{tail}", rng.pick(TOKENS)),
        4 => head.to_string(),
        5 => {
            let grower = rng.pick(GROWERS);
            let times = [10, 100, 1_000, 5_000, 50_000][rng.below(5)];
            format!("{head}{}{middle}{tail}", grower.repeat(times))
        }
        6 => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() > 1 {
                let i = rng.below(lines.len());
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            lines.join("\n") + "\n"
        }
        7 => {
            // Re-indent a line.
            let lines: Vec<String> = text
                .lines()
                .map(|line| {
                    if rng.below(20) == 0 {
                        format!("{}{}", " ".repeat(rng.below(9)), line.trim_start())
                    } else {
                        line.to_string()
                    }
                })
                .collect();
            lines.join("\n") + "\n"
        }
        _ => format!("{head}{}{tail}", middle.to_uppercase()),
    }
}

fn token_soup(rng: &mut Rng) -> String {
    let n = 1 + rng.below(200);
    (0..n)
        .map(|_| *rng.pick(TOKENS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Case `index` of the run seeded `seed`: the same seed and index always give the same case.
fn case(seed: u64, index: u64, corpus: &[String]) -> String {
    let mut rng = Rng(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    for _ in 0..3 {
        rng.next();
    }
    if corpus.is_empty() || rng.below(4) == 0 {
        return token_soup(&mut rng);
    }
    let mut text = rng.pick(corpus).clone();
    for _ in 0..1 + rng.below(4) {
        text = mutate(&mut rng, &text);
    }
    text
}

/// The worker: compiles cases `first..first + BATCH` (none from `last` on), each written to
/// `current` first, and prints one line per case: `ok|err|panic|slow INDEX MILLIS`.
fn worker(seed: u64, first: u64, last: u64, root: &Path, current: &Path) {
    let corpus = corpus(root);
    std::panic::set_hook(Box::new(|_| {}));
    let stdout = std::io::stdout();
    for index in first..(first + BATCH).min(last) {
        let source = case(seed, index, &corpus);
        let _ = std::fs::write(current, &source);
        let start = Instant::now();
        let result = std::panic::catch_unwind(|| gilvm::compile(&source, "fuzz.py").is_ok());
        let elapsed = start.elapsed();
        let verdict = match result {
            Err(_) => "panic",
            Ok(_) if elapsed > SLOW_COMPILE => "slow",
            Ok(true) => "ok",
            Ok(false) => "err",
        };
        let mut out = stdout.lock();
        let _ = writeln!(out, "{verdict} {index} {}", elapsed.as_millis());
        let _ = out.flush();
    }
}

#[derive(Default)]
struct Tally {
    cases: u64,
    compiled: u64,
    runs: u64,
    run_timeouts: u64,
    findings: Vec<String>,
}

struct Options {
    seconds: Option<u64>,
    cases: Option<u64>,
    memory_mb: u64,
    seed: u64,
    out: PathBuf,
    run_limit: Duration,
    run: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        seconds: None,
        cases: None,
        memory_mb: 4096,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64),
        out: PathBuf::from("target/fuzz"),
        run_limit: Duration::from_millis(2000),
        run: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let number = |v: &String| v.parse::<u64>().map_err(|e| format!("{arg}: {e}"));
        match arg.as_str() {
            "--seconds" => options.seconds = Some(number(value()?)?),
            "--cases" => options.cases = Some(number(value()?)?),
            "--memory-mb" => options.memory_mb = number(value()?)?,
            "--seed" => options.seed = number(value()?)?,
            "--out" => options.out = PathBuf::from(value()?),
            "--run-limit-ms" => options.run_limit = Duration::from_millis(number(value()?)?),
            "--no-run" => options.run = false,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if options.cases.is_none() && options.seconds.is_none() {
        options.seconds = Some(60);
    }
    Ok(options)
}

fn save(out: &Path, kind: &str, source: &str, tally: &mut Tally) {
    let dir = out.join("findings");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{kind}-{}.py", tally.findings.len()));
    let _ = std::fs::write(&path, source);
    println!("finding: {kind}: {}", path.display());
    tally.findings.push(kind.to_string());
}

/// The size in `memory allocation of N bytes failed`, Rust's message before it aborts.
fn failed_allocation(stderr: &str) -> Option<u64> {
    let rest = stderr.split("memory allocation of ").nth(1)?;
    rest.split(' ').next()?.parse().ok()
}

/// Runs a whole program under the `gilvm` binary with a time limit and an address-space
/// limit (`ulimit -v`, through `sh`), in a scratch directory.
fn run_program(gilvm: &Path, out: &Path, source: &str, options: &Options, tally: &mut Tally) {
    let limit = options.run_limit;
    let scratch = out.join("scratch");
    let _ = std::fs::create_dir_all(&scratch);
    let file = scratch.join("case.py");
    if std::fs::write(&file, source).is_err() {
        return;
    }
    let Ok(mut child) = Command::new("sh")
        .args(["-c", "ulimit -v \"$1\" && exec \"$0\" \"$2\""])
        .arg(gilvm)
        .arg((options.memory_mb * 1024).to_string())
        .arg(&file)
        .current_dir(&scratch)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return;
    };
    tally.runs += 1;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let Some(status) = status else {
        tally.run_timeouts += 1;
        return;
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        use std::io::Read;
        let _ = pipe.read_to_string(&mut stderr);
    }
    let memory_limit = options.memory_mb << 20;
    if status.code().is_none() && failed_allocation(&stderr).is_some_and(|n| n < memory_limit) {
        save(out, "run-oom", source, tally);
    } else if status.code().is_none() {
        save(out, "run-abort", source, tally);
    } else if status.code() == Some(101) || stderr.contains("panicked at") {
        save(out, "run-panic", source, tally);
    }
}

/// Runs one front-end worker batch; its output lines, and the kind of finding if it did not
/// end normally (killed by a signal, or hung past a minute).
fn run_worker(
    exe: &Path,
    options: &Options,
    first: u64,
    current: &Path,
    root: &Path,
) -> (Option<&'static str>, String) {
    let mut child = Command::new(exe)
        .args(["--worker", &options.seed.to_string(), &first.to_string()])
        .arg(current)
        .arg(options.cases.unwrap_or(u64::MAX).to_string())
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the worker starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        use std::io::Read;
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let start = Instant::now();
    let finding = loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break None,
            Ok(Some(_)) | Err(_) => break Some("frontend-abort"),
            Ok(None) if start.elapsed() > Duration::from_secs(60) => {
                let _ = child.kill();
                let _ = child.wait();
                break Some("frontend-hang");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    (finding, reader.join().unwrap_or_default())
}

fn supervise(options: Options, root: &Path) -> ExitCode {
    let exe = std::env::current_exe().expect("the fuzzer's own path");
    let gilvm = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("gilvm"))
        .filter(|path| path.exists());
    if options.run && gilvm.is_none() {
        eprintln!("fuzz: no gilvm binary beside the example: run `cargo build --release` first");
        return ExitCode::from(2);
    }
    let _ = std::fs::create_dir_all(&options.out);
    let current = options
        .out
        .join(format!("current-{}.py", std::process::id()));
    let corpus = corpus(root);
    println!(
        "fuzz: seed {}, {} corpus files, {} s, {} cases, output in {}",
        options.seed,
        corpus.len(),
        options
            .seconds
            .map_or("no limit of".into(), |s| s.to_string()),
        options
            .cases
            .map_or("any number of".into(), |n| n.to_string()),
        options.out.display()
    );
    let mut tally = Tally::default();
    let start = Instant::now();
    let deadline = options.seconds.map_or(Duration::MAX, Duration::from_secs);
    let last_case = options.cases.unwrap_or(u64::MAX);
    let mut next = 0;
    while start.elapsed() < deadline && next < last_case {
        let (worker_ok, text) = run_worker(&exe, &options, next, &current, root);
        let mut done = 0;
        for line in text.lines() {
            let mut parts = line.split(' ');
            let (Some(verdict), Some(index)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(index) = index.parse::<u64>() else {
                continue;
            };
            done = index + 1 - next;
            tally.cases += 1;
            let source = || case(options.seed, index, &corpus);
            match verdict {
                "panic" => save(&options.out, "frontend-panic", &source(), &mut tally),
                "slow" => save(&options.out, "frontend-slow", &source(), &mut tally),
                "ok" => {
                    tally.compiled += 1;
                    if options.run && start.elapsed() < deadline {
                        let gilvm = gilvm.as_deref().expect("checked above");
                        run_program(gilvm, &options.out, &source(), &options, &mut tally);
                    }
                }
                _ => {}
            }
        }
        if let Some(kind) = worker_ok {
            // The worker died (or hung) on the case after its last line: keep that input.
            tally.cases += 1;
            let source = std::fs::read_to_string(&current).unwrap_or_default();
            save(&options.out, kind, &source, &mut tally);
            done += 1;
        }
        next += done.max(1);
    }
    let _ = std::fs::remove_file(&current);
    let hours = start.elapsed().as_secs_f64() / 3600.0;
    println!(
        "fuzz: {} cases ({:.0}/hour), {} compiled, {} runs ({} over the time limit), {} findings",
        tally.cases,
        tally.cases as f64 / hours.max(1e-9),
        tally.compiled,
        tally.runs,
        tally.run_timeouts,
        tally.findings.len()
    );
    if tally
        .findings
        .iter()
        .any(|kind| !kind.ends_with("slow") && kind != "run-oom")
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if args.first().map(String::as_str) == Some("--worker") {
        let number = |i: usize| args.get(i).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
        let current = args
            .get(3)
            .map_or_else(|| PathBuf::from("current.py"), PathBuf::from);
        let last = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(u64::MAX);
        worker(number(1), number(2), last, &root, &current);
        return ExitCode::SUCCESS;
    }
    match options(&args) {
        Ok(options) => supervise(options, &root),
        Err(message) => {
            eprintln!("fuzz: {message}");
            ExitCode::from(2)
        }
    }
}
