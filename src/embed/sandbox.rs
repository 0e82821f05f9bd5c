//! Running untrusted code: the builder's [`Sandbox`] and [`Limits`], the host's
//! [`InterruptHandle`], and [`PyErr::limit`] (which limit stopped a script). The policy itself
//! lives in `gilvm_vm`'s `interp/sandbox/`; see the guide's "running untrusted code" chapter
//! (docs/embedding.md).

use gilvm_vm::{InterruptHandle, LimitKind, Limits, Sandbox};

use crate::embed::interpreter::{Builder, Interpreter};
use crate::{PyErr, PyResult};

impl Builder {
    /// Runs scripts in a sandbox: no file, socket, environment or process access beyond what
    /// `sandbox` grants; a refused operation raises `PermissionError: [sandbox] reading
    /// '/etc/hostname' is not allowed`. Default: no sandbox (everything allowed, as `python3`).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::builder().sandbox(gilvm::Sandbox::default()).build();
    /// let err = interp.run("open('/etc/hostname')").unwrap_err();
    /// assert_eq!(err.to_string(), "PermissionError: [sandbox] reading '/etc/hostname' is not allowed");
    /// ```
    pub fn sandbox(mut self, sandbox: Sandbox) -> Builder {
        self.config.sandbox = Some(sandbox);
        self
    }

    /// The limits of each run ([`Interpreter::run`], [`run_code`](Interpreter::run_code),
    /// [`eval`](Interpreter::eval)...): wall-clock time and instructions (counted afresh by each
    /// run; the script gets a `LimitExceeded` it cannot swallow), memory (a catchable
    /// `MemoryError`; needs [`CountingAllocator`](crate::CountingAllocator) as the program's
    /// global allocator to see small allocations), threads (`RuntimeError: can't start new
    /// thread`).
    ///
    /// ```
    /// use std::time::Duration;
    /// let limits = gilvm::Limits { time: Some(Duration::from_millis(50)), ..Default::default() };
    /// let interp = gilvm::Interpreter::builder().limits(limits).build();
    /// let err = interp.run("while True:\n    try:\n        pass\n    except BaseException:\n        pass").unwrap_err();
    /// assert_eq!(err.limit(), Some(gilvm::LimitKind::Time));
    /// assert_eq!(err.to_string(), "LimitExceeded: time limit of 50ms reached");
    /// assert!(interp.run("x = 1").is_ok());
    /// ```
    pub fn limits(mut self, limits: Limits) -> Builder {
        self.config.limits = limits;
        self
    }
}

impl Interpreter {
    /// A handle any thread can use to stop this interpreter's running script, as the time
    /// limit does (`LimitExceeded: interrupted by the host`).
    ///
    /// ```
    /// let interp = gilvm::Interpreter::new();
    /// let handle = interp.interrupt_handle();
    /// let stopper = std::thread::spawn(move || {
    ///     std::thread::sleep(std::time::Duration::from_millis(50));
    ///     handle.interrupt();
    /// });
    /// let err = interp.run("import time\nwhile True:\n    time.sleep(10)").unwrap_err();
    /// stopper.join().unwrap();
    /// assert_eq!(err.limit(), Some(gilvm::LimitKind::Interrupt));
    /// ```
    pub fn interrupt_handle(&self) -> InterruptHandle {
        self.session.guard().interrupt_handle()
    }

    /// Starts a run's budgets: the clock, the instruction count, a fired limit forgotten.
    pub(crate) fn start_run(&self) {
        self.session.guard().restart();
    }

    /// A run that fired a limit fails with it, even if the script swallowed the exception
    /// and ran to its end.
    pub(crate) fn end_run<T>(&self, result: PyResult<T>) -> PyResult<T> {
        let guard = self.session.guard();
        match (result, guard.tripped()) {
            (Ok(_), Some(kind)) => Err(PyErr::new("LimitExceeded", kind.message(&guard.limits))),
            (result, _) => result,
        }
    }
}

impl PyErr {
    /// The limit that stopped the script, if this error is one of the sandbox's
    /// (`LimitExceeded`, or the memory limit's `MemoryError`).
    ///
    /// ```
    /// let limits = gilvm::Limits { instructions: Some(1000), ..Default::default() };
    /// let interp = gilvm::Interpreter::builder().limits(limits).build();
    /// let err = interp.run("while True: pass").unwrap_err();
    /// assert_eq!(err.limit(), Some(gilvm::LimitKind::Instructions));
    /// assert_eq!(gilvm::PyErr::new("KeyError", "x").limit(), None);
    /// ```
    pub fn limit(&self) -> Option<LimitKind> {
        LimitKind::of_exception(self.type_name(), self.message())
    }
}
