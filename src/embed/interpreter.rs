//! [`Interpreter`] and its [`Builder`].

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm_vm::embed::Session;
use gilvm_vm::{Config, GilConfig, GilStats, Policy, RunError};

use crate::embed::python::scope;
use crate::trace::Trace;
use crate::{compile, Code, FromPy, NativeModule, PyErr, PyResult, Python};

/// An embedded interpreter, the one runner of the `gilvm` crate (the `gilvm` command is
/// built on it): its modules and globals persist across calls, and any number of host
/// threads may use it at once (it is `Send + Sync`; share it with an `Arc`), each taking the
/// GIL through [`with_gil`](Interpreter::with_gil).
///
/// * Run code: [`run`](Interpreter::run), [`run_file`](Interpreter::run_file) and
///   [`eval`](Interpreter::eval) on the calling thread; a whole program as the main script,
///   as `gilvm FILE` does, with [`run_source`](Interpreter::run_source) or
///   [`run_code`](Interpreter::run_code); [`finalize`](Interpreter::finalize) ends it.
/// * Extend it: [`add_module`](Interpreter::add_module), [`Python::add_function`].
/// * Watch the GIL: [`gil_stats`](Interpreter::gil_stats),
///   [`trace_start`](Interpreter::trace_start) / [`trace_stop`](Interpreter::trace_stop).
/// * Settings ([`Interpreter::builder`]): `sys.argv`, the GIL's policy and intervals, the
///   socket fast path, output capture, the import directory, the recursion limit.
///
/// Dropping it [finalizes](Interpreter::finalize) it: waits for the script's non-daemon
/// threads, as CPython does at exit — for ever by default, at most
/// [`Builder::shutdown_timeout`] if set; [`Interpreter::shutdown`] gives the host the same
/// bounded wait explicitly.
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// interp.run("def square(x):\n    return x * x").unwrap();
/// assert_eq!(interp.eval::<i64>("square(12)").unwrap(), 144);
/// ```
pub struct Interpreter {
    pub(crate) session: Arc<Session>,
    shutdown_timeout: Option<Duration>,
}

impl Default for Interpreter {
    fn default() -> Interpreter {
        Interpreter::new()
    }
}

impl Interpreter {
    /// An interpreter with the default settings (Priority GIL, 5 ms switch interval).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// assert!(interp.run("pass").is_ok());
    /// ```
    pub fn new() -> Interpreter {
        Interpreter::builder().build()
    }

    /// Settings for a new interpreter.
    ///
    /// ```
    /// use std::time::Duration;
    /// use gilvm::{Interpreter, Policy};
    /// let interp = Interpreter::builder()
    ///     .policy(Policy::Timeout)
    ///     .switch_interval(Duration::from_millis(1))
    ///     .build();
    /// assert_eq!({ interp.run("import sys").unwrap(); interp.eval::<f64>("sys.getswitchinterval()") }.unwrap(), 0.001);
    /// ```
    pub fn builder() -> Builder {
        Builder {
            config: Config::default(),
            shutdown_timeout: None,
        }
    }

    /// Runs `f` holding the GIL, with a token whose lifetime bounds every object handle made
    /// inside. The calling thread is registered with the GIL the first time; it then competes
    /// for the lock with the script's threads and the other host threads, under the
    /// interpreter's policy and its own priority ([`Python::set_priority`]).
    ///
    /// Panics if this thread is already inside `with_gil` of the same interpreter and holds
    /// the GIL (use the token you have); from inside [`Python::allow_threads`] it is fine.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let total: i64 = interp.with_gil(|py| {
    ///     py.run("data = [1, 2, 3]")?;
    ///     py.eval("sum(data)")?.extract()
    /// }).unwrap();
    /// assert_eq!(total, 6);
    /// ```
    pub fn with_gil<F, R>(&self, f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        // SAFETY: objects reach `f` only as `Bound<'py>` handles, whose lifetime is the
        // token's: the higher-ranked closure cannot return or store one beyond this call
        // (thread-locals need `'static`). `PyObject`s outlive it through `Detached`.
        unsafe { self.session.enter(|ts| scope(&self.session, ts, f)) }
    }

