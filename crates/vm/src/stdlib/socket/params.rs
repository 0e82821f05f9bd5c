//! Argument helpers of the socket methods: named parameters with defaults, bytes-like data,
//! timeouts.

use std::time::Duration;

use crate::interp::thread_state::ThreadState;
use crate::object::args::int_arg;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::Args;

/// Binds `args` to the parameters `names` (positionally, then by keyword); the first
/// `required` must be given. Missing optional ones are `None` in the result.
pub fn bind<'a>(
    ts: &ThreadState,
    func: &str,
    args: &'a Args,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<&'a Value>>> {
    if args.pos.len() > names.len() {
        return Err(ts.type_error(format!(
            "{func}() takes at most {} arguments ({} given)",
            names.len(),
            args.pos.len()
        )));
    }
    let mut bound: Vec<Option<&Value>> = names.iter().map(|_| None).collect();
    for (slot, v) in bound.iter_mut().zip(args.pos) {
        *slot = Some(v);
    }
    for (key, v) in args.kwnames.iter().zip(args.kwvals) {
        let key = key.as_str().map_or("", |k| k.as_str());
        let Some(i) = names.iter().position(|n| *n == key) else {
            return Err(ts.type_error(format!(
                "{func}() got an unexpected keyword argument '{key}'"
            )));
        };
        if bound[i].replace(v).is_some() {
            return Err(ts.type_error(format!(
                "argument for {func}() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
    }
    if let Some(missing) = bound[..required].iter().position(Option::is_none) {
        return Err(ts.type_error(format!(
            "{func}() missing required argument '{}' (pos {})",
            names[missing],
            missing + 1
        )));
    }
    Ok(bound)
}

/// An optional int parameter with its default.
pub fn int_or(ts: &ThreadState, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) if !v.is_none() => int_arg(ts, v),
        _ => Ok(default),
    }
}

/// The contents of a bytes-like argument.
pub fn bytes_arg<'a>(ts: &ThreadState, v: &'a Value) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    match v.obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Ok(std::borrow::Cow::Borrowed(b)),
        _ => crate::objects::bytes::methods::bytes_data(v)
            .map(std::borrow::Cow::Owned)
            .ok_or_else(|| {
                ts.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(ts, v)
                ))
            }),
    }
}

/// A timeout in seconds: `None` (block) or a non-negative number.
pub fn timeout_arg(ts: &ThreadState, v: &Value) -> PyResult<Option<Duration>> {
    let secs = match v {
        Value::None => return Ok(None),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::Float(f) => *f,
        _ => {
            return Err(ts.type_error(format!(
                "'{}' object cannot be interpreted as an integer or float",
                type_name(ts, v)
            )))
        }
    };
    if !(0.0..=1e9).contains(&secs) {
        return Err(ts.value_error("Timeout value out of range"));
    }
    Ok(Some(Duration::from_secs_f64(secs)))
}

/// The Python form of a timeout (`gettimeout()`).
pub fn timeout_value(timeout: Option<Duration>) -> Value {
    timeout.map_or(Value::None, |t| Value::Float(t.as_secs_f64()))
}

/// A host name argument.
pub fn host_arg(ts: &ThreadState, v: &Value) -> PyResult<String> {
    v.as_str().map(|s| s.as_str().to_string()).ok_or_else(|| {
        ts.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            type_name(ts, v)
        ))
    })
}
