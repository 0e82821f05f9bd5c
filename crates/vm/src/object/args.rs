//! Argument checking for native functions, with CPython's messages.

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::function::Args;

/// Checks the positional count and that no keywords were passed.
pub fn positional<'a>(
    ts: &ThreadState,
    name: &str,
    args: &'a Args,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !args.kwnames.is_empty() {
        return Err(ts.type_error(format!("{name}() takes no keyword arguments")));
    }
    count(ts, name, args.pos.len(), min, max)?;
    Ok(args.pos)
}

pub fn count(ts: &ThreadState, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    Err(ts.type_error(msg))
}

/// The optional parameters `names` of a native function `name`, each given by position or
/// by name, as CPython's `PyArg_ParseTupleAndKeywords` takes them (`"|OO:name"`), with its
/// messages; `None` for one not given.
pub fn optional_params<'a, const N: usize>(
    ts: &ThreadState,
    name: &str,
    args: &'a Args,
    names: [&str; N],
) -> PyResult<[Option<&'a Value>; N]> {
    let n = args.pos.len() + args.kwnames.len();
    if n > N {
        return Err(ts.type_error(format!(
            "{name}() takes at most {N} argument{} ({n} given)",
            if N == 1 { "" } else { "s" }
        )));
    }
    let mut given: [Option<&Value>; N] = std::array::from_fn(|i| args.pos.get(i));
    for (key, v) in args.kwnames.iter().zip(args.kwvals) {
        let key = key.as_str().map_or("", |s| s.as_str());
        let Some(slot) = names.iter().position(|&p| p == key) else {
            return Err(ts.type_error(format!(
                "'{key}' is an invalid keyword argument for {name}()"
            )));
        };
        if given[slot].is_some() {
            return Err(ts.type_error(format!(
                "argument for {name}() given by name ('{key}') and position ({})",
                slot + 1
            )));
        }
        given[slot] = Some(v);
    }
    Ok(given)
}

/// An `int` argument (bools count), as `i64`.
pub fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => Err(ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
        // An instance of an `int` subclass (an `IntEnum` member): its int value.
        Value::Obj(o) if int_subclass_value(o).is_some() => {
            int_arg(ts, &int_subclass_value(o).unwrap_or(Value::None))
        }
        _ => Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ts, v)
        ))),
    }
}

/// The `int` an instance of an `int` subclass wraps.
pub fn int_subclass_value(o: &crate::object::value::ObjRef) -> Option<Value> {
    let Obj::Instance(inst) = &**o else {
        return None;
    };
    let base = inst.base();
    match &base {
        Value::Int(_) | Value::Bool(_) => Some(base.clone()),
        Value::Obj(b) if matches!(&**b, Obj::BigInt(_)) => Some(base.clone()),
        _ => None,
    }
}

/// An `int` argument that CPython reads as a C `int` (`expandtabs`' tab size, a `%*` width).
pub fn c_int_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let too_large = || {
        ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    match v {
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => Err(too_large()),
        _ => i32::try_from(int_arg(ts, v)?).map_err(|_| too_large()),
    }
}

pub fn str_arg<'a>(ts: &ThreadState, v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str()
        .map(|s| s.as_str())
        .ok_or_else(|| ts.type_error(format!("{what} must be str, not {}", type_name(ts, v))))
}
