//! The embedding API (re-exported at the crate root).

pub mod bound;
pub mod code;
pub mod convert;
pub mod error;
pub mod interactive;
pub mod interpreter;
pub mod native;
pub mod object;
pub mod python;
pub mod sandbox;
