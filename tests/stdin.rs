//! Reading standard input: `input()` and `sys.stdin`, with the expected output taken from
//! CPython 3.11 running the same programs on the same input.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn spawn(program: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_gilvm"))
        .args(["-c", program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gilvm starts")
}

/// Runs `program` with `input` as its whole stdin; returns (stdout, stderr).
fn run(program: &str, input: &str) -> (String, String) {
    let mut child = spawn(program);
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input.as_bytes()).expect("stdin written");
    drop(stdin);
    let out = child.wait_with_output().expect("gilvm finishes");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn input_strips_the_newline_and_prints_the_prompt() {
    let (out, _) = run(
        "a = input('name? ')\nb = input()\nprint([a, b])",
        "ann\r\nbob",
    );
    assert_eq!(out, "name? ['ann', 'bob']\n");
}

#[test]
fn input_at_end_of_input_raises_eof_error() {
    let program =
        "print(input())\ntry:\n    input('> ')\nexcept EOFError as e:\n    print(repr(e))";
    let (out, _) = run(program, "only\n");
    assert_eq!(out, "only\n> EOFError('EOF when reading a line')\n");
}

#[test]
fn uncaught_eof_error_has_a_traceback() {
    let (out, err) = run("input()", "");
    assert_eq!(out, "");
    assert!(
        err.ends_with("EOFError: EOF when reading a line\n"),
        "{err}"
    );
}

#[test]
fn stdin_readline_read_and_readlines() {
    let program = "import sys\n\
        print(repr(sys.stdin.readline()))\n\
        print(repr(sys.stdin.read(3)), repr(sys.stdin.readline(2)))\n\
        print(sys.stdin.readlines())\n\
        print(repr(sys.stdin.readline()), repr(sys.stdin.read()))";
    let (out, _) = run(program, "first\nhéllo\nwörld\nlast");
    let expected = "'first\\n'\n'hél' 'lo'\n['\\n', 'wörld\\n', 'last']\n'' ''\n";
    assert_eq!(out, expected);
}

#[test]
fn iterating_over_stdin_yields_its_lines() {
    let program = "import sys\nfor line in sys.stdin:\n    print(len(line), repr(line))";
    let (out, _) = run(program, "a\nbb\n\nccc");
    assert_eq!(out, "2 'a\\n'\n3 'bb\\n'\n1 '\\n'\n3 'ccc'\n");
}

#[test]
fn stdout_is_not_readable_and_stdin_not_writable() {
    let program = "import io, sys\n\
        for f in (lambda: sys.stdout.readline(), lambda: sys.stdin.write('x')):\n\
        \x20   try:\n\
        \x20       f()\n\
        \x20   except io.UnsupportedOperation as e:\n\
        \x20       print(e)";
    let (out, _) = run(program, "");
    assert_eq!(out, "not readable\nnot writable\n");
}

/// A thread that wants the GIL while the main thread waits for input gets it: the worker's
/// line arrives before any input is sent, which a read holding the GIL would prevent.
#[test]
fn waiting_for_input_releases_the_gil() {
    let program = "import threading, time\n\
        def work():\n\
        \x20   time.sleep(0.3)\n\
        \x20   print('worker ran', flush=True)\n\
        t = threading.Thread(target=work)\n\
        t.start()\n\
        line = input()\n\
        t.join()\n\
        print('got', line)";
    let mut child = spawn(program);
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let (sender, first_line) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = String::new();
        let _ = stdout.read_line(&mut line);
        let _ = sender.send(line);
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut rest);
        rest
    });
    let worker = first_line.recv_timeout(Duration::from_secs(20));
    stdin.write_all(b"hello\n").expect("stdin written");
    drop(stdin);
    let rest = reader.join().expect("reader finishes");
    let _ = child.wait();
    assert_eq!(worker.as_deref(), Ok("worker ran\n"));
    assert_eq!(rest, "got hello\n");
}
