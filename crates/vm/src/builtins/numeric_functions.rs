//! Numeric built-ins: `abs`, `divmod`, `pow`, `round`, `chr`, `ord`, `hex`, `oct`, `bin`.

use crate::objects::complex::complex_of;
use gilvm_compiler::bytecode::BinaryOperator as B;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, Zero};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::names::Dunder;
use crate::object::value::Value;
use crate::objects::function::Args;
use crate::objects::int::{big_to_f64, from_big, is_int, to_base_string, to_big};
use crate::objects::str::PyStr;
use crate::protocol::ops;

pub fn abs(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "abs", args, 1, 1)?;
    match &a[0] {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Int(i) if *i != i64::MIN => Ok(Value::Int(i.abs())),
        v if is_int(v) => Ok(from_big(to_big(v).unwrap_or_default().abs())),
        v if complex_of(v).is_some() => complex_of(v)
            .and_then(|c| c.checked_abs())
            .map(Value::Float)
            .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "absolute value too large")),
        v => crate::protocol::class::unary_dunder(ts, v, Dunder::Abs, "abs()", |ts, base| {
            abs(
                ts,
                &Value::None,
                &Args::new(std::slice::from_ref(base), &[]),
            )
        })
        .map_err(|e| {
            if ts.exc_matches(&e, ExcKind::TypeError) {
                ts.type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(ts, v)
                ))
            } else {
                e
            }
        }),
    }
}

pub fn divmod(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "divmod", args, 2, 2)?;
    if is_int(&a[0]) && is_int(&a[1]) && to_big(&a[1]).is_some_and(|b| b.is_zero()) {
        return Err(ts.zero_division("integer division or modulo by zero"));
    }
    let divisor_is_zero = match &a[1] {
        Value::Float(f) => *f == 0.0,
        v => to_big(v).is_some_and(|b| b.is_zero()),
    };
    if divisor_is_zero && matches!((&a[0], &a[1]), (Value::Float(_), _) | (_, Value::Float(_))) {
        return Err(ts.zero_division("float divmod()"));
    }
    if complex_of(&a[0]).is_some() || complex_of(&a[1]).is_some() {
        return Err(ts.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(ts, &a[0]),
            type_name(ts, &a[1])
        )));
    }
    let q = ops::binary_op(ts, B::FloorDivide, &a[0], &a[1])?;
    let r = ops::binary_op(ts, B::Remainder, &a[0], &a[1])?;
    Ok(Value::new_tuple(vec![q, r]))
}

/// The inverse of `a` modulo `m` (in `0..|m|`), when `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m_abs = m.abs();
    let e = a.mod_floor(&m_abs).extended_gcd(&m_abs);
    (e.gcd == BigInt::from(1)).then(|| e.x.mod_floor(&m_abs))
}

