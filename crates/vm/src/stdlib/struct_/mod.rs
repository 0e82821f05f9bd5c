//! The `struct` module: format parsing, packing and unpacking natively (CPython's `_struct`,
//! with its messages); `struct.py` holds `Struct`, `error` and the argument checks.

use crate::object::alloc::{self, OrMemoryError};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::{new_exception, ExcKind, PyResult};
use crate::object::value::{Obj, ObjRef, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytes};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_calcsize", calcsize),
    ("_pack", pack),
    ("_unpack", unpack),
];

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

struct Item {
    code: u8,
    /// Repeat count, or the length for `s` and `p`.
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    order: Order,
    native: bool,
    items: Vec<Item>,
    size: usize,
}

/// `Err(msg)`: a `struct.error` message.
fn parse(fmt: &[u8]) -> Result<Layout, String> {
    let (order, native, rest) = match fmt.first() {
        Some(b'@') => (Order::Native, true, &fmt[1..]),
        Some(b'=') => (Order::Little, false, &fmt[1..]),
        Some(b'<') => (Order::Little, false, &fmt[1..]),
        Some(b'>' | b'!') => (Order::Big, false, &fmt[1..]),
        _ => (Order::Native, true, fmt),
    };
    let order = if order == Order::Native {
        Order::Little
    } else {
        order
    };
    let mut items = Vec::new();
    let mut offset = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < rest.len() && rest[i].is_ascii_digit() {
                n = n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((rest[i] - b'0') as usize))
                    .ok_or("total struct size too long")?;
                i += 1;
            }
            if i >= rest.len() {
                return Err("repeat count given without format specifier".into());
            }
            count = n;
        }
        let code = rest[i];
        i += 1;
        let size = match code {
            b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
            b'h' | b'H' | b'e' => 2,
            b'i' | b'I' | b'f' => 4,
            b'l' | b'L' => {
                if native {
                    8
                } else {
                    4
                }
            }
            b'q' | b'Q' | b'd' => 8,
            b'n' | b'N' | b'P' if native => 8,
            _ => return Err("bad char in struct format".into()),
        };
        if native && !matches!(code, b's' | b'p' | b'x' | b'c') {
            offset = offset.div_ceil(size) * size;
        }
        let total = if matches!(code, b's' | b'p') {
            count
        } else {
            count
                .checked_mul(size)
                .ok_or("total struct size too long")?
        };
        items.push(Item {
            code,
            count,
            size,
            offset,
        });
        offset = offset
            .checked_add(total)
            .ok_or("total struct size too long")?;
    }
    Ok(Layout {
        order,
        native,
        items,
        size: offset,
    })
}

fn struct_error(ts: &ThreadState, error: &Value, msg: impl Into<String>) -> ObjRef {
    match error.obj() {
        Some(class) if matches!(&**class, Obj::Type(_)) => {
            new_exception(class, vec![Value::new_str(msg.into())])
        }
        _ => ts.value_error(msg),
    }
}

fn format_of(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match v.obj().map(|o| &**o) {
        Some(Obj::Bytes(b)) => Ok(b.to_vec()),
        _ => Err(ts.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            type_name(ts, v)
        ))),
    }
}

fn layout(ts: &ThreadState, error: &Value, fmt: &Value) -> PyResult<Layout> {
    let fmt = format_of(ts, fmt)?;
    parse(&fmt).map_err(|m| struct_error(ts, error, m))
}

/// `_calcsize(error, fmt)`: `(size, number of values packed)`.
fn calcsize(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_calcsize", args, 2, 2)?;
    let l = layout(ts, &a[0], &a[1])?;
    let values: usize = l
        .items
        .iter()
        .map(|it| match it.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => it.count,
        })
        .sum();
    Ok(Value::new_tuple(vec![
        Value::Int(l.size as i64),
        Value::Int(values as i64),
    ]))
}

fn put(out: &mut [u8], order: Order, v: u64, size: usize) {
    for k in 0..size {
        let byte = (v >> (8 * k)) as u8;
        match order {
            Order::Big => out[size - 1 - k] = byte,
            _ => out[k] = byte,
        }
    }
}

fn get(data: &[u8], order: Order, size: usize) -> u64 {
    let mut v = 0u64;
    for k in 0..size {
        let byte = match order {
            Order::Big => data[size - 1 - k],
            _ => data[k],
        };
        v |= (byte as u64) << (8 * k);
    }
    v
}

