//! Real signals sent to a child `gilvm`: SIGINT raises `KeyboardInterrupt` in the main thread
//! wherever it is (a busy loop, `time.sleep`, `socket.accept`, `Thread.join`, a lock), an
//! uncaught one kills the process by SIGINT after `finally` blocks and exit cleanup ran,
//! SIGTERM runs a Python handler or, unhandled, kills only after buffered files are written,
//! and a handler that returns lets a sleep go on. Each script prints `ready` once it is about
//! to block; the test waits for that line rather than for a fixed time (the machine may be
//! loaded), and every wait has a generous bound.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The longest any child may take to get ready or to end after its signal.
const PATIENCE: Duration = Duration::from_secs(60);

/// What a finished child left.
struct Ended {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// A scratch directory for one test's files, removed when the test ends.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("gilvm-signals-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// Starts `gilvm` on `script` (written into `dir`); for each of `signals`, waits for a
/// `ready` line and sends it; then waits for the child to end.
fn run_signalled(dir: &Path, script: &str, signals: &[libc::c_int]) -> Ended {
    run_signalled_with(dir, &[], script, signals)
}

/// [`run_signalled`] with these `gilvm` options before the script.
fn run_signalled_with(
    dir: &Path,
    options: &[&str],
    script: &str,
    signals: &[libc::c_int],
) -> Ended {
    let path = dir.join("script.py");
    std::fs::write(&path, script).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(options)
        .arg(&path)
        .current_dir(dir)
        // Kept open and empty: a script reading it blocks.
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    for &signal in signals {
        let mut line = String::new();
        while line.trim_end() != "ready" {
            line.clear();
            if stdout.read_line(&mut line).unwrap() == 0 {
                let ended = finish(child, stdout, seen);
                panic!(
                    "the child ended before it was ready: {:?}\n{}\n{}",
                    ended.status, ended.stdout, ended.stderr
                );
            }
            seen.push_str(&line);
        }
        send(&child, signal);
    }
    finish(child, stdout, seen)
}

/// Sends `signal` to `child`, which has not been reaped yet.
fn send(child: &Child, signal: libc::c_int) {
    // SAFETY: `kill` on our own child's pid, valid while the child is not reaped (only
    // `finish` waits for it); no memory is involved.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
}

/// Waits (bounded) for `child` to end; kills it if it does not.
fn finish(
    mut child: Child,
    mut stdout: BufReader<std::process::ChildStdout>,
    seen: String,
) -> Ended {
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PATIENCE {
            child.kill().unwrap();
            panic!("the child did not end within {PATIENCE:?} of its signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Ended {
        status,
        stdout: seen + &rest,
        stderr,
    }
}

/// An uncaught `KeyboardInterrupt`: its traceback, then death by SIGINT.
fn assert_interrupted(ended: &Ended) {
    assert_eq!(
        ended.status.signal(),
        Some(libc::SIGINT),
        "{:?}\nstdout: {}\nstderr: {}",
        ended.status,
        ended.stdout,
        ended.stderr
    );
    assert!(
        ended
            .stderr
            .starts_with("Traceback (most recent call last):\n"),
        "{}",
        ended.stderr
    );
    assert!(
        ended.stderr.ends_with("\nKeyboardInterrupt\n"),
        "{}",
        ended.stderr
    );
}

#[test]
fn sigint_in_a_busy_loop_runs_finally_writes_files_and_dies_by_sigint() {
    let dir = scratch("busy");
    let script = r#"
import atexit
atexit.register(lambda: print("atexit ran"))
out = open("written.txt", "w")
out.write("every byte\n" * 1000)
n = 0
try:
    print("ready", flush=True)
    while True:
        n += 1
finally:
    print("finally ran")
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGINT]);
    assert_interrupted(&ended);
    assert!(ended.stderr.contains(", in <module>\n"), "{}", ended.stderr);
    assert_eq!(ended.stdout, "ready\nfinally ran\natexit ran\n");
    let written = std::fs::read_to_string(dir.join("written.txt")).unwrap();
    assert_eq!(written, "every byte\n".repeat(1000));
}

