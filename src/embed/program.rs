//! [`Program`]: runs a whole script as `__main__`, the way the `gilvm` command does.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm_compiler::bytecode::CodeObject;
use gilvm_vm::{GilConfig, GilStats, InterpreterConfig, Policy, RunError};

use crate::trace::Trace;
use crate::PyErr;

/// A script runner with CPython's process semantics: each [`run_source`](Program::run_source)
/// runs a program as `__main__` on its own interpreter thread (with a large native stack),
/// writes the traceback of an uncaught exception before waiting for the non-daemon threads
/// (`threading._shutdown`), and leaves daemon threads frozen, holding nothing, when it
/// returns — as CPython's exit does. The `gilvm` command is built on it (`src/main.rs`).
///
/// Unlike [`Interpreter`](crate::Interpreter), a program's globals do not outlive the run:
/// use it to run scripts to completion, and `Interpreter` to call into Python repeatedly.
/// It is `Send + Sync`: share it with an `Arc` to stop a trace from another thread.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// let out = Arc::new(Mutex::new(Vec::new()));
/// let program = gilvm::Program::builder().capture_output(Arc::clone(&out)).build();
/// program.run_source("print(6 * 7)", "answer.py").unwrap();
/// assert_eq!(out.lock().unwrap().as_slice(), b"42\n");
/// ```
pub struct Program {
    inner: gilvm_vm::Interpreter,
    print_traceback: bool,
    capture_output: Option<Arc<Mutex<Vec<u8>>>>,
}

impl Program {
    /// Settings for a new program runner.
    ///
    /// ```
    /// let program = gilvm::Program::builder()
    ///     .argv(vec!["tool.py".into(), "--fast".into()])
    ///     .build();
    /// let err = program.run_source("import sys\nsys.exit(len(sys.argv))", "tool.py").unwrap_err();
    /// assert_eq!(err.exit_status(), Some(2));
    /// ```
    pub fn builder() -> ProgramBuilder {
        ProgramBuilder {
            config: InterpreterConfig::default(),
        }
    }

    /// Compiles and runs `source` as `__main__` (`__file__` is `filename`; `import` looks in
    /// its directory), then waits for its non-daemon threads.
    ///
    /// Errors: a `SyntaxError` (or `IndentationError`...) when it does not compile; the
    /// uncaught exception, with its traceback text; a `SystemExit`, whose
    /// [`exit_status`](PyErr::exit_status) is the status the process should exit with (its
    /// message, if any, is already printed). For an uncaught exception `type_name` and
    /// `message` are read from the traceback's last line, and [`PyErr::value`] is `None`.
    /// With [`ProgramBuilder::print_traceback`], the syntax error or traceback is written to
    /// stderr already, so the caller must not print it again.
    ///
    /// ```
    /// let program = gilvm::Program::builder().build();
    /// assert!(program.run_source("x = 1", "ok.py").is_ok());
    /// let err = program.run_source("[1][3]", "bad.py").unwrap_err();
    /// assert_eq!(err.type_name(), "IndexError");
    /// assert_eq!(err.message(), "list index out of range");
    /// assert!(err.traceback().contains("File \"bad.py\", line 1"));
    /// let err = program.run_source("x = (", "syntax.py").unwrap_err();
    /// assert_eq!(err.type_name(), "SyntaxError");
    /// ```
    pub fn run_source(&self, source: &str, filename: &str) -> Result<(), PyErr> {
        let code = match compile(source, filename) {
            Ok(code) => code,
            Err(err) => {
                if self.print_traceback {
                    self.write_stderr(err.traceback());
                }
                return Err(err);
            }
        };
        self.run_code(&code)
    }

