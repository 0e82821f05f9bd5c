//! Operators on `bytes` and `bytearray`: `+`, `*`, `+=`, `*=` and ordering, where either
//! operand may be of either type (the result takes the left operand's type).

use std::cmp::Ordering;

use crate::interp::thread_state::ThreadState;
use crate::object::class_of::type_name;
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytearray, new_bytes};
use crate::objects::int::to_big;
use gilvm_compiler::bytecode::BinaryOperator as B;

fn is_bytearray(v: &Value) -> bool {
    matches!(v.obj().map(|o| &**o), Some(Obj::ByteArray(_)))
}

fn repeat(v: &Value) -> Option<usize> {
    match v {
        Value::Bool(_) => None,
        _ => to_big(v).map(|n| usize::try_from(n).unwrap_or(0)),
    }
}

/// `a + b` / `a * n` with a bytes-like `a`; `None` when the operator does not apply.
pub fn binary(ts: &ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(left) = bytes_data(a) else {
        return Ok(None);
    };
    let out = match op {
        B::Add => {
            let Some(right) = bytes_data(b) else {
                return Err(ts.type_error(format!(
                    "can't concat {} to {}",
                    type_name(ts, b),
                    type_name(ts, a)
                )));
            };
            [left, right].concat()
        }
        B::Multiply => match repeat(b) {
            Some(n) => left.repeat(n),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    Ok(Some(if is_bytearray(a) {
        new_bytearray(out)
    } else {
        new_bytes(out)
    }))
}

/// `ba += b` / `ba *= n`, mutating the bytearray in place.
pub fn inplace(ts: &ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(Obj::ByteArray(cell)) = a.obj().map(|o| &**o) else {
        return Ok(None);
    };
    let Some(Value::Obj(result)) = binary(ts, op, a, b)? else {
        return Ok(None);
    };
    if let Obj::ByteArray(new) = &*result {
        let data = std::mem::take(&mut *new.borrow_mut());
        *cell.borrow_mut() = data;
    }
    Ok(Some(a.clone()))
}

/// The ordering of two bytes-like values.
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    Some(bytes_data(a)?.cmp(&bytes_data(b)?))
}