    /// Runs `source` as `__main__` (shortcut for [`Python::run`]).
    ///
    /// ```
    /// let err = gilvm::Interpreter::new().run("raise KeyError('x')").unwrap_err();
    /// assert_eq!(err.type_name(), "KeyError");
    /// ```
    pub fn run(&self, source: &str) -> PyResult<()> {
        self.start_run();
        self.end_run(self.with_gil(|py| py.run(source)))
    }

    /// Runs the file at `path` as `__main__` (shortcut for [`Python::run_file`]).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("gilvm-doc-run-file");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let file = dir.join("hello.py");
    /// std::fs::write(&file, "greeting = 'hi'\n").unwrap();
    /// let interp = gilvm::Interpreter::new();
    /// interp.run_file(&file).unwrap();
    /// assert_eq!(interp.eval::<String>("greeting").unwrap(), "hi");
    /// ```
    pub fn run_file(&self, path: impl AsRef<std::path::Path>) -> PyResult<()> {
        self.start_run();
        self.end_run(self.with_gil(|py| py.run_file(path).map(drop)))
    }

    /// Compiles and runs `source` as the main script, as `gilvm FILE` does (`filename` is
    /// its `__file__`; `import` looks in its directory unless
    /// [`Builder::search_path`] is set): see [`run_code`](Interpreter::run_code).
    ///
    /// Errors: a `SyntaxError` (or `IndentationError`...) when it does not compile (written
    /// to stderr first with [`Builder::print_traceback`]); else as
    /// [`run_code`](Interpreter::run_code).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// assert!(interp.run_source("x = 1", "ok.py").is_ok());
    /// let err = interp.run_source("[1][3]", "bad.py").unwrap_err();
    /// assert_eq!(err.type_name(), "IndexError");
    /// assert_eq!(err.message(), "list index out of range");
    /// assert!(err.traceback().contains("File \"bad.py\", line 1"));
    /// let err = interp.run_source("x = (", "syntax.py").unwrap_err();
    /// assert_eq!(err.type_name(), "SyntaxError");
    /// ```
    pub fn run_source(&self, source: &str, filename: &str) -> PyResult<()> {
        let code = compile(source, filename).inspect_err(|err| {
            if self.session.config().print_traceback {
                self.write_stderr(err.traceback());
            }
        })?;
        self.run_code(&code)
    }

    /// Runs a module compiled by [`compile`](crate::compile) as a whole program, with
    /// CPython's process semantics, as `gilvm FILE` does: in `__main__`, on a new thread
    /// with a large native stack (registered as `MainThread` when it is the interpreter's
    /// first), importing from the script's directory; then that thread
    /// [finalizes](Interpreter::finalize) the interpreter (waits for the non-daemon threads,
    /// leaves daemon threads frozen), so the program's globals do not outlive it. To keep
    /// them, run it with [`run_file`](Interpreter::run_file) or [`run`](Interpreter::run).
    ///
    /// Errors: the uncaught exception, with its traceback text (with
    /// [`Builder::print_traceback`], already written to stderr, before the wait for threads,
    /// so the caller must not print it again; [`PyErr::value`] is `None`), or a `SystemExit`,
    /// whose [`exit_status`](PyErr::exit_status) is the status the process should exit with
    /// (its message, if any, is already printed).
    ///
    /// ```
    /// let code = gilvm::compile("import sys\nsys.exit(4)", "four.py").unwrap();
    /// let interp = gilvm::Interpreter::new();
    /// assert_eq!(interp.run_code(&code).unwrap_err().exit_status(), Some(4));
    /// // Deep native recursion (here `repr`) fits in the main thread's stack.
    /// let code = gilvm::compile("class R:\n    def __init__(s, n): s.n = n\n    def __repr__(s):\n        return 'x' + (repr(R(s.n - 1)) if s.n else '')\nassert len(repr(R(400))) == 401", "deep.py").unwrap();
    /// interp.run_code(&code).unwrap();
    /// assert!(interp.eval::<i64>("R").is_err());
    /// ```
    pub fn run_code(&self, code: &Code) -> PyResult<()> {
        self.start_run();
        let result = self.session.run_main(Arc::clone(&code.code), &code.source);
        self.end_run(match result {
            Ok(()) => Ok(()),
            Err(RunError::Exit(status)) => Err(PyErr::from_parts(
                "SystemExit".into(),
                status.to_string(),
                String::new(),
                Some(status),
            )),
            Err(RunError::Exception {
                type_name,
                message,
                traceback,
            }) => Err(PyErr::from_parts(type_name, message, traceback, None)),
        })
    }

