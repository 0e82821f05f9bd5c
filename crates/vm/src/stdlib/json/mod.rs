//! The `json` module: the scanner and the encoder are native (as CPython's `_json`
//! accelerator), the API (`dumps`, `loads`, `JSONEncoder`, `JSONDecoder`, `JSONDecodeError`)
//! is Python in `json.py`.

mod decode;
mod encode;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::objects::str::PyStr;
use decode::{byte_of_char, char_of_byte, is_ws, Hooks, ScanError, Scanner};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_scan", scan),
    ("_encode", encode),
    ("_encode_str", encode_str),
];

/// The str a str subclass's instance wraps (CPython's scanner and encoder take any str).
fn str_or_subclass(v: &Value) -> Value {
    crate::protocol::class::builtin_base(v).unwrap_or_else(|| v.clone())
}

fn flag(v: &Value) -> bool {
    !matches!(v, Value::Bool(false) | Value::None | Value::Int(0))
}

/// `_scan(s, idx, whole, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant)`: `(value, end)`, or `(None, msg, pos)` for a syntax error. With `whole`,
/// white space is skipped around the value and anything after it is "Extra data".
fn scan(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_scan", args, 9, 9)?;
    let source = str_or_subclass(&a[0]);
    let Some(text) = source.as_str() else {
        return Err(ts.type_error(format!(
            "first argument must be a string, not {}",
            type_name(ts, &a[0])
        )));
    };
    let lone = text.surrogates();
    let text = text.as_str();
    let idx = int_arg(ts, &a[1])?;
    if idx < 0 {
        return Err(ts.value_error("idx cannot be negative"));
    }
    let whole = flag(&a[2]);
    let hooks = Hooks {
        strict: flag(&a[3]),
        object_hook: a[4].clone(),
        pairs_hook: a[5].clone(),
        parse_float: a[6].clone(),
        parse_int: a[7].clone(),
        parse_constant: a[8].clone(),
    };
    let bytes = text.as_bytes();
    let mut start = byte_of_char(text, idx as usize);
    if whole {
        while start < bytes.len() && is_ws(bytes[start]) {
            start += 1;
        }
    }
    let mut scanner = Scanner::new(ts, bytes, lone, hooks);
    let result = scanner.scan_once(start).and_then(|(v, mut end)| {
        if whole {
            while end < bytes.len() && is_ws(bytes[end]) {
                end += 1;
            }
            if end != bytes.len() {
                return Err(ScanError::Json("Extra data", end));
            }
        }
        Ok((v, end))
    });
    match result {
        Ok((v, end)) => Ok(Value::new_tuple(vec![
            v,
            Value::Int(char_of_byte(text, end) as i64),
        ])),
        Err(ScanError::Py(e)) => Err(e),
        Err(ScanError::Json(msg, pos)) => Ok(Value::new_tuple(vec![
            Value::None,
            Value::new_str(msg),
            Value::Int(char_of_byte(text, pos) as i64),
        ])),
    }
}

/// `_encode(obj, indent, key_sep, item_sep, sort_keys, ensure_ascii, allow_nan, skipkeys,
/// check_circular, default)`: the whole document as one str.
fn encode(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_encode", args, 10, 10)?;
    let indent = match &a[1] {
        Value::None => None,
        v => Some(str_of(ts, v, "indent")?),
    };
    let key_sep = str_of(ts, &a[2], "key_separator")?;
    let item_sep = str_of(ts, &a[3], "item_separator")?;
    let mut enc = encode::Encoder::new(
        ts,
        indent,
        key_sep,
        item_sep,
        flag(&a[4]),
        flag(&a[5]),
        flag(&a[6]),
        flag(&a[7]),
        flag(&a[8]),
        a[9].clone(),
    );
    enc.encode(&a[0])?;
    Ok(Value::from_pystr(PyStr::with_lone(enc.out, enc.lone)))
}

fn str_of(ts: &ThreadState, v: &Value, what: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(ts.type_error(format!(
            "make_encoder() argument {what} must be str, not {}",
            type_name(ts, v)
        ))),
    }
}

/// `_encode_str(s, ensure_ascii)`: a str as a JSON string literal.
fn encode_str(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_encode_str", args, 2, 2)?;
    let source = str_or_subclass(&a[0]);
    let Some(s) = source.as_str() else {
        return Err(ts.type_error(format!(
            "first argument must be a string, not {}",
            type_name(ts, &a[0])
        )));
    };
    let mut out = String::with_capacity(s.as_str().len() + 2);
    let mut lone = Vec::new();
    encode::write_str(&mut out, &mut lone, s, flag(&a[1]));
    Ok(Value::from_pystr(PyStr::with_lone(out, lone)))
}
