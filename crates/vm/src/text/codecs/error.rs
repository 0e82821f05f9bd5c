//! `UnicodeEncodeError` / `UnicodeDecodeError` as CPython builds them: the message its
//! `__str__` gives, and the `encoding`, `object`, `start`, `end` and `reason` attributes.

use crate::interp::thread_state::ThreadState;
use crate::object::error::ExcKind;
use crate::object::value::{Obj, ObjRef, Value};

/// Where an encode or decode failed: `[start, end)` of the object, and why.
pub struct Failure<'a> {
    pub encoding: &'a str,
    pub start: usize,
    pub end: usize,
    pub reason: &'a str,
}

fn position(start: usize, end: usize) -> String {
    if end - start == 1 {
        format!("position {start}")
    } else {
        format!("position {start}-{}", end - 1)
    }
}

/// A code point as `UnicodeEncodeError.__str__` shows it: `\xe9`, `\ud800`, `\U0001f600`.
fn escaped(point: u32) -> String {
    let mut out = String::new();
    gilvm_compiler::repr::push_point_escape(&mut out, point);
    out
}

/// The `UnicodeEncodeError` of encoding `object` (whose code point at `start` is `first`).
pub fn encode_error(ts: &ThreadState, object: Value, first: u32, f: &Failure) -> ObjRef {
    let what = match f.end - f.start {
        1 => format!("character '{}'", escaped(first)),
        _ => "characters".to_string(),
    };
    let message = format!(
        "'{}' codec can't encode {what} in {}: {}",
        f.encoding,
        position(f.start, f.end),
        f.reason
    );
    with_attrs(ts, ExcKind::UnicodeEncodeError, message, object, f)
}

/// The `UnicodeDecodeError` of decoding `data`.
pub fn decode_error(ts: &ThreadState, data: &[u8], f: &Failure) -> ObjRef {
    with_attrs(
        ts,
        ExcKind::UnicodeDecodeError,
        decode_message(data, f),
        bytes_value(data),
        f,
    )
}

pub fn decode_message(data: &[u8], f: &Failure) -> String {
    let what = match f.end - f.start {
        1 => format!("byte {:#04x}", data[f.start]),
        _ => "bytes".to_string(),
    };
    format!(
        "'{}' codec can't decode {what} in {}: {}",
        f.encoding,
        position(f.start, f.end),
        f.reason
    )
}

fn bytes_value(data: &[u8]) -> Value {
    Value::Obj(ObjRef::new(Obj::Bytes(data.to_vec().into_boxed_slice())))
}

fn with_attrs(
    ts: &ThreadState,
    kind: ExcKind,
    message: String,
    object: Value,
    f: &Failure,
) -> ObjRef {
    let exc = ts.new_exc(kind, message);
    if let Obj::Instance(inst) = &*exc {
        let attrs = [
            ("encoding", Value::new_str(f.encoding)),
            ("object", object),
            ("start", Value::Int(f.start as i64)),
            ("end", Value::Int(f.end as i64)),
            ("reason", Value::new_str(f.reason)),
        ];
        for (name, value) in attrs {
            inst.set_attr_str(name, value);
        }
    }
    exc
}
