//! The JSON scanner (CPython's `_json.scanner`): one pass over the UTF-8 bytes of the document,
//! building values directly, calling the Python hooks (`object_hook`, `parse_float`...) only
//! when they are set. Positions in errors are character indices, as CPython reports them.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::interp::thread_state::ThreadState;
use crate::object::error::ExcKind;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::dict::Dict;
use crate::objects::str::{Lone, PyStr, PyStrBuilder};
use crate::protocol::call::call_value;

/// Why a scan stopped: a Python exception (from a hook, or a recursion error), or a JSON
/// syntax error with its message and byte position (turned into `JSONDecodeError` by
/// `json.py`).
pub enum ScanError {
    Py(ObjRef),
    Json(&'static str, usize),
}

impl From<ObjRef> for ScanError {
    fn from(e: ObjRef) -> ScanError {
        ScanError::Py(e)
    }
}

type Scan<T> = Result<T, ScanError>;

/// The hooks of one `JSONDecoder`; `Value::None` means "the default".
pub struct Hooks {
    pub strict: bool,
    pub object_hook: Value,
    pub pairs_hook: Value,
    pub parse_float: Value,
    pub parse_int: Value,
    pub parse_constant: Value,
}

pub struct Scanner<'a, 't> {
    pub ts: &'t mut ThreadState,
    pub s: &'a [u8],
    lone: &'a [Lone],
    pub hooks: Hooks,
    depth: usize,
    /// The keys met so far, by their bytes in the document (keys without escapes): objects
    /// repeat the same few keys, and sharing one str per key saves an allocation and a hash
    /// for every other occurrence (CPython's scanner memoizes keys the same way).
    keys: HashMap<&'a [u8], Value>,
}

/// How deep arrays and objects may nest before `RecursionError` (CPython's limit is the
/// recursion limit, 1000 by default).
const MAX_DEPTH: usize = 990;

pub fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a, 't> Scanner<'a, 't> {
    /// `s` is the document's text, `lone` its lone surrogates (standing as U+FFFD in `s`).
    pub fn new(ts: &'t mut ThreadState, s: &'a [u8], lone: &'a [Lone], hooks: Hooks) -> Self {
        Scanner {
            ts,
            s,
            lone,
            hooks,
            depth: 0,
            keys: HashMap::new(),
        }
    }

