//! `int`: unboxed `i64` with promotion to a heap `BigInt` on overflow; results that fit go
//! back to `Value::Int`. Division and modulo use Python's floor semantics.

pub mod methods;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};

const HASH_MODULUS: i64 = (1 << 61) - 1;

/// CPython's hash of an int (so that `hash(2**61) == hash(1)` etc. and hash(-1) == -2).
pub fn hash_int(i: i64) -> i64 {
    let h = if i >= 0 {
        i % HASH_MODULUS
    } else {
        -((-(i as i128) % HASH_MODULUS as i128) as i64)
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Normalizes a bignum result: back to `Int` when it fits.
pub fn from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Obj(ObjRef::new(Obj::BigInt(b))),
    }
}

/// The integer value of an int or bool, as a bignum.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is an int (including bool).
pub fn is_int(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) => true,
        Value::Obj(o) => matches!(&**o, Obj::BigInt(_)),
        _ => false,
    }
}

pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    f.is_finite().then_some(f)
}

pub fn add(a: i64, b: i64) -> Value {
    match a.checked_add(b) {
        Some(r) => Value::Int(r),
        None => from_big(BigInt::from(a) + b),
    }
}

pub fn sub(a: i64, b: i64) -> Value {
    match a.checked_sub(b) {
        Some(r) => Value::Int(r),
        None => from_big(BigInt::from(a) - b),
    }
}

pub fn mul(a: i64, b: i64) -> Value {
    match a.checked_mul(b) {
        Some(r) => Value::Int(r),
        None => from_big(BigInt::from(a) * b),
    }
}

/// Floor division; `None` when dividing by zero.
pub fn floordiv(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    (!b.is_zero()).then(|| a.div_floor(b))
}

/// Modulo with the sign of the divisor; `None` when dividing by zero.
pub fn modulo(a: &BigInt, b: &BigInt) -> Option<BigInt> {
    (!b.is_zero()).then(|| a.mod_floor(b))
}

pub fn floordiv_small(a: i64, b: i64) -> Option<Value> {
    if b == 0 {
        return None;
    }
    Some(match a.checked_div_euclid(b) {
        Some(_) => Value::Int(Integer::div_floor(&a, &b)),
        None => from_big(BigInt::from(a).div_floor(&BigInt::from(b))),
    })
}

pub fn mod_small(a: i64, b: i64) -> Option<Value> {
    if b == 0 {
        return None;
    }
    Some(match a.checked_rem(b) {
        Some(_) => Value::Int(a.mod_floor(&b)),
        None => Value::Int(0),
    })
}

/// Converts to a bignum's text in base 2, 8, 10 or 16 with Python's prefix.
pub fn to_base_string(b: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = b.abs().to_str_radix(radix);
    if b.is_negative() {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}

/// Parses `int(text, base)` the way Python does (underscores between digits, optional sign,
/// optional prefix when it matches the base, base 0 meaning "from the prefix").
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    parse_int_limited(text, base, 0).ok()
}

/// Why `int(text)` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    Invalid,
    /// More decimal digits than the limit (CPython 3.11's `sys.set_int_max_str_digits`): the
    /// number of digits.
    TooManyDigits(usize),
}

/// CPython 3.11's default limit on decimal conversions of ints (`sys.int_info.default_max_str_digits`).
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The least limit `sys.set_int_max_str_digits` accepts (besides 0, no limit).
pub const MIN_MAX_STR_DIGITS: usize = 640;

/// [`parse_int`] with CPython's digit limit (`limit` 0: none) for bases that are not powers of
/// two, checked before the (quadratic) conversion.
pub fn parse_int_limited(text: &str, base: u32, limit: usize) -> Result<BigInt, IntParseError> {
    use IntParseError::Invalid;
    let t = text.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &t[2..]),
        (0 | 8, Some("0o")) => (8, &t[2..]),
        (0 | 2, Some("0b")) => (2, &t[2..]),
        (0, _) => {
            if t.len() > 1 && t.starts_with('0') && t.trim_start_matches(['0', '_']).is_empty() {
                (10, t)
            } else if t.len() > 1 && t.starts_with('0') {
                return Err(Invalid);
            } else {
                (10, t)
            }
        }
        (b, _) => (b, t),
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10)
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(Invalid);
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return Err(Invalid);
    }
    if limit > 0 && !base.is_power_of_two() && clean.len() > limit {
        return Err(IntParseError::TooManyDigits(clean.len()));
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base).ok_or(Invalid)?;
    Ok(if neg { -n } else { n })
}

