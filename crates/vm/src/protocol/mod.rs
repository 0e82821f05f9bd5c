//! Abstract operations that dispatch on the operand types: number and comparison operators,
//! truthiness and hashing ([`ops`]), sequence operators ([`sequence`]), subscription
//! ([`subscript`]), attributes ([`attr`], and the attribute instructions' inline caches in
//! [`attr_cache`]), iteration ([`iter`]), calls and argument binding ([`call`]),
//! `isinstance`/`issubclass` with their hooks ([`isinstance`]), and user classes:
//! `__build_class__`, instantiation, `super()` and the dunder
//! dispatch ([`class`]), `__class__`/`__bases__` assignment ([`class_assign`]).
//!
//! Imports: `object/` and `objects/` below it. Calls re-enter the eval loop (`interp::eval`)
//! and may format text for error messages (`text/`): those are the exceptions.

pub mod attr;
pub mod attr_cache;
pub mod call;
pub mod class;
pub mod class_assign;
pub mod class_new;
pub mod isinstance;
pub mod iter;
pub mod iter_tools;
pub mod ops;
pub mod sequence;
pub mod subscript;