    /// Pushes the document's text `[from, to)`, its lone surrogates as themselves.
    fn push_chunk(&self, out: &mut PyStrBuilder, from: usize, to: usize) {
        let mut at = from;
        let first = self.lone.partition_point(|l| l.at() < from);
        for l in self.lone[first..].iter().take_while(|l| l.at() < to) {
            out.push_str(&String::from_utf8_lossy(&self.s[at..l.at()]));
            out.push_point(l.point());
            at = l.at() + char::REPLACEMENT_CHARACTER.len_utf8();
        }
        out.push_str(&String::from_utf8_lossy(&self.s[at..to]));
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    /// One JSON value starting at byte `i`: the value and the byte index after it.
    pub fn scan_once(&mut self, i: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(i) else {
            return Err(ScanError::Json("Expecting value", i));
        };
        match c {
            b'"' => {
                let (s, end) = self.scan_string(i + 1)?;
                Ok((Value::from_pystr(s), end))
            }
            b'{' | b'[' => {
                if self.depth >= MAX_DEPTH {
                    return Err(ScanError::Py(self.ts.new_exc(
                        ExcKind::RecursionError,
                        "maximum recursion depth exceeded while decoding a JSON object from a unicode string",
                    )));
                }
                self.depth += 1;
                let r = if c == b'{' {
                    self.parse_object(i + 1)
                } else {
                    self.parse_array(i + 1)
                };
                self.depth -= 1;
                r
            }
            b'n' if self.s[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if self.s[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if self.s[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if self.s[i..].starts_with(b"NaN") => self.constant("NaN", f64::NAN, i + 3),
            b'I' if self.s[i..].starts_with(b"Infinity") => {
                self.constant("Infinity", f64::INFINITY, i + 8)
            }
            b'-' if self.s[i..].starts_with(b"-Infinity") => {
                self.constant("-Infinity", f64::NEG_INFINITY, i + 9)
            }
            _ => self.scan_number(i),
        }
    }

    fn constant(&mut self, name: &str, value: f64, end: usize) -> Scan<(Value, usize)> {
        if self.hooks.parse_constant.is_none() {
            return Ok((Value::Float(value), end));
        }
        let hook = self.hooks.parse_constant.clone();
        let v = call_value(self.ts, &hook, &[Value::new_str(name)], &[])?;
        Ok((v, end))
    }

    fn digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|b| b.is_ascii_digit())
    }

    fn scan_number(&mut self, start: usize) -> Scan<(Value, usize)> {
        let mut i = start;
        if self.at(i) == Some(b'-') {
            i += 1;
        }
        match self.at(i) {
            Some(b'1'..=b'9') => {
                i += 1;
                while self.digit(i) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(ScanError::Json("Expecting value", start)),
        }
        let mut is_float = false;
        if self.at(i) == Some(b'.') && self.digit(i + 1) {
            is_float = true;
            i += 2;
            while self.digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some(b'e' | b'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some(b'-' | b'+')) {
                i += 1;
            }
            let digits_from = i;
            while self.digit(i) {
                i += 1;
            }
            if i > digits_from {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        // Only ASCII bytes were consumed.
        let text = std::str::from_utf8(&self.s[start..i]).unwrap_or("0");
        let hook = if is_float {
            &self.hooks.parse_float
        } else {
            &self.hooks.parse_int
        };
        if !hook.is_none() {
            let hook = hook.clone();
            let v = call_value(self.ts, &hook, &[Value::new_str(text)], &[])?;
            return Ok((v, i));
        }
        let v = if is_float {
            Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else if let Ok(n) = text.parse::<i64>() {
            Value::Int(n)
        } else {
            match crate::objects::int::parse_int(text, 10) {
                Some(b) => crate::objects::int::from_big(b),
                None => return Err(ScanError::Json("Expecting value", start)),
            }
        };
        Ok((v, i))
    }

    /// The string whose opening quote is at `begin - 1`: its text and the index after the
    /// closing quote.
    pub fn scan_string(&mut self, begin: usize) -> Scan<(PyStr, usize)> {
        let s = self.s;
        let quote = begin - 1;
        let mut out = PyStrBuilder::default();
        let mut escaped = false;
        let mut i = begin;
        loop {
            let chunk_start = i;
            i = self.chunk_end(i)?;
            if i >= s.len() {
                return Err(ScanError::Json("Unterminated string starting at", quote));
            }
            if !escaped && s[i] == b'"' && self.lone.is_empty() {
                // The common case: no escapes at all.
                let text = String::from_utf8_lossy(&s[chunk_start..i]).into_owned();
                return Ok((PyStr::new(text), i + 1));
            }
            // Chunks end at an ASCII byte, so each is whole UTF-8 when the document is.
            self.push_chunk(&mut out, chunk_start, i);
            if s[i] == b'"' {
                return Ok((out.finish(), i + 1));
            }
            // A backslash.
            escaped = true;
            i += 1;
            let Some(esc) = self.at(i) else {
                return Err(ScanError::Json("Unterminated string starting at", quote));
            };
            if esc != b'u' {
                let c = match esc {
                    b'"' => b'"',
                    b'\\' => b'\\',
                    b'/' => b'/',
                    b'b' => 8,
                    b'f' => 12,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    _ => return Err(ScanError::Json("Invalid \\escape", i - 1)),
                };
                out.push(char::from(c));
                i += 1;
                continue;
            }
            i += 1;
            let mut code = self.hex4(i)?;
            i += 4;
            if (0xd800..0xdc00).contains(&code)
                && self.at(i) == Some(b'\\')
                && self.at(i + 1) == Some(b'u')
            {
                let low = self.hex4(i + 2)?;
                if (0xdc00..0xe000).contains(&low) {
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00));
                    i += 6;
                }
            }
            // A lone surrogate stays one, as in CPython.
            out.push_point(code);
        }
    }

    /// The index of the first `"` or `\\` at or after `i` (the document's length if none);
    /// a control character before it is an error in strict mode.
    fn chunk_end(&self, i: usize) -> Scan<usize> {
        let end = memchr::memchr2(b'"', b'\\', &self.s[i..]).map_or(self.s.len(), |k| i + k);
        if self.hooks.strict {
            if let Some(k) = self.s[i..end].iter().position(|&b| b <= 0x1f) {
                return Err(ScanError::Json("Invalid control character at", i + k));
            }
        }
        Ok(end)
    }

    /// An object's key whose opening quote is at `begin - 1`: the str and the index after
    /// the closing quote. A key without escapes is shared with its earlier occurrences.
    fn scan_key(&mut self, begin: usize) -> Scan<(Value, usize)> {
        let end = self.chunk_end(begin)?;
        // A document with lone surrogates takes the exact path: the memo's keys are its bytes.
        if self.s.get(end) != Some(&b'"') || !self.lone.is_empty() {
            let (key, next) = self.scan_string(begin)?;
            return Ok((Value::from_pystr(key), next));
        }
        let raw = &self.s[begin..end];
        let key = match self.keys.get(raw) {
            Some(key) => key.clone(),
            None => {
                let key = Value::new_str(String::from_utf8_lossy(raw).into_owned());
                self.keys.insert(raw, key.clone());
                key
            }
        };
        Ok((key, end + 1))
    }

    /// Four hex digits at `i` (just after `\u`).
    fn hex4(&self, i: usize) -> Scan<u32> {
        if i + 4 > self.s.len() {
            return Err(ScanError::Json("Invalid \\uXXXX escape", i - 1));
        }
        let mut code = 0;
        for k in 0..4 {
            let d = (self.s[i + k] as char)
                .to_digit(16)
                .ok_or(ScanError::Json("Invalid \\uXXXX escape", i - 1))?;
            code = code * 16 + d;
        }
        Ok(code)
    }

    fn parse_object(&mut self, mut i: usize) -> Scan<(Value, usize)> {
        let use_pairs = !self.hooks.pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let mut dict = Dict::new();
        i = self.skip_ws(i);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    return Err(ScanError::Json(
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (key, next) = self.scan_key(i + 1)?;
                i = self.skip_ws(next);
                if self.at(i) != Some(b':') {
                    return Err(ScanError::Json("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (value, next) = self.scan_once(i)?;
                if use_pairs {
                    pairs.push(Value::new_tuple(vec![key, value]));
                } else {
                    dict.insert(key, value);
                }
                i = self.skip_ws(next);
                if self.at(i) == Some(b'}') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(ScanError::Json("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if use_pairs {
            let hook = self.hooks.pairs_hook.clone();
            let v = call_value(self.ts, &hook, &[Value::new_list(pairs)], &[])?;
            return Ok((v, end));
        }
        let d = Value::new_dict(dict);
        if self.hooks.object_hook.is_none() {
            return Ok((d, end));
        }
        let hook = self.hooks.object_hook.clone();
        Ok((call_value(self.ts, &hook, &[d], &[])?, end))
    }

    fn parse_array(&mut self, mut i: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        i = self.skip_ws(i);
        if self.at(i) != Some(b']') {
            loop {
                let (value, next) = self.scan_once(i)?;
                items.push(value);
                i = self.skip_ws(next);
                if self.at(i) == Some(b']') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(ScanError::Json("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((
            Value::Obj(ObjRef::new(Obj::List(RefCell::new(items)))),
            i + 1,
        ))
    }
}

/// The byte offset of character index `chars` in `text` (its length if past the end).
pub fn byte_of_char(text: &str, chars: usize) -> usize {
    if text.is_ascii() {
        return chars.min(text.len());
    }
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// The character index of byte offset `byte` in `text`.
pub fn char_of_byte(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    if text.is_ascii() {
        return byte;
    }
    text.as_bytes()[..byte]
        .iter()
        .filter(|b| (**b & 0xc0) != 0x80)
        .count()
}
