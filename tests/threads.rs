//! Threads in the `gilvm` binary: the `threading` module's semantics, exit behaviour,
//! thread tracebacks, the GIL command-line options and `--gil-stats`. Timing is never
//! asserted beyond "it happened" (the test machine is small and noisy).

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const POLICIES: [&str; 3] = ["tick", "timeout", "priority"];

/// Runs gilvm, killing it (and failing) if it has not finished within a minute.
fn gilvm(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gilvm runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("gilvm {args:?} did not exit within a minute");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn counter_under_a_lock_is_exact_under_every_policy() {
    for policy in POLICIES {
        let out = gilvm(&["--gil", policy, "programs/counter_lock.py"]);
        assert_eq!(text(&out.stdout), "total 400000\n", "--gil {policy}");
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn refcount_stress_is_exact_under_every_policy() {
    let expected = "120000 420000 [1, 1, 1, 1, 1, 1, 1, 1]\n[0, 1, 2, 3, 4, 5]\n";
    for policy in POLICIES {
        let out = gilvm(&["--gil", policy, "tests/threads/stress.py"]);
        assert_eq!(
            text(&out.stdout),
            expected,
            "--gil {policy}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn both_threads_get_a_share_under_timeout() {
    let out = gilvm(&["--gil", "timeout", "programs/threads_fair.py"]);
    let stdout = text(&out.stdout);
    let shares: Vec<u32> = stdout
        .lines()
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(shares.len(), 2, "{stdout}");
    assert!(shares.iter().all(|&s| s >= 5), "{stdout}");
}

#[test]
fn priority_preempt_reports_lateness() {
    for policy in ["timeout", "priority"] {
        let out = gilvm(&["--gil", policy, "programs/priority_preempt.py"]);
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with("rounds 200\nlateness p50 "), "{stdout}");
        assert!(
            stdout.contains("\nno CPU thread: lateness p50 "),
            "{stdout}"
        );
    }
}

#[test]
fn a_builtin_calling_back_python_lets_a_waiting_thread_in() {
    // Before the fix the sleeper got the GIL only once any() had returned (after all its
    // callbacks), so it could never finish while the builtin ran.
    for policy in ["timeout", "priority"] {
        let out = gilvm(&["--gil", policy, "tests/threads/native_callback_preempt.py"]);
        assert_eq!(
            text(&out.stdout),
            "sleeper finished while the builtin ran: True\n",
            "--gil {policy}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn main_traceback_is_printed_before_waiting_for_threads() {
    let out = gilvm(&["tests/threads/main_dies_first.py"]);
    let err = text(&out.stderr);
    let main_failed = err.find("KeyError: 'main failed'").expect("main traceback");
    let thread_failed = err
        .find("Exception in thread late:")
        .expect("thread report");
    assert!(main_failed < thread_failed, "{err}");
    assert_eq!(err.matches("KeyError: 'main failed'").count(), 1, "{err}");
    assert_eq!(text(&out.stdout), "thread still ran\n");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn lock_rlock_condition_event_behave_as_in_cpython() {
    let out = gilvm(&["tests/threads/sync_primitives.py"]);
    let expected = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/threads/sync_primitives.out"),
    )
    .unwrap();
    assert_eq!(text(&out.stdout), expected, "{}", text(&out.stderr));
}

#[test]
fn uncaught_thread_exception_prints_traceback_and_others_go_on() {
    let script = "import threading\n\
                  def worker():\n    raise ValueError('boom')\n\
                  t = threading.Thread(target=worker)\nt.start()\nt.join()\n\
                  print('after', t.is_alive())\n";
    let out = gilvm(&["-c", script]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "after False\n");
    let err = text(&out.stderr);
    assert!(
        err.starts_with(
            "Exception in thread Thread-1 (worker):\nTraceback (most recent call last):\n"
        ),
        "{err}"
    );
    assert!(err.contains(", in worker\n"), "{err}");
    assert!(err.ends_with("ValueError: boom\n"), "{err}");
}

#[test]
fn exit_waits_for_non_daemon_threads() {
    let script = "import threading, time\n\
                  def late():\n    time.sleep(0.1)\n    print('late thread done')\n\
                  threading.Thread(target=late).start()\nprint('main done')\n";
    let out = gilvm(&["-c", script]);
    assert_eq!(text(&out.stdout), "main done\nlate thread done\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn daemon_threads_do_not_block_exit() {
    let script = "import threading, time\n\
                  def forever():\n    while True:\n        time.sleep(0.01)\n\
                  def spin():\n    while True:\n        pass\n\
                  threading.Thread(target=forever, daemon=True).start()\n\
                  threading.Thread(target=spin, daemon=True).start()\nprint('bye')\n";
    let out = gilvm(&["-c", script]);
    assert_eq!(text(&out.stdout), "bye\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn start_new_thread_and_allocate_lock() {
    let script = "import _thread\n\
                  done = _thread.allocate_lock()\ndone.acquire()\n\
                  def run(a, b=0):\n    print('ran', a, b)\n    done.release()\n\
                  _thread.start_new_thread(run, (1,), {'b': 2})\n\
                  done.acquire()\nprint(type(_thread.get_ident()).__name__)\n";
    let out = gilvm(&["-c", script]);
    assert_eq!(text(&out.stdout), "ran 1 2\nint\n", "{}", text(&out.stderr));
}

#[test]
fn switch_interval_and_gil_module() {
    let script = "import sys, gil\n\
                  print(sys.getswitchinterval())\nsys.setswitchinterval(0.001)\n\
                  print(sys.getswitchinterval(), gil.switchinterval())\n\
                  gil.setpriority(3)\nprint(gil.getpriority(), gil.policy())\n\
                  row = gil.stats()['threads'][0]\nprint(row['name'], row['priority'])\n";
    let out = gilvm(&["--gil", "timeout", "--switch-interval", "2ms", "-c", script]);
    assert_eq!(
        text(&out.stdout),
        "0.002\n0.001 0.001\n3 timeout\nMainThread 3\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn gil_flags_are_accepted_or_rejected_with_a_usage_error() {
    for args in [
        ["--gil", "tick", "--check-interval", "10"],
        ["--gil", "timeout", "--switch-interval", "500us"],
        ["--gil", "priority", "--switch-interval", "0.01s"],
    ] {
        let mut all = args.to_vec();
        all.extend(["-c", "print(1)"]);
        let out = gilvm(&all);
        assert_eq!(text(&out.stdout), "1\n", "{args:?}");
    }
    for args in [
        ["--gil", "fifo"],
        ["--switch-interval", "5"],
        ["--switch-interval", "-1ms"],
        ["--check-interval", "0"],
    ] {
        let mut all = args.to_vec();
        all.extend(["-c", "print(1)"]);
        let out = gilvm(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn gil_stats_prints_a_row_per_thread() {
    let out = gilvm(&["--gil-stats", "programs/counter_lock.py"]);
    let err = text(&out.stderr);
    assert!(
        err.starts_with("GIL statistics (policy: priority)\n"),
        "{err}"
    );
    let rows: Vec<&str> = err.lines().skip(2).collect();
    assert_eq!(rows.len(), 7, "{err}");
    assert!(
        rows[5].starts_with("p50/p99-wait: from a log-linear histogram"),
        "{err}"
    );
    assert!(rows[6].starts_with("gc: "), "{err}");
    assert!(rows[0].starts_with("MainThread "), "{err}");
    assert!(rows[1].starts_with("Thread-1 (work) "), "{err}");
}

/// Thread churn keeps a bounded record: the last 100 finished threads keep their rows, the
/// ones before are folded into `retired` (and the `--gil-stats` table's last row).
#[test]
fn finished_threads_are_folded_into_retired_totals() {
    // A joined thread may not have unregistered yet: wait until only the main thread is.
    let script = "import gil, threading, _thread, time\n\
                  for i in range(250):\n    t = threading.Thread(target=int)\n    t.start()\n    t.join()\n\
                  while sum(r['alive'] for r in gil.stats()['threads']) > 1:\n    time.sleep(0.01)\n\
                  s = gil.stats()\n\
                  rows = s['threads']\n\
                  print(len(rows), rows[0]['name'], rows[1]['name'], rows[-1]['name'])\n\
                  print(sum(r['alive'] for r in rows), s['retired']['threads'])\n\
                  print(s['retired']['acquisitions'] >= 150, sorted(s['retired']))\n\
                  lock = _thread.allocate_lock()\nlock.acquire()\n\
                  _thread.start_new_thread(lock.release, ())\nlock.acquire()\n\
                  print([r['name'] for r in gil.stats()['threads'] if r['name'].startswith('Dummy')])\n";
    let out = gilvm(&["--gil-stats", "-c", script]);
    assert_eq!(
        text(&out.stdout),
        "101 MainThread Thread-151 (int) Thread-250 (int)\n1 150\n\
         True ['acquisitions', 'drop_requests', 'forced_switches', 'longest_wait', \
         'switches', 'threads', 'total_wait']\n['Dummy-251']\n",
        "{}",
        text(&out.stderr)
    );
    let err = text(&out.stderr);
    assert!(err.contains(" earlier threads) "), "{err}");
}