    /// Runs a module compiled by [`compile`](crate::compile) as `__main__`: as
    /// [`run_source`](Program::run_source), without compiling again (so a caller can report
    /// a syntax error before it starts anything, e.g. a trace).
    ///
    /// ```
    /// let code = gilvm::compile("import sys\nsys.exit(4)", "four.py").unwrap();
    /// let program = gilvm::Program::builder().build();
    /// assert_eq!(program.run_code(&code).unwrap_err().exit_status(), Some(4));
    /// ```
    pub fn run_code(&self, code: &Code) -> Result<(), PyErr> {
        match self.inner.run_main(Arc::clone(&code.code), &code.source) {
            Ok(()) => Ok(()),
            Err(RunError::Exit(status)) => Err(PyErr::from_parts(
                "SystemExit".into(),
                status.to_string(),
                String::new(),
                Some(status),
            )),
            Err(RunError::Exception { traceback }) => {
                let last = traceback.lines().rev().find(|line| !line.is_empty());
                let (type_name, message) = match last.map(|line| line.split_once(": ")) {
                    Some(Some((t, m))) => (t.to_string(), m.to_string()),
                    _ => (last.unwrap_or("Exception").to_string(), String::new()),
                };
                Err(PyErr::from_parts(type_name, message, traceback, None))
            }
        }
    }

    /// Starts recording every GIL event of the programs this runner runs, until
    /// [`trace_stop`](Program::trace_stop). Fails (`RuntimeError`) if a recording is in
    /// progress, e.g. a script's `gil.trace_start()`.
    ///
    /// ```
    /// let program = gilvm::Program::builder().build();
    /// program.trace_start().unwrap();
    /// assert!(program.trace_start().is_err());
    /// # program.trace_stop().unwrap();
    /// ```
    pub fn trace_start(&self) -> Result<(), PyErr> {
        self.inner
            .trace_start()
            .map_err(|err| PyErr::runtime_error(err.to_string()))
    }

    /// Stops the recording and returns it (write it with
    /// [`trace::write_chrome_file`](crate::trace::write_chrome_file)). Fails
    /// (`RuntimeError`) if none is in progress.
    ///
    /// ```
    /// let program = gilvm::Program::builder().build();
    /// program.trace_start().unwrap();
    /// program.run_source("x = sum(range(100))", "t.py").unwrap();
    /// let trace = program.trace_stop().unwrap();
    /// let path = std::env::temp_dir().join("gilvm-doc-program-trace.json");
    /// gilvm::trace::write_chrome_file(&trace, &path).unwrap();
    /// assert!(program.trace_stop().is_err());
    /// ```
    pub fn trace_stop(&self) -> Result<Trace, PyErr> {
        self.inner
            .trace_stop()
            .map_err(|err| PyErr::runtime_error(err.to_string()))
    }

    /// The GIL's counters so far, per thread (acquisitions, switches, waits...).
    ///
    /// ```
    /// let program = gilvm::Program::builder().build();
    /// program.run_source("pass", "p.py").unwrap();
    /// let stats = program.gil_stats();
    /// assert_eq!(stats.policy, gilvm::Policy::Priority);
    /// assert!(stats.threads.iter().any(|row| row.name == "MainThread"));
    /// ```
    pub fn gil_stats(&self) -> GilStats {
        self.inner.gil_stats()
    }

    fn write_stderr(&self, text: &str) {
        match &self.capture_output {
            Some(buffer) => buffer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .extend_from_slice(text.as_bytes()),
            None => eprint!("{text}"),
        }
    }
}

/// Settings of a [`Program`] (from [`Program::builder`]).
///
/// ```
/// let program = gilvm::Program::builder()
///     .policy(gilvm::Policy::Tick)
///     .check_interval(50)
///     .io_fast_path(false)
///     .build();
/// assert!(program.run_source("pass", "p.py").is_ok());
/// ```
#[derive(Clone, Debug)]
pub struct ProgramBuilder {
    config: InterpreterConfig,
}

impl ProgramBuilder {
    /// `sys.argv` (default `['']`; the `gilvm` command passes the script path first).
    ///
    /// ```
    /// let program = gilvm::Program::builder().argv(vec!["a.py".into(), "x".into()]).build();
    /// assert!(program.run_source("import sys\nassert sys.argv == ['a.py', 'x']", "a.py").is_ok());
    /// ```
    pub fn argv(mut self, argv: Vec<String>) -> ProgramBuilder {
        self.config.argv = argv;
        self
    }

