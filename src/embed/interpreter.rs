//! [`Interpreter`] and its [`Builder`].

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use gilvm_vm::embed::{Session, SessionConfig};
use gilvm_vm::{GilStats, Policy};

use crate::embed::python::scope;
use crate::{FromPy, NativeModule, PyResult, Python};

/// An embedded interpreter: its modules and globals persist across calls, and any number of
/// host threads may use it at once (it is `Send + Sync`; share it with an `Arc`), each
/// taking the GIL through [`with_gil`](Interpreter::with_gil).
///
/// Dropping it waits for the script's non-daemon threads, as CPython does at exit — for ever
/// by default, at most [`Builder::shutdown_timeout`] if set; [`Interpreter::shutdown`] gives
/// the host the same bounded wait explicitly.
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// interp.run("def square(x):\n    return x * x").unwrap();
/// assert_eq!(interp.eval::<i64>("square(12)").unwrap(), 144);
/// ```
pub struct Interpreter {
    session: Arc<Session>,
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
            config: SessionConfig::default(),
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
        self.with_gil(|py| py.run(source))
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
        self.with_gil(|py| py.run_file(path).map(drop))
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
        self.with_gil(|py| py.eval(source)?.extract())
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
    config: SessionConfig,
    shutdown_timeout: Option<Duration>,
}

impl Builder {
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

    /// The directory where `import name` looks for `name.py` (default: the current one).
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
