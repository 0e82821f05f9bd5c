//! The built-in types, one home per type: its payload, its methods and the operations that
//! are its own (`int` arithmetic, `str` concatenation, `dict` storage, `list.sort`).
//! `constructors` is calling the built-in types (`int(...)`, `list(...)`), `method_tables`
//! the method tables and data attributes the attribute protocol looks up, `iterators` the
//! iterator objects of the built-in types.
//!
//! Imports: `object/` below it. Methods that must run Python-level operations on their
//! elements (rich comparison in `list.sort` and `list.index`, hashing and equality of dict
//! keys, iteration of arguments, `repr` of elements) call up into `protocol/` and `text/`:
//! those are the exceptions, counted in `docs/ARCHITECTURE.md`.

pub mod bytes;
pub mod code;
pub mod constructors;
pub mod dict;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iterators;
pub mod list;
pub mod method_tables;
pub mod object;
pub mod property;
pub mod str;
