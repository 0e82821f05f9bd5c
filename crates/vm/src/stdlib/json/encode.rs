//! The JSON encoder (CPython's `c_make_encoder` and `_make_iterencode` in one): writes the whole
//! document into one `String`, calling `default` for values it does not know.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::float::float_repr;
use crate::objects::str::{Lone, PyStr};
use crate::protocol::call::call_value;

pub struct Encoder<'t> {
    pub ts: &'t mut ThreadState,
    pub indent: Option<String>,
    pub key_sep: String,
    pub item_sep: String,
    pub sort_keys: bool,
    pub ensure_ascii: bool,
    pub allow_nan: bool,
    pub skipkeys: bool,
    pub check_circular: bool,
    pub default: Value,
    pub out: String,
    /// The lone surrogates written into `out` as themselves (without `ensure_ascii`).
    pub lone: Vec<Lone>,
    markers: Vec<usize>,
    depth: usize,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Appends `s` as a JSON string literal; a lone surrogate is written as its `\\u` escape
/// with `ensure_ascii`, else as itself (recorded in `lone`: see [`PyStr::with_lone`]).
pub fn write_str(out: &mut String, lone: &mut Vec<Lone>, s: &PyStr, ensure_ascii: bool) {
    out.push('"');
    for (run, surrogate) in s.runs() {
        write_body(out, run, ensure_ascii);
        match surrogate {
            Some(point) if ensure_ascii => push_u(out, point),
            Some(point) => {
                lone.push(Lone::new(out.len(), point));
                out.push(char::REPLACEMENT_CHARACTER);
            }
            None => {}
        }
    }
    out.push('"');
}

/// Appends the body of a JSON string literal: `s` with what JSON needs escaped.
fn write_body(out: &mut String, s: &str, ensure_ascii: bool) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let plain = if ensure_ascii {
            (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\'
        } else {
            b >= 0x20 && b != b'"' && b != b'\\'
        };
        if plain {
            continue;
        }
        if b >= 0x80 {
            // Non-ASCII (only with ensure_ascii): handled per character below.
            if (b & 0xc0) == 0x80 {
                continue;
            }
        }
        out.push_str(&s[start..i]);
        if b >= 0x80 {
            let ch = s[i..].chars().next().unwrap_or('\u{fffd}');
            let code = ch as u32;
            start = i + ch.len_utf8();
            if code >= 0x10000 {
                let v = code - 0x10000;
                push_u(out, 0xd800 | ((v >> 10) & 0x3ff));
                push_u(out, 0xdc00 | (v & 0x3ff));
            } else {
                push_u(out, code);
            }
            continue;
        }
        start = i + 1;
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            8 => out.push_str("\\b"),
            12 => out.push_str("\\f"),
            _ => push_u(out, b as u32),
        }
    }
    out.push_str(&s[start..]);
}

fn push_u(out: &mut String, code: u32) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((code >> shift) & 0xf) as usize] as char);
    }
}

