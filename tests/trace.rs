//! Seeing the GIL: `--gil-trace`, `gil.trace_start()` / `gil.trace_stop()` and
//! `gilvm timeline`, run through the built binary. Traces are read back and checked for the
//! GIL's invariants; timing is never asserted (the test machine is small and noisy).

use std::path::{Path, PathBuf};
use std::process::Command;

use gilvm_trace::{check, read_chrome_file, SpanKind, Trace};

#[path = "support/cli.rs"]
mod support;

use support::{gilvm, text};

const POLICIES: [&str; 3] = ["tick", "timeout", "priority"];

/// A fresh directory for one test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gilvm-trace-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn lane_names(trace: &Trace) -> Vec<&str> {
    trace.threads.iter().map(|t| t.name.as_str()).collect()
}

#[test]
fn traces_of_two_cpu_bound_threads_keep_the_invariants_under_every_policy() {
    let dir = scratch("fair");
    for policy in POLICIES {
        let json = dir.join(format!("{policy}.json"));
        let out = gilvm(&[
            "--gil",
            policy,
            "--gil-trace",
            arg(&json),
            "programs/threads_fair.py",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let trace = read_chrome_file(&json).expect("the trace reads back");
        if let Err(violation) = check(&trace) {
            panic!("--gil {policy}: {violation}");
        }
        let names = lane_names(&trace);
        for name in ["MainThread", "Thread-1 (spin)", "Thread-2 (spin)"] {
            assert!(names.contains(&name), "--gil {policy}: lanes {names:?}");
        }
        let holders = |name: &str| {
            let tid = trace.threads.iter().find(|t| t.name == name).unwrap().tid;
            trace.spans.iter().filter(|s| s.tid == tid).count()
        };
        assert!(holders("Thread-1 (spin)") > 0 && holders("Thread-2 (spin)") > 0);

        let svg = dir.join(format!("{policy}.svg"));
        let out = gilvm(&["timeline", arg(&json), "-o", arg(&svg), "--title", policy]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let svg = std::fs::read_to_string(&svg).expect("the SVG is written");
        assert!(svg.starts_with("<svg") && svg.contains(policy));
        for name in names {
            assert!(
                svg.contains(&format!(">{name}</text>")),
                "no row for {name}"
            );
        }
    }
}

#[test]
fn lanes_are_named_after_the_threads_when_they_start() {
    let dir = scratch("names");
    let json = dir.join("names.json");
    let program = "import threading\n\
        t = threading.Thread(target=lambda: None, name='fetcher')\n\
        t.start(); t.name = 'renamed'; t.join()\n\
        u = threading.Thread(target=len, args=('ab',)); u.start(); u.join()\n";
    let out = gilvm(&["--gil-trace", arg(&json), "-c", program]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let trace = read_chrome_file(&json).unwrap();
    assert_eq!(
        lane_names(&trace),
        ["MainThread", "fetcher", "Thread-1 (len)"]
    );
    check(&trace).unwrap();
}

#[test]
fn the_trace_is_written_after_an_uncaught_exception_or_sys_exit() {
    let dir = scratch("exit");
    for (program, status) in [("1/0", 1), ("import sys; sys.exit(3)", 3)] {
        let json = dir.join("exit.json");
        let out = gilvm(&["--gil-trace", arg(&json), "-c", program]);
        assert_eq!(out.status.code(), Some(status), "{program}");
        let trace = read_chrome_file(&json).expect(program);
        assert_eq!(lane_names(&trace), ["MainThread"]);
    }
}

#[test]
fn collections_are_gc_spans_inside_the_collecting_threads_hold_of_the_gil() {
    let dir = scratch("gc");
    let json = dir.join("gc.json");
    // Cycles past gen-0's threshold (automatic collections), and two explicit ones.
    let program = "import gc\n\
        class Node:\n    pass\n\
        for i in range(5000):\n    a = Node(); a.me = a\n\
        gc.collect(); gc.collect()\n\
        print(gc.get_stats()[0]['collections'] > 0)\n";
    let out = gilvm(&["--gil-trace", arg(&json), "-c", program]);
    assert_eq!(text(&out.stdout), "True\n", "{}", text(&out.stderr));
    let trace = read_chrome_file(&json).unwrap();
    let gc: Vec<_> = trace
        .spans
        .iter()
        .filter(|s| s.kind == SpanKind::Gc)
        .collect();
    assert!(gc.len() >= 3, "{} gc spans", gc.len());
    check(&trace).unwrap();
    let svg = dir.join("gc.svg");
    let out = gilvm(&["timeline", arg(&json), "-o", arg(&svg)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("gc (collecting, holds the GIL)"));
}

#[test]
fn an_unwritable_trace_file_is_a_usage_error_before_the_run() {
    let out = gilvm(&[
        "--gil-trace",
        "/nonexistent-dir/t.json",
        "-c",
        "print('ran')",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("/nonexistent-dir/t.json"));
}

#[test]
fn scripts_trace_a_part_of_their_run() {
    let dir = scratch("script");
    let json = dir.join("part.json");
    let program = format!(
        "import gil, threading, time\n\
         gil.trace_start({json:?})\n\
         t = threading.Thread(target=time.sleep, args=(0.01,), name='sleeper')\n\
         t.start(); t.join()\n\
         gil.trace_stop()\n\
         threading.Thread(target=len, args=('',), name='untraced').start()\n",
        json = arg(&json)
    );
    let out = gilvm(&["-c", &program]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let trace = read_chrome_file(&json).unwrap();
    check(&trace).unwrap();
    assert_eq!(lane_names(&trace), ["MainThread", "sleeper"]);
}

#[test]
fn script_tracing_errors_are_python_exceptions() {
    let dir = scratch("errors");
    let json = dir.join("e.json");
    let cases = [
        (
            "import gil\ngil.trace_stop()",
            "RuntimeError: trace_stop(): no trace started",
        ),
        (
            "import gil\ngil.trace_start('/nonexistent-dir/t.json')",
            "OSError: cannot write the GIL trace to '/nonexistent-dir/t.json'",
        ),
        (
            "import gil\ngil.trace_start(3)",
            "TypeError: path must be str, not int",
        ),
    ];
    for (program, error) in cases {
        let out = gilvm(&["-c", program]);
        assert_eq!(out.status.code(), Some(1), "{program}");
        assert!(text(&out.stderr).contains(error), "{}", text(&out.stderr));
    }
    let twice = format!(
        "import gil\ngil.trace_start({0:?})\ngil.trace_start({0:?})",
        arg(&json)
    );
    let out = gilvm(&["-c", &twice]);
    assert!(text(&out.stderr).contains("RuntimeError: trace_start(): the GIL is already being traced (an earlier gil.trace_start())"));
    let under_cli = format!("import gil\ngil.trace_start({:?})", arg(&json));
    let cli_json = dir.join("cli.json");
    let out = gilvm(&["--gil-trace", arg(&cli_json), "-c", &under_cli]);
    assert!(text(&out.stderr).contains("already being traced (--gil-trace or the embedder)"));
    assert!(
        read_chrome_file(&cli_json).is_ok(),
        "the --gil-trace file is still written"
    );
}

#[test]
fn timeline_reports_bad_input_without_panicking() {
    let dir = scratch("timeline");
    let bad = dir.join("bad.json");
    let svg = dir.join("out.svg");
    std::fs::write(&bad, "{\"not\": \"a trace\"}").unwrap();
    let missing = dir.join("missing.json");
    for (args, status, message) in [
        (vec![arg(&bad)], 2, "--output"),
        (vec![arg(&bad), "-o", arg(&svg)], 1, "not a GIL trace"),
        (vec![arg(&missing), "-o", arg(&svg)], 1, "missing.json"),
        (
            vec![arg(&bad), "-o", arg(&svg), "--from", "5", "--to", "2"],
            2,
            "--to",
        ),
        (
            vec![arg(&bad), "-o", arg(&svg), "--width", "0"],
            2,
            "--width",
        ),
    ] {
        let out = gilvm(&[&["timeline"], args.as_slice()].concat());
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn scripts_still_run_beside_the_timeline_subcommand() {
    let out = gilvm(&["programs/fib.py", "10"]);
    assert_eq!(text(&out.stdout), "fib(10) = 55\n");
}

#[cfg(unix)]
#[test]
fn sigterm_still_writes_the_trace() {
    use std::io::BufRead;
    let dir = scratch("sigterm");
    let json = dir.join("server.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(["--gil-trace", arg(&json), "-c"])
        .arg("import time\nprint('ready', flush=True)\ntime.sleep(60)")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("gilvm runs");
    let mut ready = String::new();
    let stdout = child.stdout.take().unwrap();
    std::io::BufReader::new(stdout)
        .read_line(&mut ready)
        .unwrap();
    assert_eq!(ready, "ready\n");
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    assert!(kill.unwrap().success());
    // Unhandled, SIGTERM kills the program as without tracing, once the trace is written.
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(child.wait().unwrap().signal(), Some(libc::SIGTERM));
    let trace = read_chrome_file(&json).expect("written on SIGTERM");
    assert_eq!(lane_names(&trace), ["MainThread"]);
}

#[test]
fn timelines_name_the_policy_and_draw_the_busiest_window_unless_told_otherwise() {
    let dir = scratch("busiest");
    let json = dir.join("t.json");
    let out = gilvm(&[
        "--gil",
        "timeout",
        "--gil-trace",
        arg(&json),
        "programs/threads_fair.py",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let trace = read_chrome_file(&json).unwrap();
    assert_eq!(trace.meta.policy.as_deref(), Some("timeout"));
    assert_eq!(trace.meta.switch_interval_ns, Some(5_000_000));
    // No priority change to 0 at each thread's start: nothing here changes a priority.
    assert!(trace
        .instants
        .iter()
        .all(|i| !matches!(i.kind, gilvm_trace::InstantKind::PriorityChange { .. })));
    let svg = dir.join("t.svg");
    let draw = |extra: &[&str]| {
        let mut args = vec!["timeline", arg(&json), "-o", arg(&svg)];
        args.extend_from_slice(extra);
        let out = gilvm(&args);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        std::fs::read_to_string(&svg).unwrap()
    };
    let busiest = draw(&["--span", "50"]);
    assert!(
        busiest.contains("(policy timeout, switch interval 5 ms)"),
        "title"
    );
    assert!(busiest.contains("the busiest window"), "window note");
    let whole = draw(&["--from", "0"]);
    assert!(whole.contains("the whole trace"));
    let html = dir.join("t.html");
    let out = gilvm(&["timeline", arg(&json), "-o", arg(&html)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("Thread-2 (spin)"));
}

#[test]
fn gil_stats_with_an_interval_prints_the_table_while_the_program_runs() {
    let out = gilvm(&["--gil-stats=100ms", "-c", "import time\ntime.sleep(0.65)"]);
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    let periodic = err
        .lines()
        .filter(|l| l.starts_with('[') && l.contains("s] GIL statistics"))
        .count();
    assert!(periodic >= 2, "{err}");
    assert_eq!(
        err.matches("within 2 % of the recorded waits").count(),
        1,
        "{err}"
    );
    // Without '=', the next argument is the script, not the interval.
    let out = gilvm(&["--gil-stats", "programs/fib.py", "5"]);
    assert_eq!(text(&out.stdout), "fib(5) = 5\n");
    assert!(text(&out.stderr).contains("GIL statistics (policy: priority)"));
}
