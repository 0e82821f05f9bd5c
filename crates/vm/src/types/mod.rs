//! Payloads and operations of the built-in types.

pub mod dict;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod str;
pub mod typeobj;