impl<'t> Encoder<'t> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        ts: &'t mut ThreadState,
        indent: Option<String>,
        key_sep: String,
        item_sep: String,
        sort_keys: bool,
        ensure_ascii: bool,
        allow_nan: bool,
        skipkeys: bool,
        check_circular: bool,
        default: Value,
    ) -> Self {
        Encoder {
            ts,
            indent,
            key_sep,
            item_sep,
            sort_keys,
            ensure_ascii,
            allow_nan,
            skipkeys,
            check_circular,
            default,
            out: String::new(),
            lone: Vec::new(),
            markers: Vec::new(),
            depth: 0,
        }
    }

    fn float(&mut self, f: f64) -> PyResult<()> {
        if f.is_finite() {
            self.out.push_str(&float_repr(f));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(self
                .ts
                .value_error("Out of range float values are not JSON compliant"));
        }
        self.out.push_str(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    fn newline(&mut self) {
        if let Some(indent) = &self.indent {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str(indent);
            }
        }
    }

    fn enter(&mut self, o: &ObjRef) -> PyResult<()> {
        if self.check_circular {
            let id = o.id();
            if self.markers.contains(&id) {
                return Err(self.ts.value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        self.ts.enter_native()
    }

    fn leave(&mut self) {
        if self.check_circular {
            self.markers.pop();
        }
        self.ts.leave_native();
    }

    pub fn encode(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => {
                use std::fmt::Write;
                let _ = write!(self.out, "{i}");
            }
            Value::Float(f) => self.float(*f)?,
            Value::Obj(o) => match &**o {
                Obj::Str(s) => write_str(&mut self.out, &mut self.lone, s, self.ensure_ascii),
                Obj::BigInt(b) => self.out.push_str(&b.to_string()),
                Obj::List(items) => {
                    let items = items.borrow().clone();
                    self.array(o, &items)?;
                }
                Obj::Tuple(items) => self.array(o, items)?,
                Obj::Dict(_) => self.dict(o, o)?,
                Obj::Instance(inst) => {
                    let base = inst.base();
                    if matches!(base, Value::Int(_) | Value::Float(_)) {
                        // An int or float subclass: the number's own repr, as CPython's.
                        return self.encode(&base);
                    }
                    match base.obj().map(|b| &**b) {
                        Some(Obj::BigInt(b)) => self.out.push_str(&b.to_string()),
                        Some(Obj::Dict(_)) => self.dict(o, base.obj().unwrap_or(o))?,
                        Some(Obj::List(items)) => {
                            let items = items.borrow().clone();
                            self.array(o, &items)?;
                        }
                        Some(Obj::Tuple(items)) => self.array(o, items)?,
                        Some(Obj::Str(s)) => {
                            write_str(&mut self.out, &mut self.lone, s, self.ensure_ascii)
                        }
                        _ => self.other(o, v)?,
                    }
                }
                _ => self.other(o, v)?,
            },
            Value::Null => self.out.push_str("null"),
        }
        Ok(())
    }

    fn other(&mut self, o: &ObjRef, v: &Value) -> PyResult<()> {
        self.enter(o)?;
        let default = self.default.clone();
        let r = call_value(self.ts, &default, std::slice::from_ref(v), &[])
            .and_then(|new| self.encode(&new));
        self.leave();
        r
    }

    fn array(&mut self, o: &ObjRef, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(o)?;
        self.out.push('[');
        self.depth += 1;
        self.newline();
        let mut r = Ok(());
        for (k, item) in items.iter().enumerate() {
            if k > 0 {
                let sep = std::mem::take(&mut self.item_sep);
                self.out.push_str(&sep);
                self.item_sep = sep;
                self.newline();
            }
            r = self.encode(item);
            if r.is_err() {
                break;
            }
        }
        self.depth -= 1;
        self.leave();
        r?;
        self.newline();
        self.out.push(']');
        Ok(())
    }

    fn key(&mut self, k: &Value) -> PyResult<Option<PyStr>> {
        Ok(Some(PyStr::new(match k {
            Value::Obj(o) => match &**o {
                Obj::Str(s) => return Ok(Some(s.substring(0, s.char_len()))),
                Obj::BigInt(b) => b.to_string(),
                _ => return self.bad_key(k),
            },
            Value::Int(i) => i.to_string(),
            Value::Float(f) => {
                let start = self.out.len();
                self.float(*f)?;
                self.out.split_off(start)
            }
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Null => return self.bad_key(k),
        })))
    }

    fn bad_key(&mut self, k: &Value) -> PyResult<Option<PyStr>> {
        if self.skipkeys {
            return Ok(None);
        }
        Err(self.ts.type_error(format!(
            "keys must be str, int, float, bool or None, not {}",
            type_name(self.ts, k)
        )))
    }

    fn dict(&mut self, o: &ObjRef, d: &ObjRef) -> PyResult<()> {
        let Obj::Dict(cell) = &**d else {
            return Ok(());
        };
        let mut pairs: Vec<(Value, Value)> = cell
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if pairs.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(o)?;
        let r = self.dict_body(&mut pairs);
        self.leave();
        r
    }

    fn dict_body(&mut self, pairs: &mut [(Value, Value)]) -> PyResult<()> {
        if self.sort_keys {
            self.sort(pairs)?;
        }
        self.out.push('{');
        self.depth += 1;
        self.newline();
        let mut first = true;
        for (k, v) in pairs.iter() {
            let Some(key) = self.key(k)? else {
                continue;
            };
            if !first {
                let sep = std::mem::take(&mut self.item_sep);
                self.out.push_str(&sep);
                self.item_sep = sep;
                self.newline();
            }
            first = false;
            write_str(&mut self.out, &mut self.lone, &key, self.ensure_ascii);
            let sep = std::mem::take(&mut self.key_sep);
            self.out.push_str(&sep);
            self.key_sep = sep;
            self.encode(v)?;
        }
        self.depth -= 1;
        self.newline();
        self.out.push('}');
        Ok(())
    }

    /// `sorted(dct.items())`: plain str keys are sorted here, anything else by Python's `<`.
    fn sort(&mut self, pairs: &mut [(Value, Value)]) -> PyResult<()> {
        if pairs.iter().all(|(k, _)| k.as_str().is_some()) {
            pairs.sort_by(|a, b| {
                let (a, b) = (a.0.as_str(), b.0.as_str());
                a.map(|s| s.as_str()).cmp(&b.map(|s| s.as_str()))
            });
            return Ok(());
        }
        let mut error = None;
        // Insertion sort with Python comparisons (the keys are unique, so values are never
        // compared), stopping at the first error as `sorted` does.
        for i in 1..pairs.len() {
            let mut j = i;
            while j > 0 {
                match crate::protocol::ops::less_than(self.ts, &pairs[j].0, &pairs[j - 1].0) {
                    Ok(true) => {
                        pairs.swap(j, j - 1);
                        j -= 1;
                    }
                    Ok(false) => break,
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                }
            }
            if error.is_some() {
                break;
            }
        }
        match error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}
