//! What `str` and `bytes`/`bytearray` share, written once over the element type (CPython's
//! `Objects/stringlib/`, RustPython's `anystr.rs`): the searching and splitting methods, the
//! strip family, justification, the `is*` checks and case mappings.
//!
//! [`AnyStr`] is the text an algorithm reads — `str` (elements are `char`s, offsets are UTF-8
//! byte offsets on character boundaries) or `[u8]` — and [`PyAnyStr`] is how a method reads its
//! receiver and arguments and builds its result, with each type's own CPython messages. A
//! method is one generic function, named in both types' tables (`split::<str>`,
//! `split::<[u8]>`). Substring search runs on the code units with `memchr::memmem`: UTF-8 is
//! self-synchronising, so a match of valid UTF-8 in valid UTF-8 starts on a character.

pub mod chars;
pub mod search;
pub mod shape;

use std::borrow::Cow;
use std::ops::Range;

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytearray, new_bytes};
use crate::objects::function::Args;

/// Text as a sequence of elements: `char`s of a `str`, bytes of a `bytes`.
pub trait AnyStr: ToOwned {
    type Char: Copy + PartialEq;
    /// The code units (a `str`'s UTF-8 bytes).
    fn units(&self) -> &[u8];
    /// The part between two unit offsets on element boundaries.
    fn part(&self, range: Range<usize>) -> &Self;
    /// The elements with their unit offsets.
    fn elements(&self) -> impl DoubleEndedIterator<Item = (usize, Self::Char)> + '_;
    /// How many units an element takes.
    fn width(c: Self::Char) -> usize;
    fn from_ascii(b: u8) -> Self::Char;
    /// Length in elements.
    fn count_elements(&self) -> usize;
    /// The unit offset of element `i` (the end when `i` is past it).
    fn offset_of(&self, i: usize) -> usize;
    /// The element index at unit offset `unit`.
    fn index_at(&self, unit: usize) -> usize;

    fn is_space(c: Self::Char) -> bool;
    fn is_alpha(c: Self::Char) -> bool;
    fn is_digit(c: Self::Char) -> bool;
    fn is_alnum(c: Self::Char) -> bool;
    fn is_upper(c: Self::Char) -> bool;
    fn is_lower(c: Self::Char) -> bool;
    /// Whether `c` ends a line for `splitlines` (`\r\n` is found by the caller).
    fn is_line_break(c: Self::Char) -> bool;

    fn new_owned() -> Self::Owned;
    fn push(out: &mut Self::Owned, c: Self::Char);
    fn push_part(out: &mut Self::Owned, part: &Self);
    fn push_upper(out: &mut Self::Owned, c: Self::Char);
    fn push_lower(out: &mut Self::Owned, c: Self::Char);
    /// Title case of one element (`ß` → `Ss`, CPython's titlecase mapping).
    fn push_title(out: &mut Self::Owned, c: Self::Char);
    /// The whole text in upper and lower case (a `str`'s final sigma needs the context).
    fn to_upper(&self) -> Self::Owned;
    fn to_lower(&self) -> Self::Owned;
    /// `left` fills, `body`, `right` fills, or `TooBig`.
    /// Room for `additional` more units in `out`.
    fn reserve(
        out: &mut Self::Owned,
        additional: usize,
    ) -> Result<(), crate::object::alloc::TooBig>;
    fn padded(
        head: &Self,
        fill: Self::Char,
        left: usize,
        body: &Self,
        right: usize,
    ) -> Result<Self::Owned, crate::object::alloc::TooBig>;
}

