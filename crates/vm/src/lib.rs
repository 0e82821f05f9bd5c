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
//! Start-up: one path. An [`embed::Session`] boots its runtime from one [`Config`]
//! (`Runtime::boot`) when a thread first enters it, and runs programs as `__main__`
//! ([`embed::Session::run_main`]); the `gilvm` crate's `Interpreter` (and so the `gilvm`
//! command) is built on it.
//!
//! Threads: every interpreter thread is a real OS thread registered with one `gilvm_gil::Gil`
//! per [`embed::Session`]; objects keep plain `Rc` counts and the GIL serializes all access to
//! them. The rules that keep safe code from breaking that are in `interp::gil`. `_thread` and
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

pub use crate::objects::dict::store_dict;

pub use gilvm_gil::{Gil, GilConfig, GilStats, Policy, ThreadRow, ThreadStats};
pub use gilvm_trace::Trace;

pub use crate::embed::RunError;
pub use crate::interp::gc::GcStats;
pub use crate::interp::gil_trace::TraceStateError;
pub use crate::interp::runtime::Config;
pub use crate::interp::sandbox::limits::{format_duration, format_size};
pub use crate::interp::sandbox::memory::CountingAllocator;
pub use crate::interp::sandbox::{Guard, InterruptHandle, LimitKind, Limits, NetAccess, Sandbox};
pub use crate::interp::signal_exit::before_dying_by_signal;
pub use crate::interp::signals::{clear_interrupt, request_interrupt};
pub use crate::stdlib::sys::config::{set_command_line, CommandLine, FlagValue, SysFlags};
