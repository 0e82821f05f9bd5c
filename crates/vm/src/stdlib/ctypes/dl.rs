//! Loading shared libraries and finding their symbols (`dlopen`/`dlsym` of the C library).

use std::ffi::{CStr, CString};

use crate::interp::thread_state::ThreadState;
use crate::object::args::{c_int_arg, positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::ctypes::memory::{address_arg, address_value};

pub const FUNCTIONS: &[(&str, NativeFn)] =
    &[("dlopen", dlopen), ("dlsym", dlsym), ("dlclose", dlclose)];

/// The C library's last `dl*` error message.
fn dl_error() -> String {
    // SAFETY: `dlerror` returns null or a NUL-terminated string valid until the next `dl*`
    // call on this thread; it is copied at once.
    let message = unsafe { libc::dlerror() };
    if message.is_null() {
        return "unknown dynamic loading error".into();
    }
    // SAFETY: non-null, NUL-terminated (above).
    unsafe { CStr::from_ptr(message) }
        .to_string_lossy()
        .into_owned()
}

fn c_name(ts: &ThreadState, v: &Value, what: &str) -> PyResult<CString> {
    CString::new(str_arg(ts, v, what)?).map_err(|_| ts.value_error("embedded null character"))
}

/// `dlopen(name, mode)`: a handle of the library (`None`: the program itself), or `OSError`
/// with the loader's message.
fn dlopen(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "dlopen", args, 1, 2)?;
    let name = match &a[0] {
        Value::None => None,
        v => Some(c_name(ts, v, "dlopen() argument 1")?),
    };
    let mode = match a.get(1) {
        Some(m) => c_int_arg(ts, m)?,
        None => libc::RTLD_NOW | libc::RTLD_LOCAL,
    } | libc::RTLD_NOW;
    let path = name.as_ref().map_or(std::ptr::null(), |n| n.as_ptr());
    // SAFETY: `path` is null or a NUL-terminated string that outlives the call.
    let handle = unsafe { libc::dlopen(path, mode) };
    if handle.is_null() {
        return Err(ts.new_exc(ExcKind::OSError, dl_error()));
    }
    Ok(address_value(handle as usize))
}

/// `dlsym(handle, name)`: the symbol's address, or `OSError` with the loader's message.
fn dlsym(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "dlsym", args, 2, 2)?;
    let handle = address_arg(ts, &a[0])?;
    let name = c_name(ts, &a[1], "dlsym() argument 2")?;
    // SAFETY: clears any stale error, so a null result below is told apart from an error.
    unsafe { libc::dlerror() };
    // SAFETY: `handle` came from `dlopen` (a wrong one is Python code's error, as in
    // CPython); `name` is NUL-terminated and outlives the call.
    let address = unsafe { libc::dlsym(handle as *mut libc::c_void, name.as_ptr()) };
    if address.is_null() {
        return Err(ts.new_exc(ExcKind::OSError, dl_error()));
    }
    Ok(address_value(address as usize))
}

/// `dlclose(handle)`.
fn dlclose(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "dlclose", args, 1, 1)?;
    let handle = address_arg(ts, &a[0])?;
    // SAFETY: as in `dlsym`, the handle is one `dlopen` gave.
    if unsafe { libc::dlclose(handle as *mut libc::c_void) } != 0 {
        return Err(ts.new_exc(ExcKind::OSError, dl_error()));
    }
    Ok(Value::None)
}
