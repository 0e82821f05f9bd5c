//! `float`: CPython's `repr` (shortest round-trip digits, exponent form outside
//! `1e-4 <= |x| < 1e16`), hashing consistent with `int`, and floor division/modulo.

/// The payload bits that mark a NaN made by [`fresh_nan`], below the quiet bit.
const NAN_TAG: u64 = 0xb5 << 43;
const NAN_TAG_MASK: u64 = 0xff << 43;
const NAN_COUNTER_MASK: u64 = (1 << 43) - 1;
const QUIET_NAN: u64 = 0x7ff8_0000_0000_0000;

/// A NaN with an identity of its own. Floats are values here, and `is` compares their bits;
/// CPython's floats are objects, so `x = float('nan'); (x,) == (x,)` holds (containers
/// compare by identity first) while `float('nan') is float('nan')` does not. Each NaN that
/// `float()` makes carries a distinct tagged payload to give it that identity (arithmetic
/// passes a NaN operand's payload on); [`canonical_nan`] takes it off where bits leave the
/// VM (`struct`, `array`), which then see the NaN CPython writes.
pub fn fresh_nan(negative: bool) -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & NAN_COUNTER_MASK;
    let sign = if negative { 1 << 63 } else { 0 };
    f64::from_bits(sign | QUIET_NAN | NAN_TAG | n)
}

/// `x`, with a NaN of [`fresh_nan`] turned back into the plain quiet NaN (its sign kept).
pub fn canonical_nan(x: f64) -> f64 {
    let bits = x.to_bits();
    if x.is_nan() && bits & NAN_TAG_MASK == NAN_TAG && bits & QUIET_NAN == QUIET_NAN {
        f64::from_bits((bits & (1 << 63)) | QUIET_NAN)
    } else {
        x
    }
}

/// `repr(x)` for a float, as CPython's `float_repr` writes it.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = shortest_digits(x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    // A carry in that rounding (9.5 to 10) leaves a zero that is no digit of the repr.
    digits.truncate(digits.trim_end_matches('0').len().max(1));
    let sign = if x < 0.0 { "-" } else { "" };
    let body = if (-4..16).contains(&exp) {
        fixed_notation(&digits, exp)
    } else {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{first}{frac}e{esign}{:02}", exp.abs())
    };
    format!("{sign}{body}")
}

/// The shortest round-trip digits of a positive `x` as "d.ddde<exp>", CPython's choice among
/// them: Rust's `{:e}` gives the shortest length, but where two candidates of that length
/// round-trip it may not pick the nearer one (161852602146008.13 for 161852602146008.12).
/// So its neighbours at that length that also round-trip are weighed exactly: the nearest
/// wins, an exact tie goes to the even last digit.
fn shortest_digits(x: f64) -> String {
    use num_bigint::BigInt;
    let shortest = format!("{x:e}");
    let (mantissa, exp) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    // The candidate `d * 10**k` as `{:e}` text.
    let text = |d: u64, k: i64| {
        let s = d.to_string();
        let e = k + s.len() as i64 - 1;
        match s.len() {
            1 => format!("{s}e{e}"),
            _ => format!("{}.{}e{e}", &s[..1], &s[1..]),
        }
    };
    let k = exp - (digits.len() as i64 - 1);
    // At most 17 digits: the candidates fit a `u64`.
    let d: u64 = digits.parse().unwrap_or_default();
    let neighbours: Vec<u64> = [d.saturating_sub(1), d + 1]
        .into_iter()
        .filter(|&c| c > 0 && c != d && text(c, k).parse::<f64>().ok() == Some(x))
        .collect();
    if neighbours.is_empty() {
        return shortest;
    }
    // |x - c * 10**k| scaled to integers: x = m * 2**e exactly.
    let bits = x.to_bits();
    let (m, e) = match (bits >> 52) & 0x7ff {
        0 => (bits & ((1 << 52) - 1), -1074i64),
        b => ((bits & ((1 << 52) - 1)) | (1 << 52), b as i64 - 1075),
    };
    let (s2, s10) = ((-e).max(0) as u32, (-k).max(0) as u32);
    let ten = |n: i64| num_traits::pow(BigInt::from(10), n as usize);
    let scaled_x = (BigInt::from(m) << (e + s2 as i64) as usize) * ten(s10 as i64);
    let distance = |c: u64| {
        let scaled_c = (BigInt::from(c) * ten(k + s10 as i64)) << s2 as usize;
        let diff = &scaled_x - scaled_c;
        if diff < BigInt::from(0) {
            -diff
        } else {
            diff
        }
    };
    let mut best = d;
    for c in neighbours {
        let (dc, db) = (distance(c), distance(best));
        if dc < db || (dc == db && c % 2 == 0 && best % 2 == 1) {
            best = c;
        }
    }
    text(best, k)
}

