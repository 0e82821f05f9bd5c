//! The item formats a `memoryview` reads and writes: CPython's native single-character
//! `struct` formats, in native byte order, with `memoryview`'s own error messages.

use num_bigint::BigInt;

use crate::interp::thread_state::ThreadState;
use crate::object::error::PyResult;
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::int::{from_big, to_big};

/// The size of an item of `format` (`"B"`, `"@i"`...), if it is a native single character.
pub fn item_size(format: &str) -> Option<usize> {
    let code = format.strip_prefix('@').unwrap_or(format);
    let mut chars = code.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    Some(match c {
        'B' | 'b' | 'c' | '?' => 1,
        'h' | 'H' => 2,
        // 'w': a UCS-4 character, the format of an array('u') in CPython 3.11.
        'i' | 'I' | 'f' | 'u' | 'w' => 4,
        'l' | 'L' | 'q' | 'Q' | 'd' | 'n' | 'N' | 'P' => 8,
        _ => return None,
    })
}

/// The format's character (the `@` prefix dropped).
pub fn code_of(format: &str) -> char {
    format.trim_start_matches('@').chars().next().unwrap_or('B')
}

fn signed(b: &[u8]) -> i64 {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    let shift = 64 - 8 * b.len() as u32;
    (i64::from_ne_bytes(buf) << shift) >> shift
}

fn unsigned(b: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    u64::from_ne_bytes(buf)
}

/// The value of the item whose bytes are `b`.
pub fn unpack(code: char, b: &[u8]) -> Value {
    match code {
        'c' => Value::Obj(ObjRef::new(Obj::Bytes(b.into()))),
        '?' => Value::Bool(b[0] != 0),
        'f' => Value::Float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]).into()),
        'd' => Value::Float(f64::from_ne_bytes(b.try_into().unwrap_or([0; 8]))),
        'u' | 'w' => Value::new_str(
            char::from_u32(unsigned(b) as u32)
                .unwrap_or('\u{fffd}')
                .to_string(),
        ),
        'b' | 'h' | 'i' | 'l' | 'q' | 'n' => Value::Int(signed(b)),
        _ => from_big(BigInt::from(unsigned(b))),
    }
}

fn invalid_type(ts: &ThreadState, code: char) -> crate::object::value::ObjRef {
    ts.type_error(format!("memoryview: invalid type for format '{code}'"))
}

fn invalid_value(ts: &ThreadState, code: char) -> crate::object::value::ObjRef {
    ts.value_error(format!("memoryview: invalid value for format '{code}'"))
}

/// The bytes of `v` as an item of `code`, or `memoryview`'s TypeError/ValueError.
pub fn pack(ts: &mut ThreadState, code: char, size: usize, v: &Value) -> PyResult<Vec<u8>> {
    match code {
        'c' => match v.obj().map(|o| &**o) {
            Some(Obj::Bytes(b)) if b.len() == 1 => Ok(b.to_vec()),
            Some(Obj::Bytes(_)) => Err(invalid_value(ts, code)),
            _ => Err(invalid_type(ts, code)),
        },
        '?' => Ok(vec![crate::protocol::ops::truthy(ts, v)? as u8]),
        'f' | 'd' => {
            let x = match v {
                Value::Float(f) => *f,
                _ => match to_big(v) {
                    Some(n) => match crate::objects::int::big_to_f64(&n) {
                        Some(x) => x,
                        None => return Err(invalid_value(ts, code)),
                    },
                    None => return Err(invalid_type(ts, code)),
                },
            };
            Ok(match code {
                'f' => (x as f32).to_ne_bytes().to_vec(),
                _ => x.to_ne_bytes().to_vec(),
            })
        }
        _ => {
            if matches!(v, Value::Float(_)) {
                return Err(invalid_type(ts, code));
            }
            let n = match crate::protocol::ops::index_of(ts, v)? {
                Some(n) => to_big(&n).unwrap_or_default(),
                None => return Err(invalid_type(ts, code)),
            };
            int_bytes(&n, code, size).ok_or_else(|| invalid_value(ts, code))
        }
    }
}

fn int_bytes(n: &BigInt, code: char, size: usize) -> Option<Vec<u8>> {
    let bits = 8 * size as u32;
    let is_signed = matches!(code, 'b' | 'h' | 'i' | 'l' | 'q' | 'n');
    let raw = if is_signed {
        let x = i64::try_from(n).ok()?;
        let limit = 1i128 << (bits - 1);
        if !(-limit..limit).contains(&i128::from(x)) {
            return None;
        }
        x as u64
    } else {
        let x = u64::try_from(n).ok()?;
        if bits < 64 && x >> bits != 0 {
            return None;
        }
        x
    };
    Some(raw.to_ne_bytes()[..size].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_sizes_of_native_formats() {
        assert_eq!(item_size("B"), Some(1));
        assert_eq!(item_size("@i"), Some(4));
        assert_eq!(item_size("Q"), Some(8));
        for bad in ["", "ii", "<i", "z", "@"] {
            assert_eq!(item_size(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ints_round_trip_at_their_limits() {
        for (code, size, lo, hi) in [
            ('b', 1, -128i64, 127i64),
            ('h', 2, -32768, 32767),
            ('i', 4, i32::MIN as i64, i32::MAX as i64),
        ] {
            for n in [lo, -1, 0, hi] {
                let b = int_bytes(&BigInt::from(n), code, size).expect("in range");
                assert!(
                    matches!(unpack(code, &b), Value::Int(m) if m == n),
                    "{code} {n}"
                );
            }
            assert!(int_bytes(&BigInt::from(hi + 1), code, size).is_none());
            assert!(int_bytes(&BigInt::from(lo - 1), code, size).is_none());
        }
        assert!(int_bytes(&BigInt::from(256), 'B', 1).is_none());
        assert!(int_bytes(&BigInt::from(-1), 'B', 1).is_none());
        assert!(int_bytes(&BigInt::from(u64::MAX), 'Q', 8).is_some());
    }
}