#[test]
fn under_gil_trace_sigint_still_raises_keyboard_interrupt_and_the_trace_is_written() {
    let dir = scratch("traced");
    let script = r#"
import time
try:
    print("ready", flush=True)
    time.sleep(60)
finally:
    print("finally ran")
"#;
    let trace = dir.join("trace.json");
    let options = ["--gil-trace", trace.to_str().unwrap()];
    let ended = run_signalled_with(&dir, &options, script, &[libc::SIGINT]);
    assert_interrupted(&ended);
    assert_eq!(ended.stdout, "ready\nfinally ran\n");
    let text = std::fs::read_to_string(&trace).expect("the trace is written");
    assert!(text.contains("\"MainThread\""), "{text}");
}

#[test]
fn sigint_interrupts_time_sleep() {
    let dir = scratch("sleep");
    let script = "import time\nprint('ready', flush=True)\ntime.sleep(3600)\n";
    let ended = run_signalled(&dir, script, &[libc::SIGINT]);
    assert_interrupted(&ended);
    assert!(
        ended.stderr.contains("time.sleep(3600)"),
        "{}",
        ended.stderr
    );
}

#[test]
fn sigint_interrupts_socket_accept() {
    let dir = scratch("accept");
    let script = r#"
import socket
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
try:
    print("ready", flush=True)
    server.accept()
except KeyboardInterrupt:
    print("accept interrupted")
    server.close()
    raise
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGINT]);
    assert_interrupted(&ended);
    assert_eq!(ended.stdout, "ready\naccept interrupted\n");
}

#[test]
fn sigint_interrupts_thread_join_while_another_thread_spins_with_the_gil() {
    let dir = scratch("join");
    // The spinning thread holds the GIL whenever the main thread does not: the main thread
    // must still get it to raise.
    let script = r#"
import threading
def spin():
    while True:
        pass
t = threading.Thread(target=spin, daemon=True)
t.start()
print("ready", flush=True)
t.join()
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGINT]);
    assert_interrupted(&ended);
    assert!(ended.stderr.contains("t.join()"), "{}", ended.stderr);
}

#[test]
fn sigint_interrupts_lock_acquire_and_queue_get() {
    let dir = scratch("lock");
    let script = r#"
import queue, threading
lock = threading.Lock()
lock.acquire()
try:
    print("ready", flush=True)
    lock.acquire()
except KeyboardInterrupt:
    print("lock wait interrupted", flush=True)
q = queue.Queue()
print("ready", flush=True)
q.get()
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGINT, libc::SIGINT]);
    assert_interrupted(&ended);
    assert_eq!(ended.stdout, "ready\nlock wait interrupted\nready\n");
    assert!(ended.stderr.contains("q.get()"), "{}", ended.stderr);
}

#[test]
fn sigterm_runs_a_python_handler_in_the_main_thread() {
    let dir = scratch("term-handler");
    let script = r#"
import signal, sys, threading, time
def on_term(signum, frame):
    print("handler in", threading.current_thread().name, "for", signum)
    sys.exit(3)
signal.signal(signal.SIGTERM, on_term)
out = open("log.txt", "w")
out.write("before the signal\n")
try:
    print("ready", flush=True)
    while True:
        time.sleep(0.5)
finally:
    out.write("cleaned up\n")
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGTERM]);
    assert_eq!(ended.status.code(), Some(3), "{}", ended.stderr);
    assert_eq!(ended.stdout, "ready\nhandler in MainThread for 15\n");
    let log = std::fs::read_to_string(dir.join("log.txt")).unwrap();
    assert_eq!(log, "before the signal\ncleaned up\n");
}

#[test]
fn unhandled_sigterm_kills_after_writing_buffered_files() {
    let dir = scratch("term-default");
    let script = r#"
import time
out = open("data.txt", "w")
out.write("kept\n")
print("ready", flush=True)
time.sleep(3600)
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGTERM]);
    assert_eq!(
        ended.status.signal(),
        Some(libc::SIGTERM),
        "{}",
        ended.stderr
    );
    assert_eq!(ended.stderr, "");
    let data = std::fs::read_to_string(dir.join("data.txt")).unwrap();
    assert_eq!(data, "kept\n");
}

