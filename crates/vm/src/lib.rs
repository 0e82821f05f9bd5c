//! gilvm's interpreter: reference-counted objects, a heap-frame eval loop, builtins, the
//! standard library's built-in modules, imports of the user's modules and CPython-format
//! tracebacks.
//!
//! Layout, in layers (each folder's `mod.rs` says what it owns and what it may import; imports
//! go downward, the few exceptions are named there and counted in `docs/ARCHITECTURE.md`):
//!
//! - `object/`: the representation: `Value`, `ObjRef`/`Obj`, type objects, the error type;
//! - `objects/`: one home per built-in type: payload, methods and its own operations;
//! - `protocol/`: operations that dispatch on type (operators, subscription, attributes,
//!   iteration, calls, user classes' dunders);
//! - `text/`: `repr`/`str`/`format`, the format mini-language, `%`-formatting, codecs;
//! - `interp/`: code objects, frames, the eval loop, names, exceptions and tracebacks,
//!   imports, interpreter-wide ([`interp::runtime`]) and per-thread
//!   ([`interp::thread_state`]) state;
//! - `stdlib/`: the built-in modules, one registry table, each module's Rust code next to its
//!   embedded Python source;
//! - `builtins/`: the `builtins` namespace;
//! - [`embed`]: the lifetime-free layer under the `gilvm` crate's embedding API.
//!
//! Threads: every interpreter thread is a real OS thread registered with one `gilvm_gil::Gil`
//! per [`Interpreter`]; objects keep plain `Rc` counts and the GIL serializes all access to
//! them. The rules that keep safe code from breaking that are in [`gil`]. `_thread` and
//! `threading` (Python source embedded in the binary, on top of `_thread`) live in
//! `stdlib/`, with the gilvm-only `gil` module.

mod builtins;
pub mod embed;
mod interp;
mod object;
mod objects;
mod protocol;
mod stdlib;
mod text;

use crate::interp::gil;
pub use crate::objects::dict::store_dict;

use std::path::Path;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use gilvm_compiler::bytecode::CodeObject;
pub use gilvm_gil::{Gil, GilConfig, GilStats, Policy, ThreadRow};
pub use gilvm_trace::Trace;

pub use crate::interp::gil_trace::TraceStateError;
pub use crate::interp::signals::{clear_interrupt, request_interrupt};
pub use crate::stdlib::sys::config::{set_command_line, CommandLine, FlagValue, SysFlags};

use crate::interp::gil_trace::GilTracer;
use crate::interp::runtime::Runtime;
use crate::interp::thread_state::ThreadState;
use crate::interp::{import, traceback};
use crate::object::error::ExcKind;
use crate::object::value::Value;

/// Settings of an [`Interpreter`].
#[derive(Clone, Debug)]
pub struct InterpreterConfig {
    /// `sys.argv` (the script path first).
    pub argv: Vec<String>,
    /// Initial `sys.getrecursionlimit()`.
    pub recursion_limit: u32,
    /// Tests: when set, everything written to stdout and stderr is appended here instead.
    pub capture_output: Option<Arc<Mutex<Vec<u8>>>>,
    /// The GIL's policy and time constants (`sys.setswitchinterval` changes the interval).
    pub gil: GilConfig,
    /// Socket calls that would not block run without releasing the GIL (`--io-fast-path`).
    pub io_fast_path: bool,
    /// Write the traceback of an uncaught exception to stderr as soon as the main module
    /// fails, before waiting for non-daemon threads (CPython's order). The returned
    /// [`RunError::Exception`] still carries it: the caller must then not print it again.
    pub print_traceback: bool,
}

impl Default for InterpreterConfig {
    fn default() -> InterpreterConfig {
        InterpreterConfig {
            argv: vec![String::new()],
            recursion_limit: 1000,
            capture_output: None,
            gil: GilConfig::default(),
            io_fast_path: true,
            print_traceback: false,
        }
    }
}

/// How a program ended other than normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    /// Uncaught exception: the full traceback text CPython prints to stderr.
    Exception { traceback: String },
    /// `SystemExit`: the process exit status (its message, if any, is already printed).
    Exit(i32),
}

/// Native stack of the interpreter thread: Python calls do not use it, but native re-entries
/// (`__repr__`, `sorted(key=...)`, generators) do, up to the recursion limit.
const INTERPRETER_STACK_BYTES: usize = 512 << 20;

/// An interpreter: its builtins, `sys.modules` and settings live in a runtime created for
/// each program it runs, on a dedicated thread with a large native stack.
pub struct Interpreter {
    config: InterpreterConfig,
    /// One lock per interpreter: every thread of every program it runs registers here.
    gil: Arc<Gil>,
    /// Records the GIL's events on demand (its hook is installed in `gil`).
    tracer: Arc<GilTracer>,
}

