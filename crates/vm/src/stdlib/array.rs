//! The native core of `array` (`array.py` is the Python face): packing a list of checked
//! items into machine values and back (native byte order, CPython's item sizes on Linux).

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::objects::int::{from_big, to_big};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_pack", pack), ("_unpack", unpack)];

fn item_size(code: &str) -> Option<usize> {
    Some(match code {
        "b" | "B" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" | "u" => 4,
        "l" | "L" | "q" | "Q" | "d" => 8,
        _ => return None,
    })
}

fn float_of(v: &Value) -> f64 {
    match v {
        Value::Float(f) => crate::objects::float::canonical_nan(*f),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        v => to_big(v).and_then(|b| b.to_f64()).unwrap_or(f64::NAN),
    }
}

fn int_of(v: &Value) -> BigInt {
    to_big(v).unwrap_or_default()
}

/// `_pack(typecode, items)`: the items (already checked by `array.py`) as bytes.
fn pack(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_pack", args, 2, 2)?;
    let code = str_arg(ts, &a[0], "typecode")?;
    let Some(Obj::List(items)) = a[1].obj().map(|o| &**o) else {
        return Err(ts.type_error("_pack() needs a list"));
    };
    let items = items.borrow();
    let size = item_size(code).ok_or_else(|| ts.value_error("bad typecode"))?;
    let mut out = Vec::with_capacity(items.len() * size);
    for v in items.iter() {
        match code {
            "f" => out.extend_from_slice(&(float_of(v) as f32).to_ne_bytes()),
            "d" => out.extend_from_slice(&float_of(v).to_ne_bytes()),
            "u" => {
                let c = v
                    .as_str()
                    .and_then(|s| s.as_str().chars().next())
                    .map_or(0, |c| c as u32);
                out.extend_from_slice(&c.to_ne_bytes());
            }
            _ => {
                // Two's complement, truncated to the item size (the value is in range).
                let n = int_of(v);
                let wide = n
                    .to_i128()
                    .or_else(|| n.to_u64().map(|u| u as i128))
                    .unwrap_or(0);
                out.extend_from_slice(&wide.to_le_bytes()[..size]);
                if cfg!(target_endian = "big") {
                    let start = out.len() - size;
                    out[start..].reverse();
                }
            }
        }
    }
    Ok(new_bytes(out))
}

/// `_unpack(typecode, data)`: the items of `data` (a whole number of items).
fn unpack(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_unpack", args, 2, 2)?;
    let code = str_arg(ts, &a[0], "typecode")?.to_string();
    let data = bytes_arg(ts, &a[1])?;
    let size = item_size(&code).ok_or_else(|| ts.value_error("bad typecode"))?;
    let mut items = Vec::with_capacity(data.len() / size);
    for chunk in data.chunks_exact(size) {
        let mut le = chunk.to_vec();
        if cfg!(target_endian = "big") {
            le.reverse();
        }
        let mut buf = [0u8; 8];
        buf[..size].copy_from_slice(&le);
        let unsigned = u64::from_le_bytes(buf);
        let signed = {
            let shift = 64 - 8 * size as u32;
            ((unsigned << shift) as i64) >> shift
        };
        let item = match code.as_str() {
            "f" => Value::Float(f32::from_bits(unsigned as u32) as f64),
            "d" => Value::Float(f64::from_bits(unsigned)),
            "u" => {
                let c = char::from_u32(unsigned as u32).ok_or_else(|| {
                    ts.value_error(format!(
                        "character U+{:x} is not in range [U+0000; U+10ffff]",
                        unsigned as u32
                    ))
                })?;
                Value::new_str(c.to_string())
            }
            "b" | "h" | "i" | "l" | "q" => Value::Int(signed),
            _ => from_big(BigInt::from(unsigned)),
        };
        items.push(item);
    }
    Ok(Value::new_list(items))
}
