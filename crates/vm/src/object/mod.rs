//! The representation: [`value::Value`] (immediates) and [`value::ObjRef`]/[`value::Obj`]
//! (refcounted heap objects), type objects and instances of user classes ([`typeobj`]), the
//! Rust-side error type and the built-in exception kinds ([`error`]), and the argument checks
//! of native functions ([`args`]).
//!
//! Imports: the lowest layer. It may name the payload types of `objects/` (the `Obj` enum has
//! one variant per payload) and the per-thread state (`interp::thread_state::ThreadState`,
//! the context argument of every operation that can raise); nothing else above it.

pub mod args;
pub mod class_of;
pub mod error;
pub mod typeobj;
pub mod value;
