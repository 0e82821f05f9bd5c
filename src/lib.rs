//! Embed gilvm — a Python-like bytecode VM with a real GIL — in Rust programs.
//!
//! ```
//! let interp = gilvm::Interpreter::new();
//! interp.run("def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)").unwrap();
//! let n: i64 = interp.eval("fib(20)").unwrap();
//! assert_eq!(n, 6765);
//! ```
//!
//! * [`Interpreter`]: `Send + Sync`, built with [`Interpreter::builder`]; runs source, files
//!   and expressions, and whole programs as the main script with CPython's exit semantics
//!   ([`Interpreter::run_source`], [`compile`] and [`Interpreter::run_code`]); GIL stats and
//!   traces ([`Interpreter::trace_start`], [`trace`]). The `gilvm` command is built on it.
//! * [`Interpreter::with_gil`] hands a [`Python<'py>`] token: proof that the GIL is held.
//!   Object handles ([`Bound<'py>`]) carry its lifetime, so they cannot escape the closure
//!   nor reach another thread: GIL mistakes are compile errors. [`PyObject`] keeps an object
//!   across scopes and threads.
//! * [`IntoPy`] / [`FromPy`] convert values; [`NativeModule`] and [`Python::add_function`]
//!   expose Rust functions to scripts; [`PyErr`] carries Python exceptions both ways.
//!
//! The guide is [`guide`] (`docs/embedding.md`); runnable examples are in `docs/examples/`.

mod embed;

pub use embed::bound::{Bound, IntoPyArgs};
#[doc(hidden)]
pub use embed::class::{with_payload, with_payload_mut};
pub use embed::class::{Methods, PyClass};
pub use embed::code::{compile, compile_check, disassemble, Code};
pub use embed::convert::{Bytes, FromPy, IntoPy};
pub use embed::error::{ClassFn, Error, PyErr, PyResult};
#[doc(hidden)]
pub use embed::exceptions::host_exception_class;
/// Markers of the built-in exception classes, for [`PyErr::of`] and [`PyErr::matches`].
pub use embed::exceptions::markers as exceptions;
pub use embed::function::{convert_arg, FromPyArg, Function, IntoPyReturn, Param, RawFunction};
pub use embed::interactive::{input_status, Input};
pub use embed::interpreter::{Builder, Interpreter};
pub use embed::keyboard_interrupt::KeyboardInterruptHandle;
pub use embed::native::{Args, NativeModule};
pub use embed::object::{Py, PyObject};
pub use embed::python::Python;
#[cfg(feature = "serde")]
pub use embed::serde::{from_python, to_python};
pub use embed::typed::{
    PyAny, PyBytes, PyDict, PyFloat, PyInt, PyList, PyStr, PyTuple, PyTypeInfo,
};
/// Runs a function just before the process dies by a deadly signal left to its default
/// action (SIGTERM under [`Builder::handle_signals`]), once the program's files are written
/// out: process-wide, set once, must not need the GIL.
pub use gilvm_vm::before_dying_by_signal;
/// Asks the main thread to raise `KeyboardInterrupt` at its next check point (what Ctrl-C
/// does; async-signal-safe), and forgets such a request.
pub use gilvm_vm::{clear_interrupt, request_interrupt};
/// What the `gilvm` command tells the interpreter about its command line (`sys.flags`,
/// `sys.path[0]`, `PYTHONPATH`...); process-wide, set once before the first interpreter starts.
pub use gilvm_vm::{set_command_line, CommandLine, SysFlags};
pub use gilvm_vm::{CountingAllocator, InterruptHandle, LimitKind, Limits, NetAccess, Sandbox};
pub use gilvm_vm::{GcStats, GilConfig, GilStats, Policy, ThreadStats};

/// GIL traces: what [`Interpreter::trace_stop`] (or a script's `gil.trace_stop()`) returns, how
/// to write it as Chrome Trace Event JSON (for Perfetto, `chrome://tracing`), check and
/// summarise it, and draw it as an SVG timeline or an interactive HTML page
/// (`gilvm timeline`).
///
/// ```
/// let interp = gilvm::Interpreter::new();
/// interp.trace_start().unwrap();
/// interp.run_source("import threading\nt = threading.Thread(target=lambda: None)\nt.start()\nt.join()", "t.py").unwrap();
/// let trace = interp.trace_stop().unwrap();
/// let dir = std::env::temp_dir().join("gilvm-doc-trace-module");
/// std::fs::create_dir_all(&dir).unwrap();
/// gilvm::trace::write_chrome_file(&trace, &dir.join("t.json")).unwrap();
/// let options = gilvm::trace::SvgOptions::default();
/// gilvm::trace::timeline_command(&dir.join("t.json"), &dir.join("t.svg"), &options).unwrap();
/// assert!(std::fs::read_to_string(dir.join("t.svg")).unwrap().starts_with("<svg"));
/// ```
pub mod trace {
    pub use gilvm_trace::{
        busiest_window, check, read_chrome_file, render_html, render_svg, summarize,
        timeline_command, write_chrome_file, HtmlOptions, Span, SpanKind, SvgOptions,
        ThreadSummary, Trace, TraceError, TraceMeta,
    };
}

#[doc = include_str!("../docs/embedding.md")]
pub mod guide {}
