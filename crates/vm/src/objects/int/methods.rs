//! `int.to_bytes`, `int.from_bytes` and the `as_integer_ratio` of ints and floats.

use crate::object::alloc::{self, OrMemoryError};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Zero};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::function::Args;
use crate::objects::int::{from_big, to_big};

/// `little` → true, `big` → false.
fn little_endian(ts: &ThreadState, args: &Args, index: usize) -> PyResult<bool> {
    match args.pos.get(index).or_else(|| args.kw("byteorder")) {
        None => Ok(false),
        Some(v) => match str_arg(ts, v, "byteorder")? {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(ts.value_error("byteorder must be either 'little' or 'big'")),
        },
    }
}

fn signed(ts: &mut ThreadState, args: &Args) -> PyResult<bool> {
    match args.kw("signed") {
        Some(v) => crate::protocol::ops::truthy(ts, &v.clone()),
        None => Ok(false),
    }
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn to_bytes(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    crate::object::args::count(ts, "to_bytes", args.pos.len(), 0, 2)?;
    let length = match args.pos.first().or_else(|| args.kw("length")) {
        Some(v) => int_arg(ts, v)?,
        None => 1,
    };
    if length < 0 {
        return Err(ts.value_error("length argument must be non-negative"));
    }
    let little = little_endian(ts, args, 1)?;
    let signed = signed(ts, args)?;
    let n = to_big(this).unwrap_or_default();
    if n.sign() == Sign::Minus && !signed {
        return Err(ts.new_exc(
            ExcKind::OverflowError,
            "can't convert negative int to unsigned",
        ));
    }
    // The shortest little-endian form (two's complement when signed); zero needs no bytes.
    let mut bytes = match (n.is_zero(), signed) {
        (true, _) => Vec::new(),
        (false, true) => n.to_signed_bytes_le(),
        (false, false) => n.to_bytes_le().1,
    };
    let fill = if n.sign() == Sign::Minus { 0xff } else { 0 };
    if bytes.len() as i64 > length {
        return Err(ts.new_exc(ExcKind::OverflowError, "int too big to convert"));
    }
    let missing = length as usize - bytes.len();
    alloc::reserve(&mut bytes, missing).or_memory_error(ts)?;
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`: reached unbound, so the bytes
/// arrive as `this`.
pub fn from_bytes(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let mut data = bytes_arg(ts, this)?;
    let little = little_endian(ts, args, 0)?;
    if !little {
        data.reverse();
    }
    let n = if signed(ts, args)? {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    Ok(from_big(n))
}

pub fn int_as_integer_ratio(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "as_integer_ratio", args, 0, 0)?;
    let n = to_big(this).unwrap_or_default();
    Ok(Value::new_tuple(vec![from_big(n), Value::Int(1)]))
}

/// The exact `(numerator, denominator)` of a finite float, in lowest terms.
pub fn float_as_integer_ratio(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "as_integer_ratio", args, 0, 0)?;
    let Value::Float(x) = this else {
        return Err(ts.type_error("as_integer_ratio() needs a float"));
    };
    if x.is_nan() {
        return Err(ts.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(ts.new_exc(
            ExcKind::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mantissa, mut exp) = if *x == 0.0 {
        (0, 0)
    } else if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    while mantissa != 0 && mantissa & 1 == 0 && exp < 0 {
        mantissa >>= 1;
        exp += 1;
    }
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::one();
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    if x.is_sign_negative() {
        num = -num;
    }
    Ok(Value::new_tuple(vec![from_big(num), from_big(den)]))
}
