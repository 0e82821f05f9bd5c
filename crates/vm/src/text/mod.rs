//! Text conversions: `repr`, `str` and `ascii` ([`repr`]), `format(value, spec)` and the
//! format mini-language ([`format_spec`]), `%`-formatting ([`percent`]), `str.format`
//! ([`str_format`]) and the codecs of `str.encode` / `bytes.decode` ([`codecs`], the `idna`
//! codec in [`idna`]).
//!
//! Imports: `object/`, `objects/` and `protocol/` below it (`repr` of a user object calls
//! its `__repr__`).

pub mod codecs;
pub mod format_spec;
pub mod idna;
pub mod percent;
pub mod repr;
pub mod str_format;
