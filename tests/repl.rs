//! The interactive prompt in a real pseudo-terminal (`rexpect`): prompts, multi-line
//! statements, `_`, tracebacks that keep the session, Ctrl-C at the prompt and in running
//! code, Ctrl-D, `-i` after a script, and a thread that prints while the prompt waits.

use std::process::Command;

use rexpect::session::{spawn_command, PtySession};

const TIMEOUT_MS: u64 = 20_000;

/// `gilvm ARGS` on a fresh pseudo-terminal, with a private `$HOME` (for the history file).
fn spawn(args: &[&str]) -> PtySession {
    let home = std::env::temp_dir().join(format!(
        "gilvm-repl-home-{}-{}",
        std::process::id(),
        args.join("_").replace(['/', ' '], "_")
    ));
    std::fs::create_dir_all(&home).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_gilvm"));
    command
        .args(args)
        .env("HOME", &home)
        .env("TERM", "xterm")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    spawn_command(command, Some(TIMEOUT_MS)).expect("gilvm starts on a pty")
}

/// The line editor draws each prompt after clearing the line.
const PS1: &str = "\x1b[K>>> ";
const PS2: &str = "\x1b[K... ";

/// Types `line` at the prompt and waits for `expected` in the output, then for the next
/// prompt `next` (so that nothing is typed ahead of it).
fn type_line(p: &mut PtySession, line: &str, expected: &str, next: &str) {
    p.send_line(line).unwrap();
    for wanted in [expected, next] {
        if !wanted.is_empty() {
            p.exp_string(wanted)
                .unwrap_or_else(|e| panic!("after {line:?}, no {wanted:?}: {e}"));
        }
    }
}

/// A statement whose output is `expected`, then the `>>> ` prompt.
fn run(p: &mut PtySession, line: &str, expected: &str) {
    type_line(p, line, expected, PS1);
}

/// A line that leaves the statement open: the `... ` prompt.
fn more(p: &mut PtySession, line: &str) {
    type_line(p, line, "", PS2);
}

/// Waits for the process to end; its exit status.
fn exit_status(p: &mut PtySession) -> String {
    p.exp_eof().unwrap();
    format!("{:?}", p.process_mut().wait().unwrap())
}

#[test]
fn banner_prompts_blocks_results_and_tracebacks() {
    let mut p = spawn(&[]);
    p.exp_string("gilvm ").unwrap();
    p.exp_string("GIL: priority").unwrap();
    p.exp_string(PS1).unwrap();
    run(&mut p, "x = 6 * 7", "");
    run(&mut p, "x", "\r\n42\r\n");
    more(&mut p, "def f(n):");
    more(&mut p, "    return n + 1");
    run(&mut p, "", "");
    run(&mut p, "f(x)", "\r\n43\r\n");
    run(&mut p, "_ + 1", "\r\n44\r\n");
    run(&mut p, "None", "");
    run(&mut p, "_", "\r\n44\r\n");
    more(&mut p, "(1,");
    run(&mut p, " 2)", "(1, 2)");
    run(
        &mut p,
        "1 / 0",
        "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\nZeroDivisionError: division by zero",
    );
    run(&mut p, "print('still', 'here')", "still here");
    // Tab completes a name of `__main__`.
    run(&mut p, "xy_long_name = 5", "");
    p.send("xy_lo\t").unwrap();
    p.flush().unwrap();
    p.exp_string("xy_long_name").unwrap();
    run(&mut p, "", "\r\n5\r\n");
    type_line(&mut p, "import sys; sys.ps1 = 'py> '", "", "py> ");
    type_line(&mut p, "exit()", "", "");
    assert!(
        exit_status(&mut p).ends_with(", 0)"),
        "exit() leaves with 0"
    );
}

#[test]
fn ctrl_c_cancels_the_line_and_interrupts_running_code() {
    let mut p = spawn(&["-q"]);
    p.exp_string(PS1).unwrap();
    p.send("half a line").unwrap();
    p.flush().unwrap();
    p.send_control('c').unwrap();
    p.exp_string("\r\nKeyboardInterrupt\r\n").unwrap();
    p.exp_string(PS1).unwrap();
    run(&mut p, "1 + 1", "\r\n2\r\n");
    run(&mut p, "n = 0", "");
    more(&mut p, "while True: n += 1");
    p.send_line("").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    p.exp_string("File \"<stdin>\", line 1, in <module>\r\nKeyboardInterrupt\r\n")
        .unwrap();
    p.exp_string(PS1).unwrap();
    run(&mut p, "n > 1000", "True");
    p.send_control('d').unwrap();
    assert!(
        exit_status(&mut p).ends_with(", 0)"),
        "Ctrl-D leaves with 0"
    );
}

#[test]
fn a_thread_prints_while_the_prompt_waits() {
    let mut p = spawn(&["-q"]);
    p.exp_string(PS1).unwrap();
    run(&mut p, "import threading, time, gil", "");
    more(&mut p, "def work():");
    more(&mut p, "    for i in range(3):");
    more(&mut p, "        time.sleep(0.1)");
    more(&mut p, "        print('tick', i)");
    run(&mut p, "", "");
    // Nothing more is typed: the thread runs, and prints, while the prompt waits for input.
    run(
        &mut p,
        "t = threading.Thread(target=work, name='worker'); t.start()",
        "",
    );
    p.exp_string("tick 2").unwrap();
    p.send_line("t.join()").unwrap();
    p.exp_string(PS1).unwrap();
    run(
        &mut p,
        "[r['name'] for r in gil.stats()['threads']]",
        "'worker'",
    );
    type_line(&mut p, "quit(3)", "", "");
    assert!(
        exit_status(&mut p).ends_with(", 3)"),
        "quit(3) leaves with 3"
    );
}

#[test]
fn dash_i_keeps_the_scripts_globals() {
    let dir = std::env::temp_dir().join(format!("gilvm-repl-i-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("setup.py");
    std::fs::write(&script, "y = 41\nprint('script ran')\n").unwrap();
    let mut p = spawn(&["-i", script.to_str().unwrap()]);
    p.exp_string("script ran").unwrap();
    p.exp_string(PS1).unwrap();
    run(&mut p, "y + 1", "\r\n42\r\n");
    run(&mut p, "__file__.endswith('setup.py')", "True");
    p.send_control('d').unwrap();
    assert!(exit_status(&mut p).ends_with(", 0)"));
    std::fs::remove_dir_all(&dir).unwrap();
}