impl AnyStr for str {
    type Char = char;
    fn units(&self) -> &[u8] {
        self.as_bytes()
    }
    fn part(&self, range: Range<usize>) -> &str {
        self.get(range).unwrap_or_default()
    }
    fn elements(&self) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
        self.char_indices()
    }
    fn width(c: char) -> usize {
        c.len_utf8()
    }
    fn from_ascii(b: u8) -> char {
        char::from(b)
    }
    fn count_elements(&self) -> usize {
        self.chars().count()
    }
    fn offset_of(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.len());
        }
        self.char_indices().nth(i).map_or(self.len(), |(b, _)| b)
    }
    fn index_at(&self, unit: usize) -> usize {
        self.part(0..unit).chars().count()
    }
    fn is_space(c: char) -> bool {
        crate::objects::str::ucd::is_space(c)
    }
    fn is_alpha(c: char) -> bool {
        crate::objects::str::ucd::is_alpha(c)
    }
    fn is_digit(c: char) -> bool {
        crate::objects::str::ucd::is_digit(c)
    }
    fn is_alnum(c: char) -> bool {
        crate::objects::str::ucd::is_alnum(c)
    }
    fn is_upper(c: char) -> bool {
        crate::objects::str::ucd::is_upper(c)
    }
    fn is_lower(c: char) -> bool {
        crate::objects::str::ucd::is_lower(c)
    }
    fn is_line_break(c: char) -> bool {
        matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    }
    fn new_owned() -> String {
        String::new()
    }
    fn push(out: &mut String, c: char) {
        out.push(c);
    }
    fn push_part(out: &mut String, part: &str) {
        out.push_str(part);
    }
    fn push_upper(out: &mut String, c: char) {
        out.extend(c.to_uppercase());
    }
    fn push_lower(out: &mut String, c: char) {
        out.extend(c.to_lowercase());
    }
    fn push_title(out: &mut String, c: char) {
        let mut upper = c.to_uppercase();
        if let Some(first) = upper.next() {
            out.push(first);
        }
        out.extend(upper.flat_map(char::to_lowercase));
    }
    fn reserve(out: &mut String, additional: usize) -> Result<(), crate::object::alloc::TooBig> {
        crate::object::alloc::reserve_text(out, additional)
    }
    fn to_upper(&self) -> String {
        self.to_uppercase()
    }
    fn to_lower(&self) -> String {
        self.to_lowercase()
    }
    fn padded(
        head: &str,
        fill: char,
        left: usize,
        body: &str,
        right: usize,
    ) -> Result<String, crate::object::alloc::TooBig> {
        crate::object::alloc::padded(head, fill, left, body, right)
    }
}

/// The ASCII whitespace of `bytes` methods (C's `isspace`).
const WHITESPACE: &[u8] = b" \t\n\r\x0b\x0c";

impl AnyStr for [u8] {
    type Char = u8;
    fn units(&self) -> &[u8] {
        self
    }
    fn part(&self, range: Range<usize>) -> &[u8] {
        self.get(range).unwrap_or_default()
    }
    fn elements(&self) -> impl DoubleEndedIterator<Item = (usize, u8)> + '_ {
        self.iter().copied().enumerate()
    }
    fn width(_: u8) -> usize {
        1
    }
    fn from_ascii(b: u8) -> u8 {
        b
    }
    fn count_elements(&self) -> usize {
        self.len()
    }
    fn offset_of(&self, i: usize) -> usize {
        i.min(self.len())
    }
    fn index_at(&self, unit: usize) -> usize {
        unit
    }
    fn is_space(c: u8) -> bool {
        WHITESPACE.contains(&c)
    }
    fn is_alpha(c: u8) -> bool {
        c.is_ascii_alphabetic()
    }
    fn is_digit(c: u8) -> bool {
        c.is_ascii_digit()
    }
    fn is_alnum(c: u8) -> bool {
        c.is_ascii_alphanumeric()
    }
    fn is_upper(c: u8) -> bool {
        c.is_ascii_uppercase()
    }
    fn is_lower(c: u8) -> bool {
        c.is_ascii_lowercase()
    }
    fn is_line_break(c: u8) -> bool {
        matches!(c, b'\n' | b'\r')
    }
    fn new_owned() -> Vec<u8> {
        Vec::new()
    }
    fn push(out: &mut Vec<u8>, c: u8) {
        out.push(c);
    }
    fn push_part(out: &mut Vec<u8>, part: &[u8]) {
        out.extend_from_slice(part);
    }
    fn push_upper(out: &mut Vec<u8>, c: u8) {
        out.push(c.to_ascii_uppercase());
    }
    fn push_lower(out: &mut Vec<u8>, c: u8) {
        out.push(c.to_ascii_lowercase());
    }
    fn push_title(out: &mut Vec<u8>, c: u8) {
        out.push(c.to_ascii_uppercase());
    }
    fn reserve(out: &mut Vec<u8>, additional: usize) -> Result<(), crate::object::alloc::TooBig> {
        crate::object::alloc::reserve(out, additional)
    }
    fn to_upper(&self) -> Vec<u8> {
        self.to_ascii_uppercase()
    }
    fn to_lower(&self) -> Vec<u8> {
        self.to_ascii_lowercase()
    }
    fn padded(
        head: &[u8],
        fill: u8,
        left: usize,
        body: &[u8],
        right: usize,
    ) -> Result<Vec<u8>, crate::object::alloc::TooBig> {
        crate::object::alloc::padded_bytes(head, fill, left, body, right)
    }
}