#[test]
fn a_handler_that_returns_lets_sleep_resume_with_the_time_left() {
    let dir = scratch("resume");
    let script = r#"
import signal, time
signal.signal(signal.SIGUSR1, lambda signum, frame: print("handled", signum, flush=True))
start = time.monotonic()
print("ready", flush=True)
time.sleep(3)
print("slept the whole time:", time.monotonic() - start >= 3)
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGUSR1]);
    assert_eq!(ended.status.code(), Some(0), "{}", ended.stderr);
    assert_eq!(
        ended.stdout,
        "ready\nhandled 10\nslept the whole time: True\n"
    );
}

#[test]
fn unhandled_sigterm_kills_a_main_thread_blocked_reading_stdin_after_the_grace_time() {
    let dir = scratch("term-stdin");
    let script = r#"
out = open("data.txt", "w")
out.write("kept\n")
print("ready", flush=True)
input()
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGTERM]);
    assert_eq!(
        ended.status.signal(),
        Some(libc::SIGTERM),
        "{}",
        ended.stderr
    );
    let data = std::fs::read_to_string(dir.join("data.txt")).unwrap();
    assert_eq!(data, "kept\n");
}

#[test]
fn the_hosts_keyboard_interrupt_handle_runs_the_scripts_sigint_handler() {
    let interp = gilvm::Interpreter::new();
    let handle = interp.keyboard_interrupt_handle();
    interp
        .run("import signal, time\nseen = []\nsignal.signal(signal.SIGINT, lambda s, f: seen.append(s))")
        .unwrap();
    let script = r#"
while not seen:
    time.sleep(0.01)
n = 0
while len(seen) < 2:
    n += 1
"#;
    // Interrupts until the script is done: two close ones may merge into one call, as two
    // signals do.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let host = std::thread::spawn({
        let done = std::sync::Arc::clone(&done);
        move || {
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
                handle.clone().interrupt();
            }
        }
    });
    interp.run(script).unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    host.join().unwrap();
    gilvm::clear_interrupt();
    let seen = interp.eval::<Vec<i64>>("seen").unwrap();
    assert!(seen.len() >= 2 && seen.iter().all(|&s| s == 2), "{seen:?}");
}

#[test]
fn sigint_interrupts_select_and_socket_recv() {
    let dir = scratch("select");
    let script = r#"
import select, socket
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
b = socket.socket()
b.connect(server.getsockname())
a, _ = server.accept()
try:
    print("ready", flush=True)
    select.select([a], [], [], 3600)
except KeyboardInterrupt:
    print("select interrupted", flush=True)
print("ready", flush=True)
a.recv(1)
"#;
    let ended = run_signalled(&dir, script, &[libc::SIGINT, libc::SIGINT]);
    assert_interrupted(&ended);
    assert_eq!(ended.stdout, "ready\nselect interrupted\nready\n");
    assert!(ended.stderr.contains("a.recv(1)"), "{}", ended.stderr);
}

#[test]
fn ctrl_c_on_a_terminal_interrupts_input() {
    let dir = scratch("input");
    let path = dir.join("script.py");
    std::fs::write(
        &path,
        "try:\n    input('ready> ')\nexcept KeyboardInterrupt:\n    print('input interrupted')\nprint('ready again')\ninput()\n",
    )
    .unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_gilvm"));
    command.arg(&path);
    let mut p = rexpect::session::spawn_command(command, Some(PATIENCE.as_millis() as u64))
        .expect("gilvm starts on a pty");
    p.exp_string("ready> ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("input interrupted").unwrap();
    p.exp_string("ready again").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_eof().unwrap();
    let status = format!("{:?}", p.process_mut().wait().unwrap());
    assert!(status.contains("SIGINT"), "{status}");
}

#[test]
fn files_are_written_out_at_exit_while_daemon_threads_still_run() {
    let dir = scratch("daemon");
    let path = dir.join("script.py");
    let script = r#"
import sys, threading
def spin():
    while True:
        pass
threading.Thread(target=spin, daemon=True).start()
out = open("kept.txt", "w")
out.write("written\n" * 100)
print("exiting")
sys.exit(4)
"#;
    std::fs::write(&path, script).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .arg(&path)
        .current_dir(&*dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(4));
    assert_eq!(output.stdout, b"exiting\n");
    let kept = std::fs::read_to_string(dir.join("kept.txt")).unwrap();
    assert_eq!(kept, "written\n".repeat(100));
}
