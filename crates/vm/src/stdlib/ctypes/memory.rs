//! The raw memory under ctypes objects. Every ctypes object is an address plus a size:
//! memory it owns lives in a `bytearray` that a `memoryview` exports for as long as the object
//! lives (so the bytes never move), and objects made `from_address` point wherever Python code
//! says. This file holds all of `_ctypes`' reads and writes of raw memory but the foreign call
//! itself (`call.rs`). A bad address from Python code crashes here as it does in CPython;
//! addresses `_ctypes.py` computes itself always lie inside a live buffer.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::class_of::type_name;
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::{Obj, Value};
use crate::objects::bytes::bytearray::ByteArrayData;
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::function::{Args, NativeFn};

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_buffer_address", buffer_address),
    ("_read", read),
    ("_write", write),
    ("_strlen", strlen),
    ("_wcslen", wcslen),
];

/// An address argument: any int, read as the unsigned machine word with its bits (so `-1`
/// and `2**64 - 1` are the same address, as C's conversion makes them).
pub fn address_arg(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    if let Some(Obj::BigInt(b)) = v.obj().map(|o| &**o) {
        return word_of(b)
            .ok_or_else(|| ts.new_exc(ExcKind::OverflowError, "address out of range"));
    }
    Ok(int_arg(ts, v)? as usize)
}

/// The low machine word of a big int, two's complement, as C's conversion takes it.
fn word_of(b: &BigInt) -> Option<usize> {
    let word = b & BigInt::from(u64::MAX);
    usize::try_from(word.to_u64()?).ok()
}

/// An address as a Python int, unsigned.
pub fn address_value(address: usize) -> Value {
    match i64::try_from(address) {
        Ok(i) => Value::Int(i),
        Err(_) => crate::objects::int::from_big(BigInt::from(address)),
    }
}

/// `_buffer_address(bytearray)`: where its bytes are. Only while a `memoryview` exports the
/// bytearray: then it cannot be resized, so the address stays valid while that view lives.
fn buffer_address(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_buffer_address", args, 1, 1)?;
    let Some(Obj::ByteArray(data)) = a[0].obj().map(|o| &**o) else {
        return Err(ts.type_error(format!(
            "expected a bytearray, not '{}'",
            type_name(ts, &a[0])
        )));
    };
    pinned_address(data).map(address_value).ok_or_else(|| {
        ts.new_exc(
            ExcKind::BufferError,
            "a bytearray has a fixed address only while a memoryview exports it",
        )
    })
}

/// Where an exported bytearray's bytes are (`None` if no view exports it, or it is borrowed).
fn pinned_address(data: &ByteArrayData) -> Option<usize> {
    if !data.is_exported() {
        return None;
    }
    let mut bytes = data.try_borrow_mut().ok()?;
    Some(bytes.as_mut_ptr() as usize)
}

/// `_read(address, size)`: a copy of `size` bytes at `address`.
fn read(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_read", args, 2, 2)?;
    let address = address_arg(ts, &a[0])?;
    let size = size_arg(ts, &a[1])?;
    // SAFETY: `_ctypes.py` only passes addresses inside buffers it keeps alive, or ones
    // Python code gave it (a bad one of those crashes, as in CPython).
    Ok(new_bytes(unsafe { copy_out(address, size) }))
}

/// A copy of `size` bytes at `address`.
///
/// # Safety
/// `size` bytes at `address` must be readable (any address when `size` is 0).
unsafe fn copy_out(address: usize, size: usize) -> Vec<u8> {
    if size == 0 {
        return Vec::new();
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(address as *const u8, size) }.to_vec()
}

/// Copies `data` to `address`.
///
/// # Safety
/// `data.len()` bytes at `address` must be writable; `data` is the caller's own copy, so the
/// ranges cannot overlap.
unsafe fn copy_in(address: usize, data: &[u8]) {
    // SAFETY: the caller's contract.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), address as *mut u8, data.len()) }
}

/// `_write(address, data)`: copies a bytes-like value's bytes to `address`.
fn write(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_write", args, 2, 2)?;
    let address = address_arg(ts, &a[0])?;
    let data = bytes_arg(ts, &a[1])?;
    // SAFETY: as in `read`; `data` is a fresh copy, so the ranges cannot overlap.
    unsafe { copy_in(address, &data) };
    Ok(Value::None)
}

/// `_strlen(address)`: the length of the NUL-terminated string at `address`.
fn strlen(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_strlen", args, 1, 1)?;
    let address = address_arg(ts, &a[0])?;
    // SAFETY: the caller vouches for a NUL-terminated string at a non-null `address`.
    Ok(address_value(unsafe {
        libc::strlen(address as *const libc::c_char)
    }))
}

/// `_wcslen(address)`: the length in `wchar_t`s of the wide string at `address`.
fn wcslen(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_wcslen", args, 1, 1)?;
    let address = address_arg(ts, &a[0])?;
    // SAFETY: the caller vouches for a NUL-terminated wide string at a non-null `address`.
    Ok(address_value(unsafe {
        libc::wcslen(address as *const libc::wchar_t)
    }))
}

fn size_arg(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    usize::try_from(int_arg(ts, v)?).map_err(|_| ts.value_error("negative size"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes written at an address read back the same, at its start and at an offset.
    #[test]
    fn copy_in_then_copy_out_round_trips() {
        let mut buffer = [0u8; 8];
        let base = buffer.as_mut_ptr() as usize;
        // SAFETY: both ranges lie inside `buffer`, which outlives the calls.
        let back = unsafe {
            copy_in(base + 2, b"abc");
            copy_out(base, 8)
        };
        assert_eq!(back, b"\0\0abc\0\0\0");
        // SAFETY: a zero-size read touches nothing.
        assert!(unsafe { copy_out(0, 0) }.is_empty());
    }

    /// A bytearray that no view exports may move: it has no address until one does.
    #[test]
    fn only_an_exported_bytearray_has_an_address() {
        let data = ByteArrayData::new(vec![1, 2]);
        assert_eq!(pinned_address(&data), None);
        data.add_export();
        assert_eq!(pinned_address(&data), Some(data.borrow().as_ptr() as usize));
        data.remove_export();
        assert_eq!(pinned_address(&data), None);
    }

    /// Addresses keep all 64 bits: `-1` and `2**64 - 1` name the same word.
    #[test]
    fn addresses_are_unsigned_words() {
        assert_eq!(word_of(&BigInt::from(u64::MAX)), Some(usize::MAX));
        assert_eq!(word_of(&BigInt::from(-1)), Some(usize::MAX));
        assert_eq!(word_of(&(BigInt::from(1) << 64u32)), Some(0));
        assert!(matches!(address_value(usize::MAX), Value::Obj(_)));
    }
}
