//! Foreign calls through libffi, and ctypes' private `errno`. `_ctypes.py` converts the
//! arguments to their C bytes and describes each C type by a spec string: one format
//! character of a scalar (`struct`'s letters, `P` a pointer), or `{...}` around the specs of
//! a structure's fields in order, which libffi lays out as the C compiler does. The call runs
//! without the GIL, as CPython's ctypes calls do.

use std::cell::Cell;

use libffi::middle::{Arg, Cif, CodePtr, Ret, Type};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::{Obj, Value};
use crate::objects::bytes::methods::{bytes_data, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::ctypes::memory::address_arg;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_call", call),
    ("get_errno", get_errno),
    ("set_errno", set_errno),
];

/// `FUNCFLAG_USE_ERRNO`: swap the C `errno` with ctypes' private one around the call.
pub const USE_ERRNO: i64 = 8;

thread_local! {
    /// ctypes' private copy of `errno`, one per thread as in CPython.
    static PRIVATE_ERRNO: Cell<i32> = const { Cell::new(0) };
}

/// A C type: libffi's description, its size and its alignment.
pub(super) struct CType {
    pub(super) ffi: Type,
    pub(super) size: usize,
    align: usize,
}

impl CType {
    fn scalar(ffi: Type, size: usize) -> CType {
        CType {
            ffi,
            size,
            align: size,
        }
    }
}

/// Parses one spec from the front of `spec`; `None` for a malformed one.
fn parse_one(spec: &mut std::str::Chars) -> Option<CType> {
    use std::mem::size_of;
    Some(match spec.next()? {
        'b' => CType::scalar(Type::i8(), 1),
        'B' | 'c' | '?' => CType::scalar(Type::u8(), 1),
        'h' => CType::scalar(Type::i16(), 2),
        'H' => CType::scalar(Type::u16(), 2),
        'i' => CType::scalar(Type::i32(), 4),
        'I' | 'u' => CType::scalar(Type::u32(), 4),
        'l' => CType::scalar(Type::c_long(), size_of::<libc::c_long>()),
        'L' => CType::scalar(Type::c_ulong(), size_of::<libc::c_ulong>()),
        'q' => CType::scalar(Type::i64(), 8),
        'Q' => CType::scalar(Type::u64(), 8),
        'f' => CType::scalar(Type::f32(), 4),
        'd' => CType::scalar(Type::f64(), 8),
        'P' => CType::scalar(Type::pointer(), size_of::<usize>()),
        // `long double`: `_ctypes.py` gives it 16 bytes, as x86-64 and AArch64 store it.
        'g' => CType::scalar(Type::longdouble(), 16),
        '{' => {
            let mut fields = Vec::new();
            let (mut size, mut align) = (0usize, 1usize);
            loop {
                if spec.as_str().starts_with('}') {
                    spec.next();
                    break;
                }
                let field = parse_one(spec)?;
                size = size.next_multiple_of(field.align) + field.size;
                align = align.max(field.align);
                fields.push(field.ffi);
            }
            CType {
                ffi: Type::structure(fields),
                size: size.next_multiple_of(align).max(1),
                align,
            }
        }
        _ => return None,
    })
}

/// One whole spec.
#[cfg(test)]
pub(super) fn parse_spec(spec: &str) -> Option<CType> {
    let mut chars = spec.chars();
    let parsed = parse_one(&mut chars)?;
    chars.as_str().is_empty().then_some(parsed)
}

/// Parses a sequence of specs (the arguments' types).
pub(super) fn parse_all(ts: &ThreadState, spec: &str) -> PyResult<Vec<CType>> {
    let mut chars = spec.chars();
    let mut types = Vec::new();
    while !chars.as_str().is_empty() {
        match parse_one(&mut chars) {
            Some(t) => types.push(t),
            None => return Err(ts.value_error(format!("bad C type spec {spec:?}"))),
        }
    }
    Ok(types)
}

/// A value's bytes in a buffer aligned for any C type, at least `size` bytes (and the word
/// libffi writes a small integer result into).
fn aligned(bytes: &[u8], size: usize) -> Vec<u128> {
    let words = size.max(bytes.len()).max(8).div_ceil(16);
    let mut buffer = vec![0u128; words];
    for (i, b) in bytes.iter().enumerate() {
        let shift = 8 * (i % 16);
        buffer[i / 16] |= u128::from(*b) << shift;
    }
    buffer
}

/// The first `size` bytes of an aligned buffer, in memory order.
fn bytes_of(buffer: &[u128], size: usize) -> Vec<u8> {
    buffer
        .iter()
        .flat_map(|w| w.to_le_bytes())
        .take(size)
        .collect()
}

/// One call, all of it owned here, so that it runs without the GIL touching no Python object.
struct ForeignCall {
    cif: Cif,
    fun: usize,
    args: Vec<Vec<u128>>,
    result: Vec<u128>,
    use_errno: bool,
}

impl ForeignCall {
    fn run(mut self) -> Vec<u128> {
        let args: Vec<Arg> = self.args.iter().map(|a| Arg::new(&a[0])).collect();
        let fun = CodePtr::from_ptr(self.fun as *const libc::c_void);
        if self.use_errno {
            set_c_errno(PRIVATE_ERRNO.with(Cell::get));
        }
        // SAFETY: the address is a function Python code named (a dlsym result or an address
        // it chose: a wrong one crashes, as in CPython); each argument buffer holds at least
        // its type's size, suitably aligned, and the result buffer at least the result's
        // size and a machine word.
        unsafe {
            self.cif
                .call_return_into(fun, &args, Ret::new(&mut self.result[..]))
        };
        if self.use_errno {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            PRIVATE_ERRNO.with(|e| e.set(errno));
        }
        self.result
    }
}