/// An integer argument as `i128`; `None` when it is too large for any format.
fn int_value(ts: &mut ThreadState, error: &Value, v: &Value) -> PyResult<Option<i128>> {
    match v {
        Value::Int(i) => Ok(Some(*i as i128)),
        Value::Bool(b) => Ok(Some(*b as i128)),
        Value::Obj(o) if matches!(&**o, Obj::BigInt(_)) => {
            let Obj::BigInt(b) = &**o else {
                return Ok(None);
            };
            Ok(b.to_i128()
                .filter(|x| *x >= i64::MIN as i128 && *x <= u64::MAX as i128))
        }
        Value::Float(_) => Err(struct_error(
            ts,
            error,
            "required argument is not an integer",
        )),
        _ => match crate::protocol::ops::index_of(ts, v)? {
            Some(i) => int_value(ts, error, &i),
            None => Err(struct_error(
                ts,
                error,
                "required argument is not an integer",
            )),
        },
    }
}

fn float_value(ts: &mut ThreadState, error: &Value, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Obj(o) => match &**o {
            Obj::BigInt(b) => crate::objects::int::big_to_f64(b).ok_or_else(|| {
                ts.new_exc(ExcKind::OverflowError, "int too large to convert to float")
            }),
            _ => {
                let f = crate::protocol::attr::get_attr(ts, v, &Value::new_str("__float__"));
                match f {
                    Ok(f) => match crate::protocol::call::call_value(ts, &f, &[], &[])? {
                        Value::Float(x) => Ok(x),
                        _ => Err(struct_error(ts, error, "required argument is not a float")),
                    },
                    Err(_) => Err(struct_error(ts, error, "required argument is not a float")),
                }
            }
        },
        _ => Err(struct_error(ts, error, "required argument is not a float")),
    }
}

fn range_message(code: u8, size: usize, order: Order, native: bool, v: Option<i128>) -> String {
    let Some(v) = v else {
        return if code == b'P' {
            "int too large to convert".into()
        } else {
            "argument out of range".into()
        };
    };
    let fits_i64 = v >= i64::MIN as i128 && v <= i64::MAX as i128;
    match code {
        b'b' if fits_i64 => "byte format requires -128 <= number <= 127".into(),
        b'B' if fits_i64 => "ubyte format requires 0 <= number <= 255".into(),
        b'h' if fits_i64 => "short format requires -32768 <= number <= 32767".into(),
        b'H' if fits_i64 && !(order == Order::Big && v < 0) => {
            "ushort format requires 0 <= number <= 65535".into()
        }
        b'i' | b'l' if size == 4 && fits_i64 => format!(
            "'{}' format requires -2147483648 <= number <= 2147483647",
            code as char
        ),
        b'I' | b'L' if size == 4 && v > 0 => {
            format!(
                "'{}' format requires 0 <= number <= 4294967295",
                code as char
            )
        }
        b'P' if v > 0 => "int too large to convert".into(),
        _ => {
            let _ = native;
            "argument out of range".into()
        }
    }
}

/// `_pack(error, fmt, values)`: the packed bytes.
fn pack(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_pack", args, 3, 3)?;
    let error = a[0].clone();
    let l = layout(ts, &error, &a[1])?;
    let values: Vec<Value> = match a[2].obj().map(|o| &**o) {
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => return Err(ts.type_error("_pack: values must be a tuple")),
    };
    let wanted: usize = l
        .items
        .iter()
        .map(|it| match it.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => it.count,
        })
        .sum();
    if values.len() != wanted {
        return Err(struct_error(
            ts,
            &error,
            format!(
                "pack expected {wanted} items for packing (got {})",
                values.len()
            ),
        ));
    }
    let mut out = alloc::zeroed(l.size).or_memory_error(ts)?;
    let mut vi = values.iter();
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = vi.next().cloned().unwrap_or(Value::None);
                let data = match v.obj().map(|o| &**o) {
                    Some(Obj::Bytes(_) | Obj::ByteArray(_)) => bytes_data(&v).unwrap_or_default(),
                    _ => {
                        return Err(struct_error(
                            ts,
                            &error,
                            format!("argument for '{}' must be a bytes object", it.code as char),
                        ))
                    }
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = vi.next().cloned().unwrap_or(Value::None);
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    pack_one(ts, &error, &l, code, it.size, &v, dst)?;
                }
            }
        }
    }
    Ok(new_bytes(out))
}

