//! `os`'s file-descriptor functions: `pipe`, `read`, `write`, `close`. Reads and writes wait
//! without the GIL, and a signal that interrupts them has its handler run before they resume
//! (PEP 475).

use crate::interp::sandbox::check_process;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional};
use crate::object::error::PyResult;
use crate::object::value::Value;
use crate::objects::bytes::methods::{bytes_arg, new_bytes};
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::socket::errors::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("pipe", pipe),
    ("read", read),
    ("write", write),
    ("close", close),
    ("open", open),
];

pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub(crate) fn fd_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::c_int> {
    let fd = int_arg(ts, v)?;
    libc::c_int::try_from(fd).map_err(|_| {
        ts.new_exc(
            crate::object::error::ExcKind::OverflowError,
            "signed integer is greater than maximum",
        )
    })
}

/// `pipe()`: `(read_fd, write_fd)`, both close-on-exec (non-inheritable, as in CPython).
fn pipe(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "pipe", args, 0, 0)?;
    check_process(ts, "creating a pipe")?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(os_error(ts, errno()));
    }
    Ok(Value::new_tuple(vec![
        Value::Int(fds[0].into()),
        Value::Int(fds[1].into()),
    ]))
}

/// Runs a blocking call without the GIL until it is not interrupted by a signal; the call
/// answers its result or an errno.
pub(crate) fn retrying<T: Send>(
    ts: &mut ThreadState,
    call: impl Fn() -> Result<T, i32> + Send + Sync,
) -> PyResult<T> {
    loop {
        match ts.allow_threads(&call) {
            Ok(v) => return Ok(v),
            Err(libc::EINTR) => crate::interp::signals::handle_pending(ts)?,
            Err(e) => return Err(os_error(ts, e)),
        }
    }
}

/// `read(fd, n)`: at most `n` bytes, `b''` at end of file.
fn read(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "read", args, 2, 2)?;
    let fd = fd_arg(ts, &a[0])?;
    let n = int_arg(ts, &a[1])?;
    if n < 0 {
        return Err(os_error(ts, libc::EINVAL));
    }
    let size = usize::try_from(n).unwrap_or(usize::MAX).min(1 << 30);
    let data = retrying(ts, move || {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), size) };
        if r < 0 {
            return Err(errno());
        }
        buf.truncate(r as usize);
        Ok(buf)
    })?;
    Ok(new_bytes(data))
}

/// `write(fd, data)`: how many bytes were written.
fn write(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "write", args, 2, 2)?;
    let fd = fd_arg(ts, &a[0])?;
    let data = bytes_arg(ts, &a[1])?;
    let n = retrying(ts, move || {
        // SAFETY: `data` is a live buffer of `data.len()` bytes.
        let r = unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) };
        if r < 0 {
            return Err(errno());
        }
        Ok(r as i64)
    })?;
    Ok(Value::Int(n))
}

/// `close(fd)`.
fn close(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "close", args, 1, 1)?;
    let fd = fd_arg(ts, &a[0])?;
    // SAFETY: closing a number the script names; a bad one fails with EBADF.
    if unsafe { libc::close(fd) } != 0 {
        return Err(os_error(ts, errno()));
    }
    Ok(Value::None)
}

/// `open(path, flags, mode=0o777)`: a new descriptor (close-on-exec, as in CPython).
fn open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "open", args, 2, 3)?;
    let Some(path) = a[0].as_str().map(|p| p.as_str().to_string()) else {
        return Err(ts.type_error("open: path should be string, bytes or os.PathLike"));
    };
    let flags = fd_arg(ts, &a[1])?;
    let mode = match a.get(2) {
        Some(mode) => fd_arg(ts, mode)? as libc::c_uint,
        None => 0o777,
    };
    let writes = flags & (libc::O_WRONLY | libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC) != 0;
    let access = match writes {
        true => crate::interp::sandbox::Access::Write,
        false => crate::interp::sandbox::Access::Read,
    };
    crate::interp::sandbox::check_path(ts, access, &path)?;
    let Ok(c_path) = std::ffi::CString::new(path.clone()) else {
        return Err(ts.new_exc(
            crate::object::error::ExcKind::ValueError,
            "embedded null byte",
        ));
    };
    let fd = retrying(ts, move || {
        // SAFETY: `c_path` is NUL-terminated; the mode is the variadic third argument.
        match unsafe { libc::open(c_path.as_ptr(), flags | libc::O_CLOEXEC, mode) } {
            -1 => Err(errno()),
            fd => Ok(fd),
        }
    });
    let fd = fd.map_err(|exc| with_filename(&exc, &path))?;
    Ok(Value::Int(fd.into()))
}

/// Sets an `OSError`'s `filename`, as CPython's path functions do.
fn with_filename(exc: &crate::object::value::ObjRef, path: &str) -> crate::object::value::ObjRef {
    if let Some(inst) = Value::Obj(exc.clone()).as_instance() {
        inst.set_attr_str("filename", Value::new_str(path));
    }
    exc.clone()
}
