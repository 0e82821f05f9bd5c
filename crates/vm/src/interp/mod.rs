//! Executing code: heap frames ([`frame`]), the eval loop
//! ([`eval`]), name resolution ([`names`]), building values for the loop's instructions
//! ([`build_values`]), raising and catching ([`exceptions`]), CPython-format tracebacks
//! ([`traceback`], [`carets`]) and uncatchable ones ([`unraisable`]), generators' resumption ([`generator`]), imports ([`import`]),
//! interpreter-wide state ([`runtime`]), untrusted code's capabilities and limits ([`sandbox`]), per-thread state ([`thread_state`]), the GIL
//! discipline ([`gil`]) and its recording ([`gil_trace`]), and the builtins that read the
//! calling frame ([`frame_builtins`]).
//!
//! Imports: every layer below (`object/`, `objects/`, `protocol/`, `text/`). One import goes
//! up: `import` asks `stdlib::create` for a built-in module. Every layer names
//! [`thread_state::ThreadState`]: it is the context argument of any operation that can raise
//! or run Python code, and is not counted as an upward import.

pub mod build_values;
pub mod carets;
pub mod coroutine;
pub mod eval;
pub mod exceptions;
pub mod fork;
pub mod frame;
pub mod frame_builtins;
pub mod frame_objects;
pub mod gc;
pub mod generator;
pub mod gil;
pub mod gil_trace;
pub mod import;
pub mod interruptible;
pub mod matching;
pub mod names;
pub mod native_stack;
pub mod runtime;
pub mod sandbox;
pub mod signal_exit;
pub mod signals;
pub mod thread_state;
pub mod traceback;
pub mod unraisable;
