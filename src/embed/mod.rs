//! The embedding API (re-exported at the crate root).

pub mod bound;
pub mod class;
pub mod code;
pub mod convert;
pub mod error;
pub mod exceptions;
pub mod function;
pub mod interactive;
pub mod interpreter;
pub mod keyboard_interrupt;
pub mod native;
pub mod object;
pub mod python;
pub mod sandbox;
#[cfg(feature = "serde")]
pub mod serde;
pub mod typed;
