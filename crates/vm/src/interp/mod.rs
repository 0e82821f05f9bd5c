//! Executing code: heap frames ([`frame`]), the eval loop
//! ([`eval`]), name resolution ([`names`]), building values for the loop's instructions
//! ([`build_values`]), raising and catching ([`exceptions`]), CPython-format tracebacks
//! ([`traceback`], [`carets`]), generators' resumption ([`generator`]), imports ([`import`]),
//! interpreter-wide state ([`runtime`]), per-thread state ([`thread_state`]), the GIL
//! discipline ([`gil`]) and its recording ([`gil_trace`]), and the builtins that read the
//! calling frame ([`frame_builtins`]).
//!
//! Imports: every layer below (`object/`, `objects/`, `protocol/`, `text/`). Imports reach
//! up into `stdlib/` for built-in modules and into `builtins/` to install the namespace.

pub mod build_values;
pub mod carets;
pub mod eval;
pub mod exceptions;
pub mod frame;
pub mod frame_builtins;
pub mod generator;
pub mod gil;
pub mod gil_trace;
pub mod import;
pub mod names;
pub mod runtime;
pub mod thread_state;
pub mod traceback;
