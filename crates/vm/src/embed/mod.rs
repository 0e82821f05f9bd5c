//! Embedding hooks: the low-level layer under the `gilvm` crate's public embedding API
//! (`Interpreter`, `Python<'py>`, `Bound<'py>`, `PyObject`).
//!
//! A [`Session`] is an interpreter whose runtime outlives any one call: host threads enter it
//! with [`Session::enter`], which registers the calling thread with the session's GIL (once per
//! thread), acquires the lock and hands the closure a [`ThreadState`]. [`Object`] is a Python
//! value seen from Rust, with the operations an embedder needs ([`object`]); [`Detached`] is a
//! value kept by the host outside any GIL scope, whose release without the lock is deferred to
//! the next thread that enters; [`native_function`] wraps a Rust closure as a Python callable.
//!
//! This layer has no lifetimes tying objects to the GIL scope: that is the `gilvm` crate's job
//! (its `Python<'py>` token). Hence [`Session::enter`] and [`native_function`] are `unsafe`:
//! their callers promise that no [`Object`] outlives the scope it was handed out in (the
//! discipline of [`crate::interp::gil`]).

mod native;
pub mod object;
mod session;

pub use crate::interp::runtime::Config;
pub use crate::interp::thread_state::ThreadState;
pub use crate::object::value::NativeHandle;
pub use native::{is_host_method, native_function, native_method, HostFn, HostResult};
pub use object::add_module;
pub use object::{Object, View};
pub use session::{Detached, RunError, Session};