impl Interpreter {
    pub fn new(config: InterpreterConfig) -> Interpreter {
        let (gil, tracer) = GilTracer::new_gil(config.gil);
        Interpreter {
            config,
            gil,
            tracer,
        }
    }

    /// Starts recording every GIL event (of all programs this interpreter runs) until
    /// [`Interpreter::trace_stop`]. Fails if a recording is in progress (the embedder's, or a
    /// script's `gil.trace_start()`).
    pub fn trace_start(&self) -> Result<(), TraceStateError> {
        self.tracer.start_for_embedder()
    }

    /// Stops the recording started by [`Interpreter::trace_start`] and returns it (write it
    /// with `gilvm_trace::write_chrome_file`). Fails if none is in progress.
    pub fn trace_stop(&self) -> Result<Trace, TraceStateError> {
        self.tracer.stop_for_embedder()
    }

    /// The GIL's counters so far (per thread: acquisitions, switches, waits...).
    pub fn gil_stats(&self) -> GilStats {
        self.gil.stats()
    }

    /// Runs `code` (a compiled module body) as `__main__`; `source` is kept for tracebacks.
    pub fn run_main(&self, code: Arc<CodeObject>, source: &str) -> Result<(), RunError> {
        let config = self.config.clone();
        let source = source.to_string();
        let gil = Arc::clone(&self.gil);
        let tracer = Arc::clone(&self.tracer);
        let worker = std::thread::Builder::new()
            .name("gilvm-main".into())
            .stack_size(INTERPRETER_STACK_BYTES)
            .spawn(move || run_main_on_this_thread(config, &gil, tracer, code, source));
        match worker.map(|handle| handle.join()) {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(RunError::Exception {
                traceback: "SystemError: gilvm internal error (interpreter thread panicked)\n"
                    .into(),
            }),
            Err(e) => Err(RunError::Exception {
                traceback: format!("SystemError: cannot start the interpreter thread: {e}\n"),
            }),
        }
    }
}

fn compile_module(
    source: &str,
    filename: &str,
) -> Result<Arc<CodeObject>, gilvm_syntax::SyntaxError> {
    gilvm_compiler::compile_source(source, filename)
}

fn run_main_on_this_thread(
    config: InterpreterConfig,
    gil: &Arc<Gil>,
    tracer: Arc<GilTracer>,
    code: Arc<CodeObject>,
    source: String,
) -> Result<(), RunError> {
    let mut rt = Runtime::new(
        config.argv,
        config.recursion_limit,
        config.capture_output,
        compile_module,
    );
    rt.gil_tracer = Some(tracer);
    rt.io_fast_path.set(config.io_fast_path);
    let filename = code.filename.to_string();
    if let Some(dir) = Path::new(&filename).parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        *rt.module_dir.borrow_mut() = dir.to_path_buf();
    }
    rt.sources
        .borrow_mut()
        .insert(filename.clone(), source.into());
    let main = gil.register_thread("MainThread");
    main.acquire();
    rt.threads.main_ident.set(gil::ident_of(&main));
    let mut ts = ThreadState::new(Rc::new(rt), main);
    builtins::install(&ts);
    let (module, globals) = import::new_module("__main__");
    store_dict(
        &globals,
        &Value::new_str("__file__"),
        Value::new_str(&filename),
    );
    store_dict(
        &globals,
        &Value::new_str("__builtins__"),
        Value::Obj(ts.rt.builtins.clone()),
    );
    store_dict(&ts.rt.sys_modules, &Value::new_str("__main__"), module);
    let result = import::run_module_code(&mut ts, code, &globals);
    ts.rt.stdout.borrow_mut().flush();
    let outcome = match result {
        Ok(()) => Ok(()),
        Err(exc) if ts.exc_matches(&exc, ExcKind::SystemExit) => Err(RunError::Exit(
            crate::stdlib::sys::exit_status(&mut ts, &exc),
        )),
        Err(exc) => Err(RunError::Exception {
            traceback: traceback::format_exception(&mut ts, &exc),
        }),
    };
    if let (true, Err(RunError::Exception { traceback })) = (config.print_traceback, &outcome) {
        ts.rt.write_stderr(traceback);
    }
    crate::stdlib::_thread::shutdown(&mut ts);
    ts.rt.stdout.borrow_mut().flush();
    if ts.rt.threads.running.get() > 0 {
        // Daemon threads still run: keep the GIL forever (never drop the state) so that they
        // stay frozen while the process exits, as CPython's finalization freezes them.
        std::mem::forget(ts);
    }
    outcome
}
