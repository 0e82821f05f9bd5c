//! The native part of `_multiprocessing`: POSIX named semaphores (`sem_open`), which live in
//! shared memory and so are shared with the children a fork makes. Python sees a semaphore
//! as an index into this process's table of them (never a raw pointer: a bad index raises);
//! `_multiprocessing.py` writes CPython's `SemLock` over these calls.

use std::ffi::CString;
use std::sync::Mutex;

use crate::interp::thread_state::ThreadState;
use crate::object::args::{int_arg, positional, str_arg};
use crate::object::error::{ExcKind, PyResult};
use crate::object::value::Value;
use crate::objects::function::{Args, NativeFn};
use crate::stdlib::os_fd::{errno, retrying};
use crate::stdlib::socket::errors::os_error;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("_sem_open", sem_open),
    ("_sem_wait", sem_wait),
    ("_sem_post", sem_post),
    ("_sem_getvalue", sem_getvalue),
    ("sem_unlink", sem_unlink),
];

/// The semaphores this process opened (addresses of `sem_t`s, which stay mapped at the same
/// address in a forked child); never closed, so an index stays valid.
static SEMAPHORES: Mutex<Vec<usize>> = Mutex::new(Vec::new());

fn semaphore(ts: &ThreadState, v: &Value) -> PyResult<*mut libc::sem_t> {
    let index = int_arg(ts, v)?;
    let table = SEMAPHORES.lock().unwrap_or_else(|e| e.into_inner());
    usize::try_from(index)
        .ok()
        .and_then(|i| table.get(i).copied())
        .map(|address| address as *mut libc::sem_t)
        .ok_or_else(|| ts.new_exc(ExcKind::ValueError, "invalid semaphore handle"))
}

fn name_arg(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    CString::new(str_arg(ts, v, "name")?)
        .map_err(|_| ts.new_exc(ExcKind::ValueError, "embedded null character"))
}

/// `_sem_open(name, value)`: creates the semaphore `name` with `value` (it must not exist);
/// `_sem_open(name, None)` opens an existing one. Answers its index.
fn sem_open(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sem_open", args, 2, 2)?;
    let name = name_arg(ts, &a[0])?;
    let sem = match &a[1] {
        // SAFETY: `name` is a NUL-terminated string; no `O_CREAT`, no further arguments.
        Value::None => unsafe { libc::sem_open(name.as_ptr(), 0) },
        value => {
            let value = libc::c_uint::try_from(int_arg(ts, value)?)
                .map_err(|_| ts.new_exc(ExcKind::ValueError, "invalid value"))?;
            let flags = libc::O_CREAT | libc::O_EXCL;
            let mode: libc::c_uint = 0o600;
            // SAFETY: `name` is a NUL-terminated string; with `O_CREAT` the two further
            // arguments are the mode and the initial value, as `sem_open` expects.
            unsafe { libc::sem_open(name.as_ptr(), flags, mode, value) }
        }
    };
    if sem == libc::SEM_FAILED {
        return Err(os_error(ts, errno()));
    }
    let mut table = SEMAPHORES.lock().unwrap_or_else(|e| e.into_inner());
    table.push(sem as usize);
    Ok(Value::Int((table.len() - 1) as i64))
}

/// `_sem_wait(handle, timeout)`: decrements the semaphore, waiting without the GIL at most
/// `timeout` seconds (forever if `None`, not at all if 0); answers whether it did.
fn sem_wait(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sem_wait", args, 2, 2)?;
    let sem = semaphore(ts, &a[0])? as usize;
    let timeout = match &a[1] {
        Value::None => None,
        Value::Float(f) => Some(f.max(0.0)),
        v => Some(int_arg(ts, v)?.max(0) as f64),
    };
    // SAFETY: `sem` is an open semaphore from the table.
    let taken = unsafe { libc::sem_trywait(sem as *mut libc::sem_t) } == 0;
    if taken {
        return Ok(Value::Bool(true));
    }
    if timeout == Some(0.0) {
        return match errno() {
            libc::EAGAIN => Ok(Value::Bool(false)),
            e => Err(os_error(ts, e)),
        };
    }
    let deadline = timeout.map(deadline_after);
    let got = retrying(ts, move || {
        let sem = sem as *mut libc::sem_t;
        // SAFETY: `sem` is an open semaphore; `deadline` is a valid timespec.
        let r = unsafe {
            match &deadline {
                None => libc::sem_wait(sem),
                Some(deadline) => libc::sem_timedwait(sem, deadline),
            }
        };
        match r {
            0 => Ok(true),
            _ if errno() == libc::ETIMEDOUT => Ok(false),
            _ => Err(errno()),
        }
    })?;
    Ok(Value::Bool(got))
}

/// The `CLOCK_REALTIME` time `seconds` from now (what `sem_timedwait` takes).
fn deadline_after(seconds: f64) -> libc::timespec {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid place for the time.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let seconds = seconds.min(1e9);
    let nanos = now.tv_nsec + (seconds.fract() * 1e9) as i64;
    libc::timespec {
        tv_sec: now.tv_sec
            + seconds.trunc() as libc::time_t
            + (nanos / 1_000_000_000) as libc::time_t,
        tv_nsec: (nanos % 1_000_000_000) as _,
    }
}

/// `_sem_post(handle)`: increments the semaphore.
fn sem_post(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sem_post", args, 1, 1)?;
    let sem = semaphore(ts, &a[0])?;
    // SAFETY: `sem` is an open semaphore from the table.
    if unsafe { libc::sem_post(sem) } != 0 {
        return Err(os_error(ts, errno()));
    }
    Ok(Value::None)
}

/// `_sem_getvalue(handle)`: the semaphore's value.
fn sem_getvalue(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "_sem_getvalue", args, 1, 1)?;
    let sem = semaphore(ts, &a[0])?;
    let mut value: libc::c_int = 0;
    // SAFETY: `sem` is an open semaphore from the table; `value` a valid place for its value.
    if unsafe { libc::sem_getvalue(sem, &mut value) } != 0 {
        return Err(os_error(ts, errno()));
    }
    // Linux answers minus the number of waiters when some wait; CPython shows 0 then.
    Ok(Value::Int(value.max(0).into()))
}

/// `sem_unlink(name)`: removes the semaphore's name (open ones stay usable).
fn sem_unlink(ts: &mut ThreadState, _this: &Value, args: &Args) -> PyResult {
    let a = positional(ts, "sem_unlink", args, 1, 1)?;
    let name = name_arg(ts, &a[0])?;
    // SAFETY: `name` is a NUL-terminated string.
    if unsafe { libc::sem_unlink(name.as_ptr()) } != 0 {
        return Err(os_error(ts, errno()));
    }
    Ok(Value::None)
}

#[cfg(test)]
mod tests {
    use super::deadline_after;

    #[test]
    fn deadlines_are_normalised_timespecs_in_the_future() {
        for seconds in [0.0, 0.25, 0.999_999_999, 1.5, 30.75, 1e12] {
            let before = deadline_after(0.0);
            let deadline = deadline_after(seconds);
            assert!((0..1_000_000_000).contains(&deadline.tv_nsec), "{seconds}");
            assert!(deadline.tv_sec >= before.tv_sec + seconds.min(1e9).trunc() as i64);
        }
    }
}
