//! `float.hex()` and `float.fromhex(text)`: CPython's `float_hex` and `float_fromhex`, with
//! the same format, the same round-half-even and the same errors.

use crate::interp::thread_state::ThreadState;
use crate::object::args::positional;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::function::Args;

const MANT_DIG: i64 = 53;
const MIN_EXP: i64 = -1021;
const MAX_EXP: i64 = 1024;

/// `float.hex()`: `[-]0xh.hhhhhhhhhhhhhp±e`, normals with a leading 1, subnormals with a 0.
pub fn float_hex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    positional(ts, "float.hex", args, 0, 0)?;
    let x = match this {
        Value::Float(x) => *x,
        _ => {
            return Err(ts.type_error(format!(
                "descriptor 'hex' for 'float' objects doesn't apply to a '{}' object",
                crate::object::class_of::type_name(ts, this)
            )))
        }
    };
    Ok(Value::new_str(hex_text(x)))
}

fn hex_text(x: f64) -> String {
    if !x.is_finite() {
        return crate::objects::float::float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let mantissa = bits & ((1 << 52) - 1);
    let (lead, exp) = match (bits >> 52) & 0x7ff {
        0 => (0, -1022),
        e => (1, e as i64 - 1023),
    };
    format!("{sign}0x{lead}.{mantissa:013x}p{exp:+}")
}

/// `float.fromhex(text)`: reached unbound, so the text arrives as `this`.
pub fn float_fromhex(ts: &mut ThreadState, this: &Value, args: &Args) -> PyResult {
    let text = match (this.as_str(), args.pos.first()) {
        (Some(s), None) => s.as_str().to_string(),
        (Some(_), Some(_)) => {
            return Err(ts.type_error(format!(
                "float.fromhex() takes exactly one argument ({} given)",
                args.pos.len() + 1
            )))
        }
        (None, Some(v)) if args.pos.len() == 1 => match v.as_str() {
            Some(s) => s.as_str().to_string(),
            None => return Err(ts.type_error("bad argument type for built-in operation")),
        },
        // `(1.5).fromhex()`: bound to a float, with no text.
        (None, _) if matches!(this, Value::Float(_)) => {
            return Err(ts.type_error(format!(
                "float.fromhex() takes exactly one argument ({} given)",
                args.pos.len()
            )))
        }
        (None, _) => return Err(ts.type_error("bad argument type for built-in operation")),
    };
    match from_hex(text.as_bytes()) {
        Ok(x) => Ok(Value::Float(x)),
        Err(HexError::Invalid) => Err(ts.value_error("invalid hexadecimal floating-point string")),
        Err(HexError::TooLong) => Err(ts.value_error("hexadecimal string too long to convert")),
        Err(HexError::Overflow) => Err(ts.new_exc(
            ExcKind::OverflowError,
            "hexadecimal value too large to represent as a float",
        )),
    }
}

#[derive(Debug, PartialEq)]
enum HexError {
    Invalid,
    TooLong,
    Overflow,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// CPython's `_Py_parse_inf_or_nan`: the value and the bytes it used (0 when none).
fn inf_or_nan(s: &[u8]) -> (f64, usize) {
    let (negative, start) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let rest = &s[start..];
    let starts =
        |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let (x, used) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        return (0.0, 0);
    };
    (if negative { -x } else { x }, start + used)
}

/// The parse of `float_fromhex`, over the text's UTF-8 bytes.
fn from_hex(s: &[u8]) -> Result<f64, HexError> {
    let mut i = s.iter().take_while(|b| is_space(**b)).count();
    let (special, used) = inf_or_nan(&s[i..]);
    let x = if used > 0 {
        i += used;
        special
    } else {
        let (x, end) = finite_from_hex(s, i)?;
        i = end;
        x
    };
    i += s[i..].iter().take_while(|b| is_space(**b)).count();
    if i != s.len() {
        return Err(HexError::Invalid);
    }
    Ok(x)
}

/// The finite number at `s[i..]`: its value and where it ends.
fn finite_from_hex(s: &[u8], mut i: usize) -> Result<(f64, usize), HexError> {
    let at = |j: usize| s.get(j).copied().unwrap_or(0);
    let negative = match at(i) {
        b'-' => {
            i += 1;
            true
        }
        b'+' => {
            i += 1;
            false
        }
        _ => false,
    };
    if at(i) == b'0' && matches!(at(i + 1), b'x' | b'X') {
        i += 2;
    }
    // The coefficient's digits, most significant first, without the point.
    let mut digits: Vec<u8> = Vec::new();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    while let Some(d) = hex(at(i)) {
        digits.push(d);
        i += 1;
    }
    let mut fraction_digits = 0i64;
    if at(i) == b'.' {
        i += 1;
        while let Some(d) = hex(at(i)) {
            digits.push(d);
            fraction_digits += 1;
            i += 1;
        }
    }
    if digits.is_empty() {
        return Err(HexError::Invalid);
    }
    // CPython's limit, so that the exponent arithmetic below cannot overflow a C long.
    let limit = (MIN_EXP - MANT_DIG - i64::MIN / 2).min(i64::MAX / 2 + 1 - MAX_EXP) / 4;
    if digits.len() as i64 > limit {
        return Err(HexError::TooLong);
    }
    let mut exp = 0i64;
    if matches!(at(i), b'p' | b'P') {
        i += 1;
        let start = i;
        if matches!(at(i), b'-' | b'+') {
            i += 1;
        }
        if !at(i).is_ascii_digit() {
            return Err(HexError::Invalid);
        }
        while at(i).is_ascii_digit() {
            i += 1;
        }
        // `strtol`: saturating at the bounds of a long.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("0");
        exp = text.parse::<i64>().unwrap_or(if text.starts_with('-') {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    let magnitude = scale(&digits, exp, fraction_digits)?;
    Ok((if negative { -magnitude } else { magnitude }, i))
}

/// The value of the hex digits (most significant first) times `2**exp / 16**fraction_digits`,
/// rounded half-even to a double as CPython does.
fn scale(digits: &[u8], exp: i64, fraction_digits: i64) -> Result<f64, HexError> {
    let leading_zeros = digits.iter().take_while(|d| **d == 0).count();
    let digits = &digits[leading_zeros..];
    let ndigits = digits.len() as i64;
    // The digit `j` places from the least significant end.
    let digit = |j: i64| digits[(ndigits - 1 - j) as usize] as i64;
    if ndigits == 0 || exp < i64::MIN / 2 {
        return Ok(0.0);
    }
    if exp > i64::MAX / 2 {
        return Err(HexError::Overflow);
    }
    let exp = exp - 4 * fraction_digits;
    let top_bits = 64 - (digit(ndigits - 1) as u64).leading_zeros() as i64;
    let top_exp = exp + 4 * (ndigits - 1) + top_bits;
    if top_exp < MIN_EXP - MANT_DIG {
        return Ok(0.0);
    }
    if top_exp > MAX_EXP {
        return Err(HexError::Overflow);
    }
    let lsb = top_exp.max(MIN_EXP) - MANT_DIG;
    let mut x = 0.0f64;
    if exp >= lsb {
        // Exactly representable: no rounding.
        for j in (0..ndigits).rev() {
            x = 16.0 * x + digit(j) as f64;
        }
        return Ok(ldexp(x, exp));
    }
    let half_eps = 1i64 << ((lsb - exp - 1) % 4);
    let key_digit = (lsb - exp - 1) / 4;
    for j in (key_digit + 1..ndigits).rev() {
        x = 16.0 * x + digit(j) as f64;
    }
    let key = digit(key_digit);
    x = 16.0 * x + (key & (16 - 2 * half_eps)) as f64;
    if key & half_eps != 0 {
        let odd_above = half_eps == 8 && key_digit + 1 < ndigits && digit(key_digit + 1) & 1 != 0;
        let round_up =
            key & (3 * half_eps - 1) != 0 || odd_above || (0..key_digit).any(|j| digit(j) != 0);
        if round_up {
            x += 2.0 * half_eps as f64;
            if top_exp == MAX_EXP && x == ldexp(2.0 * half_eps as f64, MANT_DIG) {
                return Err(HexError::Overflow);
            }
        }
    }
    Ok(ldexp(x, exp + 4 * key_digit))
}

/// `x * 2**e`, exact wherever the result is representable (in steps, so that no intermediate
/// product leaves the range of doubles while the result is inside it).
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    let power = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    while e > 1000 && x.is_finite() {
        x *= power(1000);
        e -= 1000;
    }
    while e < -1000 && x != 0.0 {
        x *= power(-1000);
        e += 1000;
    }
    if e.abs() > 1000 {
        return x;
    }
    x * power(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rounds_half_even() {
        for x in [
            1.0,
            -1.5,
            0.1,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            std::f64::consts::PI,
        ] {
            assert_eq!(from_hex(hex_text(x).as_bytes()), Ok(x));
        }
        assert_eq!(hex_text(5e-324), "0x0.0000000000001p-1022");
        // Half-way between 1 and the next double: ties to even (down), above it: up.
        assert_eq!(from_hex(b"0x1.00000000000008"), Ok(1.0));
        assert_eq!(
            from_hex(b"0x1.00000000000018"),
            Ok(1.0 + 2.0 * f64::EPSILON)
        );
        assert_eq!(from_hex(b"0x1.000000000000081"), Ok(1.0 + f64::EPSILON));
        assert_eq!(from_hex(b"0x1p1024"), Err(HexError::Overflow));
        assert_eq!(from_hex(b"0x.fffffffffffffcp1024"), Err(HexError::Overflow));
        assert_eq!(from_hex(b"0x1p-1075"), Ok(0.0));
        assert_eq!(from_hex(b"0x1.8p-1074"), Ok(1e-323));
        assert_eq!(
            from_hex(b"0x1p99999999999999999999"),
            Err(HexError::Overflow)
        );
        assert_eq!(from_hex(b"-0x1p-99999999999999999999"), Ok(-0.0));
    }
}
