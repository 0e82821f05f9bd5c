//! The interactive prompt (`gilvm` with a terminal on stdin, or `-i` after a script or
//! `-c`): CPython's read-eval-print loop on the public embedding API.
//!
//! The GIL is not held while the prompt waits for a line — the loop enters the interpreter
//! (`Interpreter::with_gil`) only to run what was typed — so threads started at the prompt
//! keep running, and printing, while you type. Ctrl-C at the prompt cancels the line; while
//! code runs, it raises `KeyboardInterrupt` in it (`gilvm::request_interrupt`, from the
//! `SIGINT` handler). Ctrl-D, `exit()` or `quit()` leave.

mod complete;
mod reader;

use std::io::IsTerminal;

use gilvm::{input_status, Input, Interpreter, Python};

use reader::{LineReader, Read};

/// How the prompt starts.
pub struct Options {
    /// `-q`: no banner.
    pub quiet: bool,
    /// The banner's description of the GIL settings (`priority, switch interval 5ms`).
    pub gil: String,
}

/// Runs the prompt until end of input or `SystemExit`; returns the exit status.
pub fn run(interp: &Interpreter, options: &Options) -> i32 {
    let tty = std::io::stdin().is_terminal();
    if let Err(e) = interp.with_gil(set_prompts) {
        eprint!("{}", e.traceback());
    }
    if !options.quiet {
        eprintln!(
            "gilvm {} (Python 3.11 language; GIL: {}) on {}\n\
             Type exit() or Ctrl-D (i.e. EOF) to exit; gil.stats() shows each thread's share of the GIL.",
            env!("CARGO_PKG_VERSION"),
            options.gil,
            std::env::consts::OS,
        );
    }
    install_interrupt_handler();
    let mut reader = LineReader::new(interp, tty);
    let mut buffer = String::new();
    loop {
        let prompt = interp.with_gil(|py| prompt(py, buffer.is_empty()));
        match reader.read_line(&prompt) {
            Read::Line(line) => {
                buffer.push_str(&line);
                buffer.push('\n');
            }
            Read::Interrupted => {
                eprintln!("KeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Read::Eof => return 0,
        }
        if input_status(&buffer) == Input::Incomplete {
            continue;
        }
        let source = std::mem::take(&mut buffer);
        if source.trim().is_empty() {
            continue;
        }
        reader.add_history(source.trim_end_matches('\n'));
        gilvm::clear_interrupt();
        if let Err(error) = interp.with_gil(|py| py.run_interactive(&source)) {
            if let Some(status) = error.exit_status() {
                return status;
            }
            eprint!("{}", error.traceback());
        }
    }
}

/// `sys.ps1` and `sys.ps2`, as CPython sets them for an interactive session (a script run
/// with `-i` may have set its own).
fn set_prompts(py: Python<'_>) -> gilvm::PyResult<()> {
    let sys = py.import("sys")?;
    for (name, default) in [("ps1", ">>> "), ("ps2", "... ")] {
        if sys.getattr(name).is_err() {
            sys.setattr(name, default)?;
        }
    }
    Ok(())
}

/// `str(sys.ps1)` (or `sys.ps2` inside a statement).
fn prompt(py: Python<'_>, first: bool) -> String {
    let (name, default) = if first {
        ("ps1", ">>> ")
    } else {
        ("ps2", "... ")
    };
    py.import("sys")
        .and_then(|sys| sys.getattr(name))
        .and_then(|p| p.str())
        .unwrap_or_else(|_| default.to_string())
}

/// Ctrl-C while code runs: ask the main thread to raise `KeyboardInterrupt`. (At the
/// prompt the terminal is in raw mode and the line editor reads Ctrl-C as a key.)
fn install_interrupt_handler() {
    extern "C" fn on_sigint(_: libc::c_int) {
        gilvm::request_interrupt();
    }
    let handler: extern "C" fn(libc::c_int) = on_sigint;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}