    /// The GIL's policy and time constants at once (see also [`policy`](Self::policy),
    /// [`switch_interval`](Self::switch_interval), [`check_interval`](Self::check_interval)).
    ///
    /// ```
    /// let gil = gilvm::GilConfig { policy: gilvm::Policy::Timeout, ..Default::default() };
    /// let program = gilvm::Program::builder().gil(gil).build();
    /// assert_eq!(program.gil_stats().policy, gilvm::Policy::Timeout);
    /// ```
    pub fn gil(mut self, gil: GilConfig) -> ProgramBuilder {
        self.config.gil = gil;
        self
    }

    /// The GIL's scheduling policy (default `Policy::Priority`).
    ///
    /// ```
    /// let program = gilvm::Program::builder().policy(gilvm::Policy::Tick).build();
    /// assert_eq!(program.gil_stats().policy, gilvm::Policy::Tick);
    /// ```
    pub fn policy(mut self, policy: Policy) -> ProgramBuilder {
        self.config.gil.policy = policy;
        self
    }

    /// How long a waiting thread lets the holder run before asking it to switch (default
    /// 5 ms).
    ///
    /// ```
    /// let program = gilvm::Program::builder()
    ///     .switch_interval(std::time::Duration::from_millis(2))
    ///     .build();
    /// assert!(program.run_source("import sys\nassert sys.getswitchinterval() == 0.002", "s.py").is_ok());
    /// ```
    pub fn switch_interval(mut self, interval: Duration) -> ProgramBuilder {
        self.config.gil.switch_interval = interval;
        self
    }

    /// Check points between voluntary releases under `Policy::Tick` (default 100).
    ///
    /// ```
    /// let program = gilvm::Program::builder().check_interval(10).build();
    /// # drop(program);
    /// ```
    pub fn check_interval(mut self, checks: u32) -> ProgramBuilder {
        self.config.gil.check_interval = checks.max(1);
        self
    }

    /// The initial `sys.getrecursionlimit()` (default 1000).
    ///
    /// ```
    /// let program = gilvm::Program::builder().recursion_limit(50).build();
    /// assert!(program.run_source("import sys\nassert sys.getrecursionlimit() == 50", "r.py").is_ok());
    /// ```
    pub fn recursion_limit(mut self, limit: u32) -> ProgramBuilder {
        self.config.recursion_limit = limit;
        self
    }

    /// Whether socket calls that would not block keep the GIL (default `true`); `false`
    /// releases it around every socket call.
    ///
    /// ```
    /// let program = gilvm::Program::builder().io_fast_path(false).build();
    /// # drop(program);
    /// ```
    pub fn io_fast_path(mut self, on: bool) -> ProgramBuilder {
        self.config.io_fast_path = on;
        self
    }

    /// Write a syntax error, or the traceback of an uncaught exception, to stderr (or the
    /// [`capture_output`](Self::capture_output) buffer) as CPython does: the traceback as
    /// soon as the main module fails, before waiting for non-daemon threads. Default `false`
    /// (the error is only returned).
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let program = gilvm::Program::builder()
    ///     .print_traceback(true)
    ///     .capture_output(Arc::clone(&out))
    ///     .build();
    /// assert!(program.run_source("1 / 0", "z.py").is_err());
    /// let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    /// assert!(text.ends_with("ZeroDivisionError: division by zero\n"));
    /// ```
    pub fn print_traceback(mut self, on: bool) -> ProgramBuilder {
        self.config.print_traceback = on;
        self
    }

    /// Sends everything the programs print (stdout and stderr) to `buffer` instead.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let program = gilvm::Program::builder().capture_output(Arc::clone(&out)).build();
    /// program.run_source("print('hi')", "h.py").unwrap();
    /// assert_eq!(out.lock().unwrap().as_slice(), b"hi\n");
    /// ```
    pub fn capture_output(mut self, buffer: Arc<Mutex<Vec<u8>>>) -> ProgramBuilder {
        self.config.capture_output = Some(buffer);
        self
    }

