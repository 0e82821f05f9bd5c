//! `bytes` and `bytearray`: the methods they share ([`methods`]), what only the mutable
//! `bytearray` has ([`bytearray`]) and their operators ([`ops`]).

pub mod bytearray;
pub mod methods;
pub mod ops;