/// How a method of `str` or `bytes` reads its receiver and arguments and makes its results.
pub trait PyAnyStr: AnyStr {
    /// The type's name in messages (`str.upper() takes no arguments`).
    const NAME: &'static str;
    /// `index`'s message when nothing is found.
    const NOT_FOUND: &'static str;
    /// The receiver's text (a `bytearray`'s is copied: the borrow must not outlive the call).
    fn receiver(this: &Value) -> Cow<'_, Self>;
    /// An argument of the receiver's kind. `str_message` is `str`'s CPython message, with `{}`
    /// standing for the argument's type name; `bytes` has one message for all arguments.
    fn arg<'a>(ts: &ThreadState, v: &'a Value, str_message: &str) -> PyResult<Cow<'a, Self>>;
    /// A search's needle (`bytes` also takes an int for one byte).
    fn needle<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<Cow<'a, Self>>;
    /// The fill element of `center`/`ljust`/`rjust`.
    fn fill(ts: &ThreadState, v: &Value, method: &str) -> PyResult<Self::Char>;
    /// One item of `join`'s iterable, if it has the receiver's kind.
    fn join_item(v: &Value) -> Option<Cow<'_, Self>>;
    /// `join`'s message for an item of the wrong kind.
    const JOIN_EXPECTED: &'static str;
    /// A result of the receiver's kind (`bytearray` methods return `bytearray`s).
    fn result(this: &Value, text: Self::Owned) -> Value;
    fn result_part(this: &Value, part: &Self) -> Value;
    /// The receiver itself where CPython returns it unchanged (`'ab'.ljust(1)`).
    fn unchanged(this: &Value) -> Value;
}

fn type_message(ts: &ThreadState, v: &Value, template: &str) -> crate::object::value::ObjRef {
    ts.type_error(template.replace("{}", type_name(ts, v).as_ref()))
}

