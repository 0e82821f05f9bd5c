//! Running untrusted code: one place for the policy. [`capabilities`] says what a sandboxed
//! script may touch (files, sockets, the process, modules) and holds the checks the standard
//! library calls; [`limits`] holds the limits a script cannot catch its way out of (time,
//! instructions, the host's interrupt), the eval breaker's slow path and interruptible
//! waits; [`memory`] accounts allocations against the memory limit; [`reserve`] is the
//! emergency reserve that turns a refused small allocation into `MemoryError`. An interpreter's
//! [`Guard`] (in its `Runtime` and each `ThreadState`) carries its sandbox, limits and their
//! live state. The thread limit is checked where threads start (`stdlib/_thread.rs`).

pub mod capabilities;
pub mod limits;
pub mod memory;
pub mod reserve;

pub use capabilities::{
    check_address, check_import, check_module_file, check_path, check_process, Access, NetAccess,
    Sandbox,
};
pub use limits::{Guard, InterruptHandle, LimitKind, Limits};
