//! Runs every program under `tests/programs/` with the `gilvm` binary and compares what it prints
//! with what CPython 3 printed for it (recorded by `tests/record.py`, which explains the files).
//!
//! Output is compared exactly — stdout, stderr (tracebacks with CPython 3.11's `^^^^`/`~~^~~`
//! marker lines included) and the exit status — except that the repository root in absolute
//! paths is written `$ROOT` in the recorded files.
//!
//! Programs listed in `tests/programs/known_failures.txt` (one path per line, relative to
//! `tests/programs/`, `#` starts a comment giving the reason) are reported as *ignored*: they show
//! what gilvm does not do yet. `cargo test --test programs -- --ignored` runs just those.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

const TIME_LIMIT: Duration = Duration::from_secs(60);

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut programs = Vec::new();
    collect_programs(&root.join("tests/programs"), &mut programs);
    programs.sort();
    let known_failures = known_failures(root);
    let trials = programs
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let name = rel.trim_start_matches("tests/programs/").to_string();
            let ignored = known_failures.contains(&name);
            Trial::test(name, move || check_program(root, &rel)).with_ignored_flag(ignored)
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn known_failures(root: &Path) -> Vec<String> {
    let list = std::fs::read_to_string(root.join("tests/programs/known_failures.txt"));
    list.unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|line| !line.is_empty())
        .collect()
}

fn collect_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            // Folders starting with `_` hold the programs' packages, not programs.
            if !name.starts_with('_') {
                collect_programs(&path, out);
            }
        } else if name.ends_with(".py") && !name.starts_with('_') {
            out.push(path);
        }
    }
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

fn check_program(root: &Path, rel: &str) -> Result<(), Failed> {
    let stem = root.join(rel.trim_end_matches(".py"));
    let read = |ext: &str| std::fs::read_to_string(stem.with_extension(ext)).ok();
    let want_stdout = read("stdout").ok_or("no recorded .stdout: run python3 tests/record.py")?;
    let want_stderr = read("stderr").unwrap_or_default();
    let want_status: i32 = read("status").map_or(Ok(0), |s| s.trim().parse())?;
    let got = run_gilvm(root, rel)?;
    let root_prefix = format!("{}/", root.display());
    let got_stdout = got.stdout.replace(&root_prefix, "$ROOT/");
    let got_stderr = got.stderr.replace(&root_prefix, "$ROOT/");
    let mut problems = Vec::new();
    if got_stdout != want_stdout {
        problems.push(diff("stdout", &want_stdout, &got_stdout));
    }
    if got_stderr != want_stderr {
        problems.push(diff("stderr", &want_stderr, &got_stderr));
    }
    if got.status != want_status {
        problems.push(format!(
            "exit status: want {want_status}, got {}",
            got.status
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn run_gilvm(root: &Path, rel: &str) -> Result<Outcome, Failed> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .arg(rel)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start gilvm: {e}"))?;
    let stdout = read_in_background(child.stdout.take().expect("piped stdout"));
    let stderr = read_in_background(child.stderr.take().expect("piped stderr"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {TIME_LIMIT:?}").into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(Outcome {
        stdout: stdout.join().expect("reader thread"),
        stderr: stderr.join().expect("reader thread"),
        status: status.code().unwrap_or(-1),
    })
}

fn read_in_background(mut pipe: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

fn diff(what: &str, want: &str, got: &str) -> String {
    let mut out = format!("{what} differs (- CPython, + gilvm):\n");
    let (w, g): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out.push_str(&format!("  {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    out.push_str(&format!("- {a}\n"));
                }
                if let Some(b) = b {
                    out.push_str(&format!("+ {b}\n"));
                }
            }
        }
    }
    if want.ends_with('\n') != got.ends_with('\n') {
        out.push_str("(trailing newline differs)\n");
    }
    out
}