    /// The runner.
    ///
    /// ```
    /// let program = gilvm::Program::builder().build();
    /// assert!(program.run_source("pass", "p.py").is_ok());
    /// ```
    pub fn build(self) -> Program {
        Program {
            print_traceback: self.config.print_traceback,
            capture_output: self.config.capture_output.clone(),
            inner: gilvm_vm::Interpreter::new(self.config),
        }
    }
}

/// A module compiled by [`compile`], ready to run with [`Program::run_code`] (any number of
/// times, on any thread).
///
/// ```
/// let code = gilvm::compile("print('hi')", "hi.py").unwrap();
/// assert_eq!(code.filename(), "hi.py");
/// assert!(code.disassemble().contains("CALL"));
/// ```
#[derive(Clone)]
pub struct Code {
    code: Arc<CodeObject>,
    source: Arc<str>,
}

impl Code {
    /// The file name given to [`compile`] (shown in tracebacks, and `__file__`).
    ///
    /// ```
    /// assert_eq!(gilvm::compile("pass", "p.py").unwrap().filename(), "p.py");
    /// ```
    pub fn filename(&self) -> &str {
        &self.code.filename
    }

    /// The bytecode, as `gilvm --dis` prints it.
    ///
    /// ```
    /// let text = gilvm::compile("x = 1", "x.py").unwrap().disassemble();
    /// assert!(text.contains("STORE_NAME"));
    /// ```
    pub fn disassemble(&self) -> String {
        gilvm_compiler::disassemble(&self.code)
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Code")
            .field("filename", &self.filename())
            .finish_non_exhaustive()
    }
}

/// Compiles `source` as a module named `filename`; a `SyntaxError` (or `IndentationError`...)
/// when it is not valid, whose [`traceback`](PyErr::traceback) is CPython's report, ready to
/// print.
///
/// ```
/// let code = gilvm::compile("x = 1", "ok.py").unwrap();
/// assert!(gilvm::Program::builder().build().run_code(&code).is_ok());
/// let err = gilvm::compile("if x\n", "bad.py").unwrap_err();
/// assert_eq!(err.type_name(), "SyntaxError");
/// assert!(err.traceback().starts_with("  File \"bad.py\", line 1"));
/// ```
pub fn compile(source: &str, filename: &str) -> Result<Code, PyErr> {
    match gilvm_compiler::compile_source(source, filename) {
        Ok(code) => Ok(Code {
            code,
            source: source.into(),
        }),
        Err(error) => Err(PyErr::from_syntax(&error, filename, source)),
    }
}

/// Compiles `source` without running it: `Ok` when it is valid, else the `SyntaxError`
/// (its [`traceback`](PyErr::traceback) is CPython's report, ready to print).
///
/// ```
/// assert!(gilvm::compile_check("x = 1", "ok.py").is_ok());
/// let err = gilvm::compile_check("def f(:\n", "bad.py").unwrap_err();
/// assert_eq!(err.type_name(), "SyntaxError");
/// assert!(err.traceback().starts_with("  File \"bad.py\", line 1"));
/// ```
pub fn compile_check(source: &str, filename: &str) -> Result<(), PyErr> {
    compile(source, filename).map(drop)
}

/// The bytecode of `source`, as `gilvm --dis` prints it; a `SyntaxError` when it does not
/// compile.
///
/// ```
/// let text = gilvm::disassemble("print(1 + x)", "d.py").unwrap();
/// assert!(text.contains("LOAD_NAME") || text.contains("LOAD_GLOBAL"));
/// assert!(gilvm::disassemble("x = (", "d.py").is_err());
/// ```
pub fn disassemble(source: &str, filename: &str) -> Result<String, PyErr> {
    compile(source, filename).map(|code| code.disassemble())
}