/// The decimal text of a machine int, allocated at its exact length without going through
/// `fmt` (`str(i)`, `f"{i}"` and `repr` of small ints are hot in string building).
pub fn small_int_text(n: i64) -> String {
    itoa::Buffer::new().format(n).to_owned()
}

/// `str(n)` as a str value, its digits written straight into the str (no `String`).
pub fn small_int_str(n: i64) -> Value {
    Value::new_str(itoa::Buffer::new().format(n))
}

/// `str(n)` under the interpreter's digit limit (`sys.set_int_max_str_digits`).
pub fn decimal_text(ts: &ThreadState, n: &BigInt) -> PyResult<String> {
    let limit = ts.rt.int_max_str_digits.get();
    to_decimal_limited(n, limit).ok_or_else(|| {
        ts.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    })
}

/// `int(text, base)` under the interpreter's digit limit; `None` when `text` is no int literal.
pub fn parse_int_checked(ts: &ThreadState, text: &str, base: u32) -> PyResult<Option<BigInt>> {
    let limit = ts.rt.int_max_str_digits.get();
    match parse_int_limited(text, base, limit) {
        Ok(n) => Ok(Some(n)),
        Err(IntParseError::Invalid) => Ok(None),
        Err(IntParseError::TooManyDigits(n)) => Err(ts.value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: \
             value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        ))),
    }
}

/// The decimal text of `n`, unless it has more digits than `limit` (0: no limit); CPython
/// 3.11's `str(int)`, which estimates the digits from the bits before converting.
pub fn to_decimal_limited(n: &BigInt, limit: usize) -> Option<String> {
    if limit > 0 {
        // A number of `bits` bits has between these many decimal digits.
        let bits = n.bits() as f64;
        let fewest = ((bits - 1.0) * std::f64::consts::LOG10_2).floor() as usize + 1;
        if fewest > limit + 1 {
            return None;
        }
    }
    let text = n.to_string();
    let digits = text.len() - usize::from(n.is_negative());
    (limit == 0 || digits <= limit).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_semantics() {
        assert!(matches!(floordiv_small(-7, 2), Some(Value::Int(-4))));
        assert!(matches!(mod_small(-7, 2), Some(Value::Int(1))));
        assert!(matches!(mod_small(7, -2), Some(Value::Int(-1))));
        assert!(matches!(floordiv_small(i64::MIN, -1), Some(Value::Obj(_))));
        assert!(floordiv_small(1, 0).is_none());
    }

    #[test]
    fn promotion_and_demotion() {
        assert!(matches!(add(i64::MAX, 1), Value::Obj(_)));
        assert!(matches!(mul(1 << 40, 1 << 40), Value::Obj(_)));
        assert!(matches!(from_big(BigInt::from(5)), Value::Int(5)));
        assert!(matches!(sub(i64::MIN, 1), Value::Obj(_)));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 61u32)), 1);
    }

    #[test]
    fn parses_python_int_literals() {
        assert_eq!(parse_int(" 42 ", 10), Some(BigInt::from(42)));
        assert_eq!(parse_int("-0x1f", 0), Some(BigInt::from(-31)));
        assert_eq!(parse_int("ff", 16), Some(BigInt::from(255)));
        assert_eq!(parse_int("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse_int("012", 0), None);
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("", 10), None);
        assert_eq!(parse_int("12a", 10), None);
        let nines = "9".repeat(5000);
        assert_eq!(
            parse_int_limited(&nines, 10, 4300),
            Err(IntParseError::TooManyDigits(5000))
        );
        assert_eq!(
            parse_int_limited(&nines, 7, 4300),
            Err(IntParseError::Invalid)
        );
        assert!(parse_int_limited(&nines, 16, 4300).is_ok());
        assert!(parse_int_limited(&nines, 10, 0).is_ok());
    }
}
