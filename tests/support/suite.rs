//! The classic-programs suite under `tests/bench/suite/`, shared by `cargo bench --bench suite`
//! (which times it and records the expected outputs) and `tests/bench_suite.rs` (which checks
//! gilvm's output at the small size without timing anything).
//!
//! Every program is a plain Python 3 script that prints a checksum of its work. Given
//! [`SMALL`] as its one argument it runs a short version of the same work; what CPython printed
//! for that is recorded in `tests/bench/suite/expected/NAME.stdout` by
//! `cargo bench --bench suite -- --record`.

// The bench and the test each use part of this module.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The argument that selects a program's small size.
pub const SMALL: &str = "--small";

/// The folder of the suite's programs.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bench/suite")
}

/// The programs' names (file stems), sorted.
pub fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .filter_map(|p| p.file_stem()?.to_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// `tests/bench/suite/NAME.EXT`.
pub fn program_path(name: &str, ext: &str) -> PathBuf {
    dir().join(format!("{name}.{ext}"))
}

/// Where CPython's output of `NAME.py --small` is recorded.
pub fn expected_path(name: &str) -> PathBuf {
    dir().join("expected").join(format!("{name}.stdout"))
}

/// One finished run: its wall time (spawn to exit) and what it printed on stdout.
pub struct Run {
    pub time: Duration,
    pub stdout: Vec<u8>,
}

/// Runs `command args` with `env` added to the environment, killing it after `limit`. A run
/// that cannot start, is killed, or exits non-zero is an error that quotes the end of stderr.
pub fn run_once(
    command: &str,
    args: &[&str],
    env: &[(&str, &str)],
    limit: Duration,
) -> Result<Run, String> {
    let start = Instant::now();
    let mut child = Command::new(command)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{command}: {e}"))?;
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("piped stderr")));
    // A watchdog kills the child after `limit` unless told that it exited first; the main
    // thread blocks in `wait`, so the time taken is not rounded up to a polling interval.
    let (done, exited) = mpsc::channel::<()>();
    let pid = child.id().to_string();
    let watchdog = std::thread::spawn(move || {
        let killed = exited.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout);
        if killed {
            let _ = Command::new("kill").args(["-9", &pid]).status();
        }
        killed
    });
    let status = child.wait().map_err(|e| format!("{command}: {e}"));
    let time = start.elapsed();
    let _ = done.send(());
    let killed = watchdog.join().unwrap_or(false);
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    let status = status?;
    if killed {
        return Err(format!("killed after {} s", limit.as_secs()));
    }
    if !status.success() {
        let text = String::from_utf8_lossy(&stderr);
        let tail: Vec<&str> = text.lines().rev().take(3).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!("{status}: {}", tail.join(" | ")));
    }
    Ok(Run { time, stdout })
}

/// The first line where two outputs differ, for failure messages.
pub fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let mut e = expected.lines();
    let mut g = got.lines();
    for line in 1.. {
        match (e.next(), g.next()) {
            (None, None) => return "outputs differ only in line endings".into(),
            (a, b) if a == b => continue,
            (a, b) => {
                return format!(
                    "line {line}: expected {:?}, got {:?}",
                    a.unwrap_or("<end>"),
                    b.unwrap_or("<end>")
                )
            }
        }
    }
    unreachable!()
}
