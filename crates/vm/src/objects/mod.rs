//! The built-in types, one home per type: its payload, its methods and the operations that
//! are its own (`int` arithmetic, `str` concatenation, `dict` storage, `list.sort`).
//! `code` is the runtime view of a compiled code object (constants as values, the `LoadGlobal`
//! cache); `constructors` is calling the built-in types (`int(...)`, `list(...)`), `method_tables`
//! the method tables and data attributes the attribute protocol looks up, `iterators` the
//! iterator objects of the built-in types, `anystr` the methods `str` and `bytes` share, written
//! once over the element type.
//!
//! Imports: `object/` below it. The exceptions, counted in `docs/ARCHITECTURE.md`: methods
//! that must run Python-level operations on their elements or arguments (rich comparison in
//! `list.sort` and `list.index`, equality of dict keys with `__eq__`, iteration of arguments,
//! `repr` of elements, codecs of `str.encode`) call up into `protocol/` and `text/`; a
//! generator's payload is a suspended `interp::frame::Frame`, and the generator methods
//! resume it (`interp::generator`); set and dict building helpers are shared with the eval
//! loop (`interp::build_values`).

pub mod anystr;
pub mod bytes;
pub mod code;
pub mod combinatorics;
pub mod complex;
pub mod constructors;
pub mod coroutines;
pub mod descriptors;
pub mod dict;
pub mod exception;
pub mod float;
pub mod float_hex;
pub mod function;
pub mod generator;
pub mod int;
pub mod iterators;
pub mod itertools_state;
pub mod list;
pub mod memoryview;
pub mod method_tables;
pub mod module;
pub mod object;
pub mod property;
pub mod set;
pub mod slot_wrappers;
pub mod str;
pub mod type_docs;