    /// Ends the interpreter as CPython's exit does (dropping it does the same): waits for the
    /// script's non-daemon threads (`threading._shutdown`) and releases its modules and
    /// globals; a later call starts afresh, with new ones. Daemon threads still running stay
    /// frozen instead: they never get the GIL again, and any later use of the interpreter
    /// panics. The GIL's stats and a trace in progress are kept.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let interp = gilvm::Interpreter::builder().capture_output(Arc::clone(&out)).build();
    /// let main = "import threading, time\ndef late():\n    time.sleep(0.05)\n    print('thread done')\nthreading.Thread(target=late).start()\nprint('main done')";
    /// interp.run(main).unwrap();
    /// interp.finalize();
    /// assert_eq!(out.lock().unwrap().as_slice(), b"main done\nthread done\n");
    /// assert!(interp.eval::<String>("late").is_err());
    /// ```
    pub fn finalize(&self) {
        self.session.finalize();
    }

    /// Evaluates an expression in `__main__` and converts the result.
    ///
    /// ```
    /// let v: Vec<String> = gilvm::Interpreter::new().eval("'a b'.split()").unwrap();
    /// assert_eq!(v, ["a", "b"]);
    /// ```
    pub fn eval<T>(&self, source: &str) -> PyResult<T>
    where
        T: for<'py> FromPy<'py>,
    {
        self.start_run();
        self.end_run(self.with_gil(|py| py.eval(source)?.extract()))
    }

    /// Registers a native module (shortcut for [`Python::add_module`]).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.add_module(gilvm::NativeModule::new("tools").constant("VERSION", "1.0")).unwrap();
    /// assert_eq!({ interp.run("import tools").unwrap(); interp.eval::<String>("tools.VERSION") }.unwrap(), "1.0");
    /// ```
    pub fn add_module(&self, module: NativeModule) -> PyResult<()> {
        self.with_gil(|py| py.add_module(module).map(drop))
    }

    /// The GIL's counters so far, per thread (host threads included).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.run("pass").unwrap();
    /// assert!(interp.gil_stats().threads.len() >= 1);
    /// ```
    pub fn gil_stats(&self) -> GilStats {
        self.session.gil().stats()
    }

    /// Runs a full collection of the cycle collector now (what `gc.collect()` does, queued
    /// `__del__` finalizers included); the number of unreachable objects it found.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.run("a = []\na.append(a)\ndel a").unwrap();
    /// assert!(interp.gc_collect() >= 1);
    /// assert!(interp.gc_stats().collections[2] >= 1);
    /// ```
    pub fn gc_collect(&self) -> usize {
        self.session.gc_collect()
    }

    /// The cycle collector's figures so far: collections and objects freed per generation,
    /// pause times, and the current counts (`gc.get_count()`).
    pub fn gc_stats(&self) -> crate::GcStats {
        self.session.gc_stats()
    }