fn pack_one(
    ts: &mut ThreadState,
    error: &Value,
    l: &Layout,
    code: u8,
    size: usize,
    v: &Value,
    dst: &mut [u8],
) -> PyResult<()> {
    match code {
        b'c' => {
            let data = match v.obj().map(|o| &**o) {
                Some(Obj::Bytes(_) | Obj::ByteArray(_)) => bytes_data(v).unwrap_or_default(),
                _ => Vec::new(),
            };
            if data.len() != 1 {
                return Err(struct_error(
                    ts,
                    error,
                    "char format requires a bytes object of length 1",
                ));
            }
            dst[0] = data[0];
        }
        b'?' => dst[0] = crate::protocol::ops::truthy(ts, v)? as u8,
        b'e' | b'f' | b'd' => {
            let x = crate::objects::float::canonical_nan(float_value(ts, error, v)?);
            let bits = match code {
                b'd' => x.to_bits(),
                b'f' => {
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() && !l.native {
                        return Err(ts.new_exc(
                            ExcKind::OverflowError,
                            "float too large to pack with f format",
                        ));
                    }
                    y.to_bits() as u64
                }
                _ => match f64_to_f16(x) {
                    Some(h) => h as u64,
                    None => {
                        return Err(ts.new_exc(
                            ExcKind::OverflowError,
                            "float too large to pack with e format",
                        ))
                    }
                },
            };
            put(dst, l.order, bits, size);
        }
        _ => {
            let n = int_value(ts, error, v)?;
            let signed = code.is_ascii_lowercase();
            let bits = size * 8;
            let ok = n.is_some_and(|n| {
                if signed {
                    let half = 1i128 << (bits - 1);
                    n >= -half && n < half
                } else {
                    n >= 0 && n < (1i128 << bits)
                }
            });
            if !ok {
                return Err(struct_error(
                    ts,
                    error,
                    range_message(code, size, l.order, l.native, n),
                ));
            }
            put(dst, l.order, n.unwrap_or(0) as u64, size);
        }
    }
    Ok(())
}

/// `_unpack(error, fmt, buffer, offset)`: the tuple of values (the caller checked sizes).
fn unpack(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_unpack", args, 4, 4)?;
    let error = a[0].clone();
    let l = layout(ts, &error, &a[1])?;
    let Some(data) = bytes_data(&a[2]) else {
        return Err(ts.type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(ts, &a[2])
        )));
    };
    let offset = int_arg(ts, &a[3])?.max(0) as usize;
    if offset
        .checked_add(l.size)
        .is_none_or(|end| end > data.len())
    {
        return Err(struct_error(
            ts,
            &error,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    let data = &data[offset..offset + l.size];
    let mut out = Vec::new();
    for it in &l.items {
        match it.code {
            b'x' => {}
            b's' => out.push(new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let field = &data[it.offset..it.offset + it.count];
                let n = field
                    .first()
                    .map_or(0, |n| (*n as usize).min(it.count.saturating_sub(1)));
                out.push(new_bytes(field.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let raw = get(&data[at..at + it.size], l.order, it.size);
                    out.push(unpack_one(code, it.size, raw));
                }
            }
        }
    }
    Ok(Value::new_tuple(out))
}

fn unpack_one(code: u8, size: usize, raw: u64) -> Value {
    match code {
        b'c' => new_bytes(vec![raw as u8]),
        b'?' => Value::Bool(raw != 0),
        b'd' => Value::Float(f64::from_bits(raw)),
        b'f' => Value::Float(f32::from_bits(raw as u32) as f64),
        b'e' => Value::Float(f16_to_f64(raw as u16)),
        _ if code.is_ascii_lowercase() => {
            let shift = 64 - 8 * size as u32;
            Value::Int(((raw << shift) as i64) >> shift)
        }
        _ => match i64::try_from(raw) {
            Ok(i) => Value::Int(i),
            Err(_) => crate::objects::int::from_big(BigInt::from(raw)),
        },
    }
}

/// IEEE 754 half precision, rounding half to even; `None` when `x` is finite but too large.
fn f64_to_f16(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // The value in units of the smallest subnormal (2^-24), rounded half to even, with the
    // exponent chosen so the significand has 11 bits.
    let (e, _) = frexp(a); // a = m * 2^e, 0.5 <= m < 1
    let exp = (e - 1).max(-14); // unbiased exponent of the result
    let scale = -(exp - 10); // multiply by 2^(10 - exp)
    let scaled = a * 2f64.powi(scale);
    let mut mant = round_half_even(scaled) as u32;
    let mut exp = exp;
    if mant >= 2048 {
        mant >>= 1;
        exp += 1;
    }
    if exp > 15 {
        return None;
    }
    if mant < 1024 {
        // Subnormal (exp == -14).
        return Some(sign | mant as u16);
    }
    Some(sign | (((exp + 15) as u16) << 10) | (mant as u16 & 0x3ff))
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn frexp(x: f64) -> (i32, f64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (e, m) = frexp(x * 2f64.powi(64));
        return (e - 64, m);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (e, m)
}

fn f16_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let mant = (h & 0x3ff) as f64;
    sign * match exp {
        0 => mant * 2f64.powi(-24),
        31 => {
            if mant == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    }
}