#[cfg(target_os = "linux")]
fn set_c_errno(value: i32) {
    // SAFETY: `__errno_location` returns this thread's errno, always valid to write.
    unsafe { *libc::__errno_location() = value };
}

#[cfg(not(target_os = "linux"))]
fn set_c_errno(value: i32) {
    // SAFETY: `__error` returns this thread's errno, always valid to write.
    unsafe { *libc::__error() = value };
}

/// `_call(address, argspecs, args, restype_spec, flags)`: calls the C function at `address`
/// with `args` (each the bytes of its C value) and gives the result's bytes (`None` when
/// `restype_spec` is empty: a `void` function).
fn call(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_call", args, 5, 5)?;
    let fun = address_arg(ts, &a[0])?;
    let arg_types = parse_all(ts, str_arg(ts, &a[1], "argspecs")?)?;
    let values = arg_bytes(ts, &a[2])?;
    if values.len() != arg_types.len() {
        return Err(ts.value_error("one spec per argument expected"));
    }
    let result_types = parse_all(ts, str_arg(ts, &a[3], "restype")?)?;
    let flags = int_arg(ts, &a[4])?;
    let (result_ffi, result_size) = match result_types.into_iter().next() {
        Some(t) => (t.ffi, t.size),
        None => (Type::void(), 0),
    };
    let buffers = values
        .iter()
        .zip(&arg_types)
        .map(|(v, t)| aligned(v, t.size))
        .collect();
    let foreign = ForeignCall {
        cif: Cif::new(arg_types.into_iter().map(|t| t.ffi), result_ffi),
        fun,
        args: buffers,
        result: aligned(&[], result_size),
        use_errno: flags & USE_ERRNO != 0,
    };
    let result = crate::stdlib::ctypes::callback::lend_while(ts, move || foreign.run());
    Ok(if result_size == 0 {
        Value::None
    } else {
        new_bytes(bytes_of(&result, result_size))
    })
}

fn arg_bytes(ts: &ThreadState, v: &Value) -> PyResult<Vec<Vec<u8>>> {
    let items = match v.obj().map(|o| &**o) {
        Some(Obj::List(l)) => l.borrow().clone(),
        Some(Obj::Tuple(t)) => t.to_vec(),
        _ => return Err(ts.type_error("a list of arguments' bytes expected")),
    };
    items
        .iter()
        .map(|i| bytes_data(i).ok_or_else(|| ts.type_error("an argument's bytes expected")))
        .collect()
}

/// `get_errno()`: ctypes' private errno of this thread.
fn get_errno(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "get_errno", args, 0, 0)?;
    Ok(Value::Int(PRIVATE_ERRNO.with(Cell::get).into()))
}

/// `set_errno(value)`: sets this thread's private errno, giving the old value.
fn set_errno(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "set_errno", args, 1, 1)?;
    let new = crate::object::args::c_int_arg(ts, &a[0])?;
    Ok(Value::Int(PRIVATE_ERRNO.with(|e| e.replace(new)).into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(spec: &str) -> (usize, usize) {
        let t = parse_one(&mut spec.chars()).unwrap();
        (t.size, t.align)
    }

    /// Structure specs get C's layout: fields at their alignment, the size a multiple of it.
    #[test]
    fn structures_are_laid_out_as_c_lays_them_out() {
        assert_eq!(layout("{ii}"), (8, 4));
        assert_eq!(layout("{cq}"), (16, 8));
        assert_eq!(layout("{qc}"), (16, 8));
        assert_eq!(layout("{{ch}c}"), (6, 2));
        assert!(parse_one(&mut "{i".chars()).is_none());
        assert!(parse_one(&mut "x".chars()).is_none());
    }

    /// Argument buffers hold a value's bytes in order, padded to its size and a word.
    #[test]
    fn buffers_keep_bytes_in_order_and_pad() {
        let b = aligned(&[1, 2, 3], 20);
        assert_eq!(b.len(), 2);
        assert_eq!(bytes_of(&b, 4), vec![1, 2, 3, 0]);
    }

    #[repr(C)]
    struct Quotient {
        quot: i32,
        rem: i32,
    }

    extern "C" fn divide(a: i32, b: i32) -> Quotient {
        Quotient {
            quot: a / b,
            rem: a % b,
        }
    }

    /// A real call: `labs(-7)` through libffi, and a structure returned by value.
    #[test]
    fn calls_reach_c_functions() {
        let run = |fun: usize, spec: &str, args: Vec<Vec<u8>>, ret: &str| {
            let types = parse_one(&mut ret.chars()).unwrap();
            let arg_types: Vec<CType> = spec
                .chars()
                .map(|c| parse_one(&mut c.to_string().chars()).unwrap())
                .collect();
            let buffers = args
                .iter()
                .zip(&arg_types)
                .map(|(v, t)| aligned(v, t.size))
                .collect();
            let size = types.size;
            let foreign = ForeignCall {
                cif: Cif::new(arg_types.into_iter().map(|t| t.ffi), types.ffi),
                fun,
                args: buffers,
                result: aligned(&[], size),
                use_errno: false,
            };
            bytes_of(&foreign.run(), size)
        };
        let labs = run(
            libc::labs as *const () as usize,
            "l",
            vec![(-7i64).to_le_bytes().to_vec()],
            "l",
        );
        assert_eq!(labs, 7i64.to_le_bytes());
        let div = run(
            divide as *const () as usize,
            "ii",
            vec![7i32.to_le_bytes().to_vec(), 3i32.to_le_bytes().to_vec()],
            "{ii}",
        );
        assert_eq!(div, [2, 0, 0, 0, 1, 0, 0, 0]);
    }
}