    /// Starts recording every GIL event of the interpreter's threads (script threads and
    /// host threads) until [`trace_stop`](Interpreter::trace_stop). Fails (`RuntimeError`)
    /// if a recording is in progress, e.g. a script's `gil.trace_start()`.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.trace_start().unwrap();
    /// assert!(interp.trace_start().is_err());
    /// # interp.trace_stop().unwrap();
    /// ```
    pub fn trace_start(&self) -> PyResult<()> {
        self.session
            .trace_start()
            .map_err(|err| PyErr::runtime_error(err.to_string()))
    }

    /// Stops the recording and returns it (write it with
    /// [`trace::write_chrome_file`](crate::trace::write_chrome_file)). Fails
    /// (`RuntimeError`) if none is in progress.
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// interp.trace_start().unwrap();
    /// interp.run_source("x = sum(range(100))", "t.py").unwrap();
    /// let trace = interp.trace_stop().unwrap();
    /// assert!(trace.threads.iter().any(|thread| thread.name == "MainThread"));
    /// let path = std::env::temp_dir().join("gilvm-doc-interpreter-trace.json");
    /// gilvm::trace::write_chrome_file(&trace, &path).unwrap();
    /// assert!(interp.trace_stop().is_err());
    /// ```
    pub fn trace_stop(&self) -> PyResult<Trace> {
        self.session
            .trace_stop()
            .map_err(|err| PyErr::runtime_error(err.to_string()))
    }

    /// Writes to the interpreter's stderr (its capture buffer, if any).
    fn write_stderr(&self, text: &str) {
        match &self.session.config().capture_output {
            Some(buffer) => buffer
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .extend_from_slice(text.as_bytes()),
            None => eprint!("{text}"),
        }
    }
}

impl Interpreter {
    /// Ends the interpreter if its script's non-daemon threads finish within `timeout`:
    /// waits for them (`Thread.join` with what is left of the timeout), then releases the
    /// runtime as dropping does; a later call starts a fresh runtime. If some are still
    /// running at the deadline, returns their names and ends nothing: the interpreter stays
    /// usable, and the threads go on.
    ///
    /// ```
    /// use std::time::Duration;
    /// let interp = gilvm::Interpreter::new();
    /// interp.run("import threading, time\nthreading.Thread(target=time.sleep, args=(5,)).start()").unwrap();
    /// let running = interp.shutdown(Duration::from_millis(100)).unwrap_err();
    /// assert_eq!(running, ["Thread-1 (sleep)"]);
    /// assert!(interp.shutdown(Duration::from_secs(30)).is_ok());
    /// ```
    pub fn shutdown(&self, timeout: Duration) -> Result<(), Vec<String>> {
        let running = self.join_threads(timeout);
        if running.is_empty() {
            self.session.finalize();
            Ok(())
        } else {
            Err(running)
        }
    }

    /// Joins the non-daemon script threads until `timeout` has passed; the names of those
    /// still alive. A script whose `threading` misbehaves counts as having none.
    fn join_threads(&self, timeout: Duration) -> Vec<String> {
        let deadline = std::time::Instant::now() + timeout;
        let still_running = self.with_gil(|py| -> PyResult<Vec<String>> {
            let threading = py.import("threading")?;
            let main = threading.call_method0("main_thread")?;
            let mut running = Vec::new();
            for thread in threading.call_method0("enumerate")?.iterate()? {
                if thread.is(&main) || thread.getattr("daemon")?.is_truthy()? {
                    continue;
                }
                let left = deadline.saturating_duration_since(std::time::Instant::now());
                thread.call_method1("join", (left.as_secs_f64(),))?;
                if thread.call_method0("is_alive")?.is_truthy()? {
                    running.push(thread.getattr("name")?.extract::<String>()?);
                }
            }
            Ok(running)
        });
        still_running.unwrap_or_default()
    }
}