impl PyAnyStr for str {
    const NAME: &'static str = "str";
    const NOT_FOUND: &'static str = "substring not found";
    const JOIN_EXPECTED: &'static str = "expected str instance";
    fn receiver(this: &Value) -> Cow<'_, str> {
        Cow::Borrowed(this.as_str().map_or("", |s| s.as_str()))
    }
    fn arg<'a>(ts: &ThreadState, v: &'a Value, str_message: &str) -> PyResult<Cow<'a, str>> {
        match v.as_str() {
            Some(s) => Ok(Cow::Borrowed(s.as_str())),
            None => Err(type_message(ts, v, str_message)),
        }
    }
    fn needle<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<Cow<'a, str>> {
        Self::arg(ts, v, "must be str, not {}")
    }
    fn fill(ts: &ThreadState, v: &Value, _method: &str) -> PyResult<char> {
        let Some(s) = v.as_str() else {
            return Err(type_message(
                ts,
                v,
                "The fill character must be a unicode character, not {}",
            ));
        };
        let mut cs = s.as_str().chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(ts.type_error("The fill character must be exactly one character long")),
        }
    }
    fn join_item(v: &Value) -> Option<Cow<'_, str>> {
        v.as_str().map(|s| Cow::Borrowed(s.as_str()))
    }
    fn result(_this: &Value, text: String) -> Value {
        Value::new_str(text)
    }
    fn result_part(_this: &Value, part: &str) -> Value {
        Value::new_str(part)
    }
    fn unchanged(this: &Value) -> Value {
        this.clone()
    }
}

impl PyAnyStr for [u8] {
    const NAME: &'static str = "bytes";
    const NOT_FOUND: &'static str = "subsection not found";
    const JOIN_EXPECTED: &'static str = "expected a bytes-like object";
    fn receiver(this: &Value) -> Cow<'_, [u8]> {
        Self::join_item(this).unwrap_or_default()
    }
    fn arg<'a>(ts: &ThreadState, v: &'a Value, _str_message: &str) -> PyResult<Cow<'a, [u8]>> {
        Self::join_item(v)
            .ok_or_else(|| type_message(ts, v, "a bytes-like object is required, not '{}'"))
    }
    fn needle<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
        if let Some(bytes) = Self::join_item(v) {
            return Ok(bytes);
        }
        if crate::objects::int::to_big(v).is_none() {
            let message = "argument should be integer or bytes-like object, not '{}'";
            return Err(type_message(ts, v, message));
        }
        crate::objects::bytes::methods::needle(ts, v).map(Cow::Owned)
    }
    fn fill(ts: &ThreadState, v: &Value, method: &str) -> PyResult<u8> {
        match bytes_data(v).as_deref() {
            Some([b]) => Ok(*b),
            _ => Err(type_message(
                ts,
                v,
                &format!("{method}() argument 2 must be a byte string of length 1, not {{}}"),
            )),
        }
    }
    fn join_item(v: &Value) -> Option<Cow<'_, [u8]>> {
        match v.obj().map(|o| &**o) {
            Some(Obj::Bytes(b)) => Some(Cow::Borrowed(b)),
            _ => crate::objects::bytes::methods::bytes_data(v).map(Cow::Owned),
        }
    }
    fn result(this: &Value, data: Vec<u8>) -> Value {
        match this.obj().map(|o| &**o) {
            Some(Obj::ByteArray(_)) => new_bytearray(data),
            _ => new_bytes(data),
        }
    }
    fn result_part(this: &Value, part: &[u8]) -> Value {
        Self::result(this, part.to_vec())
    }
    fn unchanged(this: &Value) -> Value {
        Self::result_part(this, &Self::receiver(this))
    }
}

/// Checks that a method that takes no arguments got none (`str.upper() takes no arguments`).
pub(crate) fn no_args<S: PyAnyStr + ?Sized>(
    ts: &ThreadState,
    method: &str,
    args: &Args,
) -> PyResult<()> {
    if args.pos.is_empty() && args.kwnames.is_empty() {
        return Ok(());
    }
    if !args.kwnames.is_empty() {
        return Err(ts.type_error(format!("{}.{method}() takes no keyword arguments", S::NAME)));
    }
    Err(ts.type_error(format!(
        "{}.{method}() takes no arguments ({} given)",
        S::NAME,
        args.pos.len()
    )))
}

/// An argument given by position `i` or by keyword `name`.
fn arg_or_kw<'a>(args: &'a Args, i: usize, name: &str) -> Option<&'a Value> {
    args.pos.get(i).or_else(|| args.kw(name))
}