pub fn pow(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "pow", args, 2, 3)?;
    match a.get(2) {
        None | Some(Value::None) => ops::binary_op(ts, B::Power, &a[0], &a[1]),
        Some(m) => {
            let (Some(base), Some(exp), Some(modulus)) = (to_big(&a[0]), to_big(&a[1]), to_big(m))
            else {
                return Err(ts.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if modulus.is_zero() {
                return Err(ts.value_error("pow() 3rd argument cannot be 0"));
            }
            let (base, exp) = if exp.is_negative() {
                match mod_inverse(&base, &modulus) {
                    Some(inv) => (inv, -exp),
                    None => {
                        return Err(ts.value_error("base is not invertible for the given modulus"))
                    }
                }
            } else {
                (base, exp)
            };
            let r = base.modpow(&exp, &modulus);
            let r = if !r.is_zero() && r.is_negative() != modulus.is_negative() {
                r + &modulus
            } else {
                r
            };
            Ok(from_big(r))
        }
    }
}

pub fn round(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let ndigits = args
        .pos
        .get(1)
        .or(args.kw("ndigits"))
        .cloned()
        .unwrap_or(Value::None);
    let Some(x) = args.pos.first().or(args.kw("number")) else {
        return Err(ts.type_error("round() missing required argument 'number' (pos 1)"));
    };
    match (x, &ndigits) {
        (Value::Float(f), Value::None) => {
            if f.is_nan() {
                return Err(ts.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(ts.new_exc(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                ));
            }
            let r = f.round_ties_even();
            Ok(crate::objects::constructors::float_to_int(ts, r)?)
        }
        (Value::Float(f), n) => {
            let n = int_arg(ts, n)?;
            if !f.is_finite() {
                return Ok(Value::Float(*f));
            }
            // CPython's `double_round` bounds: beyond them every digit is kept, or none.
            if n > 323 {
                return Ok(Value::Float(*f));
            }
            if n < -308 {
                return Ok(Value::Float(0.0 * f));
            }
            if n >= 0 {
                let text = format!("{:.*}", n as usize, f);
                Ok(Value::Float(text.parse().unwrap_or(*f)))
            } else if n < -308 {
                // As CPython: past 1e308 every float rounds to a zero of its sign.
                Ok(Value::Float(0.0 * f))
            } else {
                let r = round_to_tens(*f, (-n) as usize);
                r.map(Value::Float).ok_or_else(|| {
                    ts.new_exc(
                        ExcKind::OverflowError,
                        "rounded value too large to represent",
                    )
                })
            }
        }
        (v, Value::None) if is_int(v) => Ok(from_big(to_big(v).unwrap_or_default())),
        (v, n) if is_int(v) => {
            let n = int_arg(ts, n)?;
            if n >= 0 {
                return Ok(from_big(to_big(v).unwrap_or_default()));
            }
            let scale = num_traits::pow(BigInt::from(10), (-n) as usize);
            let big = to_big(v).unwrap_or_default();
            let (q, r) = num_integer::Integer::div_mod_floor(&big, &scale);
            let twice = &r * 2;
            let up = twice > scale || (twice == scale && num_integer::Integer::is_odd(&q));
            Ok(from_big((if up { q + 1 } else { q }) * scale))
        }
        (v, _) => match v
            .as_instance()
            .and_then(|i| crate::protocol::class::lookup_special(ts, i.class(), Dunder::Round))
        {
            Some(m) => {
                let mut call_args = vec![v.clone()];
                call_args.extend(Some(ndigits.clone()).filter(|n| !n.is_none()));
                crate::protocol::call::call_value(ts, &m, &call_args, &[])
            }
            // A subclass of int or float rounds as its base value does.
            None if crate::protocol::class::builtin_base(v).is_some() => {
                let base = crate::protocol::class::builtin_base(v).unwrap_or_default();
                round(ts, _this, &Args::new(&[base, ndigits], &[]))
            }
            None => Err(ts.type_error(format!(
                "type {} doesn't define __round__ method",
                type_name(ts, v)
            ))),
        },
    }
}

/// `x` rounded to a multiple of `10**k`, half to even, exactly (as CPython's `double_round`
/// through decimal digits): `x / 10**k` would round twice. `None`: beyond a double's range.
fn round_to_tens(x: f64, k: usize) -> Option<f64> {
    let whole = x.trunc();
    let has_fraction = whole != x;
    let magnitude = BigInt::from_f64(whole.abs())?;
    let scale = num_traits::pow(BigInt::from(10), k);
    let (q, r) = num_integer::Integer::div_rem(&magnitude, &scale);
    let twice = r * 2u32;
    let up =
        twice > scale || (twice == scale && (has_fraction || num_integer::Integer::is_odd(&q)));
    let rounded = if up { q + 1u32 } else { q } * scale;
    let r = big_to_f64(&rounded)?;
    Some(if x.is_sign_negative() { -r } else { r })
}

pub fn chr(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "chr", args, 1, 1)?;
    let i = int_arg(ts, &a[0])?;
    u32::try_from(i)
        .ok()
        .filter(|&p| p < 0x110000)
        .map(|p| Value::from_pystr(PyStr::from_code_points([p])))
        .ok_or_else(|| ts.value_error("chr() arg not in range(0x110000)"))
}

pub fn ord(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "ord", args, 1, 1)?;
    if let Some(b) = crate::objects::bytes::methods::bytes_data(&a[0]) {
        return match b.as_slice() {
            [byte] => Ok(Value::Int(*byte as i64)),
            _ => Err(ts.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
        };
    }
    match a[0].as_str() {
        Some(s) if s.char_len() == 1 => Ok(Value::Int(s.code_point_at(0) as i64)),
        Some(s) => Err(ts.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        None => Err(ts.type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(ts, &a[0])
        ))),
    }
}

fn radix(ts: &mut ThreadState, args: &Args, name: &str, radix: u32, prefix: &str) -> PyResult {
    let a = positional(ts, name, args, 1, 1)?;
    let n = crate::protocol::ops::index_of(ts, &a[0])?.unwrap_or_else(|| a[0].clone());
    match to_big(&n) {
        Some(b) => Ok(Value::new_str(to_base_string(&b, radix, prefix))),
        None => Err(ts.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(ts, &a[0])
        ))),
    }
}

pub fn hex(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    radix(ts, args, "hex", 16, "0x")
}

pub fn oct(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    radix(ts, args, "oct", 8, "0o")
}

pub fn bin(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    radix(ts, args, "bin", 2, "0b")
}

#[cfg(test)]
mod tests {
    use super::mod_inverse;
    use num_bigint::BigInt;

    #[test]
    fn modular_inverse_matches_cpython() {
        // pow(3, -1, 7) == 5 and pow(38, -1, 97) == 23 in CPython.
        assert_eq!(
            mod_inverse(&BigInt::from(3), &BigInt::from(7)),
            Some(BigInt::from(5))
        );
        assert_eq!(
            mod_inverse(&BigInt::from(38), &BigInt::from(97)),
            Some(BigInt::from(23))
        );
        assert_eq!(
            mod_inverse(&BigInt::from(-3), &BigInt::from(7)),
            Some(BigInt::from(2))
        );
        assert_eq!(mod_inverse(&BigInt::from(2), &BigInt::from(4)), None);
    }
}
