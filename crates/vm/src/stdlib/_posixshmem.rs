//! `_posixshmem`: POSIX shared memory objects (`shm_open`/`shm_unlink` of the C library),
//! what `multiprocessing.shared_memory` is built on. The sandbox counts them as files under
//! `/dev/shm`, where Linux keeps them. `_posixshmem.py` gives the functions their signatures.

use std::ffi::CString;

use crate::interp::sandbox::{check_path, Access};
use crate::interp::thread_state::ThreadState;
use crate::object::args::{c_int_arg, int_arg, positional, str_arg};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[("_shm_open", shm_open), ("_shm_unlink", shm_unlink)];

/// The object's name as the C library takes it, once the sandbox allows writing it.
fn shm_name(ts: &ThreadState, v: &Value) -> PyResult<(String, CString)> {
    let name = str_arg(ts, v, "argument 'path'")?.to_string();
    check_path(
        ts,
        Access::Write,
        &format!("/dev/shm/{}", name.trim_start_matches('/')),
    )?;
    let c_name =
        CString::new(name.clone()).map_err(|_| ts.value_error("embedded null character"))?;
    Ok((name, c_name))
}

/// `_shm_open(path, flags, mode)`: a file descriptor for the object.
fn shm_open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_shm_open", args, 3, 3)?;
    let (name, c_name) = shm_name(ts, &a[0])?;
    let flags = c_int_arg(ts, &a[1])?;
    let Ok(mode) = libc::mode_t::try_from(int_arg(ts, &a[2])?) else {
        return Err(ts.value_error("mode is out of range"));
    };
    // SAFETY: `c_name` is a NUL-terminated string that outlives the call.
    let fd = unsafe { libc::shm_open(c_name.as_ptr(), flags, mode) };
    if fd < 0 {
        return Err(os_error(ts, &std::io::Error::last_os_error(), &name));
    }
    Ok(Value::Int(fd.into()))
}

/// `_shm_unlink(path)`: removes the object's name.
fn shm_unlink(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_shm_unlink", args, 1, 1)?;
    let (name, c_name) = shm_name(ts, &a[0])?;
    // SAFETY: `c_name` is a NUL-terminated string that outlives the call.
    if unsafe { libc::shm_unlink(c_name.as_ptr()) } < 0 {
        return Err(os_error(ts, &std::io::Error::last_os_error(), &name));
    }
    Ok(Value::None)
}