fn fixed_notation(digits: &str, exp: i32) -> String {
    if exp < 0 {
        return format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits);
    }
    let int_len = exp as usize + 1;
    if digits.len() <= int_len {
        format!("{}{}.0", digits, "0".repeat(int_len - digits.len()))
    } else {
        format!("{}.{}", &digits[..int_len], &digits[int_len..])
    }
}

/// The exact integer value of a finite float with no fractional part.
pub fn integral_to_big(f: f64) -> num_bigint::BigInt {
    if f.abs() < 9.0e15 {
        return num_bigint::BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = num_bigint::BigInt::from((bits & ((1 << 52) - 1)) | (1 << 52));
    let magnitude = if exp >= 0 {
        mantissa << exp as usize
    } else {
        mantissa >> (-exp) as usize
    };
    if f < 0.0 {
        -magnitude
    } else {
        magnitude
    }
}

/// Hash consistent with ints for integral values.
pub fn hash_float(x: f64) -> i64 {
    // CPython's `_Py_HashDouble`: the value reduced modulo 2**61 - 1, so that equal ints and
    // floats hash alike. A NaN hashes by identity in CPython: here by its bits (see
    // `fresh_nan`), so distinct NaNs rarely collide.
    const BITS: i32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_nan() {
        return (x.to_bits() & NAN_COUNTER_MASK) as i64;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | h >> (BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & MODULUS) | h >> (BITS - e);
    let h = (h as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

/// C's `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (for finite non-zero `x`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350000000000000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Python's float `//` (None on division by zero).
pub fn floordiv(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    Some(divmod(a, b).0)
}

/// Python's float `%`: result has the sign of the divisor.
pub fn modulo(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    Some(divmod(a, b).1)
}

fn divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0_f64.copysign(a / b)
    };
    (floordiv, m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::int::hash_int;

    #[test]
    fn fresh_nans_differ_and_canonicalize() {
        let (a, b) = (fresh_nan(false), fresh_nan(true));
        assert!(a.is_nan() && b.is_nan() && a.to_bits() != b.to_bits());
        assert_eq!(canonical_nan(a).to_bits(), f64::NAN.to_bits());
        assert_eq!(canonical_nan(b).to_bits(), (-f64::NAN).to_bits());
        assert_ne!(fresh_nan(false).to_bits(), fresh_nan(false).to_bits());
        let odd = f64::from_bits(QUIET_NAN | 1);
        assert_eq!(canonical_nan(odd).to_bits(), odd.to_bits());
        assert_eq!(canonical_nan(2.5), 2.5);
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(161852602146008.12), "161852602146008.12");
        assert_eq!(float_repr(-788830060729777.2), "-788830060729777.2");
        assert_eq!(float_repr(5.960464477539063e-08), "5.960464477539063e-08");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.00001), "1e-05");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(fresh_nan(true)), "nan");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(123456789.125), "123456789.125");
        assert_eq!(
            float_repr(1.7976931348623157e308),
            "1.7976931348623157e+308"
        );
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn floor_semantics() {
        assert_eq!(floordiv(-7.0, 2.0), Some(-4.0));
        assert_eq!(modulo(-7.0, 2.0), Some(1.0));
        assert_eq!(modulo(7.0, -2.0), Some(-1.0));
        assert_eq!(modulo(1.0, 0.0), None);
    }

    #[test]
    fn integral_floats_convert_exactly() {
        assert_eq!(
            integral_to_big(2f64.powi(60)),
            num_bigint::BigInt::from(1u64 << 60)
        );
        assert_eq!(integral_to_big(-3.0), num_bigint::BigInt::from(-3));
    }

    #[test]
    fn integral_floats_hash_like_ints() {
        assert_eq!(hash_float(3.0), hash_int(3));
        assert_eq!(hash_float(-1.0), -2);
    }
}
