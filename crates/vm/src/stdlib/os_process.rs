//! `os`'s process functions: `fork` (its native half; the at-fork callbacks are run by
//! `os_process.py`), `waitpid`, `_exit`, `cpu_count`, `urandom`.

use crate::interp::sandbox::check_process;
use crate::interp::thread_state::ThreadState;
use crate::object::args::{c_int_arg, int_arg, positional};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::bytes::methods::new_bytes;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os_fd::{errno, retrying};
use crate::stdlib::socket::errors::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_fork", fork),
    ("_at_fork_failed", at_fork_failed),
    ("waitpid", waitpid),
    ("_exit", exit),
    ("cpu_count", cpu_count),
    ("urandom", urandom),
];

/// `_fork()`: `fork(2)` made safe for the interpreter's threads ([`crate::interp::fork`]).
fn fork(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "fork", args, 0, 0)?;
    check_process(ts, "forking the process")?;
    match crate::interp::fork::fork(ts) {
        -1 => Err(os_error(ts, errno())),
        pid => Ok(Value::Int(pid.into())),
    }
}

/// `_at_fork_failed(func, exc)`: an at-fork callback raised; reported as unraisable, as
/// CPython does ("Exception ignored in: <function ...>").
fn at_fork_failed(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_at_fork_failed", args, 2, 2)?;
    if let Value::Obj(exc) = &a[1] {
        crate::interp::unraisable::write_unraisable(ts, None, &a[0], exc);
    }
    Ok(Value::None)
}

/// `waitpid(pid, options)`: `(pid, status)`, waited for without the GIL.
fn waitpid(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "waitpid", args, 2, 2)?;
    let pid = c_int_arg(ts, &a[0])?;
    let options = c_int_arg(ts, &a[1])?;
    let (pid, status) = retrying(ts, move || {
        let mut status: libc::c_int = 0;
        // SAFETY: `status` is a valid place for the status `waitpid` writes.
        match unsafe { libc::waitpid(pid, &mut status, options) } {
            -1 => Err(errno()),
            pid => Ok((pid, status)),
        }
    })?;
    Ok(Value::new_tuple(vec![
        Value::Int(pid.into()),
        Value::Int(status.into()),
    ]))
}

/// `_exit(n)`: ends the process at once: no cleanup, no flushing of buffers.
fn exit(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_exit", args, 1, 1)?;
    let status = c_int_arg(ts, &a[0])?;
    // SAFETY: `_exit` ends the process; nothing of it runs afterwards.
    unsafe { libc::_exit(status) }
}

/// `cpu_count()`: the CPUs online, as CPython counts them (not the affinity mask).
fn cpu_count(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    positional(ts, "cpu_count", args, 0, 0)?;
    // SAFETY: `sysconf` takes any name; an unknown one answers -1.
    match unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) } {
        n if n >= 1 => Ok(Value::Int(n)),
        _ => Ok(Value::None),
    }
}

/// `urandom(n)`: `n` bytes from the kernel's random source.
fn urandom(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "urandom", args, 1, 1)?;
    let n = int_arg(ts, &a[0])?;
    let Ok(size) = usize::try_from(n) else {
        return Err(ts.new_exc(ExcKind::ValueError, "negative argument not allowed"));
    };
    let mut buf = Vec::new();
    buf.try_reserve_exact(size).map_err(|_| ts.memory_error())?;
    buf.resize(size, 0);
    let mut filled = 0;
    while filled < size {
        let rest = &mut buf[filled..];
        // SAFETY: `rest` is a writable buffer of `rest.len()` bytes.
        let got = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        match got {
            -1 if errno() == libc::EINTR => crate::interp::signals::handle_pending(ts)?,
            -1 => return Err(os_error(ts, errno())),
            got => filled += got as usize,
        }
    }
    Ok(new_bytes(buf))
}