impl Drop for Interpreter {
    /// Waits for the script's non-daemon threads — at most the builder's `shutdown_timeout`
    /// when one was set. Threads still running then are abandoned: they go on in the
    /// background until they end or the process exits, and the runtime they use is leaked
    /// rather than freed under them.
    fn drop(&mut self) {
        match self.shutdown_timeout {
            None => self.session.finalize(),
            Some(timeout) => {
                let _ = self.shutdown(timeout);
            }
        }
    }
}

/// Settings of an [`Interpreter`] (from [`Interpreter::builder`]).
///
/// ```
/// let interp = gilvm::Interpreter::builder()
///     .policy(gilvm::Policy::Tick)
///     .check_interval(50)
///     .argv(vec!["prog".into(), "-v".into()])
///     .build();
/// assert_eq!({ interp.run("import sys").unwrap(); interp.eval::<Vec<String>>("sys.argv") }.unwrap(), ["prog", "-v"]);
/// ```
#[derive(Clone, Debug)]
pub struct Builder {
    pub(crate) config: Config,
    shutdown_timeout: Option<Duration>,
}

impl Builder {
    /// The GIL's policy and time constants at once (see also [`policy`](Self::policy),
    /// [`switch_interval`](Self::switch_interval), [`check_interval`](Self::check_interval)).
    ///
    /// ```
    /// let gil = gilvm::GilConfig { policy: gilvm::Policy::Timeout, ..Default::default() };
    /// let interp = gilvm::Interpreter::builder().gil(gil).build();
    /// assert_eq!(interp.gil_stats().policy, gilvm::Policy::Timeout);
    /// ```
    pub fn gil(mut self, gil: GilConfig) -> Builder {
        self.config.gil = gil;
        self
    }

    /// The GIL's scheduling policy (default: `Policy::Priority`).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().policy(gilvm::Policy::Timeout).build();
    /// # drop(interp);
    /// ```
    pub fn policy(mut self, policy: Policy) -> Builder {
        self.config.gil.policy = policy;
        self
    }

    /// How long a waiting thread lets the holder run before asking it to switch (default
    /// 5 ms; `sys.setswitchinterval` changes it later).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder()
    ///     .switch_interval(std::time::Duration::from_millis(2))
    ///     .build();
    /// assert_eq!({ interp.run("import sys").unwrap(); interp.eval::<f64>("sys.getswitchinterval()") }.unwrap(), 0.002);
    /// ```
    pub fn switch_interval(mut self, interval: Duration) -> Builder {
        self.config.gil.switch_interval = interval;
        self
    }

    /// Check points between voluntary releases under `Policy::Tick` (default 100).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().check_interval(10).build();
    /// # drop(interp);
    /// ```
    pub fn check_interval(mut self, checks: u32) -> Builder {
        self.config.gil.check_interval = checks.max(1);
        self
    }

    /// Whether socket calls that would not block keep the GIL (default `true`); `false`
    /// releases it around every socket call (`gilvm --io-fast-path=off`).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().io_fast_path(false).build();
    /// assert!(interp.run("import socket").is_ok());
    /// ```
    pub fn io_fast_path(mut self, on: bool) -> Builder {
        self.config.io_fast_path = on;
        self
    }

    /// Whether [`Interpreter::run_source`] and [`Interpreter::run_code`] write a syntax
    /// error, or the traceback of an uncaught exception, to stderr (or the
    /// [`capture_output`](Self::capture_output) buffer) as CPython does: the traceback as
    /// soon as the main script fails, before waiting for its threads. Default `false` (the
    /// error is only returned).
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let interp = gilvm::Interpreter::builder()
    ///     .print_traceback(true)
    ///     .capture_output(Arc::clone(&out))
    ///     .build();
    /// assert!(interp.run_source("1 / 0", "z.py").is_err());
    /// let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    /// assert!(text.ends_with("ZeroDivisionError: division by zero\n"));
    /// ```
    pub fn print_traceback(mut self, on: bool) -> Builder {
        self.config.print_traceback = on;
        self
    }

