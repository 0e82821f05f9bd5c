//! Operators on `bytes` and `bytearray`: `+`, `*`, `+=`, `*=` and ordering, where either
//! operand may be of either type (the result takes the left operand's type).

use std::cmp::Ordering;

use crate::interp::thread_state::ThreadState;
use crate::object::alloc::{self, OrMemoryError};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytearray, new_bytes};
use crate::objects::int::to_big;
use gilvm_compiler::bytecode::BinaryOperator as B;

fn is_bytearray(v: &Value) -> bool {
    matches!(v.obj().map(|o| &**o), Some(Obj::ByteArray(_)))
}

/// The count of `b * n`: `None` when `n` is no int; CPython's `OverflowError` when it does not
/// fit an index.
fn repeat(ts: &ThreadState, v: &Value) -> PyResult<Option<usize>> {
    if matches!(v, Value::Bool(_)) {
        return Ok(None);
    }
    let Some(n) = to_big(v) else { return Ok(None) };
    let n = i64::try_from(n).map_err(|_| {
        ts.new_exc(
            ExcKind::OverflowError,
            "cannot fit 'int' into an index-sized integer",
        )
    })?;
    Ok(Some(n.max(0) as usize))
}

/// `left * n`: `bytes` raise CPython's `OverflowError` past `isize::MAX` bytes, both types
/// `MemoryError` when the machine cannot hold the result.
fn repeat_bytes(ts: &ThreadState, left: &[u8], n: usize, bytearray: bool) -> PyResult<Vec<u8>> {
    if !bytearray
        && left
            .len()
            .checked_mul(n)
            .is_none_or(|len| len > isize::MAX as usize)
    {
        return Err(ts.new_exc(ExcKind::OverflowError, "repeated bytes are too long"));
    }
    alloc::repeat_slice(left, n).or_memory_error(ts)
}

/// The contents of a bytes-like `v`, copied fallibly: the operands of `+` and `*` may be
/// most of memory.
fn bytes_copy(ts: &ThreadState, v: &Value) -> PyResult<Option<Vec<u8>>> {
    let copy = match v.obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => alloc::copy_of(b),
        Some(Obj::ByteArray(b)) => alloc::copy_of(&b.borrow()),
        _ => return Ok(None),
    };
    copy.map(Some).or_memory_error(ts)
}

/// `a + b` / `a * n` with a bytes-like `a`; `None` when the operator does not apply.
pub fn binary(ts: &ThreadState, op: B, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(left) = bytes_copy(ts, a)? else {
        return Ok(None);
    };
    let out = match op {
        B::Add => {
            // Any bytes-like right operand, a memoryview included, as in CPython.
            let right = match bytes_copy(ts, b)? {
                Some(right) => Some(right),
                None => bytes_data(b),
            };
            let Some(right) = right else {
                return Err(ts.type_error(format!(
                    "can't concat {} to {}",
                    type_name(ts, b),
                    type_name(ts, a)
                )));
            };
            alloc::concat_slices(&left, &right).or_memory_error(ts)?
        }
        B::Multiply => match repeat(ts, b)? {
            Some(n) => repeat_bytes(ts, &left, n, is_bytearray(a))?,
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
        if new.borrow().len() != cell.borrow().len() {
            cell.check_resizable(ts)?;
        }
        let data = std::mem::take(&mut *new.borrow_mut());
        *cell.borrow_mut() = data;
    }
    Ok(Some(a.clone()))
}

/// The ordering of two bytes-like values.
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    Some(bytes_data(a)?.cmp(&bytes_data(b)?))
}
