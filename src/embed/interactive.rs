//! Running what a user types: the interactive prompt's statements and a script read from
//! standard input. CPython shows no source lines in their tracebacks (`File "<stdin>", line
//! 1, in <module>` only), since the text cannot be read again; neither does gilvm.

use gilvm_vm::embed::object;

use crate::{PyErr, PyResult, Python};

/// The file name of code typed at the prompt or piped in.
const STDIN: &str = "<stdin>";

impl<'py> Python<'py> {
    /// Runs one complete input of the interactive prompt in `__main__` (CPython's `'single'`
    /// mode): the value of each expression statement goes to `sys.displayhook`, which prints
    /// its `repr` and stores it in `builtins._`.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let interp = gilvm::Interpreter::builder().capture_output(Arc::clone(&out)).build();
    /// interp.with_gil(|py| {
    ///     py.run_interactive("x = 6\nx * 7").unwrap();
    ///     py.run_interactive("None").unwrap();
    ///     assert_eq!(py.eval("_").unwrap().extract::<i64>().unwrap(), 42);
    /// });
    /// assert_eq!(out.lock().unwrap().as_slice(), b"42\n");
    /// ```
    pub fn run_interactive(self, source: &str) -> PyResult<()> {
        let code = gilvm_compiler::compile_interactive(source, STDIN)
            .map_err(|e| PyErr::from_syntax(&e, STDIN, source))?;
        let result = self.with_state(|ts| object::exec_code(ts, "__main__", code, ""));
        self.result(result).map(drop)
    }

    /// Runs `source`, read from standard input, as the `__main__` script `<stdin>`.
    ///
    /// ```
    /// gilvm::Interpreter::new().with_gil(|py| {
    ///     let err = py.run_stdin("x = 1\n1 / 0\n").unwrap_err();
    ///     assert!(err.traceback().contains("File \"<stdin>\", line 2, in <module>\nZeroDivisionError"));
    /// });
    /// ```
    pub fn run_stdin(self, source: &str) -> PyResult<()> {
        let code = gilvm_compiler::compile_source(source, STDIN)
            .map_err(|e| PyErr::from_syntax(&e, STDIN, source))?;
        let result = self.with_state(|ts| object::exec_code(ts, "__main__", code, ""));
        self.result(result).map(drop)
    }
}

/// Whether `source`, typed at the prompt so far, is a complete input (see [`Input`]).
///
/// CPython's rules: an open bracket, an unterminated triple-quoted string or a trailing
/// backslash continues the input; a compound statement (`if`, `def`, a decorator...) goes on
/// until an empty line; anything else is complete — and run, or reported if it is wrong.
///
/// ```
/// use gilvm::{input_status, Input};
/// assert_eq!(input_status("x = 1\n"), Input::Complete);
/// assert_eq!(input_status("x = (1,\n"), Input::Incomplete);
/// assert_eq!(input_status("def f():\n    return 1\n"), Input::Incomplete);
/// assert_eq!(input_status("def f():\n    return 1\n\n"), Input::Complete);
/// assert_eq!(input_status("1 +\n"), Input::Complete); // a syntax error, reported at once
/// ```
pub fn input_status(source: &str) -> Input {
    let lines: Vec<&str> = source
        .strip_suffix('\n')
        .unwrap_or(source)
        .split('\n')
        .collect();
    let ended_by_blank = lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty());
    let code = significant(source);
    if code.is_empty() {
        return Input::Complete;
    }
    if source.trim_end_matches('\n').ends_with('\\') {
        return Input::Incomplete;
    }
    let result = gilvm_syntax::parse_module(source);
    if let Err(e) = &result {
        let open = e.message.contains("was never closed")
            || e.message.starts_with("unterminated triple-quoted string");
        if open {
            return Input::Incomplete;
        }
    }
    if ended_by_blank {
        return Input::Complete;
    }
    let block = starts_compound(code)
        || matches!(&result, Err(e) if e.message.starts_with("expected an indented block"));
    if block {
        Input::Incomplete
    } else {
        Input::Complete
    }
}

/// What the prompt does with the text typed so far ([`input_status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Run it (or report its syntax error).
    Complete,
    /// Read another line (the `... ` prompt).
    Incomplete,
}

/// The first line that is not blank nor a comment, and the rest.
fn significant(source: &str) -> &str {
    let mut rest = source;
    loop {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let t = line.trim();
        if !(t.is_empty() || t.starts_with('#')) {
            return rest.trim_start();
        }
        if after.is_empty() {
            return "";
        }
        rest = after;
    }
}

/// Whether the input starts with a compound statement, which only an empty line ends.
fn starts_compound(code: &str) -> bool {
    let first = code.split('\n').next().unwrap_or("");
    let word: String = first
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if first.starts_with('@') {
        return true;
    }
    match word.as_str() {
        "if" | "for" | "while" | "def" | "class" | "with" | "try" | "async" => true,
        // Soft keywords: `match x:` opens a block, `match(x)` may be a call.
        "match" => first.trim_end().ends_with(':'),
        _ => false,
    }
}