    /// Install the process's signal handlers, as CPython's `Py_Initialize` does (the `gilvm`
    /// command does): Ctrl-C (SIGINT) raises `KeyboardInterrupt` in the main script thread,
    /// and SIGTERM writes out the program's buffered files before it kills the process.
    /// Default `false`: the host keeps its signals, and raises `KeyboardInterrupt` itself
    /// through [`Interpreter::keyboard_interrupt_handle`] if it wants to.
    pub fn handle_signals(mut self, on: bool) -> Builder {
        self.config.handle_signals = on;
        self
    }

    /// The process exits once the interpreter is finalized (the `gilvm` command): the
    /// runtime's memory is left to the OS instead of being freed object by object. Default
    /// `false`: a host that goes on after finalizing gets its memory back.
    pub fn exit_after_finalize(mut self, on: bool) -> Builder {
        self.config.exit_after_finalize = on;
        self
    }

    /// The directory where `import name` looks for `name.py` (default: the current one, or
    /// the main script's directory for [`Interpreter::run_code`]).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join("gilvm-doc-search-path");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// std::fs::write(dir.join("helper.py"), "VALUE = 7\n").unwrap();
    /// let interp = gilvm::Interpreter::builder().search_path(&dir).build();
    /// assert_eq!({ interp.run("import helper").unwrap(); interp.eval::<i64>("helper.VALUE") }.unwrap(), 7);
    /// ```
    pub fn search_path(mut self, dir: impl Into<PathBuf>) -> Builder {
        self.config.search_path = Some(dir.into());
        self
    }

    /// `sys.argv` (default `['']`).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().argv(vec!["tool".into()]).build();
    /// assert_eq!({ interp.run("import sys").unwrap(); interp.eval::<String>("sys.argv[0]") }.unwrap(), "tool");
    /// ```
    pub fn argv(mut self, argv: Vec<String>) -> Builder {
        self.config.argv = argv;
        self
    }

    /// The initial `sys.getrecursionlimit()` (default 1000).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().recursion_limit(50).build();
    /// assert_eq!({ interp.run("import sys").unwrap(); interp.eval::<i64>("sys.getrecursionlimit()") }.unwrap(), 50);
    /// ```
    pub fn recursion_limit(mut self, limit: u32) -> Builder {
        self.config.recursion_limit = limit;
        self
    }

    /// Sends everything the scripts print (stdout and stderr) to `buffer` instead.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// let out = Arc::new(Mutex::new(Vec::new()));
    /// let interp = gilvm::Interpreter::builder().capture_output(Arc::clone(&out)).build();
    /// interp.run("print('hi')").unwrap();
    /// assert_eq!(out.lock().unwrap().as_slice(), b"hi\n");
    /// ```
    pub fn capture_output(mut self, buffer: Arc<Mutex<Vec<u8>>>) -> Builder {
        self.config.capture_output = Some(buffer);
        self
    }

    /// Bounds how long dropping the interpreter waits for the script's non-daemon threads
    /// (default: for ever, as CPython waits at exit). Threads still running after it are
    /// abandoned (see [`Interpreter`]'s `Drop`), so a script that left a thread spinning
    /// cannot block the host.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// let interp = gilvm::Interpreter::builder()
    ///     .shutdown_timeout(Duration::from_millis(100))
    ///     .build();
    /// interp.run("import threading, time\nthreading.Thread(target=time.sleep, args=(3,)).start()").unwrap();
    /// let start = Instant::now();
    /// drop(interp);
    /// assert!(start.elapsed() < Duration::from_secs(3));
    /// ```
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Builder {
        self.shutdown_timeout = Some(timeout);
        self
    }

    /// The interpreter (its runtime starts on first use).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().build();
    /// assert_eq!(interp.eval::<i64>("1 + 1").unwrap(), 2);
    /// ```
    pub fn build(self) -> Interpreter {
        Interpreter {
            session: Session::new(self.config),
            shutdown_timeout: self.shutdown_timeout,
        }
    }
}
