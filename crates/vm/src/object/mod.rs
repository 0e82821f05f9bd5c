//! The representation: [`value::Value`] (immediates) and [`value::ObjRef`]/[`value::Obj`]
//! (refcounted heap objects), type objects and instances of user classes ([`typeobj`]; their attribute storage,
//! shared-key or dict, in [`layout`]; a class attribute as inline caches keep it, in
//! [`class_attr`]), the
//! Rust-side error type and the built-in exception kinds ([`error`]), the class and type name
//! of any value ([`class_of`]), the argument checks of native functions ([`args`]), the
//! interned special-method names ([`names`]), the iterative freeing of deep nests (the
//! `Drop` of `Obj`, in `trashcan`) and the checked allocations whose size a script chooses,
//! which raise `MemoryError` ([`alloc`]), and a str's text, inline in its box when short
//! ([`text`]).
//!
//! Imports: the lowest layer. The exceptions: it names the payload types of `objects/` (the
//! `Obj` enum has one variant per payload, and a class's dict is a `Dict`), the socket handle
//! of `stdlib::socket` and the raw lock of `interp::gil` (payloads of `Obj::Socket` and
//! `Obj::Lock`), and the per-thread state (`interp::thread_state::ThreadState`, the context
//! argument of every operation that can raise).

pub mod alloc;
pub mod args;
pub mod class_attr;
pub mod class_of;
pub mod error;
pub mod gc;
mod header;
pub mod layout;
pub mod names;
pub mod text;
mod trashcan;
pub mod typeobj;
pub mod value;
